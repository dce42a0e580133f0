/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "team-fixture.h"
#include "../ui/ui-fixture.h"

#include "gloss-all-annotations-view.h"
#include "gloss-library-item.h"
#include "gloss-window-private.h"
#include "gloss-preferences-window.h"
#include "gloss-team-add-dialog.h"
#include "gloss-team-password.h"
#include "gloss-team-preferences.h"
#include "gloss-team-sidebar.h"
#include "gloss-team-window.h"

/*
 * The team libraries in the window, against the real server
 * tests/team/pg-cluster.py started and a real keyring (gnome-keyring on
 * the test's session bus): a person adds a team library in Preferences,
 * signs in (the password goes to the keyring, not the library file),
 * shares an article from its menu and syncs.  The header says "Synced";
 * with the server stopped, an annotation made meanwhile shows as a change
 * waiting and Sync Now says "Offline"; with the server back, Sync Now
 * sends it and the header says "Synced" again.  Every wait is bounded and
 * says what it waited for; nothing is timed.
 */

#define DB "gloss_ui"
#define WAIT_SECONDS 120
/* Copied text of two paragraphs: a single one-sentence line is too
 * little for the extractor to take for an article. */
#define ARTICLE "Council roads\n\nThe council spent ten thousand on roads, the mayor said on " \
                "Tuesday, and critics disagreed. The opposition asked for the accounts.\n\n" \
                "The roads budget comes back to the council next month. Residents on " \
                "the ring road say the repairs have not started.\n\n"

static char *keyring_home;

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @condition holds, for at most WAIT_SECONDS. */
static void
wait_for (Condition   condition,
          gpointer    data,
          const char *what)
{
  gint64 end = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, wake_cb, NULL);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        g_error ("waited %d s for %s", WAIT_SECONDS, what);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
has_add_dialog (gpointer data)
{
  return find_toplevel (GLOSS_TYPE_TEAM_ADD_DIALOG) != NULL;
}

static gboolean
add_dialog_done (gpointer data)
{
  GtkWindow *dialog = find_toplevel (GLOSS_TYPE_TEAM_ADD_DIALOG);
  GtkWidget *error = dialog != NULL ? find_named (GTK_WIDGET (dialog), "team-add-error") : NULL;

  if (error != NULL && gtk_widget_get_visible (error))
    g_error ("adding the team library failed: %s", gtk_label_get_text (GTK_LABEL (error)));
  return dialog == NULL;
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

typedef struct
{
  GtkWidget *label;
  const char *text;
} LabelWait;

static gboolean
label_says (gpointer data)
{
  LabelWait *wait = data;

  return gtk_widget_get_mapped (wait->label) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (wait->label)), wait->text) == 0;
}

