/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "gloss-core.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SUGGESTION_ITEM (gloss_suggestion_item_get_type ())
G_DECLARE_FINAL_TYPE (GlossSuggestionItem, gloss_suggestion_item, GLOSS, SUGGESTION_ITEM, GObject)

GlossSuggestionItem *gloss_suggestion_item_new              (GlossArticle          *article,
                                                             guint                  index,
                                                             const GlossSuggestion *suggestion);

guint                gloss_suggestion_item_get_index        (GlossSuggestionItem   *self);
guint                gloss_suggestion_item_get_block        (GlossSuggestionItem   *self);
glong                gloss_suggestion_item_get_start        (GlossSuggestionItem   *self);
glong                gloss_suggestion_item_get_end          (GlossSuggestionItem   *self);
GlossAnnotationKind  gloss_suggestion_item_get_kind         (GlossSuggestionItem   *self);
gboolean             gloss_suggestion_item_is_checkworthy   (GlossSuggestionItem   *self);
gboolean             gloss_suggestion_item_is_attributed    (GlossSuggestionItem   *self);
const char          *gloss_suggestion_item_get_speaker      (GlossSuggestionItem   *self);
const char          *gloss_suggestion_item_get_text         (GlossSuggestionItem   *self);
int                  gloss_suggestion_item_get_answers      (GlossSuggestionItem   *self);
gboolean             gloss_suggestion_item_get_answers_range (GlossSuggestionItem  *self,
                                                             guint                 *out_block,
                                                             glong                 *out_start,
                                                             glong                 *out_end);
char                *gloss_suggestion_item_dup_description  (GlossSuggestionItem   *self);

G_END_DECLS
