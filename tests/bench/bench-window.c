/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-window"

#include "config.h"

#include <errno.h>
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "bench-corpus.h"
#include "gloss-application.h"
#include "gloss-window.h"

/*
 * The library window at scale, in one run:
 *
 *  1. launch to first frame: a fresh process (this program re-executed
 *     with --launch) runs GlossApplication as `gloss` does, with GLOSS_DB
 *     at a generated library of N articles and N annotations, or at an
 *     empty library, alternately, ROUNDS times each after one unmeasured
 *     launch of each.  The clock starts in this process just before the
 *     spawn, so process start, GTK, opening the store and whatever the
 *     window loads at start all count; it stops at the main window's first
 *     GdkFrameClock::after-paint once mapped.  Medians and their ratio.
 *  2. peak memory (VmHWM) of those launches: at the first frame, and after
 *     SETTLE milliseconds more of the main loop (work the window defers).
 *  3. a long article (WORDS words of corpus text, HIGHLIGHTS annotations
 *     spread over it) opened in a shown GlossWindow with
 *     gloss_window_open_article() to the next painted frame, against the
 *     same plain text set into a bare GtkTextView in a window of the same
 *     size, alternately, ROUNDS times each, in one process (--article);
 *     then, in the same rounds, how long until the window's annotation
 *     pane had painted a row for every annotation (it builds the rows past
 *     the first screenful after the first frame).
 *
 * No hook in the application: the launch child connects to the
 * application's window-added signal and to the window's frame clock.
 * Generated libraries are kept in the cache folder for the next run.
 *
 *   bench-window [--folder DEV_HTML] [--cache DIR | --fresh] [--articles N]
 *                [--annotations N] [--rounds N] [--words N] [--highlights N]
 *                [--settle MS] [--no-warm-up]
 */

/* What meson takes for a skipped test: no display to run on. */
#define EXIT_SKIP 77

/* A launch that has not painted by then is broken, not slow. */
#define WATCHDOG_SECONDS 120

#define LAUNCH_TAG "BENCH-WINDOW-LAUNCH"
#define ARTICLE_TAG "BENCH-WINDOW-ARTICLE"

static const char * const article_notes[] = {
  "Check the figure against the ministry's release", "Second source needed",
  "Contradicted three paragraphs later", "Vérifier la date",
};

static const char * const article_speakers[] = {
  "Huawei", "NATO", "the ministry", "Dr. Müller",
};

static double
ms_since (gint64 start_usec)
{
  return (g_get_monotonic_time () - start_usec) / 1000.0;
}

/* CPU time of the whole process (every thread), since it started: on a
 * machine shared with other work this moves far less than the wall clock. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static gboolean
watchdog_cb (gpointer user_data)
{
  g_printerr ("bench-window: %s: nothing painted after %d s\n", (const char *) user_data,
              WATCHDOG_SECONDS);
  exit (EXIT_FAILURE);
}

/* ------------------------------------------------------------------ */
/* The launch child                                                   */
/* ------------------------------------------------------------------ */

typedef struct
{
  GApplication *application;
  GtkWidget *window;
  GdkFrameClock *clock;
  gulong paint_handler;
  gint64 spawned_at;
  double main_ms, startup_ms, activate_ms, frame_ms, frame_cpu_ms;
  gsize frame_hwm_kib;
  const char *renderer;
  guint settle_ms;
} Launch;

static void
launch_startup_cb (GApplication *application,
                   Launch       *launch)
{
  launch->startup_ms = ms_since (launch->spawned_at);
}

static void
launch_activate_cb (GApplication *application,
                    Launch       *launch)
{
  launch->activate_ms = ms_since (launch->spawned_at);
}

static gboolean
launch_report_cb (gpointer user_data)
{
  Launch *launch = user_data;

  printf (LAUNCH_TAG " %.3f %.3f %.3f %.3f %.3f %zu %zu %s\n", launch->main_ms,
          launch->startup_ms, launch->activate_ms, launch->frame_ms, launch->frame_cpu_ms,
          launch->frame_hwm_kib, bench_peak_rss_kib (), launch->renderer);
  fflush (stdout);
  g_application_quit (launch->application);
  return G_SOURCE_REMOVE;
}

static void
launch_after_paint_cb (GdkFrameClock *clock,
                       Launch        *launch)
{
  GskRenderer *renderer;

  if (!gtk_widget_get_mapped (launch->window))
    return;

  launch->frame_ms = ms_since (launch->spawned_at);
  launch->frame_cpu_ms = cpu_ms ();
  launch->frame_hwm_kib = bench_peak_rss_kib ();
  g_clear_signal_handler (&launch->paint_handler, launch->clock);

  /* Figures for a library that did not open would describe the error
   * path, not the library. */
  if (gloss_application_get_store (GLOSS_APPLICATION (launch->application)) == NULL)
    {
      g_printerr ("bench-window: the library %s could not be opened\n", g_getenv ("GLOSS_DB"));
      exit (EXIT_FAILURE);
    }

  renderer = gtk_native_get_renderer (GTK_NATIVE (launch->window));
  launch->renderer = renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "none";

  if (launch->settle_ms == 0)
    g_idle_add (launch_report_cb, launch);
  else
    g_timeout_add (launch->settle_ms, launch_report_cb, launch);
}

