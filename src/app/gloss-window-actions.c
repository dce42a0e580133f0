/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-window-private.h"

static gboolean
is_folder (GFile *file)
{
  return g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY;
}

static void
open_files (GlossWindow *self,
            GListModel  *files)
{
  guint n_files = g_list_model_get_n_items (files);

  if (n_files == 0)
    return;

  /* Several files, or a folder of them, go into the library; one file is
   * opened to be read. */
  if (self->store != NULL)
    {
      g_autoptr(GFile) first = g_list_model_get_item (files, 0);

      if (n_files > 1 || is_folder (first))
        {
          _gloss_window_import_files (self, files);
          return;
        }
    }

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
    "text/html", "application/xhtml+xml", "text/plain", "application/pdf", NULL
  };
  static const char * const article_patterns[] = {
    "*.html", "*.htm", "*.xhtml", "*.txt", "*.pdf", NULL
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
    {
      /* A link dragged from a browser: Open Link, with it filled in. */
      if (g_file_has_uri_scheme (l->data, "http") || g_file_has_uri_scheme (l->data, "https"))
        {
          g_autofree char *uri = g_file_get_uri (l->data);

          g_slist_free (list);
          _gloss_window_open_link (self, uri);
          return TRUE;
        }
      g_list_store_append (files, l->data);
    }
  g_slist_free (list);

  open_files (self, G_LIST_MODEL (files));

  return g_list_model_get_n_items (G_LIST_MODEL (files)) > 0;
}

void
_gloss_window_show_error_toast (GlossWindow *self,
                                const char  *message)
{
  AdwToast *toast = adw_toast_new (message);

  /* A failure stays until it is read. */
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_save_error (GlossWindow  *self,
                 const GError *error)
{
  g_autofree char *message = NULL;

  /* Translators: %s says why */
  message = g_strdup_printf (_("Could not save the annotation: %s"), error->message);
  _gloss_window_show_error_toast (self, message);
}

/* Marking needs a writable library and words of the article selected;
 * while it cannot happen the keys are left to other widgets. */
void
_gloss_window_update_mark_actions (GlossWindow *self)
{
  gboolean writable = self->annotations != NULL && self->store != NULL;
  guint start_block, start_offset, end_block, end_offset;
  gboolean selected;

  selected = gloss_reader_view_get_selection_range (self->reader_view,
                                                    &start_block, &start_offset,
                                                    &end_block, &end_offset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.mark", writable && selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-annotation", writable);
  /* While words are being changed, Enter applies them (gloss-window-range.c). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-annotation",
                                 writable && !_gloss_window_is_editing_range (self));
  _gloss_window_update_range_actions (self, writable);
  _gloss_window_update_history_actions (self);
  _gloss_window_update_share_actions (self);
}

static void
gloss_window_mark_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossArticle *article = gloss_reader_view_get_article (self->reader_view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->reader_view));
  g_autoptr(GlossAnchor) anchor = NULL;
  g_autoptr(GError) error = NULL;
  GlossAnnotation *annotation = NULL;
  GlossAnnotationKind kind;
  guint start_block, start_offset, end_block, end_offset;
  GtkTextIter end;

  if (self->annotations == NULL || article == NULL
      || !gloss_annotation_kind_from_string (g_variant_get_string (param, NULL), &kind)
      || !gloss_reader_view_get_selection_range (self->reader_view,
                                                 &start_block, &start_offset,
                                                 &end_block, &end_offset))
    return;

  anchor = gloss_anchor_new_for_range (article, start_block, start_offset, end_block, end_offset,
                                       &error);
  if (anchor != NULL)
    annotation = gloss_annotation_model_add (self->annotations, kind, anchor, &error);
  if (anchor == NULL || annotation == NULL)
    {
      show_save_error (self, error);
      return;
    }

  /* The selection gives way to the highlight it became. */
  gloss_reader_view_get_iter_for_block (self->reader_view, end_block, end_offset, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gloss_annotation_list_select (self->annotation_list, annotation);
}

/* An id of 0 means the annotation under the text cursor. */
static GlossAnnotation *
find_annotation (GlossWindow *self,
                 gint64       annotation_id)
{
  guint block, offset;

  if (self->annotations == NULL)
    return NULL;

  if (annotation_id != 0)
    return gloss_annotation_model_find (self->annotations, annotation_id);

  if (!gloss_reader_view_get_cursor_position (self->reader_view, &block, &offset))
    return NULL;

  return gloss_annotation_model_find_at (self->annotations, block, offset);
}

static void
toast_dismissed_cb (AdwToast    *toast,
                    GlossWindow *self)
{
  guint id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "deleted-id"));

  g_hash_table_remove (self->deleted, GUINT_TO_POINTER (id));
}

