/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gloss-annotation.h"
#include "gloss-article.h"
#include "gloss-extract.h"

G_BEGIN_DECLS

/* The schema this build reads and writes; see gloss-store-schema.c. */
#define GLOSS_STORE_SCHEMA_VERSION 5

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

/**
 * GLOSS_SEARCH_MATCH_START:
 *
 * Opens a matched word in a search snippet: U+E000, a private-use code point
 * that never occurs in extracted text.  %GLOSS_SEARCH_MATCH_END (U+E001)
 * closes it.  Escape the snippet for Pango first, then turn the two into
 * `<b>` and `</b>`; or use gloss_search_snippet_replace_markers().
 */
#define GLOSS_SEARCH_MATCH_START "\xee\x80\x80"
#define GLOSS_SEARCH_MATCH_END   "\xee\x80\x81"

/**
 * GlossSearchHit:
 * @article_id: the article of the hit
 * @annotation_id: the annotation, or 0 when the hit is in the article itself
 * @annotation_kind: the annotation's kind (annotation hits only)
 * @title: the article's title
 * @field: where the snippet comes from: "title", "text", "exact", "note" or "speaker"
 * @block: the block of the best match (an annotation's first block); -1
 *   when only the headline matched
 * @offset: the code point in @block where the first matched word starts
 *   (an annotation's start offset; 0 for headline matches)
 * @snippet: the matched words in context, each match between
 *   %GLOSS_SEARCH_MATCH_START and %GLOSS_SEARCH_MATCH_END; "…" where cut
 * @rank: FTS5 rank (bm25); lower is better
 */
typedef struct
{
  gint64 article_id;
  gint64 annotation_id;
  GlossAnnotationKind annotation_kind;
  char *title;
  const char *field;
  int block;
  guint offset;
  char *snippet;
  double rank;
} GlossSearchHit;

/**
 * GlossSearchResults:
 * @articles: (element-type GlossSearchHit): matching articles, best first
 * @annotations: (element-type GlossSearchHit): matching annotations, best first
 */
typedef struct
{
  GPtrArray *articles;
  GPtrArray *annotations;
} GlossSearchResults;

void  gloss_search_hit_free                 (GlossSearchHit     *hit);
void  gloss_search_results_free             (GlossSearchResults *results);
char *gloss_search_snippet_replace_markers  (const char         *snippet,
                                             const char         *start,
                                             const char         *end);
char *gloss_search_build_fts_query          (const char         *typed);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossSearchHit, gloss_search_hit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossSearchResults, gloss_search_results_free)

#define GLOSS_TYPE_STORE (gloss_store_get_type ())
G_DECLARE_FINAL_TYPE (GlossStore, gloss_store, GLOSS, STORE, GObject)

typedef enum
{
  GLOSS_STORE_OPEN_NONE = 0,
  GLOSS_STORE_OPEN_READ_ONLY = 1 << 0,
  /* Read-only, to check a file (a backup): an older schema is accepted and
   * left as it is, since nothing will be written. */
  GLOSS_STORE_OPEN_CHECK_ONLY = 1 << 1,
} GlossStoreOpenFlags;

char             *gloss_store_dup_default_path     (void);
GlossStore       *gloss_store_open                 (const char                 *path,
                                                    GError                    **error);
GlossStore       *gloss_store_open_full            (const char                 *path,
                                                    GlossStoreOpenFlags         flags,
                                                    GError                    **error);
const char       *gloss_store_get_path             (GlossStore                 *self);
gboolean          gloss_store_is_read_only         (GlossStore                 *self);
gboolean          gloss_store_begin_read           (GlossStore                 *self,
                                                    GError                    **error);
void              gloss_store_end_read             (GlossStore                 *self);

/* Backups and damaged files (gloss-store-backup.c) */
gboolean          gloss_store_backup               (GlossStore                 *self,
                                                    const char                 *destination,
                                                    GError                    **error);
gboolean          gloss_store_backup_automatically (GlossStore                 *self,
                                                    const char                 *reason,
                                                    GError                    **error);
