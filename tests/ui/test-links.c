/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gloss-export-dialog.h"
#include "gloss-open-link-dialog.h"
#include "gloss-versions-dialog.h"
#include "test-server.h"
#include "ui-fixture.h"

/*
 * Stories by their link, through the window as a user goes: Open Link with
 * a link pasted, the outlet edits the story, Check for Changes and the
 * toast's counts; the reasons a link fails shown in the dialog with the
 * link kept; and with "Use the network" off, not one request reaches the
 * server.  The server is libsoup's, on 127.0.0.1, started by the test.
 *
 * Every wait is on the state itself, bounded generously for a loaded
 * machine, and fails with what it waited for.
 */

#define WAIT_SECONDS 120

#define HEAD "<!doctype html><html><head><title>Harbour deal questioned</title>" \
  "<meta property=\"og:site_name\" content=\"Coast Courier\"></head><body><article>" \
  "<h1>Harbour deal questioned</h1>"
#define CLAIM "the harbour lease was worth 40 million euros"
#define DENIAL "no council member had met the buyers"
#define DOOMED "Residents asked for the contract to be published before the vote"

static const char story_v1[] = HEAD
  "<p>The mayor said on Tuesday that " CLAIM " and that the criticism was unfounded.</p>"
  "<p>She insisted that " DENIAL " before the tender closed last spring.</p>"
  "<p>" DOOMED " next month, saying the town had a right to see it.</p>"
  "</article></body></html>";

static const char story_v2[] = HEAD
  "<p>The mayor said on Tuesday that the harbour lease was worth 14 million euros and that the "
  "criticism was unfounded.</p>"
  "<p>She insisted that " DENIAL " before the tender closed last spring.</p>"
  "<p>A spokesman later said the contract would stay confidential for now.</p>"
  "</article></body></html>";

typedef struct
{
  UiLibrary library;
  TestServer *server;
  GlossStore *store;
  GlossWindow *window;
} Fixture;

typedef gboolean (*Condition) (gpointer data);

static gboolean
tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition holds; fails after WAIT_SECONDS
 * saying what it waited for.  The tick only wakes the loop to look. */
static void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  guint tick = g_timeout_add (50, tick_cb, NULL);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("waited %d s for %s", WAIT_SECONDS, what);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "use-network");
  ui_library_set_up (&fixture->library, data);
  fixture->server = test_server_start (FALSE, &error);
  g_assert_no_error (error);
  fixture->store = gloss_test_store_open (fixture->library.path);
  fixture->window = ui_window_new (NULL, fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ui_destroy_window (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->store);
  test_server_stop (fixture->server);
  ui_library_tear_down (&fixture->library, data);
}

/* Widgets */

static GtkLabel *
find_label (GtkWidget  *widget,
            const char *prefix)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWidget *widget;
  const char *prefix;
  GtkLabel *found;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  wait->found = find_label (wait->widget, wait->prefix);
  return wait->found != NULL;
}

/* The text of the toast (or other label) starting with @prefix, once the
 * window shows it. */
static const char *
wait_for_label (GtkWidget  *widget,
                const char *prefix)
{
  LabelWait wait = { widget, prefix, NULL };
  g_autofree char *what = g_strdup_printf ("a label starting “%s”", prefix);

  wait_until (label_shown, &wait, what);
  return gtk_label_get_label (wait.found);
}

static gboolean
dialog_shown (gpointer data)
{
  return ui_find_toplevel (GLOSS_TYPE_OPEN_LINK_DIALOG) != NULL;
}

/* Ctrl+Shift+L's action, and the dialog it shows. */
static GlossOpenLinkDialog *
open_link_dialog (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-link", NULL));
  wait_until (dialog_shown, NULL, "the Open Link dialog");
  return GLOSS_OPEN_LINK_DIALOG (ui_find_toplevel (GLOSS_TYPE_OPEN_LINK_DIALOG));
}

static gboolean
dialog_gone (gpointer data)
{
  return ui_find_toplevel (GLOSS_TYPE_OPEN_LINK_DIALOG) == NULL;
}

static gboolean
dialog_idle (gpointer data)
{
  return !gloss_open_link_dialog_get_busy (data);
}

/* Pastes @url into the dialog and presses Open; waits until the window
 * shows the story. */
