/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-window-share"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-export-dialog.h"
#include "gloss-print.h"
#include "gloss-window-private.h"

/*
 * What leaves and enters the window: Export (Ctrl+E), Print and Save as
 * PDF (Ctrl+P), and Import Annotations (Ctrl+Shift+I).
 */

static void
exported_cb (GlossWindow *self,
             GFile       *destination)
{
  g_autofree char *name = g_file_get_basename (destination);
  g_autofree char *message = NULL;
  g_autoptr(GFile) folder = g_file_get_parent (destination);
  AdwToast *toast;

  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Exported to “%s”"), name);
  toast = adw_toast_new (message);
  /* The newest result is what the user waits for. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  if (folder != NULL)
    {
      g_autofree char *folder_uri = g_file_get_uri (folder);

      adw_toast_set_button_label (toast, _("Open _Folder"));
      adw_toast_set_action_name (toast, "win.open-folder");
      adw_toast_set_action_target_value (toast, g_variant_new_string (folder_uri));
    }
  gloss_window_add_toast (self, toast);
}

/**
 * _gloss_window_new_export_dialog:
 * @self: a #GlossWindow
 *
 * Returns: (transfer none): an export dialog for the article shown (or
 *   the library), whose result the window shows in a toast
 */
GlossExportDialog *
_gloss_window_new_export_dialog (GlossWindow *self)
{
  g_autoptr(GlossArticle) compared = NULL;
  GlossExportDialog *dialog;

  /* While two versions are compared, the article is exported with the
   * comparison, as a report: the text on screen is not the article's. */
  if (self->compare_article_id != 0 && self->store != NULL)
    compared = gloss_store_load_article (self->store, self->compare_article_id, NULL);
  dialog = gloss_export_dialog_new (GTK_WINDOW (self), self->store,
                                    compared != NULL ? compared : gloss_window_get_article (self));
  if (compared != NULL)
    {
      gloss_export_dialog_set_comparison (dialog, self->compare_from, self->compare_to);
      gloss_export_dialog_set_format (dialog, GLOSS_EXPORT_HTML);
    }
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, G_CONNECT_SWAPPED);
  return dialog;
}

static void
gloss_window_export_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (_gloss_window_new_export_dialog (self)));
}

static void
gloss_window_open_folder_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAppLaunchContext) context = NULL;

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (
                                    gtk_widget_get_display (widget)));
  if (!g_app_info_launch_default_for_uri (g_variant_get_string (param, NULL), context, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why */
      message = g_strdup_printf (_("Could not open the folder: %s"), error->message);
      _gloss_window_show_error_toast (self, message);
    }
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GlossWindow             *self)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;

  gtk_print_operation_get_error (operation, &error);
  if (error != NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why */
      message = g_strdup_printf (_("Could not print: %s"), error->message);
      _gloss_window_show_error_toast (self, message);
    }
}

/**
 * _gloss_window_print:
 * @self: a #GlossWindow showing an article
 * @action: %GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, or EXPORT with
 *   @export_path
 * @export_path: (nullable): the PDF to write when exporting
 *
 * Returns: how the print operation ended (or is going, when asynchronous)
 */
GtkPrintOperationResult
_gloss_window_print (GlossWindow             *self,
                     GtkPrintOperationAction  action,
                     const char              *export_path,
                     GError                 **error)
{
  GlossArticle *article = gloss_reader_view_get_article (self->reader_view);
  g_autoptr(GtkPrintOperation) operation = NULL;

  if (article == NULL)
    return GTK_PRINT_OPERATION_RESULT_CANCEL;

  operation = gloss_print_operation_new (article, G_LIST_MODEL (self->annotations));
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);

  /* Run from the dialog, printing goes on after this returns: the window
   * keeps the operation until the next one, or until it closes. */
  g_object_set_data_full (G_OBJECT (self), "gloss-print-operation", g_object_ref (operation),
                          g_object_unref);

  return gtk_print_operation_run (operation, action, GTK_WINDOW (self), error);
}

static void
gloss_window_print_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (_gloss_window_print (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why */
      message = g_strdup_printf (_("Could not print: %s"), error->message);
      _gloss_window_show_error_toast (self, message);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GlossImportReport, gloss_import_report_clear)

static char *
format_report (const GlossImportReport *report)
{
  g_autofree char *imported = NULL;
  g_autofree char *details = NULL;

  /* Translators: the start of "N imported: …" */
  imported = g_strdup_printf (ngettext ("%u annotation imported", "%u annotations imported",
                                        report->imported), report->imported);
  /* Translators: the first %s is "N annotations imported", then how many
   * were anchored, moved and orphaned */
  details = g_strdup_printf (_("%s: %u anchored, %u moved, %u orphaned"),
                             imported, report->anchored, report->moved, report->orphaned);
  if (report->duplicates == 0)
    return g_steal_pointer (&details);

  return g_strdup_printf (ngettext ("%s (%u already there)", "%s (%u already there)",
                                    report->duplicates), details, report->duplicates);
}

static void import_bytes (GlossWindow *self,
                          GBytes      *bytes,
                          const char  *name,
                          gint64       article_id);

static void
ask_article_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         GlossWindow      *self)
{
  GBytes *bytes = g_object_get_data (G_OBJECT (dialog), "gloss-bytes");
  const char *name = g_object_get_data (G_OBJECT (dialog), "gloss-name");
  GlossArticle *article = gloss_reader_view_get_article (self->reader_view);

  if (g_str_equal (response, "this") && article != NULL && gloss_article_get_id (article) != 0)
    import_bytes (self, bytes, name, gloss_article_get_id (article));
}

