/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-fetch"

#include "config.h"

#include "gloss-core.h"
#include "test-server.h"

/* Fetching a story by its link, against a real server on 127.0.0.1: what
 * a user sees is the page or a clear reason why not, and the provenance
 * that says where the words came from. */

#define STORY \
  "<!doctype html><html><head><title>Minister denies report</title></head><body><article>" \
  "<h1>Minister denies report</h1>" \
  "<p>The minister said on Monday that the report about the contract was wrong in every " \
  "detail and that no money had changed hands.</p>" \
  "<p>Opposition members asked for the documents to be published before the vote next week, " \
  "saying the public had a right to see them.</p>" \
  "</article></body></html>"

static TestServer *server;

static GlossFetchResult *
fetch_path (const char               *path,
            const GlossFetchOptions  *options,
            GError                  **error)
{
  g_autofree char *url = test_server_url (server, path);
  GlossFetchOptions defaults;

  if (options == NULL)
    {
      gloss_fetch_options_init (&defaults, TRUE);
      options = &defaults;
    }
  return gloss_fetch (url, options, NULL, error);
}

static void
test_story (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossFetchResult) result = NULL;
  g_autoptr(GlossArticle) article = NULL;
  g_autofree char *url = test_server_url (server, "/story");
  g_autofree char *sha256 = NULL;
  GlossProvenance *provenance;

  test_server_set_html (server, "/story", STORY, "\"v1\"");
  result = fetch_path ("/story", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result->body);
  g_assert_false (result->not_modified);
  g_assert_cmpint (result->kind, ==, GLOSS_DOCUMENT_HTML);
  g_assert_cmpmem (g_bytes_get_data (result->body, NULL), g_bytes_get_size (result->body),
                   STORY, strlen (STORY));

  provenance = result->provenance;
  g_assert_cmpstr (provenance->requested_url, ==, url);
  g_assert_cmpstr (provenance->final_url, ==, url);
  g_assert_cmpuint (provenance->http_status, ==, 200);
  g_assert_cmpstr (provenance->etag, ==, "\"v1\"");
  g_assert_cmpstr (provenance->last_modified, ==, "Mon, 07 Dec 2026 09:00:00 GMT");
  g_assert_cmpstr (provenance->content_type, ==, "text/html; charset=utf-8");
  g_assert_nonnull (provenance->date);
  g_assert_nonnull (provenance->fetched_at);
  sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, STORY, -1);
  g_assert_cmpstr (provenance->sha256, ==, sha256);
  g_assert_cmpuint (provenance->size, ==, strlen (STORY));

  /* An honest User-Agent, and only documents asked for. */
  g_assert_true (g_str_has_prefix (test_server_last_header (server, "User-Agent"), "Gloss/"));
  g_assert_nonnull (strstr (test_server_last_header (server, "Accept"), "text/html"));

  article = gloss_extract (result->body, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_article_get_title (article), ==, "Minister denies report");
}

static void
test_provenance_json (void)
{
  g_autoptr(GlossProvenance) provenance = gloss_provenance_new ();
  g_autoptr(GlossProvenance) back = NULL;
  g_autofree char *json = NULL;

  provenance->requested_url = g_strdup ("http://example.org/a");
  provenance->final_url = g_strdup ("https://example.org/b");
  provenance->http_status = 200;
  provenance->etag = g_strdup ("W/\"x\"");
  provenance->sha256 = g_strdup ("ab");
  provenance->n_pages = 3;
  json = gloss_provenance_to_json (provenance);
  back = gloss_provenance_from_json (json);
  g_assert_cmpstr (back->requested_url, ==, "http://example.org/a");
  g_assert_cmpstr (back->final_url, ==, "https://example.org/b");
  g_assert_cmpstr (gloss_provenance_get_link (back), ==, "https://example.org/b");
  g_assert_cmpuint (back->http_status, ==, 200);
  g_assert_cmpstr (back->etag, ==, "W/\"x\"");
  g_assert_null (back->date);
  g_assert_cmpuint (back->n_pages, ==, 3);
  g_assert_null (gloss_provenance_from_json ("[1]"));
  g_assert_null (gloss_provenance_from_json (NULL));
}

typedef struct
{
  guint calls;
  guint64 received;
  guint64 total;
  gboolean grew;
} Progress;

static void
progress_cb (guint64  received,
             guint64  total,
             gpointer user_data)
{
  Progress *progress = user_data;

  progress->grew = progress->calls == 0 || received > progress->received;
  progress->calls++;
  progress->received = received;
  progress->total = total;
}

