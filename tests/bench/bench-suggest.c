/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <json-glib/json-glib.h>

#include "gloss-core.h"

#include "bench-measure.h"

/* How long suggestions take on a long article, against a baseline measured
 * in the same run: building the article itself (each block normalised and
 * stored in a GlossArticle, as the store's load does).  The article is the
 * labelled news paragraphs of tests/data/claims, repeated in order until it
 * has the words asked for (10,000 by default).  Rounds of the two alternate
 * so a loaded machine slows both alike; the medians are reported.
 *
 * Usage: bench-suggest [--words N] [--rounds N] [LABELS.json] */

static GPtrArray *
load_paragraphs (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *paragraphs = g_ptr_array_new_with_free_func (g_free);
  JsonArray *articles;

  if (!json_parser_load_from_file (parser, path, &error))
    {
      fprintf (stderr, "bench-suggest: %s: %s\n", path, error->message);
      exit (1);
    }
  articles = json_node_get_array (json_parser_get_root (parser));
  for (guint a = 0; a < json_array_get_length (articles); a++)
    {
      JsonArray *paras = json_object_get_array_member (json_array_get_object_element (articles, a),
                                                       "paragraphs");

      for (guint p = 0; p < json_array_get_length (paras); p++)
        g_ptr_array_add (paragraphs, g_strdup (json_array_get_string_element (paras, p)));
    }
  return paragraphs;
}

static GlossArticle *
build_article (GPtrArray *paragraphs,
               guint      n_paragraphs)
{
  GlossArticle *article = gloss_article_new ();

  for (guint i = 0; i < n_paragraphs; i++)
    gloss_article_append_block (article, GLOSS_BLOCK_PARAGRAPH,
                                g_ptr_array_index (paragraphs, i % paragraphs->len));
  return article;
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
  g_autoptr(GPtrArray) paragraphs = NULL;
  g_autoptr(GArray) build_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) suggest_ms = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_paragraphs = 0;
  guint total = 0;
  guint n_sentences = 0;
  guint n_labelled = 0;
  double b;
  double s;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-suggest: %s\n", error->message);
      return 2;
    }
  paragraphs = load_paragraphs (argc > 1 ? argv[1] : BENCH_DEFAULT_LABELS);
  while (total < (guint) words)
    total += bench_count_words (g_ptr_array_index (paragraphs, n_paragraphs++ % paragraphs->len));

  for (int r = 0; r < rounds + 1; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(GlossArticle) article = build_article (paragraphs, n_paragraphs);
      gint64 t1 = g_get_monotonic_time ();
      g_autoptr(GlossSuggestions) suggestions = gloss_suggest (article);
      gint64 t2 = g_get_monotonic_time ();
      double build = (t1 - t0) / 1000.0;
      double suggest = (t2 - t1) / 1000.0;

      if (r == 0)
        {
          /* a warm-up round, not counted */
          n_sentences = gloss_suggestions_get_n_sentences (suggestions);
          for (guint i = 0; i < n_sentences; i++)
            n_labelled += gloss_suggestions_get_sentence (suggestions, i)->labels != 0;
          continue;
        }
      g_array_append_val (build_ms, build);
      g_array_append_val (suggest_ms, suggest);
    }
  b = bench_median (build_ms);
  s = bench_median (suggest_ms);
  printf ("article: %u words, %u paragraphs, %u sentences (%u with a suggestion)\n", total,
          n_paragraphs, n_sentences, n_labelled);
  printf ("baseline, building the article: %.2f ms (median of %d)\n", b, rounds);
  printf ("suggestions: %.2f ms (median of %d)\n", s, rounds);
  printf ("ratio suggestions / baseline: %.1f\n", s / b);
  return 0;
}
