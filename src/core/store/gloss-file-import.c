/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-file-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gloss-error.h"
#include "gloss-file-import.h"
#include "gloss-store-private.h"

/*
 * Importing many files: folders are walked recursively (saved pages,
 * copied text, their .gz, and PDFs, whose text goes through the copied-text
 * path as a single PDF opened does; hidden files and a saved page's "*_files" folder
 * are not articles), then files go in batches: each batch is read,
 * extracted and compressed outside any transaction, so the library's write
 * lock is held only while the batch is written, in one transaction.
 * Cancelling drops the batch in progress whole; what was committed stays.
 *
 * When the caller asks, a file that is a newer copy of a story already in
 * the library, or of an earlier file of the same import, is left out and
 * reported with that article: the window asks the user once for all of
 * them whether they are new versions.  Only the link finds an earlier file
 * of the same import, as title and site alone are too weak a match to
 * take two new files for one story without the user seeing either.
 *
 * The asynchronous variant runs on a worker thread with its own connection
 * to the library (SQLite connections are never shared across threads) and
 * sends progress to the caller's main context, coalesced so a fast import
 * does not flood it.
 */

#define BATCH_SIZE 50

static const char * const extensions[] = { ".html", ".htm", ".xhtml", ".txt", ".pdf" };

const char *
gloss_file_import_status_to_string (GlossFileImportStatus status)
{
  switch (status)
    {
    case GLOSS_FILE_IMPORT_ADDED:
      return "added";
    case GLOSS_FILE_IMPORT_DUPLICATE:
      return "duplicate";
    case GLOSS_FILE_IMPORT_NEWER_COPY:
      return "newer-copy";
    case GLOSS_FILE_IMPORT_FAILED:
    default:
      return "failed";
    }
}

static void
outcome_free (GlossFileImportOutcome *outcome)
{
  g_clear_object (&outcome->file);
  g_clear_error (&outcome->error);
  g_free (outcome);
}

void
gloss_file_import_report_free (GlossFileImportReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->outcomes, g_ptr_array_unref);
  g_free (report);
}

/**
 * gloss_file_import_is_candidate:
 * @basename: a file name found in a folder
 *
 * Returns: whether a file of that name, met in a folder being imported, is
 *   read as an article (.html, .htm, .xhtml, .txt, .pdf, and those gzipped);
 *   files named one by one are always read
 */
gboolean
gloss_file_import_is_candidate (const char *basename)
{
  g_autofree char *lower = NULL;
  gsize length;

  g_return_val_if_fail (basename != NULL, FALSE);

  if (basename[0] == '.')
    return FALSE;

  lower = g_ascii_strdown (basename, -1);
  length = strlen (lower);
  if (g_str_has_suffix (lower, ".gz"))
    lower[length - 3] = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_str_has_suffix (lower, extensions[i]) && !g_str_equal (lower, extensions[i]))
      return TRUE;
  return FALSE;
}

static GlossFileImportOutcome *
outcome_new (GFile *file,
             guint  root)
{
  GlossFileImportOutcome *outcome = g_new0 (GlossFileImportOutcome, 1);

  outcome->file = g_object_ref (file);
  outcome->root = root;
  outcome->status = GLOSS_FILE_IMPORT_FAILED;
  return outcome;
}

