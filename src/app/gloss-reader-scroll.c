/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-reader-view"

#include "config.h"

#include "gloss-reader-view-private.h"

/*
 * GlossReaderView's places: which block is at the top of the view, and
 * scrolling to a block (a saved reading position, a search match) or to
 * an annotation, then waiting until the view holds still there.
 *
 * A newly shown article settles over its first frames: the side margins
 * follow the allocated width, the annotation pane comes in, and GTK
 * measures lines in idle time; each moves the lines below.  So a scroll is
 * followed by one loop, run every frame, that counts the frames in which
 * the view's width, the article's height, the scroll value and the
 * place's own y have not changed.  A jump to a block is aimed again every
 * frame until the view is still, or until the reader scrolls away
 * themselves; a reveal leaves the scrolling to GTK's smooth scroll and
 * only waits for it.  Either way others can ask
 * gloss_reader_view_is_scrolling() instead of counting frames themselves.
 */

/* Still for a few frames and for at least 0.4 s (GTK measures lines in
 * idle time, which a busy machine may not give it between frames).  The
 * cap is only for a view that never stops moving by itself: a slow
 * machine (a sanitizer build under load) can take several seconds over
 * a new window's first frames, and giving up earlier left a reopened
 * article a few paragraphs above where it was left.  A reader who
 * scrolls is never fought over: that ends the aiming at once. */
#define STILL_FRAMES 5
#define MIN_SETTLE_TIME (400 * G_TIME_SPAN_MILLISECOND)
#define MAX_SETTLE_TIME (15 * G_TIME_SPAN_SECOND)

static gboolean settled_idle_cb (gpointer user_data);

static GtkAdjustment *
get_vadjustment (GlossReaderView *self)
{
  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self));
}

static int
get_place_y (GlossReaderView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GdkRectangle location;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, self->settle.mark);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &iter, &location);
  return location.y;
}

/* Set directly: a scroll GtkTextView queues waits for an allocation,
 * which a settled view may not get. */
static void
aim_at_place (GlossReaderView *self,
              int              y)
{
  GtkAdjustment *vadjustment = get_vadjustment (self);

  gtk_adjustment_set_value (vadjustment,
                            y - self->settle.yalign * gtk_adjustment_get_page_size (vadjustment));
}

static gboolean
settle_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  GlossReaderView *self = GLOSS_READER_VIEW (widget);
  GlossReaderSettle *settle = &self->settle;
  GtkAdjustment *vadjustment = get_vadjustment (self);
  int width = gtk_widget_get_width (widget);
  double upper = gtk_adjustment_get_upper (vadjustment);
  double value = gtk_adjustment_get_value (vadjustment);
  int y = get_place_y (self);
  gboolean layout_still = width == settle->width && upper == settle->upper && y == settle->y;
  GTimeSpan elapsed;

  /* Only the reader moves the view without its layout moving (GTK's own
   * corrections come with a new height or a moved place): theirs now. */
  if (settle->aim && layout_still && value != settle->value)
    settle->aim = FALSE;

  if (layout_still && value == settle->value)
    settle->still_frames++;
  else
    settle->still_frames = 0;
  settle->width = width;
  settle->upper = upper;
  settle->y = y;

  if (settle->aim)
    aim_at_place (self, y);
  settle->value = gtk_adjustment_get_value (vadjustment);

  elapsed = g_get_monotonic_time () - settle->started;
  if (elapsed < MAX_SETTLE_TIME
      && (elapsed < MIN_SETTLE_TIME || settle->still_frames < STILL_FRAMES))
    return G_SOURCE_CONTINUE;

  /* Still is not yet measured: for a place aimed at, the last word comes
   * from an idle at a priority below GTK's own line measuring, which runs
   * only once that is done.  Also after the 2 s: on a slow machine the
   * lines above may be measured only later, and the place would end up
   * out of sight (under a sanitizer, 860 pixels below the view). */
  settle->tick_id = 0;
  if (settle->aim)
    settle->idle_id = g_idle_add_full (G_PRIORITY_LOW, settled_idle_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

static gboolean
settled_idle_cb (gpointer user_data)
{
  GlossReaderView *self = user_data;
  GlossReaderSettle *settle = &self->settle;
  int y = get_place_y (self);

  settle->idle_id = 0;

  /* Moved since: measuring the lines above shifted it; settle again. */
  if (y != settle->y)
    {
      settle->still_frames = 0;
      settle->y = y;
      aim_at_place (self, y);
      settle->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), settle_tick_cb, NULL, NULL);
    }

  return G_SOURCE_REMOVE;
}

/* Moves the place to @iter and (re)starts the loop that waits until the
 * view holds still there. */
