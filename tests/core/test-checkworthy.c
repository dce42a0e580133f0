/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-checkworthy"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "gloss-core.h"
#include "gloss-checkworthy-private.h"

/* The check-worthiness model.  Its weights are trained in Python
 * (tools/train-checkworthy.py); the C scores must be the Python scores, or
 * the model shipped is not the model that was measured. */

#define WEIGHTS_FILE GLOSS_SOURCE_DATA "/suggest/checkworthy.weights"

static JsonArray *
expected_scores (JsonParser **parser_out)
{
  g_autofree char *path = g_build_filename (GLOSS_TEST_DATA, "suggest",
                                            "checkworthy-expected.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *rows;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  rows = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (rows), >=, 10);
  *parser_out = g_steal_pointer (&parser);
  return rows;
}

static void
assert_scores_match_python (GlossCheckworthyModel *model)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *rows = expected_scores (&parser);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *text = json_object_get_string_member (row, "text");
      double expected = json_object_get_double_member (row, "score");
      double score = gloss_checkworthy_model_score (model, text);

      if (fabs (score - expected) > 1e-6)
        g_error ("“%s”: C scores %.9f, Python %.9f", text, score, expected);
    }
}

static void
test_builtin_matches_python (void)
{
  g_autoptr(GError) error = NULL;
  GlossCheckworthyModel *model = gloss_checkworthy_model_get_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (model);
  g_assert_true (gloss_checkworthy_model_get_default (NULL) == model);
  assert_scores_match_python (model);
}

static void
test_file_matches_python (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCheckworthyModel) model = gloss_checkworthy_model_load (WEIGHTS_FILE, &error);

  g_assert_no_error (error);
  assert_scores_match_python (model);
  g_assert_cmpfloat (gloss_checkworthy_model_get_threshold (model), ==,
                     gloss_checkworthy_model_get_threshold (gloss_checkworthy_model_get_default (NULL)));
}

static void
test_facts_above_opinions (void)
{
  GlossCheckworthyModel *model = gloss_checkworthy_model_get_default (NULL);
  const char *facts[] = {
    "Unemployment fell to 3.5% in October, the lowest rate since 1969, the Labor Department said.",
    "The company sold 30,154 new cars in October, down 10 percent from a year ago.",
    "Police arrested two men at the harbour on Sunday after a stabbing that killed a passenger.",
  };
  const char *others[] = {
    "“I think this is a great day for our country,” he said.",
    "We will continue to consult, continue to assess.",
    "Which is exactly the problem.",
  };
  double threshold = gloss_checkworthy_model_get_threshold (model);

  g_assert_cmpfloat (threshold, >, 0.0);
  g_assert_cmpfloat (threshold, <, 1.0);
  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    {
      double score = gloss_checkworthy_model_score (model, facts[i]);

      g_assert_true (gloss_checkworthy_model_is_checkworthy (model, facts[i]));
      for (guint j = 0; j < G_N_ELEMENTS (others); j++)
        g_assert_cmpfloat (score, >, gloss_checkworthy_model_score (model, others[j]));
    }
  /* An opinion and a promise are below the threshold (the short rhetorical
   * line is not yet: the model knows little about such fragments). */
  for (guint j = 0; j < 2; j++)
    g_assert_false (gloss_checkworthy_model_is_checkworthy (model, others[j]));
}

static void
test_span_and_bad_text (void)
{
  GlossCheckworthyModel *model = gloss_checkworthy_model_get_default (NULL);
  const char *text = "Oil fell 3% on Tuesday. I hope it goes up.";
  double first, second, whole;

  /* A span scores as the same text on its own. */
  first = gloss_checkworthy_model_score_len (model, text, 23);
  g_assert_cmpfloat (first, ==, gloss_checkworthy_model_score (model, "Oil fell 3% on Tuesday."));
  second = gloss_checkworthy_model_score_len (model, text + 24, -1);
  g_assert_cmpfloat (second, ==, gloss_checkworthy_model_score (model, "I hope it goes up."));
  whole = gloss_checkworthy_model_score (model, text);
  g_assert_cmpfloat (whole, >, 0.0);
  g_assert_cmpfloat (whole, <, 1.0);

  /* Invalid UTF-8 is scored, not rejected: the bad bytes separate words. */
  g_assert_cmpfloat (gloss_checkworthy_model_score (model, "Oil fell \xff" "3% on Tuesday."), ==,
                     gloss_checkworthy_model_score (model, "Oil fell \xef\xbf\xbd" "3% on Tuesday."));
}

static void
assert_refused (const char *contents,
                const char *why)
{
  g_autoptr(GBytes) bytes = g_bytes_new (contents, strlen (contents));
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCheckworthyModel) model = gloss_checkworthy_model_load_bytes (bytes, &error);

  if (model != NULL)
    g_error ("a weights file with %s was accepted", why);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_CORRUPT);
}

#define SCHEME_LINE "scheme " GLOSS_CHECKWORTHY_SCHEME "\n"
#define HEAD "gloss-checkworthy 1\n" SCHEME_LINE "hash fnv1a32 20\nthreshold 0.5\n"

static void
test_damaged_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossCheckworthyModel) missing = NULL;
  g_autoptr(GlossCheckworthyModel) tiny = NULL;
  g_autoptr(GBytes) bytes = NULL;

  assert_refused ("", "nothing in it");
  assert_refused ("{\"weights\": []}\n", "another format");
  assert_refused ("gloss-checkworthy 2\n", "a newer version");
  assert_refused ("gloss-checkworthy 1\nscheme gloss-cw-0\n", "another feature scheme");
  assert_refused (HEAD, "no weights line");
  assert_refused (HEAD "weights 2\n5 0.1\n", "fewer weights than announced");
  assert_refused (HEAD "weights 1\n5 0.1\n6 0.2\n", "more weights than announced");
  assert_refused (HEAD "weights 2\n6 0.1\n5 0.2\n", "buckets out of order");
  assert_refused (HEAD "weights 1\n1048576 0.1\n", "a bucket outside the hash");
  assert_refused (HEAD "weights 1\n5 nan\n", "a weight that is not a number");
  assert_refused ("gloss-checkworthy 1\n" SCHEME_LINE "hash fnv1a32 20\nthreshold 1.5\n"
                  "weights 0\n", "a threshold above 1");

  /* The smallest valid model: only the bias, so every sentence scores the same. */
  bytes = g_bytes_new_static (HEAD "weights 0\n", strlen (HEAD "weights 0\n"));
  tiny = gloss_checkworthy_model_load_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (gloss_checkworthy_model_score (tiny, "Prices rose 5% in 2019."), ==, 0.5);

  missing = gloss_checkworthy_model_load (GLOSS_TEST_DATA "/suggest/no-such.weights", &error);
  g_assert_null (missing);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_IO);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/checkworthy/builtin-matches-python", test_builtin_matches_python);
  g_test_add_func ("/core/checkworthy/file-matches-python", test_file_matches_python);
  g_test_add_func ("/core/checkworthy/facts-above-opinions", test_facts_above_opinions);
  g_test_add_func ("/core/checkworthy/span-and-bad-text", test_span_and_bad_text);
  g_test_add_func ("/core/checkworthy/damaged-files", test_damaged_files);

  return g_test_run ();
}
