/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gloss-core.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_SEARCH_LIST (gloss_search_list_get_type ())
G_DECLARE_FINAL_TYPE (GlossSearchList, gloss_search_list, GLOSS, SEARCH_LIST, GtkWidget)

GtkWidget *gloss_search_list_new         (void);
void       gloss_search_list_set_results (GlossSearchList    *self,
                                          GlossSearchResults *results);
guint      gloss_search_list_get_n_hits  (GlossSearchList    *self);
gboolean   gloss_search_list_activate_first (GlossSearchList *self);
char      *gloss_search_hit_dup_first_match (const GlossSearchHit *hit);

G_END_DECLS