static void
open_link (Fixture    *fixture,
           const char *url)
{
  GlossOpenLinkDialog *dialog = open_link_dialog (fixture);

  gloss_open_link_dialog_set_link (dialog, url);
  gloss_open_link_dialog_open (dialog);
  g_assert_true (gloss_open_link_dialog_get_busy (dialog));
  wait_until (dialog_gone, NULL, "the dialog to close once the page was in");
}

static void
check_for_changes (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.check-changes",
                                             "x", (gint64) 0));
}

static guint
paragraph_count (GlossWindow *window)
{
  return gloss_article_get_n_blocks (gloss_window_get_article (window));
}

static gboolean
versions_dialog_shown (gpointer data)
{
  return ui_find_toplevel (GLOSS_TYPE_VERSIONS_DIALOG) != NULL;
}

/* The text under the reader's tag @name at the cursor: the change that
 * F8 stepped to. */
static char *
dup_current_change (GlossWindow *window)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gloss_window_get_reader_view (window)));
  GtkTextTag *current = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                   "gloss-diff-current");
  GtkTextIter start, end;

  g_assert_nonnull (current);
  gtk_text_buffer_get_start_iter (buffer, &start);
  if (!gtk_text_iter_starts_tag (&start, current))
    g_assert_true (gtk_text_iter_forward_to_tag_toggle (&start, current));
  end = start;
  g_assert_true (gtk_text_iter_forward_to_tag_toggle (&end, current));
  return gtk_text_iter_get_text (&start, &end);
}

/* Whether the word at @text in the reader carries the tag @name, which
 * draws it underlined (added) or struck through (removed). */
static gboolean
word_has_tag (GlossWindow *window,
              const char  *text,
              const char  *name)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gloss_window_get_reader_view (window)));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GtkTextIter start, match_start, match_end;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, text, 0, &match_start, &match_end, NULL));
  for (GtkTextIter i = match_start; !gtk_text_iter_equal (&i, &match_end); gtk_text_iter_forward_char (&i))
    if (!gtk_text_iter_has_tag (&i, tag))
      return FALSE;
  return TRUE;
}

/* Whether the reader marks block @index as changed in the margin. */
static gboolean
block_marked_changed (GlossWindow *window,
                      guint        index)
{
  GlossReaderView *reader = gloss_window_get_reader_view (window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (reader));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                               GLOSS_READER_CHANGED_TAG);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  g_assert_true (gloss_reader_view_get_iter_for_block (reader, index, 0, &iter));
  return gtk_text_iter_has_tag (&iter, tag);
}

static void
export_comparison (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->library.dir, "comparison.html", NULL);
  g_autoptr(GFile) destination = g_file_new_for_path (path);
  g_autofree char *report = NULL;
  GlossExportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export", NULL));
  dialog = GLOSS_EXPORT_DIALOG (ui_wait_for_toplevel (GLOSS_TYPE_EXPORT_DIALOG));
  gloss_export_dialog_export_to (dialog, destination);
  gloss_test_wait_until (ui_find_toplevel (GLOSS_TYPE_EXPORT_DIALOG) == NULL,
                         "the export dialog to close once the report was written");
  g_assert_true (g_file_get_contents (path, &report, NULL, NULL));
  g_assert_nonnull (strstr (report, "<h2>Changes from version 1 to version 2</h2>"));
  g_assert_nonnull (strstr (report, "worth <del>40</del> <ins>14</ins> million"));
  g_assert_nonnull (strstr (report, "[C1]</a> Claim &ldquo;the harbour lease was worth 14 million "
                                    "euros&rdquo;: <del>40</del> &rarr; <ins>14</ins>"));
  g_assert_nonnull (strstr (report, "[Q3]</a> Question"));
  g_assert_null (strstr (report, "[D2]</a> Denial"));
  /* Still comparing afterwards. */
  g_assert_cmpint (gloss_article_get_id (gloss_window_get_article (fixture->window)), ==, 0);
}

