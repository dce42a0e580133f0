/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-versions-dialog.h"
#include "gloss-window-private.h"

/*
 * Versions in the window: the Versions dialog (Ctrl+Shift+H), restoring an
 * earlier version with Undo, and comparing two versions in the reader.
 *
 * A comparison is shown in the one reader, not a second text view: the
 * newer version's paragraphs with the removed words put back where they
 * were, struck through, and the added words underlined, both on a tinted
 * background, so the change reads without colour too, and a bar in the
 * margin beside each changed paragraph.  That text is an
 * article of its own (id 0) that exists only on screen: while it is shown
 * the annotations are put away and nothing can be marked, since its
 * offsets are not the stored article's.  A bar above the reader counts the
 * changes and steps through them (F8, Shift+F8); Done shows the article
 * again as it is.
 */

/* Article actions take an article id; 0 means the article shown. */
static gint64
target_article (GlossWindow *self,
                GVariant    *param)
{
  gint64 id = g_variant_get_int64 (param);

  if (id != 0)
    return id;
  if (self->compare_article_id != 0)
    return self->compare_article_id;
  return _gloss_window_shown_article_id (self);
}

/* The comparison on screen */

static GtkTextTag *
ensure_tag (GtkTextBuffer *buffer,
            const char    *name,
            gboolean       deleted)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);
  GdkRGBA green = { 0.15, 0.64, 0.41, 0.22 };
  GdkRGBA red = { 0.75, 0.11, 0.16, 0.18 };
  GdkRGBA current = { 0.21, 0.52, 0.89, 0.35 };

  if (tag != NULL)
    return tag;

  if (g_str_equal (name, "gloss-diff-current"))
    tag = gtk_text_buffer_create_tag (buffer, name, "background-rgba", &current, NULL);
  else if (deleted)
    tag = gtk_text_buffer_create_tag (buffer, name,
                                      "strikethrough", TRUE,
                                      "background-rgba", &red,
                                      NULL);
  else
    tag = gtk_text_buffer_create_tag (buffer, name,
                                      "underline", PANGO_UNDERLINE_SINGLE,
                                      "background-rgba", &green,
                                      NULL);
  return tag;
}

static gboolean
get_mark_iters (GlossWindow    *self,
                const GlossDiffMark *mark,
                GtkTextIter    *start,
                GtkTextIter    *end)
{
  return gloss_reader_view_get_iter_for_block (self->reader_view, mark->block, mark->start, start)
         && gloss_reader_view_get_iter_for_block (self->reader_view, mark->block, mark->end, end);
}

static void
tag_marks (GlossWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->reader_view));
  GtkTextTag *inserted = ensure_tag (buffer, "gloss-diff-inserted", FALSE);
  GtkTextTag *deleted = ensure_tag (buffer, "gloss-diff-deleted", TRUE);

  GtkTextTag *changed = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                   GLOSS_READER_CHANGED_TAG);

  /* No look of its own: the reader draws a bar in the margin for it. */
  if (changed == NULL)
    changed = gtk_text_buffer_create_tag (buffer, GLOSS_READER_CHANGED_TAG, NULL);
  ensure_tag (buffer, "gloss-diff-current", FALSE);
  for (guint i = 0; i < self->compare_marks->len; i++)
    {
      const GlossDiffMark *mark = &g_array_index (self->compare_marks, GlossDiffMark, i);
      GtkTextIter start, end;

      if (get_mark_iters (self, mark, &start, &end))
        gtk_text_buffer_apply_tag (buffer, mark->deleted ? deleted : inserted, &start, &end);
      if (gloss_reader_view_get_iter_for_block (self->reader_view, mark->block, 0, &start))
        {
          end = start;
          if (!gtk_text_iter_ends_line (&end))
            gtk_text_iter_forward_to_line_end (&end);
          gtk_text_buffer_apply_tag (buffer, changed, &start, &end);
        }
    }
}

