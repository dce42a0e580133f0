/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gloss-core.h"

G_BEGIN_DECLS

/* Declared in gloss-annotation-model.h, which includes this header. */
struct _GlossAnnotationModel;
struct _GlossDeletedAnnotation;

#define GLOSS_TYPE_ANNOTATION_HISTORY (gloss_annotation_history_get_type ())
G_DECLARE_FINAL_TYPE (GlossAnnotationHistory, gloss_annotation_history, GLOSS, ANNOTATION_HISTORY, GObject)

GlossAnnotationHistory *gloss_annotation_history_new            (struct _GlossAnnotationModel *model);

gboolean                gloss_annotation_history_can_undo       (GlossAnnotationHistory *self);
gboolean                gloss_annotation_history_can_redo       (GlossAnnotationHistory *self);
gboolean                gloss_annotation_history_undo           (GlossAnnotationHistory *self,
                                                                 gint64                 *out_annotation_id,
                                                                 GError                **error);
gboolean                gloss_annotation_history_redo           (GlossAnnotationHistory *self,
                                                                 gint64                 *out_annotation_id,
                                                                 GError                **error);
void                    gloss_annotation_history_begin_group    (GlossAnnotationHistory *self);
void                    gloss_annotation_history_end_group      (GlossAnnotationHistory *self);
void                    gloss_annotation_history_clear          (GlossAnnotationHistory *self);

/* Told by the model, after each change is on disk. */
void                    gloss_annotation_history_record_fields  (GlossAnnotationHistory *self,
                                                                 gint64                  annotation_id,
                                                                 GlossAnnotation        *before,
                                                                 GlossAnnotation        *after);
void                    gloss_annotation_history_record_link    (GlossAnnotationHistory *self,
                                                                 gint64                  annotation_id,
                                                                 GlossRelation           relation,
                                                                 gint64                  target_id,
                                                                 gboolean                added);
void                    gloss_annotation_history_record_created (GlossAnnotationHistory *self,
                                                                 gint64                  annotation_id);
void                    gloss_annotation_history_record_deleted (GlossAnnotationHistory *self,
                                                                 struct _GlossDeletedAnnotation *deleted);

G_END_DECLS
