/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * Work that can wait until a widget's next frame is on screen: an idle
 * started once that frame is painted, so the frame never waits for it.
 * Embed one in the widget; all fields are private.
 */
typedef struct
{
  GdkFrameClock *clock;
  gulong after_paint_handler;
  guint source;
  int priority;
  GSourceFunc func;
  gpointer data;
  const char *name;
} GlossAfterPaint;

void     gloss_after_paint_schedule     (GlossAfterPaint *self,
                                         GtkWidget       *widget,
                                         int              priority,
                                         GSourceFunc      func,
                                         gpointer         data,
                                         const char      *name);
void     gloss_after_paint_cancel       (GlossAfterPaint *self);
void     gloss_after_paint_unmapped     (GlossAfterPaint *self);
gboolean gloss_after_paint_is_scheduled (GlossAfterPaint *self);

G_END_DECLS