/* A download's progress: the bytes as they come, of the size announced,
 * or counted only when the size is not known beforehand. */
static void
test_progress (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossFetchResult) result = NULL;
  g_autoptr(GString) page = g_string_new ("<html><body><article><h1>Long</h1>");
  TestPage chunked = { 200, (char *) "text/html", NULL, NULL, NULL, NULL, FALSE, TRUE, FALSE };
  Progress progress = { 0 };
  GlossFetchOptions options;
  gsize size;

  while (page->len < 300000)
    g_string_append (page, "<p>The council met again on Thursday to discuss the harbour.</p>");
  g_string_append (page, "</article></body></html>");
  size = page->len;
  test_server_set_html (server, "/long", page->str, NULL);
  gloss_fetch_options_init (&options, TRUE);
  options.progress = progress_cb;
  options.progress_data = &progress;
  result = fetch_path ("/long", &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (progress.calls, >=, 3);
  g_assert_true (progress.grew);
  g_assert_cmpuint (progress.received, ==, size);
  g_assert_cmpuint (progress.total, ==, size);
  g_clear_pointer (&result, gloss_fetch_result_free);

  chunked.body = g_string_free_to_bytes (g_steal_pointer (&page));
  test_server_set_page (server, "/long", &chunked);
  g_bytes_unref (chunked.body);
  progress = (Progress) { 0 };
  result = fetch_path ("/long", &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (progress.received, ==, size);
  g_assert_cmpuint (progress.total, ==, 0);
}

static void
test_not_modified (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossFetchResult) result = NULL;
  GlossFetchOptions options;

  test_server_set_html (server, "/story", STORY, "\"v1\"");
  gloss_fetch_options_init (&options, TRUE);
  options.if_none_match = "\"v1\"";
  options.if_modified_since = "Mon, 07 Dec 2026 09:00:00 GMT";
  result = fetch_path ("/story", &options, &error);
  g_assert_no_error (error);
  g_assert_true (result->not_modified);
  g_assert_null (result->body);
  g_assert_cmpuint (result->provenance->http_status, ==, 304);
  g_assert_cmpstr (test_server_last_header (server, "If-None-Match"), ==, "\"v1\"");
  g_assert_cmpstr (test_server_last_header (server, "If-Modified-Since"), ==,
                   "Mon, 07 Dec 2026 09:00:00 GMT");
  g_clear_pointer (&result, gloss_fetch_result_free);

  /* The story was edited: a new ETag, so the body comes. */
  test_server_set_html (server, "/story", STORY, "\"v2\"");
  result = fetch_path ("/story", &options, &error);
  g_assert_no_error (error);
  g_assert_false (result->not_modified);
  g_assert_nonnull (result->body);
  g_assert_cmpstr (result->provenance->etag, ==, "\"v2\"");
}

static void
set_redirect (const char *from,
              const char *to,
              guint       status)
{
  TestPage page = { 0 };

  page.status = status;
  page.location = (char *) to;
  test_server_set_page (server, from, &page);
}

static void
test_redirects (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossFetchResult) result = NULL;
  g_autofree char *asked = test_server_url (server, "/r3");
  g_autofree char *story = test_server_url (server, "/story");
  GlossFetchOptions options;

  test_server_set_html (server, "/story", STORY, NULL);
  set_redirect ("/r3", "/r2", SOUP_STATUS_MOVED_PERMANENTLY);
  set_redirect ("/r2", "r1", SOUP_STATUS_FOUND);
  set_redirect ("/r1", story, SOUP_STATUS_TEMPORARY_REDIRECT);
  result = fetch_path ("/r3", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result->provenance->requested_url, ==, asked);
  g_assert_cmpstr (result->provenance->final_url, ==, story);
  g_assert_cmpuint (result->provenance->http_status, ==, 200);

  gloss_fetch_options_init (&options, TRUE);
  options.max_redirects = 2;
  g_assert_null (fetch_path ("/r3", &options, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "more than 2"));
  g_clear_error (&error);

  set_redirect ("/loop-a", "/loop-b", SOUP_STATUS_FOUND);
  set_redirect ("/loop-b", "/loop-a", SOUP_STATUS_FOUND);
  g_assert_null (fetch_path ("/loop-a", NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "loop"));
  g_clear_error (&error);

  set_redirect ("/to-file", "file:///etc/passwd", SOUP_STATUS_FOUND);
  g_assert_null (fetch_path ("/to-file", NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NETWORK);
}

