/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-suggest"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gloss-checkworthy.h"
#include "gloss-suggest-private.h"

/* Suggestions for one article, on the reader's machine and in a few
 * milliseconds: its sentences (gloss-sentence-split.c), then for each one
 * who asserts what (gloss-suggest-attribution.c), whether it denies a claim
 * and which (gloss-suggest-denial.c), and whether it states a fact worth
 * checking.  English only: for an article in another language the result
 * says so and holds no sentences. */

struct _GlossSuggestions
{
  gatomicrefcount ref_count;
  char *language;
  gboolean available;
  gboolean has_checkworthy;
  GArray *sentences;   /* GlossSuggestion */
};

G_DEFINE_BOXED_TYPE (GlossSuggestions, gloss_suggestions, gloss_suggestions_ref,
                     gloss_suggestions_unref)

static void
clear_suggestion (gpointer data)
{
  GlossSuggestion *s = data;

  g_free (s->speaker);
}

GlossSuggestions *
gloss_suggestions_ref (GlossSuggestions *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
gloss_suggestions_unref (GlossSuggestions *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_array_unref (self->sentences);
  g_free (self->language);
  g_free (self);
}

gboolean
gloss_suggestions_is_available (GlossSuggestions *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->available;
}

/* The article's language as a code ("en", "de"), from its page or guessed. */
const char *
gloss_suggestions_get_language (GlossSuggestions *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->language;
}

/* Why there are no suggestions, for a person; %NULL when there are. */
char *
gloss_suggestions_dup_unavailable_message (GlossSuggestions *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->available)
    return NULL;
  /* Translators: %s is a language code such as “de” */
  return g_strdup_printf (_("Suggestions are not available for language “%s”: only English "
                            "articles are supported."), self->language);
}

guint
gloss_suggestions_get_n_sentences (GlossSuggestions *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->sentences->len;
}

const GlossSuggestion *
gloss_suggestions_get_sentence (GlossSuggestions *self,
                                guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->sentences->len, NULL);

  return &g_array_index (self->sentences, GlossSuggestion, index);
}

/* Whether check-worthiness was scored (the model was there). */
gboolean
gloss_suggestions_has_checkworthy (GlossSuggestions *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->has_checkworthy;
}

