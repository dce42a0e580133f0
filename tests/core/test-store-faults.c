/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-store-faults"

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gloss-core.h"
#include "gloss-store-private.h"
#include "test-common.h"
#include "test-seed.h"

/* When the library's file misbehaves: it cannot be written, the disk is
 * full, it is damaged.  The user is told, and nothing saved is lost. */

#define NOBODY_UID 65534

typedef GlossTestLibrary Fixture;

static const char story[] =
  "<html><head><title>Council extends library hours</title></head><body><article>"
  "<p>The town council voted on Tuesday to extend the opening hours of the central library, "
  "a change that residents had requested for years.</p>"
  "<p>The mayor said the cost would be covered by savings elsewhere in the budget, and that "
  "no staff would be asked to work unpaid overtime.</p></article></body></html>";

/* A library with the story and @n_annotations claims on "town council". */
static gint64
make_library (const char *path,
              guint       n_annotations)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open (path, &error);
  g_autoptr(GBytes) bytes = g_bytes_new_static (story, sizeof story - 1);
  g_autoptr(GlossArticle) article = NULL;
  gint64 id;

  g_assert_no_error (error);
  id = gloss_store_import (store, bytes, "story.html", NULL, NULL, &error);
  g_assert_no_error (error);
  article = gloss_store_load_article (store, id, &error);
  for (guint i = 0; i < n_annotations; i++)
    {
      g_autoptr(GlossAnchor) anchor = gloss_anchor_new_for_quote (article, "town council", 1, &error);
      g_autoptr(GlossAnnotation) annotation = gloss_annotation_new (GLOSS_ANNOTATION_CLAIM, anchor);

      gloss_annotation_set_article_id (annotation, id);
      g_assert_true (gloss_store_add_annotation (store, annotation, &error));
      g_assert_no_error (error);
    }

  return id;
}

static GlossAnnotation *
new_annotation (GlossStore *store,
                gint64      article_id)
{
  g_autoptr(GlossArticle) article = gloss_store_load_article (store, article_id, NULL);
  g_autoptr(GlossAnchor) anchor = gloss_anchor_new_for_quote (article, "The mayor", 1, NULL);
  GlossAnnotation *annotation;

  g_assert_nonnull (anchor);
  annotation = gloss_annotation_new (GLOSS_ANNOTATION_QUESTION, anchor);
  gloss_annotation_set_article_id (annotation, article_id);
  return annotation;
}

static guint
count_annotations (GlossStore *store,
                   gint64      article_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) annotations = gloss_store_list_annotations (store, article_id, &error);

  g_assert_no_error (error);
  return annotations->len;
}

static void
check_read_only_library (const char *path,
                         gint64      article_id,
                         GlossStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = NULL;
  g_autoptr(GlossAnnotation) annotation = NULL;

  g_assert_true (gloss_store_is_read_only (store));

  /* Reading works: the user can still open the article and see its marks. */
  article = gloss_store_load_article (store, article_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_article_get_n_blocks (article), ==, 2);
  g_assert_cmpuint (count_annotations (store, article_id), ==, 3);

  /* Writing fails clearly and leaves nothing half-done. */
  annotation = new_annotation (store, article_id);
  g_assert_false (gloss_store_add_annotation (store, annotation, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_cmpint (gloss_annotation_get_id (annotation), ==, 0);
  g_assert_cmpuint (count_annotations (store, article_id), ==, 3);
}

static void
test_read_only_requested (Fixture       *fixture,
                          gconstpointer  data)
{
  gint64 id = make_library (fixture->path, 3);
  g_autofree char *before = gloss_test_file_sha256 (fixture->path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open_full (fixture->path, GLOSS_STORE_OPEN_READ_ONLY,
                                                       &error);

  g_assert_no_error (error);
  check_read_only_library (fixture->path, id, store);
  g_clear_object (&store);
  after = gloss_test_file_sha256 (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_read_only_file (Fixture       *fixture,
                     gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossStore) store = NULL;
      const char *path = g_getenv ("GLOSS_FAULT_LIBRARY");

      /* Root may write anything: become nobody to meet the permissions. */
      if (getuid () == 0)
        g_assert_true (setgid (NOBODY_UID) == 0 && setuid (NOBODY_UID) == 0);

      store = gloss_store_open (path, &error);
      g_assert_no_error (error);
      check_read_only_library (path, 1, store);
      return;
    }

  make_library (fixture->path, 3);
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);
  g_setenv ("GLOSS_FAULT_LIBRARY", fixture->path, TRUE);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GString) long_note = g_string_new (NULL);
  gint64 id = make_library (fixture->path, 3);
  guint saved = 3;
  gboolean full = FALSE;

  store = gloss_store_open (fixture->path, &error);
  g_assert_no_error (error);

  /* A disk with room for a few more pages only. */
  for (guint i = 0; i < 400; i++)
    g_string_append (long_note, "A long note that fills the page. ");
  g_assert_true (gloss_store_exec (store, "PRAGMA max_page_count = 40", &error));

  for (guint i = 0; i < 200 && !full; i++)
    {
      g_autoptr(GlossAnnotation) annotation = new_annotation (store, id);

      gloss_annotation_set_note (annotation, long_note->str);
      if (gloss_store_add_annotation (store, annotation, &error))
        saved++;
      else
        full = TRUE;
    }

  g_assert_true (full);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "disk is full"));

  /* Everything saved before is there, also for a new connection. */
  g_clear_error (&error);
  g_clear_object (&store);
  store = gloss_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_annotations (store, id), ==, saved);
}

