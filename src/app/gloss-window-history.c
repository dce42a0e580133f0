/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-window-history"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-window-private.h"

/*
 * Ctrl+Z and Ctrl+Shift+Z over the open article's annotation changes
 * (the history itself is gloss-annotation-history.c, kept by the
 * annotation model so it belongs to one article).  The keys are taken
 * before the focused widget sees them (capture phase): the reader is a
 * GtkTextView, whose own Ctrl+Z and Ctrl+Shift+Z bindings come first in
 * the bubble phase.  In a
 * field where text is typed (the editor's note, the speaker, the search
 * entry) they are left to that field's own undo.  What was undone or
 * redone is selected in the pane and shown in the text.
 */

void
_gloss_window_update_history_actions (GlossWindow *self)
{
  GlossAnnotationHistory *history = NULL;

  if (self->annotations != NULL && self->store != NULL)
    history = gloss_annotation_model_get_history (self->annotations);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 history != NULL && gloss_annotation_history_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 history != NULL && gloss_annotation_history_can_redo (history));
}

/* Called for each new model (an article opened). */
void
_gloss_window_history_watch (GlossWindow *self)
{
  GlossAnnotationHistory *history;

  if (self->annotations != NULL)
    {
      history = gloss_annotation_model_get_history (self->annotations);
      g_signal_connect_object (history, "notify::can-undo",
                               G_CALLBACK (_gloss_window_update_history_actions), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (history, "notify::can-redo",
                               G_CALLBACK (_gloss_window_update_history_actions), self,
                               G_CONNECT_SWAPPED);
    }
  _gloss_window_update_history_actions (self);
}

static void
undo_or_redo (GlossWindow *self,
              gboolean     redo)
{
  GlossAnnotationHistory *history;
  g_autoptr(GError) error = NULL;
  GlossAnnotation *annotation;
  gint64 id = 0;
  gboolean done;

  if (self->annotations == NULL)
    return;

  /* What was typed in the editor is saved first: it is the last change. */
  gloss_annotation_editor_flush (self->editor);
  gtk_popover_popdown (GTK_POPOVER (self->editor));
  gloss_annotation_editor_set_annotation (self->editor, NULL, NULL);
  _gloss_window_end_range_edit (self);

  history = gloss_annotation_model_get_history (self->annotations);
  done = redo ? gloss_annotation_history_redo (history, &id, &error)
              : gloss_annotation_history_undo (history, &id, &error);
  if (!done)
    {
      g_autofree char *message = NULL;

      message = redo ? g_strdup_printf (_("Could not redo: %s"), error->message)
                     /* Translators: %s says why */
                     : g_strdup_printf (_("Could not undo: %s"), error->message);
      _gloss_window_show_error_toast (self, message);
      return;
    }

  annotation = id != 0 ? gloss_annotation_model_find (self->annotations, id) : NULL;
  if (annotation != NULL)
    {
      gloss_annotation_list_select (self->annotation_list, annotation);
      gloss_reader_view_reveal_annotation (self->reader_view, annotation);
    }
}

static gboolean
typing_in (GtkWidget *focus)
{
  return focus != NULL
         && (GTK_IS_EDITABLE (focus)
             || (GTK_IS_TEXT_VIEW (focus) && gtk_text_view_get_editable (GTK_TEXT_VIEW (focus))));
}

static gboolean
shortcut_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  gboolean redo = GPOINTER_TO_INT (user_data);
  GlossAnnotationHistory *history;

  if (typing_in (gtk_root_get_focus (GTK_ROOT (self))) || self->annotations == NULL
      || self->store == NULL)
    return FALSE;

  history = gloss_annotation_model_get_history (self->annotations);
  if (!(redo ? gloss_annotation_history_can_redo (history)
             : gloss_annotation_history_can_undo (history)))
    return FALSE;

  undo_or_redo (self, redo);
  return TRUE;
}

void
_gloss_window_history_init (GlossWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                      gtk_callback_action_new (shortcut_cb, GINT_TO_POINTER (FALSE), NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                      gtk_callback_action_new (shortcut_cb, GINT_TO_POINTER (TRUE), NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
gloss_window_undo_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  undo_or_redo (GLOSS_WINDOW (widget), FALSE);
}

static void
gloss_window_redo_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  undo_or_redo (GLOSS_WINDOW (widget), TRUE);
}

void
_gloss_window_class_history_init (GlossWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, gloss_window_undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, gloss_window_redo_action);
}