static void
update_compare_bar (GlossWindow *self)
{
  guint n = self->compare_marks != NULL ? self->compare_marks->len : 0;
  g_autofree char *label = NULL;

  if (self->compare_n_changes == 0)
    /* Translators: the first %u is the older version's number, the second the newer's */
    label = g_strdup_printf (_("Version %u to %u: the words are the same"),
                             self->compare_from, self->compare_to);
  else if (self->compare_current == G_MAXUINT)
    /* Translators: the %u are two version numbers, then a number of changes */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Version %u to %u: %u change",
                                          "Version %u to %u: %u changes",
                                          self->compare_n_changes),
                             self->compare_from, self->compare_to, self->compare_n_changes);
  else
    /* Translators: the %u are two version numbers, which marked place of how many */
    label = g_strdup_printf (_("Version %u to %u: place %u of %u"),
                             self->compare_from, self->compare_to,
                             self->compare_current + 1, n);

  gtk_label_set_label (self->compare_label, label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-change", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-change", n > 0);
}

static void
set_comparing (GlossWindow *self,
               gboolean     comparing)
{
  gtk_revealer_set_reveal_child (self->compare_revealer, comparing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop-comparing", comparing);
  if (!comparing)
    {
      self->compare_article_id = 0;
      self->compare_shown = NULL;
      g_clear_pointer (&self->compare_marks, g_array_unref);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-change", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-change", FALSE);
    }
}

/* Another article (or none) shown: the comparison is over. */
static void
article_changed_cb (GlossWindow *self)
{
  if (self->compare_shown != NULL && gloss_window_get_article (self) != self->compare_shown)
    set_comparing (self, FALSE);
}

/**
 * _gloss_window_compare_versions:
 * @self: a #GlossWindow
 * @article_id: an article of the library
 * @from: the older version's number
 * @to: the newer one's
 * @error: return location for a #GError
 *
 * Shows the differences between two versions of @article_id in the reader.
 *
 * Returns: whether they could be read
 */
gboolean
_gloss_window_compare_versions (GlossWindow  *self,
                                gint64        article_id,
                                guint         from,
                                guint         to,
                                GError      **error)
{
  g_autoptr(GlossArticle) older = NULL;
  g_autoptr(GlossArticle) newer = NULL;
  g_autoptr(GlossArticle) shown = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (GlossDiffMark));
  guint n_changes = 0;

  g_return_val_if_fail (self->store != NULL, FALSE);

  older = gloss_store_load_version (self->store, article_id, from, error);
  if (older == NULL)
    return FALSE;
  newer = gloss_store_load_version (self->store, article_id, to, error);
  if (newer == NULL)
    return FALSE;
  changes = gloss_diff_articles (older, newer);
  n_changes = changes->len;
  shown = gloss_diff_build_comparison (older, newer, changes, marks);

  /* Whatever was being typed is saved, and the annotations put away:
   * nothing can be marked on text that exists only on screen. */
  _gloss_window_library_article_leaving (self);
  gloss_annotation_editor_flush (self->editor);
  gtk_popover_popdown (GTK_POPOVER (self->editor));
  gloss_annotation_editor_set_annotation (self->editor, NULL, NULL);
  g_hash_table_remove_all (self->deleted);
  gloss_reader_view_set_annotations (self->reader_view, NULL);
  gloss_annotation_list_set_model (self->annotation_list, NULL);
  /* Its empty state would invite marking, which waits until Done. */
  gtk_widget_set_visible (GTK_WIDGET (self->annotation_list), FALSE);
  g_clear_object (&self->annotations);
  g_clear_object (&self->file);

  self->compare_shown = shown;
  self->compare_article_id = article_id;
  self->compare_from = from;
  self->compare_to = to;
  self->compare_n_changes = n_changes;
  self->compare_current = G_MAXUINT;
  g_clear_pointer (&self->compare_marks, g_array_unref);
  self->compare_marks = g_steal_pointer (&marks);

  gloss_reader_view_set_article (self->reader_view, shown);
  gtk_stack_set_visible_child_name (self->stack, "article");
  _gloss_window_update_mark_actions (self);
  _gloss_window_update_title (self);
  tag_marks (self);
  set_comparing (self, TRUE);
  update_compare_bar (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->reader_view));
  g_object_notify (G_OBJECT (self), "article");

  return TRUE;
}

