/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cli-export"

#include "config.h"

#include "cli-fixture.h"

/* gloss-cli export and import-annotations as a script uses them: formats
 * on stdout or in a file written whole, and a colleague's export imported
 * into another library. */

#define CLAIM "some of NATO’s 29 allies are uneasy about the potential security challenges of working with Huawei"
#define DENIAL "there is no evidence that Huawei poses any threat to cybersecurity"

static void
mark_sample (Fixture *fixture)
{
  g_autofree char *sample = g_build_filename (GLOSS_TEST_DATA, "nato-huawei.txt", NULL);
  g_autofree char *out = NULL;

  g_assert_cmpint (run_cli (fixture, &out, "import", sample, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (fixture, &out, "annotate", "1", "--kind", "claim", "--quote", CLAIM,
                            "--speaker", "NATO allies", "--verdict", "false", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (fixture, &out, "annotate", "1", "--kind", "denial", "--quote", DENIAL,
                            "--speaker", "Huawei", "--link", "responds-to:1", "--note", "=1+1", NULL), ==, 0);
}

static void
test_export_formats (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *markdown = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *jsonld = NULL;
  g_autofree char *review = NULL;
  g_autofree char *html_path = g_build_filename (fixture->dir, "report.html", NULL);
  g_autofree char *html = NULL;
  g_autofree char *out = NULL;
  g_autoptr(JsonObject) collection = NULL;

  mark_sample (fixture);

  g_assert_cmpint (run_cli (fixture, &markdown, "export", "--format", "md", "--article", "1", NULL), ==, 0);
  g_assert_nonnull (strstr (markdown, "> " DENIAL));
  g_assert_nonnull (strstr (markdown, "**Responds to:** claim"));

  g_assert_cmpint (run_cli (fixture, &csv, "export", "--format", "csv", "--all", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (csv, "article_title,article_url,annotation_uuid,"));
  g_assert_nonnull (strstr (csv, ",\"'=1+1\","));

  g_assert_cmpint (run_cli (fixture, &jsonld, "export", "--format", "webannotation", "--all", NULL), ==, 0);
  collection = parse_object (jsonld);
  g_assert_cmpint (json_object_get_int_member (collection, "total"), ==, 2);

  g_assert_cmpint (run_cli (fixture, &review, "export", "--format", "claimreview", "--all", NULL), ==, 0);
  g_assert_nonnull (strstr (review, "\"ClaimReview\""));
  g_assert_nonnull (strstr (review, DENIAL));

  g_assert_cmpint (run_cli (fixture, &out, "export", "--format", "html", "--all", "-o", html_path, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_file_get_contents (html_path, &html, NULL, NULL));
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_null (strstr (html, "<script"));
  g_unlink (html_path);
}

static void
test_export_failures (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "brief.md", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;

  mark_sample (fixture);
  g_assert_true (g_file_set_contents (path, "my earlier brief", -1, NULL));

  /* An unknown article: exit 1, the earlier file untouched, no temporary left. */
  g_assert_cmpint (run_cli (fixture, &out, "export", "--format", "md", "--article", "9", "-o", path, NULL), ==, 1);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "my earlier brief");
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_true (g_str_has_prefix (name, "library.db") || g_str_equal (name, "brief.md"));
  }
  g_clear_pointer (&out, g_free);

  /* Usage errors. */
  g_assert_cmpint (run_cli (fixture, &out, "export", "--format", "pdf", "--all", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (fixture, &out, "export", "--format", "csv", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (fixture, &out, "export", "--format", "csv", "--all", "--article", "1", NULL), ==, 2);
  g_unlink (path);
}

static void
test_import_annotations (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *export_path = g_build_filename (fixture->dir, "colleague.jsonld", NULL);
  g_autofree char *hypothesis = g_build_filename (GLOSS_TEST_DATA, "export", "hypothesis.json", NULL);
  g_autofree char *sample = g_build_filename (GLOSS_TEST_DATA, "nato-huawei.txt", NULL);
  g_autofree char *other_db = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *again = NULL;
  g_autofree char *hyp_out = NULL;
  g_autofree char *listed = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) second = NULL;
  g_autoptr(JsonObject) hyp = NULL;
  char *db;

  mark_sample (fixture);
  g_assert_cmpint (run_cli (fixture, &out, "export", "--format", "jsonld", "--all", "-o", export_path, NULL), ==, 0);
  g_clear_pointer (&out, g_free);

  /* Into another library holding the same article. */
  db = fixture->path;
  fixture->path = other_db;
  g_assert_cmpint (run_cli (fixture, &out, "import", sample, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (fixture, &out, "import-annotations", "--json", export_path, NULL), ==, 0);
  first = parse_object (out);
  g_assert_cmpstr (json_object_get_string_member (first, "file"), ==, export_path);
  g_assert_cmpint (json_object_get_int_member (first, "imported"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (first, "anchored"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (first, "moved"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (first, "orphaned"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (first, "duplicates"), ==, 0);

  g_assert_cmpint (run_cli (fixture, &again, "import-annotations", "--json", export_path, NULL), ==, 0);
  second = parse_object (again);
  g_assert_cmpint (json_object_get_int_member (second, "imported"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (second, "duplicates"), ==, 2);

  g_assert_cmpint (run_cli (fixture, &listed, "annotations", "1", "--json", NULL), ==, 0);
  lines = g_strsplit (g_strchomp (listed), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_nonnull (strstr (lines[0], "\"verdict\":\"false\""));
  g_assert_nonnull (strstr (lines[1], "\"responds-to\""));

  /* The Hypothesis export, with --article. */
  g_assert_cmpint (run_cli (fixture, &hyp_out, "import-annotations", "--article", "1", "--json", hypothesis, NULL), ==, 0);
  hyp = parse_object (hyp_out);
  g_assert_cmpint (json_object_get_int_member (hyp, "imported"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (hyp, "orphaned"), ==, 1);

  fixture->path = db;
  g_unlink (export_path);
  {
    const char *suffixes[] = { "", "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *path = g_strconcat (other_db, suffixes[i], NULL);

        g_unlink (path);
      }
  }
}

static void
test_import_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.json", NULL);
  g_autofree char *out = NULL;
  g_autoptr(JsonObject) error = NULL;

  mark_sample (fixture);
  g_assert_true (g_file_set_contents (bad, "{ not json", -1, NULL));
  g_assert_cmpint (run_cli (fixture, &out, "import-annotations", "--json", bad, NULL), ==, 1);
  error = parse_object (out);
  g_assert_cmpstr (json_object_get_string_member (error, "file"), ==, bad);
  g_assert_nonnull (json_object_get_object_member (error, "error"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (fixture, &out, "import-annotations", NULL), ==, 2);
  g_unlink (bad);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, gloss_test_library_set_up, func, gloss_test_library_tear_down)
  ADD ("/cli/export/formats", test_export_formats);
  ADD ("/cli/export/failures", test_export_failures);
  ADD ("/cli/import-annotations/round-trip", test_import_annotations);
  ADD ("/cli/import-annotations/errors", test_import_errors);
#undef ADD

  return g_test_run ();
}
