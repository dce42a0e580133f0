/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-store"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "gloss-error.h"
#include "gloss-store-private.h"

/*
 * The library as a list: summaries filtered and sorted without reading any
 * article body (block and word counts live in the articles row, annotation
 * counts come from the (article, kind) index), reading state, and deletion
 * with Undo.
 *
 * Undo keeps a snapshot, not a tombstone: gloss_store_delete_article()
 * copies every row the article owns (the article with its original bytes,
 * earlier versions, blocks, annotations and the links that touch them) into
 * memory, then deletes them for real, so no query anywhere has to skip
 * deleted rows and the cascade clears the search tables.
 * gloss_store_restore_article() writes the same rows back with the same
 * ids and indexes the article again.  The snapshot lives as long as the
 * caller keeps it (the GUI: until its Undo toast goes); after that the
 * deletion is final.
 */

G_DEFINE_BOXED_TYPE (GlossArticleSummary, gloss_article_summary,
                     gloss_article_summary_copy, gloss_article_summary_free)

GlossArticleSummary *
gloss_article_summary_copy (const GlossArticleSummary *summary)
{
  GlossArticleSummary *copy;

  g_return_val_if_fail (summary != NULL, NULL);

  copy = g_memdup2 (summary, sizeof *summary);
  copy->uuid = g_strdup (summary->uuid);
  copy->title = g_strdup (summary->title);
  copy->byline = g_strdup (summary->byline);
  copy->site_name = g_strdup (summary->site_name);
  copy->url = g_strdup (summary->url);
  copy->published = g_strdup (summary->published);
  copy->source_name = g_strdup (summary->source_name);
  copy->imported_at = g_strdup (summary->imported_at);
  return copy;
}

void
gloss_article_summary_free (GlossArticleSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->uuid);
  g_free (summary->title);
  g_free (summary->byline);
  g_free (summary->site_name);
  g_free (summary->url);
  g_free (summary->published);
  g_free (summary->source_name);
  g_free (summary->imported_at);
  g_free (summary);
}

gboolean
gloss_article_sort_from_string (const char       *name,
                                GlossArticleSort *out_sort)
{
  static const char * const names[] = { "added", "published", "title" };

  g_return_val_if_fail (out_sort != NULL, FALSE);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (name, names[i]))
      {
        *out_sort = (GlossArticleSort) i;
        return TRUE;
      }

  return FALSE;
}

#define SUMMARY_COLUMNS \
  "a.id, a.uuid, a.title, a.byline, a.site_name, a.url, a.published, a.source_name," \
  " a.imported_at, a.unread, a.archived, a.n_blocks," \
  " (SELECT count(*) FROM article_versions WHERE article = a.id)," \
  " (SELECT count(*) FROM annotations WHERE article = a.id AND kind = 'claim')," \
  " (SELECT count(*) FROM annotations WHERE article = a.id AND kind = 'denial')," \
  " (SELECT count(*) FROM annotations WHERE article = a.id AND kind = 'evidence')," \
  " (SELECT count(*) FROM annotations WHERE article = a.id AND kind = 'question')," \
  " (SELECT count(*) FROM annotations WHERE article = a.id AND kind = 'note')," \
  " a.n_words, a.read_position, a.read_offset"

/* One count a kind, in GlossAnnotationKind's order, from column 13 on. */
#define SUMMARY_COUNTS_COLUMN 13
#define SUMMARY_AFTER_COUNTS_COLUMN (SUMMARY_COUNTS_COLUMN + GLOSS_ANNOTATION_KIND_LAST + 1)

