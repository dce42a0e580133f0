/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-window-range"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-window-private.h"

/*
 * Changing which words a saved annotation covers.  "Change Words" (the
 * editor's button, or W with the text cursor in the highlight) selects the
 * annotation's words in the reader; the user extends or shrinks that
 * selection as any other (Shift+arrows by the character, Ctrl+Shift+arrows
 * by the word, or the mouse), and Enter, or the toast's Apply, gives the
 * annotation the new words: same id, note, links and verdict, its quote
 * and context taken again from the article.  Escape leaves the words as
 * they were.  The annotation is remembered by id, so a reload of the
 * model under the user (gloss-window-watch.c) does not leave a stale
 * object behind.
 */

static void
dismiss_toast (GlossWindow *self)
{
  if (self->range_toast != NULL)
    {
      AdwToast *toast = g_steal_pointer (&self->range_toast);

      adw_toast_dismiss (toast);
      g_object_unref (toast);
    }
}

/* Ends the change, applied or not (an article closed or replaced, the
 * annotation deleted, Escape). */
void
_gloss_window_end_range_edit (GlossWindow *self)
{
  if (self->range_annotation_id == 0)
    return;

  self->range_annotation_id = 0;
  dismiss_toast (self);
  _gloss_window_update_mark_actions (self);
}

gboolean
_gloss_window_is_editing_range (GlossWindow *self)
{
  return self->range_annotation_id != 0;
}

static void
range_toast_dismissed_cb (AdwToast    *toast,
                          GlossWindow *self)
{
  /* Timed out or closed by hand: the selection is still there to apply
   * with Enter, so only the toast is forgotten. */
  if (self->range_toast == toast)
    g_clear_object (&self->range_toast);
}

static void
range_notice_dismissed_cb (AdwToast    *toast,
                          GlossWindow *self)
{
  if (self->range_notice == toast)
    g_clear_object (&self->range_notice);
}

/* Why nothing was selected: shown a while, as any hint. */
static void
show_notice (GlossWindow *self,
             const char  *message)
{
  if (self->range_notice != NULL)
    adw_toast_dismiss (self->range_notice);
  g_clear_object (&self->range_notice);

  self->range_notice = g_object_ref (adw_toast_new (message));
  adw_toast_set_timeout (self->range_notice, 10);
  g_signal_connect_object (self->range_notice, "dismissed",
                           G_CALLBACK (range_notice_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, self->range_notice);
}

static void
gloss_window_edit_range_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->reader_view));
  gint64 id = g_variant_get_int64 (param);
  GlossAnnotation *annotation = NULL;
  const GlossAnchor *anchor;
  GtkTextIter start, end;
  guint block, offset;
  gboolean orphaned;

  if (self->annotations == NULL || self->store == NULL)
    return;
  if (id != 0)
    annotation = gloss_annotation_model_find (self->annotations, id);
  else if (gloss_reader_view_get_cursor_position (self->reader_view, &block, &offset))
    annotation = gloss_annotation_model_find_at (self->annotations, block, offset);
  if (annotation == NULL)
    {
      /* W takes the highlight under the text cursor: say so rather than
       * swallow the key. */
      if (id == 0)
        show_notice (self, _("Put the text cursor in a highlight, or select an annotation in "
                             "the list, then press W to change its words"));
      return;
    }

  /* An orphan's words are not in the text any more; it is given new ones
   * by selecting them, and its stored position is where to start.  When
   * that position is gone too (the article became shorter), there is
   * nothing to start from. */
  anchor = gloss_annotation_get_anchor (annotation);
  orphaned = anchor->state == GLOSS_ANCHOR_ORPHANED;
  if (!gloss_reader_view_get_iter_for_block (self->reader_view, anchor->start_block,
                                             anchor->start_offset, &start) ||
      !gloss_reader_view_get_iter_for_block (self->reader_view, anchor->end_block,
                                             anchor->end_offset, &end))
    {
      show_notice (self,
                   orphaned
                   ? _("This annotation’s words and their place are no longer in the article, so "
                       "they cannot be changed. Mark the right words as a new annotation, or "
                       "delete this one")
                   : _("This annotation’s words are not in the article shown"));
      return;
    }

  gtk_popover_popdown (GTK_POPOVER (self->editor));
  dismiss_toast (self);
  if (self->range_notice != NULL)
    adw_toast_dismiss (self->range_notice);
  self->range_annotation_id = gloss_annotation_get_id (annotation);

  /* The cursor at the end: Shift+Right then grows the range, Shift+Left
   * shrinks it, as in any text. */
  gtk_text_buffer_select_range (buffer, &end, &start);
  gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (self->reader_view),
                                      gtk_text_buffer_get_insert (buffer));
  gtk_widget_grab_focus (GTK_WIDGET (self->reader_view));

  self->range_toast = adw_toast_new (orphaned
                                     ? _("Its words are no longer in the article: select the "
                                         "words it should cover, then press Enter")
                                     : _("Extend or shrink the selection, then press Enter"));
  adw_toast_set_timeout (self->range_toast, 0);
  adw_toast_set_button_label (self->range_toast, _("_Apply"));
  adw_toast_set_action_name (self->range_toast, "win.apply-range");
  g_signal_connect_object (self->range_toast, "dismissed", G_CALLBACK (range_toast_dismissed_cb),
                           self, 0);
  g_object_ref (self->range_toast);
  adw_toast_overlay_add_toast (self->toast_overlay, self->range_toast);

  _gloss_window_update_mark_actions (self);
}

