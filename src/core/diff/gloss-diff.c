/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-diff"

#include "config.h"

#include <string.h>

#include "gloss-diff.h"

/*
 * Word-level comparison of two versions of an article.
 *
 * Each version becomes a sequence of tokens: words (letters and digits,
 * with an apostrophe, hyphen, point or comma inside kept in the word so
 * that "don't", "well-known" and "3.5" are one word), single punctuation
 * marks, and one end-of-block token per block so paragraphs added, removed,
 * split or joined show as such.  Spaces are not tokens: re-spacing is no
 * change of wording.
 *
 * The tokens are compared by Myers' O(ND) algorithm in its linear-space
 * form (E. Myers, "An O(ND) Difference Algorithm and Its Variations",
 * 1986, section 4b): find the middle snake of the shortest edit script by
 * searching from both ends at once, split there, and recurse on the two
 * halves.  Common heads and tails are trimmed first, which makes the usual
 * case, a few edits in a long story, close to linear.  Memory is the two
 * sequences plus two arrays of 2(N+M) integers, reused by every level.
 * Two versions that share almost nothing would cost N×M; past
 * MAX_EDIT_COST edits in one region the region is reported as one
 * replacement instead.
 */

#define MAX_EDIT_COST 4096

typedef struct
{
  const char *text;      /* inside its block's string; NULL at a block's end */
  guint32 hash;
  guint32 bytes;
  guint block;
  guint start;           /* code points */
  guint end;
} Token;

typedef struct
{
  guint a0, a1, b0, b1;
} Hunk;

typedef struct
{
  const Token *a;
  const Token *b;
  gint *v1;
  gint *v2;
  GArray *hunks;
} Differ;

void
gloss_diff_change_free (GlossDiffChange *change)
{
  if (change == NULL)
    return;
  g_free (change->deleted);
  g_free (change->inserted);
  g_free (change);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
is_word_joiner (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == '-' || c == 0x2010 || c == '.' || c == ',';
}

static guint32
hash_bytes (const char *p,
            gsize       length)
{
  guint32 hash = 2166136261u;

  for (gsize i = 0; i < length; i++)
    hash = (hash ^ (guchar) p[i]) * 16777619u;
  return hash;
}

static void
tokenize_block (GArray     *tokens,
                const char *text,
                guint       block)
{
  const char *p = text;
  guint cp = 0;
  Token end = { NULL, 0x9e3779b9u, 0, block, 0, 0 };

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      Token token = { p, 0, 0, block, cp, 0 };

      if (g_unichar_isspace (c))
        {
          p = g_utf8_next_char (p);
          cp++;
          continue;
        }

      p = g_utf8_next_char (p);
      cp++;
      if (is_word_char (c))
        {
          while (*p != '\0')
            {
              gunichar next = g_utf8_get_char (p);

              if (is_word_char (next))
                {
                  p = g_utf8_next_char (p);
                  cp++;
                }
              else if (is_word_joiner (next) && p[1] != '\0' &&
                       is_word_char (g_utf8_get_char (g_utf8_next_char (p))))
                {
                  p = g_utf8_next_char (p);
                  cp++;
                }
              else
                break;
            }
        }
      token.bytes = p - token.text;
      token.end = cp;
      token.hash = hash_bytes (token.text, token.bytes);
      g_array_append_val (tokens, token);
    }

  end.start = end.end = cp;
  g_array_append_val (tokens, end);
}

static GArray *
tokenize (const char * const *blocks,
          guint               n_blocks)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));

  for (guint i = 0; i < n_blocks; i++)
    tokenize_block (tokens, blocks[i], i);
  return tokens;
}

static inline gboolean
same_token (const Token *x,
            const Token *y)
{
  return x->hash == y->hash && x->bytes == y->bytes &&
         (x->text == NULL) == (y->text == NULL) &&
         (x->bytes == 0 || memcmp (x->text, y->text, x->bytes) == 0);
}

/* Appends a change, merged with the previous one when they touch. */
static void
emit (Differ *d,
      guint   a0,
      guint   a1,
      guint   b0,
      guint   b1)
{
  Hunk hunk = { a0, a1, b0, b1 };

  if (a0 == a1 && b0 == b1)
    return;
  if (d->hunks->len > 0)
    {
      Hunk *last = &g_array_index (d->hunks, Hunk, d->hunks->len - 1);

      if (last->a1 == a0 && last->b1 == b0)
        {
          last->a1 = a1;
          last->b1 = b1;
          return;
        }
    }
  g_array_append_val (d->hunks, hunk);
}

