/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-library-faults"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "gloss-application.h"
#include "gloss-backups-window.h"
#include "gloss-window-private.h"
#include "ui-fixture.h"

/*
 * When the library or a file goes wrong, through the real application:
 * a damaged library is set aside untouched for a fresh one, backups are
 * listed, made and restored with the windows following, and hostile files
 * end on a clear message instead of a crash.
 */

#define DENIAL_QUOTE "there is no evidence that Huawei poses any threat to cybersecurity"
#define CLAIM_QUOTE "some of NATO’s 29 allies are uneasy about the potential security " \
                    "challenges of working with Huawei"

static GlossApplication *application;

/* Annotations in the library file, read through a connection of its own
 * as a restarted Gloss would. */
static guint
count_stored_annotations (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_test_store_open (path);
  g_autoptr(GPtrArray) ids = NULL;
  guint n = 0;

  ids = gloss_store_list_article_ids (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GPtrArray) annotations =
        gloss_store_list_annotations (store, *(gint64 *) g_ptr_array_index (ids, i), &error);

      g_assert_no_error (error);
      n += annotations->len;
    }

  return n;
}

static char *
find_damaged_copy (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "library.db.damaged-"))
      return g_build_filename (dir, name, NULL);

  return NULL;
}

static void
test_damaged_library (UiLibrary     *library,
                      gconstpointer  data)
{
  g_autoptr(GString) garbage = g_string_new (NULL);
  g_autofree char *aside = NULL;
  g_autofree char *aside_contents = NULL;
  gsize aside_length = 0;
  GlossWindow *window;
  GtkWindow *dialog;

  /* Bytes no SQLite would take for a database. */
  while (garbage->len < 8192)
    g_string_append (garbage, "Not a Gloss library; the disk ate it. ");
  g_assert_true (g_file_set_contents (library->path, garbage->str, garbage->len, NULL));

  window = ui_window_new (GTK_APPLICATION (application), NULL);
  gloss_application_open_library (application, library->path);
  g_assert_null (gloss_application_get_store (application));

  /* The article can still be read meanwhile. */
  ui_open_file (window, library->sample);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "article");
  g_assert_null (gloss_window_get_store (window));
  g_assert_cmpint (gloss_article_get_id (gloss_window_get_article (window)), ==, 0);

  dialog = ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "The Library Is Damaged");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            library->path));
  /* No backups to restore from yet. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           "restore"));
  /* Nothing was written to it by asking. */
  {
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (library->path, &contents, &length, NULL));
    g_assert_cmpmem (contents, length, garbage->str, garbage->len);
  }

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "fresh");
  ui_destroy_window (dialog);

  /* A fresh library, and the damaged one kept beside it byte for byte. */
  g_assert_nonnull (gloss_application_get_store (application));
  g_assert_true (gloss_window_get_store (window) == gloss_application_get_store (application));
  aside = find_damaged_copy (library->dir);
  g_assert_nonnull (aside);
  g_assert_true (g_file_get_contents (aside, &aside_contents, &aside_length, NULL));
  g_assert_cmpmem (aside_contents, aside_length, garbage->str, garbage->len);

  /* The window reads its article again, from the new library, and can
   * annotate it. */
  gloss_test_wait_until (!gloss_window_get_loading (window)
                         && gloss_article_get_id (gloss_window_get_article (window)) != 0,
                         "the window to read its article from the fresh library");
  ui_annotate (window, 6, DENIAL_QUOTE, GLOSS_ANNOTATION_DENIAL);

  ui_destroy_window (GTK_WINDOW (window));
  g_assert_cmpuint (count_stored_annotations (library->path), ==, 1);
}

static GlossBackupsWindow *
find_backups_window (void)
{
  return GLOSS_BACKUPS_WINDOW (ui_wait_for_toplevel (GLOSS_TYPE_BACKUPS_WINDOW));
}

