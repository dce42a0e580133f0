/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-library-row.h"
#include "gloss-search-list.h"
#include "gloss-window-private.h"

/*
 * The window's side of the library: opening what the sidebar chooses,
 * landing on a search match, remembering where each article was left, and
 * the article actions (read/unread, archive, details, delete with Undo).
 */

/* Scrolling settles before the position is written, not on every pixel. */
#define SAVE_POSITION_DELAY_MS 800

/* Silent reading of non-fiction runs at about 240 words a minute. */
#define WORDS_PER_MINUTE 240

static gint64
shown_article_id (GlossWindow *self)
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
  guint n_words = 0;
  guint minutes;

  for (guint i = 0; i < gloss_article_get_n_blocks (article); i++)
    {
      const char *text = gloss_block_get_text (gloss_article_get_block (article, i));
      gboolean in_word = FALSE;

      for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
        {
          gboolean space = g_unichar_isspace (g_utf8_get_char (p));

          if (!space && !in_word)
            n_words++;
          in_word = !space;
        }
    }

  minutes = MAX (1, (n_words + WORDS_PER_MINUTE / 2) / WORDS_PER_MINUTE);
  /* Translators: an estimated reading time in the header bar */
  return g_strdup_printf (ngettext ("%u min read", "%u min read", minutes), minutes);
}

/* Where reading stopped: the start of the first line wholly in view. */
static gboolean
get_top_position (GlossWindow *self,
                  guint       *out_block,
                  glong       *out_offset)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->reader_view);
  GdkRectangle visible;
  GtkTextIter iter;
  int line_top;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_line_at_y (view, &iter, visible.y, &line_top);
  if (line_top < visible.y)
    gtk_text_view_forward_display_line (view, &iter);

  return gloss_reader_view_get_block_for_iter (self->reader_view, &iter, out_block, out_offset);
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
  gint64 id = shown_article_id (self);
  guint block = 0;
  glong offset = 0;

  g_clear_handle_id (&self->save_position_source, g_source_remove);

  if (id == 0 || self->store == NULL || gloss_store_is_read_only (self->store))
    return;

  /* Not laid out (hidden, or going away): there is nothing to read off. */
  if (gtk_widget_get_height (GTK_WIDGET (self->reader_view)) == 0)
    return;

  /* At the very top is "from the start", also before the headline. */
  if (!get_top_position (self, &block, &offset))
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
  if (self->restoring_position || shown_article_id (self) == 0)
    return;

  g_clear_handle_id (&self->save_position_source, g_source_remove);
  self->save_position_source = g_timeout_add (SAVE_POSITION_DELAY_MS, save_position_cb, self);
}

/* A newly shown article settles over its first frames: the side margins
 * follow the allocated width, the annotation pane comes in, and GTK
 * measures lines in idle time; each moves the lines below.  Scrolling is
 * repeated every frame until the view's size and the target's place have held still
 * for a few frames (at most about a second), or the position drifts
 * from what was asked. */
#define STILL_FRAMES 3
#define MAX_SETTLE_FRAMES 60

static gboolean
rescroll_tick_cb (GtkWidget     *widget,
                  GdkFrameClock *frame_clock,
                  gpointer       user_data)
{
  GlossWindow *self = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->reader_view));
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  int width = gtk_widget_get_width (widget);
  double upper = gtk_adjustment_get_upper (vadjustment);
  GdkRectangle location;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, self->position_mark);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self->reader_view), &iter, &location);

  if (width == self->settle_width && upper == self->settle_upper && location.y == self->settle_y)
    self->still_frames++;
  else
    self->still_frames = 0;
  self->settle_width = width;
  self->settle_upper = upper;
  self->settle_y = location.y;

  /* Set directly: a scroll GtkTextView queues waits for an allocation,
   * which a settled view may not get. */
  gtk_adjustment_set_value (vadjustment, location.y - self->position_yalign
                                           * gtk_adjustment_get_page_size (vadjustment));

  if (self->still_frames < STILL_FRAMES && ++self->rescroll_frames < MAX_SETTLE_FRAMES)
    return G_SOURCE_CONTINUE;

  self->rescroll_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