static void
compare_and_restore (Fixture *fixture)
{
  GlossVersionsDialog *dialog;
  GtkTextTag *deleted;
  gboolean strikethrough = FALSE;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *last = NULL;
  GtkTextBuffer *buffer;
  const char *bar;
  gint64 id = gloss_article_get_id (gloss_window_get_article (fixture->window));

  /* Versions (Ctrl+Shift+H): the two versions, the latest change chosen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.versions", "x",
                                             (gint64) 0));
  wait_until (versions_dialog_shown, NULL, "the Versions dialog");
  dialog = GLOSS_VERSIONS_DIALOG (ui_find_toplevel (GLOSS_TYPE_VERSIONS_DIALOG));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Version 2 (current)"));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Version 1"));
  gloss_versions_dialog_compare (dialog);
  g_assert_null (ui_find_toplevel (GLOSS_TYPE_VERSIONS_DIALOG));

  /* The reader shows both: the old figure struck through, the new one
   * underlined, and nothing can be marked meanwhile. */
  bar = wait_for_label (GTK_WIDGET (fixture->window), "Version 1 to 2:");
  g_assert_cmpstr (bar, ==, "Version 1 to 2: 3 changes");
  g_assert_true (word_has_tag (fixture->window, "40", "gloss-diff-deleted"));
  g_assert_true (word_has_tag (fixture->window, "14", "gloss-diff-inserted"));
  g_assert_true (word_has_tag (fixture->window, "spokesman", "gloss-diff-inserted"));
  g_assert_true (word_has_tag (fixture->window, "Residents", "gloss-diff-deleted"));
  g_assert_false (word_has_tag (fixture->window, DENIAL, "gloss-diff-inserted"));
  g_assert_false (word_has_tag (fixture->window, DENIAL, "gloss-diff-deleted"));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gloss_window_get_reader_view (fixture->window)));
  deleted = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "gloss-diff-deleted");
  g_object_get (deleted, "strikethrough", &strikethrough, NULL);
  g_assert_true (strikethrough);
  g_assert_null (gloss_window_get_annotations (fixture->window));
  {
    GtkTextIter start, end;

    /* Words selected and C pressed: nothing is marked on this text. */
    g_assert_true (gloss_reader_view_get_iter_for_block (gloss_window_get_reader_view (fixture->window),
                                                         0, 0, &start));
    end = start;
    gtk_text_iter_forward_chars (&end, 10);
    gtk_text_buffer_select_range (buffer, &start, &end);
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.mark", "s", "claim");
    gtk_text_buffer_place_cursor (buffer, &start);
  }

  /* The changed paragraphs are marked in the margin, the unchanged one not. */
  g_assert_true (block_marked_changed (fixture->window, 0));
  g_assert_false (block_marked_changed (fixture->window, 1));
  g_assert_true (block_marked_changed (fixture->window, 2));

  /* Export while comparing: the report carries the comparison, with the
   * annotations whose words changed called out. */
  export_comparison (fixture);

  /* F8 steps through the changes in reading order; Shift+F8 back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-change", NULL));
  first = dup_current_change (fixture->window);
  g_assert_cmpstr (first, ==, "40");
  wait_for_label (GTK_WIDGET (fixture->window), "Version 1 to 2: place 1 of");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next-change", NULL));
  second = dup_current_change (fixture->window);
  g_assert_cmpstr (second, ==, "14");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.previous-change", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.previous-change", NULL));
  last = dup_current_change (fixture->window);
  g_assert_cmpstr (last, ==, "would stay confidential for now");

  /* Done: the article as it is, with its annotations. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.stop-comparing", NULL));
  g_assert_cmpint (gloss_article_get_id (gloss_window_get_article (fixture->window)), ==, id);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_window_get_annotations (fixture->window)), ==, 3);

  /* Restore version 1, then Undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.versions", "x",
                                             (gint64) 0));
  wait_until (versions_dialog_shown, NULL, "the Versions dialog, again");
  dialog = GLOSS_VERSIONS_DIALOG (ui_find_toplevel (GLOSS_TYPE_VERSIONS_DIALOG));
  gloss_versions_dialog_restore (dialog, 1);
  wait_for_label (GTK_WIDGET (fixture->window), "Version 1 restored");
  g_assert_nonnull (strstr (gloss_block_get_text (gloss_article_get_block (gloss_window_get_article (fixture->window), 0)),
                            CLAIM));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-restore",
                                             "(xu)", id, 2));
  g_assert_nonnull (strstr (gloss_block_get_text (gloss_article_get_block (gloss_window_get_article (fixture->window), 0)),
                            "14 million euros"));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_window_get_annotations (fixture->window)), ==, 3);
}

static gboolean question_shown (gpointer data);
static gboolean question_gone (gpointer data);

/* Article Details say where the text came from and list the versions. */
static void
check_details (Fixture    *fixture,
               const char *url)
{
  g_autofree char *from = g_strdup_printf ("Downloaded from: %s\n", url);
  AdwMessageDialog *details;
  const char *body;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.article-details",
                                             "x", (gint64) 0));
  wait_until (question_shown, NULL, "the Article Details");
  details = ADW_MESSAGE_DIALOG (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  body = adw_message_dialog_get_body (details);
  g_assert_nonnull (strstr (body, from));
  g_assert_nonnull (strstr (body, "Server answer: HTTP 200, text/html"));
  g_assert_nonnull (strstr (body, "ETag: \"v2\"\n"));
  g_assert_nonnull (strstr (body, "\nDownloaded: "));
  g_assert_nonnull (strstr (body, "\nSHA-256: "));
  g_assert_nonnull (strstr (body, "\nVersions: 2 — 1: "));
  gtk_window_close (GTK_WINDOW (details));
  wait_until (question_gone, NULL, "the Article Details to close");
}

