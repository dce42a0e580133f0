/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-hostile"

#include "config.h"

#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "gloss-core.h"

/*
 * Hostile and broken input, one table: each input either fails with a clear
 * GLOSS_ERROR or gives a sane article, never crashes, stays within bounded
 * memory, never runs anything and never reaches the network.
 *
 * The network proof: this program defines socket(), connect() and
 * getaddrinfo(), which take precedence over libc's for every library in the
 * process (libxml2's HTTP and FTP fetchers included), and counts calls.
 * The file:// proof: pages point at a FIFO; anything opening it for reading
 * would block and the test would time out.
 */

static guint network_attempts;

int
socket (int domain,
        int type,
        int protocol)
{
  network_attempts++;
  errno = EACCES;
  return -1;
}

int
connect (int                    fd,
         const struct sockaddr *address,
         socklen_t              length)
{
  network_attempts++;
  errno = EACCES;
  return -1;
}

int
getaddrinfo (const char             *node,
             const char             *service,
             const struct addrinfo  *hints,
             struct addrinfo       **result)
{
  network_attempts++;
  return EAI_FAIL;
}

typedef enum
{
  EXPECT_ARTICLE,
  EXPECT_ERROR,
  EXPECT_EITHER,
} Expectation;

typedef struct
{
  const char *name;
  GBytes *(*make) (void);
  Expectation expect;
  GlossError error_code;
  const char *must_contain;      /* in the body, when an article */
  const char *must_not_contain;  /* anywhere in the article */
} HostileCase;

static GBytes *
bytes_from_string (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static const char prose[] = "The council voted on Tuesday to extend the opening hours of the "
                            "central library, a change that residents had requested for years.";

static GBytes *make_empty (void) { return g_bytes_new_static ("", 0); }
static GBytes *make_whitespace (void) { return bytes_from_string (" \n\t\r\n   \n\n\xc2\xa0\n"); }

static GBytes *
make_png (void)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H',
                                'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4 };
  return g_bytes_new_static (png, sizeof png);
}

static GBytes *
make_elf (void)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  /* Any real program will do: this test's own binary is one. */
  g_assert_true (g_file_get_contents ("/proc/self/exe", &contents, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), MIN (length, 65536));
}

static GBytes *
make_zip (void)
{
  static const guint8 zip[] = { 'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0x4b, 0x6d, 0x7a, 0x57, 1, 2,
                                3, 4, 5, 0, 0, 0, 7, 0, 0, 0, 5, 0, 0, 0, 'a', '.', 't', 'x', 't' };
  return g_bytes_new_static (zip, sizeof zip);
}

static GBytes *
make_bad_gzip (void)
{
  static const guint8 gz[] = { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 'n', 'o', 't', ' ', 'd', 'e',
                               'f', 'l', 'a', 't', 'e' };
  return g_bytes_new_static (gz, sizeof gz);
}

static GBytes *
make_invalid_utf8 (void)
{
  g_autofree char *text = g_strdup_printf ("Broken \xff\xfe\xc3 bytes.\n\n%s\n\n%s \xed\xa0\x80\n",
                                           prose, prose);
  return bytes_from_string (text);
}

static GBytes *
make_utf16 (gboolean bom,
            gboolean big_endian)
{
  g_autofree char *text = g_strdup_printf ("%s\n\nDer Bürgermeister sagte, die Kosten würden gedeckt.\n", prose);
  gsize length = 0;
  g_autofree char *encoded = g_convert (text, -1, big_endian ? "UTF-16BE" : "UTF-16LE", "UTF-8",
                                        NULL, &length, NULL);
  GByteArray *out = g_byte_array_new ();

  if (bom)
    g_byte_array_append (out, (const guint8 *) (big_endian ? "\xfe\xff" : "\xff\xfe"), 2);
  g_byte_array_append (out, (const guint8 *) encoded, length);
  return g_byte_array_free_to_bytes (out);
}

static GBytes *make_utf16le_bom (void) { return make_utf16 (TRUE, FALSE); }
static GBytes *make_utf16be_bom (void) { return make_utf16 (TRUE, TRUE); }
static GBytes *make_utf16le_no_bom (void) { return make_utf16 (FALSE, FALSE); }

static GBytes *
make_lying_charset (void)
{
  g_autofree char *page = g_strdup_printf ("<html><head><meta charset=\"windows-1252\"></head><body>"
                                           "<article><p>Le café a rouvert après trois ans. %s</p>"
                                           "</article></body></html>", prose);
  return bytes_from_string (page);
}

static GBytes *
make_deep_nesting (void)
{
  GString *page = g_string_new ("<html><body>");

  for (guint i = 0; i < 10000; i++)
    g_string_append (page, "<div><span>");
  g_string_append_printf (page, "<p>%s</p>", prose);
  for (guint i = 0; i < 10000; i++)
    g_string_append (page, "</span></div>");
  g_string_append (page, "</body></html>");
  return g_string_free_to_bytes (page);
}

