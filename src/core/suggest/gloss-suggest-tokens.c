/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-suggest"

#include "config.h"

#include <string.h>

#include "gloss-suggest-private.h"

/* Words, numbers, punctuation and quotation marks of one sentence, with
 * their code-point offsets in the block.  A word keeps inner apostrophes,
 * hyphens and dots ("Secretary-General", "U.S.", "don’t"); a trailing ’s
 * is set aside as a possessive so "Stoltenberg’s remarks" names
 * Stoltenberg. */

#define OPEN_DQ  0x201C
#define CLOSE_DQ 0x201D
#define LEFT_SQ  0x2018
#define RIGHT_SQ 0x2019

static inline gboolean
is_apostrophe (gunichar c)
{
  return c == RIGHT_SQ || c == '\'';
}

static inline gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

char *
gloss_suggest_dup_text (GlossSuggestContext *ctx,
                        guint                block,
                        glong                start,
                        glong                end)
{
  return g_ucs4_to_utf8 (ctx->chars[block] + start, end - start, NULL, NULL, NULL);
}

/* Lower-cased, with ' written ’ so the lexicon needs one spelling. */
static const char *
intern_lower (GlossSuggestContext *ctx,
              const gunichar      *chars,
              glong                n)
{
  char buf[256];
  gsize len = 0;

  for (glong i = 0; i < n; i++)
    {
      gunichar c = chars[i] == '\'' ? RIGHT_SQ : g_unichar_tolower (chars[i]);

      if (len + 6 >= sizeof buf)
        break;
      len += (gsize) g_unichar_to_utf8 (c, buf + len);
    }
  buf[len] = '\0';
  return g_string_chunk_insert_const (ctx->strings, buf);
}

static void
push (GlossSuggestContext *ctx,
      GlossTok            *tok)
{
  g_array_append_val (ctx->toks, *tok);
}

void
gloss_suggest_tokenize (GlossSuggestContext *ctx,
                        GlossSentence       *sentence)
{
  const gunichar *p = ctx->chars[sentence->block];
  glong i = sentence->start;
  glong end = sentence->end;
  int depth = 0;
  gboolean at_start = TRUE;   /* the next word starts the sentence or a quotation */
  gboolean words_outside = FALSE;

  sentence->first_tok = ctx->toks->len;
  while (i < end)
    {
      gunichar c = p[i];
      GlossTok tok = { 0 };

      if (g_unichar_isspace (c))
        {
          i++;
          continue;
        }
      tok.start = i;
      tok.block = sentence->block;
      if (is_word_char (c) || (c == '$' && i + 1 < end && g_unichar_isdigit (p[i + 1])))
        {
          glong j = i + 1;
          gboolean digits = g_unichar_isdigit (c) || c == '$';
          gboolean has_lower = FALSE;
          gboolean has_upper = FALSE;

          while (j < end)
            {
              gunichar d = p[j];

              if (is_word_char (d))
                j++;
              else if ((is_apostrophe (d) || d == '-' || d == '.' || d == ',' || d == '/') &&
                       j + 1 < end && is_word_char (p[j + 1]) &&
                       (d != ',' || (digits && g_unichar_isdigit (p[j + 1]))))
                j++;
              else if (d == '.' && j + 1 <= end && j > i + 0 && j - i <= 4 &&
                       (j + 1 == end || !is_word_char (p[j + 1])) &&
                       (j >= i + 2 && p[j - 2] == '.'))
                {
                  j++;    /* the last dot of "U.S." */
                  break;
                }
              else
                break;
            }
          /* the bare ’ of a plural possessive: "Edmunds’ director" */
          if (!digits && j + 1 < end && p[j - 1] == 's' && is_apostrophe (p[j]) &&
              g_unichar_isspace (p[j + 1]) && j - i > 2 && g_unichar_isupper (p[i]))
            {
              tok.flags |= TF_POSS;
              tok.end = j;
              j++;
            }
          else
            tok.end = j;
          /* possessive ’s */
          if (tok.end - tok.start > 2 && is_apostrophe (p[tok.end - 2]) &&
              (p[tok.end - 1] == 's') && !digits)
            {
              tok.flags |= TF_POSS;
              tok.end -= 2;
            }
          for (glong k = tok.start; k < tok.end; k++)
            {
              if (g_unichar_islower (p[k]))
                has_lower = TRUE;
              else if (g_unichar_isupper (p[k]))
                has_upper = TRUE;
            }
          tok.kind = digits ? TOK_NUMBER : TOK_WORD;
          tok.lower = intern_lower (ctx, p + tok.start, tok.end - tok.start);
          tok.lex = gloss_lex_lookup (tok.lower);
          if (!digits && g_unichar_isupper (p[tok.start]) &&
              !(at_start && (tok.lex & LEX_COMMON)))
            tok.flags |= TF_CAP;
          if (has_upper && !has_lower && tok.end - tok.start >= 2)
            tok.flags |= TF_ALLCAPS;
          at_start = FALSE;
          i = j;
        }
      else
        {
          tok.end = i + 1;
          tok.ch = c;
          if (c == OPEN_DQ || (c == '"' && depth == 0) ||
              (c == LEFT_SQ && (i + 1 < end && is_word_char (p[i + 1]))))
            {
              if (c != LEFT_SQ)
                {
                  tok.kind = TOK_OPEN_QUOTE;
                  depth++;
                  at_start = TRUE;
                }
              else
                tok.kind = TOK_PUNCT;
            }
          else if (c == CLOSE_DQ || (c == '"' && depth > 0))
            {
              tok.kind = TOK_CLOSE_QUOTE;
              depth = MAX (0, depth - 1);
            }
          else
            {
              tok.kind = TOK_PUNCT;
              if (c == ':' || c == 0x2014)
                at_start = TRUE;
            }
          i++;
        }
      if (depth > 0 || tok.kind == TOK_CLOSE_QUOTE)
        tok.flags |= TF_QUOTED;
      if (tok.kind == TOK_OPEN_QUOTE || tok.kind == TOK_CLOSE_QUOTE)
        sentence->has_quote = TRUE;
      else if (!(tok.flags & TF_QUOTED) && tok.kind != TOK_PUNCT)
        words_outside = TRUE;
      push (ctx, &tok);
    }
  sentence->n_toks = ctx->toks->len - sentence->first_tok;
  sentence->all_quote = sentence->has_quote && !words_outside;
  sentence->open_at_end = depth > 0;
}
