/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gloss-core.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ANNOTATION_ROW (gloss_annotation_row_get_type ())
G_DECLARE_FINAL_TYPE (GlossAnnotationRow, gloss_annotation_row, GLOSS, ANNOTATION_ROW, GtkListBoxRow)

GtkWidget       *gloss_annotation_row_new            (GlossAnnotation    *annotation);
GlossAnnotation *gloss_annotation_row_get_annotation (GlossAnnotationRow *self);
const char      *gloss_annotation_row_get_label      (GlossAnnotationRow *self);
void             gloss_annotation_row_refresh        (GlossAnnotationRow *self);

/* Who made an annotation, for rows in a window whose library syncs with a
 * team (src/app/team): a new string, or NULL to show no one. */
typedef char *(*GlossAnnotationAuthorFunc) (GtkWidget       *row,
                                            GlossAnnotation *annotation);
void             gloss_annotation_row_set_author_func (GlossAnnotationAuthorFunc func);

G_END_DECLS
