/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "gloss-article.h"

G_BEGIN_DECLS

/**
 * GlossAnchorState:
 * @GLOSS_ANCHOR_ANCHORED: the quote is where it was
 * @GLOSS_ANCHOR_MOVED: the quote was found again elsewhere, or changed a little
 * @GLOSS_ANCHOR_ORPHANED: the quote is gone from the article; it is kept as it was
 */
typedef enum
{
  GLOSS_ANCHOR_ANCHORED,
  GLOSS_ANCHOR_MOVED,
  GLOSS_ANCHOR_ORPHANED,
} GlossAnchorState;

const char *gloss_anchor_state_to_string   (GlossAnchorState  state);
gboolean    gloss_anchor_state_from_string (const char       *name,
                                            GlossAnchorState *out_state);

/* Most code points of context kept on each side of a quote. */
#define GLOSS_ANCHOR_CONTEXT_LENGTH 32

/**
 * GlossAnchor:
 * @start_block: index of the block the quote starts in
 * @start_offset: code-point offset of the first character inside @start_block
 * @end_block: index of the block the quote ends in
 * @end_offset: code-point offset just past the last character inside @end_block
 * @exact: the quoted text (blocks joined with `\n` when it spans several)
 * @prefix: up to 32 code points of text before the quote
 * @suffix: up to 32 code points of text after the quote
 * @state: how the anchor was last resolved
 *
 * Where an annotation sits in an article (docs/ARCHITECTURE.md §4): a half-open range of
 * (block, code-point offset) positions, plus the quote and its context so the
 * range can be found again when the article's text changes.
 */
typedef struct
{
  guint start_block;
  guint start_offset;
  guint end_block;
  guint end_offset;
  char *exact;
  char *prefix;
  char *suffix;
  GlossAnchorState state;
} GlossAnchor;

#define GLOSS_TYPE_ANCHOR (gloss_anchor_get_type ())

GType        gloss_anchor_get_type        (void) G_GNUC_CONST;
GlossAnchor *gloss_anchor_new             (guint              start_block,
                                           guint              start_offset,
                                           guint              end_block,
                                           guint              end_offset,
                                           const char        *exact,
                                           const char        *prefix,
                                           const char        *suffix,
                                           GlossAnchorState   state);
GlossAnchor *gloss_anchor_copy            (const GlossAnchor *anchor);
void         gloss_anchor_free            (GlossAnchor       *anchor);
gboolean     gloss_anchor_equal           (const GlossAnchor *a,
                                           const GlossAnchor *b);

GlossAnchor *gloss_anchor_new_for_range   (GlossArticle      *article,
                                           guint              start_block,
                                           guint              start_offset,
                                           guint              end_block,
                                           guint              end_offset,
                                           GError           **error);
GlossAnchor *gloss_anchor_new_for_quote   (GlossArticle      *article,
                                           const char        *quote,
                                           guint              occurrence,
                                           GError           **error);
GlossAnchor *gloss_anchor_reanchor        (const GlossAnchor *anchor,
                                           GlossArticle      *article);
GPtrArray   *gloss_anchor_reanchor_all    (GPtrArray         *anchors,
                                           GlossArticle      *article);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossAnchor, gloss_anchor_free)

G_END_DECLS
