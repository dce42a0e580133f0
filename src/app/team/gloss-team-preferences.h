/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gloss-core.h"
#include "gloss-team.h"

G_BEGIN_DECLS

void gloss_team_preferences_add_page (AdwPreferencesWindow *window,
                                      GlossStore           *store);

G_END_DECLS