static GlossArticleSummary *
summary_from_row (sqlite3_stmt *statement)
{
  GlossArticleSummary *summary = g_new0 (GlossArticleSummary, 1);

  summary->id = sqlite3_column_int64 (statement, 0);
  summary->uuid = gloss_sql_dup_text (statement, 1);
  summary->title = gloss_sql_dup_text (statement, 2);
  summary->byline = gloss_sql_dup_text (statement, 3);
  summary->site_name = gloss_sql_dup_text (statement, 4);
  summary->url = gloss_sql_dup_text (statement, 5);
  summary->published = gloss_sql_dup_text (statement, 6);
  summary->source_name = gloss_sql_dup_text (statement, 7);
  summary->imported_at = gloss_sql_dup_text (statement, 8);
  summary->unread = sqlite3_column_int (statement, 9) != 0;
  summary->archived = sqlite3_column_int (statement, 10) != 0;
  summary->n_blocks = sqlite3_column_int (statement, 11);
  summary->n_versions = sqlite3_column_int (statement, 12);
  for (guint k = 0; k <= GLOSS_ANNOTATION_KIND_LAST; k++)
    summary->counts[k] = sqlite3_column_int (statement, SUMMARY_COUNTS_COLUMN + k);
  summary->n_words = sqlite3_column_int (statement, SUMMARY_AFTER_COUNTS_COLUMN);
  summary->read_block = sqlite3_column_int (statement, SUMMARY_AFTER_COUNTS_COLUMN + 1);
  summary->read_offset = sqlite3_column_int (statement, SUMMARY_AFTER_COUNTS_COLUMN + 2);
  return summary;
}

/**
 * gloss_store_list_articles_full:
 * @self: a #GlossStore
 * @filter: #GlossArticleFilter flags, combined with AND
 * @sort: the order
 * @error: return location for a %GLOSS_ERROR
 *
 * The library's rows, read without the article bodies, so a list model of
 * ten thousand articles loads at once.
 *
 * Returns: (transfer full) (element-type GlossArticleSummary): the articles,
 *   or %NULL with @error set
 */
GPtrArray *
gloss_store_list_articles_full (GlossStore          *self,
                                GlossArticleFilter   filter,
                                GlossArticleSort     sort,
                                GError             **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT " SUMMARY_COLUMNS " FROM articles a WHERE 1");
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  /* Only constant SQL is appended here; nothing comes from the caller. */
  if (filter & GLOSS_ARTICLE_FILTER_UNREAD)
    g_string_append (sql, " AND a.unread <> 0");
  if (filter & GLOSS_ARTICLE_FILTER_ARCHIVED)
    g_string_append (sql, " AND a.archived <> 0");
  if (filter & GLOSS_ARTICLE_FILTER_NOT_ARCHIVED)
    g_string_append (sql, " AND a.archived = 0");
  if (filter & GLOSS_ARTICLE_FILTER_ANNOTATED)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM annotations WHERE article = a.id)");

  switch (sort)
    {
    case GLOSS_ARTICLE_SORT_PUBLISHED:
      g_string_append (sql, " ORDER BY a.published IS NULL, a.published DESC,"
                            " a.imported_at DESC, a.id DESC");
      break;
    case GLOSS_ARTICLE_SORT_TITLE:
      g_string_append (sql, " ORDER BY a.title COLLATE NOCASE, a.id");
      break;
    case GLOSS_ARTICLE_SORT_ADDED:
    default:
      g_string_append (sql, " ORDER BY a.imported_at DESC, a.id DESC");
      break;
    }

  statement = gloss_store_prepare (self, sql->str, error);
  if (statement == NULL)
    return NULL;

  summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_article_summary_free);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    g_ptr_array_add (summaries, summary_from_row (statement));
  if (rc != SQLITE_DONE)
    {
      gloss_store_set_error (self, error, rc, _("listing the articles"));
      return NULL;
    }

  return g_steal_pointer (&summaries);
}

static void
set_not_found (GError **error,
               gint64   article_id)
{
  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
               _("There is no article %" PRId64 " in the library"), article_id);
}

/**
 * gloss_store_dup_article_summary:
 *
 * One row of gloss_store_list_articles_full(), to refresh a list item after
 * a change.
 *
 * Returns: (transfer full): the summary, or %NULL with %GLOSS_ERROR_NOT_FOUND
 *   or a database error
 */