static gboolean
label_with_text (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (label_with_text (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
shows_ada (gpointer data)
{
  return label_with_text (data, "Made by ada");
}

static gboolean
lists_ada (gpointer data)
{
  return label_with_text (data, "· Made by ada");
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
view_shown (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
view_loaded (gpointer data)
{
  return !gloss_all_annotations_view_get_loading (data);
}

static gboolean
shows_author (gpointer data)
{
  return label_with_text (data, "Made by Ben Ng");
}

/* The conflict picker, if it is shown. */
static AdwMessageDialog *
find_picker (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)),
                     "Two Versions of an Annotation") == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static guint
n_conflicts (GlossStore *store)
{
  g_autoptr(GPtrArray) conflicts = gloss_team_list_conflicts (store, 0, NULL);

  g_assert_nonnull (conflicts);
  return conflicts->len;
}

static char *
dup_note (GlossStore *store,
          const char *uuid)
{
  sqlite3_stmt *statement;
  char *note = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (gloss_store_get_db (store),
                                       "SELECT note FROM annotations WHERE uuid = ?1", -1,
                                       &statement, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (statement, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (statement) == SQLITE_ROW)
    note = g_strdup ((const char *) sqlite3_column_text (statement, 0));
  sqlite3_finalize (statement);
  return note;
}

static void
set_note_by_uuid (GlossStore *store,
                  const char *uuid,
                  const char *note)
{
  sqlite3_stmt *statement;

  g_assert_cmpint (sqlite3_prepare_v2 (gloss_store_get_db (store),
                                       "UPDATE annotations SET note = ?2 WHERE uuid = ?1", -1,
                                       &statement, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (statement, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 2, note, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_DONE);
  sqlite3_finalize (statement);
}

static void
wait_for_header (GtkWidget  *label,
                 const char *text)
{
  LabelWait wait = { label, text };
  g_autofree char *what = g_strdup_printf ("the header to say “%s” (it says “%s”)", text,
                                           gtk_label_get_text (GTK_LABEL (label)));

  wait_for (label_says, &wait, what);
  g_test_message ("header: %s", text);
}

static void
type_into (GtkWidget  *dialog,
           const char *name,
           const char *text)
{
  GtkWidget *row = find_named (dialog, name);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
run_pg_ctl (const char *action)
{
  g_autofree char *command = g_strdup_printf ("%s %s", team_env ("GLOSS_TEST_PG_CTL"), action);
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_command_line_sync (command, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static gboolean
file_contains (const char *path,
               const char *text)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return g_strstr_len (contents, length, text) != NULL;
}

/* The keyring's own test: a password kept, found and removed. */
static void
test_password_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  g_autofree char *gone = NULL;

  g_assert_true (gloss_team_password_store ("host=example.org user=x", "test", "pw-1", NULL,
                                            &error));
  g_assert_no_error (error);
  gloss_team_password_store ("host=example.org user=x", "test", "pw-2", NULL, &error);
  g_assert_no_error (error);
  found = gloss_team_password_lookup ("host=example.org user=x", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, "pw-2");
  g_assert_true (gloss_team_password_clear ("host=example.org user=x", NULL, &error));
  gone = gloss_team_password_lookup ("host=example.org user=x", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (gone);
}

/* The visible message dialog whose body says @text (an earlier one may
 * still be on screen). */
static AdwMessageDialog *
find_message_saying (const char *text)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window)), text) != NULL)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
asks_to_share_two (gpointer data)
{
  return find_message_saying ("2 articles and their annotations") != NULL;
}

static gboolean
lists_three (gpointer data)
{
  return g_list_model_get_n_items (data) == 3;
}

/* Two more articles, selected together in the library sidebar (as Ctrl
 * or Shift with a click or the arrow keys do), open nothing and are
 * shared to the team library at once. */
static void
share_two_selected (GlossWindow *window,
                    GlossStore  *store)
{
  static const char *const titles[] = { "Harbour dredging", "School meals" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) selected = NULL;
  g_autoptr(GPtrArray) libraries = NULL;
  g_autofree char *response = NULL;
  gint64 ids[2];
  gint64 shown = gloss_article_get_id (gloss_window_get_article (window));
  GtkWidget *list_view;
  GtkSelectionModel *model;
  AdwMessageDialog *dialog;
  guint n_before;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *text = g_strdup_printf ("%s\n\nThe council spent ten thousand on %s, "
                                               "the mayor said on Tuesday, and critics "
                                               "disagreed.\n\nIt comes back to the council "
                                               "next month.\n\n", titles[i], titles[i]);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

      ids[i] = gloss_store_import (store, bytes, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  gloss_library_sidebar_reload (window->library_sidebar);
  list_view = find_type (GTK_WIDGET (window->library_sidebar), GTK_TYPE_LIST_VIEW);
  model = gtk_list_view_get_model (GTK_LIST_VIEW (list_view));
  wait_for (lists_three, model, "the library sidebar to list three articles");

  for (guint position = 0; position < 3; position++)
    {
      g_autoptr(GlossLibraryItem) item = g_list_model_get_item (G_LIST_MODEL (model), position);

      if (gloss_library_item_get_id (item) == ids[0] || gloss_library_item_get_id (item) == ids[1])
        gtk_selection_model_select_item (model, position, FALSE);
      else
        gtk_selection_model_unselect_item (model, position);
    }
  selected = gloss_library_sidebar_dup_selected_ids (window->library_sidebar);
  g_assert_cmpuint (selected->len, ==, 2);
  g_assert_cmpint (gloss_library_sidebar_get_selected_id (window->library_sidebar), ==, 0);
  g_assert_cmpint (gloss_article_get_id (gloss_window_get_article (window)), ==, shown);

  libraries = gloss_team_list_libraries (store, &error);
  g_assert_no_error (error);
  n_before = ((GlossTeamLibrary *) libraries->pdata[0])->n_articles;
  gtk_widget_activate_action (GTK_WIDGET (window), "team.share-selected", NULL);
  wait_for (asks_to_share_two, NULL, "the Share to Team Library dialog for two articles");
  dialog = find_message_saying ("2 articles and their annotations");
  response = g_strdup_printf ("library-%" G_GINT64_FORMAT,
                              ((GlossTeamLibrary *) libraries->pdata[0])->id);
  adw_message_dialog_response (dialog, response);
  g_clear_pointer (&libraries, g_ptr_array_unref);
  libraries = gloss_team_list_libraries (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (((GlossTeamLibrary *) libraries->pdata[0])->n_articles, ==, n_before + 2);
}

static void
test_window_sync (void)
{
  const char * const people[] = { "ben", NULL };
  const char * const members[] = { "ben", "editor", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = gloss_test_library_dir_new (&path);
  g_autofree char *conninfo = team_conninfo (DB, "ben");
  g_autofree char *password = team_password ("ben");
  g_autofree char *kept = NULL;
  g_autofree char *waiting = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.glossapp.Gloss");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) libraries = NULL;
  g_autoptr(GlossArticle) article = NULL;
  g_autoptr(GlossAnchor) anchor = NULL;
  g_autoptr(GlossAnnotation) annotation = NULL;
  g_autofree char *response = NULL;
  GlossPreferencesWindow *preferences;
  GlossWindow *window;
  GtkWindow *dialog;
  GtkWidget *label;
  GtkWidget *team_sidebar;
  gint64 article_id;
  guint n_pending;
  TeamClient *ada;
  g_autoptr(GPtrArray) shared = NULL;
  GtkWidget *view;
  GtkWidget *person_dropdown;
  g_autofree char *ben_note = NULL;
  g_autofree char *ada_note = NULL;

  team_make_database (DB, "ada", people);
  team_make_library (DB, "ada", "desk", members);

  /* Only Sync Now syncs here, so each state is seen. */
  g_settings_set_int (settings, "team-sync-interval", 0);
  store = gloss_store_open (path, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_static (ARTICLE, strlen (ARTICLE));
  article_id = gloss_store_import (store, bytes, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  window = gloss_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  label = find_named (GTK_WIDGET (window), "team-sync-label");
  g_assert_nonnull (label);
  g_assert_false (gtk_widget_get_visible (find_named (GTK_WIDGET (window), "team-sync-button")));

  /* Preferences → Team Libraries → Add */
  preferences = gloss_preferences_window_new (settings);
  gloss_team_preferences_add_page (ADW_PREFERENCES_WINDOW (preferences), store);
  gtk_window_present (GTK_WINDOW (preferences));
  g_signal_emit_by_name (find_named (GTK_WIDGET (preferences), "team-add-button"), "clicked");
  wait_for (has_add_dialog, NULL, "the Add Team Library dialog");
  dialog = find_toplevel (GLOSS_TYPE_TEAM_ADD_DIALOG);
  g_assert_false (gtk_widget_get_sensitive (find_named (GTK_WIDGET (dialog), "team-add-confirm")));
  type_into (GTK_WIDGET (dialog), "team-conninfo-row", conninfo);
  type_into (GTK_WIDGET (dialog), "team-password-row", password);
  type_into (GTK_WIDGET (dialog), "team-library-row", "desk");
  type_into (GTK_WIDGET (dialog), "team-person-row", "Ben Ng");
  type_into (GTK_WIDGET (dialog), "team-display-row", "Desk");
  g_assert_true (gtk_widget_get_sensitive (find_named (GTK_WIDGET (dialog), "team-add-confirm")));
  g_signal_emit_by_name (find_named (GTK_WIDGET (dialog), "team-add-confirm"), "clicked");
  wait_for (add_dialog_done, NULL, "the team library to be added");
  gtk_window_destroy (GTK_WINDOW (preferences));

  /* The password is in the keyring and nowhere in the library. */
  kept = gloss_team_password_lookup (conninfo, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept, ==, password);
  libraries = gloss_team_list_libraries (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (libraries->len, ==, 1);
  g_assert_cmpstr (((GlossTeamLibrary *) libraries->pdata[0])->name, ==, "Desk");
  g_assert_false (file_contains (path, password));

  wait_for_header (label, "Not Synced Yet");

  g_assert_true (gloss_window_open_article (window, article_id, &error));
  g_assert_no_error (error);

  /* Share from the article's menu */
  gtk_widget_activate_action (GTK_WIDGET (window), "team.share", "x", article_id);
  wait_for (has_message_dialog, NULL, "the Share to Team Library dialog");
  response = g_strdup_printf ("library-%" G_GINT64_FORMAT,
                              ((GlossTeamLibrary *) libraries->pdata[0])->id);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG)),
                               response);
  g_clear_pointer (&libraries, g_ptr_array_unref);
  libraries = gloss_team_list_libraries (store, &error);
  n_pending = ((GlossTeamLibrary *) libraries->pdata[0])->n_pending;
  g_assert_cmpuint (n_pending, ==, 1);
  wait_for_header (label, "1 change waiting");

  /* The team section of the sidebar lists it under the team's name. */
  team_sidebar = find_named (GTK_WIDGET (window), "team-sidebar");
  g_assert_nonnull (team_sidebar);
  g_assert_true (gtk_widget_get_visible (team_sidebar));

  gtk_widget_activate_action (GTK_WIDGET (window), "team.sync", NULL);
  wait_for_header (label, "Synced");
  g_assert_cmpint (team_superuser_count (DB, "SELECT count(*) FROM gloss.objects"
                                             " WHERE kind = 'article'"), ==, 1);

  /* The server goes away; an annotation made meanwhile waits. */
  run_pg_ctl ("stop");
  article = gloss_store_load_article (store, article_id, &error);
  g_assert_no_error (error);
  anchor = gloss_anchor_new_for_quote (article, "ten thousand", 0, &error);
  g_assert_no_error (error);
  annotation = gloss_annotation_new (GLOSS_ANNOTATION_CLAIM, anchor);
  gloss_annotation_set_article_id (annotation, article_id);
  g_assert_true (gloss_store_add_annotation (store, annotation, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_window_reload_annotations (window, &error));
  g_assert_no_error (error);
  waiting = g_strdup_printf ("%u change waiting", 1u);
  wait_for_header (label, waiting);

  gtk_widget_activate_action (GTK_WIDGET (window), "team.sync", NULL);
  wait_for_header (label, "Offline");

  /* Back: Sync Now sends it. */
  run_pg_ctl ("start");
  gtk_widget_activate_action (GTK_WIDGET (window), "team.sync", NULL);
  wait_for_header (label, "Synced");
  g_assert_cmpint (team_superuser_count (DB, "SELECT count(*) FROM gloss.objects"
                                             " WHERE kind = 'annotation'"), ==, 1);

  /* The annotation, now on the server, says who made it. */
  wait_for (shows_author, window, "the annotation row to say “Made by Ben Ng”, his chosen name");

  /* Ada annotates the same article in her own Gloss; after Ben's next
   * sync each annotation says its maker, and All Annotations picks by
   * person. */
  ada = team_client_new (DB, "ada", "desk");
  team_client_sync (ada);
  shared = gloss_team_list_shared_articles (ada->store, ada->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shared->len, ==, 1);
  g_object_unref (team_client_annotate (ada, ((GlossTeamSharedArticle *) shared->pdata[0])->id,
                                        GLOSS_ANNOTATION_DENIAL, "critics disagreed", 0, NULL));
  team_client_sync (ada);
  gtk_widget_activate_action (GTK_WIDGET (window), "team.sync", NULL);
  wait_for_header (label, "Synced");
  wait_for (shows_ada, window, "an annotation row to say “Made by ada”");
  g_assert_true (label_with_text (GTK_WIDGET (window), "Made by Ben Ng"));

  view = find_type (GTK_WIDGET (window), GLOSS_TYPE_ALL_ANNOTATIONS_VIEW);
  g_assert_nonnull (view);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.all-annotations", NULL);
  wait_for (view_shown, view, "All Annotations to be shown");
  wait_for (view_loaded, view, "All Annotations to be read");
  g_assert_cmpuint (gloss_all_annotations_view_get_n_matches (GLOSS_ALL_ANNOTATIONS_VIEW (view)),
                    ==, 2);
  person_dropdown = find_named (view, "person-dropdown");
  g_assert_true (gtk_widget_get_visible (person_dropdown));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (person_dropdown))),
                    ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (
                     GTK_DROP_DOWN (person_dropdown))), 1), ==, "ada (1)");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (person_dropdown), 1);
  wait_for (view_loaded, view, "All Annotations to show Ada's");
  g_assert_cmpuint (gloss_all_annotations_view_get_n_matches (GLOSS_ALL_ANNOTATIONS_VIEW (view)),
                    ==, 1);
  wait_for (lists_ada, view, "All Annotations' row to say “· Made by ada”");

  /* Ada and Ben change the note of Ben's claim while apart: after Ben's
   * sync the header's popover offers the conflict, the picker shows both
   * notes, and Ben keeps his, which then reaches Ada. */
  set_note_by_uuid (ada->store, gloss_annotation_get_uuid (annotation), "Ada: false, see the budget");
  team_client_sync (ada);
  gloss_annotation_set_note (annotation, "Ben: true, see the minutes");
  g_assert_true (gloss_store_save_annotation (store, annotation, &error));
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (window), "team.sync", NULL);
  gloss_test_wait_until (gtk_widget_get_visible (find_named (GTK_WIDGET (window),
                                                             "team-resolve-conflict")),
                         "the header's popover to offer Resolve Conflict");
  wait_for_header (label, "Synced");
  gtk_widget_activate_action (GTK_WIDGET (window), "team.resolve", NULL);
  gloss_test_wait_until (find_picker () != NULL, "the conflict picker");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (find_picker ()),
                            "Ada: false, see the budget"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (find_picker ()),
                            "Ben: true, see the minutes"));
  adw_message_dialog_response (find_picker (), "keep-mine");
  gloss_test_wait_until (n_conflicts (store) == 0 &&
                         !gtk_widget_get_visible (find_named (GTK_WIDGET (window),
                                                             "team-resolve-conflict")),
                         "the conflict to be resolved and its button gone");
  ben_note = dup_note (store, gloss_annotation_get_uuid (annotation));
  g_assert_cmpstr (ben_note, ==, "Ben: true, see the minutes");
  gtk_widget_activate_action (GTK_WIDGET (window), "team.sync", NULL);
  wait_for_header (label, "Synced");
  g_assert_cmpint (team_superuser_count (DB, "SELECT count(*) FROM gloss.objects"
                                             " WHERE kind = 'annotation' AND NOT deleted"
                                             " AND data ->> 'note' LIKE 'Ben:%'"), ==, 1);
  g_assert_cmpint (team_superuser_count (DB, "SELECT count(*) FROM gloss.objects"
                                             " WHERE kind = 'annotation' AND NOT deleted"), ==, 2);
  team_client_sync (ada);
  ada_note = dup_note (ada->store, gloss_annotation_get_uuid (annotation));
  g_assert_cmpstr (ada_note, ==, "Ben: true, see the minutes");
  team_client_free (ada);

  share_two_selected (window, store);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  gloss_test_remove_tree (dir);
}

