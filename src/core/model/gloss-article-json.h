/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "gloss-article.h"

G_BEGIN_DECLS

void gloss_article_json_add_members (GlossArticle *article,
                                     JsonBuilder  *builder,
                                     gboolean      with_block_index);

G_END_DECLS
