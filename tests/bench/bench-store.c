/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-store"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "gloss-core.h"

#include "bench-measure.h"

/*
 * Store and anchoring speed, each against a baseline run in the same process:
 *
 *  1. annotation insert latency (gloss_store_add_annotation, one durable
 *     transaction each) on a library already holding 100,000 annotations,
 *     against the same inserts into an empty library;
 *  2. re-anchoring 1,000 annotations on a 10,000-word article after an edit,
 *     against re-anchoring them on the unchanged article (every anchor still
 *     in place: the cheapest path).
 *
 *   bench-store [N_EXISTING]
 */

#define N_INSERTS 1000
#define N_WORDS 10000
#define WORDS_PER_BLOCK 100
#define N_ANCHORS 1000

static const char * const vocabulary[] = {
  "the", "alliance", "said", "security", "network", "minister", "report", "evidence", "claim",
  "company", "statement", "officials", "government", "денег", "économie", "Stoltenberg", "Huawei",
  "threat", "investment", "market", "court", "vote", "policy", "data", "city", "council", "year",
  "week", "people", "reason", "question", "answer", "deal", "trade", "mobile", "carriers", "5G",
};

static GlossArticle *
make_article (GRand *rand)
{
  GlossArticle *article = gloss_article_new ();
  GString *block = g_string_new (NULL);

  for (guint w = 0; w < N_WORDS; w++)
    {
      if (block->len > 0)
        g_string_append_c (block, ' ');
      g_string_append (block, vocabulary[g_rand_int_range (rand, 0, G_N_ELEMENTS (vocabulary))]);
      if ((w + 1) % WORDS_PER_BLOCK == 0)
        {
          g_string_append_c (block, '.');
          gloss_article_append_block (article, GLOSS_BLOCK_PARAGRAPH, block->str);
          g_string_truncate (block, 0);
        }
    }
  g_string_free (block, TRUE);
  return article;
}

/* The same story after an edit: a new first paragraph, and one word
 * replaced in every fifth paragraph. */
static GlossArticle *
edit_article (GlossArticle *article)
{
  GlossArticle *edited = gloss_article_new ();
  guint n_blocks = gloss_article_get_n_blocks (article);

  gloss_article_append_block (edited, GLOSS_BLOCK_PARAGRAPH, "An editor’s note was added at the top.");
  for (guint i = 0; i < n_blocks; i++)
    {
      const char *text = gloss_block_get_text (gloss_article_get_block (article, i));
      g_autoptr(GString) changed = g_string_new (text);

      if (i % 5 == 0)
        g_string_replace (changed, " security ", " safety ", 1);
      gloss_article_append_block (edited, GLOSS_BLOCK_PARAGRAPH, changed->str);
    }
  return edited;
}

static GPtrArray *
make_anchors (GlossArticle *article,
              GRand        *rand)
{
  GPtrArray *anchors = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_anchor_free);
  guint n_blocks = gloss_article_get_n_blocks (article);

  while (anchors->len < N_ANCHORS)
    {
      guint block = g_rand_int_range (rand, 0, n_blocks);
      glong length = gloss_block_get_length (gloss_article_get_block (article, block));
      guint start = g_rand_int_range (rand, 0, length - 60);
      guint end = start + g_rand_int_range (rand, 15, 60);

      g_ptr_array_add (anchors, gloss_anchor_new_for_range (article, block, start, block, end, NULL));
    }
  return anchors;
}

static double
seconds_now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static double
reanchor_seconds (GPtrArray    *anchors,
                  GlossArticle *article,
                  guint        *out_counts)
{
  double start = seconds_now ();
  g_autoptr(GPtrArray) result = gloss_anchor_reanchor_all (anchors, article);
  double elapsed = seconds_now () - start;

  for (guint i = 0; i < result->len; i++)
    out_counts[((GlossAnchor *) result->pdata[i])->state]++;
  return elapsed;
}

/* Fills the library with @n annotations quickly, in one transaction: only
 * the measured inserts go through the store's one-transaction-each path. */
static void
prefill (const char *path,
         gint64      article_id,
         guint       n)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *insert = NULL;

  g_assert (sqlite3_open (path, &db) == SQLITE_OK);
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO annotations (uuid, article, kind, start_block, start_offset,"
                          " end_block, end_offset, exact, verdict, created_at, updated_at) VALUES"
                          " (?1, ?2, 'claim', ?3, 0, ?3, 10, 'some words', 'unrated',"
                          " '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')", -1, &insert, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      sqlite3_reset (insert);
      sqlite3_bind_text (insert, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (insert, 2, article_id);
      sqlite3_bind_int (insert, 3, i % 50);
      g_assert (sqlite3_step (insert) == SQLITE_DONE);
    }
  sqlite3_finalize (insert);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
}

