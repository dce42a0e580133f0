/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Versions of an article and where each came from (gloss-store-versions.c). */

#include "gloss-store.h"
#include "gloss-provenance.h"

G_BEGIN_DECLS

/**
 * GlossArticleVersion:
 * @number: 1 for the first version stored, counting up; the current one is
 *   the last
 * @current: whether this is the text the article has now
 * @stored_at: when this version came into the library (ISO 8601)
 * @replaced_at: (nullable): when a newer one replaced it; %NULL if current
 * @source_name: (nullable): the file's name, if it came from a file
 * @source_kind: "html", "text" or "pdf"
 * @sha256: the SHA-256 of the stored bytes
 * @size: their size
 * @provenance: (nullable): where it was downloaded from; %NULL for a file
 */
typedef struct
{
  guint number;
  gboolean current;
  char *stored_at;
  char *replaced_at;
  char *source_name;
  char *source_kind;
  char *sha256;
  guint64 size;
  GlossProvenance *provenance;
} GlossArticleVersion;

/**
 * GlossArticleLink:
 * @url: the address to ask for the story again
 * @etag: (nullable): the ETag of the version stored from it
 * @last_modified: (nullable): its Last-Modified
 */
typedef struct
{
  char *url;
  char *etag;
  char *last_modified;
} GlossArticleLink;

void              gloss_article_version_free      (GlossArticleVersion *version);
void              gloss_article_link_free         (GlossArticleLink    *link);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossArticleVersion, gloss_article_version_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossArticleLink, gloss_article_link_free)

GPtrArray        *gloss_store_list_versions       (GlossStore                 *self,
                                                   gint64                      article_id,
                                                   GError                    **error);
GlossArticle     *gloss_store_load_version        (GlossStore                 *self,
                                                   gint64                      article_id,
                                                   guint                       number,
                                                   GError                    **error);
GPtrArray        *gloss_store_restore_version     (GlossStore                 *self,
                                                   gint64                      article_id,
                                                   guint                       number,
                                                   GlossUpdateReport          *out_report,
                                                   GError                    **error);
GlossProvenance  *gloss_store_dup_provenance      (GlossStore                 *self,
                                                   gint64                      article_id,
                                                   GError                    **error);
GlossArticleLink *gloss_store_dup_article_link    (GlossStore                 *self,
                                                   gint64                      article_id,
                                                   GError                    **error);
gint64            gloss_store_find_same_story     (GlossStore                 *self,
                                                   const char                 *link,
                                                   GlossArticle               *article,
                                                   GError                    **error);
gint64            gloss_store_import_with_provenance (GlossStore              *self,
                                                   GBytes                     *source,
                                                   const char                 *source_name,
                                                   const GlossExtractOptions  *options,
                                                   const GlossProvenance      *provenance,
                                                   gboolean                   *out_duplicate,
                                                   GError                    **error);
gint64            gloss_store_import_unless_known (GlossStore              *self,
                                                   GBytes                     *source,
                                                   const char                 *source_name,
                                                   const GlossExtractOptions  *options,
                                                   gint64                     *out_known,
                                                   gboolean                   *out_duplicate,
                                                   GError                    **error);
gint64            gloss_store_add_copy            (GlossStore                 *self,
                                                   GBytes                     *source,
                                                   const char                 *source_name,
                                                   const GlossExtractOptions  *options,
                                                   gint64                      version_of,
                                                   GlossUpdateReport          *out_report,
                                                   GError                    **error);
gboolean          gloss_store_confirm_wording     (GlossStore                 *self,
                                                   gint64                      annotation_id,
                                                   GError                    **error);
gboolean          gloss_store_get_rated_words     (GlossStore                 *self,
                                                   gint64                      annotation_id,
                                                   char                      **out_rated_exact,
                                                   gboolean                   *out_needs_review,
                                                   GError                    **error);

G_END_DECLS
