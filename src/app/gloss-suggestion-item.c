/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-suggestion-item"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-style.h"
#include "gloss-suggestion-item.h"

/*
 * One suggestion of the reader: a sentence the suggester (src/core/suggest)
 * labelled a claim, a denial or worth checking, copied out of the
 * GlossSuggestions so a list row and the reader can hold it as an object.
 * It is never an annotation until the reader accepts it.
 */

struct _GlossSuggestionItem
{
  GObject parent_instance;

  guint index;
  guint block;
  glong start;
  glong end;
  GlossSuggestLabels labels;
  char *speaker;
  char *text;
  int answers;
  guint answers_block;
  glong answers_start;
  glong answers_end;
};

G_DEFINE_FINAL_TYPE (GlossSuggestionItem, gloss_suggestion_item, G_TYPE_OBJECT)

static void
gloss_suggestion_item_finalize (GObject *object)
{
  GlossSuggestionItem *self = (GlossSuggestionItem *) object;

  g_free (self->speaker);
  g_free (self->text);

  G_OBJECT_CLASS (gloss_suggestion_item_parent_class)->finalize (object);
}

static void
gloss_suggestion_item_class_init (GlossSuggestionItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_suggestion_item_finalize;
}

static void
gloss_suggestion_item_init (GlossSuggestionItem *self)
{
  self->answers = -1;
  self->answers_start = -1;
  self->answers_end = -1;
}

/**
 * gloss_suggestion_item_new:
 * @article: the article the suggestions were computed for
 * @index: the sentence's place in its #GlossSuggestions
 * @suggestion: the sentence
 *
 * Returns: (transfer full): a new item
 */
GlossSuggestionItem *
gloss_suggestion_item_new (GlossArticle          *article,
                           guint                  index,
                           const GlossSuggestion *suggestion)
{
  GlossSuggestionItem *self;
  const char *text, *first, *last;

  g_return_val_if_fail (GLOSS_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (suggestion != NULL, NULL);
  g_return_val_if_fail (suggestion->block < gloss_article_get_n_blocks (article), NULL);

  self = g_object_new (GLOSS_TYPE_SUGGESTION_ITEM, NULL);
  self->index = index;
  self->block = suggestion->block;
  self->start = suggestion->start;
  self->end = suggestion->end;
  self->labels = suggestion->labels;
  self->speaker = g_strdup (suggestion->speaker);
  self->answers = suggestion->answers;
  self->answers_block = suggestion->answers_block;
  self->answers_start = suggestion->answers_start;
  self->answers_end = suggestion->answers_end;

  text = gloss_block_get_text (gloss_article_get_block (article, suggestion->block));
  first = g_utf8_offset_to_pointer (text, suggestion->start);
  last = g_utf8_offset_to_pointer (first, suggestion->end - suggestion->start);
  self->text = g_strndup (first, (gsize) (last - first));

  return self;
}

/* The sentence's place among all sentences of the article: it stays the
 * same while other suggestions are accepted or dismissed. */
guint
gloss_suggestion_item_get_index (GlossSuggestionItem *self)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_ITEM (self), 0);

  return self->index;
}

guint
gloss_suggestion_item_get_block (GlossSuggestionItem *self)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_ITEM (self), 0);

  return self->block;
}

glong
gloss_suggestion_item_get_start (GlossSuggestionItem *self)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_ITEM (self), 0);

  return self->start;
}

glong
gloss_suggestion_item_get_end (GlossSuggestionItem *self)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_ITEM (self), 0);

  return self->end;
}

/**
 * gloss_suggestion_item_get_kind:
 * @self: a #GlossSuggestionItem
 *
 * Returns: the kind of annotation accepting it makes: a denial for a
 *   suggested denial, otherwise a claim (a sentence only worth checking
 *   is a claim in the article's own voice)
 */
GlossAnnotationKind
gloss_suggestion_item_get_kind (GlossSuggestionItem *self)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_ITEM (self), GLOSS_ANNOTATION_CLAIM);

  return (self->labels & GLOSS_SUGGEST_DENIAL) ? GLOSS_ANNOTATION_DENIAL : GLOSS_ANNOTATION_CLAIM;
}

gboolean
gloss_suggestion_item_is_checkworthy (GlossSuggestionItem *self)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_ITEM (self), FALSE);

  return (self->labels & GLOSS_SUGGEST_CHECKWORTHY) != 0;
}

/**
 * gloss_suggestion_item_is_attributed:
 * @self: a #GlossSuggestionItem
 *
 * Returns: whether someone other than the article's own voice says it (a
 *   suggested claim or denial), rather than a sentence only worth checking
 */
gboolean
gloss_suggestion_item_is_attributed (GlossSuggestionItem *self)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_ITEM (self), FALSE);

  return (self->labels & (GLOSS_SUGGEST_CLAIM | GLOSS_SUGGEST_DENIAL)) != 0;
}

/* Who says it, named in full, or NULL. */
const char *
gloss_suggestion_item_get_speaker (GlossSuggestionItem *self)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_ITEM (self), NULL);

  return self->speaker;
}

/* The sentence's words. */
const char *
gloss_suggestion_item_get_text (GlossSuggestionItem *self)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_ITEM (self), NULL);

  return self->text;
}

/* For a denial, the index of the earlier sentence it answers, or -1. */
int
gloss_suggestion_item_get_answers (GlossSuggestionItem *self)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_ITEM (self), -1);

  return self->answers;
}

/* For a denial, the words it answers (an earlier sentence or a clause of
 * its own); FALSE when nothing was found. */
gboolean
gloss_suggestion_item_get_answers_range (GlossSuggestionItem *self,
                                         guint               *out_block,
                                         glong               *out_start,
                                         glong               *out_end)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_ITEM (self), FALSE);

  if (self->answers_start < 0 || self->answers_end <= self->answers_start)
    return FALSE;

  if (out_block != NULL)
    *out_block = self->answers_block;
  if (out_start != NULL)
    *out_start = self->answers_start;
  if (out_end != NULL)
    *out_end = self->answers_end;
  return TRUE;
}

/**
 * gloss_suggestion_item_dup_description:
 * @self: a #GlossSuggestionItem
 *
 * Returns: (transfer full): what is suggested, in a few words, for a row's
 *   heading and screen readers: "Claim by Jens Stoltenberg", "Denial",
 *   "Worth checking"
 */
char *
gloss_suggestion_item_dup_description (GlossSuggestionItem *self)
{
  const char *kind;

  g_return_val_if_fail (GLOSS_IS_SUGGESTION_ITEM (self), NULL);

  if (!gloss_suggestion_item_is_attributed (self))
    return g_strdup (_("Worth checking"));

  kind = gloss_annotation_kind_get_label (gloss_suggestion_item_get_kind (self));
  if (self->speaker == NULL)
    return g_strdup (kind);

  /* Translators: a suggestion's kind ("Claim", "Denial"), then who says it */
  return g_strdup_printf (_("%s by %s"), kind, self->speaker);
}
