/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cli-store"

#include "config.h"

#include "cli-fixture.h"

/* The fact-checker's session from the command line: import the sample, mark
 * the claim and the denial that answers it, come back after the article
 * changed. */

#define CLAIM "some of NATO’s 29 allies are uneasy about the potential security challenges of working with Huawei"
#define DENIAL "there is no evidence that Huawei poses any threat to cybersecurity"

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

static char *
fixture_path (const char *name)
{
  return g_build_filename (GLOSS_TEST_DATA, name, NULL);
}

static glong
code_point_index (const char *haystack,
                  const char *needle)
{
  const char *found = strstr (haystack, needle);

  g_assert_nonnull (found);
  return g_utf8_pointer_to_offset (haystack, found);
}

static const char *
block_text (JsonObject *article,
            guint       index)
{
  JsonArray *blocks = json_object_get_array_member (article, "blocks");

  return json_object_get_string_member (json_array_get_object_element (blocks, index), "text");
}

/* Imports the sample and marks the claim and the denial; returns the
 * article id and both annotations. */
static void
mark_sample (Fixture     *fixture,
             JsonObject **out_claim,
             JsonObject **out_denial)
{
  g_autofree char *sample = fixture_path ("nato-huawei.txt");
  g_autofree char *out = NULL;
  g_autofree char *claim_out = NULL;
  g_autofree char *denial_out = NULL;
  g_autofree char *link = NULL;
  g_autoptr(JsonObject) imported = NULL;

  g_assert_cmpint (run_cli (fixture, &out, "import", "--json", sample, NULL), ==, 0);
  imported = parse_object (out);
  g_assert_cmpint (json_object_get_int_member (imported, "article"), ==, 1);
  g_assert_false (json_object_get_boolean_member (imported, "duplicate"));

  g_assert_cmpint (run_cli (fixture, &claim_out, "annotate", "1", "--kind", "claim", "--quote", CLAIM,
                            "--speaker", "NATO allies", "--json", NULL), ==, 0);
  *out_claim = parse_object (claim_out);
  link = g_strdup_printf ("responds-to:%" G_GINT64_FORMAT,
                          json_object_get_int_member (*out_claim, "id"));
  g_assert_cmpint (run_cli (fixture, &denial_out, "annotate", "1", "--kind", "denial", "--quote", DENIAL,
                            "--speaker", "Huawei", "--link", link, "--note", "Statement after the remarks",
                            "--json", NULL), ==, 0);
  *out_denial = parse_object (denial_out);
}