static GBytes *
make_huge_paragraph (void)
{
  GString *page = g_string_new ("<html><body><article><p>");

  while (page->len < 5 * 1024 * 1024)
    g_string_append (page, "word, another word. ");
  g_string_append (page, "</p></article></body></html>");
  return g_string_free_to_bytes (page);
}

static GBytes *
make_million_paragraphs (void)
{
  GString *page = g_string_new ("<html><body><article>");

  for (guint i = 0; i < 1000000; i++)
    g_string_append (page, "<p>a</p>");
  g_string_append (page, "</article></body></html>");
  return g_string_free_to_bytes (page);
}

static GBytes *
make_million_lines (void)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < 1000000; i++)
    g_string_append (text, "a\n");
  return g_string_free_to_bytes (text);
}

static GBytes *
make_entity_bomb (void)
{
  g_autofree char *page = g_strdup_printf (
    "<!DOCTYPE html [<!ENTITY a \"aaaaaaaaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;\">"
    "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;\">]>"
    "<html><body><article><p>&f;&f;&f;&f; %s</p><p>%s</p></article></body></html>", prose, prose);
  return bytes_from_string (page);
}

static GBytes *
make_active_content (void)
{
  g_autofree char *page = g_strdup_printf (
    "<html><head><script>document.title='SCRIPTRAN'</script>"
    "<style>p{color:red}</style></head><body onload=\"alert('ONLOADRAN')\">"
    "<iframe src=\"javascript:alert('IFRAMERAN')\">IFRAMETEXT</iframe>"
    "<object data=\"data:text/html,OBJECTRAN\">OBJECTTEXT</object>"
    "<embed src=\"javascript:EMBEDRAN\">"
    "<article><p onclick=\"alert('CLICKRAN')\">%s "
    "<a href=\"javascript:alert('LINKRAN')\">the minutes</a> were published.</p>"
    "<p>%s <img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"\"></p>"
    "<noscript>NOSCRIPTTEXT</noscript><template>TEMPLATETEXT</template></article></body></html>",
    prose, prose);
  return bytes_from_string (page);
}

static char *fifo_path;

static GBytes *
make_remote_references (void)
{
  g_autofree char *page = g_strdup_printf (
    "<?xml-stylesheet href=\"http://198.51.100.7/style.xsl\"?>"
    "<!DOCTYPE html SYSTEM \"http://198.51.100.7/html.dtd\">"
    "<html><head><base href=\"http://198.51.100.7/\">"
    "<link rel=\"stylesheet\" href=\"http://198.51.100.7/site.css\">"
    "<link rel=\"stylesheet\" href=\"file://%s\">"
    "<script src=\"http://198.51.100.7/app.js\"></script></head><body>"
    "<img src=\"http://198.51.100.7/pixel.gif\"><img src=\"file://%s\">"
    "<iframe src=\"file://%s\"></iframe>"
    "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file://%s\"/>"
    "<article><p>%s</p><p>%s</p></article></body></html>",
    fifo_path, fifo_path, fifo_path, fifo_path, prose, prose);
  return bytes_from_string (page);
}

static GBytes *
make_rtl_and_combining (void)
{
  return bytes_from_string ("שלום עולם, זהו מאמר קצר על העירייה והספרייה המרכזית בעיר.\n\n"
                            "مرحبا بالعالم، هذه مقالة قصيرة عن البلدية والمكتبة المركزية.\n\n"
                            "Le cafe\xcc\x81 a rouvert; Zoe\xcc\x88 y e\xcc\x81tait, avec A\xcc\x8angstro\xcc\x88m.\n");
}

static GBytes *
make_control_characters (void)
{
  g_autofree char *text = g_strdup_printf ("Council \x1b]0;PWNED\x07votes\n\n%s \x1b[31mred\x1b[0m "
                                           "and \x1e a separator, \xc2\x85 a C1 control.\n\n%s\n",
                                           prose, prose);
  return bytes_from_string (text);
}

static GBytes *
make_hostile_url (void)
{
  g_autofree char *page = g_strdup_printf (
    "<html><head><meta property=\"og:url\" content=\"https://x.test/a><img src=x onerror=alert(1)>\">"
    "</head><body><article><p>%s</p><p>%s</p></article></body></html>", prose, prose);
  return bytes_from_string (page);
}

