/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <glib/gstdio.h>

#include "gloss-core.h"
#include "gloss-store-private.h"

/* The library file as a user relies on it: what is saved is there after a
 * restart, newer or foreign files are left alone, annotations follow their
 * words when the article changes. */

#define CLAIM "some of NATO’s 29 allies are uneasy about the potential security challenges of working with Huawei"
#define DENIAL "there is no evidence that Huawei poses any threat to cybersecurity"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("gloss-store-XXXXXX", NULL);
  fixture->path = g_build_filename (fixture->dir, "library.db", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static GBytes *
load_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (GLOSS_TEST_DATA, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static gint64
import_fixture (GlossStore *store,
                const char *name,
                gboolean   *out_duplicate)
{
  g_autoptr(GBytes) bytes = load_fixture (name);
  g_autoptr(GError) error = NULL;
  gint64 id = gloss_store_import (store, bytes, name, NULL, out_duplicate, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static GlossAnnotation *
annotate_quote (GlossStore          *store,
                gint64               article_id,
                GlossAnnotationKind  kind,
                const char          *quote)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = gloss_store_load_article (store, article_id, &error);
  g_autoptr(GlossAnchor) anchor = NULL;
  GlossAnnotation *annotation;

  g_assert_no_error (error);
  anchor = gloss_anchor_new_for_quote (article, quote, 1, &error);
  g_assert_no_error (error);
  annotation = gloss_annotation_new (kind, anchor);
  gloss_annotation_set_article_id (annotation, article_id);
  return annotation;
}

static gint64
sqlite_int (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (statement, 0);
  sqlite3_finalize (statement);
  sqlite3_close (db);
  return value;
}

static void
sqlite_exec (const char *path,
             const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_open_creates_library (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *nested = g_build_filename (fixture->dir, "a", "b", "library.db", NULL);
  g_autoptr(GlossStore) store = gloss_store_open (nested, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_clear_object (&store);

  g_assert_cmpint (sqlite_int (nested, "PRAGMA user_version"), ==, GLOSS_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sqlite_int (nested, "SELECT count(*) FROM sqlite_master WHERE name = 'annotations'"), ==, 1);
  /* WAL, and it persists in the file for every later connection. */
  g_assert_cmpint (sqlite_int (nested, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), ==, 1);
}

static void
test_default_path (void)
{
  g_autofree char *path = NULL;

  g_unsetenv ("GLOSS_DB");
  path = gloss_store_dup_default_path ();
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  g_assert_true (g_str_has_suffix (path, "/gloss/library.db"));
  g_free (path);

  g_setenv ("GLOSS_DB", "/tmp/elsewhere.db", TRUE);
  path = gloss_store_dup_default_path ();
  g_assert_cmpstr (path, ==, "/tmp/elsewhere.db");
  g_unsetenv ("GLOSS_DB");
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
test_newer_library_refused_untouched (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open (fixture->path, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);

  g_assert_no_error (error);
  g_clear_object (&store);
  sqlite_exec (fixture->path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99");
  before = file_checksum (fixture->path);

  store = gloss_store_open (fixture->path, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NEWER_SCHEMA);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "newer version of Gloss"));

  after = file_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_foreign_files_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *text = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  sqlite_exec (other, "CREATE TABLE contacts (name TEXT)");
  before = file_checksum (other);
  store = gloss_store_open (other, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_CORRUPT);
  g_assert_null (store);
  after = file_checksum (other);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (text, "These are my notes, not a database at all. "
                                            "They are long enough to fill a page header.", -1, NULL));
  store = gloss_store_open (text, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_CORRUPT);
  g_assert_null (store);
}

/* A library at @version, made by applying the first @version migrations by
 * hand, with one article and one annotation once the tables exist. */
static void
make_library_at_version (const char *path,
                         guint       version)
{
  const GlossStoreMigration *migrations;
  guint n_migrations;
  sqlite3 *db = NULL;

  migrations = gloss_store_schema_get_migrations (&n_migrations);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < n_migrations && migrations[i].version <= version; i++)
    {
      g_autofree char *set = g_strdup_printf ("PRAGMA user_version = %u; PRAGMA application_id = %d",
                                              migrations[i].version, 0x476c7373);

      g_assert_cmpint (sqlite3_exec (db, migrations[i].sql, NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, set, NULL, NULL, NULL), ==, SQLITE_OK);
    }

  if (version >= 1)
    g_assert_cmpint (sqlite3_exec (db,
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
test_migrations_from_every_version (Fixture       *fixture,
                                    gconstpointer  data)
{
  for (guint version = 0; version < GLOSS_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *name = g_strdup_printf ("v%u.db", version);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossStore) store = NULL;

      make_library_at_version (path, version);
      store = gloss_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (sqlite_int (path, "PRAGMA user_version"), ==, GLOSS_STORE_SCHEMA_VERSION);

      if (version >= 1)
        {
          g_autoptr(GlossAnnotation) annotation = gloss_store_load_annotation (store, 1, &error);

          g_autoptr(GPtrArray) backups = gloss_store_list_backups (path, NULL);

          g_assert_no_error (error);
          g_assert_cmpstr (gloss_annotation_get_anchor (annotation)->exact, ==, "Kept words");
          g_assert_cmpint (gloss_annotation_get_verdict (annotation), ==, GLOSS_VERDICT_FALSE);

          /* Schema 3 indexed what was there for search and the listing. */
          if (version < 3)
            {
              g_assert_cmpint (sqlite_int (path, "SELECT count(*) FROM articles_fts "
                                                 "WHERE articles_fts MATCH 'kept'"), ==, 1);
              g_assert_cmpint (sqlite_int (path, "SELECT count(*) FROM annotations_fts "
                                                 "WHERE annotations_fts MATCH 'kept'"), ==, 1);
              g_assert_cmpint (sqlite_int (path, "SELECT n_blocks * 10 + n_words FROM articles"), ==, 13);
            }

          /* The library as it was before the upgrade is kept as a backup. */
          g_assert_cmpuint (backups->len, >=, 1);
          g_assert_true (g_str_has_suffix (g_ptr_array_index (backups, 0), "-before-upgrade.db"));
        }
    }
}

static void
test_import_and_duplicates (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open (fixture->path, &error);
  g_autoptr(GlossArticle) article = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  gboolean duplicate = TRUE;
  gint64 first, again;

  g_assert_no_error (error);
  first = import_fixture (store, "store/story-v1.html", &duplicate);
  g_assert_false (duplicate);
  again = import_fixture (store, "store/story-v1.html", &duplicate);
  g_assert_true (duplicate);
  g_assert_cmpint (first, ==, again);

  article = gloss_store_load_article (store, first, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_article_get_title (article), ==,
                   "NATO weighing whether Huawei poses security threat");
  g_assert_cmpuint (gloss_article_get_n_blocks (article), ==, 5);
  g_assert_true (g_str_has_prefix (gloss_block_get_text (gloss_article_get_block (article, 4)),
                                   "Following Stoltenberg’s remarks"));

  summaries = gloss_store_list_articles (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, 1);
  g_assert_cmpstr (((GlossArticleSummary *) summaries->pdata[0])->source_name, ==,
                   "store/story-v1.html");

  /* The original bytes are kept compressed, with their hash. */
  g_assert_cmpint (sqlite_int (fixture->path, "SELECT length(source) < source_size FROM articles"), ==, 1);
  g_assert_cmpint (sqlite_int (fixture->path, "SELECT length(source_sha256) FROM articles"), ==, 64);
}

static void
test_import_failure_stores_nothing (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open (fixture->path, &error);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);

  g_assert_no_error (error);
  g_assert_cmpint (gloss_store_import (store, empty, "empty.txt", NULL, NULL, &error), ==, 0);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_EMPTY);
  g_assert_cmpint (sqlite_int (fixture->path, "SELECT count(*) FROM articles"), ==, 0);
}

static void
test_annotations_survive_restart (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open (fixture->path, &error);
  g_autoptr(GlossAnnotation) claim = NULL;
  g_autoptr(GlossAnnotation) denial = NULL;
  g_autoptr(GPtrArray) reloaded = NULL;
  GlossAnnotation *claim_again, *denial_again;
  const GlossAnnotationLink *link;
  gint64 article_id;

  g_assert_no_error (error);
  article_id = import_fixture (store, "store/story-v1.html", NULL);

  claim = annotate_quote (store, article_id, GLOSS_ANNOTATION_CLAIM, CLAIM);
  gloss_annotation_set_speaker (claim, "NATO allies");
  g_assert_true (gloss_store_add_annotation (store, claim, &error));
  g_assert_no_error (error);

  denial = annotate_quote (store, article_id, GLOSS_ANNOTATION_DENIAL, DENIAL);
  gloss_annotation_set_speaker (denial, "Huawei");
  gloss_annotation_set_note (denial, "Huawei’s statement after the remarks.");
  gloss_annotation_add_link (denial, GLOSS_RELATION_RESPONDS_TO, gloss_annotation_get_id (claim), NULL);
  g_assert_true (gloss_store_add_annotation (store, denial, &error));
  g_assert_no_error (error);
  g_assert_nonnull (gloss_annotation_get_uuid (denial));
  g_assert_cmpstr (gloss_annotation_get_link (denial, 0)->target_uuid, ==,
                   gloss_annotation_get_uuid (claim));

  gloss_annotation_set_verdict (claim, GLOSS_VERDICT_UNVERIFIABLE);
  g_assert_true (gloss_store_save_annotation (store, claim, &error));
  g_assert_no_error (error);

  /* "Tomorrow": a new process opens the same file. */
  g_clear_object (&store);
  store = gloss_store_open (fixture->path, &error);
  g_assert_no_error (error);
  reloaded = gloss_store_list_annotations (store, article_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reloaded->len, ==, 2);

  claim_again = reloaded->pdata[0];
  denial_again = reloaded->pdata[1];
  g_assert_cmpint (gloss_annotation_get_kind (claim_again), ==, GLOSS_ANNOTATION_CLAIM);
  g_assert_cmpstr (gloss_annotation_get_anchor (claim_again)->exact, ==, CLAIM);
  g_assert_cmpuint (gloss_annotation_get_anchor (claim_again)->start_block, ==, 1);
  g_assert_cmpint (gloss_annotation_get_verdict (claim_again), ==, GLOSS_VERDICT_UNVERIFIABLE);
  g_assert_cmpstr (gloss_annotation_get_speaker (claim_again), ==, "NATO allies");

  g_assert_cmpint (gloss_annotation_get_kind (denial_again), ==, GLOSS_ANNOTATION_DENIAL);
  g_assert_cmpstr (gloss_annotation_get_anchor (denial_again)->exact, ==, DENIAL);
  g_assert_cmpuint (gloss_annotation_get_anchor (denial_again)->start_block, ==, 4);
  g_assert_cmpstr (gloss_annotation_get_note (denial_again), ==, "Huawei’s statement after the remarks.");
  g_assert_cmpint (gloss_annotation_get_verdict (denial_again), ==, GLOSS_VERDICT_NONE);
  g_assert_cmpuint (gloss_annotation_get_n_links (denial_again), ==, 1);
  link = gloss_annotation_get_link (denial_again, 0);
  g_assert_cmpint (link->relation, ==, GLOSS_RELATION_RESPONDS_TO);
  g_assert_cmpint (link->target_id, ==, gloss_annotation_get_id (claim_again));

  /* Deleting the claim removes the link that pointed at it. */
  g_assert_true (gloss_store_delete_annotation (store, gloss_annotation_get_id (claim_again), &error));
  g_assert_no_error (error);
  g_clear_pointer (&reloaded, g_ptr_array_unref);
  reloaded = gloss_store_list_annotations (store, article_id, &error);
  g_assert_cmpuint (reloaded->len, ==, 1);
  g_assert_cmpuint (gloss_annotation_get_n_links (reloaded->pdata[0]), ==, 0);

  g_assert_false (gloss_store_delete_annotation (store, 12345, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
}

static void
test_bad_link_stores_nothing (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open (fixture->path, &error);
  g_autoptr(GlossAnnotation) denial = NULL;
  gint64 article_id;

  g_assert_no_error (error);
  article_id = import_fixture (store, "store/story-v1.html", NULL);
  denial = annotate_quote (store, article_id, GLOSS_ANNOTATION_DENIAL, DENIAL);
  gloss_annotation_add_link (denial, GLOSS_RELATION_RESPONDS_TO, 999, NULL);

  g_assert_false (gloss_store_add_annotation (store, denial, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT);
  g_assert_cmpint (gloss_annotation_get_id (denial), ==, 0);
  g_assert_cmpint (sqlite_int (fixture->path, "SELECT count(*) FROM annotations"), ==, 0);
}

static void
test_update_reanchors (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open (fixture->path, &error);
  g_autoptr(GlossAnnotation) claim = NULL;
  g_autoptr(GlossAnnotation) denial = NULL;
  g_autoptr(GBytes) v2 = load_fixture ("store/story-v2.html");
  g_autoptr(GBytes) v3 = load_fixture ("store/story-v3.html");
  g_autoptr(GPtrArray) after_v2 = NULL;
  g_autoptr(GPtrArray) after_v3 = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  const GlossAnchor *anchor;
  gint64 article_id;
  gboolean duplicate = FALSE;

  g_assert_no_error (error);
  article_id = import_fixture (store, "store/story-v1.html", NULL);
  claim = annotate_quote (store, article_id, GLOSS_ANNOTATION_CLAIM, CLAIM);
  g_assert_true (gloss_store_add_annotation (store, claim, &error));
  denial = annotate_quote (store, article_id, GLOSS_ANNOTATION_DENIAL, DENIAL);
  gloss_annotation_add_link (denial, GLOSS_RELATION_RESPONDS_TO, gloss_annotation_get_id (claim), NULL);
  g_assert_true (gloss_store_add_annotation (store, denial, &error));

  /* A sentence inserted before the denial, a word changed elsewhere. */
  after_v2 = gloss_store_update_article (store, article_id, v2, "story-v2.html", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after_v2->len, ==, 2);
  anchor = gloss_annotation_get_anchor (after_v2->pdata[0]);
  g_assert_cmpint (anchor->state, ==, GLOSS_ANCHOR_ANCHORED);
  g_assert_cmpstr (anchor->exact, ==, CLAIM);
  anchor = gloss_annotation_get_anchor (after_v2->pdata[1]);
  g_assert_cmpint (anchor->state, ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpuint (anchor->start_block, ==, 5);
  g_assert_cmpstr (anchor->exact, ==, DENIAL);
  g_assert_cmpuint (gloss_annotation_get_n_links (after_v2->pdata[1]), ==, 1);

  /* The denial's sentence is gone: orphaned, quote intact, nothing deleted. */
  after_v3 = gloss_store_update_article (store, article_id, v3, "story-v3.html", NULL, &error);
  g_assert_no_error (error);
  anchor = gloss_annotation_get_anchor (after_v3->pdata[1]);
  g_assert_cmpint (anchor->state, ==, GLOSS_ANCHOR_ORPHANED);
  g_assert_cmpstr (anchor->exact, ==, DENIAL);
  g_assert_cmpint (sqlite_int (fixture->path, "SELECT count(*) FROM annotations WHERE state = 'orphaned'"), ==, 1);

  /* Earlier versions' bytes are kept, and still count as this article. */
  summaries = gloss_store_list_articles (store, &error);
  g_assert_cmpuint (((GlossArticleSummary *) summaries->pdata[0])->n_versions, ==, 2);
  g_assert_cmpint (import_fixture (store, "store/story-v1.html", &duplicate), ==, article_id);
  g_assert_true (duplicate);

  /* Going back to the first copy is a revert, not a no-op: the denial's
   * sentence is back, and so is the denial. */
  {
    g_autoptr(GBytes) v1 = load_fixture ("store/story-v1.html");
    g_autoptr(GPtrArray) reverted = gloss_store_update_article (store, article_id, v1, "story-v1.html",
                                                                NULL, &error);

    g_assert_no_error (error);
    anchor = gloss_annotation_get_anchor (reverted->pdata[1]);
    g_assert_cmpint (anchor->state, !=, GLOSS_ANCHOR_ORPHANED);
    g_assert_cmpuint (anchor->start_block, ==, 4);
    g_assert_cmpstr (anchor->exact, ==, DENIAL);
  }
}

static void
test_reextract_keeps_annotations (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open (fixture->path, &error);
  g_autoptr(GlossAnnotation) denial = NULL;
  g_autoptr(GPtrArray) after = NULL;
  gint64 article_id;

  g_assert_no_error (error);
  article_id = import_fixture (store, "store/story-v1.html", NULL);
  denial = annotate_quote (store, article_id, GLOSS_ANNOTATION_DENIAL, DENIAL);
  g_assert_true (gloss_store_add_annotation (store, denial, &error));

  /* Simulate an older extractor's output: shifted blocks, stale version. */
  sqlite_exec (fixture->path, "UPDATE blocks SET idx = -idx - 1; UPDATE blocks SET idx = -idx; "
                              "INSERT INTO blocks VALUES (1, 0, 'paragraph', 'Menu Home News'); "
                              "UPDATE annotations SET start_block = 5, end_block = 5; "
                              "UPDATE articles SET extractor_version = 0");

  after = gloss_store_reextract_article (store, article_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpint (gloss_annotation_get_anchor (after->pdata[0])->state, ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpuint (gloss_annotation_get_anchor (after->pdata[0])->start_block, ==, 4);
  g_assert_cmpint (sqlite_int (fixture->path, "SELECT count(*) FROM blocks"), ==, 5);
  g_assert_cmpint (sqlite_int (fixture->path, "SELECT extractor_version FROM articles"), ==,
                   GLOSS_EXTRACTOR_VERSION);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/store/open/creates-library", test_open_creates_library);
  g_test_add_func ("/core/store/open/default-path", test_default_path);
  ADD ("/core/store/open/newer-refused-untouched", test_newer_library_refused_untouched);
  ADD ("/core/store/open/foreign-files-refused", test_foreign_files_refused);
  ADD ("/core/store/open/migrations-from-every-version", test_migrations_from_every_version);
  ADD ("/core/store/articles/import-and-duplicates", test_import_and_duplicates);
  ADD ("/core/store/articles/import-failure-stores-nothing", test_import_failure_stores_nothing);
  ADD ("/core/store/annotations/survive-restart", test_annotations_survive_restart);
  ADD ("/core/store/annotations/bad-link-stores-nothing", test_bad_link_stores_nothing);
  ADD ("/core/store/articles/update-reanchors", test_update_reanchors);
  ADD ("/core/store/articles/reextract-keeps-annotations", test_reextract_keeps_annotations);
#undef ADD

  return g_test_run ();
}