static void
step_change (GlossWindow *self,
             int          direction)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->reader_view));
  GtkTextTag *current = ensure_tag (buffer, "gloss-diff-current", FALSE);
  GtkTextIter start, end;
  const GlossDiffMark *mark;
  guint n;

  if (self->compare_marks == NULL || self->compare_marks->len == 0)
    return;

  n = self->compare_marks->len;
  /* Only the previous place loses the tag: removing it from the whole
   * buffer made GTK 4.8 draw an untouched paragraph in another style. */
  if (self->compare_current != G_MAXUINT)
    {
      mark = &g_array_index (self->compare_marks, GlossDiffMark, self->compare_current);
      if (get_mark_iters (self, mark, &start, &end))
        gtk_text_buffer_remove_tag (buffer, current, &start, &end);
    }

  if (self->compare_current == G_MAXUINT)
    self->compare_current = direction > 0 ? 0 : n - 1;
  else if (direction > 0)
    self->compare_current = (self->compare_current + 1) % n;
  else
    self->compare_current = (self->compare_current + n - 1) % n;

  mark = &g_array_index (self->compare_marks, GlossDiffMark, self->compare_current);
  if (get_mark_iters (self, mark, &start, &end))
    gtk_text_buffer_apply_tag (buffer, current, &start, &end);
  if (get_mark_iters (self, mark, &start, &end))
    {
      GtkTextMark *place = gtk_text_buffer_get_mark (buffer, "gloss-diff-place");

      /* GTK's own scrolling to a mark: gloss_reader_view_scroll_to_block()
       * left the paragraph after the first drawn in the byline's style. */
      if (place == NULL)
        place = gtk_text_buffer_create_mark (buffer, "gloss-diff-place", &start, TRUE);
      else
        gtk_text_buffer_move_mark (buffer, place, &start);
      gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->reader_view), place, 0.1, TRUE, 0, 0.3);
    }
  update_compare_bar (self);
}

static void
next_change_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  step_change (GLOSS_WINDOW (widget), 1);
}

static void
previous_change_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  step_change (GLOSS_WINDOW (widget), -1);
}

static void
stop_comparing_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  gint64 id = self->compare_article_id;
  g_autoptr(GError) error = NULL;

  set_comparing (self, FALSE);
  if (id != 0 && !gloss_window_open_article (self, id, &error))
    {
      _gloss_window_show_error_toast (self, error->message);
      _gloss_window_close_article (self);
    }
}

/* Restoring, with Undo */

static gboolean
restore_version (GlossWindow *self,
                 gint64       id,
                 guint        number)
{
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GError) error = NULL;
  GlossUpdateReport report;

  if (self->compare_article_id == id)
    set_comparing (self, FALSE);

  annotations = gloss_store_restore_version (self->store, id, number, &report, &error);
  if (annotations == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why */
      message = g_strdup_printf (_("Could not restore the version: %s"), error->message);
      _gloss_window_show_error_toast (self, message);
      return FALSE;
    }

  gloss_library_sidebar_refresh_article (self->library_sidebar, id);
  if ((_gloss_window_shown_article_id (self) == id || gloss_window_get_article (self) == NULL)
      && !gloss_window_open_article (self, id, &error))
    _gloss_window_show_error_toast (self, error->message);
  return TRUE;
}

static void
undo_restore_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  gint64 id;
  guint number;

  g_variant_get (param, "(xu)", &id, &number);
  if (self->store != NULL && restore_version (self, id, number))
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("The text is back as it was")));
}

static void
restore_cb (GlossVersionsDialog *dialog,
            guint                number,
            GlossWindow         *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "gloss-article-id"));
  guint n_versions = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "gloss-n-versions"));
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (self->store == NULL || !restore_version (self, id, number))
    return;

  /* The text it replaced is now the newest earlier version: restoring
   * that one is the undo. */
  /* Translators: %u is a version number */
  message = g_strdup_printf (_("Version %u restored"), number);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-restore");
  adw_toast_set_action_target_value (toast, g_variant_new ("(xu)", id, n_versions));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
compare_cb (GlossVersionsDialog *dialog,
            guint                from,
            guint                to,
            GlossWindow         *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "gloss-article-id"));
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && !_gloss_window_compare_versions (self, id, from, to, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why */
      message = g_strdup_printf (_("Could not compare the versions: %s"), error->message);
      _gloss_window_show_error_toast (self, message);
    }
}

