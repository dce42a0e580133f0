/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-application.h"
#include "gloss-export-dialog.h"

/*
 * Export: format, scope and order, then a destination from the file
 * chooser.  The dialog is given the library and the article it exports,
 * so any window or view can offer it, and says "exported" when done; who
 * opened it tells the user.  The snapshot is read from the library on the
 * main thread (the connection is not shared), written by the core on a worker
 * thread into a hidden file next to the destination, and renamed over it
 * only when complete: a failed or cancelled export leaves nothing behind.
 */

struct _GlossExportDialog
{
  AdwWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkWidget       *page;
  AdwComboRow     *format_row;
  AdwComboRow     *scope_row;
  AdwComboRow     *order_row;
  GtkProgressBar  *progress_bar;
  GtkWidget       *cancel_button;
  GtkWidget       *export_button;

  /* Weak: a library being closed (to restore a backup, or to open another)
   * must have no connection left, so the dialog does not keep it open */
  GlossStore      *store;
  GlossArticle    *article;
  GCancellable    *cancellable;
  guint            pulse_source;
  /* Two versions compared, exported with the article; 0 when none */
  guint            compare_from;
  guint            compare_to;
};

G_DEFINE_FINAL_TYPE (GlossExportDialog, gloss_export_dialog, ADW_TYPE_WINDOW)

enum { SCOPE_ARTICLE, SCOPE_LIBRARY };

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The article's id in the library, or 0 (none, or not from the library). */
static gint64
get_article_id (GlossExportDialog *self)
{
  return self->article != NULL ? gloss_article_get_id (self->article) : 0;
}

static GlossExportFormat
get_format (GlossExportDialog *self)
{
  return MIN (adw_combo_row_get_selected (self->format_row), GLOSS_EXPORT_FORMAT_LAST);
}

static gboolean
get_whole_library (GlossExportDialog *self)
{
  return adw_combo_row_get_selected (self->scope_row) == SCOPE_LIBRARY;
}

/* Only the documents for people have an order to choose. */
static void
update_rows (GlossExportDialog *self)
{
  GlossExportFormat format = get_format (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->order_row),
                            format == GLOSS_EXPORT_MARKDOWN || format == GLOSS_EXPORT_HTML);
}

/* The core writes in one go, so progress is shown as activity. */
static gboolean
pulse_cb (gpointer user_data)
{
  gtk_progress_bar_pulse (GTK_PROGRESS_BAR (user_data));
  return G_SOURCE_CONTINUE;
}

