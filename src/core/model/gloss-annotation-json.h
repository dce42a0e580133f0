/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "gloss-annotation.h"

G_BEGIN_DECLS

void gloss_annotation_json_add_members (GlossAnnotation *annotation,
                                        JsonBuilder     *builder);

G_END_DECLS
