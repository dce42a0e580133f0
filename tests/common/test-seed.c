/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-test"

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "test-common.h"
#include "test-seed.h"

/* A library of the test's own */

/**
 * gloss_test_library_set_up:
 * @library: the fixture
 * @data: unused
 *
 * A temporary folder for the library, not yet created; no store.
 */
void
gloss_test_library_set_up (GlossTestLibrary *library,
                           gconstpointer     data)
{
  library->dir = gloss_test_library_dir_new (&library->path);
  library->store = NULL;
}

/**
 * gloss_test_library_set_up_open:
 * @library: the fixture
 * @data: unused
 *
 * A new library in a temporary folder, its store open.
 */
void
gloss_test_library_set_up_open (GlossTestLibrary *library,
                                gconstpointer     data)
{
  gloss_test_library_set_up (library, data);
  library->store = gloss_test_store_open (library->path);
}

/* The store closed, the folder and all in it removed. */
void
gloss_test_library_tear_down (GlossTestLibrary *library,
                              gconstpointer     data)
{
  g_clear_object (&library->store);
  gloss_test_remove_tree (library->dir);
  g_clear_pointer (&library->dir, g_free);
  g_clear_pointer (&library->path, g_free);
}

/* The library's file as another program reads it */

static sqlite3_stmt *
sql_step (const char  *path,
          const char  *sql,
          sqlite3    **out_db)
{
  sqlite3_stmt *statement = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, out_db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (*out_db, sql, -1, &statement, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);

  return statement;
}

/**
 * gloss_test_sql_int:
 * @path: a library
 * @sql: a query
 *
 * Returns: the first column of @sql's first row, read on a connection of
 *   its own
 */
gint64
gloss_test_sql_int (const char *path,
                    const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = sql_step (path, sql, &db);
  gint64 value = sqlite3_column_int64 (statement, 0);

  sqlite3_finalize (statement);
  sqlite3_close (db);

  return value;
}

/* The same, as text; free with g_free(). */
char *
gloss_test_sql_text (const char *path,
                     const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = sql_step (path, sql, &db);
  char *value = g_strdup ((const char *) sqlite3_column_text (statement, 0));

  sqlite3_finalize (statement);
  sqlite3_close (db);

  return value;
}

/* Runs @sql on the library, as another program that writes to it would. */
void
gloss_test_sql_exec (const char *path,
                     const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Seeding */

/**
 * gloss_test_store_open:
 * @path: the library file, created when missing
 *
 * Returns: (transfer full): the store
 */
GlossStore *
gloss_test_store_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  GlossStore *store = gloss_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

/**
 * gloss_test_data_bytes:
 * @name: a file's path below tests/data
 *
 * Returns: (transfer full): its contents
 */
GBytes *
gloss_test_data_bytes (const char *name)
{
  g_autofree char *path = g_build_filename (GLOSS_TEST_DATA, name, NULL);

  return read_file (path);
}

/**
 * gloss_test_import_bytes:
 * @store: a #GlossStore
 * @bytes: an article as a file holds it
 * @source_name: the file's name
 *
 * Imports @bytes as the file @source_name would be, with the default
 * extraction options.
 *
 * Returns: the article's id
 */
gint64
gloss_test_import_bytes (GlossStore *store,
                         GBytes     *bytes,
                         const char *source_name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = gloss_store_import (store, bytes, source_name, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

gint64
gloss_test_import_text (GlossStore *store,
                        const char *text,
                        const char *source_name)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return gloss_test_import_bytes (store, bytes, source_name);
}

/* Imports the file at @path, under its own name. */
gint64
gloss_test_import_file (GlossStore *store,
                        const char *path)
{
  g_autoptr(GBytes) bytes = read_file (path);
  g_autofree char *name = g_path_get_basename (path);

  return gloss_test_import_bytes (store, bytes, name);
}

/* Imports tests/data/@name, under @name. */
gint64
gloss_test_import_data (GlossStore *store,
                        const char *name)
{
  g_autoptr(GBytes) bytes = gloss_test_data_bytes (name);

  return gloss_test_import_bytes (store, bytes, name);
}

/**
 * gloss_test_annotation_new:
 * @store: a #GlossStore
 * @article_id: an article in it
 * @kind: what the annotation says the words are
 * @quote: words of the article
 *
 * An annotation of @kind on the first @quote of the article, not stored.
 *
 * Returns: (transfer full): the annotation
 */
GlossAnnotation *
gloss_test_annotation_new (GlossStore          *store,
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

/**
 * gloss_test_annotate:
 * @store: a #GlossStore
 * @article_id: an article in it
 * @kind: what the annotation says the words are
 * @quote: words of the article
 * @speaker: (nullable): who said them
 * @note: (nullable): the annotation's note
 *
 * Stores an annotation of @kind on the first @quote of the article, as
 * gloss-cli or another window would.
 *
 * Returns: its id
 */
gint64
gloss_test_annotate (GlossStore          *store,
                     gint64               article_id,
                     GlossAnnotationKind  kind,
                     const char          *quote,
                     const char          *speaker,
                     const char          *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossAnnotation) annotation = gloss_test_annotation_new (store, article_id, kind, quote);

  gloss_annotation_set_speaker (annotation, speaker);
  gloss_annotation_set_note (annotation, note);
  g_assert_true (gloss_store_add_annotation (store, annotation, &error));
  g_assert_no_error (error);

  return gloss_annotation_get_id (annotation);
}
