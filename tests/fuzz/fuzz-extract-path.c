/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-extract-path"

#include "config.h"

#include "gloss-core.h"
#include "gloss-extract-private.h"

/* One extraction path alone, on input made valid UTF-8 (as the decoder
 * guarantees), so the fuzzer spends its time in that path: built as
 * fuzz-extract-html (FUZZ_EXTRACT_HTML, meson.build here) the HTML one,
 * parsing and scoring; built as fuzz-extract-text the copied-text one. */
#ifdef FUZZ_EXTRACT_HTML
#define extract_path gloss_extract_html
#else
#define extract_path gloss_extract_text
#endif

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *utf8 = g_utf8_make_valid ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = extract_path (utf8, strlen (utf8), &error);

  g_assert ((article == NULL) == (error != NULL));
  if (article != NULL)
    g_assert (gloss_article_get_n_blocks (article) > 0);
  return 0;
}