GlossArticleSummary *
gloss_store_dup_article_summary (GlossStore  *self,
                                 gint64       article_id,
                                 GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  statement = gloss_store_prepare (self, "SELECT " SUMMARY_COLUMNS " FROM articles a WHERE a.id = ?1",
                                   error);
  if (statement == NULL)
    return NULL;
  sqlite3_bind_int64 (statement, 1, article_id);
  rc = sqlite3_step (statement);
  if (rc == SQLITE_ROW)
    return summary_from_row (statement);
  if (rc == SQLITE_DONE)
    set_not_found (error, article_id);
  else
    gloss_store_set_error (self, error, rc, _("reading the article"));
  return NULL;
}

/* One UPDATE of one article row, which is its own transaction.  @sql skips
 * a row that already holds the values: a commit costs a sync to disk, and
 * opening an article that is already read should not wait for one. */
static gboolean
update_article (GlossStore  *self,
                gint64       article_id,
                const char  *sql,
                gint64       first,
                gint64       second,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = gloss_store_prepare (self, sql, error);

  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, first);
  sqlite3_bind_int64 (statement, 2, second);
  sqlite3_bind_int64 (statement, 3, article_id);
  if (!gloss_store_step_done (self, statement, _("saving the article"), error))
    return FALSE;
  if (sqlite3_changes (gloss_store_get_db (self)) == 0)
    {
      g_autoptr(sqlite3_stmt) exists = NULL;
      int rc;

      exists = gloss_store_prepare (self, "SELECT 1 FROM articles WHERE id = ?1", error);
      if (exists == NULL)
        return FALSE;
      sqlite3_bind_int64 (exists, 1, article_id);
      rc = sqlite3_step (exists);
      if (rc == SQLITE_DONE)
        set_not_found (error, article_id);
      else if (rc != SQLITE_ROW)
        gloss_store_set_error (self, error, rc, _("saving the article"));
      if (rc != SQLITE_ROW)
        return FALSE;
    }

  return TRUE;
}

gboolean
gloss_store_set_article_unread (GlossStore  *self,
                                gint64       article_id,
                                gboolean     unread,
                                GError     **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);

  return update_article (self, article_id, "UPDATE articles SET unread = ?1"
                         " WHERE id = ?3 AND unread IS NOT ?1 AND ?2 = 0",
                         unread ? 1 : 0, 0, error);
}

gboolean
gloss_store_set_article_archived (GlossStore  *self,
                                  gint64       article_id,
                                  gboolean     archived,
                                  GError     **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);

  return update_article (self, article_id, "UPDATE articles SET archived = ?1"
                         " WHERE id = ?3 AND archived IS NOT ?1 AND ?2 = 0",
                         archived ? 1 : 0, 0, error);
}

/**
 * gloss_store_set_reading_position:
 * @self: a #GlossStore
 * @article_id: the article
 * @block: the block at the top of the reader
 * @offset: the code point inside @block
 * @error: return location for a %GLOSS_ERROR
 *
 * Remembers where the reader left the article, in the same (block, offset)
 * terms as anchors, so it survives a change of font or window size.
 *
 * Returns: %TRUE when saved
 */
gboolean
gloss_store_set_reading_position (GlossStore  *self,
                                  gint64       article_id,
                                  guint        block,
                                  guint        offset,
                                  GError     **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);

  return update_article (self, article_id,
                         "UPDATE articles SET read_position = ?1, read_offset = ?2 WHERE id = ?3"
                         " AND (read_position IS NOT ?1 OR read_offset IS NOT ?2)",
                         block, offset, error);
}

gboolean
gloss_store_get_reading_position (GlossStore  *self,
                                  gint64       article_id,
                                  guint       *out_block,
                                  guint       *out_offset,
                                  GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);

  statement = gloss_store_prepare (self,
                                   "SELECT read_position, read_offset FROM articles WHERE id = ?1",
                                   error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, article_id);
  rc = sqlite3_step (statement);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        set_not_found (error, article_id);
      else
        gloss_store_set_error (self, error, rc, _("reading the article"));
      return FALSE;
    }

  if (out_block != NULL)
    *out_block = MAX (sqlite3_column_int (statement, 0), 0);
  if (out_offset != NULL)
    *out_offset = MAX (sqlite3_column_int (statement, 1), 0);
  return TRUE;
}