/* No article in the library matches: the open one is offered. */
static void
ask_article (GlossWindow *self,
             GBytes      *bytes,
             const char  *name)
{
  GlossArticle *article = gloss_reader_view_get_article (self->reader_view);
  const char *title = gloss_article_get_title (article);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: the first %s is a file name, the second an article's title */
  body = g_strdup_printf (_("No article in the library matches the annotations in “%s”. "
                            "Attach them to the article open in this window, “%s”? Each one "
                            "is placed on the words it quotes, or kept as an orphan."),
                          name, title != NULL ? title : _("Untitled"));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Attach to This Article?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "this", _("_Attach to This Article"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "this",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "this");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "gloss-bytes", g_bytes_ref (bytes),
                          (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (dialog), "gloss-name", g_strdup (name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (ask_article_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_bytes (GlossWindow *self,
              GBytes      *bytes,
              const char  *name,
              gint64       article_id)
{
  GlossArticle *article = gloss_reader_view_get_article (self->reader_view);
  g_auto(GlossImportReport) report = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (self->store == NULL)
    {
      _gloss_window_show_error_toast (self, _("Could not import annotations: the library could not be opened"));
      return;
    }

  /* Anchoring the annotations of one file takes milliseconds, and the
   * library's connection belongs to this thread. */
  if (!gloss_import_annotations (self->store, bytes, article_id, &report, &error))
    {
      if (g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_NO_ARTICLE) && article_id == 0
          && article != NULL && gloss_article_get_id (article) != 0)
        {
          ask_article (self, bytes, name);
          return;
        }

      /* Translators: the first %s is a file name, the second says why */
      message = g_strdup_printf (_("Could not import annotations from “%s”: %s"), name,
                                 error->message);
      _gloss_window_show_error_toast (self, message);
      return;
    }

  if (!gloss_window_reload_annotations (self, &error))
    {
      /* Translators: %s says why */
      message = g_strdup_printf (_("Could not read the annotations: %s"), error->message);
      _gloss_window_show_error_toast (self, message);
      return;
    }

  message = format_report (&report);
  toast = adw_toast_new (message);
  /* The newest result is what the user waits for. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
load_contents_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (object));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: the first %s is a file name, the second says why */
      message = g_strdup_printf (_("Could not import annotations from “%s”: %s"), name,
                                 error->message);
      _gloss_window_show_error_toast (self, message);
      return;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  import_bytes (self, bytes, name, 0);
}

/**
 * _gloss_window_import_annotations:
 * @self: a #GlossWindow
 * @file: a Web Annotation JSON-LD or Hypothesis JSON file
 *
 * Imports the annotations in @file into the library: onto the article they
 * name, or, when none matches, onto the article open here if the user
 * agrees.  Reports the counts in a toast.
 */
void
_gloss_window_import_annotations (GlossWindow *self,
                                  GFile       *file)
{
  g_file_load_contents_async (file, NULL, load_contents_cb, g_object_ref (self));
}

static void
import_chooser_response_cb (GtkNativeDialog *native,
                            int              response,
                            GlossWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        _gloss_window_import_annotations (self, file);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
gloss_window_import_annotations_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Import Annotations"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (json, _("Web Annotation or Hypothesis JSON"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_mime_type (json, "application/ld+json");
  gtk_file_filter_add_pattern (json, "*.json");
  gtk_file_filter_add_pattern (json, "*.jsonld");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), json);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);

  g_signal_connect_object (native, "response", G_CALLBACK (import_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Export and print need an article (or, for export, a library). */
void
_gloss_window_update_share_actions (GlossWindow *self)
{
  gboolean has_article = gloss_reader_view_get_article (self->reader_view) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_article);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-annotations",
                                 self->store != NULL);
}

void
_gloss_window_class_share_init (GlossWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.export", NULL, gloss_window_export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export", NULL);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, gloss_window_print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "win.print", NULL);
  gtk_widget_class_install_action (widget_class, "win.import-annotations", NULL,
                                   gloss_window_import_annotations_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_I,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.import-annotations", NULL);
  gtk_widget_class_install_action (widget_class, "win.open-folder", "s",
                                   gloss_window_open_folder_action);
}