/* Finds where a shortest edit script of a[a_lo, a_hi) into b[b_lo, b_hi)
 * crosses its middle; both ranges are non-empty and differ at both ends.
 * Returns FALSE when the script would cost more than MAX_EDIT_COST. */
static gboolean
find_middle (Differ *d,
             gint    a_lo,
             gint    a_hi,
             gint    b_lo,
             gint    b_hi,
             gint   *out_x,
             gint   *out_y)
{
  const Token *a = d->a + a_lo;
  const Token *b = d->b + b_lo;
  gint n = a_hi - a_lo;
  gint m = b_hi - b_lo;
  gint max_d = (n + m + 1) / 2;
  gint offset = max_d;
  gint length = 2 * max_d + 2;
  gint delta = n - m;
  gboolean front = (delta & 1) != 0;
  gint k1start = 0, k1end = 0, k2start = 0, k2end = 0;
  gint *v1 = d->v1;
  gint *v2 = d->v2;

  for (gint i = 0; i < length; i++)
    v1[i] = v2[i] = -1;
  v1[offset + 1] = 0;
  v2[offset + 1] = 0;

  for (gint step = 0; step < max_d && step <= MAX_EDIT_COST; step++)
    {
      for (gint k1 = -step + k1start; k1 <= step - k1end; k1 += 2)
        {
          gint k1_offset = offset + k1;
          gint x1, y1;

          if (k1 == -step || (k1 != step && v1[k1_offset - 1] < v1[k1_offset + 1]))
            x1 = v1[k1_offset + 1];
          else
            x1 = v1[k1_offset - 1] + 1;
          y1 = x1 - k1;
          while (x1 < n && y1 < m && same_token (&a[x1], &b[y1]))
            {
              x1++;
              y1++;
            }
          v1[k1_offset] = x1;
          if (x1 > n)
            k1end += 2;
          else if (y1 > m)
            k1start += 2;
          else if (front)
            {
              gint k2_offset = offset + delta - k1;

              if (k2_offset >= 0 && k2_offset < length && v2[k2_offset] != -1 &&
                  x1 >= n - v2[k2_offset])
                {
                  *out_x = a_lo + x1;
                  *out_y = b_lo + y1;
                  return TRUE;
                }
            }
        }

      for (gint k2 = -step + k2start; k2 <= step - k2end; k2 += 2)
        {
          gint k2_offset = offset + k2;
          gint x2, y2;

          if (k2 == -step || (k2 != step && v2[k2_offset - 1] < v2[k2_offset + 1]))
            x2 = v2[k2_offset + 1];
          else
            x2 = v2[k2_offset - 1] + 1;
          y2 = x2 - k2;
          while (x2 < n && y2 < m && same_token (&a[n - x2 - 1], &b[m - y2 - 1]))
            {
              x2++;
              y2++;
            }
          v2[k2_offset] = x2;
          if (x2 > n)
            k2end += 2;
          else if (y2 > m)
            k2start += 2;
          else if (!front)
            {
              gint k1_offset = offset + delta - k2;

              if (k1_offset >= 0 && k1_offset < length && v1[k1_offset] != -1)
                {
                  gint x1 = v1[k1_offset];
                  gint y1 = offset + x1 - k1_offset;

                  if (x1 >= n - x2)
                    {
                      *out_x = a_lo + x1;
                      *out_y = b_lo + y1;
                      return TRUE;
                    }
                }
            }
        }
    }

  return FALSE;
}

static void
diff_range (Differ *d,
            gint    a_lo,
            gint    a_hi,
            gint    b_lo,
            gint    b_hi)
{
  for (;;)
    {
      gint x, y;

      while (a_lo < a_hi && b_lo < b_hi && same_token (&d->a[a_lo], &d->b[b_lo]))
        {
          a_lo++;
          b_lo++;
        }
      while (a_lo < a_hi && b_lo < b_hi && same_token (&d->a[a_hi - 1], &d->b[b_hi - 1]))
        {
          a_hi--;
          b_hi--;
        }

      if (a_lo == a_hi || b_lo == b_hi)
        {
          emit (d, a_lo, a_hi, b_lo, b_hi);
          return;
        }
      if (!find_middle (d, a_lo, a_hi, b_lo, b_hi, &x, &y))
        {
          emit (d, a_lo, a_hi, b_lo, b_hi);
          return;
        }

      /* The first half recursively, the second by looping. */
      diff_range (d, a_lo, x, b_lo, y);
      a_lo = x;
      b_lo = y;
    }
}

