/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-reanchor"

#include "config.h"

#include "gloss-core.h"

/*
 * Re-anchoring on random text and random edits.  The input is split at the
 * first NUL: before it the old article, after it the new one (blocks split
 * at '\n').  Two bytes of the old text pick a range to anchor.  Whatever the
 * edit, re-anchoring must return an anchor whose position is valid in the
 * new article and whose quote is the text there, unless it is orphaned.
 */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static GlossArticle *
article_from (const char *text)
{
  GlossArticle *article = gloss_article_new ();
  g_auto(GStrv) lines = g_strsplit (text, "\n", 64);

  for (guint i = 0; lines[i] != NULL; i++)
    gloss_article_append_block (article, GLOSS_BLOCK_PARAGRAPH, lines[i]);
  return article;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *valid = NULL;
  g_autoptr(GlossArticle) old_article = NULL;
  g_autoptr(GlossArticle) new_article = NULL;
  g_autoptr(GlossAnchor) anchor = NULL;
  g_autoptr(GlossAnchor) result = NULL;
  const guint8 *split = memchr (data, 0, size);
  guint n_blocks, block, length, start, end;

  if (split == NULL || size < 4)
    return 0;

  valid = g_utf8_make_valid ((const char *) data, split - data);
  old_article = article_from (valid);
  g_free (valid);
  valid = g_utf8_make_valid ((const char *) split + 1, size - (split - data) - 1);
  new_article = article_from (valid);

  n_blocks = gloss_article_get_n_blocks (old_article);
  if (n_blocks == 0)
    return 0;
  block = data[0] % n_blocks;
  length = gloss_block_get_length (gloss_article_get_block (old_article, block));
  if (length < 2)
    return 0;
  start = data[1] % (length - 1);
  end = start + 1 + data[2] % (length - start);
  end = MIN (end, length);

  anchor = gloss_anchor_new_for_range (old_article, block, start, block, end, NULL);
  g_assert (anchor != NULL);
  result = gloss_anchor_reanchor (anchor, new_article);
  g_assert (result != NULL);

  if (result->state != GLOSS_ANCHOR_ORPHANED)
    {
      g_autoptr(GlossAnchor) check = NULL;

      check = gloss_anchor_new_for_range (new_article, result->start_block, result->start_offset,
                                          result->end_block, result->end_offset, NULL);
      g_assert (check != NULL);
      g_assert (g_str_equal (check->exact, result->exact));
    }
  else
    g_assert (g_str_equal (result->exact, anchor->exact));

  return 0;
}