scroll_to_position (GlossWindow *self,
                    guint        block,
                    glong        offset,
                    double       yalign)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->reader_view));
  GtkTextIter iter;

  if (!gloss_reader_view_get_iter_for_block (self->reader_view, block, offset, &iter))
    return;

  /* A mark, not an iter: lines far down are not laid out yet. */
  if (self->position_mark == NULL)
    self->position_mark = gtk_text_buffer_create_mark (buffer, NULL, &iter, TRUE);
  else
    gtk_text_buffer_move_mark (buffer, self->position_mark, &iter);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->reader_view), self->position_mark,
                                0.0, TRUE, 0.0, yalign);

  self->position_yalign = yalign;
  self->rescroll_frames = 0;
  self->still_frames = 0;
  self->settle_width = -1;
  if (self->rescroll_tick_id == 0)
    self->rescroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->reader_view),
                                                           rescroll_tick_cb, self, NULL);
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

  scroll_to_position (self, block, offset, 0.0);
}

static void
refresh_shown_row_cb (gpointer user_data)
{
  GlossWindow *self = user_data;

  self->refresh_row_source = 0;
  gloss_library_sidebar_refresh_article (self->library_sidebar, shown_article_id (self));
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
  gint64 id = shown_article_id (self);

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

  gloss_library_sidebar_select_article (self->library_sidebar, id);
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
  gint64 id = shown_article_id (self);

  g_clear_handle_id (&self->refresh_row_source, g_source_remove);
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

  if (id == shown_article_id (self))
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

static void
article_activated_cb (GlossWindow *self,
                      gint64       id)
{
  if (id == shown_article_id (self))
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
  scroll_to_position (self, hit->block, hit->offset, 0.3);
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

  mark_match (self, hit);
  gtk_widget_grab_focus (GTK_WIDGET (self->reader_view));
}

/* Article actions take an article id; 0 means the article shown. */
static gint64
target_article (GlossWindow *self,
                GVariant    *param)
{
  gint64 id = g_variant_get_int64 (param);

  return id != 0 ? id : shown_article_id (self);
}

static void
show_library_error (GlossWindow  *self,
                    const GError *error)
{
  g_autofree char *message = NULL;

  /* Translators: %s says why */
  message = g_strdup_printf (_("Could not change the library: %s"), error->message);
  _gloss_window_show_error_toast (self, message);
}

static GlossArticleSummary *
get_summary (GlossWindow *self,
             gint64       id)
{
  g_autoptr(GError) error = NULL;
  GlossArticleSummary *summary;

  if (self->store == NULL || id == 0)
    return NULL;

  summary = gloss_store_get_article_summary (self->store, id, &error);
  if (summary == NULL)
    show_library_error (self, error);
  return summary;
}

static void
toggle_unread_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GlossArticleSummary) summary = get_summary (self, target_article (self, param));
  g_autoptr(GError) error = NULL;

  if (summary == NULL)
    return;

  if (!gloss_store_set_article_unread (self->store, summary->id, !summary->unread, &error))
    show_library_error (self, error);
  /* Under a filter for unread articles, the article leaves the list. */
  gloss_library_sidebar_reload (self->library_sidebar);
}

static void
toggle_archived_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GlossArticleSummary) summary = get_summary (self, target_article (self, param));
  g_autoptr(GError) error = NULL;

  if (summary == NULL)
    return;

  if (!gloss_store_set_article_archived (self->store, summary->id, !summary->archived, &error))
    {
      show_library_error (self, error);
      return;
    }

  gloss_library_sidebar_reload (self->library_sidebar);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (summary->archived ? _("Article moved back to the library")
                                                                : _("Article archived")));
}

static void
add_detail (GString    *body,
            const char *label,
            const char *value)
{
  if (value == NULL || *value == '\0')
    return;

  /* Translators: one line of an article's details: "Label: value" */
  g_string_append_printf (body, _("%s: %s"), label, value);
  g_string_append_c (body, '\n');
}

static void
article_details_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GlossArticleSummary) summary = get_summary (self, target_article (self, param));
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *imported = NULL;
  g_autofree char *published = NULL;
  g_autofree char *versions = NULL;
  g_autofree char *words = NULL;
  GtkWidget *dialog;

  if (summary == NULL)
    return;

  imported = gloss_library_format_date (summary->imported_at);
  published = gloss_library_format_date (summary->published);
  versions = g_strdup_printf ("%u", MAX (summary->n_versions, 1));
  words = g_strdup_printf ("%u", summary->n_words);

  add_detail (body, _("File"), summary->source_name);
  add_detail (body, _("Imported"), imported);
  add_detail (body, _("Published"), published);
  add_detail (body, _("By"), summary->byline);
  add_detail (body, _("Site"), summary->site_name);
  add_detail (body, _("Address"), summary->url);
  add_detail (body, _("Versions"), versions);
  add_detail (body, _("Words"), words);
  if (body->len > 0)
    g_string_truncate (body, body->len - 1);

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   summary->title != NULL ? summary->title : _("Article Details"),
                                   body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Articles deleted that an Undo toast can still bring back, by toast id. */
