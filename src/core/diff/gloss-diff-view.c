/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-diff"

#include "config.h"

#include <string.h>

#include "gloss-diff.h"

/*
 * Two versions in one text: the newer version's paragraphs with the words
 * the older one had put back where they were, so a reader (the window, an
 * exported report) sees a change in place, the removed words beside the
 * added ones.  Text is kept as Gloss stores it (single spaces, none at
 * either end), and a removal that spanned paragraphs reads as one, with
 * "¶" where a paragraph ended.
 */

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c);
}

static gunichar
last_char (GString *text)
{
  const char *end;

  if (text->len == 0)
    return 0;
  end = g_utf8_find_prev_char (text->str, text->str + text->len);
  return end != NULL ? g_utf8_get_char (end) : 0;
}

/* Appends @piece (@n_bytes of it) to a block's text being built, keeping
 * the text as Gloss stores it (single spaces, none at the start), and
 * gives the code points it took.  @separate puts a space before it when
 * two words would otherwise run together. */
static void
append_piece (GString    *text,
              guint      *n_chars,
              const char *piece,
              gsize       n_bytes,
              gboolean    separate,
              guint      *out_start,
              guint      *out_end)
{
  const char *end = piece + n_bytes;

  if (text->len == 0 || last_char (text) == ' ')
    {
      while (piece < end && *piece == ' ')
        piece++;
    }
  else if (separate && piece < end && is_word_char (last_char (text))
           && is_word_char (g_utf8_get_char (piece)))
    {
      g_string_append_c (text, ' ');
      (*n_chars)++;
    }

  *out_start = *n_chars;
  for (const char *p = piece; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* A removal that spanned paragraphs reads as one, with their ends
       * marked. */
      if (c == '\n')
        {
          if (last_char (text) != ' ')
            {
              g_string_append_c (text, ' ');
              (*n_chars)++;
            }
          g_string_append (text, "¶ ");
          *n_chars += 2;
          continue;
        }
      if (c == ' ' && last_char (text) == ' ')
        continue;
      g_string_append_unichar (text, c);
      (*n_chars)++;
    }
  *out_end = *n_chars;
}

static const char *
offset_to_pointer (const char *text,
                   guint       offset)
{
  return g_utf8_offset_to_pointer (text, offset);
}

/* The newer version with what the older one had put back, and where the
 * added and removed words are in it. */
/**
 * gloss_diff_build_comparison:
 * @older: the older version
 * @newer: the newer one
 * @changes: (element-type GlossDiffChange): gloss_diff_articles() of the two
 * @marks: (element-type GlossGlossDiffMark): where the added and removed words
 *   are in the text returned, appended in reading order
 *
 * The text a person reads a comparison in: the newer version's blocks with
 * the words the older one had put back where they were, so one text shows
 * both.  The reader marks @marks on screen, the exports in their markup.
 *
 * Returns: (transfer full): that text, as an article of id 0 with the
 *   newer version's metadata
 */
GlossArticle *
gloss_diff_build_comparison (GlossArticle *older,
                             GlossArticle *newer,
                             GPtrArray    *changes,
                             GArray       *marks)
{
  GlossArticle *shown = gloss_article_new ();
  guint next = 0;

  g_return_val_if_fail (GLOSS_IS_ARTICLE (older), NULL);
  g_return_val_if_fail (GLOSS_IS_ARTICLE (newer), NULL);
  g_return_val_if_fail (changes != NULL && marks != NULL, NULL);

  gloss_article_set_title (shown, gloss_article_get_title (newer));
  gloss_article_set_byline (shown, gloss_article_get_byline (newer));
  gloss_article_set_site_name (shown, gloss_article_get_site_name (newer));
  gloss_article_set_published (shown, gloss_article_get_published (newer));
  gloss_article_set_language (shown, gloss_article_get_language (newer));

  for (guint b = 0; b < gloss_article_get_n_blocks (newer); b++)
    {
      const GlossBlock *block = gloss_article_get_block (newer, b);
      const char *source = gloss_block_get_text (block);
      guint length = gloss_block_get_length (block);
      g_autoptr(GString) text = g_string_new (NULL);
      guint n_chars = 0;
      guint position = 0;
      guint first_mark = marks->len;
      gboolean after_deletion = FALSE;

      /* The changes that touch this block, in order. */
      for (; next < changes->len; next++)
        {
          GlossDiffChange *change = g_ptr_array_index (changes, next);
          guint ins_start, ins_end, start, end;

          if (change->new_start.block > b)
            break;
          if (change->new_end.block < b)
            continue;

          ins_start = change->new_start.block == b ? MIN (change->new_start.offset, length) : 0;
          ins_end = change->new_end.block == b ? MIN (change->new_end.offset, length) : length;
          ins_start = MAX (ins_start, position);
          ins_end = MAX (ins_end, ins_start);

          if (ins_start > position)
            {
              const char *from = offset_to_pointer (source, position);
              const char *to = offset_to_pointer (source, ins_start);

              append_piece (text, &n_chars, from, to - from, after_deletion, &start, &end);
              after_deletion = FALSE;
            }

          if (change->new_start.block == b && *change->deleted != '\0')
            {
              GlossDiffMark mark = { b, 0, 0, TRUE };

              append_piece (text, &n_chars, change->deleted, strlen (change->deleted), TRUE,
                            &mark.start, &mark.end);
              if (mark.end > mark.start)
                g_array_append_val (marks, mark);
              after_deletion = TRUE;
            }

          if (ins_end > ins_start)
            {
              const char *from = offset_to_pointer (source, ins_start);
              const char *to = offset_to_pointer (source, ins_end);
              GlossDiffMark mark = { b, 0, 0, FALSE };

              append_piece (text, &n_chars, from, to - from, after_deletion, &mark.start,
                            &mark.end);
              if (mark.end > mark.start)
                g_array_append_val (marks, mark);
              after_deletion = FALSE;
            }
          position = ins_end;

          /* A change that goes on into the next block is seen again there. */
          if (change->new_end.block > b)
            break;
        }

      if (position < length)
        {
          const char *from = offset_to_pointer (source, position);
          guint start, end;

          append_piece (text, &n_chars, from, strlen (from), after_deletion, &start, &end);
        }

      /* No space at the end, as stored text has none. */
      if (text->len > 0 && text->str[text->len - 1] == ' ')
        {
          g_string_truncate (text, text->len - 1);
          n_chars--;
          for (guint i = first_mark; i < marks->len; i++)
            {
              GlossDiffMark *mark = &g_array_index (marks, GlossDiffMark, i);

              mark->end = MIN (mark->end, n_chars);
              mark->start = MIN (mark->start, mark->end);
            }
        }

      if (!gloss_article_append_stored_block (shown, gloss_block_get_kind (block), text->str))
        g_array_set_size (marks, first_mark);
    }

  return shown;
}

