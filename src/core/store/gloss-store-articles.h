/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Articles: import, load, update, re-extract (gloss-store-articles.c). */

#include "gloss-store.h"

G_BEGIN_DECLS

gint64            gloss_store_import               (GlossStore                 *self,
                                                    GBytes                     *source,
                                                    const char                 *source_name,
                                                    const GlossExtractOptions  *options,
                                                    gboolean                   *out_duplicate,
                                                    GError                    **error);
GlossArticle     *gloss_store_load_article         (GlossStore                 *self,
                                                    gint64                      article_id,
                                                    GError                    **error);
GPtrArray        *gloss_store_list_articles        (GlossStore                 *self,
                                                    GError                    **error);
GPtrArray        *gloss_store_list_article_ids     (GlossStore                 *self,
                                                    GError                    **error);
GPtrArray        *gloss_store_update_article       (GlossStore                 *self,
                                                    gint64                      article_id,
                                                    GBytes                     *new_source,
                                                    const char                 *source_name,
                                                    const GlossExtractOptions  *options,
                                                    GError                    **error);
GPtrArray        *gloss_store_reextract_article    (GlossStore                 *self,
                                                    gint64                      article_id,
                                                    GError                    **error);

G_END_DECLS