static void
article_toast_dismissed_cb (AdwToast    *toast,
                            GlossWindow *self)
{
  guint id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "deleted-article"));

  /* Toasts are dismissed as the window goes, after its table. */
  if (self->deleted_articles != NULL)
    g_hash_table_remove (self->deleted_articles, GUINT_TO_POINTER (id));
}

static void
delete_article_now (GlossWindow *self,
                    gint64       article_id,
                    const char  *title)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GlossDeletedArticle *deleted;
  AdwToast *toast;
  guint id;

  if (article_id == shown_article_id (self))
    _gloss_window_close_article (self);

  deleted = gloss_store_delete_article (self->store, article_id, &error);
  if (deleted == NULL)
    {
      show_library_error (self, error);
      return;
    }

  gloss_library_sidebar_reload (self->library_sidebar);

  id = ++self->last_deleted_id;
  g_hash_table_insert (self->deleted_articles, GUINT_TO_POINTER (id), deleted);

  /* Translators: %s is an article's title */
  message = g_strdup_printf (_("“%s” deleted"), title);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete-article");
  adw_toast_set_action_target_value (toast, g_variant_new_uint32 (id));
  g_object_set_data (G_OBJECT (toast), "deleted-article", GUINT_TO_POINTER (id));
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (article_toast_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
confirm_delete_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   GlossWindow      *self)
{
  gint64 article_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "article-id");

  if (g_str_equal (response, "delete") && self->store != NULL)
    delete_article_now (self, article_id, g_object_get_data (G_OBJECT (dialog), "title"));
}

static void
delete_article_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GlossArticleSummary) summary = get_summary (self, target_article (self, param));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  const char *title;
  guint n_annotations = 0;
  GtkWidget *dialog;

  if (summary == NULL)
    return;

  title = summary->title != NULL && *summary->title != '\0' ? summary->title : _("Untitled Article");
  for (guint kind = 0; kind <= GLOSS_ANNOTATION_KIND_LAST; kind++)
    n_annotations += summary->counts[kind];

  /* Without annotations there is little to lose, and Undo is there. */
  if (n_annotations == 0)
    {
      delete_article_now (self, summary->id, title);
      return;
    }

  /* Translators: %s is an article's title */
  heading = g_strdup_printf (_("Delete “%s”?"), title);
  /* Translators: %u is a number of annotations */
  body = g_strdup_printf (ngettext ("Its %u annotation will be deleted with it.",
                                    "Its %u annotations will be deleted with it.", n_annotations),
                          n_annotations);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "article-id", g_memdup2 (&summary->id, sizeof summary->id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "title", g_strdup (title), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_delete_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_delete_article_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  guint id = g_variant_get_uint32 (param);
  GlossDeletedArticle *deleted = g_hash_table_lookup (self->deleted_articles, GUINT_TO_POINTER (id));
  g_autoptr(GError) error = NULL;
  gint64 article_id;

  if (deleted == NULL || self->store == NULL)
    return;

  article_id = gloss_deleted_article_get_id (deleted);
  if (!gloss_store_restore_article (self->store, deleted, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why */
      message = g_strdup_printf (_("Could not restore the article: %s"), error->message);
      _gloss_window_show_error_toast (self, message);
    }
  g_hash_table_remove (self->deleted_articles, GUINT_TO_POINTER (id));

  gloss_library_sidebar_reload (self->library_sidebar);
  gloss_library_sidebar_select_article (self->library_sidebar, article_id);
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
  gloss_library_sidebar_set_store (self->library_sidebar, self->store);
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

  gtk_widget_class_install_action (widget_class, "win.toggle-unread", "x", toggle_unread_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-archived", "x", toggle_archived_action);
  gtk_widget_class_install_action (widget_class, "win.article-details", "x", article_details_action);
  gtk_widget_class_install_action (widget_class, "win.delete-article", "x", delete_article_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete-article", "u",
                                   undo_delete_article_action);
}

void
_gloss_window_library_init (GlossWindow *self)
{
  self->deleted_articles = g_hash_table_new_full (NULL, NULL, NULL,
                                                  (GDestroyNotify) gloss_deleted_article_free);

  g_signal_connect_object (self->library_sidebar, "article-activated",
                           G_CALLBACK (article_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library_sidebar, "hit-activated",
                           G_CALLBACK (hit_activated_cb), self, G_CONNECT_SWAPPED);
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
  if (self->rescroll_tick_id != 0 && self->reader_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->reader_view), self->rescroll_tick_id);
  self->rescroll_tick_id = 0;
  g_clear_pointer (&self->deleted_articles, g_hash_table_unref);
}