static void
test_damaged_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  make_library (fixture->path, 3);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  /* Scribble over the second and third pages (the tables' roots). */
  memset (contents + 4096, 0xA5, 4096);
  g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));
  before = gloss_test_file_sha256 (fixture->path);

  store = gloss_store_open (fixture->path, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_CORRUPT);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "damaged"));
  after = gloss_test_file_sha256 (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  /* Start a fresh library; the damaged file is kept aside, unchanged. */
  aside = gloss_store_set_aside_damaged (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_free (after);
  after = gloss_test_file_sha256 (aside);
  g_assert_cmpstr (before, ==, after);

  store = gloss_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_false (gloss_store_is_read_only (store));
}

static void
test_backup_and_restore (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  gint64 id = make_library (fixture->path, 3);

  store = gloss_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_store_backup_automatically (store, "test", &error));
  g_assert_no_error (error);

  /* After the backup, the user deletes two annotations by mistake. */
  annotations = gloss_store_list_annotations (store, id, &error);
  g_assert_true (gloss_store_delete_annotation (store, gloss_annotation_get_id (annotations->pdata[0]), &error));
  g_assert_true (gloss_store_delete_annotation (store, gloss_annotation_get_id (annotations->pdata[1]), &error));
  g_assert_cmpuint (count_annotations (store, id), ==, 1);
  g_clear_object (&store);

  backups = gloss_store_list_backups (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_true (gloss_store_restore_backup (fixture->path, backups->pdata[0], &error));
  g_assert_no_error (error);

  store = gloss_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_annotations (store, id), ==, 3);

  /* The state before the restore was backed up too. */
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = gloss_store_list_backups (fixture->path, &error);
  g_assert_cmpuint (backups->len, ==, 2);
  g_assert_true (g_str_has_suffix (backups->pdata[0], "-before-restore.db"));
}

static void
test_backups_are_pruned (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  make_library (fixture->path, 1);
  store = gloss_store_open (fixture->path, &error);
  for (guint i = 0; i < 8; i++)
    g_assert_true (gloss_store_backup_automatically (store, "test", &error));
  backups = gloss_store_list_backups (fixture->path, &error);
  g_assert_cmpuint (backups->len, ==, 5);

  /* One was made just now, so none is due. */
  g_assert_true (gloss_store_backup_if_due (store, &error));
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = gloss_store_list_backups (fixture->path, &error);
  g_assert_cmpuint (backups->len, ==, 5);
}

/* A version 1 library, as a backup made before the first upgrade. */
static void
make_version_1_library (const char *path)
{
  const GlossStoreMigration *migrations;
  guint n_migrations;
  sqlite3 *db = NULL;

  migrations = gloss_store_schema_get_migrations (&n_migrations);
  g_assert_cmpuint (migrations[0].version, ==, 1);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, migrations[0].sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA user_version = 1; PRAGMA application_id = 1198289779;"
                                 "INSERT INTO articles (id, uuid, title, source_kind, source,"
                                 " source_size, source_sha256, extractor_version, imported_at,"
                                 " updated_at) VALUES (1, 'a-uuid', 'Old article', 'text', x'00', 1,"
                                 " 'abc', 1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z');"
                                 "INSERT INTO blocks VALUES (1, 0, 'paragraph', 'Kept words here.');"
                                 "INSERT INTO annotations (id, uuid, article, kind, start_block,"
                                 " start_offset, end_block, end_offset, exact, verdict, created_at,"
                                 " updated_at) VALUES (1, 'n-uuid', 1, 'claim', 0, 0, 0, 10,"
                                 " 'Kept words', 'false', '2020-01-01T00:00:00Z',"
                                 " '2020-01-01T00:00:00Z');", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_restore_older_backup (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GlossAnnotation) annotation = NULL;
  g_autofree char *older = g_build_filename (fixture->dir, "older.db", NULL);

  make_library (fixture->path, 3);
  make_version_1_library (older);

  g_assert_true (gloss_store_restore_backup (fixture->path, older, &error));
  g_assert_no_error (error);
  store = gloss_store_open (fixture->path, &error);
  g_assert_no_error (error);
  annotation = gloss_store_load_annotation (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_annotation_get_anchor (annotation)->exact, ==, "Kept words");
}

static void
test_damaged_backup_not_restored (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bogus = g_build_filename (fixture->dir, "library-bogus.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  make_library (fixture->path, 2);
  before = gloss_test_file_sha256 (fixture->path);
  g_assert_true (g_file_set_contents (bogus, "not a database, just some words in a file", -1, NULL));

  g_assert_false (gloss_store_restore_backup (fixture->path, bogus, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_CORRUPT);
  after = gloss_test_file_sha256 (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, gloss_test_library_set_up, func, gloss_test_library_tear_down)
  ADD ("/core/store-faults/read-only-requested", test_read_only_requested);
  ADD ("/core/store-faults/read-only-file", test_read_only_file);
  ADD ("/core/store-faults/disk-full", test_disk_full);
  ADD ("/core/store-faults/damaged-file", test_damaged_file);
  ADD ("/core/store-faults/backup-and-restore", test_backup_and_restore);
  ADD ("/core/store-faults/backups-are-pruned", test_backups_are_pruned);
  ADD ("/core/store-faults/damaged-backup-not-restored", test_damaged_backup_not_restored);
  ADD ("/core/store-faults/restore-older-backup", test_restore_older_backup);
#undef ADD

  return g_test_run ();
}
