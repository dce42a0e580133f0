/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-suggest"

#include "config.h"

#include "gloss-suggest-private.h"

/* Which language an article is in, when its page did not say: the share of
 * its words that are the most frequent function words of each language.
 * Suggestions are made for English only; this keeps them off a German or
 * French article rather than guessing wrongly on it. */

static const struct
{
  const char *code;
  guint32 lex;
} languages[] = {
  { "de", LEX_LANG_DE },
  { "fr", LEX_LANG_FR },
  { "es", LEX_LANG_ES },
  { "it", LEX_LANG_IT },
  { "nl", LEX_LANG_NL },
  { "pt", LEX_LANG_PT },
};

char *
gloss_suggest_guess_language (GlossSuggestContext *ctx)
{
  guint n_words = 0;
  guint english = 0;
  guint counts[G_N_ELEMENTS (languages)] = { 0 };
  guint best = 0;

  for (guint i = 0; i < ctx->toks->len && n_words < 3000; i++)
    {
      GlossTok *t = ctx_tok (ctx, i);

      if (t->kind != TOK_WORD)
        continue;
      n_words++;
      if (t->lex & LEX_ENGLISH)
        english++;
      for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
        if (t->lex & languages[l].lex)
          counts[l]++;
    }
  for (guint l = 1; l < G_N_ELEMENTS (languages); l++)
    if (counts[l] > counts[best])
      best = l;
  /* too little text to tell, or English words at least as frequent */
  if (n_words < 12 || english >= counts[best])
    return g_strdup ("en");
  return g_strdup (languages[best].code);
}
