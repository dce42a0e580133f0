/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-library-watch"

#include "config.h"

#include <adwaita.h>

#include "gloss-store-changes.h"
#include "gloss-window-private.h"
#include "ui-fixture.h"

/*
 * A window left open while gloss-cli writes to the same library picks the
 * changes up by itself, as a user who scripted something beside the window
 * expects: a new annotation on the article shown, its edit and deletion, a
 * newer copy of the article, another article in the sidebar.
 */

#define CLAIM_QUOTE "some of NATO’s 29 allies are uneasy about the potential security " \
                    "challenges of working with Huawei"

static void
run_cli (const char *db,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;
  const char *arg;

  g_ptr_array_add (argv, (gpointer) GLOSS_CLI_PATH);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  va_start (args, db);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);
}

typedef gboolean (*Condition) (GlossWindow *window);

/* Runs the main loop until @condition holds, failing with @what after
 * GLOSS_TEST_WAIT_SECONDS (many ticks of the window's once-a-second look
 * at the library, even on a busy machine).  Looked at every 10 ms: the
 * window's look is a timeout of its own, not an event of the test's. */
static void
wait_for (GlossWindow *window,
          Condition    condition,
          const char  *what)
{
  gloss_test_poll_until (condition (window), "the window to show %s", what);
}

static GlossAnnotation *
first_annotation (GlossWindow *window)
{
  GListModel *annotations = gloss_window_get_annotations (window);
  g_autoptr(GlossAnnotation) annotation = NULL;

  if (annotations == NULL || g_list_model_get_n_items (annotations) == 0)
    return NULL;
  annotation = g_list_model_get_item (annotations, 0);
  return annotation;   /* the model keeps it */
}

static gboolean
has_claim (GlossWindow *window)
{
  GlossAnnotation *annotation = first_annotation (window);

  return annotation != NULL &&
         gloss_annotation_get_kind (annotation) == GLOSS_ANNOTATION_CLAIM;
}

static gboolean
claim_has_note (GlossWindow *window)
{
  GlossAnnotation *annotation = first_annotation (window);

  return annotation != NULL &&
         g_strcmp0 (gloss_annotation_get_note (annotation), "Which allies?") == 0;
}

static gboolean
has_no_annotation (GlossWindow *window)
{
  return first_annotation (window) == NULL;
}

static gboolean
shows_newer_copy (GlossWindow *window)
{
  GlossArticle *article = gloss_window_get_article (window);
  guint n_blocks = gloss_article_get_n_blocks (article);

  for (guint i = 0; i < n_blocks; i++)
    if (strstr (gloss_block_get_text (gloss_article_get_block (article, i)),
                "is pressing European") != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
lists_two_articles (GlossWindow *window)
{
  GListModel *articles = gloss_library_sidebar_get_articles (window->library_sidebar);

  return articles != NULL && g_list_model_get_n_items (articles) == 2;
}

static void
test_changes_from_cli (UiLibrary     *library,
                       gconstpointer  data)
{
  g_autoptr(GlossStore) store = gloss_test_store_open (library->path);
  g_autofree char *article = NULL;
  g_autofree char *newer = g_build_filename (GLOSS_TEST_DATA, "cli", "nato-huawei-v2.txt", NULL);
  g_autofree char *other = g_build_filename (GLOSS_TEST_DATA, "cli", "story.html", NULL);
  GlossWindow *window = ui_window_new (NULL, store);
  g_autofree char *annotation_id = NULL;

  ui_open_file (window, library->sample);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "article");
  article = g_strdup_printf ("%" G_GINT64_FORMAT,
                             gloss_article_get_id (gloss_window_get_article (window)));
  ui_wait_for_paint (GTK_WIDGET (window));
  g_assert_true (has_no_annotation (window));

  run_cli (library->path, "annotate", article, "--kind", "claim",
           "--quote", CLAIM_QUOTE, NULL);
  wait_for (window, has_claim, "the claim marked by gloss-cli");
  g_assert_cmpstr (gloss_annotation_get_anchor (first_annotation (window))->exact, ==, CLAIM_QUOTE);

  annotation_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                   gloss_annotation_get_id (first_annotation (window)));
  run_cli (library->path, "edit-annotation", annotation_id, "--note", "Which allies?", NULL);
  wait_for (window, claim_has_note, "the note added by gloss-cli");

  run_cli (library->path, "update", article, newer, NULL);
  wait_for (window, shows_newer_copy, "the newer copy given to gloss-cli update");
  /* The claim's words did not change: it is still there, on them. */
  g_assert_true (claim_has_note (window));

  run_cli (library->path, "import", other, NULL);
  wait_for (window, lists_two_articles, "the article imported by gloss-cli in the sidebar");

  run_cli (library->path, "delete-annotation", annotation_id, NULL);
  wait_for (window, has_no_annotation, "the claim gone after gloss-cli deleted it");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "article");

  ui_destroy_window (GTK_WINDOW (window));
}

