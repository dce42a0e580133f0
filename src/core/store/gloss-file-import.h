/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gloss-store.h"

G_BEGIN_DECLS

typedef enum
{
  GLOSS_FILE_IMPORT_ADDED,
  GLOSS_FILE_IMPORT_DUPLICATE,
  GLOSS_FILE_IMPORT_FAILED,
  GLOSS_FILE_IMPORT_NEWER_COPY,
} GlossFileImportStatus;

/**
 * GlossFileImportFlags:
 * @GLOSS_FILE_IMPORT_FLAGS_NONE: every new text becomes an article
 * @GLOSS_FILE_IMPORT_FIND_NEWER_COPIES: a file that is a newer copy of a
 *   story already in the library (or of an earlier file of the same
 *   import) is not stored: its outcome says which article, for the caller
 *   to ask whether it is a new version (gloss_store_add_copy())
 */
typedef enum
{
  GLOSS_FILE_IMPORT_FLAGS_NONE = 0,
  GLOSS_FILE_IMPORT_FIND_NEWER_COPIES = 1 << 0,
} GlossFileImportFlags;

const char *gloss_file_import_status_to_string (GlossFileImportStatus status);

/**
 * GlossFileImportOutcome:
 * @file: the file
 * @root: the index, in the files given, of the file or folder it was found in
 * @status: added, duplicate, failed or newer copy
 * @article_id: the new article (added), the one that has the same bytes
 *   (duplicate) or the story it is a newer copy of (newer copy); 0 when
 *   failed
 * @error: why it failed (a %GLOSS_ERROR: empty, binary, too large, no
 *   article, I/O), else %NULL
 */
typedef struct
{
  GFile *file;
  guint root;
  GlossFileImportStatus status;
  gint64 article_id;
  GError *error;
} GlossFileImportOutcome;

/**
 * GlossFileImportReport:
 * @outcomes: (element-type GlossFileImportOutcome): one per file whose outcome
 *   is final, in the order the files were found; files of a batch cut short
 *   by cancelling are not in it (nothing of them was written)
 * @n_files: the files found
 * @n_added: articles added
 * @n_duplicates: files already in the library (or twice in this import)
 * @n_failed: files that could not be imported
 * @n_newer_copies: files left for the caller as newer copies of known
 *   stories (only with %GLOSS_FILE_IMPORT_FIND_NEWER_COPIES)
 * @cancelled: whether the import was cancelled before the end
 */
typedef struct
{
  GPtrArray *outcomes;
  guint n_files;
  guint n_added;
  guint n_duplicates;
  guint n_failed;
  guint n_newer_copies;
  gboolean cancelled;
} GlossFileImportReport;

void gloss_file_import_report_free (GlossFileImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossFileImportReport, gloss_file_import_report_free)

/**
 * GlossFileImportProgressFunc:
 * @n_done: files finished so far
 * @n_total: files found
 * @current: (nullable): the file being read now, %NULL at the end
 * @user_data: the data given with the function
 *
 * Called on the thread that runs the import (the synchronous variant), or
 * in the caller's main context (the asynchronous one).
 */
typedef void (*GlossFileImportProgressFunc) (guint        n_done,
                                         guint        n_total,
                                         GFile       *current,
                                         gpointer     user_data);

gboolean           gloss_file_import_is_candidate (const char                 *basename);

GlossFileImportReport *gloss_store_import_files       (GlossStore                 *self,
                                                   GFile * const              *files,
                                                   guint                       n_files,
                                                   const GlossExtractOptions  *options,
                                                   GCancellable               *cancellable,
                                                   GlossFileImportProgressFunc     progress,
                                                   gpointer                    progress_data,
                                                   GError                    **error);
GlossFileImportReport *gloss_store_import_files_full  (GlossStore                 *self,
                                                   GFile * const              *files,
                                                   guint                       n_files,
                                                   const GlossExtractOptions  *options,
                                                   GlossFileImportFlags        flags,
                                                   GCancellable               *cancellable,
                                                   GlossFileImportProgressFunc     progress,
                                                   gpointer                    progress_data,
                                                   GError                    **error);
void               gloss_store_import_files_async (GlossStore                 *self,
                                                   GFile * const              *files,
                                                   guint                       n_files,
                                                   const GlossExtractOptions  *options,
                                                   GlossFileImportFlags        flags,
                                                   GCancellable               *cancellable,
                                                   GlossFileImportProgressFunc     progress,
                                                   gpointer                    progress_data,
                                                   GDestroyNotify              progress_data_free,
                                                   GAsyncReadyCallback         callback,
                                                   gpointer                    user_data);
GlossFileImportReport *gloss_store_import_files_finish (GlossStore                *self,
                                                    GAsyncResult              *result,
                                                    GError                   **error);

G_END_DECLS
