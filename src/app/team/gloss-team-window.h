/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gloss-team-monitor.h"
#include "gloss-window.h"

G_BEGIN_DECLS

void              gloss_team_window_attach      (GlossWindow *window);
GlossTeamMonitor *gloss_team_window_get_monitor (GlossWindow *window);

G_END_DECLS
