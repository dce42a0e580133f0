/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-versions"

#include "config.h"

#include <glib/gstdio.h>

#include "gloss-core.h"
#include "test-seed.h"
#include "test-server.h"

/* A story followed by its link: fetched, annotated, edited by the outlet,
 * checked again.  What a user checks: a new version only when the words
 * changed, where it came from, the annotations' new places and the counts
 * the app's toast gives, the words changed, the older version back. */

#define HEAD "<!doctype html><html><head><title>Minister denies report</title>" \
  "<meta property=\"og:site_name\" content=\"Daily Example\"></head><body><article>" \
  "<h1>Minister denies report</h1>"
#define CLAIM "the contract was worth 40 million euros"
#define DENIAL "no money had changed hands"
#define DOOMED "Opposition members asked for the documents to be published before the vote"

static const char story_v1[] = HEAD
  "<p>The minister said on Monday that " CLAIM " and that the report was wrong in every detail.</p>"
  "<p>He insisted that " DENIAL " at any point during the negotiations.</p>"
  "<p>" DOOMED " next week, saying the public had a right to see them.</p>"
  "</article></body></html>";

static const char story_v2[] = HEAD
  "<p>The minister said on Monday that the contract was worth 14 million euros and that the report "
  "was wrong in every detail.</p>"
  "<p>He insisted that " DENIAL " at any point during the negotiations.</p>"
  "<p>A spokesman later said the papers would stay confidential for now.</p>"
  "</article></body></html>";

typedef struct
{
  GlossTestLibrary library;
  TestServer *server;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  gloss_test_library_set_up_open (&fixture->library, data);
  fixture->server = test_server_start (FALSE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_server_stop (fixture->server);
  gloss_test_library_tear_down (&fixture->library, data);
}

static GlossFetchResult *
fetch (Fixture    *fixture,
       const char *etag)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = test_server_url (fixture->server, "/story");
  GlossFetchOptions options;
  GlossFetchResult *result;

  gloss_fetch_options_init (&options, TRUE);
  options.if_none_match = etag;
  result = gloss_fetch (url, &options, NULL, &error);
  g_assert_no_error (error);
  return result;
}

static gint64
annotate (GlossStore          *store,
          gint64               article_id,
          GlossAnnotationKind  kind,
          const char          *quote,
          GlossVerdict         verdict)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossAnnotation) annotation = gloss_test_annotation_new (store, article_id, kind, quote);

  if (verdict != GLOSS_VERDICT_NONE)
    gloss_annotation_set_verdict (annotation, verdict);
  g_assert_true (gloss_store_add_annotation (store, annotation, &error));
  return gloss_annotation_get_id (annotation);
}

