/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gloss-core.h"
#include "gloss-reader-view.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_WINDOW (gloss_window_get_type ())
G_DECLARE_FINAL_TYPE (GlossWindow, gloss_window, GLOSS, WINDOW, AdwApplicationWindow)

GlossWindow     *gloss_window_new             (GtkApplication *application,
                                               GlossStore     *store);
void             gloss_window_open_file       (GlossWindow    *self,
                                               GFile          *file);
gboolean         gloss_window_open_article    (GlossWindow    *self,
                                               gint64          article_id,
                                               GError        **error);
gboolean         gloss_window_get_loading     (GlossWindow    *self);
gboolean         gloss_window_is_empty        (GlossWindow    *self);
GlossArticle    *gloss_window_get_article     (GlossWindow    *self);
GlossReaderView *gloss_window_get_reader_view (GlossWindow    *self);
GlossStore      *gloss_window_get_store       (GlossWindow    *self);
GListModel      *gloss_window_get_annotations (GlossWindow    *self);
void             gloss_window_set_store       (GlossWindow    *self,
                                               GlossStore     *store);
gboolean         gloss_window_reload_annotations (GlossWindow *self,
                                               GError        **error);
void             gloss_window_add_toast       (GlossWindow    *self,
                                               AdwToast       *toast);

G_END_DECLS
