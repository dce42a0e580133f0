/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Articles: import, load, update, re-extract (gloss-store-articles.c). */

#include "gloss-store.h"
#include "gloss-provenance.h"

G_BEGIN_DECLS

/**
 * GlossUpdateReport:
 * @unchanged: the new bytes were the article's own: nothing was stored
 * @n_changed_blocks: paragraphs of the new version whose words changed
 * @n_anchored: annotations on the same words as before
 * @n_moved: annotations found again elsewhere or on changed words
 * @n_orphaned: annotations whose words are gone (newly so)
 *
 * What storing a new version of an article did, for the user's message
 * ("Updated: 3 paragraphs changed, 1 annotation moved, 1 orphaned").
 */
typedef struct
{
  gboolean unchanged;
  guint n_changed_blocks;
  guint n_anchored;
  guint n_moved;
  guint n_orphaned;
} GlossUpdateReport;

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
GPtrArray        *gloss_store_update_article_full  (GlossStore                 *self,
                                                    gint64                      article_id,
                                                    GBytes                     *new_source,
                                                    const char                 *source_name,
                                                    const GlossExtractOptions  *options,
                                                    const GlossProvenance      *provenance,
                                                    GlossUpdateReport          *out_report,
                                                    GError                    **error);
GPtrArray        *gloss_store_reextract_article    (GlossStore                 *self,
                                                    gint64                      article_id,
                                                    GError                    **error);

G_END_DECLS