gboolean          gloss_store_backup_if_due        (GlossStore                 *self,
                                                    GError                    **error);
char             *gloss_store_dup_backup_folder    (const char                 *library_path);
GPtrArray        *gloss_store_list_backups         (const char                 *library_path,
                                                    GError                    **error);
gboolean          gloss_store_restore_backup       (const char                 *library_path,
                                                    const char                 *backup_path,
                                                    GError                    **error);
char             *gloss_store_set_aside_damaged    (const char                 *library_path,
                                                    GError                    **error);

/* Articles (gloss-store-articles.c) */
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

/* The library: listing, reading state, delete with Undo (gloss-store-library.c) */
GPtrArray        *gloss_store_list_articles_full   (GlossStore                 *self,
                                                    GlossArticleFilter          filter,
                                                    GlossArticleSort            sort,
                                                    GError                    **error);
GlossArticleSummary *gloss_store_get_article_summary (GlossStore               *self,
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

/* Full-text search (gloss-store-search.c) */
GlossSearchResults *gloss_store_search             (GlossStore                 *self,
                                                    const char                 *query,
                                                    guint                       limit,
                                                    GError                    **error);

/* Annotations (gloss-store-annotations.c) */
gboolean          gloss_store_add_annotation       (GlossStore                 *self,
                                                    GlossAnnotation            *annotation,
                                                    GError                    **error);
gboolean          gloss_store_save_annotation      (GlossStore                 *self,
                                                    GlossAnnotation            *annotation,
                                                    GError                    **error);
gboolean          gloss_store_delete_annotation    (GlossStore                 *self,
                                                    gint64                      annotation_id,
                                                    GError                    **error);
GlossAnnotation  *gloss_store_load_annotation      (GlossStore                 *self,
                                                    gint64                      annotation_id,
                                                    GError                    **error);
GPtrArray        *gloss_store_list_annotations     (GlossStore                 *self,
                                                    gint64                      article_id,
                                                    GError                    **error);

/* Exchange with other tools (gloss-store-exchange.c) */

/**
 * GlossImportedAnnotation:
 * @annotation: a new annotation: article id, kind, anchor, note, speaker, verdict
 * @uuid: (nullable): the uuid to keep (a Gloss export's), or %NULL for a new one
 * @source_id: (nullable): the annotation's id where it came from, to recognise it again
 * @created_at: (nullable): when it was made, or %NULL for now
 * @updated_at: (nullable): when it last changed, or %NULL for @created_at
 * @links: (element-type GlossAnnotationLink): links by target uuid (target_id unused)
 */
typedef struct
{
  GlossAnnotation *annotation;
  char *uuid;
  char *source_id;
  char *created_at;
  char *updated_at;
  GArray *links;
} GlossImportedAnnotation;

char             *gloss_store_dup_article_source_sha256 (GlossStore              *self,
                                                         gint64                   article_id,
                                                         GError                 **error);
gint64            gloss_store_find_article_by_sha256    (GlossStore              *self,
                                                         const char              *sha256,
                                                         GError                 **error);
char             *gloss_store_find_annotation_uuid      (GlossStore              *self,
                                                         const char              *uuid,
                                                         const char              *source_id,
                                                         GError                 **error);
gboolean          gloss_store_add_imported_annotations  (GlossStore              *self,
                                                         GlossImportedAnnotation *items,
                                                         guint                    n_items,
                                                         GError                 **error);

/* Every annotation of the library (gloss-store-all-annotations.c) */

/**
 * GlossSpeakerMatch:
 * @GLOSS_SPEAKER_MATCH_EXACT: the whole name, as picked from a list of speakers
 * @GLOSS_SPEAKER_MATCH_CONTAINS: any part of the name, as typed
 *
 * How #GlossAnnotationQuery compares speakers; either way case, accents
 * and spacing do not matter (gloss_annotation_fold_speaker()).
 */
typedef enum
{
  GLOSS_SPEAKER_MATCH_EXACT,
  GLOSS_SPEAKER_MATCH_CONTAINS,
} GlossSpeakerMatch;

/**
 * GlossAnnotationQuery:
 * @kinds: the kinds to show, as bits `1 << GlossAnnotationKind`; 0 for all
 * @speaker: (nullable): only annotations by this speaker; %NULL or blank for any
 * @speaker_match: how @speaker is compared
 * @verdict: only claims with this verdict; %GLOSS_VERDICT_NONE for any
 *   annotation, whatever its verdict
 * @text: (nullable): words typed to find in the quote, the note or the
 *   speaker: each the start of a word, in any order, case and accents
 *   ignored; punctuation and symbols the words carry ("50%") must be there
 *   as typed
 * @oldest_first: sort by the date of creation, oldest first instead of newest
 *
 * A filter over all annotations; conditions combine with AND.  Start from
 * %GLOSS_ANNOTATION_QUERY_INIT.
 */
typedef struct
{
  guint kinds;
  const char *speaker;
  GlossSpeakerMatch speaker_match;
  GlossVerdict verdict;
  const char *text;
  gboolean oldest_first;
} GlossAnnotationQuery;

#define GLOSS_ANNOTATION_QUERY_INIT \
  { 0, NULL, GLOSS_SPEAKER_MATCH_EXACT, GLOSS_VERDICT_NONE, NULL, FALSE }

/**
 * GlossAnnotationEntry:
 * @id: the annotation
 * @article_id: its article
 * @kind: its kind
 * @verdict: a claim's verdict; %GLOSS_VERDICT_NONE for the other kinds
 * @state: anchored, moved or orphaned
 * @start_block: where it starts: the block …
 * @start_offset: … and the code point inside it
 * @exact: the words it marks
 * @note: (nullable): its note
 * @speaker: (nullable): who said the words
 * @created_at: when it was made (ISO 8601)
 * @article_title: its article's title
 *
 * One annotation as a list of all annotations shows it.
 */
typedef struct
{
  gint64 id;
  gint64 article_id;
  GlossAnnotationKind kind;
  GlossVerdict verdict;
  GlossAnchorState state;
  guint start_block;
  guint start_offset;
  char *exact;
  char *note;
  char *speaker;
  char *created_at;
  char *article_title;
} GlossAnnotationEntry;

/**
 * GlossSpeakerCount:
 * @name: the speaker, spelled as most of their annotations spell it
 * @count: how many annotations name them
 */
typedef struct
{
  char *name;
  guint count;
} GlossSpeakerCount;

#define GLOSS_TYPE_ANNOTATION_ENTRY (gloss_annotation_entry_get_type ())
GType                 gloss_annotation_entry_get_type (void) G_GNUC_CONST;
GlossAnnotationEntry *gloss_annotation_entry_copy     (const GlossAnnotationEntry *entry);
void                  gloss_annotation_entry_free     (GlossAnnotationEntry       *entry);
void                  gloss_speaker_count_free        (GlossSpeakerCount          *speaker);
char                 *gloss_annotation_fold_speaker   (const char                 *speaker);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossAnnotationEntry, gloss_annotation_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossSpeakerCount, gloss_speaker_count_free)

GArray           *gloss_store_find_annotations       (GlossStore                  *self,
                                                      const GlossAnnotationQuery  *query,
                                                      GError                     **error);
GPtrArray        *gloss_store_get_annotation_entries (GlossStore                  *self,
                                                      const gint64                *ids,
                                                      guint                        n_ids,
                                                      GError                     **error);
GPtrArray        *gloss_store_list_all_annotations   (GlossStore                  *self,
                                                      const GlossAnnotationQuery  *query,
                                                      guint                        offset,
                                                      guint                        limit,
                                                      GError                     **error);
GPtrArray        *gloss_store_list_speakers          (GlossStore                  *self,
                                                      GError                     **error);
gboolean          gloss_store_count_annotations      (GlossStore                  *self,
                                                      guint                       *out_count,
                                                      GError                     **error);

G_END_DECLS
