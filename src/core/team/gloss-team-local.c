/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-team"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "gloss-error.h"
#include "gloss-store-private.h"
#include "gloss-team-private.h"
#include "gloss-team-sync-private.h"

/* The team libraries this library syncs with, as rows of team_libraries
 * (store schema step 6). */

void
gloss_team_library_free (GlossTeamLibrary *library)
{
  if (library == NULL)
    return;
  g_free (library->name);
  g_free (library->conninfo);
  g_free (library->library_uuid);
  g_free (library->last_sync);
  g_free (library->last_error);
  g_free (library);
}

/**
 * gloss_team_check_conninfo:
 *
 * Whether @conninfo may be kept in a library: a valid libpq connection
 * string without a password (passwords live in the keyring, or in the
 * environment of a script, never in a file).
 */
gboolean
gloss_team_check_conninfo (const char  *conninfo,
                           GError     **error)
{
  PQconninfoOption *options = PQconninfoParse (conninfo, NULL);
  gboolean has_password = FALSE;

  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    if (g_str_equal (o->keyword, "password") && o->val != NULL)
      has_password = TRUE;
  if (options == NULL || has_password)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                   options == NULL ? _("The connection string is not valid")
                   : _("The connection string holds a password; passwords are never stored "
                       "in the library"));
      PQconninfoFree (options);
      return FALSE;
    }
  PQconninfoFree (options);
  return TRUE;
}

/**
 * gloss_team_add_library:
 * @name: the server library's name, also its name here
 * @conninfo: how to reach the server: a libpq connection string without
 *   a password (refused if it holds one: passwords live in the keyring)
 * @library_uuid: the server library's id (gloss_team_find_library())
 *
 * Returns: the new row's id, or 0 with @error set
 */
gint64
gloss_team_add_library (GlossStore  *store,
                        const char  *name,
                        const char  *conninfo,
                        const char  *library_uuid,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  if (!gloss_team_check_conninfo (conninfo, error))
    return 0;

  statement = gloss_store_prepare (store,
                                   "INSERT INTO team_libraries (name, conninfo, library_uuid)"
                                   " VALUES (?1, ?2, ?3)", error);
  if (statement == NULL)
    return 0;
  sqlite3_bind_text (statement, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 2, conninfo, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 3, library_uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (statement) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (gloss_store_get_db (store)) == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                     _("This library already syncs with a team library called “%s”"), name);
      else
        gloss_store_set_error (store, error, sqlite3_errcode (gloss_store_get_db (store)),
                               _("saving the team library"));
      return 0;
    }
  return sqlite3_last_insert_rowid (gloss_store_get_db (store));
}

static GlossTeamLibrary *
library_from_row (GlossStore    *store,
                  sqlite3_stmt  *statement,
                  GError       **error)
{
  g_autoptr(GlossTeamLibrary) library = g_new0 (GlossTeamLibrary, 1);
  g_autoptr(GPtrArray) changes = NULL;
  gint64 counter;
  gboolean clean;

  library->id = sqlite3_column_int64 (statement, 0);
  library->name = gloss_sql_dup_text (statement, 1);
  library->conninfo = gloss_sql_dup_text (statement, 2);
  library->library_uuid = gloss_sql_dup_text (statement, 3);
  library->pulled_version = sqlite3_column_int64 (statement, 4);
  library->last_sync = gloss_sql_dup_text (statement, 5);
  library->last_error = gloss_sql_dup_text (statement, 6);
  library->n_articles = sqlite3_column_int (statement, 7);
  library->n_conflicts = sqlite3_column_int (statement, 8);

  if (!gloss_team_changes_check (store, library->id, &counter, &clean, error))
    return NULL;
  if (!clean)
    {
      changes = gloss_team_collect_changes (store, library->id, error);
      if (changes == NULL)
        return NULL;
      library->n_pending = changes->len;
    }
  return g_steal_pointer (&library);
}