static void
start_settling (GlossReaderView   *self,
                const GtkTextIter *iter,
                double             yalign,
                gboolean           aim)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GlossReaderSettle *settle = &self->settle;

  if (settle->mark == NULL)
    settle->mark = gtk_text_buffer_create_mark (buffer, NULL, iter, TRUE);
  else
    gtk_text_buffer_move_mark (buffer, settle->mark, iter);

  settle->yalign = yalign;
  settle->aim = aim;
  g_clear_handle_id (&settle->idle_id, g_source_remove);
  settle->started = g_get_monotonic_time ();
  settle->still_frames = 0;
  settle->width = -1;
  if (settle->tick_id == 0)
    settle->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), settle_tick_cb, NULL, NULL);
}

void
_gloss_reader_view_settle_dispose (GlossReaderView *self)
{
  gloss_reader_view_stop_scrolling (self);
}

/**
 * gloss_reader_view_get_block_at_top:
 * @self: a #GlossReaderView
 * @out_block: (out): the block
 * @out_offset: (out): the code-point offset in it
 *
 * Where reading stopped: the start of the first line wholly in view.
 *
 * Returns: whether that line is in a block (not the headline or byline)
 */
gboolean
gloss_reader_view_get_block_at_top (GlossReaderView *self,
                                    guint           *out_block,
                                    glong           *out_offset)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GdkRectangle visible;
  GtkTextIter iter;
  int line_top;

  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), FALSE);

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_line_at_y (view, &iter, visible.y, &line_top);
  if (line_top < visible.y)
    gtk_text_view_forward_display_line (view, &iter);

  return gloss_reader_view_get_block_for_iter (self, &iter, out_block, out_offset);
}

/**
 * gloss_reader_view_scroll_to_block:
 * @self: a #GlossReaderView
 * @block: a block of the article shown
 * @offset: a code-point offset in it
 * @yalign: where in the page it goes: 0.0 at the top, 1.0 at the bottom
 *
 * Scrolls there at once and keeps it there, frame after frame, until the
 * view has settled (see gloss_reader_view_is_scrolling()).  Nothing
 * happens when the article has no such place.
 */
void
gloss_reader_view_scroll_to_block (GlossReaderView *self,
                                   guint            block,
                                   glong            offset,
                                   double           yalign)
{
  GtkTextIter iter;

  g_return_if_fail (GLOSS_IS_READER_VIEW (self));

  if (!gloss_reader_view_get_iter_for_block (self, block, offset, &iter))
    return;

  /* Aimed at directly, not with gtk_text_view_scroll_to_mark(): that
   * scroll lands in a later allocation, where it would look like the
   * reader's own. */
  start_settling (self, &iter, yalign, TRUE);
  aim_at_place (self, get_place_y (self));
  self->settle.value = gtk_adjustment_get_value (get_vadjustment (self));
}

/**
 * gloss_reader_view_reveal_annotation:
 * @self: a #GlossReaderView
 * @annotation: an annotation of the article shown
 *
 * Scrolls to @annotation's words, puts the text cursor there and makes the
 * highlight glow for a moment, so the eye finds it.  The scroll is GTK's
 * own, smooth where animations are on; gloss_reader_view_is_scrolling()
 * says when it has stopped.
 */
void
gloss_reader_view_reveal_annotation (GlossReaderView *self,
                                     GlossAnnotation *annotation)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (GLOSS_IS_READER_VIEW (self));
  g_return_if_fail (GLOSS_IS_ANNOTATION (annotation));

  if (!_gloss_reader_view_get_annotation_bounds (self, annotation, &start, &end))
    return;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_place_cursor (buffer, &start);

  start_settling (self, &start, 0.3, FALSE);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), self->settle.mark, 0.1, TRUE, 0.0, 0.3);

  g_set_object (&self->flash_annotation, annotation);
  adw_animation_reset (self->flash_animation);
  adw_animation_play (self->flash_animation);
}

/**
 * gloss_reader_view_is_scrolling:
 * @self: a #GlossReaderView
 *
 * Returns: whether the view is still on its way to the place last
 *   scrolled to, or not yet still there
 */
gboolean
gloss_reader_view_is_scrolling (GlossReaderView *self)
{
  g_return_val_if_fail (GLOSS_IS_READER_VIEW (self), FALSE);

  return self->settle.tick_id != 0 || self->settle.idle_id != 0;
}

/**
 * gloss_reader_view_stop_scrolling:
 * @self: a #GlossReaderView
 *
 * Forgets the place scrolled to: the view stays where it is.  Another
 * article shown does this too.
 */
void
gloss_reader_view_stop_scrolling (GlossReaderView *self)
{
  g_return_if_fail (GLOSS_IS_READER_VIEW (self));

  g_clear_handle_id (&self->settle.idle_id, g_source_remove);
  if (self->settle.tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->settle.tick_id);
  self->settle.tick_id = 0;
}