/* An insertion or deletion among repeated tokens can sit in several
 * places ("week. ¶ This was updated." inserted after "week" or "This was
 * updated. ¶" after the paragraph break); a reader expects it to start a
 * paragraph when it can.  Slides each pure insertion or deletion right
 * while the same tokens stay matched, and keeps the first place that
 * starts right after a paragraph break. */
static void
slide_to_paragraphs (Differ *d,
                     guint   n_a,
                     guint   n_b)
{
  for (guint i = 0; i < d->hunks->len; i++)
    {
      Hunk *hunk = &g_array_index (d->hunks, Hunk, i);
      const Hunk *next = i + 1 < d->hunks->len ? &g_array_index (d->hunks, Hunk, i + 1) : NULL;
      gboolean insertion = hunk->a0 == hunk->a1;
      const Token *run = insertion ? d->b : d->a;
      guint from = insertion ? hunk->b0 : hunk->a0;
      guint to = insertion ? hunk->b1 : hunk->a1;
      guint limit = insertion ? n_b : n_a;
      guint other_limit = next != NULL ? (insertion ? next->a0 : next->b0) : (insertion ? n_a : n_b);
      guint other = insertion ? hunk->a0 : hunk->b0;
      guint shift = 0;

      if (hunk->a0 != hunk->a1 && hunk->b0 != hunk->b1)
        continue;
      if (from > 0 && run[from - 1].text == NULL)
        continue;
      if (next != NULL)
        limit = MIN (limit, insertion ? next->b0 : next->a0);

      while (to + shift < limit && other + shift < other_limit &&
             same_token (&run[from + shift], &run[to + shift]))
        {
          shift++;
          if (run[from + shift - 1].text == NULL)
            {
              hunk->a0 += shift;
              hunk->a1 += shift;
              hunk->b0 += shift;
              hunk->b1 += shift;
              break;
            }
        }
    }
}

static GlossTextPosition
position_at (const Token *tokens,
             guint        n_tokens,
             guint        index,
             gboolean     end)
{
  GlossTextPosition position = { 0, 0 };

  if (end)
    {
      g_assert (index > 0);
      position.block = tokens[index - 1].block;
      position.offset = tokens[index - 1].end;
    }
  else if (index < n_tokens)
    {
      position.block = tokens[index].block;
      position.offset = tokens[index].start;
    }
  else if (n_tokens > 0)
    {
      position.block = tokens[n_tokens - 1].block;
      position.offset = tokens[n_tokens - 1].end;
    }
  return position;
}

/* A change that starts with a paragraph break and runs on changed the
 * next paragraph, not the end of this one. */
static guint
start_token (const Token *tokens,
             guint        from,
             guint        to)
{
  return to > from + 1 && tokens[from].text == NULL ? from + 1 : from;
}

/* The words of tokens[from, to) as written, blocks joined by "\n". */
static char *
dup_words (const Token *tokens,
           guint        from,
           guint        to)
{
  GString *text = g_string_new (NULL);
  guint i = from;

  while (i < to)
    {
      guint j = i;

      if (tokens[i].text == NULL)
        {
          g_string_append_c (text, '\n');
          i++;
          continue;
        }
      while (j + 1 < to && tokens[j + 1].text != NULL)
        j++;
      g_string_append_len (text, tokens[i].text,
                           tokens[j].text + tokens[j].bytes - tokens[i].text);
      i = j + 1;
    }

  /* Words are what a reader sees; a removed paragraph break alone stays
   * "\n". */
  if (strspn (text->str, "\n") < text->len)
    {
      while (text->len > 0 && text->str[text->len - 1] == '\n')
        g_string_truncate (text, text->len - 1);
      while (text->str[0] == '\n')
        g_string_erase (text, 0, 1);
    }
  return g_string_free (text, FALSE);
}

