/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-window-private.h"

/*
 * A newer copy of a story already in the library, met when a file is
 * opened or a folder imported: the window asks whether it is a new version
 * of that article (the default: its annotations follow the changes) or an
 * article of its own, then stores the answer on a worker with a connection
 * of its own.  File → Open asks about its one file; an import asks once,
 * in its summary, for all the copies it found (gloss-window-import.c).
 */

/**
 * GlossNewerCopy:
 * @file: where it was read from
 * @bytes: (nullable): its bytes, when already read (File → Open)
 * @known_id: the article it is a newer copy of
 */
void
_gloss_newer_copy_free (GlossNewerCopy *copy)
{
  if (copy == NULL)
    return;
  g_clear_object (&copy->file);
  g_clear_pointer (&copy->bytes, g_bytes_unref);
  g_free (copy);
}

GlossNewerCopy *
_gloss_newer_copy_new (GFile  *file,
                       GBytes *bytes,
                       gint64  known_id)
{
  GlossNewerCopy *copy = g_new0 (GlossNewerCopy, 1);

  copy->file = g_object_ref (file);
  copy->bytes = bytes != NULL ? g_bytes_ref (bytes) : NULL;
  copy->known_id = known_id;
  return copy;
}

typedef struct
{
  char *store_path;
  GPtrArray *copies;
  gboolean as_versions;
  gboolean open;
} AddData;

typedef struct
{
  guint n_versions;
  guint n_articles;
  guint n_failed;
  char *first_error;
  gint64 last_id;
  GlossUpdateReport report;
} AddResult;

static void
add_data_free (AddData *data)
{
  g_free (data->store_path);
  g_ptr_array_unref (data->copies);
  g_free (data);
}

static void
add_result_free (AddResult *result)
{
  g_free (result->first_error);
  g_free (result);
}

static void
add_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  AddData *data = task_data;
  g_autoptr(GlossStore) store = NULL;
  AddResult *result;
  GError *error = NULL;
  GlossExtractOptions options;

  store = gloss_store_open (data->store_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  gloss_extract_options_init (&options);
  result = g_new0 (AddResult, 1);
  for (guint i = 0; i < data->copies->len; i++)
    {
      GlossNewerCopy *copy = g_ptr_array_index (data->copies, i);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *basename = g_file_get_basename (copy->file);
      gint64 id = 0;

      if (copy->bytes != NULL)
        bytes = g_bytes_ref (copy->bytes);
      else
        bytes = gloss_extract_load_file (copy->file, options.max_input_bytes, cancellable,
                                         &local_error);
      if (bytes != NULL)
        id = gloss_store_add_copy (store, bytes, basename, &options,
                                   data->as_versions ? copy->known_id : 0, &result->report,
                                   &local_error);
      if (id == 0)
        {
          result->n_failed++;
          if (result->first_error == NULL)
            result->first_error = g_strdup (local_error->message);
          continue;
        }
      result->last_id = id;
      if (data->as_versions)
        result->n_versions++;
      else
        result->n_articles++;
    }

  g_task_return_pointer (task, result, (GDestroyNotify) add_result_free);
}

static char *
describe_result (const AddResult *result)
{
  g_autofree char *failed = NULL;
  char *added;

  if (result->n_versions > 0)
    /* Translators: %u counts files added as new versions of articles */
    added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new version added",
                                          "%u new versions added", result->n_versions),
                             result->n_versions);
  else
    added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article added",
                                          "%u articles added", result->n_articles),
                             result->n_articles);
  if (result->n_failed == 0)
    return added;

  /* Translators: the first %s is "2 new versions added", %u counts files
   * that could not be added, the last %s says why the first one failed */
  failed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s; %u could not be added: %s",
                                         "%s; %u could not be added: %s", result->n_failed),
                            added, result->n_failed, result->first_error);
  g_free (added);
  return g_steal_pointer (&failed);
}

