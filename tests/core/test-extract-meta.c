/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-extract-meta"

#include "config.h"

#include <string.h>

#include "gloss-core.h"

/* Metadata a reader sees in the library whatever the page declared: a
 * date only when Gloss knows it, a readable title, the article's language.
 * Small pages written for these tests. */

static GlossArticle *
extract_as (const char       *content,
            GlossInputFormat  format)
{
  g_autoptr(GBytes) bytes = g_bytes_new (content, strlen (content));
  g_autoptr(GError) error = NULL;
  GlossExtractOptions options;
  GlossArticle *article;

  gloss_extract_options_init (&options);
  options.format = format;
  article = gloss_extract_full (bytes, "0123456789abcdef0123456789abcdef.txt", &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (article);
  return article;
}

static char *
page_with_date (const char *date)
{
  return g_strdup_printf (
    "<html><head><title>Harbour ferry returns</title>"
    "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
    "\"headline\": \"Harbour ferry returns\", \"datePublished\": \"%s\"}</script>"
    "</head><body><article><h1>Harbour ferry returns</h1>"
    "<p>The harbour ferry will run again from Monday, after a winter in which the old boat "
    "was repaired and repainted at the yard across the bay.</p>"
    "<p>Tickets cost the same as last year, and children under twelve travel free on "
    "weekends, the operator said in a statement on Friday.</p>"
    "</article></body></html>", date);
}

static void
test_javascript_date (void)
{
  static const struct
  {
    const char *declared;
    const char *expected;
  } cases[] = {
    /* What JavaScript's Date.toString() writes */
    { "Tue Nov 19 2019 03:05:46 GMT+0000 (Coordinated Universal Time)", "2019-11-19T03:05:46Z" },
    { "Wed Mar 02 2022 18:30:00 GMT+0100 (Central European Standard Time)",
      "2022-03-02T18:30:00+01:00" },
    /* RFC 2822, as in feeds */
    { "Mon, 18 Nov 2019 16:07:38 -0600", "2019-11-18T16:07:38-06:00" },
    /* A day with a time in a zone Gloss cannot tell keeps the day only */
    { "01:38:07 PM IST Nov 20, 2019", "2019-11-20" },
    { "November 19, 2019", "2019-11-19" },
    /* Either number could be the month: not a date Gloss knows */
    { "10/05/2022 05:22 pm", NULL },
    { "soon", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *page = page_with_date (cases[i].declared);
      g_autoptr(GlossArticle) article = extract_as (page, GLOSS_INPUT_FORMAT_HTML);

      g_assert_cmpstr (gloss_article_get_published (article), ==, cases[i].expected);
    }
}

static void
test_untitled_text_gets_first_line (void)
{
  /* Only the story was copied: no headline above it. */
  g_autoptr(GlossArticle) article = extract_as (
    "Volunteers planted three hundred trees along the canal on Saturday. The saplings came "
    "from a nursery run by the school, and each class will look after one stretch of the "
    "path.\n\n"
    "The council has promised water tanks for the first dry summer, when young trees are "
    "most at risk of dying before their roots reach deep enough.\n",
    GLOSS_INPUT_FORMAT_TEXT);

  g_assert_cmpstr (gloss_article_get_title (article), ==,
                   "Volunteers planted three hundred trees along the canal on Saturday.");
}

static void
test_language_of_copied_text (void)
{
  static const struct
  {
    const char *text;
    const char *language;
  } cases[] = {
    { "Die Gemeinde hat am Montag beschlossen, dass die alte Brücke über den Fluss im "
      "Sommer erneuert wird. Der Verkehr wird in dieser Zeit über die Umgehungsstraße "
      "geleitet, die auch für Busse freigegeben ist.\n\n"
      "Die Arbeiten sollen nach Angaben der Verwaltung etwa vier Monate dauern und werden "
      "zum größten Teil vom Land bezahlt.\n", "de" },
    { "A prefeitura anunciou nesta segunda-feira que a ponte velha sobre o rio será "
      "reformada no verão. O trânsito será desviado para a estrada nova, que também vai "
      "receber os ônibus da cidade.\n\n"
      "As obras devem durar cerca de quatro meses e serão pagas em grande parte pelo "
      "governo do estado, segundo a nota da prefeitura.\n", "pt" },
    { "Pemerintah kota mengumumkan pada hari Senin bahwa jembatan tua di atas sungai akan "
      "diperbaiki pada musim kemarau. Lalu lintas akan dialihkan ke jalan baru yang juga "
      "dapat dilalui bus kota.\n\n"
      "Pekerjaan itu diperkirakan berlangsung sekitar empat bulan dan sebagian besar "
      "dibiayai oleh pemerintah provinsi, menurut keterangan dari kantor wali kota.\n", "id" },
    { "市政府星期一宣布，河上的老桥将在夏天进行翻修。施工期间，车辆将改走新修的公路，公交车也会绕行。"
      "\n\n工程预计持续大约四个月，大部分费用由省政府承担，市政府在声明中说。\n", "zh" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GlossArticle) article = extract_as (cases[i].text, GLOSS_INPUT_FORMAT_TEXT);

      g_assert_cmpstr (gloss_article_get_language (article), ==, cases[i].language);
    }
}

static void
test_declared_language_kept (void)
{
  /* The page says what it is in; the text is not asked. */
  g_autoptr(GlossArticle) article = extract_as (
    "<html lang=\"nl-BE\"><body><article>"
    "<p>The harbour ferry will run again from Monday, after a winter in which the old boat "
    "was repaired and repainted at the yard across the bay.</p>"
    "<p>Tickets cost the same as last year, and children under twelve travel free on "
    "weekends, the operator said in a statement on Friday.</p>"
    "</article></body></html>", GLOSS_INPUT_FORMAT_HTML);

  g_assert_cmpstr (gloss_article_get_language (article), ==, "nl-BE");
  g_assert_cmpstr (gloss_article_get_title (article), !=, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/extract/meta/javascript-date", test_javascript_date);
  g_test_add_func ("/core/extract/meta/untitled-text-gets-first-line",
                   test_untitled_text_gets_first_line);
  g_test_add_func ("/core/extract/meta/language-of-copied-text", test_language_of_copied_text);
  g_test_add_func ("/core/extract/meta/declared-language-kept", test_declared_language_kept);

  return g_test_run ();
}
