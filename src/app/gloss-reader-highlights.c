/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-reader-view"

#include "config.h"

#include "gloss-annotation-style.h"
#include "gloss-reader-view-private.h"

/*
 * How GlossReaderView shows the annotations of the article: each
 * highlight twice over, a translucent fill painted under its words (so
 * overlapping highlights blend and both stay visible) and a tag per kind
 * with its own underline (a cue that needs no colour, and that screen
 * readers read as a text attribute).  Only the highlights near the view
 * are looked at while painting, through spans indexed by block; far ones
 * are tagged after the first frame.  Also which highlight is under a
 * point.
 */

/* A highlight's blocks.  reach is the furthest end_block of this span
 * and every span before it, so the spans reaching a block are found by
 * bisection even though a long highlight can start far above it. */
typedef struct
{
  GlossAnnotation *annotation;
  guint start_block;
  guint end_block;
  guint reach;
} Span;

static int
compare_positions (guint block_a,
                   guint offset_a,
                   guint block_b,
                   guint offset_b)
{
  if (block_a != block_b)
    return block_a < block_b ? -1 : 1;
  return offset_a < offset_b ? -1 : (offset_a > offset_b ? 1 : 0);
}

/* Whether @anchor's range is in the article shown, checked without
 * walking the buffer for it. */
static gboolean
anchor_is_shown (GlossReaderView   *self,
                 const GlossAnchor *anchor)
{
  guint n_blocks = self->article != NULL ? gloss_article_get_n_blocks (self->article) : 0;
  const GlossBlock *first, *last;

  if (anchor->state == GLOSS_ANCHOR_ORPHANED
      || anchor->start_block >= n_blocks || anchor->end_block >= n_blocks)
    return FALSE;

  first = gloss_article_get_block (self->article, anchor->start_block);
  last = gloss_article_get_block (self->article, anchor->end_block);

  return anchor->start_offset <= (guint) gloss_block_get_length (first)
         && anchor->end_offset <= (guint) gloss_block_get_length (last)
         && compare_positions (anchor->start_block, anchor->start_offset,
                               anchor->end_block, anchor->end_offset) < 0;
}

/* The anchor's range in the buffer, or FALSE for an orphan or a range the
 * article shown does not have. */
gboolean
_gloss_reader_view_get_annotation_bounds (GlossReaderView *self,
                                          GlossAnnotation *annotation,
                                          GtkTextIter     *start,
                                          GtkTextIter     *end)
{
  const GlossAnchor *anchor = gloss_annotation_get_anchor (annotation);

  if (!anchor_is_shown (self, anchor))
    return FALSE;

  gloss_reader_view_get_iter_for_block (self, anchor->start_block, anchor->start_offset, start);
  gloss_reader_view_get_iter_for_block (self, anchor->end_block, anchor->end_offset, end);
  return TRUE;
}

/* Calls @func with the rectangle, in buffer coordinates, of the part of
 * [@start, @end) on each display line, newlines left out. */
void
_gloss_reader_view_foreach_range_rect (GlossReaderView    *self,
                                       const GtkTextIter  *start,
                                       const GtkTextIter  *end,
                                       GlossRangeRectFunc  func,
                                       gpointer            user_data)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter line_start = *start;

  while (gtk_text_iter_compare (&line_start, end) < 0)
    {
      GtkTextIter next = line_start;
      GtkTextIter segment_end;
      GtkTextIter last;

      if (!gtk_text_view_forward_display_line (view, &next))
        gtk_text_iter_forward_to_end (&next);
      segment_end = gtk_text_iter_compare (&next, end) < 0 ? next : *end;

      last = segment_end;
      gtk_text_iter_backward_char (&last);
      while (gtk_text_iter_compare (&last, &line_start) > 0 && gtk_text_iter_ends_line (&last))
        gtk_text_iter_backward_char (&last);

      if (!gtk_text_iter_ends_line (&last))
        {
          GdkRectangle first_location, last_location;
          float x0, x1;

          gtk_text_view_get_iter_location (view, &line_start, &first_location);
          gtk_text_view_get_iter_location (view, &last, &last_location);
          x0 = MIN (first_location.x, last_location.x);
          x1 = MAX (first_location.x, last_location.x + last_location.width);
          func (self,
                &GRAPHENE_RECT_INIT (x0, first_location.y, x1 - x0, first_location.height),
                user_data);
        }

      if (gtk_text_iter_equal (&next, &line_start))
        break;
      line_start = next;
    }
}

