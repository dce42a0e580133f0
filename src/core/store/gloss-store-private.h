/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "gloss-store.h"

G_BEGIN_DECLS

/* Shared by the gloss-store-*.c files; nothing outside the store sees SQLite. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

typedef struct
{
  guint version;      /* the schema version this step produces */
  const char *sql;
} GlossStoreMigration;

const GlossStoreMigration *gloss_store_schema_get_migrations (guint *n_migrations);

sqlite3      *gloss_store_get_db          (GlossStore    *self);
void          gloss_store_set_error       (GlossStore    *self,
                                           GError       **error,
                                           int            rc,
                                           const char    *doing);
sqlite3_stmt *gloss_store_prepare         (GlossStore    *self,
                                           const char    *sql,
                                           GError       **error);
sqlite3_stmt *gloss_store_prepare_cached  (GlossStore    *self,
                                           const char    *sql,
                                           GError       **error);
gboolean      gloss_store_step_done       (GlossStore    *self,
                                           sqlite3_stmt  *statement,
                                           const char    *doing,
                                           GError       **error);
gboolean      gloss_store_exec            (GlossStore    *self,
                                           const char    *sql,
                                           GError       **error);
gboolean      gloss_store_begin           (GlossStore    *self,
                                           GError       **error);
gboolean      gloss_store_commit          (GlossStore    *self,
                                           GError       **error);
void          gloss_store_rollback        (GlossStore    *self);
char         *gloss_store_now             (void);

void          gloss_sql_bind_text         (sqlite3_stmt  *statement,
                                           int            index,
                                           const char    *text);
char         *gloss_sql_dup_text          (sqlite3_stmt  *statement,
                                           int            column);

GlossAnnotation *gloss_store_annotation_from_row (GlossStore   *self,
                                                  sqlite3_stmt *statement,
                                                  GError      **error);
void             gloss_store_bind_annotation_fields (sqlite3_stmt    *statement,
                                                     GlossAnnotation *annotation);
gboolean         gloss_store_write_anchor        (GlossStore        *self,
                                                  gint64             annotation_id,
                                                  const GlossAnchor *anchor,
                                                  const char        *now,
                                                  GError           **error);

/* Import in two steps (gloss-store-articles.c), so a batch of files can be
 * extracted outside any transaction and written inside one. */
typedef struct
{
  GBytes *source;
  char *source_name;
  char *sha256;
  GlossArticle *article;
  GBytes *compressed;
  char *provenance;   /* JSON (GlossProvenance), or NULL for a file */
} GlossPreparedImport;

void                 gloss_prepared_import_free  (GlossPreparedImport        *prepared);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossPreparedImport, gloss_prepared_import_free)

char                *gloss_store_source_sha256   (GBytes                     *source);
GlossPreparedImport *gloss_store_prepare_import  (GlossStore                 *self,
                                                  GBytes                     *source,
                                                  const char                 *source_name,
                                                  const char                 *sha256,
                                                  const GlossExtractOptions  *options,
                                                  gint64                     *out_existing,
                                                  GError                    **error);
gint64               gloss_store_insert_prepared (GlossStore                 *self,
                                                  GlossPreparedImport        *prepared,
                                                  gboolean                   *out_duplicate,
                                                  GError                    **error);

/* Inside a transaction, after an article's title or blocks changed: its
 * row in articles_fts and its block and word counts.  @article_or_null
 * saves reading the blocks back when the caller has them. */
gboolean             gloss_store_index_article   (GlossStore                 *self,
                                                  gint64                      article_id,
                                                  GlossArticle               *article_or_null,
                                                  GError                    **error);

/* Rows copied with every column before a delete, to be written back by
 * Undo (gloss-store-library.c): articles and single annotations. */
typedef struct _GlossSnapshotTable GlossSnapshotTable;

GlossSnapshotTable  *gloss_store_snapshot_rows       (GlossStore                 *self,
                                                      const char                 *table_name,
                                                      const char                 *sql,
                                                      gint64                      id,
                                                      GError                    **error);
gboolean             gloss_store_restore_rows        (GlossStore                 *self,
                                                      GlossSnapshotTable         *table,
                                                      GError                    **error);
guint                gloss_snapshot_table_get_n_rows (GlossSnapshotTable         *table);
void                 gloss_snapshot_table_free       (GlossSnapshotTable         *table);

/* Versions (gloss-store-versions.c), used by the update path. */
void                 gloss_update_report_count    (GlossUpdateReport          *report,
                                                   const GlossAnchor          *old_anchor,
                                                   const GlossAnchor          *new_anchor);
gboolean             gloss_store_keep_rated_words (GlossStore                 *self,
                                                   gint64                      annotation_id,
                                                   const char                 *old_exact,
                                                   const char                 *new_exact,
                                                   GError                    **error);

G_END_DECLS
