/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-link"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-application.h"
#include "gloss-link-task.h"
#include "gloss-pdf.h"

/*
 * Stories by their link, for the window: download one page and store it
 * (Open Link), or ask again for an article's link and store what changed
 * (Check for Changes).  Everything runs on a worker, which opens its own
 * connection to the library (a SQLite connection stays on one thread) and
 * hands back only ids and counts; the window then reads the article with
 * its own.  The network is used only when the caller says it may be: the
 * preference is read on the main thread, and the core refuses any request
 * without it as well.
 */

struct _GlossLinkProgress
{
  GMutex mutex;
  guint64 received;
  guint64 total;
};

static void
progress_clear (GlossLinkProgress *progress)
{
  g_mutex_clear (&progress->mutex);
}

GlossLinkProgress *
gloss_link_progress_new (void)
{
  GlossLinkProgress *progress = g_atomic_rc_box_new0 (GlossLinkProgress);

  g_mutex_init (&progress->mutex);
  return progress;
}

GlossLinkProgress *
gloss_link_progress_ref (GlossLinkProgress *progress)
{
  return g_atomic_rc_box_acquire (progress);
}

void
gloss_link_progress_unref (GlossLinkProgress *progress)
{
  g_atomic_rc_box_release_full (progress, (GDestroyNotify) progress_clear);
}

/**
 * gloss_link_progress_get:
 * @progress: a #GlossLinkProgress
 * @out_received: (out): bytes of the page received so far
 * @out_total: (out): its size, when the server said it; else 0
 */
void
gloss_link_progress_get (GlossLinkProgress *progress,
                         guint64           *out_received,
                         guint64           *out_total)
{
  g_mutex_lock (&progress->mutex);
  *out_received = progress->received;
  *out_total = progress->total;
  g_mutex_unlock (&progress->mutex);
}

/* On the worker, from gloss_fetch(). */
static void
fetch_progress_cb (guint64  received,
                   guint64  total,
                   gpointer user_data)
{
  GlossLinkProgress *progress = user_data;

  g_mutex_lock (&progress->mutex);
  progress->received = received;
  progress->total = total;
  g_mutex_unlock (&progress->mutex);
}

typedef struct
{
  char *store_path;
  char *url;
  GlossLinkProgress *progress;
  gint64 article_id;
  gboolean network_allowed;
  GlossFetchResult *fetched;
} LinkData;

static void
link_data_free (LinkData *data)
{
  g_free (data->store_path);
  g_free (data->url);
  g_clear_pointer (&data->progress, gloss_link_progress_unref);
  g_clear_pointer (&data->fetched, gloss_fetch_result_free);
  g_free (data);
}

void
gloss_link_result_free (GlossLinkResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->fetched, gloss_fetch_result_free);
  g_free (result);
}

/**
 * gloss_link_network_allowed:
 * @widget: a widget of the window asking
 *
 * Returns: whether the "Use the network" preference is on (and
 *   GLOSS_OFFLINE does not say otherwise)
 */
gboolean
gloss_link_network_allowed (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkApplication *application = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root))
                                                     : NULL;
  g_autoptr(GSettings) settings = NULL;

  if (!gloss_fetch_network_allowed_from_env ())
    return FALSE;

  if (GLOSS_IS_APPLICATION (application))
    settings = g_object_ref (gloss_application_get_settings (GLOSS_APPLICATION (application)));
  else
    settings = g_settings_new (APP_ID);

  return g_settings_get_boolean (settings, "use-network");
}

static void
set_format (GlossExtractOptions *options,
            GlossFetchResult    *fetched)
{
  switch (fetched->kind)
    {
    case GLOSS_DOCUMENT_HTML:
      options->format = GLOSS_INPUT_FORMAT_HTML;
      break;
    case GLOSS_DOCUMENT_TEXT:
      options->format = GLOSS_INPUT_FORMAT_TEXT;
      break;
    case GLOSS_DOCUMENT_PDF:
      /* Extraction knows a PDF by its bytes; the provenance gets its
       * page count. */
      options->format = GLOSS_INPUT_FORMAT_AUTO;
      fetched->provenance->n_pages = gloss_pdf_get_n_pages (fetched->body);
      break;
    case GLOSS_DOCUMENT_UNKNOWN:
    default:
      options->format = GLOSS_INPUT_FORMAT_AUTO;
      break;
    }
}

