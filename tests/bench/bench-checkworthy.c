/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <json-glib/json-glib.h>

#include "gloss-core.h"

#include "bench-measure.h"

/* How long the check-worthiness model takes to score every sentence of a
 * long article, against a baseline measured in the same run: lower-casing
 * each sentence with g_utf8_strdown() (one pass over the same text, with an
 * allocation per sentence, as the scoring has).  The sentences are those of
 * the labelled news articles in tests/data/claims, repeated in order until
 * they hold the words asked for (10,000 by default).  Rounds of the two
 * alternate so a loaded machine slows both alike; the medians are reported.
 *
 * Usage: bench-checkworthy [--words N] [--rounds N] [LABELS.json] */

static GPtrArray *
load_sentences (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *sentences = g_ptr_array_new_with_free_func (g_free);
  JsonArray *articles;

  if (!json_parser_load_from_file (parser, path, &error))
    {
      fprintf (stderr, "bench-checkworthy: %s: %s\n", path, error->message);
      exit (1);
    }
  articles = json_node_get_array (json_parser_get_root (parser));
  for (guint a = 0; a < json_array_get_length (articles); a++)
    {
      JsonArray *list = json_object_get_array_member (json_array_get_object_element (articles, a),
                                                      "sentences");

      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          JsonObject *s = json_array_get_object_element (list, i);

          g_ptr_array_add (sentences, g_strdup (json_object_get_string_member (s, "text")));
        }
    }
  return sentences;
}

int
main (int    argc,
      char **argv)
{
  int words = 10000;
  int rounds = 21;
  const GOptionEntry entries[] = {
    { "words", 0, 0, G_OPTION_ARG_INT, &words, "Words in the article (10000)", "N" },
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "Rounds of each (21)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("[LABELS.json]");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sentences = NULL;
  g_autoptr(GArray) base_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) score_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GlossCheckworthyModel *model;
  guint n = 0, total = 0, n_worth = 0;
  gint64 t0;
  double b, s;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-checkworthy: %s\n", error->message);
      return 2;
    }
  sentences = load_sentences (argc > 1 ? argv[1] : BENCH_DEFAULT_LABELS);
  while (total < (guint) words)
    total += bench_count_words (g_ptr_array_index (sentences, n++ % sentences->len));

  t0 = g_get_monotonic_time ();
  model = gloss_checkworthy_model_get_default (&error);
  if (model == NULL)
    {
      fprintf (stderr, "bench-checkworthy: %s\n", error->message);
      return 1;
    }
  printf ("loading the built-in model: %.2f ms\n", (g_get_monotonic_time () - t0) / 1000.0);

  for (int r = 0; r < rounds + 1; r++)
    {
      gint64 t1, t2, t3;
      guint worth = 0;
      double base, score;

      t1 = g_get_monotonic_time ();
      for (guint i = 0; i < n; i++)
        g_free (g_utf8_strdown (g_ptr_array_index (sentences, i % sentences->len), -1));
      t2 = g_get_monotonic_time ();
      for (guint i = 0; i < n; i++)
        worth += gloss_checkworthy_model_is_checkworthy (model,
                                                         g_ptr_array_index (sentences,
                                                                            i % sentences->len));
      t3 = g_get_monotonic_time ();
      if (r == 0)
        {
          /* a warm-up round, not counted */
          n_worth = worth;
          continue;
        }
      base = (t2 - t1) / 1000.0;
      score = (t3 - t2) / 1000.0;
      g_array_append_val (base_ms, base);
      g_array_append_val (score_ms, score);
    }
  b = bench_median (base_ms);
  s = bench_median (score_ms);
  printf ("article: %u words, %u sentences (%u worth checking)\n", total, n, n_worth);
  printf ("baseline, lower-casing every sentence: %.2f ms (median of %d)\n", b, rounds);
  printf ("scoring every sentence: %.2f ms (median of %d)\n", s, rounds);
  printf ("ratio scoring / baseline: %.1f\n", s / b);
  return 0;
}
