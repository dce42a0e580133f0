/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-library"

#include "config.h"

#include <stdio.h>
#include <glib/gstdio.h>

#include "bench-corpus.h"

/*
 * The library at scale, in one run:
 *
 *  1. import throughput: N_ARTICLES pages generated from the dev corpus
 *     (paragraphs shuffled, words substituted, so every file has its own
 *     bytes and text) imported from disk with gloss_store_import_files(),
 *     in rounds of ROUND files, against extraction alone
 *     (gloss_extract_load_file + gloss_extract_full) of the first round's
 *     same files, as a ratio;
 *  2. N_ANNOTATIONS annotations with notes and speakers added;
 *  3. search latency p50/p95 (gloss_store_search, 20 results per group)
 *     over a set of typed and FTS5 queries;
 *  4. the library listing (gloss_store_list_articles_full, what the
 *     sidebar model loads) in a fresh process: time and peak RSS.
 *
 *   bench-library [--folder DEV_HTML] [--articles N] [--annotations N] [--keep DB]
 */

#define ROUND BENCH_CORPUS_ROUND
#define SEARCH_REPEATS 7

static const char * const queries[] = {
  "huawei", "security", "Huawei no evid", "govern", "president said", "\"prime minister\"",
  "police", "elect", "econom", "climate OR weather", "hu", "sec", "court ruling", "speaker:nato",
  "evidence", "verif", "cafe", "müller", "minister NOT president", "the",
};

/* Extraction alone on the files of @folder: returns seconds. */
static double
extract_folder (const char *folder,
                guint      *out_n)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GlossExtractOptions options;
  const char *name;
  double start = bench_now_seconds ();

  gloss_extract_options_init (&options);
  *out_n = 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GBytes) bytes = gloss_extract_load_file (file, options.max_input_bytes, NULL, NULL);
      g_autoptr(GlossArticle) article = NULL;

      if (bytes != NULL)
        article = gloss_extract_full (bytes, name, &options, NULL);
      if (article != NULL)
        (*out_n)++;
    }

  return bench_now_seconds () - start;
}