#define LIBRARY_COLUMNS \
  "SELECT id, name, conninfo, library_uuid, pulled_version, last_sync, last_error," \
  " (SELECT count(*) FROM team_shared s JOIN articles a ON a.uuid = s.article_uuid" \
  "  WHERE s.library = team_libraries.id)," \
  " (SELECT count(*) FROM team_conflicts c WHERE c.library = team_libraries.id)" \
  " FROM team_libraries "

/**
 * gloss_team_list_libraries:
 *
 * Returns: (element-type GlossTeamLibrary) (transfer full): by name
 */
GPtrArray *
gloss_team_list_libraries (GlossStore  *store,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GPtrArray) libraries = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_team_library_free);
  int rc;

  statement = gloss_store_prepare (store, LIBRARY_COLUMNS "ORDER BY name", error);
  if (statement == NULL)
    return NULL;
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      GlossTeamLibrary *library = library_from_row (store, statement, error);

      if (library == NULL)
        return NULL;
      g_ptr_array_add (libraries, library);
    }
  if (rc != SQLITE_DONE)
    {
      gloss_store_set_error (store, error, rc, _("reading the team libraries"));
      return NULL;
    }
  return g_steal_pointer (&libraries);
}

/**
 * gloss_team_dup_library:
 *
 * Returns: (transfer full): the team library called @name
 */
GlossTeamLibrary *
gloss_team_dup_library (GlossStore  *store,
                        const char  *name,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  int rc;

  statement = gloss_store_prepare (store, LIBRARY_COLUMNS "WHERE name = ?1", error);
  if (statement == NULL)
    return NULL;
  sqlite3_bind_text (statement, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (statement);
  if (rc == SQLITE_ROW)
    return library_from_row (store, statement, error);
  if (rc == SQLITE_DONE)
    g_set_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_NOT_FOUND,
                 _("This library syncs with no team library called “%s”"), name);
  else
    gloss_store_set_error (store, error, rc, _("reading the team libraries"));
  return NULL;
}

/**
 * gloss_team_share_article:
 *
 * Shares an article, with its annotations and their links, to a team
 * library; it goes to the server at the next sync.
 */
gboolean
gloss_team_share_article (GlossStore  *store,
                          gint64       library_id,
                          gint64       article_id,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  statement = gloss_store_prepare (store,
                                   "INSERT OR IGNORE INTO team_shared (library, article_uuid)"
                                   " SELECT ?1, uuid FROM articles WHERE id = ?2", error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, library_id);
  sqlite3_bind_int64 (statement, 2, article_id);
  if (!gloss_store_step_done (store, statement, _("sharing the article"), error))
    return FALSE;
  if (sqlite3_changes (gloss_store_get_db (store)) == 0)
    {
      g_autoptr(sqlite3_stmt) check = gloss_store_prepare (store,
                                                            "SELECT 1 FROM articles WHERE id = ?1",
                                                            error);
      if (check == NULL)
        return FALSE;
      sqlite3_bind_int64 (check, 1, article_id);
      if (sqlite3_step (check) != SQLITE_ROW)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                       _("There is no article %" PRId64 " in the library"), article_id);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * gloss_team_remove_library:
 *
 * Stops syncing with the team library @library_id.  The articles and
 * annotations it brought stay in this library as ordinary ones; what was
 * waiting to be sent is not sent.
 */
gboolean
gloss_team_remove_library (GlossStore  *store,
                           gint64       library_id,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  statement = gloss_store_prepare (store, "DELETE FROM team_libraries WHERE id = ?1", error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, library_id);
  if (!gloss_store_step_done (store, statement, _("removing the team library"), error))
    return FALSE;
  if (sqlite3_changes (gloss_store_get_db (store)) == 0)
    {
      g_set_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_NOT_FOUND,
                   _("This library syncs with no such team library"));
      return FALSE;
    }
  return TRUE;
}
