/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses shared by every subcommand. */
enum
{
  GLOSS_CLI_EXIT_OK = 0,
  GLOSS_CLI_EXIT_FAILURE = 1,
  GLOSS_CLI_EXIT_USAGE = 2,
};

int  gloss_cli_extract     (int    argc,
                            char **argv);

int  gloss_cli_usage_error (GOptionContext *context,
                            const char     *message);

G_END_DECLS
