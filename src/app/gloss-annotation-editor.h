/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gloss-annotation-model.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ANNOTATION_EDITOR (gloss_annotation_editor_get_type ())
G_DECLARE_FINAL_TYPE (GlossAnnotationEditor, gloss_annotation_editor, GLOSS, ANNOTATION_EDITOR, GtkPopover)

GtkWidget       *gloss_annotation_editor_new            (void);
void             gloss_annotation_editor_set_annotation (GlossAnnotationEditor *self,
                                                         GlossAnnotationModel  *model,
                                                         GlossAnnotation       *annotation);
GlossAnnotation *gloss_annotation_editor_get_annotation (GlossAnnotationEditor *self);
void             gloss_annotation_editor_flush          (GlossAnnotationEditor *self);

G_END_DECLS
