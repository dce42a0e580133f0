/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gloss-core.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_VERSIONS_DIALOG (gloss_versions_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GlossVersionsDialog, gloss_versions_dialog, GLOSS, VERSIONS_DIALOG, AdwWindow)

GlossVersionsDialog *gloss_versions_dialog_new       (GtkWindow           *parent,
                                                      const char          *title,
                                                      GPtrArray           *versions);
void                 gloss_versions_dialog_set_range (GlossVersionsDialog *self,
                                                      guint                from,
                                                      guint                to);
void                 gloss_versions_dialog_compare   (GlossVersionsDialog *self);
void                 gloss_versions_dialog_restore   (GlossVersionsDialog *self,
                                                      guint                number);
char                *gloss_versions_dialog_format_date (const char        *iso8601);

G_END_DECLS