static void
set_failed (GlossFileImportOutcome *outcome,
            const GError       *error)
{
  outcome->status = GLOSS_FILE_IMPORT_FAILED;
  outcome->article_id = 0;
  g_clear_error (&outcome->error);
  if (error->domain == GLOSS_ERROR)
    outcome->error = g_error_copy (error);
  else
    outcome->error = g_error_new_literal (GLOSS_ERROR, GLOSS_ERROR_IO, error->message);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static void
collect (GFile        *file,
         guint         root,
         gboolean      is_root,
         GPtrArray    *found,
         GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  GFileInfo *child;

  if (g_cancellable_is_cancelled (cancellable))
    return;

  /* Links inside folders are not followed into folders, so a link cycle
   * cannot make the walk endless; a link to a file is read. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            is_root ? G_FILE_QUERY_INFO_NONE : G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                            cancellable, &error);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_SYMBOLIC_LINK)
    {
      g_clear_object (&info);
      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                                cancellable, &error);
      if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        return;
    }
  if (info == NULL)
    {
      GlossFileImportOutcome *outcome = outcome_new (file, root);

      set_failed (outcome, error);
      g_ptr_array_add (found, outcome);
      return;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY)
    {
      g_ptr_array_add (found, outcome_new (file, root));
      return;
    }

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, &error);
  if (children == NULL)
    {
      GlossFileImportOutcome *outcome = outcome_new (file, root);

      set_failed (outcome, error);
      g_ptr_array_add (found, outcome);
      return;
    }

  /* Sorted, so the same folder imports in the same order everywhere. */
  names = g_ptr_array_new_with_free_func (g_free);
  while ((child = g_file_enumerator_next_file (children, cancellable, NULL)) != NULL)
    {
      g_autoptr(GFileInfo) owned = child;
      const char *name = g_file_info_get_name (owned);
      GFileType type = g_file_info_get_file_type (owned);

      if (name[0] == '.')
        continue;
      if (type == G_FILE_TYPE_DIRECTORY && g_str_has_suffix (name, "_files"))
        continue;
      if (type != G_FILE_TYPE_DIRECTORY && !gloss_file_import_is_candidate (name))
        continue;
      g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) child_file = g_file_get_child (file, g_ptr_array_index (names, i));

      collect (child_file, root, FALSE, found, cancellable);
    }
}

/* The state of one file of a batch between reading and writing. */
typedef struct
{
  GlossFileImportOutcome *outcome;
  GlossPreparedImport *prepared;        /* to write */
  GlossFileImportOutcome *same_as;          /* same bytes as an earlier file of the batch */
  GlossFileImportOutcome *copy_of;          /* same link as an earlier file of the batch */
} BatchItem;

static void
batch_item_clear (BatchItem *item)
{
  g_clear_pointer (&item->prepared, gloss_prepared_import_free);
}

static gboolean
write_batch (GlossStore    *store,
             GArray        *batch,
             GCancellable  *cancellable,
             gboolean      *out_cancelled,
             GError       **error)
{
  gboolean any = FALSE;

  *out_cancelled = FALSE;
  for (guint i = 0; i < batch->len; i++)
    any |= g_array_index (batch, BatchItem, i).prepared != NULL;
  if (!any)
    return TRUE;

  if (!gloss_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < batch->len; i++)
    {
      BatchItem *item = &g_array_index (batch, BatchItem, i);
      gboolean duplicate = FALSE;
      gint64 id;

      if (item->prepared == NULL)
        continue;
      if (g_cancellable_is_cancelled (cancellable))
        {
          gloss_store_rollback (store);
          *out_cancelled = TRUE;
          return TRUE;
        }
      id = gloss_store_insert_prepared (store, item->prepared, &duplicate, error);
      if (id == 0)
        {
          gloss_store_rollback (store);
          return FALSE;
        }
      item->outcome->status = duplicate ? GLOSS_FILE_IMPORT_DUPLICATE : GLOSS_FILE_IMPORT_ADDED;
      item->outcome->article_id = id;
    }

  return gloss_store_commit (store, error);
}

static void
add_to_report (GlossFileImportReport  *report,
               GlossFileImportOutcome *outcome)
{
  switch (outcome->status)
    {
    case GLOSS_FILE_IMPORT_ADDED:
      report->n_added++;
      break;
    case GLOSS_FILE_IMPORT_DUPLICATE:
      report->n_duplicates++;
      break;
    case GLOSS_FILE_IMPORT_NEWER_COPY:
      report->n_newer_copies++;
      break;
    case GLOSS_FILE_IMPORT_FAILED:
    default:
      report->n_failed++;
      break;
    }
  g_ptr_array_add (report->outcomes, outcome);
}