/* Stores @fetched: as a new version of @target when it is not 0, else as
 * a new article; or, when @ask, reports a later copy of a known story
 * without storing anything. */
static GlossLinkResult *
store_fetched (GlossStore        *store,
               GlossFetchResult **fetched,
               gint64             target,
               gboolean           ask,
               GError           **error)
{
  g_autoptr(GBytes) bytes = gloss_fetch_result_dup_utf8 (*fetched);
  g_autoptr(GlossLinkResult) result = g_new0 (GlossLinkResult, 1);
  GlossExtractOptions options;
  gboolean duplicate = FALSE;

  gloss_extract_options_init (&options);
  set_format (&options, *fetched);

  if (target == 0 && ask)
    {
      g_autoptr(GlossArticle) article = gloss_extract_full (bytes, NULL, &options, error);
      gint64 same;

      if (article == NULL)
        return NULL;
      same = gloss_store_find_same_story (store, gloss_provenance_get_link ((*fetched)->provenance),
                                          article, error);
      if (same < 0)
        return NULL;
      if (same > 0)
        {
          result->outcome = GLOSS_LINK_SAME_STORY;
          result->article_id = same;
          result->fetched = g_steal_pointer (fetched);
          return g_steal_pointer (&result);
        }
    }

  if (target > 0)
    {
      g_autoptr(GPtrArray) annotations = NULL;

      annotations = gloss_store_update_article_full (store, target, bytes, NULL, &options,
                                                     (*fetched)->provenance, &result->report,
                                                     error);
      if (annotations == NULL)
        return NULL;
      result->outcome = result->report.unchanged ? GLOSS_LINK_UNCHANGED : GLOSS_LINK_NEW_VERSION;
      result->article_id = target;
      return g_steal_pointer (&result);
    }

  result->article_id = gloss_store_import_with_provenance (store, bytes, NULL, &options,
                                                           (*fetched)->provenance, &duplicate,
                                                           error);
  if (result->article_id == 0)
    return NULL;
  result->outcome = duplicate ? GLOSS_LINK_DUPLICATE : GLOSS_LINK_IMPORTED;
  return g_steal_pointer (&result);
}