const char *
gloss_suggest_label_to_string (GlossSuggestLabels label)
{
  switch (label)
    {
    case GLOSS_SUGGEST_CLAIM:
      return "claim";
    case GLOSS_SUGGEST_DENIAL:
      return "denial";
    case GLOSS_SUGGEST_CHECKWORTHY:
      return "checkworthy";
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
is_english (const char *language)
{
  return g_ascii_strncasecmp (language, "en", 2) == 0 &&
         (language[2] == '\0' || language[2] == '-' || language[2] == '_');
}

/* Worth checking: the check-worthiness model (gloss-checkworthy.c), on the
 * sentence's words.  Without the model (it failed to load) no sentence is
 * scored and the result says so (gloss_suggestions_has_checkworthy()). */
static gboolean
score_checkworthy (GlossSuggestContext *ctx)
{
  g_autoptr(GError) error = NULL;
  GlossCheckworthyModel *model = gloss_checkworthy_model_get_default (&error);
  double threshold;

  if (model == NULL)
    {
      g_warning ("No check-worthiness model: %s", error->message);
      for (guint i = 0; i < ctx->sentences->len; i++)
        ctx_sentence (ctx, i)->checkworthy_score = -1.0;
      return FALSE;
    }
  threshold = gloss_checkworthy_model_get_threshold (model);
  for (guint i = 0; i < ctx->sentences->len; i++)
    {
      GlossSentence *s = ctx_sentence (ctx, i);
      g_autofree char *text = gloss_suggest_dup_text (ctx, s->block, s->start, s->end);

      s->checkworthy_score = gloss_checkworthy_model_score (model, text);
      if (s->checkworthy_score >= threshold)
        s->labels |= GLOSS_SUGGEST_CHECKWORTHY;
    }
  return TRUE;
}

/**
 * gloss_suggest:
 * @article: the article
 *
 * Suggests, for each sentence of @article, whether it is a claim, a denial
 * or worth checking, who the speaker is and what a denial answers.  Runs
 * without a network and touches nothing but @article, so it may run on a
 * worker thread.
 *
 * Returns: (transfer full): the suggestions, one per sentence in document
 * order; for an article not in English, a result that is not available.
 */
GlossSuggestions *
gloss_suggest (GlossArticle *article)
{
  GlossSuggestContext ctx = { 0 };
  GlossSuggestions *self;
  const char *page_language;

  g_return_val_if_fail (GLOSS_IS_ARTICLE (article), NULL);

  self = g_new0 (GlossSuggestions, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->sentences = g_array_new (FALSE, TRUE, sizeof (GlossSuggestion));
  g_array_set_clear_func (self->sentences, clear_suggestion);

  ctx.article = article;
  ctx.n_blocks = gloss_article_get_n_blocks (article);
  ctx.chars = g_new0 (gunichar *, MAX (ctx.n_blocks, 1));
  ctx.n_chars = g_new0 (glong, MAX (ctx.n_blocks, 1));
  ctx.strings = g_string_chunk_new (4096);
  ctx.toks = g_array_new (FALSE, TRUE, sizeof (GlossTok));
  ctx.sentences = g_array_new (FALSE, TRUE, sizeof (GlossSentence));
  ctx.surnames = g_hash_table_new (g_str_hash, g_str_equal);
  ctx.kinds = g_hash_table_new (g_str_hash, g_str_equal);
  ctx.acronyms = g_hash_table_new (g_str_hash, g_str_equal);
  ctx.org_words = g_hash_table_new (g_str_hash, g_str_equal);
  ctx.titles = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint b = 0; b < ctx.n_blocks; b++)
    {
      const GlossBlock *block = gloss_article_get_block (article, b);
      g_autoptr(GArray) spans = NULL;

      ctx.chars[b] = g_utf8_to_ucs4_fast (gloss_block_get_text (block), -1, &ctx.n_chars[b]);
      spans = gloss_sentence_split_ucs4 (ctx.chars[b], ctx.n_chars[b]);
      for (guint k = 0; k < spans->len; k++)
        {
          GlossSpan *span = &g_array_index (spans, GlossSpan, k);
          GlossSentence sentence = { 0 };

          sentence.block = b;
          sentence.start = span->start;
          sentence.end = span->end;
          g_array_append_val (ctx.sentences, sentence);
          gloss_suggest_tokenize (&ctx, ctx_sentence (&ctx, ctx.sentences->len - 1));
        }
    }

  page_language = gloss_article_get_language (article);
  if (page_language != NULL && *page_language != '\0')
    self->language = g_ascii_strdown (page_language, 2);
  else
    self->language = gloss_suggest_guess_language (&ctx);
  self->available = is_english (self->language);

  if (self->available)
    {
      gloss_suggest_collect_names (&ctx);
      for (guint i = 0; i < ctx.sentences->len; i++)
        {
          gloss_suggest_attribute (&ctx, i);
          gloss_suggest_find_denial (&ctx, i);
        }
      self->has_checkworthy = score_checkworthy (&ctx);
      for (guint i = 0; i < ctx.sentences->len; i++)
        {
          GlossSentence *s = ctx_sentence (&ctx, i);
          GlossSuggestion out = { 0 };

          out.block = s->block;
          out.start = s->start;
          out.end = s->end;
          out.labels = s->labels;
          out.claim_score = s->claim_score;
          out.denial_score = s->denial_score;
          out.checkworthy_score = s->checkworthy_score;
          out.speaker = g_steal_pointer (&s->speaker);
          out.speaker_start = out.speaker != NULL ? s->speaker_start : -1;
          out.speaker_end = out.speaker != NULL ? s->speaker_end : -1;
          out.answers = s->answers;
          out.answers_block = s->answers_block;
          out.answers_start = s->answers_start;
          out.answers_end = s->answers_end;
          if (!(out.labels & GLOSS_SUGGEST_DENIAL))
            {
              out.answers = -1;
              out.answers_start = out.answers_end = -1;
            }
          g_array_append_val (self->sentences, out);
        }
    }

  for (guint i = 0; i < ctx.sentences->len; i++)
    g_free (ctx_sentence (&ctx, i)->speaker);
  for (guint b = 0; b < ctx.n_blocks; b++)
    g_free (ctx.chars[b]);
  g_free (ctx.chars);
  g_free (ctx.n_chars);
  g_string_chunk_free (ctx.strings);
  g_array_unref (ctx.toks);
  g_array_unref (ctx.sentences);
  g_hash_table_unref (ctx.surnames);
  g_hash_table_unref (ctx.kinds);
  g_hash_table_unref (ctx.acronyms);
  g_hash_table_unref (ctx.org_words);
  g_hash_table_unref (ctx.titles);
  return self;
}