static void
test_open_and_check (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *url = test_server_url (fixture->server, "/story");
  GlossArticle *article;
  const char *toast;

  test_server_set_html (fixture->server, "/story", story_v1, "\"v1\"");
  open_link (fixture, url);
  g_assert_cmpuint (test_server_n_requests (fixture->server), ==, 1);

  article = gloss_window_get_article (fixture->window);
  g_assert_nonnull (article);
  g_assert_cmpstr (gloss_article_get_title (article), ==, "Harbour deal questioned");
  g_assert_cmpuint (paragraph_count (fixture->window), ==, 3);
  g_assert_nonnull (strstr (gloss_block_get_text (gloss_article_get_block (article, 0)), CLAIM));

  ui_annotate (fixture->window, 0, CLAIM, GLOSS_ANNOTATION_CLAIM);
  ui_annotate (fixture->window, 1, DENIAL, GLOSS_ANNOTATION_DENIAL);
  ui_annotate (fixture->window, 2, DOOMED, GLOSS_ANNOTATION_QUESTION);

  /* Nothing changed: the server answers 304 to the ETag kept. */
  check_for_changes (fixture);
  toast = wait_for_label (GTK_WIDGET (fixture->window), "No changes");
  g_assert_cmpstr (toast, ==, "No changes");
  g_assert_cmpuint (test_server_n_requests (fixture->server), ==, 2);
  g_assert_cmpstr (test_server_last_header (fixture->server, "if-none-match"), ==, "\"v1\"");

  /* The outlet edits the story: a new version, the annotations placed
   * again and counted. */
  test_server_set_html (fixture->server, "/story", story_v2, "\"v2\"");
  check_for_changes (fixture);
  toast = wait_for_label (GTK_WIDGET (fixture->window), "Updated:");
  g_assert_cmpstr (toast, ==, "Updated: 2 paragraphs changed, 1 annotation moved, 1 orphaned");
  g_assert_cmpuint (test_server_n_requests (fixture->server), ==, 3);

  /* The reader shows the new words. */
  article = gloss_window_get_article (fixture->window);
  g_assert_nonnull (strstr (gloss_block_get_text (gloss_article_get_block (article, 0)),
                            "14 million euros"));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_window_get_annotations (fixture->window)), ==, 3);

  check_details (fixture, url);
  compare_and_restore (fixture);
}

static void
test_link_errors (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *missing = test_server_url (fixture->server, "/gone");
  GlossOpenLinkDialog *dialog = open_link_dialog (fixture);
  const char *message;

  /* Not a link at all: said at once, nothing asked. */
  gloss_open_link_dialog_set_link (dialog, "ftp://example.org/story");
  gloss_open_link_dialog_open (dialog);
  wait_until (dialog_idle, dialog, "the dialog to give up on an ftp link");
  message = gloss_open_link_dialog_get_message (dialog);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "not a web address"));

  /* A page the site does not have: the reason, and the link kept. */
  gloss_open_link_dialog_set_link (dialog, missing);
  gloss_open_link_dialog_open (dialog);
  wait_until (dialog_idle, dialog, "the dialog to report the 404");
  message = gloss_open_link_dialog_get_message (dialog);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "404"));
  g_assert_cmpuint (test_server_n_requests (fixture->server), ==, 1);
  g_assert_true (ui_find_toplevel (GLOSS_TYPE_OPEN_LINK_DIALOG) == GTK_WINDOW (dialog));
  g_assert_null (gloss_window_get_article (fixture->window));

  gtk_window_close (GTK_WINDOW (dialog));
  wait_until (dialog_gone, NULL, "the dialog to close");
}