static void
launch_window_realize_cb (GtkWidget *window,
                          Launch    *launch)
{
  launch->clock = gtk_widget_get_frame_clock (window);
  launch->paint_handler = g_signal_connect (launch->clock, "after-paint",
                                            G_CALLBACK (launch_after_paint_cb), launch);
}

static void
launch_window_added_cb (GtkApplication *application,
                        GtkWindow      *window,
                        Launch         *launch)
{
  if (launch->window != NULL || !GLOSS_IS_WINDOW (window))
    return;

  launch->window = GTK_WIDGET (window);
  g_signal_connect (window, "realize", G_CALLBACK (launch_window_realize_cb), launch);
}

/* Runs the application the way src/main.c does, watched from outside:
 * @spawned_at is the parent's monotonic clock just before it spawned us. */
static int
launch_child (const char *program,
              gint64      main_at,
              const char *spawned_at,
              const char *settle_ms)
{
  g_autoptr(GlossApplication) application = NULL;
  Launch launch = { 0 };
  char *run_argv[] = { (char *) program, NULL };
  int status;

  launch.spawned_at = g_ascii_strtoll (spawned_at, NULL, 10);
  launch.settle_ms = g_ascii_strtoull (settle_ms, NULL, 10);
  launch.main_ms = (main_at - launch.spawned_at) / 1000.0;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_application_name ("Gloss");

  application = gloss_application_new ();
  /* Every launch must start the application in this process: never hand
   * over to a previous launch still leaving the session bus. */
  g_application_set_flags (G_APPLICATION (application),
                           g_application_get_flags (G_APPLICATION (application))
                           | G_APPLICATION_NON_UNIQUE);
  launch.application = G_APPLICATION (application);
  g_signal_connect_after (application, "startup", G_CALLBACK (launch_startup_cb), &launch);
  g_signal_connect_after (application, "activate", G_CALLBACK (launch_activate_cb), &launch);
  g_signal_connect (application, "window-added", G_CALLBACK (launch_window_added_cb), &launch);
  g_timeout_add_seconds (WATCHDOG_SECONDS, watchdog_cb, (gpointer) "launch");

  status = g_application_run (G_APPLICATION (application), 1, run_argv);
  if (launch.frame_ms == 0)
    {
      g_printerr ("bench-window: the application ended without painting a window\n");
      return EXIT_FAILURE;
    }
  return status;
}

/* ------------------------------------------------------------------ */
/* The article child                                                  */
/* ------------------------------------------------------------------ */

static void
set_true (gboolean *flag)
{
  *flag = TRUE;
}

/* Iterates the main loop until @window's frame clock has painted a frame
 * begun after this call. */
static void
wait_for_paint (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean painted = FALSE;
  gulong handler;

  g_assert (clock != NULL);
  handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (set_true), &painted);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

static void
show_and_wait (GtkWindow *window)
{
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  wait_for_paint (GTK_WIDGET (window));
}

static void
destroy_and_wait (GtkWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (window);
  while (window != NULL)
    g_main_context_iteration (NULL, TRUE);
  /* Let what the window's end queued run before the next round. */
  for (guint i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

typedef struct
{
  double wall_ms, cpu_ms;
  /* To the frame painted once the annotation pane had a row for every
   * annotation: the rows past the first screenful are built after the
   * first frame. */
  double pane_ms, pane_cpu_ms;
} Timing;

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Widgets of @type in @widget, not looking inside them: cheap enough to
 * count after every frame. */
static guint
count_widgets (GtkWidget *widget,
               GType      type)
{
  guint n = 0;

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child, type);

  return n;
}

static Timing
time_gloss_window (GlossStore *store,
                   gint64      article_id,
                   guint       n_highlights)
{
  g_autoptr(GError) error = NULL;
  GlossWindow *window = gloss_window_new (NULL, store);
  gint64 start;
  double cpu_start;
  Timing timing;
  GtkWidget *pane;
  guint shown;

  show_and_wait (GTK_WINDOW (window));

  start = g_get_monotonic_time ();
  cpu_start = cpu_ms ();
  if (!gloss_window_open_article (window, article_id, &error))
    g_error ("Could not open the long article: %s", error->message);
  wait_for_paint (GTK_WIDGET (window));
  timing.wall_ms = ms_since (start);
  timing.cpu_ms = cpu_ms () - cpu_start;

  shown = g_list_model_get_n_items (gloss_window_get_annotations (window));
  if (shown != n_highlights)
    g_error ("The window shows %u annotations of %u", shown, n_highlights);

  /* Counted after each frame, as a user would see them appear. */
  pane = find_widget (GTK_WIDGET (window), g_type_from_name ("GlossAnnotationList"));
  g_assert (pane != NULL);
  while (count_widgets (pane, g_type_from_name ("GlossAnnotationRow")) < shown)
    wait_for_paint (GTK_WIDGET (window));
  timing.pane_ms = ms_since (start);
  timing.pane_cpu_ms = cpu_ms () - cpu_start;

  destroy_and_wait (GTK_WINDOW (window));
  return timing;
}

static Timing
time_plain_view (const char *text,
                 int         width,
                 int         height)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  gint64 start;
  double cpu_start;
  Timing timing;

  /* A reader's settings, nothing more: wrapped, read-only. */
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  show_and_wait (GTK_WINDOW (window));

  start = g_get_monotonic_time ();
  cpu_start = cpu_ms ();
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  wait_for_paint (window);
  timing.wall_ms = ms_since (start);
  timing.cpu_ms = cpu_ms () - cpu_start;

  destroy_and_wait (GTK_WINDOW (window));
  return timing;
}