typedef struct
{
  GtkSnapshot *snapshot;
  GdkRGBA color;
} FillData;

static void
fill_rect_cb (GlossReaderView       *self,
              const graphene_rect_t *rect,
              gpointer               user_data)
{
  FillData *data = user_data;
  GskRoundedRect rounded;

  /* A little air between the lines keeps stacked highlights apart. */
  gsk_rounded_rect_init_from_rect (&rounded,
                                   &GRAPHENE_RECT_INIT (rect->origin.x - 2, rect->origin.y + 2,
                                                        rect->size.width + 4,
                                                        MAX (rect->size.height - 4, 1)),
                                   3);
  gtk_snapshot_push_rounded_clip (data->snapshot, &rounded);
  gtk_snapshot_append_color (data->snapshot, &data->color, &rounded.bounds);
  gtk_snapshot_pop (data->snapshot);
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a;
  const Span *y = b;

  return x->start_block < y->start_block ? -1 : (x->start_block > y->start_block ? 1 : 0);
}

/* Sorted stably: highlights starting in one block keep the model's order,
 * which is the order they are painted in. */
static void
ensure_spans (GlossReaderView *self)
{
  guint reach = 0;

  if (!self->spans_dirty)
    return;

  self->spans_dirty = FALSE;
  g_array_set_size (self->spans, 0);
  for (guint i = 0; i < self->watched->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (self->watched, i);
      const GlossAnchor *anchor = gloss_annotation_get_anchor (annotation);
      Span span = { annotation, anchor->start_block, anchor->end_block, 0 };

      if (anchor->state != GLOSS_ANCHOR_ORPHANED)
        g_array_append_val (self->spans, span);
    }
  g_array_sort (self->spans, compare_spans);

  for (guint i = 0; i < self->spans->len; i++)
    {
      Span *span = &g_array_index (self->spans, Span, i);

      reach = MAX (reach, span->end_block);
      span->reach = reach;
    }
}

/* The spans that can touch blocks @first to @last are those from
 * *@out_begin up to, not including, *@out_end. */
static void
find_spans (GlossReaderView *self,
            guint            first,
            guint            last,
            guint           *out_begin,
            guint           *out_end)
{
  guint low = 0;
  guint high;

  ensure_spans (self);

  /* The first that reaches @first; reach never decreases. */
  high = self->spans->len;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->spans, Span, middle).reach < first)
        low = middle + 1;
      else
        high = middle;
    }
  *out_begin = low;

  /* The first that starts past @last; those before *@out_begin start
   * before @first. */
  high = self->spans->len;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->spans, Span, middle).start_block <= last)
        low = middle + 1;
      else
        high = middle;
    }
  *out_end = low;
}

/* Only the highlights touching the visible lines are looked at: a
 * thousand of them cost nothing while scrolling. */
void
_gloss_reader_view_snapshot_highlights (GlossReaderView   *self,
                                        GtkSnapshot       *snapshot,
                                        const GtkTextIter *visible_start,
                                        const GtkTextIter *visible_end)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  int first_line = gtk_text_iter_get_line (visible_start) - N_LEADING_LINES;
  int last_line = gtk_text_iter_get_line (visible_end) - N_LEADING_LINES;
  guint first_block = (guint) MAX (first_line, 0);
  guint begin, end;

  if (self->annotations == NULL || last_line < 0)
    return;

  find_spans (self, first_block, (guint) last_line, &begin, &end);
  for (guint i = begin; i < end; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);
      GlossAnnotation *annotation = span->annotation;
      GlossAnnotationKind kind = gloss_annotation_get_kind (annotation);
      GtkTextIter start, stop;
      FillData data = { snapshot };

      if (span->end_block < first_block
          || !_gloss_reader_view_get_annotation_bounds (self, annotation, &start, &stop)
          || gtk_text_iter_compare (&stop, visible_start) < 0
          || gtk_text_iter_compare (&start, visible_end) > 0)
        continue;

      gloss_annotation_kind_get_colors (kind, dark, NULL, &data.color);
      _gloss_reader_view_foreach_range_rect (self, &start, &stop, fill_rect_cb, &data);

      if (annotation == self->flash_annotation && self->flash_level > 0)
        {
          gloss_annotation_kind_get_colors (kind, dark, &data.color, NULL);
          data.color.alpha = 0.45f * (float) self->flash_level;
          _gloss_reader_view_foreach_range_rect (self, &start, &stop, fill_rect_cb, &data);
        }
    }
}