static void
test_http_errors (void)
{
  g_autoptr(GError) error = NULL;
  TestPage page = { 0 };

  g_assert_null (fetch_path ("/nowhere", NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "404 Not Found"));
  g_clear_error (&error);

  page.status = SOUP_STATUS_INTERNAL_SERVER_ERROR;
  page.content_type = (char *) "text/html";
  test_server_set_page (server, "/broken", &page);
  g_assert_null (fetch_path ("/broken", NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "500"));
}

static void
test_timeout (void)
{
  g_autoptr(GError) error = NULL;
  GlossFetchOptions options;
  TestPage page = { 0 };

  page.never_answer = TRUE;
  test_server_set_page (server, "/slow", &page);
  gloss_fetch_options_init (&options, TRUE);
  options.timeout_seconds = 1;
  g_assert_null (fetch_path ("/slow", &options, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "did not answer"));
}

static void
fetched (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GError **error = user_data;

  g_assert_null (gloss_fetch_finish (result, error));
}

static void
test_cancel (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *url = test_server_url (server, "/slow");
  GlossFetchOptions options;
  TestPage page = { 0 };
  guint before = test_server_n_requests (server);

  page.never_answer = TRUE;
  test_server_set_page (server, "/slow", &page);
  gloss_fetch_options_init (&options, TRUE);
  gloss_fetch_async (url, &options, cancellable, fetched, &error);
  /* Cancel once the server holds the request, as a user pressing Cancel
   * while the page does not come. */
  while (test_server_n_requests (server) == before)
    g_main_context_iteration (NULL, FALSE);
  g_cancellable_cancel (cancellable);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static GBytes *
make_body (gsize size)
{
  GString *text = g_string_new ("<html><body><p>");

  while (text->len < size)
    g_string_append (text, "All work and no play makes a long page. ");
  return g_string_free_to_bytes (text);
}

static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = make_body (5000);
  GlossFetchOptions options;
  TestPage page = { 0 };

  gloss_fetch_options_init (&options, TRUE);
  options.max_bytes = 1000;
  page.content_type = (char *) "text/html";
  page.body = body;
  test_server_set_page (server, "/big", &page);
  page.chunked = TRUE;
  test_server_set_page (server, "/big-chunked", &page);
  page.chunked = FALSE;
  page.gzip = TRUE;
  test_server_set_page (server, "/big-gzip", &page);

  g_assert_null (fetch_path ("/big", &options, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_null (fetch_path ("/big-chunked", &options, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
  g_clear_error (&error);
  /* Small on the wire, over the limit once unpacked. */
  g_assert_null (fetch_path ("/big-gzip", &options, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE);
}

static void
test_gzip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossFetchResult) result = NULL;
  g_autoptr(GBytes) body = g_bytes_new_static (STORY, strlen (STORY));
  TestPage page = { 0 };

  page.content_type = (char *) "text/html";
  page.body = body;
  page.gzip = TRUE;
  test_server_set_page (server, "/gzip", &page);
  result = fetch_path ("/gzip", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (test_server_last_header (server, "Accept-Encoding"), "gzip"));
  g_assert_true (g_bytes_equal (result->body, body));
}

static void
test_header_charset (void)
{
  static const char *html =
    "<html><head><title>Новости</title></head><body><article><h1>Министр опроверг сообщение</h1>"
    "<p>Министр заявил в понедельник, что сообщение о контракте было неверным во всех деталях, "
    "и что деньги никому не передавались.</p>"
    "<p>Члены оппозиции потребовали опубликовать документы до голосования на следующей неделе.</p>"
    "</article></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossFetchResult) result = NULL;
  g_autoptr(GBytes) utf8 = NULL;
  g_autoptr(GlossArticle) article = NULL;
  g_autofree char *koi8 = NULL;
  gsize koi8_length = 0;
  TestPage page = { 0 };
  g_autoptr(GBytes) body = NULL;

  koi8 = g_convert (html, -1, "KOI8-R", "UTF-8", NULL, &koi8_length, &error);
  g_assert_no_error (error);
  body = g_bytes_new (koi8, koi8_length);
  page.content_type = (char *) "text/html; charset=KOI8-R";
  page.body = body;
  test_server_set_page (server, "/koi8", &page);

  result = fetch_path ("/koi8", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result->charset, ==, "KOI8-R");
  utf8 = gloss_fetch_result_dup_utf8 (result);
  article = gloss_extract (utf8, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_article_get_title (article), ==, "Новости");
  {
    GString *text = g_string_new (NULL);

    for (guint i = 0; i < gloss_article_get_n_blocks (article); i++)
      g_string_append (text, gloss_block_get_text (gloss_article_get_block (article, i)));
    g_assert_nonnull (strstr (text->str, "Министр заявил в понедельник"));
    g_string_free (text, TRUE);
  }
}

static void
test_not_a_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossFetchResult) result = NULL;
  g_autoptr(GBytes) png = g_bytes_new_static ("\x89PNG\r\n\x1a\n", 8);
  g_autoptr(GBytes) text = g_bytes_new_static ("Minister denies report\n\nThe minister said on "
                                               "Monday that the report was wrong in every "
                                               "detail and that no money had changed hands.\n", 120);
  TestPage page = { 0 };

  page.content_type = (char *) "image/png";
  page.body = png;
  test_server_set_page (server, "/picture", &page);
  g_assert_null (fetch_path ("/picture", NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "image"));
  g_clear_error (&error);

  page.content_type = (char *) "text/plain; charset=utf-8";
  page.body = text;
  test_server_set_page (server, "/plain", &page);
  result = fetch_path ("/plain", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->kind, ==, GLOSS_DOCUMENT_TEXT);

  g_assert_null (gloss_fetch ("file:///etc/passwd", &(GlossFetchOptions) { .network_allowed = TRUE,
                                                                           .max_bytes = 1000 },
                              NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT);
}

static void
test_tls_self_signed (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  TestServer *https;

  https = test_server_start (TRUE, &error);
  g_assert_no_error (error);
  test_server_set_html (https, "/story", STORY, NULL);
  url = test_server_url (https, "/story");
  g_assert_true (g_str_has_prefix (url, "https://"));
  {
    GlossFetchOptions options;

    gloss_fetch_options_init (&options, TRUE);
    g_assert_null (gloss_fetch (url, &options, NULL, &error));
  }
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "certificate"));
  g_assert_cmpuint (test_server_n_requests (https), ==, 0);
  test_server_stop (https);
}

