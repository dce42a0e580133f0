/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-reader-view"

#include "config.h"

#include "gloss-annotation-style.h"
#include "gloss-reader-view-private.h"
#include "gloss-suggestion-item.h"

/*
 * The suggestion layer of GlossReaderView: each suggested sentence gets a
 * faint broken line under its words, never a fill, so it cannot be taken
 * for an annotation (those are filled and underlined solid).  The pattern
 * tells the kinds apart without colour: dots for a claim, dashes for a
 * denial, sparse dots for a sentence only worth checking.  Nothing is put
 * in the buffer: the suggestions come and go without touching the text or
 * its tags, and the pane lists the same suggestions for screen readers.
 */

typedef struct
{
  GtkSnapshot *snapshot;
  GdkRGBA color;
  /* One stroke of the pattern, and the room it repeats in */
  float stroke;
  float pitch;
} LineData;

/* Thickness of the line, and its distance above the bottom of the line
 * box (below the descenders, where solid underlines of annotations are
 * not). */
#define LINE_THICKNESS 2.0f
#define LINE_RAISE 1.0f

static void
line_rect_cb (GlossReaderView       *self,
              const graphene_rect_t *rect,
              gpointer               user_data)
{
  LineData *data = user_data;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (rect->origin.x,
                                               rect->origin.y + rect->size.height
                                               - LINE_THICKNESS - LINE_RAISE,
                                               rect->size.width, LINE_THICKNESS);

  if (bounds.size.width < 1.0f)
    return;

  gtk_snapshot_push_repeat (data->snapshot, &bounds,
                            &GRAPHENE_RECT_INIT (bounds.origin.x, bounds.origin.y,
                                                 data->pitch, LINE_THICKNESS));
  gtk_snapshot_append_color (data->snapshot, &data->color,
                             &GRAPHENE_RECT_INIT (bounds.origin.x, bounds.origin.y,
                                                  data->stroke, LINE_THICKNESS));
  gtk_snapshot_pop (data->snapshot);
}

void
_gloss_reader_view_snapshot_suggestions (GlossReaderView   *self,
                                         GtkSnapshot       *snapshot,
                                         const GtkTextIter *visible_start,
                                         const GtkTextIter *visible_end)
{
  gboolean dark;
  int first_line, last_line;
  guint n;

  if (self->suggestions == NULL || self->article == NULL)
    return;

  n = g_list_model_get_n_items (self->suggestions);
  first_line = gtk_text_iter_get_line (visible_start) - N_LEADING_LINES;
  last_line = gtk_text_iter_get_line (visible_end) - N_LEADING_LINES;
  dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  /* A few dozen suggestions an article: walking them all costs nothing. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossSuggestionItem) item = g_list_model_get_item (self->suggestions, i);
      guint block = gloss_suggestion_item_get_block (item);
      LineData data = { snapshot };
      GtkTextIter start, end;

      if ((int) block < first_line || (int) block > last_line
          || block >= gloss_article_get_n_blocks (self->article)
          || !gloss_reader_view_get_iter_for_block (self, block,
                                                    gloss_suggestion_item_get_start (item), &start)
          || !gloss_reader_view_get_iter_for_block (self, block,
                                                    gloss_suggestion_item_get_end (item), &end))
        continue;

      if (!gloss_suggestion_item_is_attributed (item))
        {
          gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                       &data.color);
          data.color.alpha *= 0.45f;
          data.stroke = 2.0f;
          data.pitch = 7.0f;
        }
      else
        {
          GlossAnnotationKind kind = gloss_suggestion_item_get_kind (item);

          gloss_annotation_kind_get_colors (kind, dark, &data.color, NULL);
          data.color.alpha *= 0.8f;
          data.stroke = kind == GLOSS_ANNOTATION_DENIAL ? 6.0f : 2.0f;
          data.pitch = kind == GLOSS_ANNOTATION_DENIAL ? 9.0f : 4.0f;
        }

      _gloss_reader_view_foreach_range_rect (self, &start, &end, line_rect_cb, &data);
    }
}

static void
suggestions_changed_cb (GlossReaderView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * gloss_reader_view_set_suggestions:
 * @self: a #GlossReaderView
 * @suggestions: (nullable): a #GListModel of #GlossSuggestionItem for the
 *   article shown
 *
 * Marks the suggested sentences under their words, following the model's
 * changes.
 */
void
gloss_reader_view_set_suggestions (GlossReaderView *self,
                                   GListModel      *suggestions)
{
  g_return_if_fail (GLOSS_IS_READER_VIEW (self));
  g_return_if_fail (suggestions == NULL || G_IS_LIST_MODEL (suggestions));

  if (self->suggestions == suggestions)
    return;

  if (self->suggestions != NULL)
    g_signal_handlers_disconnect_by_func (self->suggestions, suggestions_changed_cb, self);
  g_set_object (&self->suggestions, suggestions);
  if (suggestions != NULL)
    g_signal_connect_swapped (suggestions, "items-changed", G_CALLBACK (suggestions_changed_cb),
                              self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * gloss_reader_view_get_suggestions:
 * @self: a #GlossReaderView
 *
 * Returns: (transfer none) (nullable): the suggestions marked
 */
GListModel *
gloss_reader_view_get_suggestions (GlossReaderView *self)
{
  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), NULL);

  return self->suggestions;
}

/**
 * gloss_reader_view_dup_suggestion_at:
 * @self: a #GlossReaderView
 * @x: a position in the widget
 * @y: a position in the widget
 *
 * Returns: (transfer full) (nullable): the suggestion marked under that
 *   point
 */
GlossSuggestionItem *
gloss_reader_view_dup_suggestion_at (GlossReaderView *self,
                                     double           x,
                                     double           y)
{
  GtkTextIter iter;
  int buffer_x, buffer_y;
  guint block;
  glong offset;
  guint n;

  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), NULL);

  if (self->suggestions == NULL)
    return NULL;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &buffer_x, &buffer_y);
  /* FALSE past the end of a line: the margin is not the sentence. */
  if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, buffer_x, buffer_y)
      || !gloss_reader_view_get_block_for_iter (self, &iter, &block, &offset))
    return NULL;

  n = g_list_model_get_n_items (self->suggestions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossSuggestionItem) item = g_list_model_get_item (self->suggestions, i);

      if (gloss_suggestion_item_get_block (item) == block
          && gloss_suggestion_item_get_start (item) <= offset
          && offset < gloss_suggestion_item_get_end (item))
        return g_steal_pointer (&item);
    }

  return NULL;
}

void
_gloss_reader_view_suggestions_dispose (GlossReaderView *self)
{
  gloss_reader_view_set_suggestions (self, NULL);
}
