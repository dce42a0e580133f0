/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gloss-core.h"

G_BEGIN_DECLS

/* What a deleted annotation was, enough to put it back. */
typedef struct _GlossDeletedAnnotation GlossDeletedAnnotation;

GlossDeletedAnnotation *gloss_deleted_annotation_ref    (GlossDeletedAnnotation       *deleted);
void                    gloss_deleted_annotation_free   (GlossDeletedAnnotation       *deleted);
gint64                  gloss_deleted_annotation_get_id (const GlossDeletedAnnotation *deleted);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossDeletedAnnotation, gloss_deleted_annotation_free)

#define GLOSS_TYPE_ANNOTATION_MODEL (gloss_annotation_model_get_type ())
G_DECLARE_FINAL_TYPE (GlossAnnotationModel, gloss_annotation_model, GLOSS, ANNOTATION_MODEL, GObject)

G_END_DECLS

#include "gloss-annotation-history.h"

G_BEGIN_DECLS

GlossAnnotationModel   *gloss_annotation_model_new         (GlossStore             *store,
                                                            GlossArticle           *article);
GlossStore             *gloss_annotation_model_get_store   (GlossAnnotationModel   *self);
GlossArticle           *gloss_annotation_model_get_article (GlossAnnotationModel   *self);
gboolean                gloss_annotation_model_load        (GlossAnnotationModel   *self,
                                                            GError                **error);

GlossAnnotation        *gloss_annotation_model_find        (GlossAnnotationModel   *self,
                                                            gint64                  annotation_id);
GlossAnnotation        *gloss_annotation_model_find_at     (GlossAnnotationModel   *self,
                                                            guint                   block,
                                                            guint                   offset);

GlossAnnotation        *gloss_annotation_model_add         (GlossAnnotationModel   *self,
                                                            GlossAnnotationKind     kind,
                                                            const GlossAnchor      *anchor,
                                                            GError                **error);
GlossAnnotation        *gloss_annotation_model_add_annotation (GlossAnnotationModel *self,
                                                              GlossAnnotation      *annotation,
                                                              GError              **error);
gboolean                gloss_annotation_model_save        (GlossAnnotationModel   *self,
                                                            GlossAnnotation        *annotation,
                                                            GError                **error);
gboolean                gloss_annotation_model_add_link    (GlossAnnotationModel   *self,
                                                            GlossAnnotation        *annotation,
                                                            GlossRelation           relation,
                                                            GlossAnnotation        *target,
                                                            GError                **error);
gboolean                gloss_annotation_model_add_link_to_id (GlossAnnotationModel *self,
                                                            GlossAnnotation        *annotation,
                                                            GlossRelation           relation,
                                                            gint64                  target_id,
                                                            GError                **error);
gboolean                gloss_annotation_model_remove_link (GlossAnnotationModel   *self,
                                                            GlossAnnotation        *annotation,
                                                            GlossRelation           relation,
                                                            gint64                  target_id,
                                                            GError                **error);
gboolean                gloss_annotation_model_move        (GlossAnnotationModel   *self,
                                                            GlossAnnotation        *annotation,
                                                            const GlossAnchor      *anchor,
                                                            GError                **error);
GlossDeletedAnnotation *gloss_annotation_model_delete      (GlossAnnotationModel   *self,
                                                            GlossAnnotation        *annotation,
                                                            GError                **error);
GlossAnnotation        *gloss_annotation_model_restore     (GlossAnnotationModel   *self,
                                                            const GlossDeletedAnnotation *deleted,
                                                            GError                **error);
gboolean                gloss_annotation_model_set_fields  (GlossAnnotationModel   *self,
                                                            GlossAnnotation        *annotation,
                                                            GlossAnnotation        *fields,
                                                            GError                **error);
GlossAnnotationHistory *gloss_annotation_model_get_history (GlossAnnotationModel   *self);

G_END_DECLS