/* Delete and Undo */

struct _GlossSnapshotTable
{
  char *name;
  GPtrArray *columns;   /* char * */
  GPtrArray *rows;      /* sqlite3_value *[n_columns] */
};
typedef GlossSnapshotTable SnapshotTable;

struct _GlossDeletedArticle
{
  gint64 article_id;
  guint n_annotations;
  GPtrArray *tables;    /* SnapshotTable, in the order to write them back */
};

static void
snapshot_table_free (SnapshotTable *table)
{
  for (guint i = 0; i < table->rows->len; i++)
    {
      sqlite3_value **row = g_ptr_array_index (table->rows, i);

      for (guint c = 0; c < table->columns->len; c++)
        sqlite3_value_free (row[c]);
      g_free (row);
    }
  g_ptr_array_unref (table->rows);
  g_ptr_array_unref (table->columns);
  g_free (table->name);
  g_free (table);
}

void
gloss_deleted_article_free (GlossDeletedArticle *deleted)
{
  if (deleted == NULL)
    return;

  g_ptr_array_unref (deleted->tables);
  g_free (deleted);
}

gint64
gloss_deleted_article_get_id (GlossDeletedArticle *deleted)
{
  g_return_val_if_fail (deleted != NULL, 0);

  return deleted->article_id;
}

guint
gloss_deleted_article_get_n_annotations (GlossDeletedArticle *deleted)
{
  g_return_val_if_fail (deleted != NULL, 0);

  return deleted->n_annotations;
}

/* Copies every column of the rows @sql selects (with ?1 the article), so
 * columns later migrations add come back too. */
static SnapshotTable *
snapshot_rows (GlossStore  *self,
               const char  *table_name,
               const char  *sql,
               gint64       article_id,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = gloss_store_prepare (self, sql, error);
  SnapshotTable *table;
  int n_columns;
  int rc;

  if (statement == NULL)
    return NULL;
  sqlite3_bind_int64 (statement, 1, article_id);

  table = g_new0 (SnapshotTable, 1);
  table->name = g_strdup (table_name);
  table->columns = g_ptr_array_new_with_free_func (g_free);
  table->rows = g_ptr_array_new ();
  n_columns = sqlite3_column_count (statement);
  for (int c = 0; c < n_columns; c++)
    g_ptr_array_add (table->columns, g_strdup (sqlite3_column_name (statement, c)));

  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      sqlite3_value **row = g_new0 (sqlite3_value *, n_columns);

      for (int c = 0; c < n_columns; c++)
        row[c] = sqlite3_value_dup (sqlite3_column_value (statement, c));
      g_ptr_array_add (table->rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      gloss_store_set_error (self, error, rc, _("reading the article"));
      snapshot_table_free (table);
      return NULL;
    }

  return table;
}

/**
 * gloss_store_delete_article:
 * @self: a #GlossStore
 * @article_id: the article to delete
 * @error: return location for a %GLOSS_ERROR
 *
 * Deletes the article, its earlier versions, blocks, annotations, their
 * links and search rows, in one transaction, and returns what it took so
 * gloss_store_restore_article() can undo it.
 *
 * Returns: (transfer full): the snapshot for Undo, or %NULL with @error set
 *   (%GLOSS_ERROR_NOT_FOUND when there is no such article)
 */
