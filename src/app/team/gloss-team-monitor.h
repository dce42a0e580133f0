/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gloss-core.h"
#include "gloss-team.h"

G_BEGIN_DECLS

typedef enum
{
  GLOSS_TEAM_STATE_NONE,        /* the library syncs with no team library */
  GLOSS_TEAM_STATE_SYNCING,
  GLOSS_TEAM_STATE_SYNCED,
  GLOSS_TEAM_STATE_WAITING,     /* changes wait to be sent */
  GLOSS_TEAM_STATE_OFFLINE,     /* the server could not be reached */
  GLOSS_TEAM_STATE_ERROR,
} GlossTeamState;

#define GLOSS_TYPE_TEAM_MONITOR (gloss_team_monitor_get_type ())
G_DECLARE_FINAL_TYPE (GlossTeamMonitor, gloss_team_monitor, GLOSS, TEAM_MONITOR, GObject)

GlossTeamMonitor *gloss_team_monitor_new          (void);
void              gloss_team_monitor_set_store    (GlossTeamMonitor *self,
                                                   GlossStore       *store);
GlossStore       *gloss_team_monitor_get_store    (GlossTeamMonitor *self);
GlossTeamState    gloss_team_monitor_get_state    (GlossTeamMonitor *self);
const char       *gloss_team_monitor_get_summary  (GlossTeamMonitor *self);
const char       *gloss_team_monitor_get_detail   (GlossTeamMonitor *self);
void              gloss_team_monitor_sync         (GlossTeamMonitor *self);
void              gloss_team_monitor_sync_soon    (GlossTeamMonitor *self);
void              gloss_team_monitor_refresh      (GlossTeamMonitor *self);

G_END_DECLS