static void
gloss_window_delete_annotation_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossAnnotation *annotation = find_annotation (self, g_variant_get_int64 (param));
  GlossDeletedAnnotation *deleted;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  guint id;

  if (annotation == NULL)
    return;

  if (gloss_annotation_editor_get_annotation (self->editor) == annotation)
    {
      gtk_popover_popdown (GTK_POPOVER (self->editor));
      gloss_annotation_editor_set_annotation (self->editor, NULL, NULL);
    }
  if (self->range_annotation_id == gloss_annotation_get_id (annotation))
    _gloss_window_end_range_edit (self);

  deleted = gloss_annotation_model_delete (self->annotations, annotation, &error);
  if (deleted == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why */
      message = g_strdup_printf (_("Could not delete the annotation: %s"), error->message);
      _gloss_window_show_error_toast (self, message);
      return;
    }

  id = ++self->last_deleted_id;
  g_hash_table_insert (self->deleted, GUINT_TO_POINTER (id), deleted);

  toast = adw_toast_new (_("Annotation deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_action_target_value (toast, g_variant_new_uint32 (id));
  g_object_set_data (G_OBJECT (toast), "deleted-id", GUINT_TO_POINTER (id));
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
gloss_window_undo_delete_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  guint id = g_variant_get_uint32 (param);
  GlossDeletedAnnotation *deleted = g_hash_table_lookup (self->deleted, GUINT_TO_POINTER (id));
  g_autoptr(GError) error = NULL;
  GlossAnnotation *annotation;

  if (deleted == NULL || self->annotations == NULL)
    return;

  /* Brought back by Ctrl+Z already (gloss-window-history.c). */
  annotation = gloss_annotation_model_find (self->annotations,
                                            gloss_deleted_annotation_get_id (deleted));
  if (annotation != NULL)
    {
      g_hash_table_remove (self->deleted, GUINT_TO_POINTER (id));
      gloss_annotation_list_select (self->annotation_list, annotation);
      return;
    }

  /* A change of its own for the history: Ctrl+Z deletes it again. */
  annotation = gloss_annotation_model_restore (self->annotations, deleted, &error);
  g_hash_table_remove (self->deleted, GUINT_TO_POINTER (id));
  if (annotation == NULL)
    {
      show_save_error (self, error);
      return;
    }

  gloss_annotation_list_select (self->annotation_list, annotation);
}

typedef struct
{
  GlossWindow *window;
  GlossAnnotation *annotation;
  guint frames;
} PendingEdit;

static void
pending_edit_free (PendingEdit *pending)
{
  g_object_unref (pending->annotation);
  g_free (pending);
}

static gboolean
point_editor (GlossWindow     *self,
              GlossAnnotation *annotation)
{
  GdkRectangle rect;

  if (!gloss_reader_view_get_annotation_rect (self->reader_view, annotation, &rect))
    return FALSE;

  gtk_popover_set_pointing_to (GTK_POPOVER (self->editor), &rect);
  gtk_popover_popup (GTK_POPOVER (self->editor));
  return TRUE;
}

/* Out of sight, the highlight is scrolled to first (smoothly, so over many
 * frames on a slow machine); the editor follows once it has been laid out
 * there.  Should it still not be in sight once the reader has stopped
 * scrolling, the editor opens over the top of the article rather than not
 * at all.  And the editor is watched until it is on screen: on X11, GDK
 * hid it again before it ever showed (its surface reported unmapped; seen
 * under load with other windows on the display), and it is then popped up
 * again. */
#define EDIT_MAX_FRAMES 600

static gboolean
pending_edit_tick_cb (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       user_data)
{
  PendingEdit *pending = user_data;
  GlossWindow *self = pending->window;
  GdkRectangle top;

  if (gloss_annotation_editor_get_annotation (self->editor) != pending->annotation
      || gtk_widget_get_mapped (GTK_WIDGET (self->editor)))
    return G_SOURCE_REMOVE;
  if (++pending->frames >= EDIT_MAX_FRAMES)
    {
      /* Never shown: let go of the annotation, so the window does not
       * count as editing it (the library watch waits for that). */
      gtk_popover_popdown (GTK_POPOVER (self->editor));
      gloss_annotation_editor_set_annotation (self->editor, NULL, NULL);
      return G_SOURCE_REMOVE;
    }
  if (gtk_widget_get_visible (GTK_WIDGET (self->editor)) || point_editor (self, pending->annotation))
    return G_SOURCE_CONTINUE;

  if (gloss_reader_view_is_scrolling (self->reader_view))
    return G_SOURCE_CONTINUE;

  top = (GdkRectangle) { gtk_widget_get_width (widget) / 2, 0, 1, 1 };
  gtk_popover_set_pointing_to (GTK_POPOVER (self->editor), &top);
  gtk_popover_popup (GTK_POPOVER (self->editor));
  return G_SOURCE_CONTINUE;
}

void
_gloss_window_edit_annotation (GlossWindow     *self,
                               GlossAnnotation *annotation)
{
  PendingEdit *pending;

  if (self->annotations == NULL || self->store == NULL)
    return;

  gloss_annotation_editor_set_annotation (self->editor, self->annotations, annotation);
  gloss_annotation_list_select (self->annotation_list, annotation);
  if (!point_editor (self, annotation))
    gloss_reader_view_reveal_annotation (self->reader_view, annotation);

  pending = g_new0 (PendingEdit, 1);
  pending->window = self;
  pending->annotation = g_object_ref (annotation);
  gtk_widget_add_tick_callback (GTK_WIDGET (self->reader_view), pending_edit_tick_cb, pending,
                                (GDestroyNotify) pending_edit_free);
}

static void
gloss_window_edit_annotation_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossAnnotation *annotation = find_annotation (self, g_variant_get_int64 (param));

  if (annotation != NULL)
    _gloss_window_edit_annotation (self, annotation);
}