/* Reads, extracts and writes @found (taking its outcomes) on the calling
 * thread, with @store. */
/* With GLOSS_FILE_IMPORT_FIND_NEWER_COPIES: whether the file @item has
 * just prepared is a newer copy of a story in the library or of an earlier
 * file of the batch (@links: link → outcome).  If so, it is not written. */
static gboolean
find_newer_copy (GlossStore  *store,
                 BatchItem   *item,
                 GHashTable  *links,
                 GError     **error)
{
  const char *link = gloss_article_get_url (item->prepared->article);
  gint64 known;

  known = gloss_store_find_same_story (store, NULL, item->prepared->article, error);
  if (known < 0)
    return FALSE;
  if (known == 0 && link != NULL && link[0] != '\0')
    {
      item->copy_of = g_hash_table_lookup (links, link);
      if (item->copy_of == NULL)
        g_hash_table_insert (links, g_strdup (link), item->outcome);
    }
  if (known == 0 && item->copy_of == NULL)
    return TRUE;

  item->outcome->status = GLOSS_FILE_IMPORT_NEWER_COPY;
  item->outcome->article_id = known;
  g_clear_pointer (&item->prepared, gloss_prepared_import_free);
  return TRUE;
}

/* Reads one file and prepares it for the batch: its outcome says what
 * became of it (failed, a duplicate, a newer copy, or to be written).
 * Returns %FALSE when cancelled, and then appends nothing. */
static gboolean
prepare_one (GlossStore                 *store,
             GlossFileImportOutcome     *outcome,
             const GlossExtractOptions  *options,
             GlossFileImportFlags        flags,
             GHashTable                 *in_batch,
             GHashTable                 *links,
             GArray                     *batch,
             GCancellable               *cancellable)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *basename = NULL;
  BatchItem item = { outcome, NULL, NULL, NULL };
  gint64 existing = 0;

  if (g_cancellable_is_cancelled (cancellable))
    return FALSE;

  if (outcome->error != NULL)
    {
      g_array_append_val (batch, item);
      return TRUE;
    }

  bytes = gloss_extract_load_file (outcome->file, options->max_input_bytes, cancellable, &error);
  if (bytes == NULL)
    {
      if (g_cancellable_is_cancelled (cancellable))
        return FALSE;
      set_failed (outcome, error);
      g_array_append_val (batch, item);
      return TRUE;
    }

  sha256 = gloss_store_source_sha256 (bytes);
  item.same_as = g_hash_table_lookup (in_batch, sha256);
  if (item.same_as != NULL)
    {
      outcome->status = GLOSS_FILE_IMPORT_DUPLICATE;
      g_array_append_val (batch, item);
      return TRUE;
    }

  basename = g_file_get_basename (outcome->file);
  item.prepared = gloss_store_prepare_import (store, bytes, basename, sha256, options,
                                              &existing, &error);
  if (item.prepared != NULL && (flags & GLOSS_FILE_IMPORT_FIND_NEWER_COPIES) != 0
      && !find_newer_copy (store, &item, links, &error))
    {
      g_clear_pointer (&item.prepared, gloss_prepared_import_free);
      set_failed (outcome, error);
    }
  else if (item.prepared != NULL)
    g_hash_table_insert (in_batch, g_steal_pointer (&sha256), outcome);
  else if (error != NULL)
    set_failed (outcome, error);
  else if (outcome->status != GLOSS_FILE_IMPORT_NEWER_COPY)
    {
      outcome->status = GLOSS_FILE_IMPORT_DUPLICATE;
      outcome->article_id = existing;
    }
  g_array_append_val (batch, item);
  return TRUE;
}

/* A written batch's outcomes, into the report: a duplicate or a newer
 * copy of a file in the same batch learns that file's article only now. */