/* Prints one line of facts, then one line per round: milliseconds to the
 * painted frame in the GlossWindow and in the bare view, wall clock and
 * CPU time. */
static int
article_child (const char *db,
               guint       rounds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GlossArticle) article = NULL;
  g_autofree char *text = NULL;
  GlossWindow *probe;
  GskRenderer *renderer;
  gint64 article_id;
  int width, height;

  if (!gtk_init_check ())
    return EXIT_SKIP;
  adw_init ();

  store = gloss_store_open (db, &error);
  g_assert_no_error (error);
  ids = gloss_store_list_article_ids (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  article_id = *(gint64 *) g_ptr_array_index (ids, 0);
  article = gloss_store_load_article (store, article_id, &error);
  g_assert_no_error (error);
  annotations = gloss_store_list_annotations (store, article_id, &error);
  g_assert_no_error (error);
  text = gloss_article_dup_body_text (article);

  /* The bare view gets the window size a GlossWindow opens with. */
  probe = gloss_window_new (NULL, store);
  gtk_window_get_default_size (GTK_WINDOW (probe), &width, &height);
  show_and_wait (GTK_WINDOW (probe));
  renderer = gtk_native_get_renderer (GTK_NATIVE (probe));
  printf (ARTICLE_TAG "-INFO %u %u %u %dx%d %s\n", bench_count_words (text),
          gloss_article_get_n_blocks (article), annotations->len, width, height,
          renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "none");
  destroy_and_wait (GTK_WINDOW (probe));

  g_timeout_add_seconds (WATCHDOG_SECONDS * MAX (rounds, 1), watchdog_cb, (gpointer) "article");
  for (guint r = 0; r < rounds; r++)
    {
      Timing gloss, plain;

      /* Alternate which goes first, so a noisy machine slows both alike. */
      if (r % 2 == 0)
        {
          gloss = time_gloss_window (store, article_id, annotations->len);
          plain = time_plain_view (text, width, height);
        }
      else
        {
          plain = time_plain_view (text, width, height);
          gloss = time_gloss_window (store, article_id, annotations->len);
        }
      printf (ARTICLE_TAG " %.3f %.3f %.3f %.3f %.3f %.3f\n", gloss.wall_ms, plain.wall_ms,
              gloss.cpu_ms, plain.cpu_ms, gloss.pane_ms, gloss.pane_cpu_ms);
      fflush (stdout);
    }

  return EXIT_SUCCESS;
}

/* ------------------------------------------------------------------ */
/* Generating the libraries                                           */
/* ------------------------------------------------------------------ */

static void
progress (const char *what,
          guint       done,
          guint       total)
{
  fprintf (stderr, "\r  %s %u / %u", what, done, total);
  if (done == total)
    fprintf (stderr, "\n");
}

/* The library bench-library measures: the same seed, rounds and
 * annotations, so the same articles. */
static void
generate_library (const char *db,
                  const char *work,
                  GPtrArray  *corpus,
                  guint       n_articles,
                  guint       n_annotations)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (BENCH_CORPUS_SEED);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open (db, &error);
  g_autofree char *round_folder = g_build_filename (work, "round", NULL);
  g_autoptr(GFile) round_file = g_file_new_for_path (round_folder);
  guint added = 0;

  g_assert_no_error (error);
  for (guint first = 0; first < n_articles; first += BENCH_CORPUS_ROUND)
    {
      g_autoptr(GlossFileImportReport) report = NULL;
      guint count = MIN (BENCH_CORPUS_ROUND, n_articles - first);

      bench_corpus_write_round (round_folder, corpus, first, count, rand);
      report = gloss_store_import_files (store, &round_file, 1, NULL, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      added += report->n_added;
      bench_corpus_clear_folder (round_folder);
      progress ("imported", first + count, n_articles);
    }
  g_rmdir (round_folder);
  bench_corpus_add_annotations (store, n_annotations, rand);
  fprintf (stderr, "  %u articles added, %u annotations\n", added, n_annotations);
}