static void
test_backups (UiLibrary     *library,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  GlossBackupsWindow *backups_window;
  GlossWindow *window;
  GtkWindow *dialog;

  gloss_application_open_library (application, library->path);
  g_assert_nonnull (gloss_application_get_store (application));
  window = ui_window_new (GTK_APPLICATION (application), gloss_application_get_store (application));
  ui_open_file (window, library->sample);
  ui_annotate (window, 6, DENIAL_QUOTE, GLOSS_ANNOTATION_DENIAL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.backups", NULL));
  backups_window = find_backups_window ();
  g_assert_cmpuint (gloss_backups_window_get_n_rows (backups_window), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (backups_window), "backups.back-up-now",
                                             NULL));
  g_assert_cmpuint (gloss_backups_window_get_n_rows (backups_window), ==, 1);
  backups = gloss_store_list_backups (library->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (backups, 0), "-manual.db"));
  backup = g_strdup (g_ptr_array_index (backups, 0));

  /* Made after the backup: gone once it is restored. */
  ui_annotate (window, 1, CLAIM_QUOTE, GLOSS_ANNOTATION_CLAIM);
  g_assert_cmpuint (count_stored_annotations (library->path), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (backups_window), "backups.restore",
                                             "s", backup));
  dialog = ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Restore This Backup?");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  ui_destroy_window (dialog);

  g_assert_nonnull (gloss_application_get_store (application));
  g_assert_cmpuint (count_stored_annotations (library->path), ==, 1);
  /* The library replaced was backed up first. */
  g_assert_cmpuint (gloss_backups_window_get_n_rows (backups_window), ==, 2);

  /* The window follows: same article, the annotation of the backup. */
  gloss_test_wait_until (!gloss_window_get_loading (window)
                         && gloss_window_get_annotations (window) != NULL,
                         "the window to read its article from the restored backup");
  g_assert_true (gloss_window_get_store (window) == gloss_application_get_store (application));
  g_assert_cmpuint (g_list_model_get_n_items (gloss_window_get_annotations (window)), ==, 1);
  {
    g_autoptr(GlossAnnotation) annotation =
      g_list_model_get_item (gloss_window_get_annotations (window), 0);

    g_assert_cmpstr (gloss_annotation_get_anchor (annotation)->exact, ==, DENIAL_QUOTE);
  }

  ui_destroy_window (GTK_WINDOW (backups_window));
  ui_destroy_window (GTK_WINDOW (window));
}

/* A damaged library can be replaced by a backup from the same question. */
static void
test_damaged_restore (UiLibrary     *library,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GlossBackupsWindow *backups_window;
  g_autoptr(GPtrArray) backups = NULL;
  GlossWindow *window;
  GtkWindow *dialog;

  /* A good library with one annotation, backed up, then damaged. */
  gloss_application_open_library (application, library->path);
  window = ui_window_new (GTK_APPLICATION (application), gloss_application_get_store (application));
  ui_open_file (window, library->sample);
  ui_annotate (window, 6, DENIAL_QUOTE, GLOSS_ANNOTATION_DENIAL);
  g_assert_true (gloss_store_backup_automatically (gloss_application_get_store (application),
                                                   "manual", &error));
  g_assert_no_error (error);
  ui_destroy_window (GTK_WINDOW (window));

  gloss_application_open_library (application, g_getenv ("GLOSS_DB"));
  g_assert_true (g_file_set_contents (library->path, "garbage, garbage, garbage", -1, NULL));
  {
    g_autofree char *wal = g_strconcat (library->path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (library->path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }

  window = ui_window_new (GTK_APPLICATION (application), NULL);
  gloss_application_open_library (application, library->path);
  dialog = ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "restore"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  ui_destroy_window (dialog);

  backups_window = find_backups_window ();
  backups = gloss_store_list_backups (library->path, &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (backups_window), "backups.restore",
                                             "s", g_ptr_array_index (backups, 0)));
  dialog = ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  ui_destroy_window (dialog);

  g_assert_nonnull (gloss_application_get_store (application));
  g_assert_cmpuint (count_stored_annotations (library->path), ==, 1);
  /* The damaged file was kept. */
  {
    g_autofree char *aside = find_damaged_copy (library->dir);

    g_assert_nonnull (aside);
  }

  ui_destroy_window (GTK_WINDOW (backups_window));
  ui_destroy_window (GTK_WINDOW (window));
}

/* The backups of @path, for gloss_test_poll_until(); frees @previous. */
static GPtrArray *
list_backups (const char *path,
              GPtrArray  *previous)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *backups = gloss_store_list_backups (path, &error);

  g_assert_no_error (error);
  g_clear_pointer (&previous, g_ptr_array_unref);

  return backups;
}

/* A library with articles and no recent backup gets one at start-up, made
 * in a worker thread on a connection of its own. */
