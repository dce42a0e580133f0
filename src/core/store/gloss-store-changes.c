/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-store-changes"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-store-changes.h"
#include "gloss-store-private.h"

/*
 * The window keeps its library open for hours while gloss-cli (or a script,
 * or a second Gloss) writes to the same file.  SQLite's data_version is the
 * cheap way to notice: it changes on this connection only when another
 * connection committed, so the window's own writes never look like news,
 * and asking costs no read of any table.  When it changed, a signature of
 * one article (its text's version and its annotations and links) tells
 * whether the article on screen needs reading again, so an edit in
 * progress is not thrown away for a change elsewhere in the library.
 */

/**
 * gloss_store_read_data_version:
 * @self: a #GlossStore
 * @out_version: (out): a number that changes when another connection commits
 * @error: return location for a #GError
 *
 * Returns: whether it could be read
 */
gboolean
gloss_store_read_data_version (GlossStore  *self,
                               gint64      *out_version,
                               GError     **error)
{
  sqlite3_stmt *statement;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_version != NULL, FALSE);

  statement = gloss_store_prepare_cached (self, "PRAGMA data_version", error);
  if (statement == NULL)
    return FALSE;

  rc = sqlite3_step (statement);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (statement);
      gloss_store_set_error (self, error, rc, _("checking the library for changes"));
      return FALSE;
    }

  *out_version = sqlite3_column_int64 (statement, 0);
  sqlite3_reset (statement);
  return TRUE;
}

/**
 * gloss_store_dup_article_signature:
 * @self: a #GlossStore
 * @article_id: the article
 * @error: return location for a #GError
 *
 * A short text that changes whenever the article's text is replaced or
 * cleaned again, or one of its annotations or their links is added,
 * changed or removed.  Compare two signatures for equality only.
 *
 * Returns: (transfer full): the signature; "" for an article that is gone
 */
char *
gloss_store_dup_article_signature (GlossStore  *self,
                                   gint64       article_id,
                                   GError     **error)
{
  /* updated_at changes with every edit of an annotation; the sums of ids
   * catch one annotation or link replaced by another between two looks. */
  static const char sql[] =
    "SELECT"
    "  (SELECT source_sha256 || ':' || extractor_version FROM articles WHERE id = ?1),"
    "  (SELECT count(*) || ':' || total(id) || ':' || ifnull(max(updated_at), '')"
    "     FROM annotations WHERE article = ?1),"
    "  (SELECT count(*) || ':' || total(l.from_annotation * 31 + l.to_annotation)"
    "            || ':' || ifnull(group_concat(l.relation), '')"
    "     FROM annotation_links l JOIN annotations a ON a.id = l.from_annotation"
    "     WHERE a.article = ?1)";
  sqlite3_stmt *statement;
  char *signature;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  statement = gloss_store_prepare_cached (self, sql, error);
  if (statement == NULL)
    return NULL;

  sqlite3_bind_int64 (statement, 1, article_id);
  rc = sqlite3_step (statement);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (statement);
      gloss_store_set_error (self, error, rc, _("checking the library for changes"));
      return NULL;
    }

  if (sqlite3_column_type (statement, 0) == SQLITE_NULL)
    signature = g_strdup ("");
  else
    signature = g_strdup_printf ("%s|%s|%s",
                                 (const char *) sqlite3_column_text (statement, 0),
                                 (const char *) sqlite3_column_text (statement, 1),
                                 (const char *) sqlite3_column_text (statement, 2));
  sqlite3_reset (statement);
  return signature;
}

/**
 * gloss_store_get_own_changes:
 * @self: a #GlossStore
 *
 * A number that grows with every row this connection writes (and only
 * this one): the counterpart of gloss_store_read_data_version(), so a
 * watcher can tell its own writes from another program's.  It reads no
 * table.
 *
 * Returns: the rows written through @self since it was opened
 */
gint64
gloss_store_get_own_changes (GlossStore *self)
{
  g_return_val_if_fail (GLOSS_IS_STORE (self), 0);

  return (gint64) sqlite3_total_changes64 (gloss_store_get_db (self));
}
