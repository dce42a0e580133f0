/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gloss-core.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_LINK_TARGET_DIALOG (gloss_link_target_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GlossLinkTargetDialog, gloss_link_target_dialog, GLOSS, LINK_TARGET_DIALOG, AdwWindow)

GlossLinkTargetDialog *gloss_link_target_dialog_new          (GtkWindow             *parent,
                                                              GlossStore            *store,
                                                              gint64                 article_id,
                                                              GlossRelation          relation);
GlossRelation          gloss_link_target_dialog_get_relation (GlossLinkTargetDialog *self);
void                   gloss_link_target_dialog_search       (GlossLinkTargetDialog *self,
                                                              const char            *text);
GtkListBox            *gloss_link_target_dialog_get_list     (GlossLinkTargetDialog *self);

G_END_DECLS