static void
test_mark_claim_and_denial (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(JsonObject) claim = NULL;
  g_autoptr(JsonObject) denial = NULL;
  g_autoptr(JsonObject) article = NULL;
  g_autoptr(JsonObject) edited = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *edit_out = NULL;
  g_autofree char *listed_text = NULL;
  g_autofree char *incoming = NULL;
  g_autofree char *answered = NULL;
  g_auto(GStrv) lines = NULL;
  JsonArray *links;
  glong claim_start, denial_start;

  mark_sample (fixture, &claim, &denial);
  g_assert_cmpint (run_cli (fixture, &shown, "show", "1", "--json", NULL), ==, 0);
  article = parse_object (shown);
  g_assert_cmpint (json_object_get_int_member (article, "id"), ==, 1);

  claim_start = code_point_index (block_text (article, 1), CLAIM);
  g_assert_cmpint (json_object_get_int_member (claim, "start_block"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (claim, "end_block"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (claim, "start_offset"), ==, claim_start);
  g_assert_cmpint (json_object_get_int_member (claim, "end_offset"), ==,
                   claim_start + g_utf8_strlen (CLAIM, -1));
  g_assert_cmpstr (json_object_get_string_member (claim, "kind"), ==, "claim");
  g_assert_cmpstr (json_object_get_string_member (claim, "verdict"), ==, "unrated");

  denial_start = code_point_index (block_text (article, 6), DENIAL);
  g_assert_cmpint (json_object_get_int_member (denial, "start_block"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (denial, "start_offset"), ==, denial_start);
  g_assert_cmpint (json_object_get_int_member (denial, "end_offset"), ==,
                   denial_start + g_utf8_strlen (DENIAL, -1));
  g_assert_cmpstr (json_object_get_string_member (denial, "exact"), ==, DENIAL);
  g_assert_true (json_object_get_null_member (denial, "verdict"));
  links = json_object_get_array_member (denial, "links");
  g_assert_cmpuint (json_array_get_length (links), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (links, 0), "relation"),
                   ==, "responds-to");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (links, 0), "annotation"),
                   ==, json_object_get_int_member (claim, "id"));

  /* A verdict on the claim, kept across processes. */
  g_assert_cmpint (run_cli (fixture, &edit_out, "edit-annotation", "1", "--verdict", "unverifiable",
                            "--json", NULL), ==, 0);
  edited = parse_object (edit_out);
  g_assert_cmpstr (json_object_get_string_member (edited, "verdict"), ==, "unverifiable");

  g_assert_cmpint (run_cli (fixture, &listed, "annotations", "1", "--json", NULL), ==, 0);
  lines = g_strsplit (g_strchomp (listed), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_nonnull (strstr (lines[0], "\"verdict\":\"unverifiable\""));
  g_assert_nonnull (strstr (lines[1], "\"responds-to\""));
  /* The claim knows the denial that answers it. */
  incoming = g_strdup_printf ("\"incoming_links\":[{\"relation\":\"responds-to\","
                              "\"annotation\":%" G_GINT64_FORMAT ",",
                              json_object_get_int_member (denial, "id"));
  g_assert_nonnull (strstr (lines[0], incoming));

  /* And so does the list a person reads. */
  g_assert_cmpint (run_cli (fixture, &listed_text, "annotations", "1", NULL), ==, 0);
  answered = g_strdup_printf ("\tanswered-by %" G_GINT64_FORMAT "\n",
                              json_object_get_int_member (denial, "id"));
  g_assert_nonnull (strstr (listed_text, answered));
}

/* The claim was marked a word short; moved onto the right words it keeps
 * its number, speaker, verdict and the denial's link to it. */
static void
test_edit_annotation_words (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(JsonObject) claim = NULL;
  g_autoptr(JsonObject) denial = NULL;
  g_autoptr(JsonObject) article = NULL;
  g_autoptr(JsonObject) edited = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *out = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *incoming = NULL;
  glong start;
  const char *shorter = "NATO’s 29 allies are uneasy";

  mark_sample (fixture, &claim, &denial);
  g_assert_cmpint (run_cli (fixture, &shown, "show", "1", "--json", NULL), ==, 0);
  article = parse_object (shown);
  start = code_point_index (block_text (article, 1), shorter);

  g_assert_cmpint (run_cli (fixture, &out, "edit-annotation", "1", "--quote", shorter, "--json",
                            NULL), ==, 0);
  edited = parse_object (out);
  g_assert_cmpint (json_object_get_int_member (edited, "id"), ==,
                   json_object_get_int_member (claim, "id"));
  g_assert_cmpstr (json_object_get_string_member (edited, "uuid"), ==,
                   json_object_get_string_member (claim, "uuid"));
  g_assert_cmpstr (json_object_get_string_member (edited, "exact"), ==, shorter);
  g_assert_cmpint (json_object_get_int_member (edited, "start_block"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (edited, "start_offset"), ==, start);
  g_assert_cmpint (json_object_get_int_member (edited, "end_offset"), ==,
                   start + g_utf8_strlen (shorter, -1));
  g_assert_cmpstr (json_object_get_string_member (edited, "state"), ==, "anchored");
  g_assert_cmpstr (json_object_get_string_member (edited, "speaker"), ==, "NATO allies");
  g_clear_pointer (&edited, json_object_unref);
  g_clear_pointer (&out, g_free);

  /* By position, paragraphs from 1: back onto the whole claim. */
  {
    g_autofree char *from = NULL;
    g_autofree char *to = NULL;

    start = code_point_index (block_text (article, 1), CLAIM);
    from = g_strdup_printf ("2:%ld", start);
    to = g_strdup_printf ("2:%ld", start + g_utf8_strlen (CLAIM, -1));
    g_assert_cmpint (run_cli (fixture, &out, "edit-annotation", "1", "--start", from, "--end", to,
                              "--json", NULL), ==, 0);
    edited = parse_object (out);
    g_assert_cmpstr (json_object_get_string_member (edited, "exact"), ==, CLAIM);
    g_clear_pointer (&out, g_free);
  }

  /* Words not in the article change nothing; the denial still answers it. */
  g_assert_cmpint (run_cli (fixture, &out, "edit-annotation", "1", "--quote",
                            "NATO has left the building", NULL), ==, 1);
  g_assert_cmpint (run_cli (fixture, &listed, "annotations", "1", "--json", NULL), ==, 0);
  g_assert_cmpint (count_lines (listed), ==, 2);
  {
    g_auto(GStrv) lines = g_strsplit (listed, "\n", -1);
    g_autoptr(JsonObject) first = parse_object (lines[0]);

    g_assert_cmpstr (json_object_get_string_member (first, "exact"), ==, CLAIM);
  }
  incoming = g_strdup_printf ("\"incoming_links\":[{\"relation\":\"responds-to\","
                              "\"annotation\":%" G_GINT64_FORMAT ",",
                              json_object_get_int_member (denial, "id"));
  g_assert_nonnull (strstr (listed, incoming));
}

static void
test_errors_store_nothing (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(JsonObject) claim = NULL;
  g_autoptr(JsonObject) denial = NULL;
  g_autofree char *out = NULL;
  g_autofree char *listed = NULL;

  mark_sample (fixture, &claim, &denial);

  g_assert_cmpint (run_cli (fixture, &out, "annotate", "1", "--kind", "claim", "--quote",
                            "NATO has left the building", NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (fixture, &out, "annotate", "1", "--kind", "claim", "--start", "1:0",
                            "--end", "40:2", NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (fixture, &out, "annotate", "1", "--kind", "claim", "--quote", "NATO",
                            "--link", "responds-to:99", NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (fixture, &out, "annotate", "7", "--kind", "claim", "--quote", "NATO", NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (fixture, &out, "annotate", "1", "--kind", "rumour", "--quote", "NATO", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (fixture, &out, "annotate", "1", "--kind", "denial", "--quote", "NATO",
                            "--verdict", "false", NULL), ==, 2);

  /* Only the two good annotations are there. */
  g_assert_cmpint (run_cli (fixture, &listed, "annotations", "1", "--json", NULL), ==, 0);
  g_assert_cmpint (count_lines (listed), ==, 2);
}

static void
test_update_keeps_words (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(JsonObject) claim = NULL;
  g_autoptr(JsonObject) denial = NULL;
  g_autofree char *v2 = fixture_path ("cli/nato-huawei-v2.txt");
  g_autofree char *v3 = fixture_path ("cli/nato-huawei-v3.txt");
  g_autofree char *out = NULL;
  g_autofree char *out3 = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) lines3 = NULL;
  g_autoptr(JsonObject) claim_after = NULL;
  g_autoptr(JsonObject) denial_after = NULL;
  g_autoptr(JsonObject) denial_orphan = NULL;
  const char *state;

  mark_sample (fixture, &claim, &denial);

  /* A sentence inserted before the denial and a word changed elsewhere. */
  g_assert_cmpint (run_cli (fixture, &out, "update", "1", v2, "--json", NULL), ==, 0);
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  claim_after = parse_object (lines[0]);
  denial_after = parse_object (lines[1]);
  g_assert_cmpstr (json_object_get_string_member (claim_after, "exact"), ==, CLAIM);
  state = json_object_get_string_member (claim_after, "state");
  g_assert_true (g_str_equal (state, "anchored") || g_str_equal (state, "moved"));
  g_assert_cmpstr (json_object_get_string_member (denial_after, "exact"), ==, DENIAL);
  g_assert_cmpstr (json_object_get_string_member (denial_after, "state"), ==, "moved");
  g_assert_cmpint (json_object_get_int_member (denial_after, "start_block"), ==, 7);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (denial_after, "links")), ==, 1);

  /* The denial's sentence is gone: orphaned, quote intact. */
  g_assert_cmpint (run_cli (fixture, &out3, "update", "1", v3, "--json", NULL), ==, 0);
  lines3 = g_strsplit (g_strchomp (out3), "\n", -1);
  denial_orphan = parse_object (lines3[1]);
  g_assert_cmpstr (json_object_get_string_member (denial_orphan, "state"), ==, "orphaned");
  g_assert_cmpstr (json_object_get_string_member (denial_orphan, "exact"), ==, DENIAL);
}

static void
test_delete_and_reextract (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(JsonObject) claim = NULL;
  g_autoptr(JsonObject) denial = NULL;
  g_autofree char *out = NULL;
  g_autofree char *again = NULL;
  g_autofree char *listed = NULL;

  mark_sample (fixture, &claim, &denial);

  g_assert_cmpint (run_cli (fixture, &out, "reextract", "--all", "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"state\":\"anchored\""));
  g_assert_null (strstr (out, "orphaned"));

  g_assert_cmpint (run_cli (fixture, &again, "delete-annotation", "1", NULL), ==, 0);
  g_clear_pointer (&again, g_free);
  g_assert_cmpint (run_cli (fixture, &again, "delete-annotation", "1", NULL), ==, 1);
  g_assert_cmpint (run_cli (fixture, &listed, "annotations", "1", "--json", NULL), ==, 0);
  /* The denial stays, and its link to the deleted claim went with the claim. */
  g_assert_nonnull (strstr (listed, "\"kind\":\"denial\""));
  g_assert_nonnull (strstr (listed, "\"links\":[]"));
}

static void
test_backup_and_restore (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(JsonObject) claim = NULL;
  g_autoptr(JsonObject) denial = NULL;
  g_autoptr(JsonObject) backup = NULL;
  g_autofree char *out = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *after = NULL;

  mark_sample (fixture, &claim, &denial);
  g_assert_cmpint (run_cli (fixture, &out, "backup", "--json", NULL), ==, 0);
  backup = parse_object (out);
  g_assert_true (g_file_test (json_object_get_string_member (backup, "backup"), G_FILE_TEST_IS_REGULAR));

  /* Both annotations are deleted by mistake, then the backup brings them back. */
  g_assert_cmpint (run_cli (fixture, &listed, "delete-annotation", "1", NULL), ==, 0);
  g_clear_pointer (&listed, g_free);
  g_assert_cmpint (run_cli (fixture, &listed, "delete-annotation", "2", NULL), ==, 0);
  g_assert_cmpint (run_cli (fixture, &restored, "restore",
                            json_object_get_string_member (backup, "backup"), NULL), ==, 0);
  g_assert_cmpint (run_cli (fixture, &after, "annotations", "1", "--json", NULL), ==, 0);
  g_assert_cmpint (count_lines (after), ==, 2);
  g_assert_nonnull (strstr (after, "\"responds-to\""));
}

/* Paragraphs are counted from 1 wherever a person reads or types them
 * (show, annotate --start/--end, the annotation lines, errors), while the
 * JSON keeps the model's 0-based block indexes; a quote typed with a
 * straight apostrophe finds the article's curly one and stores it. */
static void
test_paragraphs_from_one_and_typed_quotes (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autofree char *sample = fixture_path ("nato-huawei.txt");
  g_autofree char *shown = NULL;
  g_autofree char *shown_json = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *ranged = NULL;
  g_autofree char *line = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(JsonObject) article = NULL;
  g_autoptr(JsonObject) claim = NULL;
  g_autoptr(JsonObject) range = NULL;
  guint claim_block;

  g_assert_cmpint (run_cli (fixture, NULL, "import", sample, NULL), ==, 0);
  g_assert_cmpint (run_cli (fixture, &shown_json, "show", "--json", "1", NULL), ==, 0);
  article = parse_object (shown_json);
  for (claim_block = 0; strstr (block_text (article, claim_block), "29 allies") == NULL; claim_block++)
    ;

  /* show numbers the first block 1. */
  g_assert_cmpint (run_cli (fixture, &shown, "show", "1", NULL), ==, 0);
  expected = g_strdup_printf ("\n[%u paragraph] %s", claim_block + 1, block_text (article, claim_block));
  g_assert_nonnull (strstr (shown, expected));
  g_assert_null (strstr (shown, "\n[0 "));

  /* Straight apostrophe typed, curly one stored. */
  g_assert_cmpint (run_cli (fixture, &typed, "annotate", "1", "--kind", "claim", "--json", "--quote",
                            "some of NATO's 29 allies", NULL), ==, 0);
  claim = parse_object (typed);
  g_assert_cmpstr (json_object_get_string_member (claim, "exact"), ==, "some of NATO’s 29 allies");
  g_assert_cmpint (json_object_get_int_member (claim, "start_block"), ==, claim_block);

  /* The annotation line says the paragraph show printed. */
  g_assert_cmpint (run_cli (fixture, &line, "annotations", "1", NULL), ==, 0);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("\t¶%u:", claim_block + 1);
  g_assert_nonnull (strstr (line, expected));

  /* --start and --end take the paragraph show printed. */
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%u:0", claim_block + 1);
  g_assert_cmpint (run_cli (fixture, &ranged, "annotate", "1", "--kind", "question", "--json",
                            "--start", expected, "--end", expected + 0, NULL), ==, 1);
  g_clear_pointer (&ranged, g_free);
  {
    g_autofree char *end = g_strdup_printf ("%u:10", claim_block + 1);

    g_assert_cmpint (run_cli (fixture, &ranged, "annotate", "1", "--kind", "question", "--json",
                              "--start", expected, "--end", end, NULL), ==, 0);
  }
  range = parse_object (ranged);
  g_assert_cmpint (json_object_get_int_member (range, "start_block"), ==, claim_block);
  g_assert_cmpint (json_object_get_int_member (range, "start_offset"), ==, 0);
  g_assert_cmpint (run_cli (fixture, NULL, "annotate", "1", "--kind", "question", "--start", "0:0",
                            "--end", "1:2", NULL), ==, 2);

  /* A note: a plain highlight. */
  g_assert_cmpint (run_cli (fixture, NULL, "annotate", "1", "--kind", "note", "--quote", "Huawei", NULL), ==, 0);

  /* Nothing matches: the error says what came closest, and where. */
  g_assert_cmpint (run_cli_full (fixture, NULL, &err, "annotate", "1", "--kind", "claim", "--quote",
                                 "some of NATO's 28 allies are uneasy", NULL), ==, 1);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("paragraph %u: “some of NATO’s 29 allies are uneasy”", claim_block + 1);
  g_assert_nonnull (strstr (err, expected));
}

/* export --json, like every command's: one JSON object saying what was
 * exported, with the export itself when it went to no file. */
static void
test_export_json (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JsonObject) claim = NULL;
  g_autoptr(JsonObject) denial = NULL;
  g_autoptr(JsonObject) printed = NULL;
  g_autoptr(JsonObject) written = NULL;
  g_autofree char *out = NULL;
  g_autofree char *to_file = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "brief.md", NULL);
  g_autofree char *contents = NULL;

  mark_sample (fixture, &claim, &denial);
  g_assert_cmpint (run_cli (fixture, &out, "export", "--json", "--format", "markdown", "--all", NULL), ==, 0);
  g_assert_cmpuint (count_lines (out), ==, 1);
  printed = parse_object (out);
  g_assert_cmpstr (json_object_get_string_member (printed, "format"), ==, "markdown");
  g_assert_cmpint (json_object_get_int_member (printed, "articles"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (printed, "annotations"), ==, 2);
  g_assert_nonnull (strstr (json_object_get_string_member (printed, "content"), "> " DENIAL));

  g_assert_cmpint (run_cli (fixture, &to_file, "export", "--json", "--format", "md", "--all", "-o", path,
                            NULL), ==, 0);
  written = parse_object (to_file);
  g_assert_cmpstr (json_object_get_string_member (written, "file"), ==, path);
  g_assert_false (json_object_has_member (written, "content"));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpint (json_object_get_int_member (written, "bytes"), ==, (gint64) strlen (contents));
  g_unlink (path);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, gloss_test_library_set_up, func, gloss_test_library_tear_down)
  ADD ("/cli/store/mark-claim-and-denial", test_mark_claim_and_denial);
  ADD ("/cli/store/edit-annotation-words", test_edit_annotation_words);
  ADD ("/cli/store/errors-store-nothing", test_errors_store_nothing);
  ADD ("/cli/store/update-keeps-words", test_update_keeps_words);
  ADD ("/cli/store/delete-and-reextract", test_delete_and_reextract);
  ADD ("/cli/store/backup-and-restore", test_backup_and_restore);
  ADD ("/cli/store/paragraphs-from-one-and-typed-quotes", test_paragraphs_from_one_and_typed_quotes);
  ADD ("/cli/store/export-json", test_export_json);
#undef ADD

  return g_test_run ();
}