typedef struct
{
  GlossAnnotationKind kind;
  guint start_block;
  guint start_offset;
  guint end_block;
  guint end_offset;
} TagRange;

static int
compare_tag_ranges (gconstpointer a,
                    gconstpointer b)
{
  const TagRange *x = a;
  const TagRange *y = b;

  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return compare_positions (x->start_block, x->start_offset, y->start_block, y->start_offset);
}

/* Around the first block in view, the blocks whose highlights are tagged
 * before the next frame: a screenful and more, for a window on a tall
 * screen or an article of short lines. */
#define TAG_NOW_BLOCKS_BEFORE 20
#define TAG_NOW_BLOCKS_AFTER 150

static void
apply_tag_range (GlossReaderView *self,
                 const TagRange  *range)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start, end;

  gloss_reader_view_get_iter_for_block (self, range->start_block, range->start_offset, &start);
  gloss_reader_view_get_iter_for_block (self, range->end_block, range->end_offset, &end);
  gtk_text_buffer_apply_tag (buffer, self->kind_tags[range->kind], &start, &end);
  self->tagged = TRUE;
}

static void
cancel_tags_after_paint (GlossReaderView *self)
{
  gloss_after_paint_cancel (&self->tagging);
  g_array_set_size (self->tags_after_paint, 0);
}

static gboolean
tag_after_paint_cb (gpointer user_data)
{
  GlossReaderView *self = user_data;

  for (guint i = 0; i < self->tags_after_paint->len; i++)
    apply_tag_range (self, &g_array_index (self->tags_after_paint, TagRange, i));
  g_array_set_size (self->tags_after_paint, 0);

  return G_SOURCE_REMOVE;
}

/* The article's block at the top of the view.  At the top it is the
 * first, also before GTK has measured any line (an article just opened),
 * when every line still counts as 0 pixels high. */
static guint
get_first_block_in_view (GlossReaderView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GdkRectangle visible;
  GtkTextIter iter;
  int line;

  if (self->vadjustment == NULL
      || gtk_adjustment_get_value (self->vadjustment) <= gtk_adjustment_get_lower (self->vadjustment))
    return 0;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_line_at_y (view, &iter, visible.y, NULL);
  line = gtk_text_iter_get_line (&iter);

  return line > N_LEADING_LINES ? (guint) (line - N_LEADING_LINES) : 0;
}

/* Tags every highlight's words with its kind's tag, in one pass: the
 * ranges of a kind are merged first, so overlapping highlights cost one
 * application, and the tags are only cleared when some were set.  In a
 * long article most highlights are far from the view: those are tagged
 * right after the next frame is painted, so that an article opens at the
 * speed of its first screenful (tagging 1,000 highlights took a tenth of
 * the time to show a 50,000-word article). */
