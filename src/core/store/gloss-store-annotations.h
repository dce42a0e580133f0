/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Annotations of one article (gloss-store-annotations.c). */

#include "gloss-store.h"

G_BEGIN_DECLS

/* A deleted annotation's rows, its links both ways included, for Undo. */
typedef struct _GlossAnnotationRows GlossAnnotationRows;

gint64 gloss_annotation_rows_get_id (GlossAnnotationRows *rows);
void   gloss_annotation_rows_free   (GlossAnnotationRows *rows);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossAnnotationRows, gloss_annotation_rows_free)

gboolean          gloss_store_add_annotation       (GlossStore                 *self,
                                                    GlossAnnotation            *annotation,
                                                    GError                    **error);
gboolean          gloss_store_save_annotation      (GlossStore                 *self,
                                                    GlossAnnotation            *annotation,
                                                    GError                    **error);
gboolean          gloss_store_delete_annotation    (GlossStore                 *self,
                                                    gint64                      annotation_id,
                                                    GError                    **error);
GlossAnnotationRows *gloss_store_delete_annotation_rows  (GlossStore           *self,
                                                         gint64                annotation_id,
                                                         GError              **error);
gboolean          gloss_store_restore_annotation_rows (GlossStore             *self,
                                                       GlossAnnotationRows    *rows,
                                                       GError                **error);
GlossAnnotation  *gloss_store_load_annotation      (GlossStore                 *self,
                                                    gint64                      annotation_id,
                                                    GError                    **error);
GPtrArray        *gloss_store_list_annotations     (GlossStore                 *self,
                                                    gint64                      article_id,
                                                    GError                    **error);

G_END_DECLS
