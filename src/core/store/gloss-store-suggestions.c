/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-store"

#include "config.h"

#include "gloss-error.h"
#include "gloss-store-private.h"
#include "gloss-store-suggestions.h"

/* Suggestions are computed each time an article opens and never stored;
 * only the reader's "not this one" is, per article, so a dismissed
 * suggestion stays dismissed.  A sentence is known by its place and its
 * words: when an update changes the words at that place, the suggestion
 * there is new and shows again. */

static void
clear_dismissed (gpointer data)
{
  GlossDismissedSuggestion *d = data;

  g_free (d->exact);
}

/**
 * gloss_store_dismiss_suggestion:
 * @self: a #GlossStore
 * @article_id: the article
 * @block: the sentence's block
 * @start: its first code point
 * @end: one past its last code point
 * @exact: its words
 * @error: return location for a %GLOSS_ERROR
 *
 * Remembers that the reader dismissed the suggestion on that sentence.
 *
 * Returns: %TRUE when saved
 */
gboolean
gloss_store_dismiss_suggestion (GlossStore  *self,
                                gint64       article_id,
                                guint        block,
                                glong        start,
                                glong        end,
                                const char  *exact,
                                GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *now = gloss_store_now ();

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (exact != NULL, FALSE);

  statement = gloss_store_prepare (self,
                                   "INSERT OR REPLACE INTO dismissed_suggestions"
                                   " (article, block, start, end, exact, dismissed_at)"
                                   " SELECT ?1, ?2, ?3, ?4, ?5, ?6"
                                   " WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?1)",
                                   error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, article_id);
  sqlite3_bind_int (statement, 2, (int) block);
  sqlite3_bind_int64 (statement, 3, start);
  sqlite3_bind_int64 (statement, 4, end);
  gloss_sql_bind_text (statement, 5, exact);
  gloss_sql_bind_text (statement, 6, now);
  if (!gloss_store_step_done (self, statement, "dismissing a suggestion", error))
    return FALSE;
  if (sqlite3_changes (gloss_store_get_db (self)) == 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                   "No article has the id %" G_GINT64_FORMAT, article_id);
      return FALSE;
    }
  return TRUE;
}

/* Undoes gloss_store_dismiss_suggestion(). */
gboolean
gloss_store_restore_suggestion (GlossStore  *self,
                                gint64       article_id,
                                guint        block,
                                glong        start,
                                glong        end,
                                GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);

  statement = gloss_store_prepare (self,
                                   "DELETE FROM dismissed_suggestions"
                                   " WHERE article = ?1 AND block = ?2 AND start = ?3 AND end = ?4",
                                   error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, article_id);
  sqlite3_bind_int (statement, 2, (int) block);
  sqlite3_bind_int64 (statement, 3, start);
  sqlite3_bind_int64 (statement, 4, end);
  return gloss_store_step_done (self, statement, "restoring a suggestion", error);
}

/**
 * gloss_store_list_dismissed_suggestions:
 * @self: a #GlossStore
 * @article_id: the article
 * @error: return location for a %GLOSS_ERROR
 *
 * Returns: (transfer full) (element-type GlossDismissedSuggestion): the
 * suggestions dismissed on the article, in document order, or %NULL on
 * error
 */
GArray *
gloss_store_list_dismissed_suggestions (GlossStore  *self,
                                        gint64       article_id,
                                        GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GArray) out = g_array_new (FALSE, TRUE, sizeof (GlossDismissedSuggestion));
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  g_array_set_clear_func (out, clear_dismissed);
  statement = gloss_store_prepare (self,
                                   "SELECT block, start, end, exact FROM dismissed_suggestions"
                                   " WHERE article = ?1 ORDER BY block, start",
                                   error);
  if (statement == NULL)
    return NULL;
  sqlite3_bind_int64 (statement, 1, article_id);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      GlossDismissedSuggestion d;

      d.block = (guint) sqlite3_column_int (statement, 0);
      d.start = (glong) sqlite3_column_int64 (statement, 1);
      d.end = (glong) sqlite3_column_int64 (statement, 2);
      d.exact = gloss_sql_dup_text (statement, 3);
      g_array_append_val (out, d);
    }
  if (rc != SQLITE_DONE)
    {
      gloss_store_set_error (self, error, rc, "listing dismissed suggestions");
      return NULL;
    }
  return g_steal_pointer (&out);
}
