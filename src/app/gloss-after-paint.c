/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-after-paint"

#include "config.h"

#include "gloss-after-paint.h"

/*
 * An idle added right away would run whenever the main loop is free, which
 * is often just before the frame it was meant to follow: the frame clock's
 * source only becomes ready at the next refresh, and a batch of work that
 * started a moment earlier holds that frame up.  So the idle is added from
 * the frame clock's after-paint, once the frame is out.
 */

static gboolean
idle_cb (gpointer user_data)
{
  GlossAfterPaint *self = user_data;
  guint running = self->source;
  gboolean again = self->func (self->data);

  /* @func cancelled this idle, or scheduled anew: the id kept is no longer
   * this source's, and must not be cleared. */
  if (self->source != running)
    return G_SOURCE_REMOVE;

  if (again == G_SOURCE_CONTINUE)
    return G_SOURCE_CONTINUE;

  self->source = 0;
  return G_SOURCE_REMOVE;
}

static void
start_idle (GlossAfterPaint *self)
{
  self->source = g_idle_add_full (self->priority, idle_cb, self, NULL);
  g_source_set_name_by_id (self->source, self->name);
}

static void
after_paint_cb (GdkFrameClock   *clock,
                GlossAfterPaint *self)
{
  g_clear_signal_handler (&self->after_paint_handler, clock);
  g_clear_object (&self->clock);
  start_idle (self);
}

/**
 * gloss_after_paint_schedule:
 * @self: where the schedule is kept, zero-filled at first
 * @widget: the widget whose next frame comes first
 * @priority: the idle's priority
 * @func: called from the idle, again while it returns %G_SOURCE_CONTINUE
 * @data: for @func
 * @name: the idle's name, a static string
 *
 * Calls @func from an idle once @widget's next frame is painted, or from
 * an idle at once when @widget is not on screen (no frame is coming).
 * Does nothing when already scheduled or running.
 */
void
gloss_after_paint_schedule (GlossAfterPaint *self,
                            GtkWidget       *widget,
                            int              priority,
                            GSourceFunc      func,
                            gpointer         data,
                            const char      *name)
{
  GdkFrameClock *clock;

  if (gloss_after_paint_is_scheduled (self))
    return;

  self->priority = priority;
  self->func = func;
  self->data = data;
  self->name = name;

  clock = gtk_widget_get_mapped (widget) ? gtk_widget_get_frame_clock (widget) : NULL;
  if (clock == NULL)
    {
      start_idle (self);
      return;
    }

  self->clock = g_object_ref (clock);
  self->after_paint_handler = g_signal_connect (clock, "after-paint",
                                                G_CALLBACK (after_paint_cb), self);
  gtk_widget_queue_draw (widget);
}

/**
 * gloss_after_paint_cancel:
 * @self: a schedule
 *
 * Forgets what was scheduled; @func will not be called.
 */
void
gloss_after_paint_cancel (GlossAfterPaint *self)
{
  if (self->clock != NULL)
    g_clear_signal_handler (&self->after_paint_handler, self->clock);
  g_clear_object (&self->clock);
  g_clear_handle_id (&self->source, g_source_remove);
}

/**
 * gloss_after_paint_unmapped:
 * @self: a schedule
 *
 * To be called when the widget leaves the screen: a hidden window paints
 * no frame, so what waited for one starts now.
 */
void
gloss_after_paint_unmapped (GlossAfterPaint *self)
{
  if (self->clock != NULL)
    after_paint_cb (self->clock, self);
}

/**
 * gloss_after_paint_is_scheduled:
 * @self: a schedule
 *
 * Returns: whether @func is still to be called (again)
 */
gboolean
gloss_after_paint_is_scheduled (GlossAfterPaint *self)
{
  return self->clock != NULL || self->source != 0;
}
