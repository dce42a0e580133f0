/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-library"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "gloss-core.h"

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

#define ROUND 500
#define SEARCH_REPEATS 7

static const char * const substitutions[][2] = {
  { " said ", " stated " }, { " government ", " administration " }, { " people ", " residents " },
  { " new ", " fresh " }, { " year ", " season " }, { " city ", " town " },
  { " company ", " firm " }, { " officials ", " authorities " }, { " report ", " study " },
  { " week ", " fortnight " }, { " police ", " officers " }, { " country ", " nation " },
};

static const char * const speakers[] = {
  "Huawei", "NATO", "Jens Stoltenberg", "the White House", "the ministry", "Le maire",
  "a police spokesperson", "the company", "the opposition", "Dr. Müller",
};

static const char * const notes[] = {
  "No source given for this figure", "Contradicts the earlier statement",
  "Check against the official report", "Évidence douteuse, à vérifier",
  "Quote attributed to an anonymous official", "Matches the court filing",
  "Needs a second source", "The date is wrong in the original",
};

static const char * const queries[] = {
  "huawei", "security", "Huawei no evid", "govern", "president said", "\"prime minister\"",
  "police", "elect", "econom", "climate OR weather", "hu", "sec", "court ruling", "speaker:nato",
  "evidence", "verif", "cafe", "müller", "minister NOT president", "the",
};

static double
now_seconds (void)
{
  return g_get_monotonic_time () / 1e6;
}

static gsize
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line != NULL ? strtoul (line + 6, NULL, 10) : 0;
}

static GPtrArray *
load_corpus (const char *folder)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  dir = g_dir_open (folder, 0, &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".html"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      char *contents = NULL;
      gsize length = 0;

      if (g_file_get_contents (path, &contents, &length, NULL))
        g_ptr_array_add (pages, g_bytes_new_take (contents, length));
    }
  if (pages->len == 0)
    g_error ("No .html file in %s", folder);
  return pages;
}

/* A variant of @page: the texts of its <p> elements shuffled, some words
 * substituted, and a mark that makes its bytes unique. */
static GString *
make_variant (GBytes *page,
              guint   k,
              GRand  *rand)
{
  gsize length;
  const char *data = g_bytes_get_data (page, &length);
  g_autoptr(GString) source = g_string_new_len (data, length);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func (g_free);
  GString *result = g_string_sized_new (length + 64);
  gsize copied = 0;
  const char *p = source->str;

  while ((p = strstr (p, "<p")) != NULL)
    {
      const char *open_end, *close;
      gsize start, end;

      if (p[2] != '>' && p[2] != ' ')
        {
          p += 2;
          continue;
        }
      open_end = strchr (p, '>');
      if (open_end == NULL)
        break;
      close = strstr (open_end, "</p>");
      if (close == NULL)
        break;
      start = open_end + 1 - source->str;
      end = close - source->str;
      g_array_append_val (starts, start);
      g_array_append_val (ends, end);
      g_ptr_array_add (contents, g_strndup (source->str + start, end - start));
      p = close + 4;
    }

  /* Fisher–Yates over the paragraph texts. */
  for (guint i = contents->len; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      gpointer tmp = contents->pdata[i - 1];

      contents->pdata[i - 1] = contents->pdata[j];
      contents->pdata[j] = tmp;
    }

  for (guint i = 0; i < contents->len; i++)
    {
      gsize start = g_array_index (starts, gsize, i);
      gsize end = g_array_index (ends, gsize, i);

      g_string_append_len (result, source->str + copied, start - copied);
      g_string_append (result, g_ptr_array_index (contents, i));
      copied = end;
    }
  g_string_append_len (result, source->str + copied, source->len - copied);

  for (guint s = 0; s < 3; s++)
    {
      guint which = (k / (s + 1) + s * 5) % G_N_ELEMENTS (substitutions);

      g_string_replace (result, substitutions[which][0], substitutions[which][1], 3);
    }
  g_string_append_printf (result, "\n<!-- gloss bench variant %u -->\n", k);
  return result;
}

static void
write_round (const char *folder,
             GPtrArray  *corpus,
             guint       first,
             guint       count,
             GRand      *rand)
{
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  for (guint k = first; k < first + count; k++)
    {
      g_autofree char *name = g_strdup_printf ("variant-%05u.html", k);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      GString *variant = make_variant (g_ptr_array_index (corpus, k % corpus->len), k, rand);
      g_autoptr(GError) error = NULL;

      if (!g_file_set_contents (path, variant->str, variant->len, &error))
        g_error ("%s", error->message);
      g_string_free (variant, TRUE);
    }
}

static void
clear_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_unlink (path);
    }
}

/* Extraction alone on the files of @folder: returns seconds. */
static double
extract_folder (const char *folder,
                guint      *out_n)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GlossExtractOptions options;
  const char *name;
  double start = now_seconds ();

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

  return now_seconds () - start;
}

