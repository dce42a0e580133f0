/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-match"

#include "config.h"

#include "gloss-match.h"

/*
 * String matching over code points for re-anchoring (docs/ARCHITECTURE.md §4).
 *
 * Approximate search uses Myers' bit-parallel edit-distance algorithm in the
 * block form described by Hyyrö, so quotes longer than 64 code points work:
 * each text character costs one pass over ceil(m/64) machine words instead of
 * m cells of a dynamic-programming column.
 */

/**
 * gloss_match_fold_char:
 * @c: a code point
 *
 * What a keyboard gives for a typographic character: a quote typed in a
 * terminal has straight apostrophes and quotation marks, hyphens for dashes
 * and plain spaces, where the article has ’ “ ” – — and thin spaces.  Each
 * code point folds to exactly one, so a match in folded text sits at the
 * same positions in the original and the article's own characters can be
 * stored.
 *
 * Returns: the folded code point
 */
gunichar
gloss_match_fold_char (gunichar c)
{
  if (c < 0x80)
    return c == '`' ? '\'' : c;

  switch (c)
    {
    case 0x00B4: /* ´ */
    case 0x02B9: /* ʹ */
    case 0x02BB: /* ʻ */
    case 0x02BC: /* ʼ */
    case 0x2018: /* ‘ */
    case 0x2019: /* ’ */
    case 0x201A: /* ‚ */
    case 0x201B: /* ‛ */
    case 0x2032: /* ′ */
    case 0x2039: /* ‹ */
    case 0x203A: /* › */
    case 0xFF07: /* ＇ */
      return '\'';
    case 0x00AB: /* « */
    case 0x00BB: /* » */
    case 0x02BA: /* ʺ */
    case 0x201C: /* “ */
    case 0x201D: /* ” */
    case 0x201E: /* „ */
    case 0x201F: /* ‟ */
    case 0x2033: /* ″ */
    case 0x301D: /* 〝 */
    case 0x301E: /* 〞 */
    case 0xFF02: /* ＂ */
      return '"';
    case 0x00AD: /* soft hyphen */
    case 0x2010: /* ‐ */
    case 0x2011: /* non-breaking hyphen */
    case 0x2012: /* ‒ */
    case 0x2013: /* – */
    case 0x2014: /* — */
    case 0x2015: /* ― */
    case 0x2212: /* − */
    case 0xFE58: /* ﹘ */
    case 0xFE63: /* ﹣ */
    case 0xFF0D: /* － */
      return '-';
    default:
      break;
    }

  if (g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR)
    return ' ';

  return c;
}

/* Folds @text in place (gloss_match_fold_char()). */
void
gloss_match_fold (gunichar *text,
                  glong     length)
{
  for (glong i = 0; i < length; i++)
    text[i] = gloss_match_fold_char (text[i]);
}

GArray *
gloss_match_exact (const gunichar *text,
                   glong           text_length,
                   const gunichar *pattern,
                   glong           pattern_length)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (GlossMatch));

  if (pattern_length == 0 || pattern_length > text_length)
    return matches;

  for (glong i = 0; i + pattern_length <= text_length; i++)
    {
      if (text[i] != pattern[0])
        continue;
      if (memcmp (text + i, pattern, pattern_length * sizeof (gunichar)) == 0)
        {
          GlossMatch match = { i, i + pattern_length, 0 };

          g_array_append_val (matches, match);
        }
    }

  return matches;
}

typedef struct
{
  glong pattern_length;
  guint n_words;
  GHashTable *peq;      /* gunichar → guint64[n_words]: where the char occurs */
  guint64 *no_match;    /* all-zero vector for characters not in the pattern */
  guint64 *pv;
  guint64 *mv;
  glong *scores;        /* edit distance at the last row of each word */
} Myers;

static void
myers_init (Myers          *self,
            const gunichar *pattern,
            glong           pattern_length)
{
  self->pattern_length = pattern_length;
  self->n_words = (pattern_length + 63) / 64;
  self->peq = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->no_match = g_new0 (guint64, self->n_words);
  self->pv = g_new (guint64, self->n_words);
  self->mv = g_new (guint64, self->n_words);
  self->scores = g_new (glong, self->n_words);

  for (glong i = 0; i < pattern_length; i++)
    {
      guint64 *vector = g_hash_table_lookup (self->peq, GUINT_TO_POINTER (pattern[i]));

      if (vector == NULL)
        {
          vector = g_new0 (guint64, self->n_words);
          g_hash_table_insert (self->peq, GUINT_TO_POINTER (pattern[i]), vector);
        }
      vector[i / 64] |= G_GUINT64_CONSTANT (1) << (i % 64);
    }
}

static void
myers_reset (Myers *self)
{
  for (guint w = 0; w < self->n_words; w++)
    {
      self->pv[w] = G_MAXUINT64;
      self->mv[w] = 0;
      self->scores[w] = MIN ((glong) (w + 1) * 64, self->pattern_length);
    }
}

static void
myers_clear (Myers *self)
{
  g_hash_table_unref (self->peq);
  g_free (self->no_match);
  g_free (self->pv);
  g_free (self->mv);
  g_free (self->scores);
}

/* One word of one column.  @carry_in is the horizontal difference entering
 * the word's lowest row (+1, 0, -1); the return value leaves its highest. */