/* One article of at least @n_words words: the paragraphs of corpus
 * variants, one after the other, in the markup of a plain news page. */
static GBytes *
make_long_article (GPtrArray *corpus,
                   guint      n_words)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (BENCH_CORPUS_SEED);
  GlossExtractOptions options;
  GString *html = g_string_new ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                                "<title>The long read</title></head>\n<body><article>"
                                "<h1>The long read</h1>\n");
  guint words = 0;

  gloss_extract_options_init (&options);
  for (guint k = 0; words < n_words; k++)
    {
      GString *variant = bench_corpus_make_variant (g_ptr_array_index (corpus, k % corpus->len),
                                                    k, rand);
      g_autoptr(GBytes) bytes = g_string_free_to_bytes (variant);
      g_autoptr(GlossArticle) article = gloss_extract_full (bytes, "variant.html", &options, NULL);

      if (k >= corpus->len && words == 0)
        g_error ("No paragraph of text in the corpus");
      if (article == NULL)
        continue;

      for (guint b = 0; b < gloss_article_get_n_blocks (article) && words < n_words; b++)
        {
          const GlossBlock *block = gloss_article_get_block (article, b);
          g_autofree char *escaped = NULL;

          if (gloss_block_get_kind (block) != GLOSS_BLOCK_PARAGRAPH)
            continue;
          escaped = g_markup_escape_text (gloss_block_get_text (block), -1);
          g_string_append_printf (html, "<p>%s</p>\n", escaped);
          words += bench_count_words (gloss_block_get_text (block));
        }
    }
  g_string_append (html, "</article></body></html>\n");
  return g_string_free_to_bytes (html);
}

/* A library holding only the long article, with @n_highlights annotations
 * at even distances through its text, each on a few words of one block. */
static void
generate_article_library (const char *db,
                          GPtrArray  *corpus,
                          guint       n_words,
                          guint       n_highlights)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open (db, &error);
  g_autoptr(GBytes) source = make_long_article (corpus, n_words);
  g_autoptr(GlossArticle) article = NULL;
  GlossExtractOptions options;
  gint64 article_id;
  guint n_blocks, block = 0;
  gint64 total = 0, block_start = 0;

  g_assert_no_error (error);
  gloss_extract_options_init (&options);
  article_id = gloss_store_import (store, source, "the-long-read.html", &options, NULL, &error);
  g_assert_no_error (error);
  article = gloss_store_load_article (store, article_id, &error);
  g_assert_no_error (error);

  n_blocks = gloss_article_get_n_blocks (article);
  for (guint b = 0; b < n_blocks; b++)
    total += gloss_block_get_length (gloss_article_get_block (article, b));

  for (guint i = 0; i < n_highlights; i++)
    {
      gint64 position = total * (2 * (gint64) i + 1) / (2 * (gint64) n_highlights);
      g_autoptr(GlossAnchor) anchor = NULL;
      g_autoptr(GlossAnnotation) annotation = NULL;
      g_autofree char *exact = NULL;
      const GlossBlock *current;
      glong length, start, end;

      /* Forward to the block holding @position, or the next long enough. */
      while (block < n_blocks
             && (position >= block_start + gloss_block_get_length (gloss_article_get_block (article, block))
                 || gloss_block_get_length (gloss_article_get_block (article, block)) < 2))
        block_start += gloss_block_get_length (gloss_article_get_block (article, block++));
      if (block == n_blocks)
        g_error ("The long article has no room for %u annotations", n_highlights);

      current = gloss_article_get_block (article, block);
      length = gloss_block_get_length (current);
      start = MIN (MAX (position - block_start, 0), length - 2);
      end = MIN (length, start + 8 + (i * 7) % 48);
      exact = g_utf8_substring (gloss_block_get_text (current), start, end);
      anchor = gloss_anchor_new (block, start, block, end, exact, "", "", GLOSS_ANCHOR_ANCHORED);
      annotation = gloss_annotation_new (i % (GLOSS_ANNOTATION_KIND_LAST + 1), anchor);
      gloss_annotation_set_article_id (annotation, article_id);
      if (i % 3 == 0)
        gloss_annotation_set_note (annotation, article_notes[i / 3 % G_N_ELEMENTS (article_notes)]);
      if (i % 2 == 0)
        gloss_annotation_set_speaker (annotation, article_speakers[i / 2 % G_N_ELEMENTS (article_speakers)]);
      if (!gloss_store_add_annotation (store, annotation, &error))
        g_error ("%s", error->message);
      if ((i + 1) % 100 == 0 || i + 1 == n_highlights)
        progress ("annotated", i + 1, n_highlights);
    }
}

