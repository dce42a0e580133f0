/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gloss-core.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_EXPORT_DIALOG (gloss_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GlossExportDialog, gloss_export_dialog, GLOSS, EXPORT_DIALOG, AdwWindow)

GlossExportDialog *gloss_export_dialog_new             (GtkWindow         *parent,
                                                        GlossStore        *store,
                                                        GlossArticle      *article);
void               gloss_export_dialog_set_format      (GlossExportDialog *self,
                                                        GlossExportFormat  format);
void               gloss_export_dialog_set_whole_library (GlossExportDialog *self,
                                                        gboolean           whole_library);
void               gloss_export_dialog_set_order       (GlossExportDialog *self,
                                                        GlossExportOrder   order);
char              *gloss_export_dialog_dup_suggested_name (GlossExportDialog *self);
void               gloss_export_dialog_export_to       (GlossExportDialog *self,
                                                        GFile             *destination);
gboolean           gloss_export_dialog_get_exporting   (GlossExportDialog *self);
void               gloss_export_dialog_set_comparison  (GlossExportDialog *self,
                                                        guint              from,
                                                        guint              to);

G_END_DECLS
