/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-extract-text"

#include "config.h"

#include "gloss-core.h"
#include "gloss-extract-private.h"

/* The copied-text path alone, on valid UTF-8 lines. */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *utf8 = g_utf8_make_valid ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = gloss_extract_text (utf8, strlen (utf8), &error);

  g_assert ((article == NULL) == (error != NULL));
  if (article != NULL)
    g_assert (gloss_article_get_n_blocks (article) > 0);
  return 0;
}