typedef void (*GenerateFunc) (const char *db,
                              const char *work,
                              gpointer    data);

/* The library @name of @cache, generated by @generate into a scratch
 * folder first and renamed into place once complete, so an interrupted
 * run never leaves a half-made library to be measured next time. */
static char *
cached_library (const char   *cache,
                const char   *name,
                GenerateFunc  generate,
                gpointer      data)
{
  g_autofree char *folder = g_build_filename (cache, name, NULL);
  g_autofree char *scratch = g_strconcat (folder, ".part", NULL);
  char *db = g_build_filename (folder, "library.db", NULL);

  if (g_file_test (db, G_FILE_TEST_IS_REGULAR))
    return db;

  fprintf (stderr, "bench-window: generating %s\n", folder);
  bench_corpus_remove_tree (scratch);
  bench_corpus_remove_tree (folder);
  if (g_mkdir_with_parents (scratch, 0700) != 0)
    g_error ("Cannot create %s: %s", scratch, g_strerror (errno));
  {
    g_autofree char *scratch_db = g_build_filename (scratch, "library.db", NULL);

    generate (scratch_db, scratch, data);
  }
  if (g_rename (scratch, folder) != 0)
    g_error ("Cannot rename %s: %s", scratch, g_strerror (errno));
  return db;
}

typedef struct
{
  const char *folder;
  GPtrArray *corpus;
  guint n_articles, n_annotations, n_words, n_highlights;
} Options;

static GPtrArray *
options_get_corpus (Options *options)
{
  if (options->corpus == NULL)
    options->corpus = bench_corpus_load (options->folder);
  return options->corpus;
}

static void
generate_full (const char *db,
               const char *work,
               gpointer    data)
{
  Options *options = data;

  generate_library (db, work, options_get_corpus (options), options->n_articles,
                    options->n_annotations);
}

static void
generate_empty (const char *db,
                const char *work,
                gpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open (db, &error);

  g_assert_no_error (error);
}

static void
generate_article (const char *db,
                  const char *work,
                  gpointer    data)
{
  Options *options = data;

  generate_article_library (db, options_get_corpus (options), options->n_words,
                            options->n_highlights);
}

/* A library with articles gets a daily backup in a worker thread at start;
 * one made now keeps that out of the measured launches, as it is on any
 * launch after a user's first of the day.  Only the newest is kept: each
 * is as large as the library. */
static void
backup_if_due (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open (db, &error);
  g_autoptr(GPtrArray) backups = NULL;

  if (store == NULL || !gloss_store_backup_if_due (store, &error))
    g_error ("Cannot back up %s: %s", db, error->message);
  backups = gloss_store_list_backups (db, &error);
  if (backups == NULL)
    g_error ("Cannot list the backups of %s: %s", db, error->message);
  for (guint i = 1; i < backups->len; i++)
    g_unlink (g_ptr_array_index (backups, i));
}

/* ------------------------------------------------------------------ */
/* The parent                                                         */
/* ------------------------------------------------------------------ */

typedef struct
{
  double main_ms, startup_ms, activate_ms, frame_ms, cpu_ms;
  gsize frame_hwm_kib, settled_hwm_kib;
  char renderer[64];
} LaunchFigures;

/* One round of the long article: wall clock and CPU milliseconds, and
 * when the window's pane had every row. */
typedef struct
{
  double gloss_ms, plain_ms, gloss_cpu_ms, plain_cpu_ms, pane_ms, pane_cpu_ms;
} ArticleFigures;

static const char *
find_line (const char *output,
           const char *tag)
{
  g_autofree char *needle = g_strconcat (tag, " ", NULL);
  const char *line = strstr (output, needle);

  return line != NULL ? line + strlen (needle) : NULL;
}

/* Runs @argv, with GLOSS_DB at @db when given, and returns its standard
 * output; ends the benchmark if it fails, or skips it if it found no
 * display. */
static char *
run_child (const char * const *argv,
           const char         *db)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  char *output = NULL;
  int status = 0;

  if (db != NULL)
    envp = g_environ_setenv (envp, "GLOSS_DB", db, TRUE);
  /* The application's settings at their defaults, from this build: the
   * same window for every launch, and a user's settings left alone. */
  envp = g_environ_setenv (envp, "GSETTINGS_SCHEMA_DIR", BENCH_SCHEMA_DIR, FALSE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", FALSE);
  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL,
                     &status, &error))
    g_error ("Cannot run %s: %s", argv[0], error->message);
  if (WIFEXITED (status) && WEXITSTATUS (status) == EXIT_SKIP)
    {
      g_printerr ("bench-window: no display; run it under xvfb-run (see tests/bench/README.md)\n");
      exit (g_getenv ("CI") != NULL ? EXIT_FAILURE : EXIT_SKIP);
    }
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s %s: %s", argv[0], argv[1], error->message);
  return output;
}

