/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gloss-annotation.h"

G_BEGIN_DECLS

const char *gloss_relation_get_label          (GlossRelation relation);
const char *gloss_relation_get_incoming_label (GlossRelation relation);

G_END_DECLS