void
_gloss_reader_view_refresh_tags (GlossReaderView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (TagRange));
  gboolean mapped = gtk_widget_get_mapped (GTK_WIDGET (self));
  guint first_block = 0;
  GtkTextIter start, end;

  cancel_tags_after_paint (self);
  if (self->tagged)
    {
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      for (GlossAnnotationKind kind = 0; kind <= GLOSS_ANNOTATION_KIND_LAST; kind++)
        gtk_text_buffer_remove_tag (buffer, self->kind_tags[kind], &start, &end);
      self->tagged = FALSE;
    }

  for (guint i = 0; i < self->watched->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (self->watched, i);
      const GlossAnchor *anchor = gloss_annotation_get_anchor (annotation);
      TagRange range = {
        gloss_annotation_get_kind (annotation),
        anchor->start_block, anchor->start_offset, anchor->end_block, anchor->end_offset
      };

      if (anchor_is_shown (self, anchor))
        g_array_append_val (ranges, range);
    }
  g_array_sort (ranges, compare_tag_ranges);

  /* Unmapped, there is no frame to wait for. */
  if (mapped)
    first_block = get_first_block_in_view (self);

  for (guint i = 0; i < ranges->len;)
    {
      TagRange merged = g_array_index (ranges, TagRange, i);

      for (i++; i < ranges->len; i++)
        {
          const TagRange *next = &g_array_index (ranges, TagRange, i);

          if (next->kind != merged.kind
              || compare_positions (next->start_block, next->start_offset,
                                    merged.end_block, merged.end_offset) > 0)
            break;
          if (compare_positions (next->end_block, next->end_offset,
                                 merged.end_block, merged.end_offset) > 0)
            {
              merged.end_block = next->end_block;
              merged.end_offset = next->end_offset;
            }
        }

      if (!mapped
          || (merged.end_block + TAG_NOW_BLOCKS_BEFORE >= first_block
              && merged.start_block <= first_block + TAG_NOW_BLOCKS_AFTER))
        apply_tag_range (self, &merged);
      else
        g_array_append_val (self->tags_after_paint, merged);
    }

  /* Before the next frame and before GTK measures the lines out of sight
   * (which the tags would make it do again). */
  if (self->tags_after_paint->len > 0)
    gloss_after_paint_schedule (&self->tagging, GTK_WIDGET (self), G_PRIORITY_HIGH_IDLE,
                                tag_after_paint_cb, self, "[gloss] highlights out of sight");

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Only the kind and the words change how a highlight looks; notes and
 * speakers do not. */
static void
annotation_changed_cb (GlossReaderView *self)
{
  self->spans_dirty = TRUE;
  _gloss_reader_view_refresh_tags (self);
}

static void
watch_annotation (GlossReaderView *self,
                  GlossAnnotation *annotation,
                  guint            index)
{
  g_signal_connect_swapped (annotation, "notify::kind", G_CALLBACK (annotation_changed_cb), self);
  g_signal_connect_swapped (annotation, "notify::anchor", G_CALLBACK (annotation_changed_cb),
                            self);
  g_ptr_array_insert (self->watched, (int) index, g_object_ref (annotation));
}

static void
unwatch_annotations (GlossReaderView *self,
                     guint            index,
                     guint            count)
{
  for (guint i = index; i < index + count; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched, i),
                                          annotation_changed_cb, self);
  g_ptr_array_remove_range (self->watched, index, count);
}

/* The followed annotations mirror the model, changed where it changed. */
static void
annotations_changed_cb (GListModel      *annotations,
                        guint            position,
                        guint            removed,
                        guint            added,
                        GlossReaderView *self)
{
  unwatch_annotations (self, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, position + i);

      watch_annotation (self, annotation, position + i);
    }

  if (self->flash_annotation != NULL
      && !g_ptr_array_find (self->watched, self->flash_annotation, NULL))
    g_clear_object (&self->flash_annotation);

  self->spans_dirty = TRUE;
  _gloss_reader_view_refresh_tags (self);
}

/**
 * gloss_reader_view_get_annotation_tag:
 * @self: a #GlossReaderView
 * @kind: an annotation kind
 *
 * Returns: (transfer none): the tag that underlines the words of
 *   annotations of @kind
 */
GtkTextTag *
gloss_reader_view_get_annotation_tag (GlossReaderView     *self,
                                      GlossAnnotationKind  kind)
{
  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), NULL);
  g_return_val_if_fail (kind <= GLOSS_ANNOTATION_KIND_LAST, NULL);

  return self->kind_tags[kind];
}

/**
 * gloss_reader_view_is_tagging:
 * @self: a #GlossReaderView
 *
 * Returns: whether highlights out of sight are still to be tagged (they
 *   are, from an idle, right after the next frame)
 */
gboolean
gloss_reader_view_is_tagging (GlossReaderView *self)
{
  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), FALSE);

  return gloss_after_paint_is_scheduled (&self->tagging);
}

