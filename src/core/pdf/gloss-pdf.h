/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  gloss_pdf_is_pdf      (GBytes  *data);
guint     gloss_pdf_get_n_pages (GBytes  *data);
char     *gloss_pdf_to_text     (GBytes  *data,
                                 guint   *out_n_pages,
                                 GError **error);

G_END_DECLS
