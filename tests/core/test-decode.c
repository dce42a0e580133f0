/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-decode"

#include "config.h"

#include "gloss-core.h"

/* Encodings as a user meets them: what matters is that the words of the
 * article come out right, whatever the file's bytes. */

static char *
body_of (const guint8 *data,
         gsize         length,
         const char   *filename)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = gloss_extract (bytes, filename, &error);

  g_assert_no_error (error);
  g_assert_nonnull (article);
  return gloss_article_dup_body_text (article);
}

#define LATIN1_PAGE_HEAD "<html><head><meta charset=\"%s\"><title>Gare</title></head><body>" \
                         "<article><p>"
#define LATIN1_PAGE_TAIL "</p></article></body></html>"

static void
test_declared_latin1 (void)
{
  const char *sentence = "Le caf\xe9 de la gare a rouvert ses portes apr\xe8s trois ans de "
                         "travaux, et les habitu\xe9s sont revenus d\xe8s le premier matin.";
  g_autofree char *page = g_strdup_printf (LATIN1_PAGE_HEAD "%s" LATIN1_PAGE_TAIL,
                                           "iso-8859-1", sentence);
  g_autofree char *body = body_of ((const guint8 *) page, strlen (page), "page.html");

  g_assert_true (g_utf8_validate (body, -1, NULL));
  g_assert_nonnull (strstr (body, "Le café de la gare a rouvert ses portes après trois ans"));
}

static void
test_declared_charset_lies (void)
{
  /* Declared windows-1252, but the bytes are UTF-8: the words must not turn
   * into "cafÃ©". */
  const char *sentence = "Le café de la gare a rouvert ses portes après trois ans de travaux, "
                         "et les habitués sont revenus dès le premier matin.";
  g_autofree char *page = g_strdup_printf (LATIN1_PAGE_HEAD "%s" LATIN1_PAGE_TAIL,
                                           "windows-1252", sentence);
  g_autofree char *body = body_of ((const guint8 *) page, strlen (page), "page.html");

  g_assert_nonnull (strstr (body, "Le café de la gare"));
  g_assert_null (strstr (body, "Ã"));
}

static void
test_page_charset_after_utf8_script (void)
{
  /* An archived page: the archive's wrapper loads a script marked UTF-8
   * before the page's own <meta> says GB2312, and the bytes are GBK. */
  const char *sentence = "\xca\xd0\xd5\xfe\xb8\xae\xd0\xfb\xb2\xbc\xa3\xac\xba\xd3\xc9\xcf\xb5\xc4"
                         "\xc0\xcf\xc7\xc5\xbd\xab\xd4\xda\xcf\xc4\xcc\xec\xb7\xad\xd0\xde\xa1\xa3";
  g_autofree char *page = g_strdup_printf (
    "<html><head><script src=\"/wrapper.js\" charset=\"utf-8\"></script>"
    "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
    "</head><body><article><p>%s%s%s</p></article></body></html>", sentence, sentence, sentence);
  g_autofree char *body = body_of ((const guint8 *) page, strlen (page), "page.html");

  g_assert_nonnull (strstr (body, "市政府宣布，河上的老桥将在夏天翻修。"));
}

static void
test_invalid_utf8_repaired (void)
{
  const char *text = "The mayor said the plan would go ahead \xff\xfe despite objections from "
                     "residents who had gathered outside the town hall on Monday evening.\n\n"
                     "Opponents said they would take the matter to court if the council "
                     "did not reconsider its decision before the end of the month.\n";
  g_autofree char *body = body_of ((const guint8 *) text, strlen (text), "story.txt");

  g_assert_true (g_utf8_validate (body, -1, NULL));
  g_assert_nonnull (strstr (body, "despite objections from residents"));
}

static void
test_utf16 (void)
{
  const char *text = "Die Stadt hat am Montag beschlossen, die Öffnungszeiten der Bibliothek zu "
                     "verlängern, wie es die Anwohner seit Jahren gefordert hatten.\n\n"
                     "Der Bürgermeister sagte, die Kosten würden durch Einsparungen gedeckt.\n";
  const char *charsets[] = { "UTF-16LE", "UTF-16BE" };

  for (guint i = 0; i < G_N_ELEMENTS (charsets); i++)
    {
      gsize length = 0;
      g_autofree char *encoded = g_convert (text, -1, charsets[i], "UTF-8", NULL, &length, NULL);
      g_autofree guint8 *with_bom = g_malloc (length + 2);
      g_autofree char *plain_body = NULL;
      g_autofree char *bom_body = NULL;

      g_assert_nonnull (encoded);
      with_bom[0] = i == 0 ? 0xff : 0xfe;
      with_bom[1] = i == 0 ? 0xfe : 0xff;
      memcpy (with_bom + 2, encoded, length);

      bom_body = body_of (with_bom, length + 2, "story.txt");
      plain_body = body_of ((const guint8 *) encoded, length, "story.txt");
      g_assert_nonnull (strstr (bom_body, "Öffnungszeiten der Bibliothek"));
      g_assert_nonnull (strstr (plain_body, "Öffnungszeiten der Bibliothek"));
    }
}

static void
test_normalization (void)
{
  /* "é" decomposed, non-breaking spaces and a run of whitespace: offsets
   * later count code points of the NFC, collapsed form. */
  const char *text = "Le cafe\xcc\x81 a rouvert\xc2\xa0\xc2\xa0 ses portes   apr\xc3\xa8s trois ans "
                     "de travaux, et les habitu\xc3\xa9s sont revenus d\xc3\xa8s le premier matin "
                     "pour y boire un verre au comptoir.\n";
  g_autofree char *body = body_of ((const guint8 *) text, strlen (text), "story.txt");

  g_assert_nonnull (strstr (body, "Le café a rouvert ses portes après"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/decode/declared-latin1", test_declared_latin1);
  g_test_add_func ("/core/decode/declared-charset-lies", test_declared_charset_lies);
  g_test_add_func ("/core/decode/page-charset-after-utf8-script",
                   test_page_charset_after_utf8_script);
  g_test_add_func ("/core/decode/invalid-utf8-repaired", test_invalid_utf8_repaired);
  g_test_add_func ("/core/decode/utf16", test_utf16);
  g_test_add_func ("/core/decode/normalization", test_normalization);

  return g_test_run ();
}