static void
launch (const char    *program,
        const char    *db,
        guint          settle_ms,
        LaunchFigures *figures)
{
  g_autofree char *settle = g_strdup_printf ("%u", settle_ms);
  g_autofree char *spawned_at = NULL;
  g_autofree char *output = NULL;
  const char *argv[] = { program, "--launch", NULL, settle, NULL };
  const char *line;

  spawned_at = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  argv[2] = spawned_at;
  output = run_child (argv, db);
  line = find_line (output, LAUNCH_TAG);
  if (line == NULL
      || sscanf (line, "%lf %lf %lf %lf %lf %zu %zu %63s", &figures->main_ms,
                 &figures->startup_ms, &figures->activate_ms, &figures->frame_ms, &figures->cpu_ms,
                 &figures->frame_hwm_kib, &figures->settled_hwm_kib, figures->renderer) != 8)
    g_error ("The launch reported no figures: %s", output);
}

/* The median of the double at @offset in each element of @figures. */
static double
median_of (GArray *figures,
           gsize   offset)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  guint size = g_array_get_element_size (figures);

  for (guint i = 0; i < figures->len; i++)
    {
      double value = *(const double *) (figures->data + i * size + offset);

      g_array_append_val (values, value);
    }
  return bench_median (values);
}

/* The median of each round's own ratio @a / @b: the two halves of a round
 * ran moments apart, so the machine's other load cancels out more than in
 * the ratio of the medians. */
static double
median_ratio (GArray *a,
              gsize   a_offset,
              GArray *b,
              gsize   b_offset)
{
  g_autoptr(GArray) ratios = g_array_new (FALSE, FALSE, sizeof (double));
  guint a_size = g_array_get_element_size (a), b_size = g_array_get_element_size (b);

  g_assert (a->len == b->len);
  for (guint i = 0; i < a->len; i++)
    {
      double ratio = *(const double *) (a->data + i * a_size + a_offset)
                     / *(const double *) (b->data + i * b_size + b_offset);

      g_array_append_val (ratios, ratio);
    }
  return bench_median (ratios);
}

static gsize
max_hwm (GArray *figures,
         gboolean settled)
{
  gsize max = 0;

  for (guint i = 0; i < figures->len; i++)
    {
      LaunchFigures *f = &g_array_index (figures, LaunchFigures, i);

      max = MAX (max, settled ? f->settled_hwm_kib : f->frame_hwm_kib);
    }
  return max;
}

static void
print_launches (const char *label,
                GArray     *figures)
{
  printf ("  %-26s median %7.1f ms to the first frame (main() at %.1f, startup done at %.1f, "
          "activate done at %.1f), CPU %.1f ms; peak RSS %.1f MiB at the frame, %.1f MiB "
          "settled\n",
          label, median_of (figures, G_STRUCT_OFFSET (LaunchFigures, frame_ms)),
          median_of (figures, G_STRUCT_OFFSET (LaunchFigures, main_ms)),
          median_of (figures, G_STRUCT_OFFSET (LaunchFigures, startup_ms)),
          median_of (figures, G_STRUCT_OFFSET (LaunchFigures, activate_ms)),
          median_of (figures, G_STRUCT_OFFSET (LaunchFigures, cpu_ms)),
          max_hwm (figures, FALSE) / 1024.0, max_hwm (figures, TRUE) / 1024.0);
}

