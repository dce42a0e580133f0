/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gloss-window.h"

G_BEGIN_DECLS

struct _GlossWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkWidget           *loading_page;
  GtkLabel            *loading_label;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_page;
  GtkScrolledWindow   *scroller;
  GlossReaderView     *reader_view;

  /* The file whose article is shown */
  GFile               *file;
  /* Cancels the open in progress; replaced by each open */
  GCancellable        *cancellable;
  /* Shows the loading page once an open takes long enough to notice */
  guint                loading_page_source;
  guint                loading : 1;
};

void _gloss_window_class_actions_init (GlossWindowClass *klass);
void _gloss_window_actions_init       (GlossWindow      *self);

G_END_DECLS