static void
versions_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  gint64 id = target_article (self, param);
  g_autoptr(GlossArticleSummary) summary = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  GlossVersionsDialog *dialog;

  if (self->store == NULL || id == 0)
    return;

  summary = gloss_store_dup_article_summary (self->store, id, &error);
  if (summary != NULL)
    versions = gloss_store_list_versions (self->store, id, &error);
  if (versions == NULL)
    {
      _gloss_window_show_error_toast (self, error->message);
      return;
    }

  dialog = gloss_versions_dialog_new (GTK_WINDOW (self), summary->title, versions);
  /* An article id fits a pointer on every platform GTK 4 runs on. */
  g_object_set_data (G_OBJECT (dialog), "gloss-article-id", GSIZE_TO_POINTER ((gsize) id));
  g_object_set_data (G_OBJECT (dialog), "gloss-n-versions", GUINT_TO_POINTER (versions->len));
  g_signal_connect_object (dialog, "compare", G_CALLBACK (compare_cb), self, 0);
  g_signal_connect_object (dialog, "restore", G_CALLBACK (restore_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_versions_actions (GlossWindow *self)
{
  gboolean writable = self->store != NULL && !gloss_store_is_read_only (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.versions", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-restore", writable);
}

void
_gloss_window_versions_init (GlossWindow *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *previous = gtk_button_new_from_icon_name ("go-up-symbolic");
  GtkWidget *next = gtk_button_new_from_icon_name ("go-down-symbolic");
  GtkWidget *done = gtk_button_new_with_mnemonic (_("_Done"));
  GtkWidget *export = gtk_button_new_from_icon_name ("document-save-symbolic");
  GtkWidget *legend;

  /* Under the header bar, beside the import bar, without touching the
   * window's template. */
  gtk_widget_add_css_class (bar, "import-bar");
  self->compare_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->compare_label, 0);
  gtk_label_set_ellipsize (self->compare_label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->compare_label), TRUE);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->compare_label));

  legend = gtk_label_new (_("Added words are underlined, removed ones struck through"));
  gtk_widget_add_css_class (legend, "dim-label");
  gtk_label_set_ellipsize (GTK_LABEL (legend), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (bar), legend);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (previous), "win.previous-change");
  gtk_widget_set_tooltip_text (previous, _("Previous Change (Shift+F8)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (previous), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Previous Change"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (next), "win.next-change");
  gtk_widget_set_tooltip_text (next, _("Next Change (F8)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (next), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Next Change"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (done), "win.stop-comparing");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (export), "win.export");
  gtk_widget_set_tooltip_text (export, _("Export the Comparison (Ctrl+E)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (export), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Export the Comparison"), -1);
  gtk_box_append (GTK_BOX (bar), export);
  gtk_box_append (GTK_BOX (bar), previous);
  gtk_box_append (GTK_BOX (bar), next);
  gtk_box_append (GTK_BOX (bar), done);

  self->compare_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->compare_revealer, bar);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->import_revealer))),
                              GTK_WIDGET (self->compare_revealer),
                              GTK_WIDGET (self->import_revealer));

  g_signal_connect (self, "notify::article", G_CALLBACK (article_changed_cb), NULL);
  g_signal_connect (self, "notify::store", G_CALLBACK (update_versions_actions), NULL);
  update_versions_actions (self);
  set_comparing (self, FALSE);
}

void
_gloss_window_versions_dispose (GlossWindow *self)
{
  self->compare_shown = NULL;
  g_clear_pointer (&self->compare_marks, g_array_unref);
}

void
_gloss_window_class_versions_init (GlossWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.versions", "x", versions_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_H, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.versions", "x", (gint64) 0);
  gtk_widget_class_install_action (widget_class, "win.next-change", NULL, next_change_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "win.next-change", NULL);
  gtk_widget_class_install_action (widget_class, "win.previous-change", NULL,
                                   previous_change_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, GDK_SHIFT_MASK,
                                       "win.previous-change", NULL);
  gtk_widget_class_install_action (widget_class, "win.stop-comparing", NULL, stop_comparing_action);
  gtk_widget_class_install_action (widget_class, "win.undo-restore", "(xu)", undo_restore_action);
}