/**
 * gloss_reader_view_set_annotations:
 * @self: a #GlossReaderView
 * @annotations: (nullable): a #GListModel of #GlossAnnotation for the
 *   article shown
 *
 * Highlights the annotations, and follows the model's changes.
 */
void
gloss_reader_view_set_annotations (GlossReaderView *self,
                                   GListModel      *annotations)
{
  g_return_if_fail (GLOSS_IS_READER_VIEW (self));
  g_return_if_fail (annotations == NULL || G_IS_LIST_MODEL (annotations));

  if (self->annotations == annotations)
    return;

  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_func (self->annotations, annotations_changed_cb, self);
  unwatch_annotations (self, 0, self->watched->len);
  self->spans_dirty = TRUE;
  g_clear_object (&self->flash_annotation);
  g_set_object (&self->annotations, annotations);

  if (annotations != NULL)
    {
      g_signal_connect (annotations, "items-changed", G_CALLBACK (annotations_changed_cb), self);
      annotations_changed_cb (annotations, 0, 0, g_list_model_get_n_items (annotations), self);
    }
  else if (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)) != NULL)
    {
      _gloss_reader_view_refresh_tags (self);
    }
}

/**
 * gloss_reader_view_get_annotations:
 *
 * Returns: (transfer none) (nullable): the annotations highlighted
 */
GListModel *
gloss_reader_view_get_annotations (GlossReaderView *self)
{
  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), NULL);

  return self->annotations;
}

static GlossAnnotation *
find_annotation_at_iter (GlossReaderView   *self,
                         const GtkTextIter *iter)
{
  GlossAnnotation *found = NULL;
  guint block;
  guint begin, end;

  if (self->annotations == NULL || !gloss_reader_view_get_block_for_iter (self, iter, &block, NULL))
    return NULL;

  /* The last one holding the position is the one painted on top. */
  find_spans (self, block, block, &begin, &end);
  for (guint i = begin; i < end; i++)
    {
      GlossAnnotation *annotation = g_array_index (self->spans, Span, i).annotation;
      GtkTextIter start, stop;

      if (_gloss_reader_view_get_annotation_bounds (self, annotation, &start, &stop)
          && gtk_text_iter_in_range (iter, &start, &stop))
        found = annotation;
    }

  return found;
}

/**
 * gloss_reader_view_get_annotation_at:
 * @self: a #GlossReaderView
 * @x: a position in the widget
 * @y: a position in the widget
 *
 * Returns: (transfer none) (nullable): the highlighted annotation under
 *   that point
 */
GlossAnnotation *
gloss_reader_view_get_annotation_at (GlossReaderView *self,
                                     double           x,
                                     double           y)
{
  GtkTextIter iter;
  int buffer_x, buffer_y;

  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), NULL);

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &buffer_x, &buffer_y);
  /* FALSE past the end of a line: the margin is not the last word. */
  if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, buffer_x, buffer_y))
    return NULL;


  return find_annotation_at_iter (self, &iter);
}

void
_gloss_reader_view_highlights_init (GlossReaderView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);

  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  self->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  self->tags_after_paint = g_array_new (FALSE, FALSE, sizeof (TagRange));

  for (GlossAnnotationKind kind = 0; kind <= GLOSS_ANNOTATION_KIND_LAST; kind++)
    {
      g_autofree char *name = g_strconcat ("gloss-annotation-",
                                           gloss_annotation_kind_to_string (kind), NULL);

      self->kind_tags[kind] = gtk_text_tag_new (name);
      g_object_set (self->kind_tags[kind],
                    "underline", gloss_annotation_kind_get_underline (kind),
                    "overline", gloss_annotation_kind_get_overline (kind),
                    NULL);
      gtk_text_tag_table_add (table, self->kind_tags[kind]);
      g_object_unref (self->kind_tags[kind]);
    }
}

void
_gloss_reader_view_highlights_dispose (GlossReaderView *self)
{
  cancel_tags_after_paint (self);
  gloss_reader_view_set_annotations (self, NULL);
}

void
_gloss_reader_view_highlights_finalize (GlossReaderView *self)
{
  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->tags_after_paint, g_array_unref);
}