/* The child process: open, list, report time and peak RSS. */
static int
list_only (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  double open_start = bench_now_seconds (), list_start, end;
  gsize rss_before;

  store = gloss_store_open (db, &error);
  g_assert_no_error (error);
  rss_before = bench_peak_rss_kib ();
  list_start = bench_now_seconds ();
  summaries = gloss_store_list_articles_full (store, GLOSS_ARTICLE_FILTER_NOT_ARCHIVED,
                                              GLOSS_ARTICLE_SORT_ADDED, &error);
  end = bench_now_seconds ();
  g_assert_no_error (error);
  printf ("%u %.1f %.1f %zu %zu\n", summaries->len, (list_start - open_start) * 1000,
          (end - list_start) * 1000, rss_before, bench_peak_rss_kib ());
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *folder = NULL;
  g_autofree char *keep = NULL;
  g_autofree char *list_db = NULL;
  int n_articles = 10000;
  int n_annotations = 100000;
  const GOptionEntry entries[] = {
    { "folder", 0, 0, G_OPTION_ARG_FILENAME, &folder, "Dev corpus of .html pages", "DIR" },
    { "articles", 0, 0, G_OPTION_ARG_INT, &n_articles, "Articles to generate (10000)", "N" },
    { "annotations", 0, 0, G_OPTION_ARG_INT, &n_annotations, "Annotations to add (100000)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Build the library at this path and keep it", "DB" },
    { "list-only", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &list_db, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— library benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) corpus = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (BENCH_CORPUS_SEED);
  g_autofree char *work = NULL;
  g_autofree char *round_folder = NULL;
  g_autofree char *db = NULL;
  g_autofree char *child_out = NULL;
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  double extract_seconds = 1, first_import_seconds = 0, import_seconds = 0, start;
  guint n_extracted = 0, first_added = 0, added = 0, failed = 0, duplicates = 0;
  guint n_listed = 0;
  double open_ms = 0, list_ms = 0;
  gsize rss_open = 0, rss_peak = 0;
  GStatBuf st;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  /* Defaults only now: GOption would overwrite (and leak) them. */
  if (folder == NULL)
    folder = g_strdup (BENCH_DEFAULT_FOLDER);
  if (list_db != NULL)
    return list_only (list_db);

  corpus = bench_corpus_load (folder);
  work = g_dir_make_tmp ("gloss-bench-library-XXXXXX", NULL);
  round_folder = g_build_filename (work, "round", NULL);
  db = keep != NULL ? g_strdup (keep) : g_build_filename (work, "library.db", NULL);
  store = gloss_store_open (db, &error);
  g_assert_no_error (error);

  printf ("bench-library: %u corpus pages → %d articles, %d annotations\n", corpus->len,
          n_articles, n_annotations);

  /* 1. Import in rounds; the first round's files are also extracted alone. */
  for (int first = 0; first < n_articles; first += ROUND)
    {
      g_autoptr(GFile) round_file = g_file_new_for_path (round_folder);
      g_autoptr(GlossFileImportReport) report = NULL;
      guint count = MIN (ROUND, n_articles - first);
      double seconds;

      bench_corpus_write_round (round_folder, corpus, first, count, rand);
      if (first == 0)
        extract_seconds = extract_folder (round_folder, &n_extracted);

      start = bench_now_seconds ();
      report = gloss_store_import_files (store, &round_file, 1, NULL, NULL, NULL, NULL, &error);
      seconds = bench_now_seconds () - start;
      g_assert_no_error (error);
      import_seconds += seconds;
      added += report->n_added;
      failed += report->n_failed;
      duplicates += report->n_duplicates;
      if (first == 0)
        {
          first_import_seconds = seconds;
          first_added = report->n_added + report->n_duplicates;
        }
      bench_corpus_clear_folder (round_folder);
      fprintf (stderr, "\r  imported %u / %d", added, n_articles);
    }
  fprintf (stderr, "\n");
  g_rmdir (round_folder);

  printf ("import: %u added, %u duplicates, %u failed in %.1f s: %.1f articles/s\n",
          added, duplicates, failed, import_seconds, added / import_seconds);
  printf ("import vs extraction alone (same %u files): import %.1f files/s, extraction %.1f "
          "files/s, ratio %.2f (import time / extraction time)\n",
          ROUND, first_added / first_import_seconds, n_extracted / extract_seconds,
          (first_import_seconds / MAX (first_added, 1)) / (extract_seconds / MAX (n_extracted, 1)));

  /* 2. Annotations. */
  start = bench_now_seconds ();
  bench_corpus_add_annotations (store, n_annotations, rand);
  printf ("annotations: %d added in %.1f s\n", n_annotations, bench_now_seconds () - start);

  /* 3. Search latency, warm. */
  for (guint r = 0; r < SEARCH_REPEATS; r++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        g_autoptr(GlossSearchResults) results = NULL;
        double ms;

        start = bench_now_seconds ();
        results = gloss_store_search (store, queries[q], 20, &error);
        ms = (bench_now_seconds () - start) * 1000;
        g_assert_no_error (error);
        if (r > 0)
          g_array_append_val (latencies, ms);
        if (r == 1)
          printf ("  search %-26s %3u articles %3u annotations %7.2f ms\n", queries[q],
                  results->articles->len, results->annotations->len, ms);
      }
  g_array_sort (latencies, bench_compare_doubles);
  printf ("search latency over %u runs of %zu queries: p50 %.2f ms, p95 %.2f ms, max %.2f ms "
          "(target p95 <= 50 ms)\n", latencies->len, G_N_ELEMENTS (queries),
          g_array_index (latencies, double, latencies->len / 2),
          g_array_index (latencies, double, (guint) (latencies->len * 0.95)),
          g_array_index (latencies, double, latencies->len - 1));
  g_clear_object (&store);

  /* 4. The listing in a fresh process, as the GUI loads its model. */
  {
    const char *child_argv[] = { argv[0], "--list-only", db, NULL };
    int status = 0;

    if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &child_out,
                       NULL, &status, &error) || status != 0)
      g_error ("listing child failed: %s", error != NULL ? error->message : "exit status");
    if (sscanf (child_out, "%u %lf %lf %zu %zu", &n_listed, &open_ms, &list_ms, &rss_open,
                &rss_peak) != 5)
      g_error ("listing child said: %s", child_out);
  }
  printf ("listing: %u articles in %.1f ms (open %.1f ms); peak RSS %.1f MiB after open, "
          "%.1f MiB with the list loaded (target <= 200 MB)\n", n_listed, list_ms, open_ms,
          rss_open / 1024.0, rss_peak / 1024.0);

  if (g_stat (db, &st) == 0)
    printf ("library file: %.1f MiB\n", st.st_size / (1024.0 * 1024.0));

  /* The work folder holds the library, unless kept elsewhere, and the
   * backups folder the store may have put next to it. */
  if (keep == NULL)
    bench_corpus_remove_tree (work);
  else
    g_rmdir (work);
  return 0;
}