static void
add_done_cb (GObject      *object,
             GAsyncResult *async_result,
             gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  AddData *data = g_task_get_task_data (G_TASK (async_result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AddResult *result;
  AdwToast *toast;

  result = g_task_propagate_pointer (G_TASK (async_result), &error);
  if (gtk_widget_in_destruction (GTK_WIDGET (self)) || self->store == NULL)
    {
      g_clear_pointer (&result, add_result_free);
      return;
    }
  if (result == NULL)
    {
      _gloss_window_show_error_toast (self, error->message);
      return;
    }

  gloss_library_sidebar_reload (self->library_sidebar);
  if (data->open && result->last_id != 0)
    {
      if (!gloss_window_open_article (self, result->last_id, &error))
        _gloss_window_show_error_toast (self, error->message);
      else if (data->as_versions)
        message = _gloss_window_format_update_report (&result->report);
    }
  else if (result->last_id != 0 && result->last_id == _gloss_window_shown_article_id (self)
           && !gloss_window_open_article (self, result->last_id, &error))
    _gloss_window_show_error_toast (self, error->message);

  if (message == NULL)
    message = describe_result (result);
  toast = adw_toast_new (message);
  if (result->n_failed > 0)
    adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  add_result_free (result);
}

/**
 * _gloss_window_add_copies:
 * @self: a #GlossWindow
 * @copies: (element-type GlossNewerCopy): what was found
 * @as_versions: the user's answer: new versions of the articles they copy,
 *   or articles of their own
 * @open: whether to show the article afterwards (a file the user opened)
 *
 * Stores the copies on a worker, then says what was done in a toast.
 */
void
_gloss_window_add_copies (GlossWindow *self,
                          GPtrArray   *copies,
                          gboolean     as_versions,
                          gboolean     open)
{
  g_autoptr(GTask) task = NULL;
  AddData *data;

  g_return_if_fail (self->store != NULL);

  task = g_task_new (NULL, NULL, add_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, _gloss_window_add_copies);
  g_task_set_name (task, "[gloss] add newer copies");
  data = g_new0 (AddData, 1);
  data->store_path = g_strdup (gloss_store_get_path (self->store));
  data->copies = g_ptr_array_ref (copies);
  data->as_versions = as_versions;
  data->open = open;
  g_task_set_task_data (task, data, (GDestroyNotify) add_data_free);
  g_task_run_in_thread (task, add_thread);
}

static void
newer_copy_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        GlossWindow      *self)
{
  /* Answered once: the dialog's closing gives a response too. */
  g_autoptr(GPtrArray) copies = g_object_steal_data (G_OBJECT (dialog), "gloss-newer-copies");

  if (copies == NULL || copies->len == 0 || self->store == NULL)
    return;

  if (!g_str_equal (response, "cancel"))
    _gloss_window_add_copies (self, copies, g_str_equal (response, "version"), TRUE);
}

/**
 * _gloss_window_ask_newer_copy:
 * @self: a #GlossWindow
 * @copy: (transfer full): a file the user opened that is a newer copy of
 *   an article in the library
 *
 * Asks whether it is a new version of that article (the default) or an
 * article of its own; Cancel adds nothing.
 */
void
_gloss_window_ask_newer_copy (GlossWindow    *self,
                              GlossNewerCopy *copy)
{
  g_autoptr(GlossArticleSummary) summary = NULL;
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func ((GDestroyNotify) _gloss_newer_copy_free);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  summary = gloss_store_dup_article_summary (self->store, copy->known_id, NULL);
  g_ptr_array_add (copies, copy);
  /* Translators: %s is the title of an article in the library */
  body = g_strdup_printf (_("The library has an earlier copy of this story, “%s”. Add the page "
                            "as its new version, so its annotations follow the changes, or keep "
                            "it as an article of its own?"),
                          summary != NULL && summary->title != NULL ? summary->title : "");
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("A Newer Copy of a Known Story"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "separate", _("Keep _Separate"),
                                    "version", _("Add as New _Version"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "version", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "version");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "gloss-newer-copies", g_steal_pointer (&copies),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (newer_copy_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