static const HostileCase cases[] = {
  { "empty", make_empty, EXPECT_ERROR, GLOSS_ERROR_EMPTY },
  { "whitespace-only", make_whitespace, EXPECT_ERROR, GLOSS_ERROR_EMPTY },
  { "png", make_png, EXPECT_ERROR, GLOSS_ERROR_BINARY },
  { "elf", make_elf, EXPECT_ERROR, GLOSS_ERROR_BINARY },
  { "zip", make_zip, EXPECT_ERROR, GLOSS_ERROR_BINARY },
  { "gzip-not-decompressing", make_bad_gzip, EXPECT_ERROR, GLOSS_ERROR_BINARY },
  { "invalid-utf8", make_invalid_utf8, EXPECT_ARTICLE, 0, "extend the opening hours" },
  { "utf16le-bom", make_utf16le_bom, EXPECT_ARTICLE, 0, "Der Bürgermeister" },
  { "utf16be-bom", make_utf16be_bom, EXPECT_ARTICLE, 0, "Der Bürgermeister" },
  { "utf16le-no-bom", make_utf16le_no_bom, EXPECT_ARTICLE, 0, "Der Bürgermeister" },
  { "charset-lies", make_lying_charset, EXPECT_ARTICLE, 0, "Le café a rouvert", "Ã" },
  { "nesting-10000", make_deep_nesting, EXPECT_EITHER, GLOSS_ERROR_NO_ARTICLE },
  { "paragraph-5mb", make_huge_paragraph, EXPECT_ARTICLE, 0, "word, another word." },
  { "million-paragraphs", make_million_paragraphs, EXPECT_ERROR, GLOSS_ERROR_TOO_LARGE },
  { "million-lines", make_million_lines, EXPECT_EITHER, GLOSS_ERROR_NO_ARTICLE },
  { "entity-bomb", make_entity_bomb, EXPECT_ARTICLE, 0, "extend the opening hours", "aaaaaaaaaaaaaaaaaaaaaaaa" },
  { "active-content", make_active_content, EXPECT_ARTICLE, 0, "the minutes were published", "RAN" },
  { "remote-references", make_remote_references, EXPECT_ARTICLE, 0, "extend the opening hours", "198.51.100.7" },
  { "rtl-and-combining", make_rtl_and_combining, EXPECT_ARTICLE, 0, "מאמר קצר" },
  { "control-characters", make_control_characters, EXPECT_ARTICLE, 0, "extend the opening hours", "PWNED\x07" },
  { "hostile-url", make_hostile_url, EXPECT_ARTICLE, 0, "extend the opening hours", "<img" },
};

static char *
dup_whole_article (GlossArticle *article)
{
  g_autofree char *body = gloss_article_dup_body_text (article);

  return g_strjoin ("\n", gloss_article_get_title (article) ?: "", gloss_article_get_byline (article) ?: "",
                    gloss_article_get_site_name (article) ?: "", gloss_article_get_url (article) ?: "",
                    body, NULL);
}

static void
check_sane_article (GlossArticle      *article,
                    const HostileCase *hostile)
{
  g_autofree char *body = gloss_article_dup_body_text (article);
  g_autofree char *everything = dup_whole_article (article);
  guint n_blocks = gloss_article_get_n_blocks (article);

  g_assert_cmpuint (n_blocks, >, 0);
  for (guint i = 0; i < n_blocks; i++)
    {
      const GlossBlock *block = gloss_article_get_block (article, i);
      const char *text = gloss_block_get_text (block);
      g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);

      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_assert_cmpstr (nfc, ==, text);
      /* No control character reaches the store or a terminal. */
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        g_assert_false (g_unichar_iscntrl (g_utf8_get_char (p)));
      g_assert_cmpint (gloss_block_get_length (block), ==, g_utf8_strlen (text, -1));
    }
  if (hostile->must_contain != NULL && strstr (body, hostile->must_contain) == NULL)
    g_error ("%s: “%s” missing from:\n%s", hostile->name, hostile->must_contain, body);
  if (hostile->must_not_contain != NULL && strstr (everything, hostile->must_not_contain) != NULL)
    g_error ("%s: “%s” must not appear in:\n%s", hostile->name, hostile->must_not_contain, everything);
}

static void
run_case (gconstpointer data)
{
  const HostileCase *hostile = data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = NULL;
  guint attempts_before = network_attempts;

  bytes = hostile->make ();
  article = gloss_extract (bytes, NULL, &error);

  g_assert_cmpuint (network_attempts, ==, attempts_before);
  g_assert_true ((article == NULL) != (error == NULL));

  if (article == NULL)
    {
      if (hostile->expect == EXPECT_ARTICLE)
        g_error ("%s: expected an article, got: %s", hostile->name, error->message);
      g_assert_true (error->domain == GLOSS_ERROR);
      g_assert_cmpint (error->code, ==, hostile->error_code);
      g_assert_cmpuint (strlen (error->message), >, 10);
      return;
    }

  if (hostile->expect == EXPECT_ERROR)
    g_error ("%s: expected error %d, got an article", hostile->name, hostile->error_code);
  check_sane_article (article, hostile);
}