static void
test_daily_backup (UiLibrary     *library,
                   gconstpointer  data)
{
  g_autoptr(GlossApplication) second = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *previous = g_strdup (g_getenv ("GLOSS_DB"));

  {
    g_autoptr(GlossStore) store = gloss_test_store_open (library->path);

    gloss_test_import_file (store, library->sample);
  }

  /* Started up on this library; an id of its own beside the first (CI
   * runs under dbus-run-session). */
  g_setenv ("GLOSS_DB", library->path, TRUE);
  second = ui_application_new ("io.github.glossapp.Gloss.Second");
  g_setenv ("GLOSS_DB", previous, TRUE);

  /* Made on a worker that tells nobody: the folder is looked at until it is there. */
  gloss_test_poll_until ((backups = list_backups (library->path, backups))->len > 0,
                         "the daily backup of %s", library->path);
  g_assert_nonnull (strstr (g_ptr_array_index (backups, 0), "-daily.db"));

  /* The second application lets go of the library before its folder goes. */
  gloss_application_open_library (second, previous);
}

static void
write_file (const char *path,
            GString    *contents)
{
  g_assert_true (g_file_set_contents (path, contents->str, contents->len, NULL));
}

/* Hostile files end on the error page with a message, never a crash. */
static void
test_hostile_files (UiLibrary     *library,
                    gconstpointer  data)
{
  g_autoptr(GlossStore) store = gloss_test_store_open (library->path);
  g_autoptr(GString) contents = g_string_new (NULL);
  g_autofree char *empty = g_build_filename (library->dir, "empty.html", NULL);
  g_autofree char *binary = g_build_filename (library->dir, "binary.txt", NULL);
  g_autofree char *million = g_build_filename (library->dir, "million.html", NULL);
  g_autofree char *nested = g_build_filename (library->dir, "nested.html", NULL);
  GlossWindow *window;
  const char *description;

  window = ui_window_new (NULL, store);

  write_file (empty, contents);
  ui_open_file (window, empty);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "error");
  g_assert_cmpstr (adw_status_page_get_title (window->error_page), ==,
                   "Could Not Open “empty.html”");
  g_assert_cmpuint (strlen (adw_status_page_get_description (window->error_page)), >, 0);

  g_string_assign (contents, "\x89PNG\r\n\x1a\n");
  for (guint i = 0; i < 4096; i++)
    g_string_append_c (contents, (char) (i * 7919 % 256));
  write_file (binary, contents);
  ui_open_file (window, binary);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "error");
  g_assert_cmpuint (strlen (adw_status_page_get_description (window->error_page)), >, 0);

  /* More paragraphs than anyone can read: a million (fewer when sanitized,
   * see meson.build; the refusal starts above 50,000). */
  g_string_assign (contents, "<html><body><article>");
  for (guint i = 0; i < (GLOSS_TEST_SANITIZED ? 60000 : 1000000); i++)
    g_string_append (contents, "<p>a</p>");
  g_string_append (contents, "</article></body></html>");
  write_file (million, contents);
  ui_open_file (window, million);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "error");
  description = adw_status_page_get_description (window->error_page);
  g_assert_nonnull (strstr (description, "more than 50000 paragraphs"));

  /* Deep nesting: read or refused, but answered. */
  g_string_assign (contents, "<html><body>");
  for (guint i = 0; i < 10000; i++)
    g_string_append (contents, "<div><span>");
  g_string_append (contents, "<p>The minister said on Tuesday that the talks would resume "
                   "next week, after the holiday, in the capital.</p>");
  for (guint i = 0; i < 10000; i++)
    g_string_append (contents, "</span></div>");
  g_string_append (contents, "</body></html>");
  write_file (nested, contents);
  ui_open_file (window, nested);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (window->stack), "error") == 0)
    g_assert_cmpuint (strlen (adw_status_page_get_description (window->error_page)), >, 0);
  else
    g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "article");

  ui_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  g_autofree char *default_library = NULL;
  int status;

  /* The application sets up libadwaita and its style itself. */
  if (!ui_test_init (&argc, &argv, "/ui/faults", UI_TEST_ACCESSIBLE))
    return g_test_run ();

  /* The application opens its default library at start-up: one of its own. */
  home = ui_use_own_library ();
  default_library = g_strdup (g_getenv ("GLOSS_DB"));

  application = ui_application_new (NULL);

#define ADD(path, func) \
  g_test_add ("/ui/faults/" path, UiLibrary, NULL, ui_library_set_up, func, ui_library_tear_down)

  ADD ("damaged-library", test_damaged_library);
  ADD ("backups", test_backups);
  ADD ("damaged-restore", test_damaged_restore);
  ADD ("daily-backup", test_daily_backup);
  ADD ("hostile-files", test_hostile_files);

#undef ADD

  status = g_test_run ();

  /* Back to the default library, so the test's folders can go. */
  gloss_application_open_library (application, default_library);
  g_clear_object (&application);
  gloss_test_remove_tree (home);

  return status;
}
