/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gloss-core.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_LIBRARY_SIDEBAR (gloss_library_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (GlossLibrarySidebar, gloss_library_sidebar, GLOSS, LIBRARY_SIDEBAR, GtkWidget)

GtkWidget  *gloss_library_sidebar_new             (void);
void        gloss_library_sidebar_set_store       (GlossLibrarySidebar *self,
                                                   GlossStore          *store);
void        gloss_library_sidebar_reload          (GlossLibrarySidebar *self);
void        gloss_library_sidebar_refresh_article (GlossLibrarySidebar *self,
                                                   gint64               article_id);
void        gloss_library_sidebar_select_article  (GlossLibrarySidebar *self,
                                                   gint64               article_id);
gint64      gloss_library_sidebar_get_selected_id (GlossLibrarySidebar *self);
GArray     *gloss_library_sidebar_dup_selected_ids (GlossLibrarySidebar *self);
gboolean    gloss_library_sidebar_is_loading      (GlossLibrarySidebar *self);
void        gloss_library_sidebar_focus_search    (GlossLibrarySidebar *self);
GListModel *gloss_library_sidebar_get_articles    (GlossLibrarySidebar *self);
GtkWidget  *gloss_library_sidebar_get_search_list (GlossLibrarySidebar *self);
GtkEditable *gloss_library_sidebar_get_search_entry (GlossLibrarySidebar *self);
void        gloss_library_sidebar_add_section     (GlossLibrarySidebar *self,
                                                   GtkWidget           *section);

G_END_DECLS
