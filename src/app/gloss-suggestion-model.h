/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gloss-annotation-model.h"
#include "gloss-suggestion-item.h"

G_BEGIN_DECLS

/**
 * GlossSuggestionState:
 * @GLOSS_SUGGESTION_STATE_OFF: suggestions are turned off, or no article
 * @GLOSS_SUGGESTION_STATE_COMPUTING: being computed on a worker
 * @GLOSS_SUGGESTION_STATE_READY: computed; the model holds those left to
 *   accept or dismiss
 * @GLOSS_SUGGESTION_STATE_UNAVAILABLE: none for this article (a language
 *   the suggester does not know); the message says why
 */
typedef enum
{
  GLOSS_SUGGESTION_STATE_OFF,
  GLOSS_SUGGESTION_STATE_COMPUTING,
  GLOSS_SUGGESTION_STATE_READY,
  GLOSS_SUGGESTION_STATE_UNAVAILABLE,
} GlossSuggestionState;

#define GLOSS_TYPE_SUGGESTION_MODEL (gloss_suggestion_model_get_type ())
G_DECLARE_FINAL_TYPE (GlossSuggestionModel, gloss_suggestion_model, GLOSS, SUGGESTION_MODEL, GObject)

GlossSuggestionModel *gloss_suggestion_model_new             (void);

gboolean              gloss_suggestion_model_get_enabled     (GlossSuggestionModel  *self);
void                  gloss_suggestion_model_set_enabled     (GlossSuggestionModel  *self,
                                                              gboolean               enabled);
GlossAnnotationModel *gloss_suggestion_model_get_annotations (GlossSuggestionModel  *self);
void                  gloss_suggestion_model_set_annotations (GlossSuggestionModel  *self,
                                                              GlossAnnotationModel  *annotations);
GlossSuggestionState  gloss_suggestion_model_get_state       (GlossSuggestionModel  *self);
const char           *gloss_suggestion_model_get_message     (GlossSuggestionModel  *self);

GlossSuggestionItem  *gloss_suggestion_model_find            (GlossSuggestionModel  *self,
                                                              guint                  index);
GlossAnnotation      *gloss_suggestion_model_accept          (GlossSuggestionModel  *self,
                                                              GlossSuggestionItem   *item,
                                                              GError               **error);
GPtrArray            *gloss_suggestion_model_accept_all      (GlossSuggestionModel  *self,
                                                              GError               **error);
GPtrArray            *gloss_suggestion_model_accept_claims   (GlossSuggestionModel  *self,
                                                              GError               **error);
guint                 gloss_suggestion_model_count_claims    (GlossSuggestionModel  *self);
gboolean              gloss_suggestion_model_dismiss         (GlossSuggestionModel  *self,
                                                              GlossSuggestionItem   *item,
                                                              GError               **error);
void                  gloss_suggestion_model_shutdown        (GlossSuggestionModel  *self);
gboolean              gloss_suggestion_model_restore         (GlossSuggestionModel  *self,
                                                              GlossSuggestionItem   *item,
                                                              GError               **error);

G_END_DECLS
