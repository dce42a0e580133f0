/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cli-library"

#include "config.h"

#include "cli-fixture.h"

/* A folder of saved articles from the command line: imported recursively
 * with one JSON line per file and a summary apart, searched, listed in
 * order. */

#define IMPORT_FOLDER GLOSS_TEST_DATA "/library/import"

/* Every line of @text, parsed as one JSON object. */
static GPtrArray *
parse_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *objects = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      if (lines[i][0] == '\0')
        continue;
      json_parser_load_from_data (parser, lines[i], -1, &error);
      g_assert_no_error (error);
      g_ptr_array_add (objects, json_object_ref (json_node_get_object (json_parser_get_root (parser))));
    }

  return objects;
}

static JsonObject *
find_file (GPtrArray  *objects,
           const char *suffix)
{
  for (guint i = 0; i < objects->len; i++)
    {
      JsonObject *object = g_ptr_array_index (objects, i);

      if (g_str_has_suffix (json_object_get_string_member (object, "file"), suffix))
        return object;
    }
  return NULL;
}

static void
test_import_folder_json (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  JsonObject *huawei, *copy, *empty;

  /* A file failed, so the status is 1; the others are in. */
  g_assert_cmpint (run_cli_full (fixture, &out, &err, "import", "--json", IMPORT_FOLDER, NULL), ==, 1);
  lines = parse_lines (out);
  g_assert_cmpuint (lines->len, ==, 7);

  huawei = find_file (lines, "/import/huawei.html");
  copy = find_file (lines, "/import/sub/deeper/huawei-copy.html");
  g_assert_nonnull (huawei);
  g_assert_nonnull (copy);
  g_assert_false (json_object_get_boolean_member (huawei, "duplicate"));
  g_assert_true (json_object_get_boolean_member (copy, "duplicate"));
  g_assert_cmpint (json_object_get_int_member (copy, "article"), ==,
                   json_object_get_int_member (huawei, "article"));
  g_assert_nonnull (find_file (lines, "/import/sub/cyber.html.gz"));

  empty = find_file (lines, "/import/sub/empty.txt");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (empty, "error"), "code"),
                   ==, "empty");
  g_assert_nonnull (find_file (lines, "/import/sub/binary.html"));
  g_assert_null (find_file (lines, "inner.html"));

  /* The summary is on stderr, so stdout stays JSON. */
  g_assert_nonnull (strstr (err, "7 files: 4 added, 1 already in the library, 2 failed"));
}

static void
test_import_plain_summary (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *again = NULL;
  g_autofree char *storm = g_build_filename (IMPORT_FOLDER, "sub", "deeper", "storm.txt", NULL);

  g_assert_cmpint (run_cli_full (fixture, &out, NULL, "import", storm, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "storm.txt: imported as article 1"));
  g_assert_nonnull (strstr (out, "1 file: 1 added, 0 already in the library, 0 failed"));

  g_assert_cmpint (run_cli_full (fixture, &again, NULL, "import", storm, NULL), ==, 0);
  g_assert_nonnull (strstr (again, "already in the library as article 1"));
}

/* Writes a copy of the test story in @fixture's folder with @from
 * replaced by @to (and without its link when @drop_link), the way a
 * story edited after publication comes back. */
static char *
write_edited_story (Fixture    *fixture,
                    const char *name,
                    const char *from,
                    const char *to,
                    gboolean    drop_link)
{
  g_autofree char *original = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_get_contents (GLOSS_TEST_DATA "/cli/story.html", &original, NULL, &error);
  g_assert_no_error (error);
  text = g_string_new (original);
  g_assert_cmpuint (g_string_replace (text, from, to, 0), ==, 1);
  if (drop_link)
    g_assert_cmpuint (g_string_replace (text, "<link rel=\"canonical\"", "<link rel=\"x\"", 0), ==, 1);
  g_file_set_contents (path, text->str, -1, &error);
  g_assert_no_error (error);
  return path;
}

static guint
count_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += lines[i][0] != '\0';
  return n;
}

/* A newer copy of a story already in the library becomes a new version of
 * that article, with its annotations re-anchored and counted, unless
 * --separate; the title and site find it when the copy has no link. */
