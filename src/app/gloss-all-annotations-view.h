/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gloss-core.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ALL_ANNOTATIONS_VIEW (gloss_all_annotations_view_get_type ())
G_DECLARE_FINAL_TYPE (GlossAllAnnotationsView, gloss_all_annotations_view, GLOSS, ALL_ANNOTATIONS_VIEW, AdwBin)

GtkWidget  *gloss_all_annotations_view_new           (void);
void        gloss_all_annotations_view_set_store     (GlossAllAnnotationsView *self,
                                                      GlossStore              *store);
void        gloss_all_annotations_view_reload        (GlossAllAnnotationsView *self);
gboolean    gloss_all_annotations_view_get_loading   (GlossAllAnnotationsView *self);
guint       gloss_all_annotations_view_get_n_matches (GlossAllAnnotationsView *self);
const char *gloss_all_annotations_view_get_page      (GlossAllAnnotationsView *self);

G_END_DECLS
