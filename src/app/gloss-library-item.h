/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "gloss-core.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_LIBRARY_ITEM (gloss_library_item_get_type ())
G_DECLARE_FINAL_TYPE (GlossLibraryItem, gloss_library_item, GLOSS, LIBRARY_ITEM, GObject)

GlossLibraryItem          *gloss_library_item_new         (const GlossArticleSummary *summary);
const GlossArticleSummary *gloss_library_item_get_summary (GlossLibraryItem          *self);
gint64                     gloss_library_item_get_id      (GlossLibraryItem          *self);

G_END_DECLS