static void
report_batch (GlossFileImportReport *report,
              GArray                *batch)
{
  for (guint i = 0; i < batch->len; i++)
    {
      BatchItem *item = &g_array_index (batch, BatchItem, i);

      if (item->same_as != NULL && item->outcome->status == GLOSS_FILE_IMPORT_DUPLICATE)
        item->outcome->article_id = item->same_as->article_id;
      /* A copy of a file that was not stored is not a copy of anything. */
      if (item->copy_of != NULL && item->outcome->status == GLOSS_FILE_IMPORT_NEWER_COPY)
        {
          item->outcome->article_id = item->copy_of->article_id;
          if (item->outcome->article_id == 0 && item->copy_of->error != NULL)
            set_failed (item->outcome, item->copy_of->error);
        }
      add_to_report (report, item->outcome);
    }
}

static GlossFileImportReport *
run_import (GlossStore                 *store,
            GPtrArray                  *found,
            const GlossExtractOptions  *options,
            GlossFileImportFlags        flags,
            GCancellable               *cancellable,
            GlossFileImportProgressFunc     progress,
            gpointer                    progress_data)
{
  g_autoptr(GlossFileImportReport) report = g_new0 (GlossFileImportReport, 1);
  g_autoptr(GArray) batch = g_array_new (FALSE, TRUE, sizeof (BatchItem));
  guint n = found->len;
  guint next = 0;

  g_array_set_clear_func (batch, (GDestroyNotify) batch_item_clear);
  report->outcomes = g_ptr_array_new_with_free_func ((GDestroyNotify) outcome_free);
  report->n_files = n;
  /* From here on, every outcome is owned by either found or report. */
  g_ptr_array_set_free_func (found, NULL);

  /* Cancelled while the folders were searched: nothing is read, and the
   * report says so, rather than that an empty folder was imported. */
  if (g_cancellable_is_cancelled (cancellable))
    report->cancelled = TRUE;

  while (next < n && !report->cancelled)
    {
      g_autoptr(GHashTable) in_batch = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GHashTable) links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GError) write_error = NULL;
      guint end = MIN (n, next + BATCH_SIZE);
      gboolean cancelled = FALSE;

      g_array_set_size (batch, 0);
      for (guint i = next; i < end && !cancelled; i++)
        {
          GlossFileImportOutcome *outcome = g_ptr_array_index (found, i);

          if (progress != NULL && !g_cancellable_is_cancelled (cancellable))
            progress (i, n, outcome->file, progress_data);
          cancelled = !prepare_one (store, outcome, options, flags, in_batch, links, batch, cancellable);
        }

      if (!cancelled && !write_batch (store, batch, cancellable, &cancelled, &write_error))
        {
          for (guint i = 0; i < batch->len; i++)
            {
              BatchItem *item = &g_array_index (batch, BatchItem, i);

              if (item->prepared != NULL || item->same_as != NULL || item->copy_of != NULL)
                set_failed (item->outcome, write_error);
            }
        }

      if (cancelled)
        {
          /* Nothing of this batch was written: its files are left out. */
          for (guint i = next; i < n; i++)
            outcome_free (g_ptr_array_index (found, i));
          report->cancelled = TRUE;
          break;
        }

      report_batch (report, batch);
      next = end;
    }

  g_ptr_array_set_size (found, 0);
  if (progress != NULL)
    progress (report->outcomes->len, n, NULL, progress_data);

  return g_steal_pointer (&report);
}

static GPtrArray *
collect_all (GFile * const *files,
             guint          n_files,
             GCancellable  *cancellable)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) outcome_free);

  for (guint i = 0; i < n_files; i++)
    collect (files[i], i, TRUE, found, cancellable);
  return found;
}

/**
 * gloss_store_import_files:
 * @self: a #GlossStore
 * @files: (array length=n_files): files and folders to import
 * @n_files: how many
 * @options: (nullable): extraction options
 * @cancellable: (nullable): cancels between files; the batch in progress
 *   is rolled back, earlier batches stay
 * @progress: (nullable) (scope call): called before each file and once at the end
 * @progress_data: data for @progress
 * @error: unused for now: every failure is a file's outcome
 *
 * Imports files and folders (recursively) on the calling thread, with
 * @self, every new text as an article.  The GUI uses
 * gloss_store_import_files_async().
 *
 * Returns: (transfer full): the report, also when cancelled
 */
