/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-extract-unseen"

#include "config.h"

#include <string.h>

#include "gloss-core.h"

/* The kinds of page that went wrong on pages nobody tuned for (issue 12),
 * each as a saved page and as the text a browser copies from it: a story
 * in a language the word lists hardly know, a short item among longer
 * teasers for other stories, a market report beside a ticker and a table
 * of prices, a short post whose longest text is its comment form and a
 * cookie notice.  A reader checks the story's paragraphs, that none of the
 * rest came along, and the headline, byline and date.  The pages are
 * small, hand-written, in tests/data/unseen/. */

static GlossArticle *
extract_unseen (const char       *name,
                GlossInputFormat  format)
{
  g_autofree char *path = g_build_filename (GLOSS_TEST_DATA, "unseen", name, NULL);
  g_autofree char *content = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GlossExtractOptions options;
  GlossArticle *article;

  g_assert_true (g_file_get_contents (path, &content, NULL, &error));
  g_assert_no_error (error);
  bytes = g_bytes_new (content, strlen (content));
  gloss_extract_options_init (&options);
  options.format = format;
  article = gloss_extract_full (bytes, name, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (article);
  return article;
}

/* The body is exactly @paragraphs, in order, whatever their block kind. */
static void
assert_story (GlossArticle       *article,
              const char * const *paragraphs)
{
  guint n = gloss_article_get_n_blocks (article);
  guint n_expected = g_strv_length ((char **) paragraphs);
  g_autofree char *body = gloss_article_dup_body_text (article);

  if (n != n_expected)
    g_error ("%u blocks instead of %u:\n%s", n, n_expected, body);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (gloss_block_get_text (gloss_article_get_block (article, i)), ==,
                     paragraphs[i]);
}

static void
assert_body_lacks (GlossArticle *article,
                   const char   *text)
{
  g_autofree char *body = gloss_article_dup_body_text (article);

  if (strstr (body, text) != NULL)
    g_error ("“%s” left in the body:\n%s", text, body);
}

static void
assert_body_has (GlossArticle *article,
                 const char   *text)
{
  g_autofree char *body = gloss_article_dup_body_text (article);

  if (strstr (body, text) == NULL)
    g_error ("“%s” missing from the body:\n%s", text, body);
}

static const char * const banjir[] = {
  "Hujan deras yang turun sejak Minggu malam membuat sungai meluap dan merendam tiga desa di "
  "bagian hilir, kata petugas penanggulangan bencana pada Senin pagi.",
  "Air setinggi satu meter masuk ke rumah warga, dan sekitar empat ratus orang mengungsi ke "
  "balai desa serta sekolah yang berada di tempat lebih tinggi.",
  "Petugas membagikan makanan, selimut dan air bersih, sementara perahu karet dikerahkan untuk "
  "menjemput warga lanjut usia yang masih bertahan di rumah.",
  "Menurut kepala desa, banjir serupa terakhir terjadi lima tahun lalu, namun kali ini air naik "
  "jauh lebih cepat karena tanggul di hulu belum selesai diperbaiki.",
  NULL,
};

/* Indonesian: none of the function words the classifier knows, and its
 * own words for the byline ("Oleh"), the advertisement ("Iklan"), the
 * pointer to another story ("Baca juga") and the month ("Maret"). */
static void
test_other_language_html (void)
{
  g_autoptr(GlossArticle) article = extract_unseen ("banjir-id.html", GLOSS_INPUT_FORMAT_HTML);

  assert_story (article, banjir);
  g_assert_cmpstr (gloss_article_get_title (article), ==, "Banjir rendam tiga desa di tepi sungai");
  g_assert_true (g_str_has_prefix (gloss_article_get_published (article), "2024-03-04"));
  g_assert_cmpstr (gloss_article_get_language (article), ==, "id");
}

static void
test_other_language_text (void)
{
  g_autoptr(GlossArticle) article = extract_unseen ("banjir-id.txt", GLOSS_INPUT_FORMAT_TEXT);

  assert_story (article, banjir);
  g_assert_cmpstr (gloss_article_get_title (article), ==, "Banjir rendam tiga desa di tepi sungai");
  g_assert_cmpstr (gloss_article_get_byline (article), ==, "Oleh Siti Rahmawati");
  /* "4 Maret 2024 09:15": a day, a month and a year, then a time that is
   * no month and day. */
  g_assert_cmpstr (gloss_article_get_published (article), ==, "2024-03-04");
  g_assert_cmpstr (gloss_article_get_language (article), ==, "id");
}

static const char * const ecluse[] = {
  "Fermée depuis l’hiver pour des travaux, l’écluse du port rouvrira lundi matin. Les bateaux "
  "de plaisance pourront de nouveau rejoindre le canal.",
  "Les mariniers attendaient cette date depuis des semaines. La mairie promet des horaires "
  "élargis pendant l’été.",
  NULL,
};

/* A short item in French, then four teasers for other stories, each a
 * headline and one long sentence, longer than the story's paragraphs and
 * under a heading no word list knows. */
static void
test_teasers_longer_than_story_text (void)
{
  g_autoptr(GlossArticle) article = extract_unseen ("ecluse-fr.txt", GLOSS_INPUT_FORMAT_TEXT);

  assert_story (article, ecluse);
  g_assert_cmpstr (gloss_article_get_title (article), ==, "L’écluse du port rouvre lundi");
  g_assert_cmpstr (gloss_article_get_byline (article), ==, "Par Claire Moreau");
  g_assert_cmpstr (gloss_article_get_published (article), ==, "2024-05-17");
}

static const char * const boerse[] = {
  "Der deutsche Leitindex hat am Donnerstag nach der Zinssenkung der Europäischen Zentralbank "
  "leicht zugelegt und den Handel mit einem Plus von gut einem halben Prozent beendet.",
  "Händler sprachen von einer erwarteten Entscheidung. Gefragt waren vor allem Aktien von "
  "Banken und Versorgern, während Autowerte nachgaben.",
  NULL,
};

/* A market report between a ticker and a table of share prices, which
 * hold more characters than the report. */
static void
test_ticker_and_table_html (void)
{
  g_autoptr(GlossArticle) article = extract_unseen ("boerse-de.html", GLOSS_INPUT_FORMAT_HTML);

  assert_story (article, boerse);
  g_assert_cmpstr (gloss_article_get_title (article), ==, "Dax schließt nach Zinsentscheid fester");
}

static void
test_ticker_and_table_text (void)
{
  g_autoptr(GlossArticle) article = extract_unseen ("boerse-de.txt", GLOSS_INPUT_FORMAT_TEXT);

  assert_story (article, boerse);
  g_assert_cmpstr (gloss_article_get_title (article), ==, "Dax schließt nach Zinsentscheid fester");
  g_assert_cmpstr (gloss_article_get_byline (article), ==, "Von Jonas Keller");
  g_assert_cmpstr (gloss_article_get_published (article), ==, "2024-06-06");
}

static const char * const horta[] = {
  "A horta comunitária do bairro abre as portas no sábado. Os moradores podem reservar um "
  "canteiro na junta de freguesia.",
  "A rega fica a cargo de cada família. A junta fornece as ferramentas e as sementes.",
  NULL,
};

/* A short post in Portuguese whose longest paragraphs are the comment
 * form's notes and the cookie notice. */
static void
test_comment_form_and_notice_html (void)
{
  g_autoptr(GlossArticle) article = extract_unseen ("horta-pt.html", GLOSS_INPUT_FORMAT_HTML);

  for (guint i = 0; horta[i] != NULL; i++)
    assert_body_has (article, horta[i]);
  assert_body_lacks (article, "endereço de email");
  assert_body_lacks (article, "Ao comentar");
  assert_body_lacks (article, "cookies");
  assert_body_lacks (article, "Por Ana Ribeiro");
  g_assert_cmpstr (gloss_article_get_title (article), ==, "A horta comunitária abre ao público");
}

static void
test_comment_form_and_notice_text (void)
{
  g_autoptr(GlossArticle) article = extract_unseen ("horta-pt.txt", GLOSS_INPUT_FORMAT_TEXT);

  assert_story (article, horta);
  g_assert_cmpstr (gloss_article_get_title (article), ==, "A horta comunitária abre ao público");
  g_assert_cmpstr (gloss_article_get_byline (article), ==, "Por Ana Ribeiro");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/extract/unseen/other-language/html", test_other_language_html);
  g_test_add_func ("/core/extract/unseen/other-language/text", test_other_language_text);
  g_test_add_func ("/core/extract/unseen/teasers/text", test_teasers_longer_than_story_text);
  g_test_add_func ("/core/extract/unseen/ticker-and-table/html", test_ticker_and_table_html);
  g_test_add_func ("/core/extract/unseen/ticker-and-table/text", test_ticker_and_table_text);
  g_test_add_func ("/core/extract/unseen/comment-form-and-notice/html",
                   test_comment_form_and_notice_html);
  g_test_add_func ("/core/extract/unseen/comment-form-and-notice/text",
                   test_comment_form_and_notice_text);

  return g_test_run ();
}
