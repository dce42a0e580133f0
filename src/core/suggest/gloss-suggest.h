/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "gloss-article.h"

G_BEGIN_DECLS

/**
 * GlossSuggestLabels:
 * @GLOSS_SUGGEST_CLAIM: a source other than the article's own voice asserts
 *   something
 * @GLOSS_SUGGEST_DENIAL: that source denies, rejects or disputes a claim
 *   (every denial is also a claim)
 * @GLOSS_SUGGEST_CHECKWORTHY: the sentence states a specific fact a
 *   fact-checker could verify
 */
typedef enum
{
  GLOSS_SUGGEST_CLAIM = 1 << 0,
  GLOSS_SUGGEST_DENIAL = 1 << 1,
  GLOSS_SUGGEST_CHECKWORTHY = 1 << 2,
} GlossSuggestLabels;

/**
 * GlossSuggestion:
 * @block: the block the sentence is in
 * @start: its first code point in the block
 * @end: one past its last code point
 * @labels: what the sentence is suggested to be; 0 for most sentences
 * @claim_score: confidence that it is a claim, 0 to 1
 * @denial_score: confidence that it is a denial, 0 to 1
 * @checkworthy_score: probability that it is worth checking, or a negative
 *   value when no check-worthiness model is available
 * @speaker: who makes the claim, named in full as the article names them
 *   (Jens Stoltenberg for “He said”), or %NULL
 * @speaker_start: where the sentence names the speaker (the name, pronoun or
 *   “the company”), in @block's code points; -1 when it does not
 * @speaker_end: one past it, or -1
 * @answers: for a denial, the index (in the #GlossSuggestions) of the earlier
 *   sentence it answers, or -1
 * @answers_block: the block of what the denial answers: a clause of the
 *   sentence itself (“rejects accusations that …”) or an earlier sentence
 * @answers_start: its first code point, or -1 when nothing was found
 * @answers_end: one past its last code point, or -1
 *
 * One sentence of an article with what is suggested about it.
 */
typedef struct
{
  guint block;
  glong start;
  glong end;
  GlossSuggestLabels labels;
  double claim_score;
  double denial_score;
  double checkworthy_score;
  char *speaker;
  glong speaker_start;
  glong speaker_end;
  gint answers;
  guint answers_block;
  glong answers_start;
  glong answers_end;
} GlossSuggestion;

typedef struct _GlossSuggestions GlossSuggestions;

#define GLOSS_TYPE_SUGGESTIONS (gloss_suggestions_get_type ())

GType                  gloss_suggestions_get_type        (void) G_GNUC_CONST;

GlossSuggestions      *gloss_suggest                     (GlossArticle     *article);

GlossSuggestions      *gloss_suggestions_ref             (GlossSuggestions *self);
void                   gloss_suggestions_unref           (GlossSuggestions *self);

gboolean               gloss_suggestions_is_available    (GlossSuggestions *self);
const char            *gloss_suggestions_get_language    (GlossSuggestions *self);
char                  *gloss_suggestions_dup_unavailable_message (GlossSuggestions *self);
guint                  gloss_suggestions_get_n_sentences (GlossSuggestions *self);
const GlossSuggestion *gloss_suggestions_get_sentence    (GlossSuggestions *self,
                                                          guint             index);
gboolean               gloss_suggestions_has_checkworthy (GlossSuggestions *self);

const char            *gloss_suggest_label_to_string     (GlossSuggestLabels label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossSuggestions, gloss_suggestions_unref)

G_END_DECLS
