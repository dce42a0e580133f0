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

G_END_DECLS