static void
add_annotations (GlossStore *store,
                 guint       n_annotations,
                 GRand      *rand)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = gloss_store_list_article_ids (store, &error);
  GArray *batch = g_array_new (FALSE, TRUE, sizeof (GlossImportedAnnotation));
  guint per_article, made = 0;

  g_assert_no_error (error);
  per_article = (n_annotations + ids->len - 1) / ids->len;
  for (guint a = 0; a < ids->len && made < n_annotations; a++)
    {
      gint64 id = *(gint64 *) g_ptr_array_index (ids, a);
      g_autoptr(GlossArticle) article = gloss_store_load_article (store, id, &error);
      guint n_blocks;

      g_assert_no_error (error);
      n_blocks = gloss_article_get_n_blocks (article);
      for (guint i = 0; i < per_article && made < n_annotations && n_blocks > 0; i++)
        {
          guint block = g_rand_int_range (rand, 0, n_blocks);
          const char *text = gloss_block_get_text (gloss_article_get_block (article, block));
          glong length = g_utf8_strlen (text, -1);
          glong start, end;
          g_autofree char *exact = NULL;
          g_autoptr(GlossAnchor) anchor = NULL;
          GlossImportedAnnotation item = { 0 };

          if (length < 4)
            continue;
          start = g_rand_int_range (rand, 0, length / 2);
          end = MIN (length, start + 1 + g_rand_int_range (rand, 10, 120));
          exact = g_utf8_substring (text, start, end);
          anchor = gloss_anchor_new (block, start, block, end, exact, "", "", GLOSS_ANCHOR_ANCHORED);
          item.annotation = gloss_annotation_new (g_rand_int_range (rand, 0, GLOSS_ANNOTATION_KIND_LAST + 1),
                                                  anchor);
          gloss_annotation_set_article_id (item.annotation, id);
          if (g_rand_boolean (rand))
            gloss_annotation_set_note (item.annotation, notes[g_rand_int_range (rand, 0, G_N_ELEMENTS (notes))]);
          gloss_annotation_set_speaker (item.annotation,
                                        speakers[g_rand_int_range (rand, 0, G_N_ELEMENTS (speakers))]);
          g_array_append_val (batch, item);
          made++;
        }

      if (batch->len >= 2000 || a + 1 == ids->len || made == n_annotations)
        {
          if (!gloss_store_add_imported_annotations (store, (GlossImportedAnnotation *) batch->data,
                                                     batch->len, &error))
            g_error ("%s", error->message);
          for (guint i = 0; i < batch->len; i++)
            g_object_unref (g_array_index (batch, GlossImportedAnnotation, i).annotation);
          g_array_set_size (batch, 0);
        }
    }
  g_array_unref (batch);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The child process: open, list, report time and peak RSS. */
static int
list_only (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  double open_start = now_seconds (), list_start, end;
  gsize rss_before;

  store = gloss_store_open (db, &error);
  g_assert_no_error (error);
  rss_before = peak_rss_kib ();
  list_start = now_seconds ();
  summaries = gloss_store_list_articles_full (store, GLOSS_ARTICLE_FILTER_NOT_ARCHIVED,
                                              GLOSS_ARTICLE_SORT_ADDED, &error);
  end = now_seconds ();
  g_assert_no_error (error);
  printf ("%u %.1f %.1f %zu %zu\n", summaries->len, (list_start - open_start) * 1000,
          (end - list_start) * 1000, rss_before, peak_rss_kib ());
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *folder = g_strdup (BENCH_DEFAULT_FOLDER);
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
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240601);
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
  if (list_db != NULL)
    return list_only (list_db);

  corpus = load_corpus (folder);
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

      write_round (round_folder, corpus, first, count, rand);
      if (first == 0)
        extract_seconds = extract_folder (round_folder, &n_extracted);

      start = now_seconds ();
      report = gloss_store_import_files (store, &round_file, 1, NULL, NULL, NULL, NULL, &error);
      seconds = now_seconds () - start;
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
      clear_folder (round_folder);
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
  start = now_seconds ();
  add_annotations (store, n_annotations, rand);
  printf ("annotations: %d added in %.1f s\n", n_annotations, now_seconds () - start);

  /* 3. Search latency, warm. */
  for (guint r = 0; r < SEARCH_REPEATS; r++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        g_autoptr(GlossSearchResults) results = NULL;
        double ms;

        start = now_seconds ();
        results = gloss_store_search (store, queries[q], 20, &error);
        ms = (now_seconds () - start) * 1000;
        g_assert_no_error (error);
        if (r > 0)
          g_array_append_val (latencies, ms);
        if (r == 1)
          printf ("  search %-26s %3u articles %3u annotations %7.2f ms\n", queries[q],
                  results->articles->len, results->annotations->len, ms);
      }
  g_array_sort (latencies, compare_doubles);
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

  if (keep == NULL)
    {
      const char *suffixes[] = { "", "-wal", "-shm" };

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *path = g_strconcat (db, suffixes[i], NULL);

          g_unlink (path);
        }
      {
        g_autofree char *backups = gloss_store_dup_backup_folder (db);
        g_autoptr(GDir) dir = g_dir_open (backups, 0, NULL);
        const char *name;

        while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
          {
            g_autofree char *path = g_build_filename (backups, name, NULL);

            g_unlink (path);
          }
        g_rmdir (backups);
      }
    }
  g_rmdir (work);
  return 0;
}
