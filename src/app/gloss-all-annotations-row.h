/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gloss-core.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ALL_ANNOTATIONS_ROW (gloss_all_annotations_row_get_type ())
G_DECLARE_FINAL_TYPE (GlossAllAnnotationsRow, gloss_all_annotations_row, GLOSS, ALL_ANNOTATIONS_ROW, GtkWidget)

GtkWidget  *gloss_all_annotations_row_new               (void);
void        gloss_all_annotations_row_set_entry         (GlossAllAnnotationsRow     *self,
                                                         const GlossAnnotationEntry *entry);
gint64      gloss_all_annotations_row_get_annotation_id (GlossAllAnnotationsRow     *self);
gint64      gloss_all_annotations_row_get_article_id    (GlossAllAnnotationsRow     *self);
const char *gloss_all_annotations_row_get_label         (GlossAllAnnotationsRow     *self);

G_END_DECLS