static gint64
import_fetched (Fixture          *fixture,
                GlossFetchResult *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = gloss_fetch_result_dup_utf8 (result);
  gint64 id;

  id = gloss_store_import_with_provenance (fixture->library.store, bytes, NULL, NULL, result->provenance,
                                           NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_story_followed (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossFetchResult) first = NULL;
  g_autoptr(GlossFetchResult) again = NULL;
  g_autoptr(GlossFetchResult) edited = NULL;
  g_autoptr(GlossProvenance) stored = NULL;
  g_autoptr(GlossArticleLink) link = NULL;
  g_autoptr(GlossArticle) new_copy = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GlossArticle) old_text = NULL;
  g_autoptr(GlossArticle) new_text = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *url = test_server_url (fixture->server, "/story");
  g_autofree char *rated = NULL;
  GlossUpdateReport report;
  GlossArticleVersion *version;
  gboolean needs_review = FALSE;
  gboolean found_figure = FALSE;
  gint64 id, claim, denial, doomed;

  test_server_set_html (fixture->server, "/story", story_v1, "\"v1\"");
  first = fetch (fixture, NULL);
  id = import_fetched (fixture, first);

  stored = gloss_store_dup_provenance (fixture->library.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->requested_url, ==, url);
  g_assert_cmpstr (stored->etag, ==, "\"v1\"");
  g_assert_cmpuint (stored->http_status, ==, 200);
  g_assert_cmpstr (stored->sha256, ==, first->provenance->sha256);

  claim = annotate (fixture->library.store, id, GLOSS_ANNOTATION_CLAIM, CLAIM, GLOSS_VERDICT_FALSE);
  denial = annotate (fixture->library.store, id, GLOSS_ANNOTATION_DENIAL, DENIAL, GLOSS_VERDICT_NONE);
  doomed = annotate (fixture->library.store, id, GLOSS_ANNOTATION_QUESTION, DOOMED, GLOSS_VERDICT_NONE);

  /* Unchanged: the server says so, nothing is downloaded or stored. */
  link = gloss_store_dup_article_link (fixture->library.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (link->url, ==, url);
  g_assert_cmpstr (link->etag, ==, "\"v1\"");
  again = fetch (fixture, link->etag);
  g_assert_true (again->not_modified);

  /* The outlet edits the story. */
  test_server_set_html (fixture->server, "/story", story_v2, "\"v2\"");
  edited = fetch (fixture, link->etag);
  g_assert_false (edited->not_modified);
  bytes = gloss_fetch_result_dup_utf8 (edited);
  new_copy = gloss_extract (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_store_find_same_story (fixture->library.store, gloss_provenance_get_link (edited->provenance),
                                                new_copy, &error), ==, id);

  annotations = gloss_store_update_article_full (fixture->library.store, id, bytes, NULL, NULL,
                                                 edited->provenance, &report, &error);
  g_assert_no_error (error);
  g_assert_false (report.unchanged);
  g_assert_cmpuint (report.n_changed_blocks, ==, 2);
  g_assert_cmpuint (report.n_anchored, ==, 1);
  g_assert_cmpuint (report.n_moved, ==, 1);
  g_assert_cmpuint (report.n_orphaned, ==, 1);

  /* The claim was rated on words that changed: they are kept, and its
   * verdict waits for review; the denial's words did not change. */
  g_assert_true (gloss_store_get_rated_words (fixture->library.store, claim, &rated, &needs_review, &error));
  g_assert_cmpstr (rated, ==, CLAIM);
  g_assert_true (needs_review);
  g_clear_pointer (&rated, g_free);
  g_assert_true (gloss_store_get_rated_words (fixture->library.store, denial, &rated, &needs_review, &error));
  g_assert_null (rated);
  g_assert_false (needs_review);
  g_assert_true (gloss_store_get_rated_words (fixture->library.store, doomed, &rated, &needs_review, &error));
  g_assert_null (rated);
  {
    g_autoptr(GBytes) markdown = gloss_export_to_bytes (fixture->library.store, &id, 1,
                                                        GLOSS_EXPORT_MARKDOWN,
                                                        GLOSS_EXPORT_ORDER_POSITION, &error);
    g_autofree char *text = NULL;

    g_assert_no_error (error);
    text = g_strndup (g_bytes_get_data (markdown, NULL), g_bytes_get_size (markdown));
    g_assert_nonnull (strstr (text, "wording changed since it was rated: was “" CLAIM "”, now “"));
    g_assert_nonnull (strstr (text, "the verdict is to be reviewed"));
  }
  g_assert_true (gloss_store_confirm_wording (fixture->library.store, claim, &error));
  g_assert_true (gloss_store_get_rated_words (fixture->library.store, claim, &rated, &needs_review, &error));
  g_assert_null (rated);
  g_assert_false (needs_review);

  /* The exports say where the words came from. */
  {
    g_autoptr(GBytes) html = gloss_export_to_bytes (fixture->library.store, &id, 1, GLOSS_EXPORT_HTML,
                                                    GLOSS_EXPORT_ORDER_POSITION, &error);
    g_autoptr(GBytes) jsonld = NULL;
    g_autofree char *html_text = NULL;
    g_autofree char *jsonld_text = NULL;
    g_autofree char *expected = g_strdup_printf ("Downloaded from %s on %s (HTTP 200), SHA-256 %s",
                                                 url, edited->provenance->fetched_at,
                                                 edited->provenance->sha256);

    g_assert_no_error (error);
    html_text = g_strndup (g_bytes_get_data (html, NULL), g_bytes_get_size (html));
    g_assert_nonnull (strstr (html_text, expected));
    jsonld = gloss_export_to_bytes (fixture->library.store, &id, 1, GLOSS_EXPORT_WEB_ANNOTATION,
                                    GLOSS_EXPORT_ORDER_POSITION, &error);
    g_assert_no_error (error);
    jsonld_text = g_strndup (g_bytes_get_data (jsonld, NULL), g_bytes_get_size (jsonld));
    g_assert_nonnull (strstr (jsonld_text, url));
    g_assert_nonnull (strstr (jsonld_text, edited->provenance->fetched_at));
  }

  /* Two versions, each with where it came from. */
  versions = gloss_store_list_versions (fixture->library.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  version = g_ptr_array_index (versions, 0);
  g_assert_cmpuint (version->number, ==, 1);
  g_assert_false (version->current);
  g_assert_nonnull (version->replaced_at);
  g_assert_nonnull (version->stored_at);
  g_assert_cmpstr (version->provenance->etag, ==, "\"v1\"");
  version = g_ptr_array_index (versions, 1);
  g_assert_true (version->current);
  g_assert_null (version->replaced_at);
  g_assert_cmpstr (version->provenance->etag, ==, "\"v2\"");
  g_assert_cmpstr (version->sha256, ==, edited->provenance->sha256);

  /* The words that changed between them. */
  old_text = gloss_store_load_version (fixture->library.store, id, 1, &error);
  g_assert_no_error (error);
  new_text = gloss_store_load_version (fixture->library.store, id, 2, &error);
  g_assert_no_error (error);
  changes = gloss_diff_articles (old_text, new_text);
  for (guint i = 0; i < changes->len; i++)
    {
      GlossDiffChange *change = g_ptr_array_index (changes, i);

      if (g_str_equal (change->deleted, "40") && g_str_equal (change->inserted, "14"))
        found_figure = TRUE;
    }
  g_assert_true (found_figure);
  g_assert_null (gloss_store_load_version (fixture->library.store, id, 3, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The first version back: a third version, the claim on its words. */
  g_clear_pointer (&annotations, g_ptr_array_unref);
  annotations = gloss_store_restore_version (fixture->library.store, id, 1, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_changed_blocks, ==, 2);
  g_clear_pointer (&versions, g_ptr_array_unref);
  versions = gloss_store_list_versions (fixture->library.store, id, &error);
  g_assert_cmpuint (versions->len, ==, 3);
  version = g_ptr_array_index (versions, 2);
  g_assert_cmpstr (version->provenance->etag, ==, "\"v1\"");
  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (annotations, i);

      if (gloss_annotation_get_id (annotation) == claim)
        g_assert_cmpstr (gloss_annotation_get_anchor (annotation)->exact, ==, CLAIM);
    }
}

static void
test_same_story_by_title (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) v1 = g_bytes_new_static (story_v1, sizeof story_v1 - 1);
  g_autoptr(GBytes) v2 = g_bytes_new_static (story_v2, sizeof story_v2 - 1);
  g_autoptr(GlossArticle) copy = NULL;
  gint64 id;

  id = gloss_store_import (fixture->library.store, v1, "story.html", NULL, NULL, &error);
  g_assert_no_error (error);
  copy = gloss_extract (v2, "story-later.html", &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_store_find_same_story (fixture->library.store, NULL, copy, &error), ==, id);
  /* A copy downloaded from somewhere else, with the same title, is a
   * story of its own only if the stored one has a link of its own. */
  g_assert_cmpint (gloss_store_find_same_story (fixture->library.store, "http://example.org/x", copy,
                                                &error), ==, id);
}

/* The same story saved again later, with its link: the page says where it
 * lives, as a saved page does. */
#define LINKED_HEAD(title) "<!doctype html><html><head><title>" title "</title>" \
  "<link rel=\"canonical\" href=\"https://news.example.org/minister\">" \
  "<meta property=\"og:site_name\" content=\"Daily Example\"></head><body><article>" \
  "<h1>" title "</h1>"
#define LINKED_BODY(figure, last) \
  "<p>The minister said on Monday that the contract was worth " figure " million euros and " \
  "that the report was wrong in every detail.</p>" \
  "<p>He insisted that " DENIAL " at any point during the negotiations.</p>" \
  "<p>" last "</p></article></body></html>"

static const char linked_v1[] = LINKED_HEAD ("Minister denies report")
  LINKED_BODY ("40", DOOMED " next week, saying the public had a right to see them.");
static const char linked_v2[] = LINKED_HEAD ("Minister denies report, figure corrected")
  LINKED_BODY ("14", DOOMED " next week, saying the public had a right to see them.");
static const char linked_v3[] = LINKED_HEAD ("Minister denies report, figure corrected")
  LINKED_BODY ("14", "A spokesman later said the papers would stay confidential for now.");

#define HARBOUR(figure) "<!doctype html><html><head><title>Harbour lease questioned</title>" \
  "<link rel=\"canonical\" href=\"https://news.example.org/harbour\"></head><body><article>" \
  "<h1>Harbour lease questioned</h1><p>The mayor said the harbour lease was worth " figure \
  " million euros and that the criticism of the tender was unfounded.</p><p>Residents asked " \
  "for the contract to be published before the council votes on it next month.</p>" \
  "</article></body></html>"

static const char harbour_v1[] = HARBOUR ("40");
static const char harbour_v2[] = HARBOUR ("14");

static GBytes *
static_bytes (const char *text)
{
  return g_bytes_new_static (text, strlen (text));
}

/* File → Open of a newer copy: nothing stored until the user answers. */
static void
test_open_newer_copy (Fixture       *fixture,
                      gconstpointer  data)
{
  GlossStore *store = fixture->library.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) v1 = static_bytes (linked_v1);
  g_autoptr(GBytes) v2 = static_bytes (linked_v2);
  g_autoptr(GBytes) v3 = static_bytes (linked_v3);
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  GlossUpdateReport report;
  gboolean duplicate = TRUE;
  gint64 known = -1;
  gint64 id, again, separate;

  id = gloss_store_import_unless_known (store, v1, "minister.html", NULL, &known, &duplicate,
                                        &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (known, ==, 0);
  g_assert_false (duplicate);
  annotate (store, id, GLOSS_ANNOTATION_DENIAL, DENIAL, GLOSS_VERDICT_NONE);

  /* The same file again is the same article, no question. */
  again = gloss_store_import_unless_known (store, v1, "minister.html", NULL, &known, &duplicate,
                                           &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, ==, id);
  g_assert_cmpint (known, ==, 0);
  g_assert_true (duplicate);

  /* A later save of the page, its headline changed too: found by its
   * link, and not stored. */
  again = gloss_store_import_unless_known (store, v2, "minister (1).html", NULL, &known, NULL,
                                           &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, ==, 0);
  g_assert_cmpint (known, ==, id);
  ids = gloss_store_list_article_ids (store, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_ptr_array_unref);

  /* "Add as New Version": one article, two versions, the annotation kept. */
  g_assert_cmpint (gloss_store_add_copy (store, v2, "minister (1).html", NULL, id, &report, &error),
                   ==, id);
  g_assert_no_error (error);
  g_assert_false (report.unchanged);
  g_assert_cmpuint (report.n_changed_blocks, ==, 1);
  g_assert_cmpuint (report.n_anchored, ==, 1);
  versions = gloss_store_list_versions (store, id, &error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpstr (((GlossArticleVersion *) g_ptr_array_index (versions, 1))->source_name, ==,
                   "minister (1).html");

  /* "Keep Separate": an article of its own. */
  separate = gloss_store_add_copy (store, v3, "minister (2).html", NULL, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (separate, >, id);
  ids = gloss_store_list_article_ids (store, &error);
  g_assert_cmpuint (ids->len, ==, 2);
}

typedef struct
{
  GMainLoop *loop;
  GlossFileImportReport *report;
} ImportWait;

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ImportWait *wait = user_data;
  g_autoptr(GError) error = NULL;

  wait->report = gloss_store_import_files_finish (GLOSS_STORE (source), result, &error);
  g_assert_no_error (error);
  g_main_loop_quit (wait->loop);
}

static void
write_page (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static const GlossFileImportOutcome *
outcome_named (GlossFileImportReport *report,
               const char            *name)
{
  for (guint i = 0; i < report->outcomes->len; i++)
    {
      const GlossFileImportOutcome *outcome = g_ptr_array_index (report->outcomes, i);
      g_autofree char *basename = g_file_get_basename (outcome->file);

      if (g_str_equal (basename, name))
        return outcome;
    }
  g_assert_not_reached ();
}

/* Importing a folder: newer copies of a known story, and of a story new in
 * the same folder, are held back with the article they copy. */
static void
test_import_newer_copies (Fixture       *fixture,
                          gconstpointer  data)
{
  GlossStore *store = fixture->library.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) v1 = static_bytes (linked_v1);
  g_autofree char *dir = g_build_filename (fixture->library.dir, "saved", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) ids = NULL;
  ImportWait wait = { g_main_loop_new (NULL, FALSE), NULL };
  const GlossFileImportOutcome *outcome;
  gint64 id, other_id;

  id = gloss_store_import (store, v1, "minister.html", NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  write_page (dir, "a-minister-later.html", linked_v2);
  write_page (dir, "b-harbour.html", harbour_v1);
  write_page (dir, "c-harbour-later.html", harbour_v2);
  write_page (dir, "d-minister.html", linked_v1);

  gloss_store_import_files_async (store, &folder, 1, NULL, GLOSS_FILE_IMPORT_FIND_NEWER_COPIES,
                                  NULL, NULL, NULL, NULL, imported_cb, &wait);
  g_main_loop_run (wait.loop);
  g_main_loop_unref (wait.loop);

  g_assert_cmpuint (wait.report->n_added, ==, 1);
  g_assert_cmpuint (wait.report->n_duplicates, ==, 1);
  g_assert_cmpuint (wait.report->n_newer_copies, ==, 2);
  g_assert_cmpuint (wait.report->n_failed, ==, 0);
  outcome = outcome_named (wait.report, "a-minister-later.html");
  g_assert_cmpint (outcome->status, ==, GLOSS_FILE_IMPORT_NEWER_COPY);
  g_assert_cmpint (outcome->article_id, ==, id);
  other_id = outcome_named (wait.report, "b-harbour.html")->article_id;
  g_assert_cmpint (other_id, >, id);
  outcome = outcome_named (wait.report, "c-harbour-later.html");
  g_assert_cmpint (outcome->status, ==, GLOSS_FILE_IMPORT_NEWER_COPY);
  g_assert_cmpint (outcome->article_id, ==, other_id);
  g_assert_cmpstr (gloss_file_import_status_to_string (outcome->status), ==, "newer-copy");
  g_assert_cmpint (outcome_named (wait.report, "d-minister.html")->status, ==,
                   GLOSS_FILE_IMPORT_DUPLICATE);

  ids = gloss_store_list_article_ids (store, &error);
  g_assert_cmpuint (ids->len, ==, 2);
  gloss_file_import_report_free (wait.report);
}

static void
test_offline_nothing_sent (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = test_server_url (fixture->server, "/story");
  GlossFetchOptions options;

  test_server_set_html (fixture->server, "/story", story_v1, "\"v1\"");
  gloss_fetch_options_init (&options, FALSE);
  g_assert_null (gloss_fetch (url, &options, NULL, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_OFFLINE);
  g_assert_cmpuint (test_server_n_requests (fixture->server), ==, 0);
}

static char *
export_text (GlossExportData   *data,
             GlossExportFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = gloss_export_data_to_bytes (data, format, GLOSS_EXPORT_ORDER_POSITION,
                                                        &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The comparison exported: the changed paragraphs with the removed and
 * added words marked, and the annotations whose words changed called out
 * (the one on unchanged words is not). */
static void
test_export_comparison (Fixture       *fixture,
                        gconstpointer  data)
{
  GlossStore *store = fixture->library.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) v1 = static_bytes (story_v1);
  g_autoptr(GBytes) v2 = static_bytes (story_v2);
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GlossExportData) export = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *html = NULL;
  g_autofree char *plain = NULL;
  gint64 id;

  id = gloss_store_import (store, v1, "story.html", NULL, NULL, &error);
  g_assert_no_error (error);
  annotate (store, id, GLOSS_ANNOTATION_CLAIM, CLAIM, GLOSS_VERDICT_FALSE);
  annotate (store, id, GLOSS_ANNOTATION_DENIAL, DENIAL, GLOSS_VERDICT_NONE);
  annotate (store, id, GLOSS_ANNOTATION_QUESTION, DOOMED, GLOSS_VERDICT_NONE);
  annotations = gloss_store_update_article (store, id, v2, "story-later.html", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annotations->len, ==, 3);

  export = gloss_export_data_collect (store, &id, 1, &error);
  g_assert_no_error (error);
  /* Without a comparison, none of it. */
  plain = export_text (export, GLOSS_EXPORT_MARKDOWN);
  g_assert_null (strstr (plain, "Changes from version"));
  g_assert_false (gloss_export_data_add_comparison (export, store, id, 1, 3, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (gloss_export_data_add_comparison (export, store, id, 1, 2, &error));
  g_assert_no_error (error);

  markdown = export_text (export, GLOSS_EXPORT_MARKDOWN);
  g_assert_nonnull (strstr (markdown, "## Changes from version 1 to version 2\n\n2 paragraphs changed. "));
  g_assert_nonnull (strstr (markdown, "- ¶ 1: The minister said on Monday that the contract was worth "
                                      "~~40~~ **14** million euros"));
  g_assert_nonnull (strstr (markdown, "- ¶ 3: ~~Opposition members asked for~~ **A spokesman later "
                                      "said** the ~~documents to be published"));
  g_assert_nonnull (strstr (markdown, "### Annotations whose words changed\n\n"
                                      "- **Claim** (¶ 1) “the contract was worth 14 million euros”: "
                                      "~~40~~ → **14**\n"
                                      "- **Question** (¶ 3) “" DOOMED "”: no longer found in version 2\n"));
  g_assert_null (strstr (markdown, "- **Denial** (¶ 2)"));

  html = export_text (export, GLOSS_EXPORT_HTML);
  g_assert_nonnull (strstr (html, "<h2>Changes from version 1 to version 2</h2>"));
  g_assert_nonnull (strstr (html, "worth <del>40</del> <ins>14</ins> million"));
  g_assert_nonnull (strstr (html, "<a href=\"#gloss-note-1\">[C1]</a> Claim &ldquo;the contract was "
                                  "worth 14 million euros&rdquo;: <del>40</del> &rarr; <ins>14</ins>"));
  g_assert_nonnull (strstr (html, "[Q3]</a> Question"));
  g_assert_null (strstr (html, "[D2]</a> Denial"));
}

/* Two earlier versions compared while a third is current: the annotations
 * are found again in both, so the one whose words changed between them is
 * called out with its paragraph and words in the newer of the two, the one
 * whose words that change removed as no longer found, and the one whose
 * words changed only later is not. */
static void
test_export_comparison_earlier (Fixture       *fixture,
                                gconstpointer  data)
{
  static const char story_v3[] = HEAD
    "<p>Updated on Wednesday with the ministry’s reply to our questions.</p>"
    "<p>The minister said on Monday that the contract was worth 14 million euros and that the "
    "report was wrong in every detail.</p>"
    "<p>He insisted that no money had ever changed hands at any point during the negotiations.</p>"
    "<p>A spokesman later said the papers would stay confidential for now.</p>"
    "</article></body></html>";
  GlossStore *store = fixture->library.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) v1 = static_bytes (story_v1);
  g_autoptr(GBytes) v2 = static_bytes (story_v2);
  g_autoptr(GBytes) v3 = static_bytes (story_v3);
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) third = NULL;
  g_autoptr(GlossExportData) export = NULL;
  g_autoptr(GlossExportData) later = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *html = NULL;
  g_autofree char *markdown_later = NULL;
  gint64 id;

  id = gloss_store_import (store, v1, "story.html", NULL, NULL, &error);
  g_assert_no_error (error);
  annotate (store, id, GLOSS_ANNOTATION_CLAIM, CLAIM, GLOSS_VERDICT_FALSE);
  annotate (store, id, GLOSS_ANNOTATION_DENIAL, DENIAL, GLOSS_VERDICT_NONE);
  annotate (store, id, GLOSS_ANNOTATION_QUESTION, DOOMED, GLOSS_VERDICT_NONE);
  second = gloss_store_update_article (store, id, v2, "story-later.html", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->len, ==, 3);
  third = gloss_store_update_article (store, id, v3, "story-latest.html", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (third->len, ==, 3);

  export = gloss_export_data_collect (store, &id, 1, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_export_data_add_comparison (export, store, id, 1, 2, &error));
  g_assert_no_error (error);
  markdown = export_text (export, GLOSS_EXPORT_MARKDOWN);
  /* ¶ 1 as in version 2, though the claim is in ¶ 2 of the current text. */
  g_assert_nonnull (strstr (markdown, "### Annotations whose words changed\n\n"
                                      "- **Claim** (¶ 1) “the contract was worth 14 million euros”: "
                                      "~~40~~ → **14**\n"
                                      "- **Question** (¶ 3) “" DOOMED "”: no longer found in version 2\n"));
  g_assert_null (strstr (markdown, "- **Denial**"));
  html = export_text (export, GLOSS_EXPORT_HTML);
  g_assert_nonnull (strstr (html, "[C1]</a> Claim &ldquo;the contract was worth 14 million "
                                  "euros&rdquo;: <del>40</del> &rarr; <ins>14</ins>"));
  g_assert_nonnull (strstr (html, "[Q2]</a> Question"));
  g_assert_null (strstr (html, "</a> Denial"));

  /* Versions 2 to 3: the denial's words changed, the claim's did not, and
   * the question, already gone, is still listed as not found. */
  later = gloss_export_data_collect (store, &id, 1, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_export_data_add_comparison (later, store, id, 2, 3, &error));
  markdown_later = export_text (later, GLOSS_EXPORT_MARKDOWN);
  g_assert_nonnull (strstr (markdown_later, "- **Denial** (¶ 3) “no money had ever changed hands”: **ever**\n"));
  g_assert_null (strstr (markdown_later, "- **Claim**"));
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/versions/story-followed", test_story_followed);
  ADD ("/core/versions/same-story-by-title", test_same_story_by_title);
  ADD ("/core/versions/offline-nothing-sent", test_offline_nothing_sent);
  ADD ("/core/versions/open-newer-copy", test_open_newer_copy);
  ADD ("/core/versions/import-newer-copies", test_import_newer_copies);
  ADD ("/core/versions/export-comparison", test_export_comparison);
  ADD ("/core/versions/export-comparison-earlier", test_export_comparison_earlier);
#undef ADD

  return g_test_run ();
}
