/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-search-list.h"
#include "gloss-window-private.h"

/*
 * The window's side of the library: opening what the sidebar chooses,
 * landing on a search match, remembering where each article was left, and
 * "All annotations".  The article actions are in gloss-window-articles.c.
 */

/* Scrolling settles before the position is written, not on every pixel. */
#define SAVE_POSITION_DELAY_MS 800

/* Silent reading of non-fiction runs at about 240 words a minute. */
#define WORDS_PER_MINUTE 240

/* The id of the article shown, or 0 (none, or not from the library). */
gint64
_gloss_window_shown_article_id (GlossWindow *self)
{
  GlossArticle *article = gloss_window_get_article (self);

  return article != NULL ? gloss_article_get_id (article) : 0;
}

/**
 * _gloss_window_format_reading_time:
 * @article: an article
 *
 * Returns: (transfer full): e.g. "6 min read", from the words of its blocks
 */
char *
_gloss_window_format_reading_time (GlossArticle *article)
{
  guint n_words = gloss_article_count_words (article);
  guint minutes;

  minutes = MAX (1, (n_words + WORDS_PER_MINUTE / 2) / WORDS_PER_MINUTE);
  /* Translators: an estimated reading time in the header bar */
  return g_strdup_printf (ngettext ("%u min read", "%u min read", minutes), minutes);
}

/**
 * _gloss_window_save_reading_position:
 * @self: a #GlossWindow
 *
 * Writes where the article shown was left, so it reopens there.
 */
void
_gloss_window_save_reading_position (GlossWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = _gloss_window_shown_article_id (self);
  guint block = 0;
  glong offset = 0;

  g_clear_handle_id (&self->save_position_source, g_source_remove);

  if (id == 0 || self->store == NULL || gloss_store_is_read_only (self->store))
    return;

  /* Not laid out (hidden, or going away): there is nothing to read off. */
  if (gtk_widget_get_height (GTK_WIDGET (self->reader_view)) == 0)
    return;

  /* At the very top is "from the start", also before the headline. */
  if (!gloss_reader_view_get_block_at_top (self->reader_view, &block, &offset))
    block = offset = 0;

  if (!gloss_store_set_reading_position (self->store, id, block, MAX (offset, 0), &error))
    g_debug ("Could not save the reading position: %s", error->message);
}

static gboolean
save_position_cb (gpointer user_data)
{
  GlossWindow *self = user_data;

  self->save_position_source = 0;
  _gloss_window_save_reading_position (self);
  return G_SOURCE_REMOVE;
}

static void
scrolled_cb (GlossWindow *self)
{
  if (self->restoring_position || _gloss_window_shown_article_id (self) == 0)
    return;

  g_clear_handle_id (&self->save_position_source, g_source_remove);
  self->save_position_source = g_timeout_add (SAVE_POSITION_DELAY_MS, save_position_cb, self);
}

static void
restore_reading_position (GlossWindow *self,
                          gint64       id)
{
  g_autoptr(GError) error = NULL;
  guint block = 0, offset = 0;

  if (!gloss_store_get_reading_position (self->store, id, &block, &offset, &error))
    {
      g_debug ("Could not read the reading position: %s", error->message);
      return;
    }

  if (block == 0 && offset == 0)
    return;

  gloss_reader_view_scroll_to_block (self->reader_view, block, offset, 0.0);
}

static void
refresh_shown_row_cb (gpointer user_data)
{
  GlossWindow *self = user_data;

  self->refresh_row_source = 0;
  gloss_library_sidebar_refresh_article (self->library_sidebar,
                                         _gloss_window_shown_article_id (self));
}

static void
annotations_changed_cb (GlossWindow *self)
{
  /* The row's counts follow; several changes at once refresh it once. */
  if (self->refresh_row_source == 0)
    self->refresh_row_source = g_idle_add_once (refresh_shown_row_cb, self);
}

/**
 * _gloss_window_library_article_shown:
 * @self: a #GlossWindow
 *
 * Called when the window shows another article: marks it read, selects it
 * in the library (listing the library again when it is new there) and
 * follows its annotations for the row's counts.
 */
