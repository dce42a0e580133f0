/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-suggest"

#include "config.h"

#include <string.h>

#include "gloss-sentence-split.h"

/* Sentence units of news prose, by the labelling rules the suggestions are
 * measured against (one unit per sentence, a quotation with its attribution
 * one unit however many sentences it holds):
 *
 *  - a sentence ends at . ! or ?, with any closing quotes and brackets after
 *    it, when a space and then a capital, a digit or an opening quote or
 *    bracket follow;
 *  - never inside an open double quotation (a quote left open at the end of
 *    a paragraph, as papers do before a paragraph that goes on quoting, ends
 *    its unit at the end of the paragraph);
 *  - not after an abbreviation (Mr., U.S., Sept., Calif., a.m.), a single
 *    initial (Daniel R. Whitfield), or a party–state tag (D-Ore.);
 *  - not between a quotation ending in ? or ! and the attribution that
 *    follows it ("“Who would invest here?” Tom Reyes said.").
 *
 * Everything works on code points, so the spans are the store's offsets. */

/* Lower-cased words after which a full stop does not end a sentence. */
static const char * const abbreviations[] = {
  /* titles, honorifics, suffixes */
  "mr", "mrs", "ms", "dr", "prof", "gov", "sen", "rep", "lt", "col", "gen", "maj", "capt",
  "cmdr", "adm", "sgt", "cpl", "pvt", "det", "insp", "supt", "rev", "fr", "hon", "st", "jr",
  "sr",
  /* organisations, references */
  "inc", "corp", "co", "ltd", "bros", "vs", "approx", "fig", "e.g", "i.e",
  /* places */
  "u.s", "u.k", "u.n", "e.u", "d.c", "n.y", "n.j", "n.h", "n.m", "n.c", "n.d", "s.c", "s.d",
  "r.i", "w.va", "ala", "ariz", "ark", "calif", "colo", "conn", "fla", "kan", "mich", "minn",
  "neb", "nev", "okla", "tenn", "wis", "wyo", "mass",
  /* months, times */
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "a.m",
  "p.m",
};

/* Verbs that make "“…?” Name said" one unit. */
static const char * const attribution_verbs[] = {
  "said", "says", "asked", "asks", "testified", "told", "added", "wrote", "writes", "replied",
  "insisted", "explained", "continued", "tweeted", "posted", "declared", "noted", "argued",
  "claimed", "warned", "stated", "shouted", "exclaimed", "recalled", "joked", "remarked",
  "responded", "countered", "wondered", "demanded",
};

#define OPEN_DQ  0x201C   /* “ */
#define CLOSE_DQ 0x201D   /* ” */
#define RIGHT_SQ 0x2019   /* ’ */
#define LEFT_SQ  0x2018   /* ‘ */
#define EM_DASH  0x2014

static inline gboolean
is_ascii_alpha (gunichar c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline gboolean
is_ascii_upper (gunichar c)
{
  return c >= 'A' && c <= 'Z';
}

/* Python's \w: letters, digits, marks and the underscore. */
static inline gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '_';
}

