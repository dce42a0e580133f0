/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-team"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-store-private.h"
#include "gloss-team-private.h"

/* What the window shows of team libraries, read from the local library
 * only (never the server): the articles shared to each, who made each
 * annotation the server has, and a cheap counter that says whether the
 * library changed at all, so the window recounts the changes waiting only
 * then. */

void
gloss_team_shared_article_free (GlossTeamSharedArticle *article)
{
  if (article == NULL)
    return;
  g_free (article->title);
  g_free (article);
}

/**
 * gloss_team_list_shared_articles:
 *
 * Returns: (element-type GlossTeamSharedArticle) (transfer full): the
 *   articles shared to the team library @library_id, by title
 */
GPtrArray *
gloss_team_list_shared_articles (GlossStore  *store,
                                 gint64       library_id,
                                 GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);

  statement = gloss_store_prepare (store,
                                   "SELECT a.id, a.title FROM team_shared s"
                                   " JOIN articles a ON a.uuid = s.article_uuid"
                                   " WHERE s.library = ?1 ORDER BY a.title COLLATE NOCASE, a.id",
                                   error);
  if (statement == NULL)
    return NULL;
  sqlite3_bind_int64 (statement, 1, library_id);
  articles = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_team_shared_article_free);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      GlossTeamSharedArticle *article = g_new0 (GlossTeamSharedArticle, 1);

      article->id = sqlite3_column_int64 (statement, 0);
      article->title = gloss_sql_dup_text (statement, 1);
      g_ptr_array_add (articles, article);
    }
  if (rc != SQLITE_DONE)
    {
      gloss_store_set_error (store, error, rc, _("reading the shared articles"));
      return NULL;
    }
  return g_steal_pointer (&articles);
}

/**
 * gloss_team_list_authors:
 *
 * Returns: (element-type utf8 utf8) (transfer full): for each annotation
 *   of the article @article_id the server has, by uuid, who made it: the
 *   name they picked in the team library, else their login; annotations
 *   made here and not yet synced are not in it
 */
GHashTable *
gloss_team_list_authors (GlossStore  *store,
                         gint64       article_id,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GHashTable) authors = NULL;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);

  statement = gloss_store_prepare (store,
                                   /* library IN (…): team_synced's key starts
                                    * with the library */
                                   "SELECT t.uuid, t.author FROM annotations n"
                                   " JOIN team_authors t"
                                   "  ON t.library IN (SELECT id FROM team_libraries)"
                                   "  AND t.uuid = n.uuid"
                                   " WHERE n.article = ?1",
                                   error);
  if (statement == NULL)
    return NULL;
  sqlite3_bind_int64 (statement, 1, article_id);
  authors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    g_hash_table_insert (authors, gloss_sql_dup_text (statement, 0),
                         gloss_sql_dup_text (statement, 1));
  if (rc != SQLITE_DONE)
    {
      gloss_store_set_error (store, error, rc, _("reading who made the annotations"));
      return NULL;
    }
  return g_steal_pointer (&authors);
}

/**
 * gloss_team_get_change_count:
 *
 * Returns: a number that grows whenever anything in the library changes,
 *   through this connection or another one (no table is read)
 */
gint64
gloss_team_get_change_count (GlossStore *store)
{
  gint64 data_version = 0;

  g_return_val_if_fail (GLOSS_IS_STORE (store), 0);

  if (!gloss_store_read_data_version (store, &data_version, NULL))
    return -1;
  return data_version + sqlite3_total_changes64 (gloss_store_get_db (store));
}
