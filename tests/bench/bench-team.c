/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-team"

#include "config.h"

#include "team-fixture.h"

#include "bench-measure.h"

/* Team library sync against a local PostgreSQL server (run it through
 * tests/team/pg-cluster.py, see README.md):
 *
 *   1. the first sync of a library of A articles and N annotations, pushed
 *      by one person and pulled whole by another, beside the baseline of
 *      importing the same articles locally in the same run;
 *   2. a sync with nothing new (median of 20, on an open connection, and
 *      with a new connection each time);
 *   3. C clients each making K changes offline, then syncing all at once
 *      (one thread and connection each), until every library agrees:
 *      the p50 and p95 of one client's sync.
 */

#define DB "gloss_bench"

static int n_articles = 1000;
static int n_annotations = 10000;
static int n_clients = 20;
static int n_changes = 100;


static guint
count_annotations (TeamClient *client)
{
  guint n = 0;

  g_assert_true (gloss_store_count_annotations (client->store, &n, NULL));
  return n;
}

typedef struct
{
  TeamClient *client;
  double seconds;
  GError *error;
} SyncJob;

static gpointer
sync_thread (gpointer data)
{
  SyncJob *job = data;
  double start = bench_now_seconds ();

  gloss_team_sync (job->client->store, job->client->library, job->client->connection, NULL,
                   &job->error);
  job->seconds = bench_now_seconds () - start;
  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  const GOptionEntry entries[] = {
    { "articles", 0, 0, G_OPTION_ARG_INT, &n_articles, "Articles of the first sync", "N" },
    { "annotations", 0, 0, G_OPTION_ARG_INT, &n_annotations, "Annotations of the first sync", "N" },
    { "clients", 0, 0, G_OPTION_ARG_INT, &n_clients, "Clients syncing at once", "N" },
    { "changes", 0, 0, G_OPTION_ARG_INT, &n_changes, "Changes each client makes offline", "N" },
    { NULL }
  };
  const char *const people[] = { "bea", NULL };
  const char *const members[] = { "bea", "editor", NULL };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) ids = NULL;
  TeamClient *ada, *bea;
  TeamClient **clients;
  GlossTeamSyncStats stats;
  double start, import_s, push_s, pull_s;
  int per_article;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);

  team_make_database (DB, "ada", people);
  team_make_library (DB, "ada", "big", members);
  ada = team_client_new (DB, "ada", "big");
  bea = team_client_new (DB, "bea", "big");

  /* 1. The first sync. */
  per_article = MAX (1, n_annotations / MAX (1, n_articles));
  start = bench_now_seconds ();
  for (int i = 0; i < n_articles; i++)
    {
      g_autofree char *title = g_strdup_printf ("Story %d about the harbour", i);

      team_client_add_article (ada, title, 12);
    }
  import_s = bench_now_seconds () - start;
  ids = gloss_store_list_article_ids (ada->store, &error);
  g_assert_no_error (error);
  /* Straight into the table, in one transaction: the setup is not what is
   * measured. */
  g_assert_true (gloss_store_begin (ada->store, &error));
  for (guint i = 0; i < ids->len; i++)
    for (int k = 0; k < per_article; k++)
      {
        g_autoptr(sqlite3_stmt) insert = NULL;
        g_autofree char *uuid = g_uuid_string_random ();
        g_autofree char *quote = g_strdup_printf ("spent %d thousand", 10 + k);
        g_autofree char *note = g_strdup_printf ("note %d", k);

        insert = gloss_store_prepare (ada->store,
                                      "INSERT INTO annotations (uuid, article, kind, start_block,"
                                      " start_offset, end_block, end_offset, exact, note, verdict,"
                                      " created_at, updated_at) VALUES (?1, ?2, 'claim', ?3, 0, ?3,"
                                      " 10, ?4, ?5, 'unrated', '2026-01-01T00:00:00Z',"
                                      " '2026-01-01T00:00:00Z')", &error);
        g_assert_no_error (error);
        sqlite3_bind_text (insert, 1, uuid, -1, SQLITE_STATIC);
        sqlite3_bind_int64 (insert, 2, *(gint64 *) g_ptr_array_index (ids, i));
        sqlite3_bind_int (insert, 3, k + 1);
        sqlite3_bind_text (insert, 4, quote, -1, SQLITE_STATIC);
        sqlite3_bind_text (insert, 5, note, -1, SQLITE_STATIC);
        g_assert_cmpint (sqlite3_step (insert), ==, SQLITE_DONE);
      }
  g_assert_true (gloss_store_commit (ada->store, &error));

  start = bench_now_seconds ();
  stats = team_client_sync (ada);
  push_s = bench_now_seconds () - start;
  start = bench_now_seconds ();
  stats = team_client_sync (bea);
  pull_s = bench_now_seconds () - start;
  g_assert_cmpuint (count_annotations (bea), ==, count_annotations (ada));
  printf ("first sync: %d articles, %u annotations\n", n_articles, count_annotations (ada));
  printf ("  baseline: importing the articles locally  %8.2f s\n", import_s);
  printf ("  push (first sync of the sharer)           %8.2f s  (%.2f× the import)\n", push_s,
          push_s / import_s);
  printf ("  pull (first sync of a colleague, %u bodies) %6.2f s  (%.2f× the import)\n",
          stats.bodies, pull_s, pull_s / import_s);

  /* 2. Nothing new. */
  for (int i = 0; i < 20; i++)
    {
      start = bench_now_seconds ();
      stats = team_client_sync (bea);
      g_array_append_val (times, (double) { bench_now_seconds () - start });
      g_assert_cmpuint (stats.pushed + stats.pulled, ==, 0);
    }
  printf ("no-op sync, open connection: median %.1f ms, p95 %.1f ms\n",
          bench_percentile (times, 0.5) * 1000, bench_percentile (times, 0.95) * 1000);
  g_array_set_size (times, 0);
  for (int i = 0; i < 20; i++)
    {
      start = bench_now_seconds ();
      gloss_team_connection_free (bea->connection);
      bea->connection = team_connect (DB, "bea");
      team_client_sync (bea);
      g_array_append_val (times, (double) { bench_now_seconds () - start });
    }
  printf ("no-op sync with a new TLS connection: median %.1f ms, p95 %.1f ms\n",
          bench_percentile (times, 0.5) * 1000, bench_percentile (times, 0.95) * 1000);
  team_client_free (ada);
  team_client_free (bea);

  /* 3. Many clients at once. */
  {
    const char *const crowd_members[] = { "bea", "editor", NULL };
    TeamClient *seed;
    gint64 article;
    GThread **threads = g_new0 (GThread *, n_clients);
    SyncJob *jobs = g_new0 (SyncJob, n_clients);
    guint expected, rounds = 0;
    gboolean agreed = FALSE;
    double crowd_start;

    team_make_library (DB, "ada", "crowd", crowd_members);
    seed = team_client_new (DB, "ada", "crowd");
    article = team_client_add_article (seed, "The crowd's story", 40);
    team_client_sync (seed);
    (void) article;

    clients = g_new0 (TeamClient *, n_clients);
    for (int c = 0; c < n_clients; c++)
      {
        g_autoptr(GPtrArray) shared = NULL;
        gint64 here;

        clients[c] = team_client_new (DB, c % 2 ? "bea" : "ada", "crowd");
        team_client_sync (clients[c]);
        shared = gloss_store_list_article_ids (clients[c]->store, &error);
        here = *(gint64 *) g_ptr_array_index (shared, 0);
        for (int k = 0; k < n_changes; k++)
          {
            g_autofree char *quote = g_strdup_printf ("Paragraph %d", k % 40);
            g_autofree char *note = g_strdup_printf ("client %d change %d", c, k);
            g_autoptr(GlossAnnotation) a = NULL;

            a = team_client_annotate (clients[c], here, GLOSS_ANNOTATION_QUESTION,
                                      quote, 1, note);
          }
      }
    expected = n_clients * n_changes;

    g_array_set_size (times, 0);
    crowd_start = bench_now_seconds ();
    while (!agreed && rounds < 10)
      {
        rounds++;
        for (int c = 0; c < n_clients; c++)
          {
            jobs[c] = (SyncJob) { clients[c], 0, NULL };
            threads[c] = g_thread_new ("sync", sync_thread, &jobs[c]);
          }
        for (int c = 0; c < n_clients; c++)
          {
            g_thread_join (threads[c]);
            if (jobs[c].error != NULL)
              g_error ("client %d: %s", c, jobs[c].error->message);
            g_array_append_val (times, jobs[c].seconds);
          }
        agreed = TRUE;
        for (int c = 0; c < n_clients; c++)
          if (count_annotations (clients[c]) != expected)
            agreed = FALSE;
      }
    printf ("%d clients × %d changes, syncing at once: %s after %u rounds, %.2f s in all\n",
            n_clients, n_changes, agreed ? "converged" : "NOT converged", rounds,
            bench_now_seconds () - crowd_start);
    printf ("  one client's sync: p50 %.0f ms, p95 %.0f ms, max %.0f ms\n",
            bench_percentile (times, 0.5) * 1000, bench_percentile (times, 0.95) * 1000,
            bench_percentile (times, 1.0) * 1000);
    for (int c = 0; c < n_clients; c++)
      team_client_free (clients[c]);
    team_client_free (seed);
    g_free (clients);
    g_free (threads);
    g_free (jobs);
    return agreed ? 0 : 1;
  }
}