static int
myers_advance_word (guint64 *pv_inout,
                    guint64 *mv_inout,
                    guint64  eq,
                    int      carry_in,
                    guint64  top_bit)
{
  guint64 pv = *pv_inout;
  guint64 mv = *mv_inout;
  guint64 xv = eq | mv;
  guint64 xh, ph, mh;
  int carry_out = 0;

  if (carry_in < 0)
    eq |= 1;
  xh = (((eq & pv) + pv) ^ pv) | eq;
  ph = mv | ~(xh | pv);
  mh = pv & xh;

  if (ph & top_bit)
    carry_out = 1;
  else if (mh & top_bit)
    carry_out = -1;

  ph <<= 1;
  mh <<= 1;
  if (carry_in < 0)
    mh |= 1;
  else if (carry_in > 0)
    ph |= 1;

  *pv_inout = mh | ~(xv | ph);
  *mv_inout = ph & xv;
  return carry_out;
}

/* Advances every word by one text character; returns the edit distance of
 * the whole pattern at this column.  With @anchored, the match must start at
 * the first text character (row 0 grows by one per column); otherwise it may
 * start anywhere (row 0 stays 0). */
static glong
myers_step (Myers    *self,
            gunichar  c,
            gboolean  anchored)
{
  const guint64 *eq = g_hash_table_lookup (self->peq, GUINT_TO_POINTER (c));
  int carry = anchored ? 1 : 0;

  if (eq == NULL)
    eq = self->no_match;

  for (guint w = 0; w < self->n_words; w++)
    {
      guint64 top_bit = w + 1 < self->n_words
                        ? G_GUINT64_CONSTANT (1) << 63
                        : G_GUINT64_CONSTANT (1) << ((self->pattern_length - 1) % 64);

      carry = myers_advance_word (&self->pv[w], &self->mv[w], eq[w], carry, top_bit);
      self->scores[w] += carry;
    }

  return self->scores[self->n_words - 1];
}

/* Where does the best match ending at @end start?  Runs the anchored variant
 * backwards from @end over the reversed pattern. */
static glong
find_match_start (const gunichar *text,
                  glong           end,
                  const gunichar *pattern,
                  glong           pattern_length,
                  guint           errors)
{
  g_autofree gunichar *reversed = g_new (gunichar, pattern_length);
  glong window = MIN (end, pattern_length + (glong) errors);
  glong best_start = end;
  glong best_score = pattern_length;
  Myers myers;

  for (glong i = 0; i < pattern_length; i++)
    reversed[i] = pattern[pattern_length - 1 - i];

  myers_init (&myers, reversed, pattern_length);
  myers_reset (&myers);
  for (glong j = 1; j <= window; j++)
    {
      glong score = myers_step (&myers, text[end - j], TRUE);

      /* Prefer the lowest score, then the length closest to the pattern's. */
      if (score < best_score ||
          (score == best_score && ABS (j - pattern_length) < ABS (end - best_start - pattern_length)))
        {
          best_score = score;
          best_start = end - j;
        }
    }
  myers_clear (&myers);

  return best_start;
}

/**
 * gloss_match_approximate:
 *
 * Finds the places where @pattern occurs in @text with at most @max_errors
 * insertions, deletions or substitutions.  Of each run of neighbouring end
 * positions only the best is kept, so one fuzzy occurrence gives one match.
 *
 * Returns: (transfer full) (element-type GlossMatch): the matches, by position
 */
GArray *
gloss_match_approximate (const gunichar *text,
                         glong           text_length,
                         const gunichar *pattern,
                         glong           pattern_length,
                         guint           max_errors)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (GlossMatch));
  GlossMatch run_best = { -1, -1, G_MAXUINT };
  Myers myers;

  if (pattern_length == 0 || text_length == 0)
    return matches;

  myers_init (&myers, pattern, pattern_length);
  myers_reset (&myers);

  for (glong j = 0; j < text_length; j++)
    {
      glong score = myers_step (&myers, text[j], FALSE);

      if (score <= (glong) max_errors)
        {
          if (score < (glong) run_best.errors)
            {
              run_best.end = j + 1;
              run_best.errors = score;
            }
          continue;
        }

      if (run_best.end >= 0)
        {
          g_array_append_val (matches, run_best);
          run_best.end = -1;
          run_best.errors = G_MAXUINT;
        }
    }
  if (run_best.end >= 0)
    g_array_append_val (matches, run_best);
  myers_clear (&myers);

  for (guint i = 0; i < matches->len; i++)
    {
      GlossMatch *match = &g_array_index (matches, GlossMatch, i);

      match->start = find_match_start (text, match->end, pattern, pattern_length,
                                       match->errors);
    }

  return matches;
}

/* Plain Levenshtein distance, for the short prefix and suffix contexts. */
guint
gloss_match_edit_distance (const gunichar *a,
                           glong           a_length,
                           const gunichar *b,
                           glong           b_length)
{
  g_autofree guint *row = g_new (guint, b_length + 1);

  for (glong j = 0; j <= b_length; j++)
    row[j] = j;

  for (glong i = 1; i <= a_length; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (glong j = 1; j <= b_length; j++)
        {
          guint above = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }

  return row[b_length];
}