GlossFileImportReport *
gloss_store_import_files (GlossStore                 *self,
                          GFile * const              *files,
                          guint                       n_files,
                          const GlossExtractOptions  *options,
                          GCancellable               *cancellable,
                          GlossFileImportProgressFunc     progress,
                          gpointer                    progress_data,
                          GError                    **error)
{
  return gloss_store_import_files_full (self, files, n_files, options,
                                        GLOSS_FILE_IMPORT_FLAGS_NONE, cancellable, progress,
                                        progress_data, error);
}

/**
 * gloss_store_import_files_full:
 * @flags: whether to leave newer copies of known stories to the caller
 *
 * gloss_store_import_files() with @flags, for gloss-cli import, which
 * stores each newer copy it is left as a new version.
 *
 * Returns: (transfer full): the report, also when cancelled
 */
GlossFileImportReport *
gloss_store_import_files_full (GlossStore                 *self,
                               GFile * const              *files,
                               guint                       n_files,
                               const GlossExtractOptions  *options,
                               GlossFileImportFlags        flags,
                               GCancellable               *cancellable,
                               GlossFileImportProgressFunc     progress,
                               gpointer                    progress_data,
                               GError                    **error)
{
  g_autoptr(GPtrArray) found = NULL;
  GlossExtractOptions defaults;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  g_return_val_if_fail (files != NULL || n_files == 0, NULL);

  if (options == NULL)
    {
      gloss_extract_options_init (&defaults);
      options = &defaults;
    }

  found = collect_all (files, n_files, cancellable);
  return run_import (self, found, options, flags, cancellable, progress, progress_data);
}

/* Progress from the worker, delivered in the caller's main context.  Only
 * the latest state is kept: if an update is already queued, it is
 * updated instead of queuing another. */
typedef struct
{
  GMutex mutex;
  GMainContext *context;
  GlossFileImportProgressFunc func;
  gpointer data;
  GDestroyNotify data_free;
  guint n_done;
  guint n_total;
  GFile *current;
  gboolean queued;
} Progress;

static void
progress_clear (Progress *progress)
{
  if (progress->data_free != NULL)
    progress->data_free (progress->data);
  g_clear_object (&progress->current);
  g_main_context_unref (progress->context);
  g_mutex_clear (&progress->mutex);
}

static void
progress_release (Progress *progress)
{
  g_atomic_rc_box_release_full (progress, (GDestroyNotify) progress_clear);
}

static gboolean
progress_dispatch (gpointer user_data)
{
  Progress *progress = user_data;
  g_autoptr(GFile) current = NULL;
  guint n_done, n_total;

  g_mutex_lock (&progress->mutex);
  n_done = progress->n_done;
  n_total = progress->n_total;
  current = g_steal_pointer (&progress->current);
  progress->queued = FALSE;
  g_mutex_unlock (&progress->mutex);

  progress->func (n_done, n_total, current, progress->data);
  return G_SOURCE_REMOVE;
}

static void
progress_from_worker (guint     n_done,
                      guint     n_total,
                      GFile    *current,
                      gpointer  user_data)
{
  Progress *progress = user_data;

  g_mutex_lock (&progress->mutex);
  progress->n_done = n_done;
  progress->n_total = n_total;
  g_set_object (&progress->current, current);
  if (!progress->queued)
    {
      /* A source, not g_main_context_invoke(): when no thread owns the
       * caller's context at this instant, invoke would run the callback
       * here, on the worker, with the mutex held (a deadlock) and the
       * caller's widgets touched from the wrong thread. */
      g_autoptr(GSource) source = g_idle_source_new ();

      progress->queued = TRUE;
      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, progress_dispatch, g_atomic_rc_box_acquire (progress),
                             (GDestroyNotify) progress_release);
      g_source_set_static_name (source, "[gloss] import progress");
      g_source_attach (source, progress->context);
    }
  g_mutex_unlock (&progress->mutex);
}