int
main (int   argc,
      char *argv[])
{
  gint64 main_at = g_get_monotonic_time ();
  g_autofree char *folder = NULL;
  g_autofree char *cache = NULL;
  g_autofree char *article_db = NULL;
  gboolean fresh = FALSE, warm_up = TRUE;
  int n_articles = 10000, n_annotations = 100000, rounds = 7;
  int n_words = 50000, n_highlights = 1000, settle_ms = 1000;
  const GOptionEntry entries[] = {
    { "folder", 0, 0, G_OPTION_ARG_FILENAME, &folder, "Corpus of .html pages", "DIR" },
    { "cache", 0, 0, G_OPTION_ARG_FILENAME, &cache, "Where generated libraries are kept", "DIR" },
    { "fresh", 0, 0, G_OPTION_ARG_NONE, &fresh, "Generate into a temporary folder, removed at the end", NULL },
    { "articles", 0, 0, G_OPTION_ARG_INT, &n_articles, "Articles in the library (10000)", "N" },
    { "annotations", 0, 0, G_OPTION_ARG_INT, &n_annotations, "Annotations in it (100000)", "N" },
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "Measured rounds of each (7)", "N" },
    { "words", 0, 0, G_OPTION_ARG_INT, &n_words, "Words in the long article (50000)", "N" },
    { "highlights", 0, 0, G_OPTION_ARG_INT, &n_highlights, "Annotations on it (1000)", "N" },
    { "no-warm-up", 0, G_OPTION_FLAG_REVERSE, G_OPTION_ARG_NONE, &warm_up, "No unmeasured launch first", NULL },
    { "settle", 0, 0, G_OPTION_ARG_INT, &settle_ms, "Milliseconds after the first frame before peak memory is read (1000)", "MS" },
    { "article", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &article_db, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) full = g_array_new (FALSE, TRUE, sizeof (LaunchFigures));
  g_autoptr(GArray) empty = g_array_new (FALSE, TRUE, sizeof (LaunchFigures));
  g_autoptr(GArray) article = g_array_new (FALSE, TRUE, sizeof (ArticleFigures));
  g_autofree char *full_name = NULL;
  g_autofree char *empty_name = NULL;
  g_autofree char *article_name = NULL;
  g_autofree char *full_db = NULL;
  g_autofree char *empty_db = NULL;
  g_autofree char *long_db = NULL;
  g_autofree char *output = NULL;
  g_autofree char *rounds_arg = NULL;
  Options options = { 0 };
  LaunchFigures figures;
  guint words = 0, blocks = 0, highlights = 0;
  char size[32] = "", renderer[64] = "";
  const char *line;
  double full_median, empty_median, gloss_median, plain_median;
  const gsize frame = G_STRUCT_OFFSET (LaunchFigures, frame_ms);
  const gsize cpu = G_STRUCT_OFFSET (LaunchFigures, cpu_ms);
  GStatBuf st;

  /* The launch child is this program re-executed: straight to the
   * application, with nothing of the benchmark's own in between. */
  if (argc == 4 && g_str_equal (argv[1], "--launch"))
    return launch_child (argv[0], main_at, argv[2], argv[3]);

  context = g_option_context_new ("— the library window at scale");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-window: %s\n", error->message);
      return EXIT_FAILURE;
    }
  /* Defaults only now: GOption would overwrite (and leak) them. */
  if (folder == NULL)
    folder = g_strdup (BENCH_DEFAULT_FOLDER);
  if (cache == NULL)
    cache = g_strdup (BENCH_DEFAULT_CACHE);
  if (n_articles < 1 || n_annotations < 0 || rounds < 1 || n_words < 1 || n_highlights < 1
      || settle_ms < 0)
    {
      g_printerr ("bench-window: --articles, --rounds, --words and --highlights must be at least "
                  "1, --annotations and --settle at least 0\n");
      return EXIT_FAILURE;
    }
  if (article_db != NULL)
    return article_child (article_db, rounds);

  /* Nothing to generate for nothing to show. */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("bench-window: no display; run it under xvfb-run (see tests/bench/README.md)\n");
      return g_getenv ("CI") != NULL ? EXIT_FAILURE : EXIT_SKIP;
    }

  if (fresh)
    {
      g_free (cache);
      cache = g_dir_make_tmp ("gloss-bench-window-XXXXXX", &error);
      if (cache == NULL)
        g_error ("%s", error->message);
    }

  /* Named after what makes them: another corpus, size or schema is
   * another library. */
  options.folder = folder;
  options.n_articles = n_articles;
  options.n_annotations = n_annotations;
  options.n_words = n_words;
  options.n_highlights = n_highlights;
  full_name = g_strdup_printf ("library-%d-%d-s%d-%08x", n_articles, n_annotations,
                               GLOSS_STORE_SCHEMA_VERSION, g_str_hash (folder));
  empty_name = g_strdup_printf ("empty-s%d", GLOSS_STORE_SCHEMA_VERSION);
  article_name = g_strdup_printf ("article-%d-%d-s%d-%08x", n_words, n_highlights,
                                  GLOSS_STORE_SCHEMA_VERSION, g_str_hash (folder));
  full_db = cached_library (cache, full_name, generate_full, &options);
  empty_db = cached_library (cache, empty_name, generate_empty, &options);
  long_db = cached_library (cache, article_name, generate_article, &options);
  g_clear_pointer (&options.corpus, g_ptr_array_unref);
  backup_if_due (full_db);

  printf ("bench-window: %d rounds; library %s", rounds, full_db);
  if (g_stat (full_db, &st) == 0)
    printf (" (%.1f MiB)", st.st_size / (1024.0 * 1024.0));
  printf ("\n");

  /* 1 and 2.  One unmeasured launch of each first: the files and the
   * libraries' pages are then in the page cache for both alike. */
  if (warm_up)
    {
      launch (argv[0], full_db, 0, &figures);
      launch (argv[0], empty_db, 0, &figures);
    }
  for (int r = 0; r < rounds; r++)
    {
      LaunchFigures with_library, without;

      if (r % 2 == 0)
        {
          launch (argv[0], full_db, settle_ms, &with_library);
          launch (argv[0], empty_db, settle_ms, &without);
        }
      else
        {
          launch (argv[0], empty_db, settle_ms, &without);
          launch (argv[0], full_db, settle_ms, &with_library);
        }
      g_array_append_val (full, with_library);
      g_array_append_val (empty, without);
      fprintf (stderr, "  launch round %d / %d: %.1f ms with the library, %.1f ms empty\n",
               r + 1, rounds, with_library.frame_ms, without.frame_ms);
    }

  full_median = median_of (full, frame);
  empty_median = median_of (empty, frame);
  printf ("launch to first frame (renderer %s, %d rounds, each after a spawn of this program):\n",
          g_array_index (full, LaunchFigures, 0).renderer, rounds);
  {
    g_autofree char *label = g_strdup_printf ("%d articles, %d annotations", n_articles,
                                              n_annotations);

    print_launches (label, full);
  }
  print_launches ("empty library", empty);
  printf ("launch ratio %.2f (library / empty, of the medians; target <= 1.5); median of the "
          "rounds' own ratios %.2f; of CPU time %.2f\n", full_median / empty_median,
          median_ratio (full, frame, empty, frame),
          median_of (full, cpu) / median_of (empty, cpu));
  printf ("peak memory with the library open: %.1f MiB (VmHWM, settled %d ms after the first "
          "frame; target <= 200 MB)\n", max_hwm (full, TRUE) / 1024.0, settle_ms);

  /* 3. */
  rounds_arg = g_strdup_printf ("--rounds=%d", rounds);
  {
    const char *child_argv[] = { argv[0], "--article", long_db, rounds_arg, NULL };

    output = run_child (child_argv, NULL);
  }
  line = find_line (output, ARTICLE_TAG "-INFO");
  if (line == NULL
      || sscanf (line, "%u %u %u %31s %63s", &words, &blocks, &highlights, size, renderer) != 5)
    g_error ("The article run reported nothing: %s", output);
  for (line = find_line (output, ARTICLE_TAG); line != NULL; line = find_line (line, ARTICLE_TAG))
    {
      ArticleFigures round;

      if (sscanf (line, "%lf %lf %lf %lf %lf %lf", &round.gloss_ms, &round.plain_ms,
                  &round.gloss_cpu_ms, &round.plain_cpu_ms, &round.pane_ms, &round.pane_cpu_ms) != 6)
        g_error ("The article run said: %s", output);
      g_array_append_val (article, round);
    }
  if (article->len != (guint) rounds)
    g_error ("The article run reported %u rounds of %d: %s", article->len, rounds, output);

  gloss_median = median_of (article, G_STRUCT_OFFSET (ArticleFigures, gloss_ms));
  plain_median = median_of (article, G_STRUCT_OFFSET (ArticleFigures, plain_ms));
  printf ("long article (%u words in %u blocks, %u highlights, windows %s, renderer %s), to the "
          "first painted frame:\n", words, blocks, highlights, size, renderer);
  printf ("  GlossWindow, gloss_window_open_article  median %7.1f ms, CPU %.1f ms\n",
          gloss_median, median_of (article, G_STRUCT_OFFSET (ArticleFigures, gloss_cpu_ms)));
  printf ("  bare GtkTextView, same plain text       median %7.1f ms, CPU %.1f ms\n",
          plain_median, median_of (article, G_STRUCT_OFFSET (ArticleFigures, plain_cpu_ms)));
  printf ("  GlossWindow's pane, every row painted    median %7.1f ms, CPU %.1f ms, after the "
          "open (rows past the first screenful come after the first frame)\n",
          median_of (article, G_STRUCT_OFFSET (ArticleFigures, pane_ms)),
          median_of (article, G_STRUCT_OFFSET (ArticleFigures, pane_cpu_ms)));
  printf ("article ratio %.2f (GlossWindow / GtkTextView, of the medians; target <= 1.5); median "
          "of the rounds' own ratios %.2f; of CPU time %.2f\n", gloss_median / plain_median,
          median_ratio (article, G_STRUCT_OFFSET (ArticleFigures, gloss_ms),
                        article, G_STRUCT_OFFSET (ArticleFigures, plain_ms)),
          median_of (article, G_STRUCT_OFFSET (ArticleFigures, gloss_cpu_ms))
          / median_of (article, G_STRUCT_OFFSET (ArticleFigures, plain_cpu_ms)));

  if (fresh)
    bench_corpus_remove_tree (cache);
  return EXIT_SUCCESS;
}
