/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gloss-core.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_APPLICATION (gloss_application_get_type ())
G_DECLARE_FINAL_TYPE (GlossApplication, gloss_application, GLOSS, APPLICATION, AdwApplication)

GlossApplication *gloss_application_new       (void);
GlossStore       *gloss_application_get_store (GlossApplication *self);
GSettings        *gloss_application_get_settings        (GlossApplication  *self);
const char       *gloss_application_get_library_path    (GlossApplication  *self);
void              gloss_application_open_library        (GlossApplication  *self,
                                                         const char        *path);
char             *gloss_application_start_fresh_library (GlossApplication  *self,
                                                         GError           **error);
gboolean          gloss_application_restore_backup      (GlossApplication  *self,
                                                         const char        *backup_path,
                                                         GError           **error);

G_END_DECLS
