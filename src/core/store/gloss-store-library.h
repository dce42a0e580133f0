/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The library: listing, reading state, delete with Undo (gloss-store-library.c). */

#include "gloss-store.h"

G_BEGIN_DECLS

/**
 * GlossArticleSummary:
 *
 * One row of the library: what a list shows without loading the article.
 */
typedef struct
{
  gint64 id;
  char *uuid;
  char *title;
  char *byline;
  char *site_name;
  char *url;
  char *published;
  char *source_name;
  char *imported_at;
  guint n_blocks;
  guint n_versions;
  guint counts[GLOSS_ANNOTATION_KIND_LAST + 1];
  gboolean unread;
  gboolean archived;
  guint n_words;          /* for an estimated reading time */
  guint read_block;       /* where reading stopped: block … */
  guint read_offset;      /* … and code point inside it */
} GlossArticleSummary;

#define GLOSS_TYPE_ARTICLE_SUMMARY (gloss_article_summary_get_type ())
GType                gloss_article_summary_get_type (void) G_GNUC_CONST;
GlossArticleSummary *gloss_article_summary_copy     (const GlossArticleSummary *summary);
void                 gloss_article_summary_free     (GlossArticleSummary       *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossArticleSummary, gloss_article_summary_free)

/**
 * GlossArticleFilter:
 * @GLOSS_ARTICLE_FILTER_NONE: every article
 * @GLOSS_ARTICLE_FILTER_UNREAD: only unread articles
 * @GLOSS_ARTICLE_FILTER_ARCHIVED: only archived articles
 * @GLOSS_ARTICLE_FILTER_NOT_ARCHIVED: only articles not archived (the library's default view)
 * @GLOSS_ARTICLE_FILTER_ANNOTATED: only articles with at least one annotation
 *
 * Flags combine with AND.
 */
typedef enum
{
  GLOSS_ARTICLE_FILTER_NONE = 0,
  GLOSS_ARTICLE_FILTER_UNREAD = 1 << 0,
  GLOSS_ARTICLE_FILTER_ARCHIVED = 1 << 1,
  GLOSS_ARTICLE_FILTER_NOT_ARCHIVED = 1 << 2,
  GLOSS_ARTICLE_FILTER_ANNOTATED = 1 << 3,
} GlossArticleFilter;

/**
 * GlossArticleSort:
 * @GLOSS_ARTICLE_SORT_ADDED: most recently imported first
 * @GLOSS_ARTICLE_SORT_PUBLISHED: most recently published first, undated last
 * @GLOSS_ARTICLE_SORT_TITLE: by title, A to Z, ignoring case
 */
typedef enum
{
  GLOSS_ARTICLE_SORT_ADDED,
  GLOSS_ARTICLE_SORT_PUBLISHED,
  GLOSS_ARTICLE_SORT_TITLE,
} GlossArticleSort;

gboolean gloss_article_sort_from_string (const char       *name,
                                         GlossArticleSort *out_sort);

/* What gloss_store_delete_article() took away, to give back on Undo. */
typedef struct _GlossDeletedArticle GlossDeletedArticle;

gint64 gloss_deleted_article_get_id            (GlossDeletedArticle *deleted);
guint  gloss_deleted_article_get_n_annotations (GlossDeletedArticle *deleted);
void   gloss_deleted_article_free              (GlossDeletedArticle *deleted);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossDeletedArticle, gloss_deleted_article_free)

GPtrArray        *gloss_store_list_articles_full   (GlossStore                 *self,
                                                    GlossArticleFilter          filter,
                                                    GlossArticleSort            sort,
                                                    GError                    **error);
GlossArticleSummary *gloss_store_dup_article_summary (GlossStore               *self,
                                                    gint64                      article_id,
                                                    GError                    **error);
gboolean          gloss_store_set_article_unread   (GlossStore                 *self,
                                                    gint64                      article_id,
                                                    gboolean                    unread,
                                                    GError                    **error);
gboolean          gloss_store_set_article_archived (GlossStore                 *self,
                                                    gint64                      article_id,
                                                    gboolean                    archived,
                                                    GError                    **error);
gboolean          gloss_store_set_reading_position (GlossStore                 *self,
                                                    gint64                      article_id,
                                                    guint                       block,
                                                    guint                       offset,
                                                    GError                    **error);
gboolean          gloss_store_get_reading_position (GlossStore                 *self,
                                                    gint64                      article_id,
                                                    guint                      *out_block,
                                                    guint                      *out_offset,
                                                    GError                    **error);
GlossDeletedArticle *gloss_store_delete_article    (GlossStore                 *self,
                                                    gint64                      article_id,
                                                    GError                    **error);
gboolean          gloss_store_restore_article      (GlossStore                 *self,
                                                    GlossDeletedArticle        *deleted,
                                                    GError                    **error);

G_END_DECLS