/* The window has counted its own writes as its own (the watch's next
 * look after them, with nothing from another program in between). */
static gboolean
own_writes_seen (GlossWindow *window)
{
  return window->watch_own_changes == gloss_store_get_own_changes (window->store);
}

/* A claim marked in the window, then gloss-cli imports another story: the
 * article shown did not change, so it is not read again and the claim can
 * still be undone (reading it again would empty the Undo history). */
static void
test_own_edits_kept (UiLibrary     *library,
                     gconstpointer  data)
{
  g_autoptr(GlossStore) store = gloss_test_store_open (library->path);
  g_autofree char *other = g_build_filename (GLOSS_TEST_DATA, "cli", "story.html", NULL);
  GlossWindow *window = ui_window_new (NULL, store);
  GlossArticle *article;
  GlossAnnotation *claim = NULL;
  g_autoptr(GlossAnchor) anchor = NULL;
  g_autoptr(GError) error = NULL;

  ui_open_file (window, library->sample);
  ui_wait_for_paint (GTK_WIDGET (window));
  article = gloss_window_get_article (window);
  for (guint i = 0; i < gloss_article_get_n_blocks (article) && anchor == NULL; i++)
    {
      const char *text = gloss_block_get_text (gloss_article_get_block (article, i));
      const char *found = strstr (text, CLAIM_QUOTE);
      guint start;

      if (found == NULL)
        continue;
      start = (guint) g_utf8_pointer_to_offset (text, found);
      anchor = gloss_anchor_new_for_range (article, i, start, i,
                                           start + (guint) g_utf8_strlen (CLAIM_QUOTE, -1),
                                           &error);
      g_assert_no_error (error);
    }
  g_assert_nonnull (anchor);

  claim = gloss_annotation_model_add (window->annotations, GLOSS_ANNOTATION_CLAIM, anchor, &error);
  g_assert_no_error (error);
  g_assert_nonnull (claim);
  wait_for (window, own_writes_seen, "its own claim counted as its own write");

  run_cli (library->path, "import", other, NULL);
  wait_for (window, lists_two_articles, "the article imported by gloss-cli in the sidebar");

  g_assert_true (first_annotation (window) == claim);
  g_assert_true (gloss_annotation_history_can_undo (gloss_annotation_model_get_history (window->annotations)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (has_no_annotation (window));

  ui_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "/ui/library-watch", UI_TEST_ADWAITA | UI_TEST_APP_STYLE))
    return g_test_run ();

  g_test_add ("/ui/library-watch/changes-from-cli", UiLibrary, NULL, ui_library_set_up,
              test_changes_from_cli, ui_library_tear_down);
  g_test_add ("/ui/library-watch/own-edits-kept", UiLibrary, NULL, ui_library_set_up,
              test_own_edits_kept, ui_library_tear_down);

  return g_test_run ();
}