typedef struct
{
  char *path;
  GPtrArray *files;
  GlossExtractOptions options;
  GlossFileImportFlags flags;
  Progress *progress;
} ImportTaskData;

static void
import_task_data_free (ImportTaskData *data)
{
  g_free (data->path);
  g_ptr_array_unref (data->files);
  g_clear_pointer (&data->progress, progress_release);
  g_free (data);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportTaskData *data = task_data;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GPtrArray) found = NULL;
  GError *error = NULL;

  store = gloss_store_open (data->path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  found = collect_all ((GFile * const *) data->files->pdata, data->files->len, cancellable);
  g_task_return_pointer (task,
                         run_import (store, found, &data->options, data->flags, cancellable,
                                     data->progress != NULL ? progress_from_worker : NULL,
                                     data->progress),
                         (GDestroyNotify) gloss_file_import_report_free);
}

/**
 * gloss_store_import_files_async:
 * @self: a #GlossStore
 * @files: (array length=n_files): files and folders to import
 * @n_files: how many
 * @options: (nullable): extraction options
 * @flags: whether to leave newer copies of known stories to the caller
 * @cancellable: (nullable): cancels between files; the batch in progress
 *   is rolled back, earlier batches stay
 * @progress: (nullable): called in the thread-default main context of the
 *   caller with the latest progress
 * @progress_data: data for @progress
 * @progress_data_free: (nullable): frees @progress_data when the import is over
 * @callback: called when the import is over
 * @user_data: data for @callback
 *
 * Imports on a worker thread with its own connection to @self's library
 * file; @self must not be an in-memory library.  Cancelling is not an
 * error: gloss_store_import_files_finish() then returns the report of what
 * was committed, with cancelled set.  The GUI refreshes its lists when
 * the callback runs.
 */
void
gloss_store_import_files_async (GlossStore                 *self,
                                GFile * const              *files,
                                guint                       n_files,
                                const GlossExtractOptions  *options,
                                GlossFileImportFlags        flags,
                                GCancellable               *cancellable,
                                GlossFileImportProgressFunc     progress,
                                gpointer                    progress_data,
                                GDestroyNotify              progress_data_free,
                                GAsyncReadyCallback         callback,
                                gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportTaskData *data;

  g_return_if_fail (GLOSS_IS_STORE (self));
  g_return_if_fail (files != NULL || n_files == 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_store_import_files_async);
  g_task_set_check_cancellable (task, FALSE);

  data = g_new0 (ImportTaskData, 1);
  data->path = g_strdup (gloss_store_get_path (self));
  data->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (data->files, g_object_ref (files[i]));
  data->flags = flags;
  if (options != NULL)
    data->options = *options;
  else
    gloss_extract_options_init (&data->options);
  if (progress != NULL)
    {
      data->progress = g_atomic_rc_box_new0 (Progress);
      g_mutex_init (&data->progress->mutex);
      data->progress->context = g_main_context_ref_thread_default ();
      data->progress->func = progress;
      data->progress->data = progress_data;
      data->progress->data_free = progress_data_free;
    }
  else if (progress_data_free != NULL)
    progress_data_free (progress_data);
  g_task_set_task_data (task, data, (GDestroyNotify) import_task_data_free);

  if (g_str_equal (data->path, ":memory:"))
    {
      g_task_return_new_error (task, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                               _("An in-memory library cannot be imported into in the background"));
      return;
    }

  g_task_run_in_thread (task, import_thread);
}

/**
 * gloss_store_import_files_finish:
 *
 * Returns: (transfer full): the report (also when cancelled), or %NULL with
 *   @error set when the library could not be opened
 */
GlossFileImportReport *
gloss_store_import_files_finish (GlossStore    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
