/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-team"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "gloss-store-private.h"
#include "gloss-team-private.h"
#include "gloss-team-sync-private.h"

/*
 * The names the team sees on each other's work.  Each member picks theirs
 * per team library (schema version 2, gloss.members.display_name); a sync
 * brings the members' names here (team_people), so annotations show who
 * made them offline too (the team_authors view).
 */

/**
 * gloss_team_set_display_name:
 * @self: a connection of a member of the library
 * @library_uuid: the server library
 * @display_name: (nullable): the name the team sees on this person's work
 *   in it; %NULL or blank for their name on the server
 *
 * Changes it on the server; colleagues see it after their next sync.
 */
gboolean
gloss_team_set_display_name (GlossTeamConnection  *self,
                             const char           *library_uuid,
                             const char           *display_name,
                             GError              **error)
{
  g_autoptr(PGresult) version = NULL;
  g_autoptr(PGresult) result = NULL;
  const char *params[2] = { library_uuid, display_name };

  version = gloss_team_query (self, "SELECT max(version) FROM gloss.schema_version", 0, NULL,
                              _("choosing a display name"), error);
  if (version == NULL)
    return FALSE;
  if (PQgetisnull (version, 0, 0) || atoi (PQgetvalue (version, 0, 0)) < 2)
    {
      g_set_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_FAILED,
                   _("The team server was set up by an older Gloss and keeps no display names; "
                     "its administrator can upgrade it with gloss-team-schema-2.sql"));
      return FALSE;
    }
  if (display_name != NULL && g_utf8_strlen (display_name, -1) > 200)
    {
      g_set_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_FAILED,
                   _("A display name has at most 200 characters"));
      return FALSE;
    }
  result = gloss_team_query (self, "SELECT gloss.set_display_name ($1, $2)", 2, params,
                             _("choosing a display name"), error);
  return result != NULL;
}

/* Whether team_people already holds exactly @members for the library, so
 * a sync with nothing new writes nothing (a write would wake the window's
 * library watch). */
static gboolean
same_people (GlossStore  *store,
             gint64       library_id,
             GPtrArray   *members,
             gboolean    *out_same,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GHashTable) here = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int rc;

  statement = gloss_store_prepare (store,
                                   "SELECT person, display_name FROM team_people"
                                   " WHERE library = ?1", error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, library_id);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    g_hash_table_insert (here, gloss_sql_dup_text (statement, 0),
                         gloss_sql_dup_text (statement, 1));
  if (rc != SQLITE_DONE)
    {
      gloss_store_set_error (store, error, rc, _("reading the team library"));
      return FALSE;
    }
  *out_same = g_hash_table_size (here) == members->len;
  for (guint i = 0; *out_same && i < members->len; i++)
    {
      GlossTeamMember *member = g_ptr_array_index (members, i);

      *out_same = g_strcmp0 (g_hash_table_lookup (here, member->person),
                             member->display_name) == 0;
    }
  return TRUE;
}

/**
 * gloss_team_pull_people:
 *
 * Brings the members' display names of the team library @library_id here.
 */
gboolean
gloss_team_pull_people (GlossStore           *store,
                        gint64                library_id,
                        GlossTeamConnection  *connection,
                        const char           *library_uuid,
                        GError              **error)
{
  g_autoptr(GPtrArray) members = gloss_team_list_members (connection, library_uuid, error);
  g_autoptr(sqlite3_stmt) clear = NULL;
  gboolean same = FALSE;

  if (members == NULL || !same_people (store, library_id, members, &same, error))
    return FALSE;
  if (same)
    return TRUE;

  if (!gloss_store_begin (store, error))
    return FALSE;
  clear = gloss_store_prepare (store, "DELETE FROM team_people WHERE library = ?1", error);
  if (clear == NULL)
    goto failed;
  sqlite3_bind_int64 (clear, 1, library_id);
  if (!gloss_store_step_done (store, clear, _("saving the team library"), error))
    goto failed;
  for (guint i = 0; i < members->len; i++)
    {
      GlossTeamMember *member = g_ptr_array_index (members, i);
      g_autoptr(sqlite3_stmt) insert = NULL;

      insert = gloss_store_prepare (store,
                                    "INSERT INTO team_people (library, person, display_name)"
                                    " VALUES (?1, ?2, ?3)", error);
      if (insert == NULL)
        goto failed;
      sqlite3_bind_int64 (insert, 1, library_id);
      gloss_sql_bind_text (insert, 2, member->person);
      gloss_sql_bind_text (insert, 3, member->display_name);
      if (!gloss_store_step_done (store, insert, _("saving the team library"), error))
        goto failed;
    }
  if (!gloss_store_commit (store, error))
    goto failed;
  return TRUE;

failed:
  gloss_store_rollback (store);
  return FALSE;
}
