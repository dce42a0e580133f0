/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Exchange with other tools (gloss-store-exchange.c). */

#include "gloss-store.h"

G_BEGIN_DECLS

/**
 * GlossImportedAnnotation:
 * @annotation: a new annotation: article id, kind, anchor, note, speaker, verdict
 * @uuid: (nullable): the uuid to keep (a Gloss export's), or %NULL for a new one
 * @source_id: (nullable): the annotation's id where it came from, to recognise it again
 * @created_at: (nullable): when it was made, or %NULL for now
 * @updated_at: (nullable): when it last changed, or %NULL for @created_at
 * @links: (element-type GlossAnnotationLink): links by target uuid (target_id unused)
 */
typedef struct
{
  GlossAnnotation *annotation;
  char *uuid;
  char *source_id;
  char *created_at;
  char *updated_at;
  GArray *links;
} GlossImportedAnnotation;

char             *gloss_store_dup_article_source_sha256 (GlossStore              *self,
                                                         gint64                   article_id,
                                                         GError                 **error);
gint64            gloss_store_find_article_by_sha256    (GlossStore              *self,
                                                         const char              *sha256,
                                                         GError                 **error);
char             *gloss_store_find_annotation_uuid      (GlossStore              *self,
                                                         const char              *uuid,
                                                         const char              *source_id,
                                                         GError                 **error);
gboolean          gloss_store_add_imported_annotations  (GlossStore              *self,
                                                         GlossImportedAnnotation *items,
                                                         guint                    n_items,
                                                         GError                 **error);

G_END_DECLS
