/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gloss-anchor.h"
#include "gloss-article.h"
#include "gloss-body-text.h"
#include "gloss-match.h"

G_BEGIN_DECLS

GlossAnchor   *gloss_anchor_new_at_positions  (const GlossBodyText *body,
                                               glong                start,
                                               glong                end,
                                               GlossAnchorState     state);

G_END_DECLS
