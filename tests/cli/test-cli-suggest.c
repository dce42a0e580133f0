/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cli-fixture.h"

/* gloss-cli suggest: one JSON object per sentence with its place, labels,
 * scores, speaker and what a denial answers. */

static GPtrArray *
lines_of (const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  GPtrArray *objects = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  for (char **l = lines; *l; l++)
    if (**l != '\0')
      g_ptr_array_add (objects, parse_object (*l));
  return objects;
}

static JsonObject *
sentence_starting (GPtrArray  *objects,
                   const char *prefix)
{
  for (guint i = 0; i < objects->len; i++)
    {
      JsonObject *o = g_ptr_array_index (objects, i);

      if (g_str_has_prefix (json_object_get_string_member (o, "text"), prefix))
        return o;
    }
  g_error ("no sentence starts with “%s”", prefix);
  return NULL;
}

static gboolean
has_label (JsonObject *o,
           const char *label)
{
  JsonArray *labels = json_object_get_array_member (o, "labels");

  for (guint i = 0; i < json_array_get_length (labels); i++)
    if (g_str_equal (json_array_get_string_element (labels, i), label))
      return TRUE;
  return FALSE;
}

static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *sample = g_build_filename (GLOSS_TEST_DATA, "nato-huawei.txt", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GPtrArray) objects = NULL;
  JsonObject *o;
  JsonObject *speaker;
  JsonObject *answers;
  g_autofree char *shown = NULL;
  g_autoptr(JsonObject) article = NULL;
  JsonArray *blocks;

  g_assert_cmpint (run_cli (fixture, NULL, "import", sample, NULL), ==, 0);
  g_assert_cmpint (run_cli (fixture, &out, "suggest", "--json", "1", NULL), ==, 0);
  objects = lines_of (out);
  g_assert_cmpuint (objects->len, >=, 9);

  /* every member, on a sentence that has no label too */
  o = sentence_starting (objects, "The United States is lobbying");
  for (const char * const *m = (const char * const[]) { "block", "start", "end", "text", "labels",
                                                          "scores", "speaker", "answers", NULL };
       *m; m++)
    g_assert_true (json_object_has_member (o, *m));
  g_assert_false (has_label (o, "claim"));
  g_assert_false (has_label (o, "denial"));
  g_assert_true (json_object_get_null_member (o, "speaker"));
  g_assert_true (json_object_get_null_member (o, "answers"));
  /* the check-worthiness model's probability, and the label from its threshold */
  {
    JsonObject *scores = json_object_get_object_member (o, "scores");
    double p = json_object_get_double_member (scores, "checkworthy");

    g_assert_cmpfloat (p, >=, 0.0);
    g_assert_cmpfloat (p, <=, 1.0);
    g_assert_cmpfloat (json_object_get_double_member (scores, "claim"), ==, 0.0);
  }

  /* offsets are code points of the block that `show` prints */
  g_assert_cmpint (run_cli (fixture, &shown, "show", "--json", "1", NULL), ==, 0);
  article = parse_object (shown);
  blocks = json_object_get_array_member (article, "blocks");
  o = sentence_starting (objects, "“NATO takes these concerns");
  {
    const char *text = json_object_get_string_member (
      json_array_get_object_element (blocks, (guint) json_object_get_int_member (o, "block")),
      "text");
    const char *a = g_utf8_offset_to_pointer (text, json_object_get_int_member (o, "start"));
    const char *b = g_utf8_offset_to_pointer (text, json_object_get_int_member (o, "end"));
    g_autofree char *cut = g_strndup (a, b - a);

    g_assert_cmpstr (cut, ==, json_object_get_string_member (o, "text"));
  }
  g_assert_true (has_label (o, "claim"));
  speaker = json_object_get_object_member (o, "speaker");
  g_assert_cmpstr (json_object_get_string_member (speaker, "name"), ==, "Jens Stoltenberg");

  /* a denial with its speaker and what it answers */
  o = sentence_starting (objects, "Huawei rejects accusations");
  g_assert_true (has_label (o, "claim"));
  g_assert_true (has_label (o, "denial"));
  speaker = json_object_get_object_member (o, "speaker");
  g_assert_cmpstr (json_object_get_string_member (speaker, "name"), ==, "Huawei");
  g_assert_cmpint (json_object_get_int_member (speaker, "start"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (speaker, "end"), ==, 6);
  answers = json_object_get_object_member (o, "answers");
  g_assert_nonnull (answers);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (answers, "text"),
                                   "that it might facilitate Chinese spying"));
}

/* The text output is read by people: paragraphs count from 1 there, as in
 * `show` and the exports, while the JSON keeps the 0-based block. */
static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *sample = g_build_filename (GLOSS_TEST_DATA, "nato-huawei.txt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GPtrArray) objects = NULL;
  JsonObject *o;

  g_assert_cmpint (run_cli (fixture, NULL, "import", sample, NULL), ==, 0);
  g_assert_cmpint (run_cli (fixture, &json, "suggest", "--json", "1", NULL), ==, 0);
  objects = lines_of (json);
  o = sentence_starting (objects, "BRUSSELS (AP)");
  g_assert_cmpint (json_object_get_int_member (o, "block"), ==, 0);

  g_assert_cmpint (run_cli (fixture, &out, "suggest", "1", NULL), ==, 0);
  /* The first paragraph's claim by Stoltenberg, as paragraph 1 */
  g_assert_true (g_str_has_prefix (out, "[1:0-"));
  g_assert_nonnull (strstr (out, "\tJens Stoltenberg\n    BRUSSELS (AP)"));
  g_assert_null (strstr (out, "[0:"));
  /* Huawei's denial is the fourth paragraph */
  g_assert_nonnull (strstr (out, "[4:0-114] claim,denial"));
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "artikel.txt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) objects = NULL;
  JsonObject *o;

  /* no such article, no id */
  g_assert_cmpint (run_cli (fixture, NULL, "suggest", "7", NULL), ==, 1);
  g_assert_cmpint (run_cli (fixture, NULL, "suggest", NULL), ==, 2);

  /* an article in German: no suggestions, and why */
  g_file_set_contents (path,
                       "Die Brücke bleibt gesperrt\n\n"
                       "Der Bürgermeister sagte am Montag, dass die Brücke erst im Mai wieder "
                       "geöffnet wird. Die Firma weist die Vorwürfe zurück und spricht von einer "
                       "Kampagne gegen sie. Die Stadt hat noch nicht entschieden, wer die "
                       "Kosten für die Reparatur tragen soll, und die Anwohner sind wütend.\n",
                       -1, NULL);
  g_assert_cmpint (run_cli (fixture, NULL, "import", path, NULL), ==, 0);
  g_assert_cmpint (run_cli_full (fixture, &out, &err, "suggest", "--json", "1", NULL), ==, 1);
  objects = lines_of (out);
  g_assert_cmpuint (objects->len, ==, 1);
  o = g_ptr_array_index (objects, 0);
  g_assert_false (json_object_get_boolean_member (o, "available"));
  g_assert_cmpstr (json_object_get_string_member (o, "language"), ==, "de");
  g_assert_nonnull (strstr (err, "“de”"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/suggest/json", Fixture, NULL, gloss_test_library_set_up, test_json,
              gloss_test_library_tear_down);
  g_test_add ("/cli/suggest/text", Fixture, NULL, gloss_test_library_set_up, test_text,
              gloss_test_library_tear_down);
  g_test_add ("/cli/suggest/errors", Fixture, NULL, gloss_test_library_set_up, test_errors,
              gloss_test_library_tear_down);

  return g_test_run ();
}
