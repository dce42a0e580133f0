/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-import-annotations"

#include "config.h"

#include "gloss-core.h"
#include "annotated-sample.h"
#include "test-common.h"
#include "test-seed.h"

/* Annotations coming in: a colleague's Gloss export, a student's
 * Hypothesis export, another tool's Web Annotation (issue 5 §2, §4). */

typedef struct
{
  char *dir;
  char *source_path;
  char *target_path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = gloss_test_dir_new ();
  fixture->source_path = g_build_filename (fixture->dir, "colleague.db", NULL);
  fixture->target_path = g_build_filename (fixture->dir, "mine.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gloss_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->source_path);
  g_free (fixture->target_path);
}

/* A library holding only the sample article, unannotated. */
static GlossStore *
fresh_library (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sample_import_article (store), ==, 1);
  return g_steal_pointer (&store);
}

static GBytes *
fixture_bytes (const char *name)
{
  g_autofree char *path = g_build_filename ("export", name, NULL);

  return gloss_test_data_bytes (path);
}

static void
assert_same_annotation (GlossAnnotation *expected,
                        GlossAnnotation *actual)
{
  const GlossAnchor *a = gloss_annotation_get_anchor (expected);
  const GlossAnchor *b = gloss_annotation_get_anchor (actual);

  g_assert_cmpstr (gloss_annotation_get_uuid (actual), ==, gloss_annotation_get_uuid (expected));
  g_assert_cmpint (gloss_annotation_get_kind (actual), ==, gloss_annotation_get_kind (expected));
  g_assert_true (gloss_anchor_equal (a, b));
  g_assert_cmpstr (gloss_annotation_get_note (actual), ==, gloss_annotation_get_note (expected));
  g_assert_cmpstr (gloss_annotation_get_speaker (actual), ==, gloss_annotation_get_speaker (expected));
  g_assert_cmpint (gloss_annotation_get_verdict (actual), ==, gloss_annotation_get_verdict (expected));
  g_assert_cmpstr (gloss_annotation_get_created_at (actual), ==, gloss_annotation_get_created_at (expected));
  g_assert_cmpstr (gloss_annotation_get_updated_at (actual), ==, gloss_annotation_get_updated_at (expected));
  g_assert_cmpuint (gloss_annotation_get_n_links (actual), ==, gloss_annotation_get_n_links (expected));
  for (guint i = 0; i < gloss_annotation_get_n_links (expected); i++)
    {
      g_assert_cmpint (gloss_annotation_get_link (actual, i)->relation, ==,
                       gloss_annotation_get_link (expected, i)->relation);
      g_assert_cmpstr (gloss_annotation_get_link (actual, i)->target_uuid, ==,
                       gloss_annotation_get_link (expected, i)->target_uuid);
    }
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) colleague = sample_annotated_library (fixture->source_path);
  g_autoptr(GlossStore) mine = fresh_library (fixture->target_path);
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) actual = NULL;
  GlossImportReport report = { 0 };

  exported = gloss_export_to_bytes (colleague, NULL, 0, GLOSS_EXPORT_WEB_ANNOTATION,
                                    GLOSS_EXPORT_ORDER_POSITION, &error);
  g_assert_no_error (error);

  g_assert_true (gloss_import_annotations (mine, exported, 0, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.imported, ==, 3);
  g_assert_cmpuint (report.anchored, ==, 3);
  g_assert_cmpuint (report.moved, ==, 0);
  g_assert_cmpuint (report.orphaned, ==, 0);
  g_assert_cmpuint (report.duplicates, ==, 0);
  g_assert_cmpuint (report.article_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (report.article_ids, gint64, 0), ==, 1);
  gloss_import_report_clear (&report);

  /* Same words, same everything, in a new process too. */
  g_clear_object (&mine);
  mine = gloss_store_open (fixture->target_path, &error);
  g_assert_no_error (error);
  expected = gloss_store_list_annotations (colleague, 1, &error);
  g_assert_no_error (error);
  actual = gloss_store_list_annotations (mine, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actual->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    assert_same_annotation (g_ptr_array_index (expected, i), g_ptr_array_index (actual, i));
  /* The cross-paragraph one is still across paragraphs. */
  g_assert_cmpuint (gloss_annotation_get_anchor (g_ptr_array_index (actual, 1))->start_block, ==, 3);
  g_assert_cmpuint (gloss_annotation_get_anchor (g_ptr_array_index (actual, 1))->end_block, ==, 4);

  /* The second import adds nothing. */
  g_assert_true (gloss_import_annotations (mine, exported, 0, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.imported, ==, 0);
  g_assert_cmpuint (report.duplicates, ==, 3);
  gloss_import_report_clear (&report);
  g_clear_pointer (&actual, g_ptr_array_unref);
  actual = gloss_store_list_annotations (mine, 1, &error);
  g_assert_cmpuint (actual->len, ==, 3);
}

static GlossAnnotation *
find_by_kind (GPtrArray           *annotations,
              GlossAnnotationKind  kind)
{
  for (guint i = 0; i < annotations->len; i++)
    if (gloss_annotation_get_kind (g_ptr_array_index (annotations, i)) == kind)
      return g_ptr_array_index (annotations, i);
  g_assert_not_reached ();
}

static void
test_hypothesis (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) mine = fresh_library (fixture->target_path);
  g_autoptr(GBytes) bytes = fixture_bytes ("hypothesis.json");
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GlossArticle) article = NULL;
  GlossImportReport report = { 0 };
  GlossAnnotation *claim, *denial, *evidence, *orphan;
  const GlossAnchor *anchor;
  const char *block;

  g_assert_true (gloss_import_annotations (mine, bytes, 0, &report, &error));
  g_assert_no_error (error);
  /* Two quotes as they are, one with a changed capital, one gone; a reply
   * and a page note mark no words. */
  g_assert_cmpuint (report.imported, ==, 4);
  g_assert_cmpuint (report.anchored, ==, 2);
  g_assert_cmpuint (report.moved, ==, 1);
  g_assert_cmpuint (report.orphaned, ==, 1);
  g_assert_cmpuint (report.skipped, ==, 2);
  g_assert_cmpuint (report.duplicates, ==, 0);
  gloss_import_report_clear (&report);

  article = gloss_store_load_article (mine, 1, &error);
  annotations = gloss_store_list_annotations (mine, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annotations->len, ==, 4);

  /* The right words: the claim's block and offsets hold its quote. */
  claim = find_by_kind (annotations, GLOSS_ANNOTATION_CLAIM);
  anchor = gloss_annotation_get_anchor (claim);
  block = gloss_block_get_text (gloss_article_get_block (article, anchor->start_block));
  g_assert_cmpuint (anchor->start_block, ==, 1);
  g_assert_cmpint (anchor->state, ==, GLOSS_ANCHOR_ANCHORED);
  g_assert_cmpint (g_utf8_pointer_to_offset (block, strstr (block, SAMPLE_CLAIM)), ==, anchor->start_offset);
  g_assert_cmpuint (anchor->end_offset, ==, anchor->start_offset + g_utf8_strlen (SAMPLE_CLAIM, -1));
  g_assert_cmpstr (gloss_annotation_get_note (claim), ==, "Which allies? The story never names them.");
  g_assert_cmpint (gloss_annotation_get_verdict (claim), ==, GLOSS_VERDICT_UNRATED);
  g_assert_cmpstr (gloss_annotation_get_created_at (claim), ==, "2024-03-04T17:02:11.482931+00:00");

  denial = find_by_kind (annotations, GLOSS_ANNOTATION_DENIAL);
  g_assert_cmpstr (gloss_annotation_get_anchor (denial)->exact, ==, SAMPLE_DENIAL);
  g_assert_cmpuint (gloss_annotation_get_anchor (denial)->start_block, ==, 6);
  g_assert_cmpstr (gloss_annotation_get_note (denial), ==, "Huawei's answer.\n\nTags: huawei");

  /* "communist party" found as "Communist Party": moved onto the article's words. */
  evidence = find_by_kind (annotations, GLOSS_ANNOTATION_EVIDENCE);
  anchor = gloss_annotation_get_anchor (evidence);
  g_assert_cmpint (anchor->state, ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpuint (anchor->start_block, ==, 3);
  g_assert_cmpstr (anchor->exact, ==, gloss_block_get_text (gloss_article_get_block (article, 3)));

  /* No tag: a note (a plain highlight, not a guessed question), kept as
   * an orphan with its quote. */
  for (guint i = 0; i < annotations->len; i++)
    g_assert_cmpint (gloss_annotation_get_kind (g_ptr_array_index (annotations, i)), !=,
                     GLOSS_ANNOTATION_QUESTION);
  orphan = find_by_kind (annotations, GLOSS_ANNOTATION_NOTE);
  g_assert_nonnull (orphan);
  g_assert_cmpint (gloss_annotation_get_anchor (orphan)->state, ==, GLOSS_ANCHOR_ORPHANED);
  g_assert_cmpstr (gloss_annotation_get_anchor (orphan)->exact, ==,
                   "Officials in Berlin said a ban on the company was not on the table");

  g_assert_true (gloss_import_annotations (mine, bytes, 0, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.imported, ==, 0);
  g_assert_cmpuint (report.duplicates, ==, 4);
  gloss_import_report_clear (&report);
}

/* Another tool's annotation on a page Gloss cannot recognise: the caller
 * must name the article. */
static void
test_needs_article (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char foreign[] =
    "{ \"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"id\": \"http://example.org/anno/7\","
    "  \"type\": \"Annotation\","
    "  \"body\": [ { \"type\": \"TextualBody\", \"value\": \"Check the vendor figures\" },"
    "            { \"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"Evidence\" } ],"
    "  \"target\": { \"source\": \"http://example.org/elsewhere\","
    "    \"selector\": { \"type\": \"FragmentSelector\", \"value\": \"para5\","
    "      \"refinedBy\": { \"type\": \"TextQuoteSelector\", \"exact\": \"phone carriers invest billions\" } } } }";
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) mine = fresh_library (fixture->target_path);
  g_autoptr(GBytes) bytes = g_bytes_new_static (foreign, strlen (foreign));
  g_autoptr(GBytes) broken = g_bytes_new_static ("{ \"items\": [", 12);
  g_autoptr(GPtrArray) annotations = NULL;
  GlossImportReport report = { 0 };
  GlossAnnotation *annotation;

  /* The quote is in the article, so the quote search finds it… */
  g_assert_true (gloss_import_annotations (mine, bytes, 0, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.imported, ==, 1);
  g_assert_cmpuint (report.anchored, ==, 1);
  gloss_import_report_clear (&report);
  annotations = gloss_store_list_annotations (mine, 1, &error);
  annotation = g_ptr_array_index (annotations, 0);
  g_assert_cmpint (gloss_annotation_get_kind (annotation), ==, GLOSS_ANNOTATION_EVIDENCE);
  g_assert_cmpstr (gloss_annotation_get_note (annotation), ==, "Check the vendor figures");
  g_assert_cmpstr (gloss_annotation_get_anchor (annotation)->exact, ==, "phone carriers invest billions");

  /* …but words found nowhere need the caller's choice, and nothing is stored. */
  {
    static const char lost[] =
      "[ { \"type\": \"Annotation\", \"target\": { \"source\": \"http://example.org/x\", \"selector\":"
      "  { \"type\": \"TextQuoteSelector\", \"exact\": \"words from another story\" } } } ]";
    g_autoptr(GBytes) lost_bytes = g_bytes_new_static (lost, strlen (lost));

    g_assert_false (gloss_import_annotations (mine, lost_bytes, 0, &report, &error));
    g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NO_ARTICLE);
    g_clear_error (&error);

    g_assert_true (gloss_import_annotations (mine, lost_bytes, 1, &report, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (report.orphaned, ==, 1);
    gloss_import_report_clear (&report);

    g_assert_false (gloss_import_annotations (mine, lost_bytes, 7, &report, &error));
    g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  g_assert_false (gloss_import_annotations (mine, broken, 1, &report, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT);
}

static void
test_repeated_record_is_a_duplicate (Fixture       *fixture,
                                     gconstpointer  data)
{
  /* Two identical annotations without ids in one file: one is imported, the
   * other counted as a duplicate, and the file is not refused. */
  static const char twice[] =
    "[ { \"type\": \"Annotation\", \"body\": { \"type\": \"TextualBody\", \"value\": \"Same note\" },"
    "    \"target\": { \"selector\": { \"type\": \"TextQuoteSelector\","
    "      \"exact\": \"phone carriers invest billions\" } } },"
    "  { \"type\": \"Annotation\", \"body\": { \"type\": \"TextualBody\", \"value\": \"Same note\" },"
    "    \"target\": { \"selector\": { \"type\": \"TextQuoteSelector\","
    "      \"exact\": \"phone carriers invest billions\" } } } ]";
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) mine = fresh_library (fixture->target_path);
  g_autoptr(GBytes) bytes = g_bytes_new_static (twice, strlen (twice));
  g_autoptr(GPtrArray) annotations = NULL;
  GlossImportReport report = { 0 };

  g_assert_true (gloss_import_annotations (mine, bytes, 1, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.imported, ==, 1);
  g_assert_cmpuint (report.duplicates, ==, 1);
  gloss_import_report_clear (&report);
  annotations = gloss_store_list_annotations (mine, 1, &error);
  g_assert_cmpuint (annotations->len, ==, 1);
}

static void
test_normalize_url (void)
{
  const struct { const char *in; const char *out; } cases[] = {
    { "HTTPS://ApNews.com/article/x/?utm_source=tw&id=3&utm_medium=s#top", "https://apnews.com/article/x?id=3" },
    { "https://apnews.com:443/article/x/", "https://apnews.com/article/x" },
    { "http://example.org/", "http://example.org" },
    { "urn:sha256:abc", "urn:sha256:abc" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normal = gloss_import_normalize_url (cases[i].in);

      g_assert_cmpstr (normal, ==, cases[i].out);
    }
}

/* A Gloss export found by URL after the article gained one. */
static void
test_attach_by_url (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char by_url[] =
    "{ \"type\": \"Annotation\", \"id\": \"urn:uuid:44444444-4444-4444-8444-444444444444\","
    "  \"body\": { \"type\": \"TextualBody\", \"purpose\": \"classifying\", \"value\": \"claim\" },"
    "  \"target\": { \"source\": \"HTTPS://apnews.com/article/nato/?utm_campaign=x\", \"selector\": ["
    "    { \"type\": \"TextQuoteSelector\", \"exact\": \"NATO\" } ] } }";
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) mine = fresh_library (fixture->target_path);
  g_autoptr(GBytes) bytes = g_bytes_new_static (by_url, strlen (by_url));
  g_autoptr(GPtrArray) annotations = NULL;
  GlossAnnotation *annotation;
  GlossImportReport report = { 0 };

  /* A second article with that address; "NATO" is in both. */
  g_clear_object (&mine);
  gloss_test_sql_exec (fixture->target_path,
                       "INSERT INTO articles (id, uuid, title, url, source_kind, source, source_size,"
                       " source_sha256, extractor_version, imported_at, updated_at) VALUES (2, 'b', 'Other',"
                       " 'https://apnews.com/article/nato', 'text', x'00', 1, 'ff', 1, 'now', 'now');"
                       "INSERT INTO blocks VALUES (2, 0, 'paragraph', 'NATO met today.');");
  mine = gloss_store_open (fixture->target_path, &error);
  g_assert_no_error (error);

  g_assert_true (gloss_import_annotations (mine, bytes, 0, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_array_index (report.article_ids, gint64, 0), ==, 2);
  gloss_import_report_clear (&report);
  annotations = gloss_store_list_annotations (mine, 2, &error);
  g_assert_no_error (error);
  annotation = g_ptr_array_index (annotations, 0);
  g_assert_cmpstr (gloss_annotation_get_uuid (annotation), ==, "44444444-4444-4444-8444-444444444444");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/import-annotations/web-annotation-round-trip", test_round_trip);
  ADD ("/core/import-annotations/hypothesis", test_hypothesis);
  ADD ("/core/import-annotations/needs-article", test_needs_article);
  ADD ("/core/import-annotations/attach-by-url", test_attach_by_url);
  ADD ("/core/import-annotations/repeated-record-is-a-duplicate", test_repeated_record_is_a_duplicate);
#undef ADD
  g_test_add_func ("/core/import-annotations/normalize-url", test_normalize_url);

  return g_test_run ();
}