void
_gloss_window_library_article_shown (GlossWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = _gloss_window_shown_article_id (self);

  if (self->annotations != NULL)
    g_signal_connect_object (self->annotations, "items-changed",
                             G_CALLBACK (annotations_changed_cb), self, G_CONNECT_SWAPPED);

  if (id == 0 || self->store == NULL)
    {
      gloss_library_sidebar_select_article (self->library_sidebar, 0);
      return;
    }

  if (!gloss_store_is_read_only (self->store)
      && !gloss_store_set_article_unread (self->store, id, FALSE, &error))
    g_debug ("Could not mark the article read: %s", error->message);

  /* While the first listing runs, the sidebar selects the article once
   * the listing is in (and lists again if the article is not). */
  gloss_library_sidebar_select_article (self->library_sidebar, id);
  if (gloss_library_sidebar_is_loading (self->library_sidebar))
    return;
  if (gloss_library_sidebar_get_selected_id (self->library_sidebar) != id)
    {
      /* Not listed yet: just imported, or hidden by an older listing. */
      gloss_library_sidebar_reload (self->library_sidebar);
      gloss_library_sidebar_select_article (self->library_sidebar, id);
    }
  else
    gloss_library_sidebar_refresh_article (self->library_sidebar, id);
}

/**
 * _gloss_window_library_article_leaving:
 * @self: a #GlossWindow
 *
 * Called before the window shows something else: the position in the
 * article shown is saved and its row brought up to date.
 */
void
_gloss_window_library_article_leaving (GlossWindow *self)
{
  gint64 id = _gloss_window_shown_article_id (self);

  g_clear_handle_id (&self->refresh_row_source, g_source_remove);
  gloss_reader_view_stop_scrolling (self->reader_view);
  if (id == 0)
    return;

  _gloss_window_save_reading_position (self);
  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_func (self->annotations, annotations_changed_cb, self);
  gloss_library_sidebar_refresh_article (self->library_sidebar, id);
}

static gboolean
open_from_library (GlossWindow *self,
                   gint64       id)
{
  g_autoptr(GError) error = NULL;

  if (id == _gloss_window_shown_article_id (self))
    return TRUE;

  if (!gloss_window_open_article (self, id, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why */
      message = g_strdup_printf (_("Could not open the article: %s"), error->message);
      _gloss_window_show_error_toast (self, message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
showing_all_annotations (GlossWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "all-annotations") == 0;
}

/**
 * _gloss_window_leave_all_annotations:
 * @self: a #GlossWindow
 *
 * Back from every annotation of the library to the article shown (or the
 * empty page), with its pane.
 */
void
_gloss_window_leave_all_annotations (GlossWindow *self)
{
  gboolean has_article = gloss_window_get_article (self) != NULL;

  if (!showing_all_annotations (self))
    return;

  gtk_stack_set_visible_child_name (self->stack, has_article ? "article" : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->annotation_list), has_article);
  gtk_widget_set_sensitive (GTK_WIDGET (self->pane_button), has_article);
  _gloss_window_update_title (self);
  if (has_article)
    gtk_widget_grab_focus (GTK_WIDGET (self->reader_view));
}

static void
all_annotations_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (showing_all_annotations (self))
    {
      _gloss_window_leave_all_annotations (self);
      return;
    }

  /* Annotations change everywhere; the view is read afresh each time. */
  gloss_all_annotations_view_reload (self->all_annotations_view);
  gtk_stack_set_visible_child_name (self->stack, "all-annotations");
  gtk_widget_set_visible (GTK_WIDGET (self->annotation_list), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->pane_button), FALSE);
  adw_window_title_set_title (self->window_title, _("All Annotations"));
  adw_window_title_set_subtitle (self->window_title, "");
  gtk_window_set_title (GTK_WINDOW (self), _("All Annotations"));
  gtk_widget_child_focus (GTK_WIDGET (self->all_annotations_view), GTK_DIR_TAB_FORWARD);
}

static void
all_annotations_activated_cb (GlossWindow *self,
                              gint64       article_id,
                              gint64       annotation_id)
{
  _gloss_window_open_annotation (self, article_id, annotation_id);
}

static void
article_activated_cb (GlossWindow *self,
                      gint64       id)
{
  _gloss_window_leave_all_annotations (self);

  if (id == _gloss_window_shown_article_id (self))
    return;

  if (!open_from_library (self, id))
    return;

  self->restoring_position = TRUE;
  restore_reading_position (self, id);
  self->restoring_position = FALSE;
}

