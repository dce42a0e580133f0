/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gloss-annotation.h"
#include "gloss-article.h"
#include "gloss-extract.h"

G_BEGIN_DECLS

/* The schema this build reads and writes; see gloss-store-schema.c. */
#define GLOSS_STORE_SCHEMA_VERSION 2

/**
 * GlossArticleSummary:
 *
 * One row of the library: what a list shows without loading the article.
 */
typedef struct
{
  gint64 id;
  char *uuid;
  char *title;
  char *byline;
  char *site_name;
  char *url;
  char *published;
  char *source_name;
  char *imported_at;
  guint n_blocks;
  guint n_versions;
  guint counts[GLOSS_ANNOTATION_KIND_LAST + 1];
  gboolean unread;
  gboolean archived;
} GlossArticleSummary;

void gloss_article_summary_free (GlossArticleSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossArticleSummary, gloss_article_summary_free)

#define GLOSS_TYPE_STORE (gloss_store_get_type ())
G_DECLARE_FINAL_TYPE (GlossStore, gloss_store, GLOSS, STORE, GObject)

typedef enum
{
  GLOSS_STORE_OPEN_NONE = 0,
  GLOSS_STORE_OPEN_READ_ONLY = 1 << 0,
} GlossStoreOpenFlags;

char             *gloss_store_dup_default_path     (void);
GlossStore       *gloss_store_open                 (const char                 *path,
                                                    GError                    **error);
GlossStore       *gloss_store_open_full            (const char                 *path,
                                                    GlossStoreOpenFlags         flags,
                                                    GError                    **error);
const char       *gloss_store_get_path             (GlossStore                 *self);
gboolean          gloss_store_is_read_only         (GlossStore                 *self);

/* Backups and damaged files (gloss-store-backup.c) */
gboolean          gloss_store_backup               (GlossStore                 *self,
                                                    const char                 *destination,
                                                    GError                    **error);
gboolean          gloss_store_backup_automatically (GlossStore                 *self,
                                                    const char                 *reason,
                                                    GError                    **error);
gboolean          gloss_store_backup_if_due        (GlossStore                 *self,
                                                    GError                    **error);
char             *gloss_store_dup_backup_folder    (const char                 *library_path);
GPtrArray        *gloss_store_list_backups         (const char                 *library_path,
                                                    GError                    **error);
gboolean          gloss_store_restore_backup       (const char                 *library_path,
                                                    const char                 *backup_path,
                                                    GError                    **error);
char             *gloss_store_set_aside_damaged    (const char                 *library_path,
                                                    GError                    **error);

/* Articles (gloss-store-articles.c) */
gint64            gloss_store_import               (GlossStore                 *self,
                                                    GBytes                     *source,
                                                    const char                 *source_name,
                                                    const GlossExtractOptions  *options,
                                                    gboolean                   *out_duplicate,
                                                    GError                    **error);
GlossArticle     *gloss_store_load_article         (GlossStore                 *self,
                                                    gint64                      article_id,
                                                    GError                    **error);
GPtrArray        *gloss_store_list_articles        (GlossStore                 *self,
                                                    GError                    **error);
GPtrArray        *gloss_store_list_article_ids     (GlossStore                 *self,
                                                    GError                    **error);
GPtrArray        *gloss_store_update_article       (GlossStore                 *self,
                                                    gint64                      article_id,
                                                    GBytes                     *new_source,
                                                    const char                 *source_name,
                                                    const GlossExtractOptions  *options,
                                                    GError                    **error);
GPtrArray        *gloss_store_reextract_article    (GlossStore                 *self,
                                                    gint64                      article_id,
                                                    GError                    **error);

/* Annotations (gloss-store-annotations.c) */
gboolean          gloss_store_add_annotation       (GlossStore                 *self,
                                                    GlossAnnotation            *annotation,
                                                    GError                    **error);
gboolean          gloss_store_save_annotation      (GlossStore                 *self,
                                                    GlossAnnotation            *annotation,
                                                    GError                    **error);
gboolean          gloss_store_delete_annotation    (GlossStore                 *self,
                                                    gint64                      annotation_id,
                                                    GError                    **error);
GlossAnnotation  *gloss_store_load_annotation      (GlossStore                 *self,
                                                    gint64                      annotation_id,
                                                    GError                    **error);
GPtrArray        *gloss_store_list_annotations     (GlossStore                 *self,
                                                    gint64                      article_id,
                                                    GError                    **error);

/* Exchange with other tools (gloss-store-exchange.c) */

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
