/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gloss-core.h"
#include "gloss-team.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_TEAM_SIDEBAR (gloss_team_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (GlossTeamSidebar, gloss_team_sidebar, GLOSS, TEAM_SIDEBAR, GtkWidget)

GtkWidget *gloss_team_sidebar_new    (void);
void       gloss_team_sidebar_reload (GlossTeamSidebar *self,
                                      GlossStore       *store);

G_END_DECLS
