/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gloss-window.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_OPEN_LINK_DIALOG (gloss_open_link_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GlossOpenLinkDialog, gloss_open_link_dialog, GLOSS, OPEN_LINK_DIALOG, AdwWindow)

GlossOpenLinkDialog *gloss_open_link_dialog_new       (GlossWindow         *window);
void                 gloss_open_link_dialog_set_link  (GlossOpenLinkDialog *self,
                                                       const char          *link);
void                 gloss_open_link_dialog_open      (GlossOpenLinkDialog *self);
gboolean             gloss_open_link_dialog_get_busy  (GlossOpenLinkDialog *self);
const char          *gloss_open_link_dialog_get_message (GlossOpenLinkDialog *self);

G_END_DECLS
