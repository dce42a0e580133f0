/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-extract"

#include "config.h"

#include "gloss-core.h"

/* The whole entry point: gzip, charset sniffing and repair, format
 * sniffing, then either extraction path.  Any input must give an article
 * with valid, normalised blocks or a GLOSS_ERROR. */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = gloss_extract (bytes, NULL, &error);

  if (article == NULL)
    {
      g_assert (error != NULL && error->domain == GLOSS_ERROR);
      return 0;
    }

  g_assert (gloss_article_get_n_blocks (article) > 0);
  for (guint i = 0; i < gloss_article_get_n_blocks (article); i++)
    {
      const char *text = gloss_block_get_text (gloss_article_get_block (article, i));

      g_assert (g_utf8_validate (text, -1, NULL));
      g_assert (text[0] != '\0' && text[0] != ' ');
    }

  return 0;
}