static void
test_import_newer_copy (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *v2 = write_edited_story (fixture, "v2.html", "next month", "in March", FALSE);
  g_autofree char *v3 = write_edited_story (fixture, "v3.html", "next month", "in April", TRUE);
  g_autofree char *v4 = write_edited_story (fixture, "v4.html", "next month", "in May", FALSE);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *json = NULL;
  g_autofree char *separate = NULL;
  g_autofree char *articles = NULL;
  g_autofree char *versions = NULL;
  g_autofree char *annotations = NULL;
  g_autoptr(JsonObject) version = NULL;
  g_autoptr(JsonObject) own = NULL;
  g_autoptr(JsonObject) moved = NULL;

  g_assert_cmpint (run_cli (fixture, NULL, "import", GLOSS_TEST_DATA "/cli/story.html", NULL), ==, 0);
  g_assert_cmpint (run_cli (fixture, NULL, "annotate", "1", "--kind", "claim", "--quote",
                            "The new hours start next month", NULL), ==, 0);

  g_assert_cmpint (run_cli (fixture, &out, "import", v2, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "v2.html: a new version of article 1: 1 paragraph changed, "
                                 "1 annotation moved, 0 orphaned"));
  g_assert_nonnull (strstr (out, "1 file became a new version of an article."));
  g_assert_cmpint (run_cli (fixture, &articles, "articles", NULL), ==, 0);
  g_assert_cmpuint (count_lines (articles), ==, 1);
  g_assert_cmpint (run_cli (fixture, &versions, "versions", "--json", "1", NULL), ==, 0);
  g_assert_cmpuint (count_lines (versions), ==, 2);
  g_assert_cmpint (run_cli (fixture, &annotations, "annotations", "--json", "1", NULL), ==, 0);
  moved = parse_object (annotations);
  g_assert_cmpstr (json_object_get_string_member (moved, "exact"), ==, "The new hours start in March");

  /* Without a link: the same title from the same site; --json says so. */
  g_assert_cmpint (run_cli_full (fixture, &json, &err, "import", "--json", v3, NULL), ==, 0);
  version = parse_object (json);
  g_assert_cmpint (json_object_get_int_member (version, "article"), ==, 1);
  g_assert_true (json_object_get_boolean_member (version, "new_version"));
  g_assert_false (json_object_get_boolean_member (version, "duplicate"));
  g_assert_cmpint (json_object_get_int_member (version, "changed_paragraphs"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (version, "moved"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (version, "orphaned"), ==, 0);
  g_assert_nonnull (strstr (err, "1 file became a new version of an article."));

  g_assert_cmpint (run_cli (fixture, &separate, "import", "--json", "--separate", v4, NULL), ==, 0);
  own = parse_object (separate);
  g_assert_cmpint (json_object_get_int_member (own, "article"), ==, 2);
  g_assert_false (json_object_get_boolean_member (own, "new_version"));
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *annotated = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *limited = NULL;
  g_autofree char *speaker = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) few = NULL;
  g_autoptr(GPtrArray) by_speaker = NULL;
  JsonObject *article, *annotation;

  run_cli_full (fixture, NULL, NULL, "import", IMPORT_FOLDER, NULL);
  g_assert_cmpint (run_cli_full (fixture, &annotated, NULL, "annotate", "1", "--kind", "denial",
                            "--quote", "there is no evidence that Huawei poses any threat",
                            "--speaker", "Huawei", "--note", "Réponse de l’entreprise", NULL), ==, 0);

  g_assert_cmpint (run_cli_full (fixture, &out, NULL, "search", "--json", "Huawei", "no", "evid", NULL), ==, 0);
  hits = parse_lines (out);
  g_assert_cmpuint (hits->len, ==, 2);
  article = g_ptr_array_index (hits, 0);
  g_assert_cmpstr (json_object_get_string_member (article, "type"), ==, "article");
  g_assert_cmpint (json_object_get_int_member (article, "article"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (article, "block"), ==, 2);
  g_assert_false (json_object_has_member (article, "annotation"));
  g_assert_nonnull (strstr (json_object_get_string_member (article, "snippet"),
                            "[no] [evidence] that [Huawei]"));
  annotation = g_ptr_array_index (hits, 1);
  g_assert_cmpstr (json_object_get_string_member (annotation, "type"), ==, "annotation");
  g_assert_cmpint (json_object_get_int_member (annotation, "annotation"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (annotation, "article"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (annotation, "kind"), ==, "denial");

  /* Accents folded in notes, FTS5 column filters, plain output. */
  g_assert_cmpint (run_cli_full (fixture, &plain, NULL, "search", "reponse", NULL), ==, 0);
  g_assert_nonnull (strstr (plain, "annotation 1"));
  g_assert_nonnull (strstr (plain, "[Réponse]"));
  g_assert_cmpint (run_cli_full (fixture, &speaker, NULL, "search", "--json", "speaker:huawei", NULL), ==, 0);
  by_speaker = parse_lines (speaker);
  g_assert_cmpuint (by_speaker->len, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (by_speaker, 0), "field"), ==,
                   "speaker");

  /* "th" starts words in every article: --limit caps each group. */
  g_assert_cmpint (run_cli_full (fixture, &limited, NULL, "search", "--json", "--limit", "2", "th", NULL), ==, 0);
  few = parse_lines (limited);
  g_assert_cmpuint (few->len, <=, 4);
  g_assert_cmpuint (few->len, >=, 2);

  g_assert_cmpint (run_cli_full (fixture, NULL, NULL, "search", NULL), ==, 2);
}

/* The saved page and the copied text of one story are two results with the
 * same title and words; each says which it is. */
static void
test_search_tells_copies_apart (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *page = g_build_filename (fixture->dir, "nato-huawei.html", NULL);
  g_autofree char *text = g_build_filename (GLOSS_TEST_DATA, "nato-huawei.txt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *plain = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  gboolean seen_html = FALSE, seen_text = FALSE;

  g_assert_true (g_file_set_contents (page,
                                      "<html><head><title>NATO weighing whether Huawei poses security "
                                      "threat</title></head><body><article><h1>NATO weighing whether "
                                      "Huawei poses security threat</h1><p>Stoltenberg says some of "
                                      "NATO’s 29 allies are uneasy about the potential security "
                                      "challenges of working with Huawei as they consider investment "
                                      "in 5G communications infrastructure.</p><p>The United States is "
                                      "lobbying European and other allies to shun the biggest maker of "
                                      "network technology.</p></article></body></html>", -1, NULL));
  g_assert_cmpint (run_cli_full (fixture, NULL, NULL, "import", text, page, NULL), ==, 0);

  g_assert_cmpint (run_cli_full (fixture, &out, NULL, "search", "--json", "uneasy", "allies", NULL), ==, 0);
  hits = parse_lines (out);
  g_assert_cmpuint (hits->len, ==, 2);
  for (guint i = 0; i < hits->len; i++)
    {
      JsonObject *hit = g_ptr_array_index (hits, i);
      const char *kind = json_object_get_string_member (hit, "source_kind");

      if (g_str_equal (kind, "html"))
        {
          seen_html = TRUE;
          g_assert_cmpstr (json_object_get_string_member (hit, "source_name"), ==, "nato-huawei.html");
        }
      else
        {
          g_assert_cmpstr (kind, ==, "text");
          seen_text = TRUE;
          g_assert_cmpstr (json_object_get_string_member (hit, "source_name"), ==, "nato-huawei.txt");
        }
    }
  g_assert_true (seen_html && seen_text);

  g_assert_cmpint (run_cli_full (fixture, &plain, NULL, "search", "uneasy", "allies", NULL), ==, 0);
  g_assert_nonnull (strstr (plain, "(web page, nato-huawei.html)"));
  g_assert_nonnull (strstr (plain, "(copied text, nato-huawei.txt)"));
  g_assert_nonnull (strstr (plain, "\tparagraph "));
  g_unlink (page);
}

static void
test_articles_filters_and_sort (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *by_title = NULL;
  g_autofree char *unread = NULL;
  g_autofree char *archived = NULL;
  g_autoptr(GPtrArray) titles = NULL;
  g_autoptr(GPtrArray) unread_lines = NULL;

  run_cli_full (fixture, NULL, NULL, "import", IMPORT_FOLDER, NULL);

  g_assert_cmpint (run_cli_full (fixture, &by_title, NULL, "articles", "--json", "--sort", "title", NULL), ==, 0);
  titles = parse_lines (by_title);
  g_assert_cmpuint (titles->len, ==, 4);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (titles, 0), "title"), ==,
                   "Cybersecurity agency warns of phishing wave");
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (titles, 3), "title"), ==,
                   "Storm closes coastal roads as rivers rise");

  /* A fresh import is unread, and nothing is archived yet. */
  g_assert_cmpint (run_cli_full (fixture, &unread, NULL, "articles", "--json", "--unread", NULL), ==, 0);
  unread_lines = parse_lines (unread);
  g_assert_cmpuint (unread_lines->len, ==, 4);
  g_assert_true (json_object_get_boolean_member (g_ptr_array_index (unread_lines, 0), "unread"));
  g_assert_cmpint (run_cli_full (fixture, &archived, NULL, "articles", "--archived", NULL), ==, 0);
  g_assert_cmpstr (archived, ==, "");

  g_assert_cmpint (run_cli_full (fixture, NULL, NULL, "articles", "--sort", "size", NULL), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, gloss_test_library_set_up, func, gloss_test_library_tear_down)
  ADD ("/cli/library/import-folder-json", test_import_folder_json);
  ADD ("/cli/library/import-plain-summary", test_import_plain_summary);
  ADD ("/cli/library/import-newer-copy", test_import_newer_copy);
  ADD ("/cli/library/search", test_search);
  ADD ("/cli/library/search-tells-copies-apart", test_search_tells_copies_apart);
  ADD ("/cli/library/articles-filters-and-sort", test_articles_filters_and_sort);
#undef ADD

  return g_test_run ();
}
