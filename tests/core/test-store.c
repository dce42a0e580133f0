/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <glib/gstdio.h>

#include "gloss-core.h"
#include "gloss-store-private.h"
#include "test-common.h"
#include "test-seed.h"

/* The library file as a user relies on it: what is saved is there after a
 * restart, newer or foreign files are left alone, annotations follow their
 * words when the article changes. */

#define CLAIM "some of NATO’s 29 allies are uneasy about the potential security challenges of working with Huawei"
#define DENIAL "there is no evidence that Huawei poses any threat to cybersecurity"

typedef GlossTestLibrary Fixture;

static gint64
import_fixture (GlossStore *store,
                const char *name,
                gboolean   *out_duplicate)
{
  g_autoptr(GBytes) bytes = gloss_test_data_bytes (name);
  g_autoptr(GError) error = NULL;
  gint64 id = gloss_store_import (store, bytes, name, NULL, out_duplicate, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Asks the store's own connection, for what is set per connection. */
static gint64
store_int (GlossStore *store,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (gloss_store_get_db (store), sql, -1, &statement, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  return sqlite3_column_int64 (statement, 0);
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

  g_assert_cmpint (gloss_test_sql_int (nested, "PRAGMA user_version"), ==, GLOSS_STORE_SCHEMA_VERSION);
  g_assert_cmpint (gloss_test_sql_int (nested, "SELECT count(*) FROM sqlite_master WHERE name = 'annotations'"), ==, 1);
  /* WAL, and it persists in the file for every later connection. */
  g_assert_cmpint (gloss_test_sql_int (nested, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), ==, 1);
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

static void
test_newer_library_refused_untouched (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open (fixture->path, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *next = NULL;

  g_assert_no_error (error);
  g_clear_object (&store);
  gloss_test_sql_exec (fixture->path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99");
  before = gloss_test_file_sha256 (fixture->path);

  store = gloss_store_open (fixture->path, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NEWER_SCHEMA);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "newer version of Gloss"));

  after = gloss_test_file_sha256 (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* The very next version too. */
  next = g_strdup_printf ("PRAGMA user_version = %d", GLOSS_STORE_SCHEMA_VERSION + 1);
  gloss_test_sql_exec (fixture->path, next);
  g_assert_cmpint (gloss_test_sql_int (fixture->path, "PRAGMA user_version"), ==, GLOSS_STORE_SCHEMA_VERSION + 1);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = gloss_test_file_sha256 (fixture->path);
  store = gloss_store_open (fixture->path, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NEWER_SCHEMA);
  g_assert_null (store);
  after = gloss_test_file_sha256 (fixture->path);
  g_assert_cmpstr (before, ==, after);
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

  gloss_test_sql_exec (other, "CREATE TABLE contacts (name TEXT)");
  before = gloss_test_file_sha256 (other);
  store = gloss_store_open (other, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_CORRUPT);
  g_assert_null (store);
  after = gloss_test_file_sha256 (other);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (text, "These are my notes, not a database at all. "
                                            "They are long enough to fill a page header.", -1, NULL));
  store = gloss_store_open (text, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_CORRUPT);
  g_assert_null (store);
}

/* A library at @version, made by applying the first @version migrations by
 * hand.  Once the tables exist it holds what a used library holds, gaps in
 * the ids included (article 2 and annotations 2 to 6 were deleted): two
 * articles, an earlier version of the second, their blocks, a claim and a
 * denial that responds to it, and from schema 3 on their search rows. */
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
                                   " 'abc', 1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z'),"
                                   " (3, 'c-uuid', 'Newer article', 'html', x'0102', 2, 'def', 1,"
                                   " '2020-01-03T00:00:00Z', '2020-01-04T00:00:00Z');"
                                   "INSERT INTO article_versions (id, article, source_kind, source,"
                                   " source_size, source_sha256, extractor_version, replaced_at)"
                                   " VALUES (2, 3, 'html', x'03', 1, 'ghi', 1, '2020-01-04T00:00:00Z');"
                                   "INSERT INTO blocks VALUES (1, 0, 'paragraph', 'Kept words here.'),"
                                   " (3, 0, 'heading', 'Second story'),"
                                   " (3, 1, 'paragraph', 'Denied by the company.');"
                                   "INSERT INTO annotations (id, uuid, article, kind, start_block,"
                                   " start_offset, end_block, end_offset, exact, note, verdict,"
                                   " created_at, updated_at) VALUES (1, 'n-uuid', 1, 'claim', 0, 0, 0,"
                                   " 10, 'Kept words', NULL, 'false', '2020-01-01T00:00:00Z',"
                                   " '2020-01-01T00:00:00Z'), (7, 'm-uuid', 3, 'denial', 1, 0, 1, 6,"
                                   " 'Denied', 'The company answers', NULL, '2020-01-04T00:00:00Z',"
                                   " '2020-01-04T00:00:00Z');"
                                   "INSERT INTO annotation_links VALUES (7, 1, 'responds-to');",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
  if (version >= 3)
    g_assert_cmpint (sqlite3_exec (db,
                                   "UPDATE articles SET n_blocks = 1, n_words = 3 WHERE id = 1;"
                                   "UPDATE articles SET n_blocks = 2, n_words = 6 WHERE id = 3;"
                                   "INSERT INTO articles_fts (rowid, title, body) VALUES"
                                   " (1, 'Old article', 'Kept words here.'),"
                                   " (3, 'Newer article', 'Second story' || char(30) ||"
                                   "  'Denied by the company.');", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Every row of the tables schema 1 made, with the columns it made, as one
 * string: an upgrade must give back exactly this. */
#define ROWS_FINGERPRINT \
  "SELECT (SELECT group_concat(id || '|' || uuid || '|' || title || '|' || source_kind || '|'" \
  "          || hex(source) || '|' || source_size || '|' || source_sha256 || '|' || imported_at" \
  "          || '|' || updated_at || '|' || unread || '|' || archived, ';')" \
  "        FROM (SELECT * FROM articles ORDER BY id))" \
  " || '#' || (SELECT group_concat(id || '|' || article || '|' || hex(source) || '|'" \
  "              || source_sha256 || '|' || replaced_at, ';')" \
  "            FROM (SELECT * FROM article_versions ORDER BY id))" \
  " || '#' || (SELECT group_concat(article || '|' || idx || '|' || kind || '|' || text, ';')" \
  "            FROM (SELECT * FROM blocks ORDER BY article, idx))" \
  " || '#' || (SELECT group_concat(id || '|' || uuid || '|' || article || '|' || kind || '|'" \
  "              || start_block || ':' || start_offset || '-' || end_block || ':' || end_offset" \
  "              || '|' || exact || '|' || coalesce(note, '-') || '|' || coalesce(verdict, '-')" \
  "              || '|' || created_at, ';')" \
  "            FROM (SELECT * FROM annotations ORDER BY id))" \
  " || '#' || (SELECT group_concat(from_annotation || '>' || to_annotation || ':' || relation, ';')" \
  "            FROM (SELECT * FROM annotation_links ORDER BY 1, 2))"

/* Tables, indexes and triggers, with their SQL. */
#define SCHEMA_FINGERPRINT \
  "SELECT group_concat(type || ' ' || name || ': ' || coalesce(sql, ''), char(10))" \
  " FROM (SELECT * FROM sqlite_master ORDER BY name)"

static void
test_migrations_from_every_version (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *fresh = g_build_filename (fixture->dir, "fresh.db", NULL);
  g_autofree char *fresh_schema = NULL;
  g_autoptr(GlossStore) fresh_store = NULL;
  g_autoptr(GError) error = NULL;

  fresh_store = gloss_store_open (fresh, &error);
  g_assert_no_error (error);
  fresh_schema = gloss_test_sql_text (fresh, SCHEMA_FINGERPRINT);

  for (guint version = 0; version < GLOSS_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *name = g_strdup_printf ("v%u.db", version);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *rows_before = NULL;
      g_autofree char *rows_after = NULL;
      g_autofree char *schema = NULL;
      g_autoptr(GlossStore) store = NULL;

      g_test_message ("Upgrading a version %u library", version);
      make_library_at_version (path, version);
      if (version >= 1)
        rows_before = gloss_test_sql_text (path, ROWS_FINGERPRINT);
      store = gloss_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gloss_test_sql_int (path, "PRAGMA user_version"), ==, GLOSS_STORE_SCHEMA_VERSION);

      /* The same tables, indexes and triggers as a library made today. */
      schema = gloss_test_sql_text (path, SCHEMA_FINGERPRINT);
      g_assert_cmpstr (schema, ==, fresh_schema);
      g_assert_cmpint (gloss_test_sql_int (path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
      g_assert_cmpint (store_int (store, "PRAGMA foreign_keys"), ==, 1);
      g_assert_cmpint (gloss_test_sql_int (path, "SELECT count(*) FROM sqlite_master"
                                         " WHERE sql LIKE '%AUTOINCREMENT%'"), ==, 3);

      if (version >= 1)
        {
          g_autoptr(GlossAnnotation) annotation = gloss_store_load_annotation (store, 1, &error);
          g_autoptr(GlossAnnotation) denial = NULL;
          g_autoptr(GPtrArray) backups = gloss_store_list_backups (path, NULL);
          g_autoptr(GlossSearchResults) results = NULL;

          g_assert_no_error (error);
          g_assert_cmpstr (gloss_annotation_get_anchor (annotation)->exact, ==, "Kept words");
          g_assert_cmpint (gloss_annotation_get_verdict (annotation), ==, GLOSS_VERDICT_FALSE);

          /* Every row, with its id, as it was. */
          rows_after = gloss_test_sql_text (path, ROWS_FINGERPRINT);
          g_assert_cmpstr (rows_after, ==, rows_before);
          denial = gloss_store_load_annotation (store, 7, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (gloss_annotation_get_n_links (denial), ==, 1);
          g_assert_cmpint (gloss_annotation_get_link (denial, 0)->target_id, ==, 1);
          /* The largest ids are remembered, not just the ids there are. */
          g_assert_cmpint (gloss_test_sql_int (path, "SELECT seq FROM sqlite_sequence WHERE name = 'articles'"), ==, 3);
          g_assert_cmpint (gloss_test_sql_int (path, "SELECT seq FROM sqlite_sequence WHERE name = 'annotations'"), ==, 7);
          g_assert_cmpint (gloss_test_sql_int (path, "SELECT count(*) FROM sqlite_sequence WHERE name LIKE 'new_%'"), ==, 0);

          /* An upgraded library takes the neutral kind, a note. */
          {
            g_autoptr(GlossAnchor) anchor = gloss_anchor_new (0, 0, 0, 4, "Kept", "", " words",
                                                              GLOSS_ANCHOR_ANCHORED);
            g_autoptr(GlossAnnotation) note = gloss_annotation_new (GLOSS_ANNOTATION_NOTE, anchor);
            g_autoptr(GlossAnnotation) reloaded = NULL;

            gloss_annotation_set_article_id (note, 1);
            g_assert_true (gloss_store_add_annotation (store, note, &error));
            g_assert_no_error (error);
            g_assert_cmpint (gloss_annotation_get_id (note), ==, 8);
            reloaded = gloss_store_load_annotation (store, 8, &error);
            g_assert_no_error (error);
            g_assert_cmpint (gloss_annotation_get_kind (reloaded), ==, GLOSS_ANNOTATION_NOTE);
            g_assert_true (gloss_store_delete_annotation (store, 8, &error));
            g_assert_no_error (error);
          }
          g_assert_cmpint (gloss_test_sql_int (path, "SELECT seq FROM sqlite_sequence WHERE name = 'article_versions'"), ==, 2);

          /* Search finds both articles and the note, and its index agrees
           * with the rebuilt tables. */
          g_assert_cmpint (gloss_test_sql_int (path, "SELECT n_blocks * 10 + n_words FROM articles WHERE id = 1"), ==, 13);
          results = gloss_store_search (store, "denied", 10, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (results->articles->len, ==, 1);
          g_assert_cmpint (((GlossSearchHit *) results->articles->pdata[0])->article_id, ==, 3);
          g_assert_cmpuint (results->annotations->len, ==, 1);
          g_assert_cmpint (((GlossSearchHit *) results->annotations->pdata[0])->annotation_id, ==, 7);
          g_assert_cmpint (gloss_test_sql_int (path, "SELECT count(*) FROM articles_fts "
                                             "WHERE articles_fts MATCH 'kept'"), ==, 1);
          g_assert_cmpint (gloss_test_sql_int (path, "SELECT count(*) FROM annotations_fts "
                                             "WHERE annotations_fts MATCH 'answers'"), ==, 1);
          gloss_test_sql_exec (path, "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check');"
                             "INSERT INTO annotations_fts (annotations_fts) VALUES ('integrity-check')");

          /* The library as it was before the upgrade is kept as a backup. */
          g_assert_cmpuint (backups->len, >=, 1);
          g_assert_true (g_str_has_suffix (g_ptr_array_index (backups, 0), "-before-upgrade.db"));

          /* From now on a deleted article's id stays its own, so Undo
           * works after another import. */
          {
            g_autoptr(GlossDeletedArticle) deleted = gloss_store_delete_article (store, 3, &error);
            g_autoptr(GlossAnnotation) restored = NULL;
            gint64 newcomer;

            g_assert_no_error (error);
            newcomer = import_fixture (store, "store/story-v1.html", NULL);
            g_assert_cmpint (newcomer, >, 3);
            g_assert_true (gloss_store_restore_article (store, deleted, &error));
            g_assert_no_error (error);
            restored = gloss_store_load_annotation (store, 7, &error);
            g_assert_no_error (error);
            g_assert_cmpstr (gloss_annotation_get_note (restored), ==, "The company answers");
            g_assert_cmpint (gloss_test_sql_int (path, "SELECT id FROM article_versions"), ==, 2);
          }
        }
    }
}

/* A v5 library is opened as it is: no upgrade, no backup, ids and the
 * remembered largest ids kept. */
static void
test_current_version_reopened (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open (fixture->path, &error);
  g_autoptr(GlossArticle) article = NULL;
  g_autoptr(GlossDeletedArticle) deleted = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *schema_again = NULL;
  gint64 first, second;

  g_assert_no_error (error);
  first = import_fixture (store, "store/story-v1.html", NULL);
  second = import_fixture (store, "store/story-v2.html", NULL);
  deleted = gloss_store_delete_article (store, second, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  schema = gloss_test_sql_text (fixture->path, SCHEMA_FINGERPRINT);

  store = gloss_store_open (fixture->path, &error);
  g_assert_no_error (error);
  schema_again = gloss_test_sql_text (fixture->path, SCHEMA_FINGERPRINT);
  g_assert_cmpstr (schema_again, ==, schema);
  backups = gloss_store_list_backups (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 0);

  article = gloss_store_load_article (store, first, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_article_get_title (article), ==,
                   "NATO weighing whether Huawei poses security threat");
  /* The id deleted before the restart is not handed out after it. */
  g_assert_cmpint (import_fixture (store, "store/story-v3.html", NULL), >, second);
}

/* What the app does for Undo of an annotation: record it, delete it, add it
 * again; meanwhile another annotation was added. */
static void
test_ids_never_reused (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open (fixture->path, &error);
  g_autoptr(GlossAnnotation) claim = NULL;
  g_autoptr(GlossAnnotation) denial = NULL;
  g_autoptr(GlossAnnotation) newcomer = NULL;
  g_autoptr(GlossAnnotation) again = NULL;
  g_autoptr(GlossDeletedArticle) deleted_first = NULL;
  g_autoptr(GlossDeletedArticle) deleted_second = NULL;
  g_autoptr(GBytes) v1 = gloss_test_data_bytes ("store/story-v1.html");
  g_autoptr(GBytes) v2 = gloss_test_data_bytes ("store/story-v2.html");
  g_autoptr(GPtrArray) updated = NULL;
  gint64 first, second, third, denial_id, first_version;

  g_assert_no_error (error);
  first = import_fixture (store, "store/story-v1.html", NULL);
  second = import_fixture (store, "store/story-v2.html", NULL);

  /* Annotations: the newest one deleted, another added. */
  claim = gloss_test_annotation_new (store, first, GLOSS_ANNOTATION_CLAIM, CLAIM);
  g_assert_true (gloss_store_add_annotation (store, claim, &error));
  denial = gloss_test_annotation_new (store, first, GLOSS_ANNOTATION_DENIAL, DENIAL);
  g_assert_true (gloss_store_add_annotation (store, denial, &error));
  g_assert_no_error (error);
  denial_id = gloss_annotation_get_id (denial);
  g_assert_true (gloss_store_delete_annotation (store, denial_id, &error));
  newcomer = gloss_test_annotation_new (store, first, GLOSS_ANNOTATION_QUESTION, DENIAL);
  g_assert_true (gloss_store_add_annotation (store, newcomer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gloss_annotation_get_id (newcomer), >, denial_id);
  /* Undo of the deletion: the links the app remembered by id cannot land
   * on the newcomer. */
  again = gloss_test_annotation_new (store, first, GLOSS_ANNOTATION_DENIAL, DENIAL);
  g_assert_true (gloss_store_add_annotation (store, again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gloss_annotation_get_id (again), >, gloss_annotation_get_id (newcomer));

  /* Articles: the newest one deleted, another imported. */
  deleted_second = gloss_store_delete_article (store, second, &error);
  g_assert_no_error (error);
  third = import_fixture (store, "store/story-v3.html", NULL);
  g_assert_cmpint (third, >, second);

  /* Earlier versions: the newest one goes with its article, the next
   * update keeps the replaced copy under a new id. */
  updated = gloss_store_update_article (store, first, v2, "story-v2.html", NULL, &error);
  g_assert_no_error (error);
  first_version = gloss_test_sql_int (fixture->path, "SELECT max(id) FROM article_versions");
  deleted_first = gloss_store_delete_article (store, first, &error);
  g_assert_no_error (error);
  g_clear_pointer (&updated, g_ptr_array_unref);
  updated = gloss_store_update_article (store, third, v1, "story-v1.html", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_test_sql_int (fixture->path, "SELECT max(id) FROM article_versions"), >, first_version);

  /* So Undo still works, with the earlier version and the annotations. */
  g_assert_true (gloss_store_restore_article (store, deleted_first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gloss_test_sql_int (fixture->path, "SELECT count(*) FROM article_versions"), ==, 2);
  g_assert_cmpint (gloss_test_sql_int (fixture->path, "SELECT count(*) FROM annotations"), ==, 3);

  /* The second article's file is the first one's text now: that Undo is
   * refused, and the message says where the file is. */
  g_assert_false (gloss_store_restore_article (store, deleted_second, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "“NATO weighing whether Huawei poses security threat”"));
  g_assert_cmpint (gloss_test_sql_int (fixture->path, "SELECT count(*) FROM articles"), ==, 2);
}

static void
test_upgrade_refused_with_dangling_rows (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autofree char *rows_before = NULL;
  g_autofree char *rows_after = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  /* Written by some other tool with foreign keys off (SQLite's default),
   * before step 5 rebuilt the tables with AUTOINCREMENT. */
  make_library_at_version (fixture->path, 4);
  gloss_test_sql_exec (fixture->path, "INSERT INTO annotations (id, uuid, article, kind, start_block,"
                              " start_offset, end_block, end_offset, exact, created_at, updated_at)"
                              " VALUES (9, 'x-uuid', 99, 'question', 0, 0, 0, 4, 'Lost',"
                              " '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')");
  rows_before = gloss_test_sql_text (fixture->path, ROWS_FINGERPRINT);

  store = gloss_store_open (fixture->path, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_CORRUPT);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "“annotations”"));
  g_assert_nonnull (strstr (error->message, "was not changed"));

  /* Nothing of the step stayed; the backup from before it is there. */
  g_assert_cmpint (gloss_test_sql_int (fixture->path, "PRAGMA user_version"), ==, 4);
  g_assert_cmpint (gloss_test_sql_int (fixture->path, "SELECT count(*) FROM sqlite_master"
                                              " WHERE sql LIKE '%AUTOINCREMENT%'"), ==, 0);
  rows_after = gloss_test_sql_text (fixture->path, ROWS_FINGERPRINT);
  g_assert_cmpstr (rows_after, ==, rows_before);
  backups = gloss_store_list_backups (fixture->path, NULL);
  g_assert_cmpuint (backups->len, ==, 1);
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
  g_assert_cmpint (gloss_test_sql_int (fixture->path, "SELECT length(source) < source_size FROM articles"), ==, 1);
  g_assert_cmpint (gloss_test_sql_int (fixture->path, "SELECT length(source_sha256) FROM articles"), ==, 64);
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
  g_assert_cmpint (gloss_test_sql_int (fixture->path, "SELECT count(*) FROM articles"), ==, 0);
}

/* The reading time in the header and the library's word counts come from
 * gloss_article_count_words(): words of the normalised blocks. */
static void
test_word_counts (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open (fixture->path, &error);
  g_autoptr(GlossArticle) built = gloss_article_new ();
  g_autoptr(GlossArticle) article = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  guint split_words = 0;
  gint64 article_id;

  g_assert_no_error (error);
  gloss_article_append_block (built, GLOSS_BLOCK_HEADING, "  NATO\u00A0allies\t weigh\n Huawei ");
  gloss_article_append_block (built, GLOSS_BLOCK_PARAGRAPH, "No evidence.");
  gloss_article_append_block (built, GLOSS_BLOCK_PARAGRAPH, "Huawei");
  g_assert_cmpuint (gloss_article_count_words (built), ==, 7);

  article_id = import_fixture (store, "store/story-v1.html", NULL);
  article = gloss_store_load_article (store, article_id, &error);
  g_assert_no_error (error);
  /* Counted here by another rule: a word starts where a space ends. */
  for (guint i = 0; i < gloss_article_get_n_blocks (article); i++)
    {
      gboolean in_word = FALSE;

      for (const char *p = gloss_block_get_text (gloss_article_get_block (article, i));
           *p != '\0'; p = g_utf8_next_char (p))
        {
          gboolean space = g_unichar_isspace (g_utf8_get_char (p));

          split_words += !space && !in_word;
          in_word = !space;
        }
    }
  g_assert_cmpuint (split_words, >, 100);
  g_assert_cmpuint (gloss_article_count_words (article), ==, split_words);
  summaries = gloss_store_list_articles (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (((GlossArticleSummary *) summaries->pdata[0])->n_words, ==, split_words);
}

static void
test_damaged_block_text_cleaned (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open (fixture->path, &error);
  g_autoptr(GlossArticle) article = NULL;
  g_autofree char *sql = NULL;
  const char *text;
  gint64 article_id;

  g_assert_no_error (error);
  article_id = import_fixture (store, "store/story-v1.html", NULL);

  /* Stored text is read back as it is; text another program wrote into
   * the library (a control character, a byte that is not UTF-8, spaces)
   * must still reach the reader clean. */
  sql = g_strdup_printf ("UPDATE blocks SET text = ' two' || char(1) || '  words'"
                         " || CAST(X'FF' AS TEXT) || ' ' WHERE article = %" G_GINT64_FORMAT
                         " AND idx = 0", article_id);
  gloss_test_sql_exec (fixture->path, sql);

  article = gloss_store_load_article (store, article_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_article_get_n_blocks (article), ==, 5);
  text = gloss_block_get_text (gloss_article_get_block (article, 0));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpstr (text, ==, "two words\uFFFD");
  g_assert_cmpint (gloss_block_get_length (gloss_article_get_block (article, 0)), ==, 10);
  g_assert_true (g_str_has_prefix (gloss_block_get_text (gloss_article_get_block (article, 4)),
                                   "Following Stoltenberg’s remarks"));

  /* Clean at both ends, damaged inside: two spaces, a no-break space and
   * U+009B (a terminal's escape) between the words. */
  g_clear_object (&article);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE blocks SET text = 'one  two' || char(160) || 'three'"
                         " || char(155) || 'four' WHERE article = %" G_GINT64_FORMAT
                         " AND idx = 1", article_id);
  gloss_test_sql_exec (fixture->path, sql);
  article = gloss_store_load_article (store, article_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_block_get_text (gloss_article_get_block (article, 1)), ==,
                   "one two threefour");
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

  claim = gloss_test_annotation_new (store, article_id, GLOSS_ANNOTATION_CLAIM, CLAIM);
  gloss_annotation_set_speaker (claim, "NATO allies");
  g_assert_true (gloss_store_add_annotation (store, claim, &error));
  g_assert_no_error (error);

  denial = gloss_test_annotation_new (store, article_id, GLOSS_ANNOTATION_DENIAL, DENIAL);
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
  denial = gloss_test_annotation_new (store, article_id, GLOSS_ANNOTATION_DENIAL, DENIAL);
  gloss_annotation_add_link (denial, GLOSS_RELATION_RESPONDS_TO, 999, NULL);

  g_assert_false (gloss_store_add_annotation (store, denial, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT);
  g_assert_cmpint (gloss_annotation_get_id (denial), ==, 0);
  g_assert_cmpint (gloss_test_sql_int (fixture->path, "SELECT count(*) FROM annotations"), ==, 0);
}

/* What the table refuses is said in words, and nothing is stored. */
static void
test_refused_annotations_say_why (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open (fixture->path, &error);
  g_autoptr(GlossAnchor) backwards = gloss_anchor_new (3, 0, 1, 5, "words", NULL, NULL,
                                                       GLOSS_ANCHOR_ANCHORED);
  g_autoptr(GlossAnnotation) annotation = NULL;
  g_autoptr(GlossAnnotation) orphan = NULL;
  g_autoptr(GlossDeletedArticle) deleted = NULL;
  gint64 article_id;

  g_assert_no_error (error);
  article_id = import_fixture (store, "store/story-v1.html", NULL);

  annotation = gloss_annotation_new (GLOSS_ANNOTATION_EVIDENCE, backwards);
  gloss_annotation_set_article_id (annotation, article_id);
  g_assert_false (gloss_store_add_annotation (store, annotation, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "ends in block 1, before the block it starts in (3)"));
  g_assert_cmpint (gloss_annotation_get_id (annotation), ==, 0);
  g_clear_error (&error);

  /* An article deleted meanwhile (another window, another program). */
  orphan = gloss_test_annotation_new (store, article_id, GLOSS_ANNOTATION_DENIAL, DENIAL);
  deleted = gloss_store_delete_article (store, article_id, &error);
  g_assert_no_error (error);
  g_assert_false (gloss_store_add_annotation (store, orphan, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "There is no article"));
  g_assert_cmpint (gloss_test_sql_int (fixture->path, "SELECT count(*) FROM annotations"), ==, 0);
}

static void
test_update_reanchors (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open (fixture->path, &error);
  g_autoptr(GlossAnnotation) claim = NULL;
  g_autoptr(GlossAnnotation) denial = NULL;
  g_autoptr(GBytes) v2 = gloss_test_data_bytes ("store/story-v2.html");
  g_autoptr(GBytes) v3 = gloss_test_data_bytes ("store/story-v3.html");
  g_autoptr(GPtrArray) after_v2 = NULL;
  g_autoptr(GPtrArray) after_v3 = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  const GlossAnchor *anchor;
  gint64 article_id;
  gboolean duplicate = FALSE;

  g_assert_no_error (error);
  article_id = import_fixture (store, "store/story-v1.html", NULL);
  claim = gloss_test_annotation_new (store, article_id, GLOSS_ANNOTATION_CLAIM, CLAIM);
  g_assert_true (gloss_store_add_annotation (store, claim, &error));
  denial = gloss_test_annotation_new (store, article_id, GLOSS_ANNOTATION_DENIAL, DENIAL);
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
  g_assert_cmpint (gloss_test_sql_int (fixture->path, "SELECT count(*) FROM annotations WHERE state = 'orphaned'"), ==, 1);

  /* Earlier versions' bytes are kept, and still count as this article. */
  summaries = gloss_store_list_articles (store, &error);
  g_assert_cmpuint (((GlossArticleSummary *) summaries->pdata[0])->n_versions, ==, 2);
  g_assert_cmpint (import_fixture (store, "store/story-v1.html", &duplicate), ==, article_id);
  g_assert_true (duplicate);

  /* Going back to the first copy is a revert, not a no-op: the denial's
   * sentence is back, and so is the denial. */
  {
    g_autoptr(GBytes) v1 = gloss_test_data_bytes ("store/story-v1.html");
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
  denial = gloss_test_annotation_new (store, article_id, GLOSS_ANNOTATION_DENIAL, DENIAL);
  g_assert_true (gloss_store_add_annotation (store, denial, &error));

  /* Simulate an older extractor's output: shifted blocks, stale version. */
  gloss_test_sql_exec (fixture->path, "UPDATE blocks SET idx = -idx - 1; UPDATE blocks SET idx = -idx; "
                              "INSERT INTO blocks VALUES (1, 0, 'paragraph', 'Menu Home News'); "
                              "UPDATE annotations SET start_block = 5, end_block = 5; "
                              "UPDATE articles SET extractor_version = 0");

  after = gloss_store_reextract_article (store, article_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpint (gloss_annotation_get_anchor (after->pdata[0])->state, ==, GLOSS_ANCHOR_MOVED);
  g_assert_cmpuint (gloss_annotation_get_anchor (after->pdata[0])->start_block, ==, 4);
  g_assert_cmpint (gloss_test_sql_int (fixture->path, "SELECT count(*) FROM blocks"), ==, 5);
  g_assert_cmpint (gloss_test_sql_int (fixture->path, "SELECT extractor_version FROM articles"), ==,
                   GLOSS_EXTRACTOR_VERSION);
}

/* Links are read both ways (the claim knows the denial that answers it)
 * and may cross articles: evidence from a second story supports a claim of
 * the first; both ends say which article the other end is in. */
static void
test_links_both_ways_across_articles (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open (fixture->path, &error);
  g_autoptr(GlossAnnotation) claim = NULL;
  g_autoptr(GlossAnnotation) denial = NULL;
  g_autoptr(GlossAnnotation) evidence = NULL;
  g_autoptr(GlossAnnotation) claim_again = NULL;
  g_autoptr(GlossAnnotation) evidence_again = NULL;
  g_autoptr(GlossDeletedArticle) deleted = NULL;
  const GlossAnnotationLink *link;
  gint64 first, second;

  g_assert_no_error (error);
  first = import_fixture (store, "store/story-v1.html", NULL);
  second = import_fixture (store, "store/story-v2.html", NULL);
  g_assert_cmpint (first, !=, second);

  claim = gloss_test_annotation_new (store, first, GLOSS_ANNOTATION_CLAIM, CLAIM);
  g_assert_true (gloss_store_add_annotation (store, claim, &error));
  denial = gloss_test_annotation_new (store, first, GLOSS_ANNOTATION_DENIAL, DENIAL);
  gloss_annotation_add_link (denial, GLOSS_RELATION_RESPONDS_TO, gloss_annotation_get_id (claim), NULL);
  g_assert_true (gloss_store_add_annotation (store, denial, &error));
  evidence = gloss_test_annotation_new (store, second, GLOSS_ANNOTATION_EVIDENCE, DENIAL);
  gloss_annotation_add_link (evidence, GLOSS_RELATION_CONTRADICTS,
                             gloss_annotation_get_id (claim), NULL);
  g_assert_true (gloss_store_add_annotation (store, evidence, &error));
  g_assert_no_error (error);

  /* The claim makes no link, but two come to it: its own article's first. */
  claim_again = gloss_store_load_annotation (store, gloss_annotation_get_id (claim), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_annotation_get_n_links (claim_again), ==, 0);
  g_assert_cmpuint (gloss_annotation_get_n_incoming_links (claim_again), ==, 2);
  link = gloss_annotation_get_incoming_link (claim_again, 0);
  g_assert_cmpint (link->relation, ==, GLOSS_RELATION_RESPONDS_TO);
  g_assert_cmpint (link->target_id, ==, gloss_annotation_get_id (denial));
  g_assert_cmpstr (link->target_uuid, ==, gloss_annotation_get_uuid (denial));
  g_assert_cmpint (link->target_article_id, ==, first);
  link = gloss_annotation_get_incoming_link (claim_again, 1);
  g_assert_cmpint (link->relation, ==, GLOSS_RELATION_CONTRADICTS);
  g_assert_cmpint (link->target_id, ==, gloss_annotation_get_id (evidence));
  g_assert_cmpint (link->target_article_id, ==, second);

  /* The evidence's link leads into the other article. */
  evidence_again = gloss_store_load_annotation (store, gloss_annotation_get_id (evidence), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_annotation_get_n_links (evidence_again), ==, 1);
  link = gloss_annotation_get_link (evidence_again, 0);
  g_assert_cmpint (link->target_id, ==, gloss_annotation_get_id (claim));
  g_assert_cmpint (link->target_article_id, ==, first);
  g_assert_cmpuint (gloss_annotation_get_n_incoming_links (evidence_again), ==, 0);

  /* Deleting the second article takes its link to the claim with it. */
  deleted = gloss_store_delete_article (store, second, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deleted);
  g_clear_object (&claim_again);
  claim_again = gloss_store_load_annotation (store, gloss_annotation_get_id (claim), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_annotation_get_n_incoming_links (claim_again), ==, 1);
}

/* Undo of a deletion brings back the same row: its id and uuid (what a
 * note or a script cites), its note, and its links both ways, across
 * articles too; a second Undo is refused, and a new annotation made in
 * between never took its number. */
static void
test_delete_undo_same_id (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open (fixture->path, &error);
  g_autoptr(GlossAnnotation) claim = NULL;
  g_autoptr(GlossAnnotation) denial = NULL;
  g_autoptr(GlossAnnotation) evidence = NULL;
  g_autoptr(GlossAnnotation) newcomer = NULL;
  g_autoptr(GlossAnnotation) back = NULL;
  g_autoptr(GlossAnnotation) evidence_again = NULL;
  g_autoptr(GlossAnnotationRows) rows = NULL;
  g_autoptr(GlossSearchResults) results = NULL;
  gint64 first, second, id;

  g_assert_no_error (error);
  first = import_fixture (store, "store/story-v1.html", NULL);
  second = import_fixture (store, "store/story-v2.html", NULL);

  claim = gloss_test_annotation_new (store, first, GLOSS_ANNOTATION_CLAIM, CLAIM);
  gloss_annotation_set_note (claim, "Ask the ministry");
  g_assert_true (gloss_store_add_annotation (store, claim, &error));
  id = gloss_annotation_get_id (claim);
  denial = gloss_test_annotation_new (store, first, GLOSS_ANNOTATION_DENIAL, DENIAL);
  gloss_annotation_add_link (denial, GLOSS_RELATION_RESPONDS_TO, id, NULL);
  g_assert_true (gloss_store_add_annotation (store, denial, &error));
  evidence = gloss_test_annotation_new (store, second, GLOSS_ANNOTATION_EVIDENCE, DENIAL);
  gloss_annotation_add_link (evidence, GLOSS_RELATION_SUPPORTS, id, NULL);
  g_assert_true (gloss_store_add_annotation (store, evidence, &error));
  g_assert_no_error (error);

  rows = gloss_store_delete_annotation_rows (store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  g_assert_null (gloss_store_load_annotation (store, id, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  evidence_again = gloss_store_load_annotation (store, gloss_annotation_get_id (evidence), &error);
  g_assert_cmpuint (gloss_annotation_get_n_links (evidence_again), ==, 0);
  g_clear_object (&evidence_again);

  /* Marked meanwhile: a number of its own. */
  newcomer = gloss_test_annotation_new (store, first, GLOSS_ANNOTATION_QUESTION, CLAIM);
  g_assert_true (gloss_store_add_annotation (store, newcomer, &error));
  g_assert_cmpint (gloss_annotation_get_id (newcomer), !=, id);

  g_assert_true (gloss_store_restore_annotation_rows (store, rows, &error));
  g_assert_no_error (error);
  back = gloss_store_load_annotation (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_annotation_get_uuid (back), ==, gloss_annotation_get_uuid (claim));
  g_assert_cmpstr (gloss_annotation_get_created_at (back), ==,
                   gloss_annotation_get_created_at (claim));
  g_assert_cmpstr (gloss_annotation_get_note (back), ==, "Ask the ministry");
  g_assert_true (gloss_anchor_equal (gloss_annotation_get_anchor (back),
                                     gloss_annotation_get_anchor (claim)));
  g_assert_cmpuint (gloss_annotation_get_n_incoming_links (back), ==, 2);
  g_assert_cmpint (gloss_annotation_get_incoming_link (back, 0)->target_id, ==,
                   gloss_annotation_get_id (denial));
  g_assert_cmpint (gloss_annotation_get_incoming_link (back, 1)->target_id, ==,
                   gloss_annotation_get_id (evidence));
  g_assert_cmpint (gloss_annotation_get_incoming_link (back, 1)->target_article_id, ==, second);
  evidence_again = gloss_store_load_annotation (store, gloss_annotation_get_id (evidence), &error);
  g_assert_cmpuint (gloss_annotation_get_n_links (evidence_again), ==, 1);

  /* Found by search again (the search row came back with it). */
  results = gloss_store_search (store, "ministry", 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->annotations->len, ==, 1);

  g_assert_false (gloss_store_restore_annotation_rows (store, rows, &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT);
}

static void
count_notify (guint *count)
{
  (*count)++;
}

/* Kinds and verdicts are enum properties (a view can bind to them), named
 * as the library stores and exports them; setting one notifies. */
static void
test_annotation_enum_properties (void)
{
  g_autoptr(GlossAnchor) anchor = gloss_anchor_new (0, 0, 0, 5, "words", NULL, NULL,
                                                    GLOSS_ANCHOR_ANCHORED);
  g_autoptr(GlossAnnotation) annotation = gloss_annotation_new (GLOSS_ANNOTATION_CLAIM, anchor);
  GParamSpec *kind = g_object_class_find_property (G_OBJECT_GET_CLASS (annotation), "kind");
  GParamSpec *verdict = g_object_class_find_property (G_OBJECT_GET_CLASS (annotation), "verdict");
  g_autoptr(GEnumClass) kinds = g_type_class_ref (GLOSS_TYPE_ANNOTATION_KIND);
  g_autoptr(GEnumClass) verdicts = g_type_class_ref (GLOSS_TYPE_VERDICT);
  guint notified = 0;
  GlossVerdict value;

  g_assert_true (G_IS_PARAM_SPEC_ENUM (kind));
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (kind) == GLOSS_TYPE_ANNOTATION_KIND);
  g_assert_true (G_IS_PARAM_SPEC_ENUM (verdict));
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (verdict) == GLOSS_TYPE_VERDICT);

  for (GlossAnnotationKind k = 0; k <= GLOSS_ANNOTATION_KIND_LAST; k++)
    g_assert_cmpstr (g_enum_get_value (kinds, k)->value_nick, ==,
                     gloss_annotation_kind_to_string (k));
  for (GlossVerdict v = GLOSS_VERDICT_UNRATED; v <= GLOSS_VERDICT_LAST; v++)
    g_assert_cmpstr (g_enum_get_value (verdicts, v)->value_nick, ==, gloss_verdict_to_string (v));

  g_signal_connect_swapped (annotation, "notify", G_CALLBACK (count_notify), &notified);
  g_object_set (annotation, "verdict", GLOSS_VERDICT_MOSTLY_FALSE, NULL);
  g_object_get (annotation, "verdict", &value, NULL);
  g_assert_cmpint (value, ==, GLOSS_VERDICT_MOSTLY_FALSE);
  g_assert_cmpuint (notified, ==, 1);

  /* No longer a claim: the verdict goes too. */
  g_object_set (annotation, "kind", g_enum_get_value_by_nick (kinds, "denial")->value, NULL);
  g_assert_cmpint (gloss_annotation_get_kind (annotation), ==, GLOSS_ANNOTATION_DENIAL);
  g_assert_cmpint (gloss_annotation_get_verdict (annotation), ==, GLOSS_VERDICT_NONE);
  g_assert_cmpuint (notified, ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, gloss_test_library_set_up, func, gloss_test_library_tear_down)
  ADD ("/core/store/open/creates-library", test_open_creates_library);
  g_test_add_func ("/core/store/open/default-path", test_default_path);
  ADD ("/core/store/open/newer-refused-untouched", test_newer_library_refused_untouched);
  ADD ("/core/store/open/foreign-files-refused", test_foreign_files_refused);
  ADD ("/core/store/open/migrations-from-every-version", test_migrations_from_every_version);
  ADD ("/core/store/open/current-version-reopened", test_current_version_reopened);
  ADD ("/core/store/open/upgrade-refused-with-dangling-rows", test_upgrade_refused_with_dangling_rows);
  ADD ("/core/store/ids/never-reused", test_ids_never_reused);
  ADD ("/core/store/articles/import-and-duplicates", test_import_and_duplicates);
  ADD ("/core/store/articles/import-failure-stores-nothing", test_import_failure_stores_nothing);
  ADD ("/core/store/articles/word-counts", test_word_counts);
  ADD ("/core/store/articles/damaged-block-text-cleaned", test_damaged_block_text_cleaned);
  ADD ("/core/store/annotations/survive-restart", test_annotations_survive_restart);
  ADD ("/core/store/annotations/bad-link-stores-nothing", test_bad_link_stores_nothing);
  ADD ("/core/store/annotations/links-both-ways-across-articles",
       test_links_both_ways_across_articles);
  ADD ("/core/store/annotations/refused-say-why", test_refused_annotations_say_why);
  ADD ("/core/store/annotations/delete-undo-same-id", test_delete_undo_same_id);
  ADD ("/core/store/articles/update-reanchors", test_update_reanchors);
  ADD ("/core/store/articles/reextract-keeps-annotations", test_reextract_keeps_annotations);
  g_test_add_func ("/core/annotation/enum-properties", test_annotation_enum_properties);
#undef ADD

  return g_test_run ();
}
