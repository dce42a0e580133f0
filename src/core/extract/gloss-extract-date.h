/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean gloss_text_find_date       (const char  *text,
                                     char       **out_iso);
guint    gloss_text_month_from_word (const char  *word);

G_END_DECLS