static void
insert_latencies (const char *path,
                  guint       n_existing,
                  double     *out_p50,
                  double     *out_p99)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open (path, &error);
  g_autoptr(GString) page = g_string_new ("<html><body><article>");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlossArticle) article = NULL;
  g_autofree double *latencies = g_new (double, N_INSERTS);
  gint64 article_id;

  g_assert_no_error (error);
  for (guint i = 0; i < 50; i++)
    g_string_append_printf (page, "<p>Paragraph %u of the story, with enough words in it to be "
                                  "read as article text by the extractor, and a full stop.</p>", i);
  g_string_append (page, "</article></body></html>");
  bytes = g_bytes_new (page->str, page->len);
  article_id = gloss_store_import (store, bytes, "bench.html", NULL, NULL, &error);
  g_assert_no_error (error);
  article = gloss_store_load_article (store, article_id, &error);
  g_assert_no_error (error);

  if (n_existing > 0)
    prefill (path, article_id, n_existing);

  for (guint i = 0; i < N_INSERTS; i++)
    {
      guint block = i % gloss_article_get_n_blocks (article);
      g_autoptr(GlossAnchor) anchor = gloss_anchor_new_for_range (article, block, 0, block, 9, NULL);
      g_autoptr(GlossAnnotation) annotation = gloss_annotation_new (GLOSS_ANNOTATION_DENIAL, anchor);
      double start;

      gloss_annotation_set_article_id (annotation, article_id);
      gloss_annotation_set_note (annotation, "A note written while reading.");
      start = seconds_now ();
      if (!gloss_store_add_annotation (store, annotation, &error))
        g_error ("insert failed: %s", error->message);
      latencies[i] = (seconds_now () - start) * 1000.0;
    }

  qsort (latencies, N_INSERTS, sizeof (double), bench_compare_doubles);
  *out_p50 = latencies[N_INSERTS / 2];
  *out_p99 = latencies[N_INSERTS * 99 / 100];
}

int
main (int    argc,
      char **argv)
{
  guint n_existing = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 100000;
  g_autofree char *dir = g_dir_make_tmp ("gloss-bench-XXXXXX", NULL);
  g_autofree char *empty_path = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *full_path = g_build_filename (dir, "full.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GlossArticle) article = make_article (rand);
  g_autoptr(GlossArticle) edited = edit_article (article);
  g_autoptr(GPtrArray) anchors = make_anchors (article, rand);
  guint same_counts[3] = { 0 }, edited_counts[3] = { 0 };
  double empty_p50, empty_p99, full_p50, full_p99;
  double same_seconds, edited_seconds;

  insert_latencies (empty_path, 0, &empty_p50, &empty_p99);
  insert_latencies (full_path, n_existing, &full_p50, &full_p99);
  g_print ("annotation insert, one durable transaction each (%u inserts):\n", N_INSERTS);
  g_print ("  baseline, empty library:      p50 %.2f ms  p99 %.2f ms\n", empty_p50, empty_p99);
  g_print ("  library with %u annotations: p50 %.2f ms  p99 %.2f ms  (ratio p50 %.2f, p99 %.2f)\n",
           n_existing, full_p50, full_p99, full_p50 / empty_p50, full_p99 / empty_p99);

  same_seconds = reanchor_seconds (anchors, article, same_counts);
  edited_seconds = reanchor_seconds (anchors, edited, edited_counts);
  g_print ("re-anchoring %u annotations on a %u-word article:\n", N_ANCHORS, N_WORDS);
  g_print ("  baseline, unchanged article:  %.1f ms (%u anchored)\n", same_seconds * 1000,
           same_counts[GLOSS_ANCHOR_ANCHORED]);
  g_print ("  after an edit:                %.1f ms (%u anchored, %u moved, %u orphaned)  ratio %.1f\n",
           edited_seconds * 1000, edited_counts[GLOSS_ANCHOR_ANCHORED],
           edited_counts[GLOSS_ANCHOR_MOVED], edited_counts[GLOSS_ANCHOR_ORPHANED],
           edited_seconds / same_seconds);

  for (guint i = 0; i < 3; i++)
    {
      const char *suffix = (const char *[]) { "", "-wal", "-shm" }[i];
      g_autofree char *a = g_strconcat (empty_path, suffix, NULL);
      g_autofree char *b = g_strconcat (full_path, suffix, NULL);

      g_unlink (a);
      g_unlink (b);
    }
  g_rmdir (dir);
  return 0;
}