static void
test_network_off (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *url = test_server_url (fixture->server, "/story");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GlossOpenLinkDialog *dialog;
  const char *message;

  /* A story from its link, while the network may be used. */
  test_server_set_html (fixture->server, "/story", story_v1, "\"v1\"");
  open_link (fixture, url);
  g_assert_cmpuint (test_server_n_requests (fixture->server), ==, 1);

  /* Off: the dialog says so and opens nothing. */
  g_settings_set_boolean (settings, "use-network", FALSE);
  test_server_set_html (fixture->server, "/story", story_v2, "\"v2\"");
  dialog = open_link_dialog (fixture);
  message = gloss_open_link_dialog_get_message (dialog);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "Use the network"));
  gloss_open_link_dialog_set_link (dialog, url);
  gloss_open_link_dialog_open (dialog);
  g_assert_false (gloss_open_link_dialog_get_busy (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  wait_until (dialog_gone, NULL, "the dialog to close");

  /* Check for Changes, on one article and on all, says so too. */
  check_for_changes (fixture);
  message = wait_for_label (GTK_WIDGET (fixture->window), "“Use the network” is off");
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.check-all-changes", NULL));
  ui_wait_for_paint (GTK_WIDGET (fixture->window));

  /* The server has seen only the first request. */
  g_assert_cmpuint (test_server_n_requests (fixture->server), ==, 1);
  g_assert_nonnull (strstr (gloss_block_get_text (gloss_article_get_block (gloss_window_get_article (fixture->window), 0)),
                            CLAIM));
  g_settings_reset (settings, "use-network");
}

static const char story_v3[] = HEAD
  "<p>The mayor said on Tuesday that the harbour lease was worth 14 million euros and that the "
  "criticism was unfounded.</p>"
  "<p>She insisted that " DENIAL " before the tender closed last spring.</p>"
  "<p>The council will publish the contract in January, a spokesman said.</p>"
  "</article></body></html>";

static gboolean
question_shown (gpointer data)
{
  return ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static guint
n_articles (GlossStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = gloss_store_list_article_ids (store, &error);

  g_assert_no_error (error);
  return ids->len;
}

static gboolean
question_gone (gpointer data)
{
  return ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

/* Opens @url again, answers the newer-copy question with @response, and
 * waits until the dialogs are gone. */
static void
open_newer_copy (Fixture    *fixture,
                 const char *url,
                 const char *response)
{
  GlossOpenLinkDialog *dialog = open_link_dialog (fixture);
  AdwMessageDialog *question;

  gloss_open_link_dialog_set_link (dialog, url);
  gloss_open_link_dialog_open (dialog);
  wait_until (question_shown, NULL, "the question about a newer copy of a known story");
  question = ADW_MESSAGE_DIALOG (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  /* Adding it as a version is what Enter does. */
  g_assert_cmpstr (adw_message_dialog_get_default_response (question), ==, "version");
  /* As its button does: the response, then the dialog closes. */
  adw_message_dialog_response (question, response);
  gtk_window_close (GTK_WINDOW (question));
  wait_until (dialog_gone, NULL, "the Open Link dialog to close after the answer");
  wait_until (question_gone, NULL, "the question to close after the answer");
}

static void
test_drop_and_newer_copy (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *url = test_server_url (fixture->server, "/story");
  g_autoptr(GFile) link = g_file_new_for_uri (url);
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  GlossOpenLinkDialog *dialog;
  gint64 id;

  /* A link dropped from a browser opens the dialog with it filled in. */
  test_server_set_html (fixture->server, "/story", story_v1, "\"v1\"");
  g_assert_true (ui_drop_file (GTK_WIDGET (fixture->window), link));
  wait_until (dialog_shown, NULL, "the Open Link dialog after a drop");
  dialog = GLOSS_OPEN_LINK_DIALOG (ui_find_toplevel (GLOSS_TYPE_OPEN_LINK_DIALOG));
  gloss_open_link_dialog_open (dialog);
  wait_until (dialog_gone, NULL, "the dropped link's page to come in");
  id = gloss_article_get_id (gloss_window_get_article (fixture->window));
  g_assert_cmpuint (n_articles (fixture->store), ==, 1);

  /* The same link after an edit: a new version of that article. */
  test_server_set_html (fixture->server, "/story", story_v2, "\"v2\"");
  open_newer_copy (fixture, url, "version");
  wait_for_label (GTK_WIDGET (fixture->window), "Added as a new version");
  g_assert_cmpuint (n_articles (fixture->store), ==, 1);
  versions = gloss_store_list_versions (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_nonnull (strstr (gloss_block_get_text (gloss_article_get_block (gloss_window_get_article (fixture->window), 0)),
                            "14 million euros"));

  /* Kept apart when the user says so. */
  test_server_set_html (fixture->server, "/story", story_v3, "\"v3\"");
  open_newer_copy (fixture, url, "separate");
  g_assert_cmpuint (n_articles (fixture->store), ==, 2);
  g_assert_cmpint (gloss_article_get_id (gloss_window_get_article (fixture->window)), !=, id);
  g_assert_nonnull (strstr (gloss_block_get_text (gloss_article_get_block (gloss_window_get_article (fixture->window), 2)),
                            "publish the contract in January"));
}

/* A saved page that says where it lives, as a browser's "Save Page" keeps. */
#define SAVED_HEAD "<!doctype html><html><head><title>Harbour deal questioned</title>" \
  "<link rel=\"canonical\" href=\"https://coast.example.org/harbour-deal\">" \
  "<meta property=\"og:site_name\" content=\"Coast Courier\"></head><body><article>" \
  "<h1>Harbour deal questioned</h1>"

static char *
save_page (Fixture    *fixture,
           const char *name,
           const char *page)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->library.dir, name, NULL);
  const char *body = strstr (page, "<p>");
  g_autofree char *text = g_strconcat (SAVED_HEAD, body, NULL);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static guint
n_versions (Fixture *fixture,
            gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = gloss_store_list_versions (fixture->store, id, &error);

  g_assert_no_error (error);
  return versions->len;
}

/* Answers the question on screen, as its button does. */
static void
answer_question (const char *heading,
                 const char *response)
{
  AdwMessageDialog *question;

  wait_until (question_shown, NULL, heading);
  question = ADW_MESSAGE_DIALOG (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, heading);
  g_assert_cmpstr (adw_message_dialog_get_default_response (question), ==, "version");
  adw_message_dialog_response (question, response);
  gtk_window_close (GTK_WINDOW (question));
  wait_until (question_gone, NULL, "the question to close after the answer");
}

/* File → Open and Import Folder meet a newer copy of a story already in
 * the library: the window asks, and the copy becomes a new version of it
 * with its annotation kept, not a second, unannotated article. */
static void
test_newer_copy_from_files (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *first = save_page (fixture, "harbour.html", story_v1);
  g_autofree char *later = save_page (fixture, "harbour (1).html", story_v2);
  g_autofree char *folder = g_build_filename (fixture->library.dir, "saved", NULL);
  g_autofree char *latest = NULL;
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  AdwMessageDialog *summary;
  GlossArticle *article;
  gint64 id;

  ui_open_file (fixture->window, first);
  article = gloss_window_get_article (fixture->window);
  g_assert_nonnull (article);
  id = gloss_article_get_id (article);
  ui_annotate (fixture->window, 1, DENIAL, GLOSS_ANNOTATION_DENIAL);

  /* The page saved again after the outlet's edit: asked, then a version. */
  ui_open_file (fixture->window, later);
  answer_question ("A Newer Copy of a Known Story", "version");
  wait_for_label (GTK_WIDGET (fixture->window), "Updated: 2 paragraphs changed");
  g_assert_cmpuint (n_articles (fixture->store), ==, 1);
  g_assert_cmpuint (n_versions (fixture, id), ==, 2);
  article = gloss_window_get_article (fixture->window);
  g_assert_cmpint (gloss_article_get_id (article), ==, id);
  g_assert_nonnull (strstr (gloss_block_get_text (gloss_article_get_block (article, 0)),
                            "14 million euros"));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_window_get_annotations (fixture->window)), ==, 1);

  /* A folder with a third copy and another story: the summary asks once. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_free (save_page (fixture, "saved/harbour (2).html", story_v3));
  {
    g_autofree char *other = g_build_filename (folder, "other.txt", NULL);

    g_assert_true (g_file_set_contents (other, "Council approves budget\n\nThe council approved "
                                        "the budget for next year on Thursday evening after a long "
                                        "debate about the harbour and the schools.\n", -1, NULL));
  }
  g_assert_true (ui_drop_file (GTK_WIDGET (fixture->window), folder_file));
  wait_until (question_shown, NULL, "the import's summary");
  summary = ADW_MESSAGE_DIALOG (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (summary), "1 article added"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (summary),
                            "1 file is a newer copy of a story already in the library"));
  answer_question ("Import Finished", "version");
  wait_for_label (GTK_WIDGET (fixture->window), "1 new version added");
  g_assert_cmpuint (n_articles (fixture->store), ==, 2);
  g_assert_cmpuint (n_versions (fixture, id), ==, 3);
  /* The article on screen shows its newest words. */
  latest = g_strdup (gloss_block_get_text (gloss_article_get_block (gloss_window_get_article (fixture->window), 2)));
  g_assert_nonnull (strstr (latest, "publish the contract in January"));
}

/* Check All under its bar: Cancel stops the download that hangs, keeps the
 * version stored before it, says so, and a later Check All runs again. */
static void
test_check_all_cancel (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *first = test_server_url (fixture->server, "/first");
  g_autofree char *second = test_server_url (fixture->server, "/second");
  TestPage hanging = { 200, (char *) "text/html; charset=utf-8", NULL, NULL, NULL, NULL,
                       FALSE, FALSE, TRUE };
  GlossArticle *article;
  gint64 first_id;
  const char *toast;

  test_server_set_html (fixture->server, "/first", story_v1, "\"v1\"");
  test_server_set_html (fixture->server, "/second", story_v3, "\"v3\"");
  open_link (fixture, first);
  first_id = gloss_article_get_id (gloss_window_get_article (fixture->window));
  open_link (fixture, second);
  article = gloss_window_get_article (fixture->window);
  g_assert_cmpint (gloss_article_get_id (article), !=, first_id);
  g_assert_cmpuint (n_articles (fixture->store), ==, 2);

  /* The first story was edited; the second's site stops answering. */
  test_server_set_html (fixture->server, "/first", story_v2, "\"v2\"");
  hanging.body = g_bytes_new_static (story_v3, sizeof story_v3 - 1);
  test_server_set_page (fixture->server, "/second", &hanging);
  g_bytes_unref (hanging.body);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.check-all-changes", NULL));
  wait_for_label (GTK_WIDGET (fixture->window), "Checking 2 of 2 articles for changes");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.cancel-check-all", NULL));
  toast = wait_for_label (GTK_WIDGET (fixture->window), "Check cancelled");
  g_assert_cmpstr (toast, ==, "Check cancelled: 1 article changed");
  g_assert_cmpuint (n_versions (fixture, first_id), ==, 2);

  /* Nothing left running: Check All works again. */
  test_server_set_html (fixture->server, "/second", story_v3, "\"v3\"");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.check-all-changes", NULL));
  toast = wait_for_label (GTK_WIDGET (fixture->window), "No changes");
  g_assert_cmpstr (toast, ==, "No changes");
}

int
main (int    argc,
      char **argv)
{
  if (!ui_test_init (&argc, &argv, "/links", UI_TEST_ADWAITA))
    return g_test_run ();

  g_test_add ("/links/open-and-check", Fixture, NULL, fixture_set_up, test_open_and_check,
              fixture_tear_down);
  g_test_add ("/links/errors", Fixture, NULL, fixture_set_up, test_link_errors,
              fixture_tear_down);
  g_test_add ("/links/drop-and-newer-copy", Fixture, NULL, fixture_set_up,
              test_drop_and_newer_copy, fixture_tear_down);
  g_test_add ("/links/network-off", Fixture, NULL, fixture_set_up, test_network_off,
              fixture_tear_down);
  g_test_add ("/links/newer-copy-from-files", Fixture, NULL, fixture_set_up,
              test_newer_copy_from_files, fixture_tear_down);
  g_test_add ("/links/check-all-cancel", Fixture, NULL, fixture_set_up, test_check_all_cancel,
              fixture_tear_down);

  return g_test_run ();
}