static gboolean
in_list (const char         *word,
         const char * const *list,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (word, list[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The word before the full stop at p[i] (ASCII letters, dots and hyphens,
 * lower-cased, the final stop left out), at most @size - 1 bytes; "" when it
 * is longer, which no abbreviation is. */
static void
word_before_stop (const gunichar *p,
                  glong           i,
                  char           *out,
                  gsize           size)
{
  glong s = i;
  gsize len;

  while (s > 0 && (is_ascii_alpha (p[s - 1]) || p[s - 1] == '.' || p[s - 1] == '-'))
    s--;
  len = (gsize) (i - s);
  if (len >= size)
    len = 0;
  for (gsize k = 0; k < len; k++)
    out[k] = g_ascii_tolower ((char) p[s + (glong) k]);
  out[len] = '\0';
}

/* "d-ore", "r-n.d": a party letter, a hyphen and a state. */
static gboolean
is_party_state (const char *w)
{
  if (!(w[0] >= 'a' && w[0] <= 'z') || w[1] != '-' || !(w[2] >= 'a' && w[2] <= 'z'))
    return FALSE;
  for (const char *c = w + 3; *c; c++)
    if (!((*c >= 'a' && *c <= 'z') || *c == '.'))
      return FALSE;
  return TRUE;
}

static gboolean
no_split_after (const gunichar *p,
                glong           i,
                glong           k)
{
  char word[16];

  word_before_stop (p, i, word, sizeof word);
  if (strcmp (word, "no") == 0 || strcmp (word, "nos") == 0)
    return g_unichar_isdigit (p[k]);  /* "No. 5", but not the answer "No." */
  if (word[0] >= 'a' && word[0] <= 'z' && word[1] == '\0')
    return TRUE;                      /* an initial */
  return in_list (word, abbreviations, G_N_ELEMENTS (abbreviations)) || is_party_state (word);
}

/* A capitalised word at p[k]: [A-Z] then word characters, apostrophes, dots
 * and hyphens.  Returns its end, or -1. */
static glong
capitalised_word_end (const gunichar *p,
                      glong           n,
                      glong           k)
{
  if (k >= n || !is_ascii_upper (p[k]))
    return -1;
  k++;
  while (k < n && (is_word_char (p[k]) || p[k] == RIGHT_SQ || p[k] == '\'' || p[k] == '.' ||
                   p[k] == '-'))
    k++;
  return k;
}

/* Whitespace then one of the attribution verbs, as a whole word. */
static gboolean
verb_follows (const gunichar *p,
              glong           n,
              glong           k)
{
  glong s = k;
  glong e;
  char word[16];

  while (k < n && g_unichar_isspace (p[k]))
    k++;
  if (k == s)
    return FALSE;
  for (e = k; e < n && e - k < (glong) sizeof word - 1 && is_ascii_alpha (p[e]); e++)
    word[e - k] = (char) p[e];
  word[e - k] = '\0';
  if (e < n && is_word_char (p[e]))
    return FALSE;
  return in_list (word, attribution_verbs, G_N_ELEMENTS (attribution_verbs));
}

/* An apposition ", …," of 1 to 120 characters without . ! ? or double
 * quotes, then the verb. */
static gboolean
apposition_then_verb (const gunichar *p,
                      glong           n,
                      glong           k)
{
  if (k >= n || p[k] != ',')
    return FALSE;
  for (glong c = k + 1; c < n && c - (k + 1) <= 120; c++)
    {
      gunichar ch = p[c];

      if (ch == '.' || ch == '!' || ch == '?' || ch == OPEN_DQ || ch == CLOSE_DQ || ch == '"')
        return FALSE;
      if (ch == ',' && c > k + 1 && verb_follows (p, n, c + 1))
        return TRUE;
    }
  return FALSE;
}

/* p[k…] starts "Tom Reyes, the chamber's president, said" or "He asked". */
static gboolean
attribution_follows (const gunichar *p,
                     glong           n,
                     glong           k)
{
  glong e = capitalised_word_end (p, n, k);

  for (int words = 0; e >= 0 && words < 4; words++)
    {
      glong next;
      glong w;

      if (verb_follows (p, n, e) || apposition_then_verb (p, n, e))
        return TRUE;
      for (next = e; next < n && g_unichar_isspace (p[next]); next++)
        ;
      if (next == e)
        return FALSE;
      w = capitalised_word_end (p, n, next);
      e = w;
    }
  return FALSE;
}

static inline gboolean
is_closer (gunichar c)
{
  return c == CLOSE_DQ || c == '"' || c == RIGHT_SQ || c == ')' || c == '\'' || c == ']';
}

GArray *
gloss_sentence_split_ucs4 (const gunichar *p,
                           glong           n)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (GlossSpan));
  int depth = 0;
  glong s = 0;
  glong e;
  glong i = 0;

  while (s < n && g_unichar_isspace (p[s]))
    s++;

  while (i < n)
    {
      gunichar ch = p[i];

      if (ch == OPEN_DQ)
        depth++;
      else if (ch == CLOSE_DQ)
        depth = MAX (0, depth - 1);
      else if (ch == '"')
        {
          gunichar prev = i > 0 ? p[i - 1] : ' ';

          if (i == 0 || prev == ' ' || prev == '(' || prev == '\n' || prev == '[' ||
              prev == EM_DASH || prev == '-')
            depth++;
          else
            depth = MAX (0, depth - 1);
        }

      if ((ch == '.' || ch == '!' || ch == '?') &&
          (depth == 0 ||
           (depth == 1 && i + 1 < n &&
            (p[i + 1] == CLOSE_DQ || p[i + 1] == '"' ||
             ((p[i + 1] == RIGHT_SQ || p[i + 1] == '\'') && i + 2 < n &&
              (p[i + 2] == CLOSE_DQ || p[i + 2] == '"'))))))
        {
          glong j = i + 1;
          int d2 = depth;
          gboolean quoted = FALSE;

          while (j < n && is_closer (p[j]))
            {
              if (p[j] == CLOSE_DQ || p[j] == '"')
                {
                  d2 = MAX (0, d2 - 1);
                  quoted = TRUE;
                }
              j++;
            }
          if (d2 == 0 && j < n && p[j] == ' ')
            {
              glong k = j;

              while (k < n && p[k] == ' ')
                k++;
              if (k < n && (g_unichar_isupper (p[k]) || g_unichar_isdigit (p[k]) ||
                            p[k] == OPEN_DQ || p[k] == '"' || p[k] == LEFT_SQ || p[k] == '(' ||
                            p[k] == '['))
                {
                  gboolean keep = FALSE;

                  if (ch == '.')
                    keep = no_split_after (p, i, k);
                  else if (quoted)
                    keep = attribution_follows (p, n, k);
                  if (!keep)
                    {
                      GlossSpan span = { s, j };

                      g_array_append_val (spans, span);
                      s = k;
                    }
                }
            }
          depth = d2;
          i = j;
          continue;
        }
      i++;
    }

  e = n;
  while (e > s && g_unichar_isspace (p[e - 1]))
    e--;
  if (e > s)
    {
      GlossSpan span = { s, e };

      g_array_append_val (spans, span);
    }
  return spans;
}

/**
 * gloss_sentence_split:
 * @text: one block of text, UTF-8
 *
 * Returns: (transfer full) (element-type GlossSpan): the sentence units of
 * @text in code points, in order, without surrounding white space.
 */
GArray *
gloss_sentence_split (const char *text)
{
  glong n = 0;
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (text, -1, &n);

  return gloss_sentence_split_ucs4 (chars, n);
}
