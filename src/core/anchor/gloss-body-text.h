/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gloss-article.h"

G_BEGIN_DECLS

/* The article body as one array of code points, blocks joined with '\n':
 * the coordinate space of quote search and of the Web Annotation position
 * selector.  (block, offset) pairs convert to and from positions in it. */
typedef struct
{
  gunichar *chars;
  glong length;
  guint n_blocks;
  glong *block_starts;
  glong *block_lengths;
} GlossBodyText;

GlossBodyText *gloss_body_text_new            (GlossArticle        *article);
void           gloss_body_text_free           (GlossBodyText       *body);
gboolean       gloss_body_text_to_position    (const GlossBodyText *body,
                                               guint                block,
                                               guint                offset,
                                               glong               *out_position);
void           gloss_body_text_from_position  (const GlossBodyText *body,
                                               glong                position,
                                               gboolean             is_end,
                                               guint               *out_block,
                                               guint               *out_offset);
char          *gloss_body_text_dup_range      (const GlossBodyText *body,
                                               glong                start,
                                               glong                end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossBodyText, gloss_body_text_free)

G_END_DECLS
