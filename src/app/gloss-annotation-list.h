/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gloss-annotation-model.h"
#include "gloss-annotation-row.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_ANNOTATION_LIST (gloss_annotation_list_get_type ())
G_DECLARE_FINAL_TYPE (GlossAnnotationList, gloss_annotation_list, GLOSS, ANNOTATION_LIST, AdwBin)

void                gloss_annotation_list_set_model    (GlossAnnotationList  *self,
                                                        GlossAnnotationModel *model);
void                gloss_annotation_list_set_unavailable (GlossAnnotationList *self,
                                                        gboolean              unavailable);
GlossAnnotationRow *gloss_annotation_list_find_row     (GlossAnnotationList  *self,
                                                        GlossAnnotation      *annotation);
GlossAnnotation    *gloss_annotation_list_get_selected (GlossAnnotationList  *self);
void                gloss_annotation_list_select       (GlossAnnotationList  *self,
                                                        GlossAnnotation      *annotation);
const char         *gloss_annotation_list_get_page     (GlossAnnotationList  *self);

G_END_DECLS
