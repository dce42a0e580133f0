/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gloss-article.h"

G_BEGIN_DECLS

/* The two extraction paths behind gloss_extract().  Both take valid,
 * nul-terminated UTF-8 and return an article with at least one block, or
 * fail with GLOSS_ERROR_NO_ARTICLE. */
GlossArticle *gloss_extract_html (const char  *utf8,
                                  gsize        length,
                                  GError     **error);
GlossArticle *gloss_extract_text (const char  *utf8,
                                  gsize        length,
                                  GError     **error);

G_END_DECLS
