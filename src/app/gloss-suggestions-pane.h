/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gloss-suggestion-model.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SUGGESTIONS_PANE (gloss_suggestions_pane_get_type ())
G_DECLARE_FINAL_TYPE (GlossSuggestionsPane, gloss_suggestions_pane, GLOSS, SUGGESTIONS_PANE, AdwBin)

GlossSuggestionModel *gloss_suggestions_pane_get_model (GlossSuggestionsPane *self);
void                  gloss_suggestions_pane_set_model (GlossSuggestionsPane *self,
                                                        GlossSuggestionModel *model);
const char           *gloss_suggestions_pane_get_page  (GlossSuggestionsPane *self);
void                  gloss_suggestions_pane_show_item (GlossSuggestionsPane *self,
                                                        GlossSuggestionItem  *item);
GtkListBoxRow        *gloss_suggestions_pane_find_row  (GlossSuggestionsPane *self,
                                                        GlossSuggestionItem  *item);

G_END_DECLS
