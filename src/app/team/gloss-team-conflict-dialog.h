/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gloss-core.h"
#include "gloss-team.h"

G_BEGIN_DECLS

/* Responses: "keep-server", "keep-mine", "keep-both", "cancel" */
AdwMessageDialog *gloss_team_conflict_dialog_new (GtkWindow         *parent,
                                                  GlossTeamConflict *conflict);

gboolean          gloss_team_conflict_response_parse (const char      *response,
                                                      GlossTeamChoice *out_choice);

G_END_DECLS
