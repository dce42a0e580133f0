/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Noticing what another program (gloss-cli, a second window's worker)
 * changed in the library meanwhile (gloss-store-changes.c). */

#include "gloss-store.h"

G_BEGIN_DECLS

gboolean  gloss_store_read_data_version     (GlossStore  *self,
                                             gint64      *out_version,
                                             GError     **error);
char     *gloss_store_dup_article_signature (GlossStore  *self,
                                             gint64       article_id,
                                             GError     **error);
gint64    gloss_store_get_own_changes       (GlossStore  *self);

G_END_DECLS
