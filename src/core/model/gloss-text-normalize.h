/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *gloss_text_normalize     (const char *text,
                                    gssize      length);
gboolean  gloss_text_is_normalized (const char *text);

G_END_DECLS