GlossDeletedArticle *
gloss_store_delete_article (GlossStore  *self,
                            gint64       article_id,
                            GError     **error)
{
  static const struct
  {
    const char *table;
    const char *sql;
  } parts[] = {
    { "articles", "SELECT * FROM articles WHERE id = ?1" },
    { "article_versions", "SELECT * FROM article_versions WHERE article = ?1" },
    { "blocks", "SELECT * FROM blocks WHERE article = ?1" },
    { "annotations", "SELECT * FROM annotations WHERE article = ?1" },
    { "annotation_links",
      "SELECT * FROM annotation_links WHERE"
      " from_annotation IN (SELECT id FROM annotations WHERE article = ?1) OR"
      " to_annotation IN (SELECT id FROM annotations WHERE article = ?1)" },
  };
  g_autoptr(GlossDeletedArticle) deleted = NULL;
  g_autoptr(sqlite3_stmt) statement = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  deleted = g_new0 (GlossDeletedArticle, 1);
  deleted->article_id = article_id;
  deleted->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) snapshot_table_free);

  if (!gloss_store_begin (self, error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      SnapshotTable *table = snapshot_rows (self, parts[i].table, parts[i].sql, article_id, error);

      if (table == NULL)
        goto failed;
      g_ptr_array_add (deleted->tables, table);
      if (i == 0 && table->rows->len == 0)
        {
          set_not_found (error, article_id);
          goto failed;
        }
      if (g_str_equal (parts[i].table, "annotations"))
        deleted->n_annotations = table->rows->len;
    }

  /* The cascade and the triggers take the rest, search rows included. */
  statement = gloss_store_prepare (self, "DELETE FROM articles WHERE id = ?1", error);
  if (statement == NULL)
    goto failed;
  sqlite3_bind_int64 (statement, 1, article_id);
  if (!gloss_store_step_done (self, statement, _("deleting the article"), error) ||
      !gloss_store_commit (self, error))
    goto failed;

  return g_steal_pointer (&deleted);

failed:
  gloss_store_rollback (self);
  return NULL;
}

static sqlite3_value *
row_value (SnapshotTable  *table,
           sqlite3_value **row,
           const char     *column)
{
  for (guint c = 0; c < table->columns->len; c++)
    if (g_str_equal (g_ptr_array_index (table->columns, c), column))
      return row[c];

  return NULL;
}

/* Ids are never reused (schema 5), so what stands in the way of a deleted
 * article coming back is something imported since: its file, or one of
 * its annotations imported from another tool.  Says which article holds
 * it now, so the user knows what to delete to get this one back. */
static void
set_restore_conflict (GlossStore      *self,
                      SnapshotTable   *table,
                      sqlite3_value  **row,
                      GError         **error)
{
  g_autofree char *detail = g_strdup (sqlite3_errmsg (gloss_store_get_db (self)));
  g_autoptr(sqlite3_stmt) statement = NULL;
  gboolean is_article = g_str_equal (table->name, "articles");
  sqlite3_value *key = NULL;
  const char *sql = NULL;

  if (is_article)
    {
      key = row_value (table, row, "source_sha256");
      sql = "SELECT id, title FROM articles WHERE source_sha256 = ?1";
    }
  else if (g_str_equal (table->name, "annotations"))
    {
      key = row_value (table, row, "source_id");
      sql = "SELECT a.id, a.title FROM annotations n JOIN articles a ON a.id = n.article "
            "WHERE n.source_id = ?1";
    }

  if (key != NULL && sqlite3_value_type (key) != SQLITE_NULL &&
      (statement = gloss_store_prepare (self, sql, NULL)) != NULL)
    {
      sqlite3_bind_value (statement, 1, key);
      if (sqlite3_step (statement) == SQLITE_ROW)
        {
          const char *title = (const char *) sqlite3_column_text (statement, 1);
          g_autofree char *name = NULL;

          if (title != NULL && *title != '\0')
            /* Translators: quotation marks around an article's title */
            name = g_strdup_printf (_("“%s”"), title);
          else
            /* Translators: names an article without a title */
            name = g_strdup_printf (_("article %" PRId64), (gint64) sqlite3_column_int64 (statement, 0));

          if (is_article)
            g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                         /* Translators: %s names the article that holds the file now */
                         _("The same file came into the library again after the article was "
                           "deleted, as %s"), name);
          else
            g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                         /* Translators: %s names the article the annotation is in now */
                         _("One of the article’s annotations was imported again after the "
                           "article was deleted, into %s"), name);
          return;
        }
    }

  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
               /* Translators: %s is SQLite's description of the conflict */
               _("The library changed after the article was deleted (%s)"), detail);
}

