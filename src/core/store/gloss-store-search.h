/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Full-text search over titles, text and annotations (gloss-store-search.c). */

#include "gloss-store.h"

G_BEGIN_DECLS

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
 * @source_kind: "html" (a saved web page) or "text" (copied text): what the
 *   article was made from, so two copies of one story can be told apart
 * @source_name: (nullable): the name of the file it was imported from
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
  char *source_kind;
  char *source_name;
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

GlossSearchResults *gloss_store_search             (GlossStore                 *self,
                                                    const char                 *query,
                                                    guint                       limit,
                                                    GError                    **error);

G_END_DECLS