static void
return_result (GTask           *task,
               GlossLinkResult *result,
               GError          *error)
{
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) gloss_link_result_free);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LinkData *data = task_data;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GlossFetchResult) fetched = NULL;
  GError *error = NULL;
  GlossFetchOptions options;

  gloss_fetch_options_init (&options, data->network_allowed);
  if (data->progress != NULL)
    {
      options.progress = fetch_progress_cb;
      options.progress_data = data->progress;
    }
  fetched = gloss_fetch (data->url, &options, cancellable, &error);
  if (fetched == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  store = gloss_store_open (data->store_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  return_result (task, store_fetched (store, &fetched, 0, TRUE, &error), error);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  LinkData *data = task_data;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GlossArticleLink) link = NULL;
  g_autoptr(GlossFetchResult) fetched = NULL;
  GError *error = NULL;
  GlossFetchOptions options;

  store = gloss_store_open (data->store_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  link = gloss_store_dup_article_link (store, data->article_id, &error);
  if (link == NULL)
    {
      if (error == NULL)
        error = g_error_new_literal (GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                                     _("This article did not come from a link, so there is "
                                       "nothing to check"));
      g_task_return_error (task, error);
      return;
    }

  /* Without the network the core refuses before any connection. */
  gloss_fetch_options_init (&options, data->network_allowed);
  options.if_none_match = link->etag;
  options.if_modified_since = link->last_modified;
  fetched = gloss_fetch (link->url, &options, cancellable, &error);
  if (fetched == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  if (fetched->not_modified)
    {
      GlossLinkResult *result = g_new0 (GlossLinkResult, 1);

      result->outcome = GLOSS_LINK_UNCHANGED;
      result->article_id = data->article_id;
      result->report.unchanged = TRUE;
      g_task_return_pointer (task, result, (GDestroyNotify) gloss_link_result_free);
      return;
    }

  return_result (task, store_fetched (store, &fetched, data->article_id, FALSE, &error), error);
}

static void
store_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  LinkData *data = task_data;
  g_autoptr(GlossStore) store = NULL;
  GError *error = NULL;

  store = gloss_store_open (data->store_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  return_result (task, store_fetched (store, &data->fetched, data->article_id, FALSE, &error),
                 error);
}

static void
run (const char          *name,
     GTaskThreadFunc      thread,
     LinkData            *data,
     GCancellable        *cancellable,
     GAsyncReadyCallback  callback,
     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, gloss_link_finish);
  g_task_set_name (task, name);
  g_task_set_task_data (task, data, (GDestroyNotify) link_data_free);
  g_task_run_in_thread (task, thread);
}

/**
 * gloss_link_open_async:
 * @store_path: the library's file
 * @url: the link the user gave
 * @network_allowed: the preference
 * @progress: (nullable): kept up to date with the bytes received
 * @cancellable: (nullable): stops the download
 * @callback: called on this thread with the result
 * @user_data: for @callback
 *
 * Downloads @url and imports it; a newer copy of a story already in the
 * library is only reported (%GLOSS_LINK_SAME_STORY), for the caller to ask.
 */
void
gloss_link_open_async (const char          *store_path,
                       const char          *url,
                       gboolean             network_allowed,
                       GlossLinkProgress   *progress,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  LinkData *data = g_new0 (LinkData, 1);

  g_return_if_fail (store_path != NULL);
  g_return_if_fail (url != NULL);

  data->store_path = g_strdup (store_path);
  data->url = g_strdup (url);
  data->network_allowed = network_allowed;
  data->progress = progress != NULL ? gloss_link_progress_ref (progress) : NULL;
  run ("[gloss] open link", open_thread, data, cancellable, callback, user_data);
}

/**
 * gloss_link_check_async:
 * @store_path: the library's file
 * @article_id: an article that came from a link
 * @network_allowed: the preference
 * @cancellable: (nullable): stops the download
 * @callback: called on this thread with the result
 * @user_data: for @callback
 *
 * Asks the article's site, conditionally, whether the story changed, and
 * stores a changed story as a new version (its annotations re-anchored).
 */
void
gloss_link_check_async (const char          *store_path,
                        gint64               article_id,
                        gboolean             network_allowed,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  LinkData *data = g_new0 (LinkData, 1);

  g_return_if_fail (store_path != NULL);
  g_return_if_fail (article_id > 0);

  data->store_path = g_strdup (store_path);
  data->article_id = article_id;
  data->network_allowed = network_allowed;
  run ("[gloss] check link", check_thread, data, cancellable, callback, user_data);
}

/**
 * gloss_link_store_async:
 * @store_path: the library's file
 * @fetched: (transfer full): a download gloss_link_open_async() reported
 *   as a newer copy
 * @target_id: the article to add it to as a version, or 0 for an article
 *   of its own
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on this thread with the result
 * @user_data: for @callback
 */
void
gloss_link_store_async (const char          *store_path,
                        GlossFetchResult    *fetched,
                        gint64               target_id,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  LinkData *data = g_new0 (LinkData, 1);

  g_return_if_fail (store_path != NULL);
  g_return_if_fail (fetched != NULL);

  data->store_path = g_strdup (store_path);
  data->fetched = fetched;
  data->article_id = target_id;
  run ("[gloss] store link", store_thread, data, cancellable, callback, user_data);
}

/**
 * gloss_link_finish:
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): what was done, or %NULL with @error set
 */
GlossLinkResult *
gloss_link_finish (GAsyncResult  *result,
                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