static void
test_offline (void)
{
  g_autoptr(GError) error = NULL;
  GlossFetchOptions options;
  guint before = test_server_n_requests (server);

  test_server_set_html (server, "/story", STORY, NULL);
  gloss_fetch_options_init (&options, FALSE);
  g_assert_null (fetch_path ("/story", &options, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_OFFLINE);
  g_assert_cmpuint (test_server_n_requests (server), ==, before);

  g_setenv ("GLOSS_OFFLINE", "1", TRUE);
  g_assert_false (gloss_fetch_network_allowed_from_env ());
  g_setenv ("GLOSS_OFFLINE", "0", TRUE);
  g_assert_true (gloss_fetch_network_allowed_from_env ());
  g_unsetenv ("GLOSS_OFFLINE");
  g_assert_true (gloss_fetch_network_allowed_from_env ());
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  /* No proxy between the test and its server: the desktop's proxy
   * resolver reads GSettings schemas a test environment does not have. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_unsetenv ("http_proxy");
  g_unsetenv ("https_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_unsetenv ("HTTPS_PROXY");
  g_unsetenv ("GLOSS_OFFLINE");

  server = test_server_start (FALSE, &error);
  g_assert_no_error (error);

  g_test_add_func ("/core/fetch/story", test_story);
  g_test_add_func ("/core/fetch/provenance-json", test_provenance_json);
  g_test_add_func ("/core/fetch/not-modified", test_not_modified);
  g_test_add_func ("/core/fetch/progress", test_progress);
  g_test_add_func ("/core/fetch/redirects", test_redirects);
  g_test_add_func ("/core/fetch/http-errors", test_http_errors);
  g_test_add_func ("/core/fetch/timeout", test_timeout);
  g_test_add_func ("/core/fetch/cancel", test_cancel);
  g_test_add_func ("/core/fetch/too-large", test_too_large);
  g_test_add_func ("/core/fetch/gzip", test_gzip);
  g_test_add_func ("/core/fetch/header-charset", test_header_charset);
  g_test_add_func ("/core/fetch/not-a-page", test_not_a_page);
  g_test_add_func ("/core/fetch/tls-self-signed", test_tls_self_signed);
  g_test_add_func ("/core/fetch/offline", test_offline);

  status = g_test_run ();
  test_server_stop (server);
  return status;
}