static void
set_exporting (GlossExportDialog *self,
               gboolean           exporting)
{
  gtk_widget_set_sensitive (self->page, !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.export", !exporting);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), exporting);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  if (exporting)
    {
      self->cancellable = g_cancellable_new ();
      self->pulse_source = g_timeout_add (100, pulse_cb, self->progress_bar);
    }
  else
    g_clear_object (&self->cancellable);
}

/* Who checked, as Preferences says. */
static void
set_reviewer (GlossExportDialog *self,
              GlossExportData   *data)
{
  GApplication *application = g_application_get_default ();
  GSettings *settings;
  g_autofree char *name = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *review_url = NULL;

  if (!GLOSS_IS_APPLICATION (application))
    return;
  settings = gloss_application_get_settings (GLOSS_APPLICATION (application));
  name = g_settings_get_string (settings, "reviewer-name");
  organisation = g_settings_get_string (settings, "reviewer-organisation");
  review_url = g_settings_get_string (settings, "review-url");
  gloss_export_data_set_reviewer (data, name, organisation, review_url);
}

static void
show_error (GlossExportDialog *self,
            const char        *message)
{
  g_autofree char *text = NULL;
  AdwToast *toast;

  /* Translators: %s says why */
  text = g_strdup_printf (_("Could not export: %s"), message);
  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

typedef struct
{
  GlossExportDialog *self;
  GFile *destination;
  GFile *partial;
  GOutputStream *stream;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_object_unref (job->self);
  g_object_unref (job->destination);
  g_object_unref (job->partial);
  g_clear_object (&job->stream);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

static void
export_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ExportJob) job = user_data;
  GlossExportDialog *self = job->self;
  g_autoptr(GError) error = NULL;
  gboolean written;

  written = gloss_export_data_write_finish (result, &error);
  if (!g_output_stream_close (job->stream, NULL, written ? &error : NULL))
    written = FALSE;
  if (written)
    written = g_file_move (job->partial, job->destination, G_FILE_COPY_OVERWRITE, NULL, NULL,
                           NULL, &error);
  if (!written)
    g_file_delete (job->partial, NULL, NULL);

  set_exporting (self, FALSE);

  if (!written)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      else
        gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  g_signal_emit (self, signals[EXPORTED], 0, job->destination);
  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * gloss_export_dialog_export_to:
 * @self: a #GlossExportDialog
 * @destination: the file to write (replaced when it exists)
 *
 * Exports what the dialog is set to into @destination, in the background;
 * the dialog closes when done, or shows why it failed.
 */
void
gloss_export_dialog_export_to (GlossExportDialog *self,
                               GFile             *destination)
{
  g_autoptr(GlossExportData) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *partial_name = NULL;
  ExportJob *job;
  gint64 id = 0;

  g_return_if_fail (GLOSS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (destination));

  if (self->cancellable != NULL)
    return;

  if (self->store == NULL)
    {
      show_error (self, _("the library could not be opened"));
      return;
    }
  if (!get_whole_library (self))
    {
      id = get_article_id (self);
      if (id == 0)
        {
          show_error (self, _("no article is open"));
          return;
        }
    }

  data = gloss_export_data_collect (self->store, id != 0 ? &id : NULL, id != 0 ? 1 : 0, &error);
  if (data == NULL)
    {
      show_error (self, error->message);
      return;
    }
  set_reviewer (self, data);
  if (id != 0 && self->compare_to != 0
      && !gloss_export_data_add_comparison (data, self->store, id, self->compare_from,
                                            self->compare_to, &error))
    {
      show_error (self, error->message);
      return;
    }

  folder = g_file_get_parent (destination);
  basename = g_file_get_basename (destination);
  partial_name = g_strdup_printf (".%s.partial", basename);

  job = g_new0 (ExportJob, 1);
  job->self = g_object_ref (self);
  job->destination = g_object_ref (destination);
  job->partial = folder != NULL ? g_file_get_child (folder, partial_name)
                                : g_file_new_for_path (partial_name);
  job->stream = G_OUTPUT_STREAM (g_file_replace (job->partial, NULL, FALSE,
                                                 G_FILE_CREATE_NONE, NULL, &error));
  if (job->stream == NULL)
    {
      show_error (self, error->message);
      export_job_free (job);
      return;
    }

  set_exporting (self, TRUE);
  gloss_export_data_write_async (data, get_format (self),
                                 adw_combo_row_get_selected (self->order_row),
                                 job->stream, self->cancellable, export_written_cb, job);
}

/**
 * gloss_export_dialog_dup_suggested_name:
 *
 * Returns: (transfer full): a file name for the export: the article's
 *   title (or the library's name) and the format's extension
 */
char *
gloss_export_dialog_dup_suggested_name (GlossExportDialog *self)
{
  const char *title = NULL;
  g_autofree char *stem = NULL;
  GString *name;

  g_return_val_if_fail (GLOSS_IS_EXPORT_DIALOG (self), NULL);

  if (!get_whole_library (self) && self->article != NULL)
    title = gloss_article_get_title (self->article);
  if (title == NULL || *title == '\0')
    title = get_whole_library (self) ? _("Gloss Library") : _("Article");

  /* A headline makes a fine name once it cannot name a folder or hide the
   * file, and is short enough for any file system. */
  stem = g_utf8_substring (title, 0, MIN (g_utf8_strlen (title, -1), 80));
  name = g_string_new (NULL);
  for (const char *p = stem; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || c == ':' || g_unichar_iscntrl (c))
        g_string_append_c (name, '-');
      else
        g_string_append_unichar (name, c);
    }
  while (name->len > 0 && (name->str[0] == '.' || name->str[0] == ' '))
    g_string_erase (name, 0, 1);
  g_strchomp (name->str);
  g_string_set_size (name, strlen (name->str));
  if (name->len == 0)
    g_string_append (name, "export");
  g_string_append_printf (name, ".%s", gloss_export_format_get_extension (get_format (self)));

  return g_string_free (name, FALSE);
}

static void
chooser_response_cb (GtkNativeDialog   *native,
                     int                response,
                     GlossExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        gloss_export_dialog_export_to (self, file);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
gloss_export_dialog_export_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (widget);
  g_autofree char *name = gloss_export_dialog_dup_suggested_name (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = NULL;
  GtkFileChooserNative *native;
  GlossExportFormat format = get_format (self);

  native = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  pattern = g_strdup_printf ("*.%s", gloss_export_format_get_extension (format));
  gtk_file_filter_set_name (filter, gtk_string_object_get_string (
                              adw_combo_row_get_selected_item (self->format_row)));
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  g_signal_connect_object (native, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static gboolean
gloss_export_dialog_close_request (GtkWindow *window)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (window);

  /* Closing while writing cancels; the dialog goes once the partial file
   * is removed. */
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (gloss_export_dialog_parent_class)->close_request (window);
}

static void
gloss_export_dialog_dispose (GObject *object)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (object);

  g_clear_handle_id (&self->pulse_source, g_source_remove);
  g_clear_weak_pointer (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (gloss_export_dialog_parent_class)->dispose (object);
}

static void
gloss_export_dialog_finalize (GObject *object)
{
  GlossExportDialog *self = GLOSS_EXPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->article);

  G_OBJECT_CLASS (gloss_export_dialog_parent_class)->finalize (object);
}

static void
gloss_export_dialog_class_init (GlossExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gloss_export_dialog_dispose;
  object_class->finalize = gloss_export_dialog_finalize;
  window_class->close_request = gloss_export_dialog_close_request;

  /**
   * GlossExportDialog::exported:
   * @destination: the file written
   *
   * The export is in place; the dialog closes right after.
   */
  signals[EXPORTED] =
    g_signal_new ("exported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/gloss-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, page);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, order_row);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, GlossExportDialog, export_button);

  gtk_widget_class_install_action (widget_class, "export.export", NULL,
                                   gloss_export_dialog_export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "export.export", NULL);
}

static void
gloss_export_dialog_init (GlossExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* GTK 4.8 names a labelled button by its raw label, underscore and all,
   * and then by the label shown; the one shown is enough. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->cancel_button),
                                 GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->export_button),
                                 GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_progress_bar_set_pulse_step (self->progress_bar, 0.1);
  g_signal_connect_object (self->format_row, "notify::selected", G_CALLBACK (update_rows), self,
                           G_CONNECT_SWAPPED);
  update_rows (self);
}

/**
 * gloss_export_dialog_new:
 * @parent: the window it is transient for
 * @store: (nullable): the library exported from, %NULL when it could not
 *   be opened (the dialog then says so, as it does once @store is closed)
 * @article: (nullable): the article exported, unless the whole library is
 *
 * Returns: (transfer none): a new dialog; it scopes the export to
 *   @article, or to the library when there is none (or it is not in the
 *   library)
 */
GlossExportDialog *
gloss_export_dialog_new (GtkWindow    *parent,
                         GlossStore   *store,
                         GlossArticle *article)
{
  GlossExportDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (store == NULL || GLOSS_IS_STORE (store), NULL);
  g_return_val_if_fail (article == NULL || GLOSS_IS_ARTICLE (article), NULL);

  self = g_object_new (GLOSS_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  g_set_weak_pointer (&self->store, store);
  g_set_object (&self->article, article);

  if (get_article_id (self) == 0)
    {
      adw_combo_row_set_selected (self->scope_row, SCOPE_LIBRARY);
      gtk_widget_set_sensitive (GTK_WIDGET (self->scope_row), FALSE);
    }

  return self;
}

void
gloss_export_dialog_set_format (GlossExportDialog *self,
                                GlossExportFormat  format)
{
  g_return_if_fail (GLOSS_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->format_row, format);
}

void
gloss_export_dialog_set_whole_library (GlossExportDialog *self,
                                       gboolean           whole_library)
{
  g_return_if_fail (GLOSS_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->scope_row, whole_library ? SCOPE_LIBRARY : SCOPE_ARTICLE);
}

void
gloss_export_dialog_set_order (GlossExportDialog *self,
                               GlossExportOrder   order)
{
  g_return_if_fail (GLOSS_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->order_row, order);
}

/**
 * gloss_export_dialog_get_exporting:
 *
 * Returns: whether an export is being written
 */
gboolean
gloss_export_dialog_get_exporting (GlossExportDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_EXPORT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * gloss_export_dialog_set_comparison:
 * @self: a #GlossExportDialog
 * @from: the older version's number
 * @to: the newer one's
 *
 * The Markdown and HTML exports of the article then carry the comparison
 * of these two versions, with the annotations whose words changed.
 */
void
gloss_export_dialog_set_comparison (GlossExportDialog *self,
                                    guint              from,
                                    guint              to)
{
  g_return_if_fail (GLOSS_IS_EXPORT_DIALOG (self));

  self->compare_from = from;
  self->compare_to = to;
}
