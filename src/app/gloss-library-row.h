/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gloss-library-item.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_LIBRARY_ROW (gloss_library_row_get_type ())
G_DECLARE_FINAL_TYPE (GlossLibraryRow, gloss_library_row, GLOSS, LIBRARY_ROW, GtkWidget)

GtkWidget *gloss_library_row_new      (void);
void       gloss_library_row_set_item (GlossLibraryRow  *self,
                                       GlossLibraryItem *item);
GlossLibraryItem *gloss_library_row_get_item (GlossLibraryRow *self);
char      *gloss_library_format_date  (const char       *iso8601);

G_END_DECLS