/**
 * gloss_diff_blocks:
 * @old_blocks: (array length=n_old): the older version's block texts
 * @n_old: how many
 * @new_blocks: (array length=n_new): the newer version's block texts
 * @n_new: how many
 *
 * Compares two versions word by word.
 *
 * Returns: (transfer full) (element-type GlossDiffChange): the changes in
 *   document order; empty when the wording is the same
 */
GPtrArray *
gloss_diff_blocks (const char * const *old_blocks,
                   guint               n_old,
                   const char * const *new_blocks,
                   guint               n_new)
{
  g_autoptr(GArray) a = tokenize (old_blocks, n_old);
  g_autoptr(GArray) b = tokenize (new_blocks, n_new);
  g_autoptr(GArray) hunks = g_array_new (FALSE, FALSE, sizeof (Hunk));
  g_autofree gint *v1 = NULL;
  g_autofree gint *v2 = NULL;
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_diff_change_free);
  gsize v_length = a->len + b->len + 3;
  Differ d;

  v1 = g_new (gint, v_length);
  v2 = g_new (gint, v_length);
  d.a = (const Token *) a->data;
  d.b = (const Token *) b->data;
  d.v1 = v1;
  d.v2 = v2;
  d.hunks = hunks;
  diff_range (&d, 0, a->len, 0, b->len);
  slide_to_paragraphs (&d, a->len, b->len);

  for (guint i = 0; i < hunks->len; i++)
    {
      const Hunk *hunk = &g_array_index (hunks, Hunk, i);
      GlossDiffChange *change = g_new0 (GlossDiffChange, 1);

      change->old_start = position_at (d.a, a->len, start_token (d.a, hunk->a0, hunk->a1), FALSE);
      change->old_end = hunk->a1 > hunk->a0 ? position_at (d.a, a->len, hunk->a1, TRUE)
                                             : change->old_start;
      change->new_start = position_at (d.b, b->len, start_token (d.b, hunk->b0, hunk->b1), FALSE);
      change->new_end = hunk->b1 > hunk->b0 ? position_at (d.b, b->len, hunk->b1, TRUE)
                                             : change->new_start;
      change->deleted = dup_words (d.a, hunk->a0, hunk->a1);
      change->inserted = dup_words (d.b, hunk->b0, hunk->b1);
      g_ptr_array_add (changes, change);
    }

  return changes;
}

static const char **
block_texts (GlossArticle *article)
{
  guint n = gloss_article_get_n_blocks (article);
  const char **texts = g_new (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    texts[i] = gloss_block_get_text (gloss_article_get_block (article, i));
  texts[n] = NULL;
  return texts;
}

/**
 * gloss_diff_articles:
 * @old_article: the earlier version
 * @new_article: the later version
 *
 * Returns: (transfer full) (element-type GlossDiffChange): the word changes
 *   between the two versions' blocks, in document order
 */
GPtrArray *
gloss_diff_articles (GlossArticle *old_article,
                     GlossArticle *new_article)
{
  g_autofree const char **old_texts = NULL;
  g_autofree const char **new_texts = NULL;

  g_return_val_if_fail (GLOSS_IS_ARTICLE (old_article), NULL);
  g_return_val_if_fail (GLOSS_IS_ARTICLE (new_article), NULL);

  old_texts = block_texts (old_article);
  new_texts = block_texts (new_article);
  return gloss_diff_blocks (old_texts, gloss_article_get_n_blocks (old_article),
                            new_texts, gloss_article_get_n_blocks (new_article));
}

/**
 * gloss_diff_count_changed_blocks:
 * @changes: (element-type GlossDiffChange): what gloss_diff_blocks() found
 *
 * Returns: how many blocks of the newer version have changed words (a
 *   removed paragraph counts where it was)
 */
guint
gloss_diff_count_changed_blocks (GPtrArray *changes)
{
  g_autoptr(GHashTable) blocks = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (changes != NULL, 0);

  for (guint i = 0; i < changes->len; i++)
    {
      const GlossDiffChange *change = g_ptr_array_index (changes, i);
      guint first = change->new_start.block;
      guint last = MAX (change->new_end.block, first);

      for (guint block = first; block <= last; block++)
        g_hash_table_add (blocks, GUINT_TO_POINTER (block + 1));
    }
  return g_hash_table_size (blocks);
}