static void
gloss_window_apply_range_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GlossArticle *article = gloss_reader_view_get_article (self->reader_view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->reader_view));
  g_autoptr(GlossAnchor) anchor = NULL;
  g_autoptr(GError) error = NULL;
  GlossAnnotation *annotation;
  guint start_block, start_offset, end_block, end_offset;
  GtkTextIter end;

  if (self->annotations == NULL || article == NULL || self->range_annotation_id == 0)
    return;

  annotation = gloss_annotation_model_find (self->annotations, self->range_annotation_id);
  if (annotation == NULL)
    {
      _gloss_window_end_range_edit (self);
      return;
    }

  if (!gloss_reader_view_get_selection_range (self->reader_view, &start_block, &start_offset,
                                              &end_block, &end_offset))
    {
      _gloss_window_show_error_toast (self, _("Select the words the annotation should cover"));
      return;
    }

  anchor = gloss_anchor_new_for_range (article, start_block, start_offset, end_block, end_offset,
                                       &error);
  if (anchor == NULL
      || !gloss_annotation_model_move (self->annotations, annotation, anchor, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why */
      message = g_strdup_printf (_("Could not save the annotation: %s"), error->message);
      _gloss_window_show_error_toast (self, message);
      return;
    }

  _gloss_window_end_range_edit (self);

  /* As after marking: the selection gives way to the highlight. */
  gloss_reader_view_get_iter_for_block (self->reader_view, end_block, end_offset, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gloss_annotation_list_select (self->annotation_list, annotation);
}

static void
gloss_window_cancel_range_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->reader_view));
  GtkTextIter insert;

  _gloss_window_end_range_edit (self);
  gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
  gtk_text_buffer_place_cursor (buffer, &insert);
}

/* Enabled with the other annotation actions (gloss-window-actions.c). */
void
_gloss_window_update_range_actions (GlossWindow *self,
                                    gboolean     writable)
{
  gboolean editing = writable && self->range_annotation_id != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-range", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.apply-range", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-range", editing);
}

void
_gloss_window_class_range_init (GlossWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.edit-range", "x",
                                   gloss_window_edit_range_action);
  gtk_widget_class_install_action (widget_class, "win.apply-range", NULL,
                                   gloss_window_apply_range_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-range", NULL,
                                   gloss_window_cancel_range_action);
}