/* Heavy cases run in a child process, so their peak memory is measured on
 * its own: the limit is generous, but a leak or a quadratic blow-up per
 * paragraph would cross it. */
static void
run_case_bounded (gconstpointer data)
{
  const HostileCase *hostile = data;
  struct rusage usage;

  if (g_test_subprocess ())
    {
      run_case (data);
      return;
    }

  /* Under AddressSanitizer, the suite asks for slow, precise stack traces
   * on every allocation; a million paragraphs make millions of them, which
   * turns seconds into many minutes.  The child keeps leak detection with
   * ordinary stack traces. */
  {
    const char *asan = g_getenv ("ASAN_OPTIONS");

    if (asan != NULL && strstr (asan, "fast_unwind_on_malloc=0") != NULL)
      {
        g_autoptr(GString) fast = g_string_new (asan);

        g_string_replace (fast, "fast_unwind_on_malloc=0", "fast_unwind_on_malloc=1", 0);
        g_setenv ("ASAN_OPTIONS", fast->str, TRUE);
      }
  }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_assert_cmpint (getrusage (RUSAGE_CHILDREN, &usage), ==, 0);
  g_test_message ("%s: peak memory %ld MB", hostile->name, usage.ru_maxrss / 1024);
  g_assert_cmpint (usage.ru_maxrss / 1024, <, 1536);
}

static void
test_offsets_in_code_points (void)
{
  g_autoptr(GBytes) bytes = make_rtl_and_combining ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = gloss_extract (bytes, NULL, &error);
  g_autoptr(GlossAnchor) anchor = NULL;
  const char *quote = "Zoë y était";
  const char *block;
  guint index = G_MAXUINT;

  g_assert_no_error (error);
  for (guint i = 0; i < gloss_article_get_n_blocks (article); i++)
    if (strstr (gloss_block_get_text (gloss_article_get_block (article, i)), "Zoë") != NULL)
      index = i;
  g_assert_cmpuint (index, !=, G_MAXUINT);
  block = gloss_block_get_text (gloss_article_get_block (article, index));

  /* The decomposed "e + ◌̈" became one code point, and offsets count those. */
  anchor = gloss_anchor_new_for_quote (article, quote, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (anchor->start_block, ==, index);
  g_assert_cmpint (anchor->start_offset, ==, g_utf8_pointer_to_offset (block, strstr (block, quote)));
  g_assert_cmpint (anchor->end_offset - anchor->start_offset, ==, g_utf8_strlen (quote, -1));
  g_assert_cmpint (g_utf8_strlen (quote, -1), ==, 11);
}

/* Also the extract tests' case of a file over the limit. */
static void
test_huge_file_refused_quickly (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  FILE *f = fopen (path, "w");

  /* 200 MB, sparse: refusing it must not read it. */
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, 200 * 1024 * 1024, SEEK_SET), ==, 0);
  fputc ('x', f);
  fclose (f);

  bytes = gloss_extract_load_file (file, 64 * 1024 * 1024, NULL, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  g_assert_null (bytes);
  g_assert_nonnull (strstr (error->message, "64.0"));
  g_assert_nonnull (strstr (error->message, "MiB"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_special_files_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) fifo = g_file_new_for_path (fifo_path);
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(GBytes) bytes = NULL;

  /* Reading either would never end. */
  bytes = gloss_extract_load_file (fifo, 64 * 1024 * 1024, NULL, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_IO);
  g_assert_null (bytes);
  g_clear_error (&error);

  bytes = gloss_extract_load_file (zero, 64 * 1024 * 1024, NULL, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_IO);
  g_assert_null (bytes);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *fifo_dir = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  fifo_dir = g_dir_make_tmp ("gloss-fifo-XXXXXX", NULL);
  fifo_path = g_build_filename (fifo_dir, "trap.fifo", NULL);
  g_assert_cmpint (mkfifo (fifo_path, 0600), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/hostile/%s", cases[i].name);
      gboolean heavy = g_str_has_prefix (cases[i].name, "million") ||
                       g_str_has_prefix (cases[i].name, "paragraph-") ||
                       g_str_has_prefix (cases[i].name, "nesting");

      g_test_add_data_func (path, &cases[i], heavy ? run_case_bounded : run_case);
    }
  g_test_add_func ("/core/hostile/offsets-in-code-points", test_offsets_in_code_points);
  g_test_add_func ("/core/hostile/200mb-refused-quickly", test_huge_file_refused_quickly);
  g_test_add_func ("/core/hostile/special-files-refused", test_special_files_refused);

  status = g_test_run ();

  g_unlink (fifo_path);
  g_rmdir (fifo_dir);
  g_free (fifo_path);
  return status;
}
