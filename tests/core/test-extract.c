/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-extract"

#include "config.h"

#include <stdio.h>
#include <glib/gstdio.h>

#include "gloss-core.h"

/* The entry point: format sniffing, the size cap, and the errors a user sees
 * for input that is not an article. */

static GlossArticle *
extract_string (const char  *content,
                const char  *filename,
                GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (content, strlen (content));

  return gloss_extract (bytes, filename, error);
}

static GlossArticle *
extract_fixture (const char  *name,
                 GError     **error)
{
  g_autofree char *path = g_build_filename (GLOSS_TEST_DATA, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = gloss_extract_load_file (file, G_MAXSIZE, NULL, error);

  if (bytes == NULL)
    return NULL;
  return gloss_extract (bytes, name, error);
}

static void
test_sample_article (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = extract_fixture ("nato-huawei.txt", &error);
  g_autofree char *body = NULL;
  const char *first;
  const char *last;
  guint n;
  const char *forbidden[] = {
    "Share", "Trending", "Ohio State", "Western Journal", "Truth and Accuracy",
    "Submit a Correction", "Tags", "independent, not-for-profit news cooperative",
    "Location", "Conversation",
  };

  g_assert_no_error (error);
  g_assert_nonnull (article);
  g_assert_cmpstr (gloss_article_get_title (article), ==,
                   "NATO weighing whether Huawei poses security threat");

  n = gloss_article_get_n_blocks (article);
  g_assert_cmpuint (n, ==, 7);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (gloss_block_get_kind (gloss_article_get_block (article, i)), ==,
                     GLOSS_BLOCK_PARAGRAPH);

  first = gloss_block_get_text (gloss_article_get_block (article, 0));
  last = gloss_block_get_text (gloss_article_get_block (article, n - 1));
  g_assert_true (g_str_has_prefix (first, "BRUSSELS (AP) — NATO Secretary-General Jens "
                                          "Stoltenberg said Thursday"));
  g_assert_true (g_str_has_prefix (last, "Following Stoltenberg’s remarks"));
  g_assert_true (g_str_has_suffix (last, "legitimate concern on cybersecurity.”"));

  body = gloss_article_dup_body_text (article);
  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    {
      if (strstr (body, forbidden[i]) != NULL)
        g_error ("boilerplate “%s” left in the body:\n%s", forbidden[i], body);
    }

  g_assert_nonnull (gloss_article_get_byline (article));
  g_assert_nonnull (strstr (gloss_article_get_byline (article), "AP"));
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = extract_string ("", "empty.html", &error);

  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_EMPTY);
  g_assert_null (article);
}

static void
test_whitespace_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = extract_string ("  \n\t\r\n  \xc2\xa0\n", NULL, &error);

  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_EMPTY);
  g_assert_null (article);
}

static void
test_binary (void)
{
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0,
  };
  static const guint8 noise[] = { 'a', 0, 3, 4, 0xff, 0, 0x10, 0x11, 0, 0, 7, 8, 'b', 0, 1, 2 };
  g_autoptr(GBytes) png_bytes = g_bytes_new_static (png, sizeof png);
  g_autoptr(GBytes) noise_bytes = g_bytes_new_static (noise, sizeof noise);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = NULL;

  article = gloss_extract (png_bytes, "picture.html", &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_BINARY);
  g_assert_null (article);
  g_clear_error (&error);

  article = gloss_extract (noise_bytes, NULL, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_BINARY);
  g_assert_null (article);
}

static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GlossExtractOptions options;
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < 200; i++)
    g_string_append (text, "A sentence of an article that goes on long enough to count.\n\n");
  bytes = g_string_free_to_bytes (text);

  gloss_extract_options_init (&options);
  options.max_input_bytes = 1024;
  article = gloss_extract_full (bytes, NULL, &options, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  g_assert_null (article);
  /* The limit is in the message (GLib puts a no-break space before the unit). */
  g_assert_nonnull (strstr (error->message, "1.0"));
  g_assert_nonnull (strstr (error->message, "KiB"));
}

static void
test_sniff_html_without_extension (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = NULL;

  article = extract_string ("<!DOCTYPE html><html><head><title>A page</title></head><body>"
                            "<article><p>The council voted on Tuesday to extend the library’s "
                            "opening hours, a change that residents had requested for years, "
                            "and the mayor said the cost would be covered.</p></article>"
                            "</body></html>", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_article_get_n_blocks (article), ==, 1);
  g_assert_null (strstr (gloss_block_get_text (gloss_article_get_block (article, 0)), "<"));
}

static void
test_format_override (void)
{
  const char *markup = "<p>The council voted on Tuesday to extend the library’s opening hours, a "
                       "change that residents had requested for years.</p>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (markup, strlen (markup));
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) as_text = NULL;
  g_autofree char *body = NULL;
  GlossExtractOptions options;

  gloss_extract_options_init (&options);
  options.format = GLOSS_INPUT_FORMAT_TEXT;
  as_text = gloss_extract_full (bytes, "page.html", &options, &error);
  g_assert_no_error (error);
  /* Read as text, the tags are the user's text and are kept. */
  body = gloss_article_dup_body_text (as_text);
  g_assert_nonnull (strstr (body, "<p>"));
}

static void
test_gzip (void)
{
  const char *text = "The council voted on Tuesday to extend the library’s opening hours.\n\n"
                     "Residents had asked for the change for years, and the mayor said the "
                     "cost would be covered by savings elsewhere in the budget.\n\n"
                     "The new hours start next month and will be reviewed after a year.\n";
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  guint8 buffer[4096];
  gsize read = 0, written = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlossArticle) article = NULL;
  g_autofree char *body = NULL;

  g_assert_cmpint (g_converter_convert (G_CONVERTER (compressor), text, strlen (text),
                                        buffer, sizeof buffer, G_CONVERTER_INPUT_AT_END,
                                        &read, &written, &error), ==, G_CONVERTER_FINISHED);
  bytes = g_bytes_new (buffer, written);
  article = gloss_extract (bytes, "story.txt.gz", &error);
  g_assert_no_error (error);
  body = gloss_article_dup_body_text (article);
  g_assert_nonnull (strstr (body, "Residents had asked for the change"));
}

static void
test_broken_gzip (void)
{
  static const guint8 broken[] = { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xde, 0xad, 0xbe, 0xef };
  g_autoptr(GBytes) bytes = g_bytes_new_static (broken, sizeof broken);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = gloss_extract (bytes, "page.html.gz", &error);

  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_BINARY);
  g_assert_null (article);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/extract/sample-article", test_sample_article);
  g_test_add_func ("/core/extract/bad-input/empty", test_empty);
  g_test_add_func ("/core/extract/bad-input/whitespace-only", test_whitespace_only);
  g_test_add_func ("/core/extract/bad-input/binary", test_binary);
  g_test_add_func ("/core/extract/bad-input/too-large", test_too_large);
  g_test_add_func ("/core/extract/bad-input/broken-gzip", test_broken_gzip);
  g_test_add_func ("/core/extract/sniff/html-without-extension", test_sniff_html_without_extension);
  g_test_add_func ("/core/extract/sniff/override", test_format_override);
  g_test_add_func ("/core/extract/gzip", test_gzip);

  return g_test_run ();
}