static gboolean
secret_service_running (gpointer data)
{
  g_autoptr(GVariant) reply = NULL;

  reply = g_dbus_connection_call_sync (data, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.secrets"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       NULL);
  if (reply != NULL)
    {
      gboolean owned = FALSE;

      g_variant_get (reply, "(b)", &owned);
      return owned;
    }
  return FALSE;
}

/* A keyring of the test's own on its session bus: gnome-keyring with an
 * empty login password, in a temporary home. */
static gboolean
start_keyring (void)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) daemon = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autofree char *data = NULL;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    return FALSE;
  keyring_home = g_dir_make_tmp ("gloss-keyring-XXXXXX", &error);
  g_assert_no_error (error);
  data = g_build_filename (keyring_home, "data", NULL);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_setenv (launcher, "HOME", keyring_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  /* Its own warnings are not the test's to make fatal. */
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  daemon = g_subprocess_launcher_spawn (launcher, &error, "gnome-keyring-daemon", "--unlock",
                                        "--components=secrets", "--daemonize", NULL);
  if (daemon == NULL)
    {
      g_printerr ("# gnome-keyring-daemon: %s\n", error->message);
      return FALSE;
    }
  /* --daemonize: the first process ends once the keyring is unlocked. */
  if (!g_subprocess_communicate_utf8 (daemon, "\n", NULL, NULL, NULL, &error) ||
      !g_subprocess_get_successful (daemon))
    {
      g_printerr ("# gnome-keyring-daemon failed: %s\n", error != NULL ? error->message : "");
      return FALSE;
    }
  /* The daemon it left behind takes the Secret Service's name a moment
   * later; a call before then would have the bus start another one,
   * without a keyring. */
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  wait_for (secret_service_running, bus, "gnome-keyring to own org.freedesktop.secrets");
  return TRUE;
}

static void
no_keyring (void)
{
  g_test_skip ("no keyring: gnome-keyring-daemon and a session bus are needed");
}

int
main (int    argc,
      char **argv)
{
  int status;

  if (!ui_test_init (&argc, &argv, "/team-window", UI_TEST_ADWAITA))
    return g_test_run ();

  if (!start_keyring ())
    {
      if (g_getenv ("CI") != NULL)
        {
          g_printerr ("no keyring, and CI is set (build-aux/setup-common.sh installs "
                      "gnome-keyring)\n");
          return 1;
        }
      g_test_add_func ("/team-window/no-keyring", no_keyring);
      return g_test_run ();
    }
  g_test_add_func ("/team-window/password-store", test_password_store);
  g_test_add_func ("/team-window/sync-state", test_window_sync);
  status = g_test_run ();
  if (keyring_home != NULL)
    gloss_test_remove_tree (keyring_home);
  return status;
}
