/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-body-text"

#include "config.h"

#include "gloss-body-text.h"

GlossBodyText *
gloss_body_text_new (GlossArticle *article)
{
  GlossBodyText *body;
  glong position = 0;

  g_return_val_if_fail (GLOSS_IS_ARTICLE (article), NULL);

  body = g_new0 (GlossBodyText, 1);
  body->n_blocks = gloss_article_get_n_blocks (article);
  body->block_starts = g_new0 (glong, MAX (body->n_blocks, 1));
  body->block_lengths = g_new0 (glong, MAX (body->n_blocks, 1));

  for (guint i = 0; i < body->n_blocks; i++)
    {
      const GlossBlock *block = gloss_article_get_block (article, i);

      body->block_starts[i] = position;
      body->block_lengths[i] = gloss_block_get_length (block);
      position += body->block_lengths[i] + 1;
    }
  body->length = MAX (position - 1, 0);

  body->chars = g_new (gunichar, body->length + 1);
  for (guint i = 0; i < body->n_blocks; i++)
    {
      const char *p = gloss_block_get_text (gloss_article_get_block (article, i));
      glong at = body->block_starts[i];

      for (; *p != '\0'; p = g_utf8_next_char (p))
        body->chars[at++] = g_utf8_get_char (p);
      if (i + 1 < body->n_blocks)
        body->chars[at] = '\n';
    }
  body->chars[body->length] = 0;

  return body;
}

void
gloss_body_text_free (GlossBodyText *body)
{
  if (body == NULL)
    return;

  g_free (body->chars);
  g_free (body->block_starts);
  g_free (body->block_lengths);
  g_free (body);
}

/* Validates (block, offset) and returns its position in the joined body.
 * An offset equal to the block's length is valid: it is where a half-open
 * range ending at the block's end points. */
gboolean
gloss_body_text_to_position (const GlossBodyText *body,
                             guint                block,
                             guint                offset,
                             glong               *out_position)
{
  if (block >= body->n_blocks || (glong) offset > body->block_lengths[block])
    return FALSE;

  *out_position = body->block_starts[block] + offset;
  return TRUE;
}

/* The inverse.  A position on the '\n' between two blocks belongs to the end
 * of the earlier block when it ends a range and to the start of the later
 * one when it starts a range, so ranges never begin or end "between" blocks. */
void
gloss_body_text_from_position (const GlossBodyText *body,
                               glong                position,
                               gboolean             is_end,
                               guint               *out_block,
                               guint               *out_offset)
{
  guint low = 0;
  guint high;

  g_assert (body->n_blocks > 0);
  position = CLAMP (position, 0, body->length);

  /* Last block whose start is <= position. */
  high = body->n_blocks - 1;
  while (low < high)
    {
      guint middle = (low + high + 1) / 2;

      if (body->block_starts[middle] <= position)
        low = middle;
      else
        high = middle - 1;
    }

  if (is_end && low > 0 && position == body->block_starts[low])
    {
      *out_block = low - 1;
      *out_offset = body->block_lengths[low - 1];
      return;
    }

  if (!is_end && position > body->block_starts[low] + body->block_lengths[low] &&
      low + 1 < body->n_blocks)
    {
      *out_block = low + 1;
      *out_offset = 0;
      return;
    }

  *out_block = low;
  *out_offset = MIN (position - body->block_starts[low], body->block_lengths[low]);
}

char *
gloss_body_text_dup_range (const GlossBodyText *body,
                           glong                start,
                           glong                end)
{
  start = CLAMP (start, 0, body->length);
  end = CLAMP (end, start, body->length);

  return g_ucs4_to_utf8 (body->chars + start, end - start, NULL, NULL, NULL);
}
