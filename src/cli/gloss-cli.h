/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "gloss-core.h"

G_BEGIN_DECLS

/* Exit statuses shared by every subcommand. */
enum
{
  GLOSS_CLI_EXIT_OK = 0,
  GLOSS_CLI_EXIT_FAILURE = 1,
  GLOSS_CLI_EXIT_USAGE = 2,
};

/* Options that every command takes, before or after its name. */
typedef struct
{
  char *db_path;
} GlossCli;

typedef int (*GlossCliCommandFunc) (GlossCli  *cli,
                                    int        argc,
                                    char     **argv);

int gloss_cli_extract            (GlossCli *cli, int argc, char **argv);
int gloss_cli_import             (GlossCli *cli, int argc, char **argv);
int gloss_cli_articles           (GlossCli *cli, int argc, char **argv);
int gloss_cli_show               (GlossCli *cli, int argc, char **argv);
int gloss_cli_update             (GlossCli *cli, int argc, char **argv);
int gloss_cli_reextract          (GlossCli *cli, int argc, char **argv);
int gloss_cli_annotate           (GlossCli *cli, int argc, char **argv);
int gloss_cli_annotations        (GlossCli *cli, int argc, char **argv);
int gloss_cli_edit_annotation    (GlossCli *cli, int argc, char **argv);
int gloss_cli_delete_annotation  (GlossCli *cli, int argc, char **argv);
int gloss_cli_backup             (GlossCli *cli, int argc, char **argv);
int gloss_cli_backups            (GlossCli *cli, int argc, char **argv);
int gloss_cli_restore            (GlossCli *cli, int argc, char **argv);
int gloss_cli_export             (GlossCli *cli, int argc, char **argv);
int gloss_cli_import_annotations (GlossCli *cli, int argc, char **argv);
int gloss_cli_search             (GlossCli *cli, int argc, char **argv);
int gloss_cli_fetch              (GlossCli *cli, int argc, char **argv);
int gloss_cli_check_updates      (GlossCli *cli, int argc, char **argv);
int gloss_cli_versions           (GlossCli *cli, int argc, char **argv);
int gloss_cli_diff               (GlossCli *cli, int argc, char **argv);
int gloss_cli_suggest            (GlossCli *cli, int argc, char **argv);
int gloss_cli_team               (GlossCli *cli, int argc, char **argv);

/* gloss-cli-common.c */
GOptionContext *gloss_cli_option_context_new (GlossCli           *cli,
                                              const char         *parameters,
                                              const char         *summary,
                                              const GOptionEntry *entries);
int             gloss_cli_usage_error        (GOptionContext     *context,
                                              const char         *message);
int             gloss_cli_fail               (const GError       *error);
GlossStore     *gloss_cli_open_store         (GlossCli           *cli,
                                              GError            **error);
gboolean        gloss_cli_parse_id           (const char         *text,
                                              gint64             *out_id);
void            gloss_cli_print_json         (JsonBuilder        *builder);
void            gloss_cli_print_file_error   (const char         *file,
                                              const GError       *error);
void            gloss_cli_print_annotation   (GlossAnnotation    *annotation,
                                              gboolean            json);
GBytes         *gloss_cli_load_file          (const char         *path,
                                              gsize               max_input_bytes,
                                              char              **out_basename,
                                              GError            **error);
void            gloss_cli_add_update_report  (JsonBuilder             *builder,
                                              const GlossUpdateReport *report);
char           *gloss_cli_describe_update_report (const GlossUpdateReport *report);

G_END_DECLS