static void
gloss_window_toggle_pane_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (gtk_widget_get_sensitive (GTK_WIDGET (self->pane_button)))
    adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
reader_annotation_activated_cb (GlossWindow     *self,
                                GlossAnnotation *annotation)
{
  _gloss_window_edit_annotation (self, annotation);
}

static void
list_annotation_activated_cb (GlossWindow     *self,
                              GlossAnnotation *annotation)
{
  gloss_reader_view_reveal_annotation (self->reader_view, annotation);
}

static void
editor_save_failed_cb (GlossWindow  *self,
                       const GError *error)
{
  show_save_error (self, error);
}

static void
editor_closed_cb (GlossWindow *self)
{
  /* Back to the words, so the keys work on the article again. */
  gtk_widget_grab_focus (GTK_WIDGET (self->reader_view));
}

void
_gloss_window_class_actions_init (GlossWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, gloss_window_open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open", NULL);

  gtk_widget_class_install_action (widget_class, "win.mark", "s", gloss_window_mark_action);
  gtk_widget_class_install_action (widget_class, "win.delete-annotation", "x",
                                   gloss_window_delete_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", "u",
                                   gloss_window_undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.edit-annotation", "x",
                                   gloss_window_edit_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-pane", NULL,
                                   gloss_window_toggle_pane_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-pane", NULL);
}

void
_gloss_window_actions_init (GlossWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->reader_view));
  GtkDropTarget *target;

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  g_signal_connect_object (buffer, "mark-set", G_CALLBACK (_gloss_window_update_mark_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "notify::has-selection",
                           G_CALLBACK (_gloss_window_update_mark_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader_view, "annotation-activated",
                           G_CALLBACK (reader_annotation_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->annotation_list, "annotation-activated",
                           G_CALLBACK (list_annotation_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "save-failed", G_CALLBACK (editor_save_failed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "closed", G_CALLBACK (editor_closed_cb), self,
                           G_CONNECT_SWAPPED);
  _gloss_window_update_mark_actions (self);
}
