/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gloss-article.h"

G_BEGIN_DECLS

/**
 * GlossTextPosition:
 * @block: a block index
 * @offset: a code point inside it (its length: the end of the block)
 */
typedef struct
{
  guint block;
  guint offset;
} GlossTextPosition;

/**
 * GlossDiffChange:
 * @old_start: where the changed words start in the old version …
 * @old_end: … and end (half-open); equal to @old_start for an insertion,
 *   which then sits there
 * @new_start: the same in the new version …
 * @new_end: … equal to @new_start for a deletion
 * @deleted: the old words, as written there (blocks joined by "\n"); ""
 *   for an insertion
 * @inserted: the new words, likewise; "" for a deletion
 *
 * One run of changed words between two versions of an article.  Positions
 * are (block, code point) as everywhere in Gloss (DESIGN.md §3).
 */
typedef struct
{
  GlossTextPosition old_start;
  GlossTextPosition old_end;
  GlossTextPosition new_start;
  GlossTextPosition new_end;
  char *deleted;
  char *inserted;
} GlossDiffChange;

/**
 * GlossDiffMark:
 * @block: a block of the comparison's text (gloss_diff_build_comparison())
 * @start: where the marked words start in it (code points) …
 * @end: … and end
 * @deleted: words of the older version only (else of the newer only)
 */
typedef struct
{
  guint block;
  guint start;
  guint end;
  gboolean deleted;
} GlossDiffMark;

void       gloss_diff_change_free          (GlossDiffChange    *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossDiffChange, gloss_diff_change_free)

GPtrArray *gloss_diff_blocks               (const char * const *old_blocks,
                                            guint               n_old,
                                            const char * const *new_blocks,
                                            guint               n_new);
GPtrArray *gloss_diff_articles             (GlossArticle       *old_article,
                                            GlossArticle       *new_article);
guint      gloss_diff_count_changed_blocks (GPtrArray          *changes);
GlossArticle *gloss_diff_build_comparison  (GlossArticle       *older,
                                            GlossArticle       *newer,
                                            GPtrArray          *changes,
                                            GArray             *marks);

G_END_DECLS
