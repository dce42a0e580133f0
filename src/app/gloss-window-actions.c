/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-window-private.h"

static void
open_files (GlossWindow *self,
            GListModel  *files)
{
  guint n_files = g_list_model_get_n_items (files);

  if (n_files == 0)
    return;

  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

      /* The first file replaces what this window shows; the others get
       * windows of their own, as with `gloss FILE...`. */
      if (i == 0 || application == NULL)
        gloss_window_open_file (self, file);
      else
        g_application_open (G_APPLICATION (application), &file, 1, "");
    }
}

static void
file_chooser_response_cb (GtkNativeDialog *native,
                          int              response,
                          GlossWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));

      open_files (self, files);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
add_filter (GtkFileChooser     *chooser,
            const char         *name,
            const char * const *mime_types,
            const char * const *patterns)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; mime_types != NULL && mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  for (guint i = 0; patterns != NULL && patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
gloss_window_open_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  static const char * const html_types[] = { "text/html", "application/xhtml+xml", NULL };
  static const char * const html_patterns[] = { "*.html", "*.htm", "*.xhtml", NULL };
  static const char * const text_types[] = { "text/plain", NULL };
  static const char * const text_patterns[] = { "*.txt", NULL };
  static const char * const article_types[] = {
    "text/html", "application/xhtml+xml", "text/plain", NULL
  };
  static const char * const article_patterns[] = {
    "*.html", "*.htm", "*.xhtml", "*.txt", NULL
  };
  static const char * const all_patterns[] = { "*", NULL };
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Open Article"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);

  add_filter (GTK_FILE_CHOOSER (native), _("Articles"), article_types, article_patterns);
  add_filter (GTK_FILE_CHOOSER (native), _("Web Pages"), html_types, html_patterns);
  add_filter (GTK_FILE_CHOOSER (native), _("Text Files"), text_types, text_patterns);
  add_filter (GTK_FILE_CHOOSER (native), _("All Files"), NULL, all_patterns);

  g_signal_connect_object (native, "response", G_CALLBACK (file_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GlossWindow   *self)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  GSList *list;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL; l = l->next)
    g_list_store_append (files, l->data);
  g_slist_free (list);

  open_files (self, G_LIST_MODEL (files));

  return g_list_model_get_n_items (G_LIST_MODEL (files)) > 0;
}

void
_gloss_window_class_actions_init (GlossWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, gloss_window_open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open", NULL);
}

void
_gloss_window_actions_init (GlossWindow *self)
{
  GtkDropTarget *target;

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
