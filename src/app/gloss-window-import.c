/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-window-private.h"

/*
 * Importing many files at once: folders (searched recursively) and several
 * files dropped or chosen together go into the library on a worker thread,
 * with a progress bar that can be cancelled; a summary says what was added,
 * what was there already and what failed, and why.  Files that are newer
 * copies of stories already in the library are held back, and the summary
 * asks once for all of them whether they are new versions of those
 * articles (the default) or articles of their own.
 */

/* The files listed by name in the summary; the rest are counted. */
#define MAX_LISTED_FAILURES 50

static void
import_progress_cb (guint        n_done,
                    guint        n_total,
                    GFile       *current,
                    gpointer     user_data)
{
  GlossWindow *self = GLOSS_WINDOW (user_data);
  g_autofree char *label = NULL;

  if (n_total == 0)
    {
      gtk_progress_bar_pulse (self->import_progress);
      return;
    }

  /* Translators: progress of an import: files done, files found */
  label = g_strdup_printf (_("Importing %u of %u files…"), MIN (n_done + 1, n_total), n_total);
  gtk_label_set_label (self->import_label, label);
  gtk_progress_bar_set_fraction (self->import_progress, (double) n_done / n_total);
}

static char *
format_summary (const GlossFileImportReport *report)
{
  GString *summary = g_string_new (NULL);

  /* Translators: the first part of an import's summary */
  g_string_append_printf (summary, ngettext ("%u article added", "%u articles added", report->n_added),
                          report->n_added);
  if (report->n_duplicates > 0)
    {
      g_string_append (summary, ", ");
      /* Translators: files whose very bytes were imported before */
      g_string_append_printf (summary, ngettext ("%u already in the library", "%u already in the library",
                                                 report->n_duplicates),
                              report->n_duplicates);
    }
  if (report->n_failed > 0)
    {
      g_string_append (summary, ", ");
      g_string_append_printf (summary, ngettext ("%u could not be imported", "%u could not be imported",
                                                 report->n_failed),
                              report->n_failed);
    }
  g_string_append (summary, ".");

  return g_string_free (summary, FALSE);
}

/* The failed files, each with the reason, for the summary dialog. */
static GtkWidget *
new_failure_list (const GlossFileImportReport *report)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scroller;
  guint listed = 0;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Files Not Imported"),
                                  -1);

  for (guint i = 0; i < report->outcomes->len; i++)
    {
      const GlossFileImportOutcome *outcome = g_ptr_array_index (report->outcomes, i);
      g_autofree char *name = NULL;
      GtkWidget *row;

      if (outcome->status != GLOSS_FILE_IMPORT_FAILED)
        continue;
      if (++listed > MAX_LISTED_FAILURES)
        break;

      name = g_file_get_basename (outcome->file);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   outcome->error != NULL ? outcome->error->message : "");
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  if (listed > MAX_LISTED_FAILURES)
    {
      g_autofree char *more = NULL;
      guint rest = report->n_failed - MAX_LISTED_FAILURES;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: the end of a long list of files that failed */
      more = g_strdup_printf (ngettext ("and %u more", "and %u more", rest), rest);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  return scroller;
}

static GPtrArray *
list_newer_copies (const GlossFileImportReport *report)
{
  GPtrArray *copies = g_ptr_array_new_with_free_func ((GDestroyNotify) _gloss_newer_copy_free);

  for (guint i = 0; i < report->outcomes->len; i++)
    {
      const GlossFileImportOutcome *outcome = g_ptr_array_index (report->outcomes, i);

      if (outcome->status == GLOSS_FILE_IMPORT_NEWER_COPY && outcome->article_id > 0)
        g_ptr_array_add (copies, _gloss_newer_copy_new (outcome->file, NULL, outcome->article_id));
    }
  return copies;
}

static void
summary_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GlossWindow      *self)
{
  /* Answered once: the dialog's closing gives a response too. */
  g_autoptr(GPtrArray) copies = g_object_steal_data (G_OBJECT (dialog), "gloss-newer-copies");

  if (copies == NULL || copies->len == 0 || self->store == NULL)
    return;
  if (g_str_equal (response, "version") || g_str_equal (response, "separate"))
    _gloss_window_add_copies (self, copies, g_str_equal (response, "version"), FALSE);
}

