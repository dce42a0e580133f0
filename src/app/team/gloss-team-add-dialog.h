/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gloss-core.h"
#include "gloss-team.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_TEAM_ADD_DIALOG (gloss_team_add_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GlossTeamAddDialog, gloss_team_add_dialog, GLOSS, TEAM_ADD_DIALOG, AdwWindow)

GlossTeamAddDialog *gloss_team_add_dialog_new (GtkWindow  *parent,
                                               GlossStore *store);
char               *gloss_team_build_conninfo (const char *host,
                                               const char *database,
                                               const char *user,
                                               gboolean    plain);

G_END_DECLS
