/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cli-fetch"

#include "config.h"

#include <cairo.h>
#include <cairo-pdf.h>

#include "cli-fixture.h"
#include "test-server.h"

/* gloss-cli fetch, check-updates, versions and diff against a server on
 * 127.0.0.1, as a script following a story would use them. */

#define PAGE(figure, extra) \
  "<!doctype html><html><head><title>Minister denies report</title></head><body><article>" \
  "<h1>Minister denies report</h1>" \
  "<p>The minister said on Monday that the contract was worth " figure " million euros and " \
  "that the report was wrong in every detail.</p>" \
  "<p>He insisted that no money had changed hands at any point during the talks.</p>" extra \
  "</article></body></html>"

static TestServer *server;

static JsonObject *
nth_line (const char *out,
          guint       n)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), >, n);
  return parse_object (lines[n]);
}

static void
test_follow_story (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *url = test_server_url (server, "/story");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonObject) object = NULL;
  JsonObject *provenance;
  JsonArray *changes;
  gboolean found = FALSE;
  guint before;

  test_server_set_html (server, "/story", PAGE ("40", ""), "\"v1\"");
  g_assert_cmpint (run_cli (fixture, &out, "fetch", "--json", url, NULL), ==, 0);
  object = parse_object (out);
  g_assert_cmpstr (json_object_get_string_member (object, "action"), ==, "imported");
  g_assert_cmpint (json_object_get_int_member (object, "article"), ==, 1);
  provenance = json_object_get_object_member (object, "provenance");
  g_assert_cmpstr (json_object_get_string_member (provenance, "final_url"), ==, url);
  g_assert_cmpstr (json_object_get_string_member (provenance, "etag"), ==, "\"v1\"");
  g_assert_cmpint (json_object_get_int_member (provenance, "http_status"), ==, 200);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&object, json_object_unref);

  /* Unchanged: a conditional request, and nothing new. */
  g_assert_cmpint (run_cli (fixture, &out, "check-updates", "--json", NULL), ==, 0);
  object = parse_object (out);
  g_assert_cmpstr (json_object_get_string_member (object, "action"), ==, "unchanged");
  g_assert_cmpstr (test_server_last_header (server, "If-None-Match"), ==, "\"v1\"");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&object, json_object_unref);

  /* The outlet corrects the figure and adds a paragraph. */
  test_server_set_html (server, "/story",
                        PAGE ("14", "<p>This story was corrected on Tuesday.</p>"), "\"v2\"");
  g_assert_cmpint (run_cli (fixture, &out, "check-updates", "1", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Article 1: updated: 2 paragraphs changed, 0 annotations moved, "
                            "0 orphaned\n");
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (fixture, &out, "versions", "--json", "1", NULL), ==, 0);
  object = nth_line (out, 0);
  g_assert_cmpint (json_object_get_int_member (object, "number"), ==, 1);
  g_assert_false (json_object_get_boolean_member (object, "current"));
  provenance = json_object_get_object_member (object, "provenance");
  g_assert_cmpstr (json_object_get_string_member (provenance, "etag"), ==, "\"v1\"");
  g_clear_pointer (&object, json_object_unref);
  object = nth_line (out, 1);
  g_assert_true (json_object_get_boolean_member (object, "current"));
  provenance = json_object_get_object_member (object, "provenance");
  g_assert_cmpstr (json_object_get_string_member (provenance, "etag"), ==, "\"v2\"");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&object, json_object_unref);

  g_assert_cmpint (run_cli (fixture, &out, "diff", "--json", "1", NULL), ==, 0);
  object = parse_object (out);
  g_assert_cmpint (json_object_get_int_member (object, "from"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "to"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, "changed_paragraphs"), ==, 2);
  changes = json_object_get_array_member (object, "changes");
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      JsonObject *position = json_object_get_object_member (change, "new");

      if (g_str_equal (json_object_get_string_member (change, "deleted"), "40"))
        {
          g_assert_cmpstr (json_object_get_string_member (change, "inserted"), ==, "14");
          g_assert_cmpint (json_object_get_int_member (position, "start_block"), ==, 0);
          g_assert_cmpint (json_object_get_int_member (position, "start_offset"), ==, 56);
          g_assert_cmpint (json_object_get_int_member (position, "end_offset"), ==, 58);
          found = TRUE;
        }
    }
  g_assert_true (found);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (fixture, &out, "diff", "--markdown", "--from", "1", "--to", "2", "1",
                            NULL), ==, 0);
  g_assert_nonnull (strstr (out, "## Changes from version 1 to version 2"));
  g_assert_nonnull (strstr (out, "~~40~~ **14**"));
  g_assert_nonnull (strstr (out, "**This story was corrected on Tuesday.**"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (fixture, &out, "diff", "--html", "1", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "<del>40</del> <ins>14</ins>"));
  g_clear_pointer (&out, g_free);

  /* Fetching the link again finds the story, and nothing changed. */
  g_assert_cmpint (run_cli (fixture, &out, "fetch", url, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Article 1: unchanged\n");
  g_clear_pointer (&out, g_free);

  /* Switched off: not one request. */
  before = test_server_n_requests (server);
  g_setenv ("GLOSS_OFFLINE", "1", TRUE);
  g_assert_cmpint (run_cli_full (fixture, &out, &err, "fetch", url, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "network is turned off"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli_full (fixture, NULL, &err, "check-updates", NULL), ==, 1);
  g_unsetenv ("GLOSS_OFFLINE");
  g_assert_cmpint (run_cli_full (fixture, NULL, NULL, "check-updates", "--offline", NULL), ==, 1);
  g_assert_cmpuint (test_server_n_requests (server), ==, before);
}

static void
test_fetch_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *missing = test_server_url (server, "/missing");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli_full (fixture, &out, &err, "fetch", missing, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "404"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli_full (fixture, &out, &err, "fetch", "ftp://example.org/", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "not a web address"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli_full (fixture, &out, &err, "versions", "7", NULL), ==, 1);
  g_assert_cmpint (run_cli_full (fixture, &out, &err, "diff", "--json", "--markdown", "1", NULL),
                   ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli_full (fixture, &out, &err, "diff", "--markdown", "--html", "1", NULL),
                   ==, 2);
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A two-page press release, drawn now. */
static GBytes *
make_pdf (void)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_to_array, bytes, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 10);
  for (guint page = 0; page < 2; page++)
    {
      cairo_move_to (cr, 60, 100);
      cairo_show_text (cr, page == 0 ? "Press release: the port authority will publish the"
                                     : "The authority said it would answer questions from the");
      cairo_move_to (cr, 60, 114);
      cairo_show_text (cr, page == 0 ? "inspection reports on the harbour cranes next month."
                                     : "press after the reports are published in full.");
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

static void
test_fetch_pdf (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *url = test_server_url (server, "/release.pdf");
  g_autofree char *out = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GBytes) pdf = make_pdf ();
  JsonObject *provenance;
  TestPage page = { 0 };

  page.content_type = (char *) "application/pdf";
  page.body = pdf;
  test_server_set_page (server, "/release.pdf", &page);
  g_assert_cmpint (run_cli (fixture, &out, "fetch", "--json", url, NULL), ==, 0);
  object = parse_object (out);
  g_assert_cmpstr (json_object_get_string_member (object, "action"), ==, "imported");
  provenance = json_object_get_object_member (object, "provenance");
  g_assert_cmpint (json_object_get_int_member (provenance, "pages"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (provenance, "content_type"), ==,
                   "application/pdf");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (fixture, &out, "show", "1", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "inspection reports on the harbour cranes next month."));
  g_assert_nonnull (strstr (out, "questions from the press after"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  /* gloss-cli inherits these: no desktop proxy settings in a test. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_unsetenv ("GLOSS_OFFLINE");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  server = test_server_start (FALSE, &error);
  g_assert_no_error (error);

  g_test_add ("/cli/fetch/follow-story", Fixture, NULL, gloss_test_library_set_up, test_follow_story,
              gloss_test_library_tear_down);
  g_test_add ("/cli/fetch/pdf", Fixture, NULL, gloss_test_library_set_up, test_fetch_pdf,
              gloss_test_library_tear_down);
  g_test_add ("/cli/fetch/errors", Fixture, NULL, gloss_test_library_set_up, test_fetch_errors,
              gloss_test_library_tear_down);

  status = g_test_run ();
  test_server_stop (server);
  return status;
}