static void
show_summary (GlossWindow                 *self,
              const GlossFileImportReport *report)
{
  g_autofree char *body = format_summary (report);
  g_autoptr(GPtrArray) copies = list_newer_copies (report);
  GtkWidget *dialog;

  if (copies->len > 0)
    {
      g_autofree char *question = NULL;
      g_autofree char *summary = g_steal_pointer (&body);

      /* Translators: %u counts files */
      question = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u file is a newer copy of a story already in the "
                                               "library. Add it as a new version of that article, "
                                               "so its annotations follow the changes, or keep it "
                                               "as an article of its own?",
                                               "%u files are newer copies of stories already in "
                                               "the library. Add them as new versions of those "
                                               "articles, so their annotations follow the changes, "
                                               "or keep them as articles of their own?",
                                               copies->len),
                                  copies->len);
      body = g_strconcat (summary, "\n\n", question, NULL);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   report->cancelled ? _("Import Cancelled") : _("Import Finished"),
                                   body);
  if (copies->len > 0)
    {
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "skip", _("_Skip Them"),
                                        "separate", _("Keep _Separate"),
                                        "version", _("Add as New _Versions"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "version",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "version");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "skip");
      g_object_set_data_full (G_OBJECT (dialog), "gloss-newer-copies", g_steal_pointer (&copies),
                              (GDestroyNotify) g_ptr_array_unref);
      g_signal_connect_object (dialog, "response", G_CALLBACK (summary_response_cb), self, 0);
    }
  else
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  if (report->n_failed > 0)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), new_failure_list (report));
  gtk_window_present (GTK_WINDOW (dialog));
  self->import_summary = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->import_summary);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GlossWindow) self = GLOSS_WINDOW (user_data);
  g_autoptr(GlossFileImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = gloss_store_import_files_finish (GLOSS_STORE (object), result, &error);

  g_clear_object (&self->import_cancellable);
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-folder", TRUE);

  /* The window is going away: nothing to show. */
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  gloss_library_sidebar_reload (self->library_sidebar);

  if (report == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why */
      message = g_strdup_printf (_("Could not import: %s"), error->message);
      _gloss_window_show_error_toast (self, message);
      return;
    }

  show_summary (self, report);
}

static void
cancel_import_cb (GlossWindow *self)
{
  g_cancellable_cancel (self->import_cancellable);
  gtk_label_set_label (self->import_label, _("Stopping after the current files…"));
}

/**
 * _gloss_window_import_files:
 * @self: a #GlossWindow
 * @files: (element-type GFile): files and folders
 *
 * Imports @files into the library in the background, showing progress and
 * then a summary.  One import runs at a time per window.
 */
void
_gloss_window_import_files (GlossWindow *self,
                            GListModel  *files)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);
  GlossExtractOptions options;

  if (self->store == NULL || self->import_cancellable != NULL)
    {
      _gloss_window_show_error_toast (self, self->store == NULL
                                            ? _("There is no library to import into")
                                            : _("An import is already running"));
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (array, g_list_model_get_item (files, i));
  if (array->len == 0)
    return;

  gloss_extract_options_init (&options);
  self->import_cancellable = g_cancellable_new ();

  gtk_label_set_label (self->import_label, _("Looking for articles…"));
  gtk_progress_bar_set_fraction (self->import_progress, 0.0);
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-folder", FALSE);

  gloss_store_import_files_async (self->store,
                                  (GFile * const *) array->pdata, array->len,
                                  &options, GLOSS_FILE_IMPORT_FIND_NEWER_COPIES,
                                  self->import_cancellable,
                                  import_progress_cb, g_object_ref (self), g_object_unref,
                                  import_done_cb, g_object_ref (self));
}

static void
folder_chooser_response_cb (GtkNativeDialog *native,
                            int              response,
                            GlossWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));

      _gloss_window_import_files (self, files);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
import_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Import Folder"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Import"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  g_signal_connect_object (native, "response", G_CALLBACK (folder_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
_gloss_window_class_import_init (GlossWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL, import_folder_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_O, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.import-folder", NULL);
  gtk_widget_class_bind_template_callback (widget_class, cancel_import_cb);
}

void
_gloss_window_import_dispose (GlossWindow *self)
{
  /* What was committed stays; the rest is not written. */
  g_cancellable_cancel (self->import_cancellable);
  if (self->import_summary != NULL)
    gtk_window_destroy (GTK_WINDOW (self->import_summary));
}
