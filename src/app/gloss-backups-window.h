/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gloss-application.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_BACKUPS_WINDOW (gloss_backups_window_get_type ())
G_DECLARE_FINAL_TYPE (GlossBackupsWindow, gloss_backups_window, GLOSS, BACKUPS_WINDOW, AdwWindow)

GlossBackupsWindow *gloss_backups_window_present    (GlossApplication   *application,
                                                     GtkWindow          *parent);
guint               gloss_backups_window_get_n_rows (GlossBackupsWindow *self);

G_END_DECLS