static gboolean
restore_table (GlossStore     *self,
               SnapshotTable  *table,
               GError        **error)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO ");
  g_autoptr(sqlite3_stmt) statement = NULL;
  /* A link to an annotation of another article deleted since then cannot
   * come back; the rest of the article still does. */
  gboolean links = g_str_equal (table->name, "annotation_links");

  /* Identifiers come from the schema itself (sqlite3_column_name), values
   * are bound. */
  g_string_append_printf (sql, "\"%s\" (", table->name);
  for (guint c = 0; c < table->columns->len; c++)
    g_string_append_printf (sql, "%s\"%s\"", c > 0 ? ", " : "",
                            (const char *) g_ptr_array_index (table->columns, c));
  g_string_append (sql, ") VALUES (");
  for (guint c = 0; c < table->columns->len; c++)
    g_string_append_printf (sql, "%s?%u", c > 0 ? ", " : "", c + 1);
  g_string_append (sql, ")");

  statement = gloss_store_prepare (self, sql->str, error);
  if (statement == NULL)
    return FALSE;

  for (guint i = 0; i < table->rows->len; i++)
    {
      sqlite3_value **row = g_ptr_array_index (table->rows, i);
      int rc;

      sqlite3_reset (statement);
      for (guint c = 0; c < table->columns->len; c++)
        sqlite3_bind_value (statement, c + 1, row[c]);
      rc = sqlite3_step (statement);
      if (rc == SQLITE_DONE || (links && (rc & 0xff) == SQLITE_CONSTRAINT))
        continue;
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        set_restore_conflict (self, table, row, error);
      else
        gloss_store_set_error (self, error, rc, _("restoring the article"));
      return FALSE;
    }

  return TRUE;
}

/**
 * gloss_store_restore_article:
 * @self: a #GlossStore
 * @deleted: what gloss_store_delete_article() returned
 * @error: return location for a %GLOSS_ERROR
 *
 * Undoes a deletion: the article comes back with the same id, text,
 * reading state, annotations, links and search rows, in one transaction.
 * Ids are never handed out twice, so imports and new annotations since the
 * deletion are no obstacle.  Fails with %GLOSS_ERROR_INVALID_ARGUMENT,
 * changing nothing and naming the article that stands in the way, when the
 * same file or one of its imported annotations came into the library
 * again meanwhile.
 *
 * Returns: %TRUE when the article is back
 */
gboolean
gloss_store_restore_article (GlossStore           *self,
                             GlossDeletedArticle  *deleted,
                             GError              **error)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (deleted != NULL, FALSE);

  if (!gloss_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < deleted->tables->len; i++)
    if (!restore_table (self, g_ptr_array_index (deleted->tables, i), error))
      goto failed;

  if (!gloss_store_index_article (self, deleted->article_id, NULL, error) ||
      !gloss_store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  gloss_store_rollback (self);
  return FALSE;
}

/* The same snapshots for one annotation's Delete and Undo
 * (gloss-store-annotations.c), with ?1 its id. */
GlossSnapshotTable *
gloss_store_snapshot_rows (GlossStore  *self,
                           const char  *table_name,
                           const char  *sql,
                           gint64       id,
                           GError     **error)
{
  return snapshot_rows (self, table_name, sql, id, error);
}

gboolean
gloss_store_restore_rows (GlossStore          *self,
                          GlossSnapshotTable  *table,
                          GError             **error)
{
  return restore_table (self, table, error);
}

guint
gloss_snapshot_table_get_n_rows (GlossSnapshotTable *table)
{
  return table->rows->len;
}

void
gloss_snapshot_table_free (GlossSnapshotTable *table)
{
  if (table != NULL)
    snapshot_table_free (table);
}