/* Selects the matched words at @block/@offset, when they are there. */
static void
mark_match (GlossWindow          *self,
            const GlossSearchHit *hit)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->reader_view));
  g_autofree char *match = gloss_search_hit_dup_first_match (hit);
  GtkTextIter start, end;

  if (hit->block < 0
      || !gloss_reader_view_get_iter_for_block (self->reader_view, hit->block, hit->offset, &start))
    return;

  end = start;
  if (match != NULL)
    {
      g_autofree char *wanted = g_utf8_casefold (match, -1);
      GtkTextIter probe = start;
      g_autofree char *found = NULL;
      g_autofree char *found_folded = NULL;

      gtk_text_iter_forward_chars (&probe, g_utf8_strlen (match, -1));
      found = gtk_text_iter_get_text (&start, &probe);
      found_folded = g_utf8_casefold (found, -1);
      if (g_str_equal (found_folded, wanted))
        end = probe;
    }
  if (gtk_text_iter_equal (&start, &end))
    gtk_text_iter_forward_word_end (&end);

  gtk_text_buffer_select_range (buffer, &start, &end);
  gloss_reader_view_scroll_to_block (self->reader_view, hit->block, hit->offset, 0.3);
}

static GlossAnnotation *
find_shown_annotation (GlossWindow *self,
                       gint64       annotation_id)
{
  GListModel *annotations = G_LIST_MODEL (self->annotations);

  for (guint i = 0; annotations != NULL && i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, i);

      if (gloss_annotation_get_id (annotation) == annotation_id)
        return g_steal_pointer (&annotation);
    }

  return NULL;
}

/**
 * _gloss_window_open_annotation:
 * @self: a #GlossWindow
 * @article_id: the article
 * @annotation_id: one of its annotations
 *
 * Opens the article (unless shown) and scrolls to the annotation, its
 * highlight glowing.
 */
void
_gloss_window_open_annotation (GlossWindow *self,
                               gint64       article_id,
                               gint64       annotation_id)
{
  g_autoptr(GlossAnnotation) annotation = NULL;

  if (!open_from_library (self, article_id))
    return;

  _gloss_window_leave_all_annotations (self);
  annotation = find_shown_annotation (self, annotation_id);
  if (annotation != NULL)
    gloss_reader_view_reveal_annotation (self->reader_view, annotation);
}

static void
hit_activated_cb (GlossWindow          *self,
                  const GlossSearchHit *hit)
{
  if (hit->annotation_id != 0)
    {
      _gloss_window_open_annotation (self, hit->article_id, hit->annotation_id);
      return;
    }

  if (!open_from_library (self, hit->article_id))
    return;

  _gloss_window_leave_all_annotations (self);
  mark_match (self, hit);
  gtk_widget_grab_focus (GTK_WIDGET (self->reader_view));
}

static void
toggle_library_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  adw_flap_set_reveal_flap (self->library_flap, !adw_flap_get_reveal_flap (self->library_flap));
}

static void
search_library_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  adw_flap_set_reveal_flap (self->library_flap, TRUE);
  gloss_library_sidebar_focus_search (self->library_sidebar);
}

/**
 * _gloss_window_update_library_actions:
 * @self: a #GlossWindow
 *
 * Article actions need a library.
 */
void
_gloss_window_update_library_actions (GlossWindow *self)
{
  gboolean writable = self->store != NULL && !gloss_store_is_read_only (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-unread", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-archived", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-article", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.article-details", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.all-annotations", self->store != NULL);
  gloss_library_sidebar_set_store (self->library_sidebar, self->store);
  gloss_all_annotations_view_set_store (self->all_annotations_view, self->store);
  if (self->store == NULL)
    _gloss_window_leave_all_annotations (self);
}

void
_gloss_window_class_library_init (GlossWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.toggle-library", NULL, toggle_library_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "win.toggle-library", NULL);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_library_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);

  gtk_widget_class_install_action (widget_class, "win.all-annotations", NULL, all_annotations_action);
}

void
_gloss_window_library_init (GlossWindow *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  /* Ctrl+Shift+A is also the reader's "select none": caught before the
   * focused text view sees it, so it works wherever the focus is. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                      gtk_named_action_new ("win.all-annotations")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  g_signal_connect_object (self->library_sidebar, "article-activated",
                           G_CALLBACK (article_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library_sidebar, "hit-activated",
                           G_CALLBACK (hit_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->all_annotations_view, "annotation-activated",
                           G_CALLBACK (all_annotations_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (scrolled_cb), self, G_CONNECT_SWAPPED);
  /* Closing the window: the last chance to read where the reader was. */
  g_signal_connect (self, "unmap", G_CALLBACK (_gloss_window_save_reading_position), NULL);
  _gloss_window_update_library_actions (self);
}

void
_gloss_window_library_dispose (GlossWindow *self)
{
  if (self->library_sidebar != NULL)
    _gloss_window_library_article_leaving (self);
  g_clear_handle_id (&self->save_position_source, g_source_remove);
  g_clear_handle_id (&self->refresh_row_source, g_source_remove);
}
