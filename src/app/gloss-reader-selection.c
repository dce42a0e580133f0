/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-reader-view"

#include "config.h"

#include "gloss-reader-view-private.h"

/*
 * Selections made by dragging the mouse are snapped to whole words, as
 * browsers and GNOME Text Editor do on a double-click drag: two quick
 * drags saved "…maker of network techn" and "…controlled by the rulin",
 * and a broken quote reaches every export.  Only the pointer is snapped;
 * Shift+arrows keep giving exact characters for the rare exact cut.
 */

/* Moves @iter back to the start of the word it is inside of, if any. */
static void
snap_back (GtkTextIter *iter)
{
  if (gtk_text_iter_inside_word (iter) && !gtk_text_iter_starts_word (iter))
    gtk_text_iter_backward_word_start (iter);
}

/* Moves @iter, the end of a range, on to the end of the word the range
 * stops inside of, if any. */
static void
snap_forward (GtkTextIter *iter)
{
  if (gtk_text_iter_inside_word (iter) && !gtk_text_iter_starts_word (iter))
    gtk_text_iter_forward_word_end (iter);
}

static gboolean
snap_idle_cb (gpointer user_data)
{
  GlossReaderView *self = user_data;

  self->snap_source = 0;
  _gloss_reader_view_snap_selection_to_words (self);
  return G_SOURCE_REMOVE;
}

/**
 * _gloss_reader_view_snap_selection_to_words:
 *
 * Widens the selection to the whole words at both of its ends, keeping
 * which end the cursor is at.  A selection of whole words is unchanged.
 */
void
_gloss_reader_view_snap_selection_to_words (GlossReaderView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter insert, bound, start, end;
  gboolean cursor_at_end;

  gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
  gtk_text_buffer_get_iter_at_mark (buffer, &bound, gtk_text_buffer_get_selection_bound (buffer));
  if (gtk_text_iter_equal (&insert, &bound))
    return;

  cursor_at_end = gtk_text_iter_compare (&insert, &bound) > 0;
  start = cursor_at_end ? bound : insert;
  end = cursor_at_end ? insert : bound;
  snap_back (&start);
  snap_forward (&end);

  if (cursor_at_end)
    gtk_text_buffer_select_range (buffer, &end, &start);
  else
    gtk_text_buffer_select_range (buffer, &start, &end);
}

/* After the text view has handled the button's release, which ends its
 * own selection drag.  At the default priority, not an idle one: on a
 * slow machine frames can keep the main loop busy for as long as a
 * minute, and an idle source waited all that time with the selection
 * still cut inside its words (seen under ASan on a loaded machine). */
void
_gloss_reader_view_snap_selection_later (GlossReaderView *self)
{
  g_clear_handle_id (&self->snap_source, g_source_remove);
  self->snap_source = g_idle_add_full (G_PRIORITY_DEFAULT, snap_idle_cb, self, NULL);
}

void
_gloss_reader_view_selection_dispose (GlossReaderView *self)
{
  g_clear_handle_id (&self->snap_source, g_source_remove);
}
