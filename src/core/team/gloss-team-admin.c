/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-team"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-team-private.h"
#include "gloss-team-resources.h"

void
gloss_team_member_free (GlossTeamMember *member)
{
  if (member == NULL)
    return;
  g_free (member->person);
  g_free (member->display_name);
  g_free (member->role);
  g_free (member);
}

/**
 * gloss_team_get_server_schema_sql:
 *
 * Returns: the SQL that sets up a database for team libraries at
 * %GLOSS_TEAM_SERVER_SCHEMA_VERSION: the files installed as
 * team/gloss-team-schema.sql and the upgrades after it
 * (gloss-team-schema-2.sql …), one after the other; static.
 */
const char *
gloss_team_get_server_schema_sql (void)
{
  static const char *sql;

  if (g_once_init_enter (&sql))
    {
      GString *all = g_string_new (NULL);

      /* Registered here, not by a constructor: the linker may drop a
       * static library's object that nothing calls into. */
      gloss_team_register_resource ();
      for (guint version = 1; version <= GLOSS_TEAM_SERVER_SCHEMA_VERSION; version++)
        {
          g_autofree char *path = version == 1
            ? g_strdup ("/io/github/glossapp/Gloss/team/gloss-team-schema.sql")
            : g_strdup_printf ("/io/github/glossapp/Gloss/team/gloss-team-schema-%u.sql",
                               version);
          g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                             NULL);

          g_assert (bytes != NULL);
          g_string_append_len (all, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
          g_string_append_c (all, '\n');
        }
      g_once_init_leave (&sql, g_string_free (all, FALSE));
    }
  return sql;
}

/* Only the SCRAM verifier reaches the server, never the password. */
static char *
dup_verifier (GlossTeamConnection  *self,
              const char           *person,
              const char           *password,
              GError              **error)
{
  PGconn *conn = gloss_team_connection_get_conn (self);
  char *encrypted = PQencryptPasswordConn (conn, password, person, "scram-sha-256");
  char *copy;

  if (encrypted == NULL)
    {
      g_set_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_FAILED,
                   _("Could not encrypt the password: %s"), PQerrorMessage (conn));
      return NULL;
    }
  copy = g_strdup (encrypted);
  PQfreemem (encrypted);
  return copy;
}

/**
 * gloss_team_add_person:
 * @self: a connection of a team administrator
 * @person: the new login name
 * @password: their first password
 * @display_name: (nullable): their name as the team sees it; %NULL for @person
 * @admin: whether they may create libraries and add people too
 */
gboolean
gloss_team_add_person (GlossTeamConnection  *self,
                       const char           *person,
                       const char           *password,
                       const char           *display_name,
                       gboolean              admin,
                       GError              **error)
{
  g_autofree char *verifier = dup_verifier (self, person, password, error);
  g_autoptr(PGresult) result = NULL;
  const char *params[4];

  if (verifier == NULL)
    return FALSE;

  params[0] = person;
  params[1] = verifier;
  params[2] = display_name != NULL ? display_name : person;
  params[3] = admin ? "true" : "false";
  result = gloss_team_query (self, "SELECT gloss.add_person ($1, $2, $3, $4)", 4, params,
                             _("adding a person"), error);
  return result != NULL;
}

/**
 * gloss_team_init_server:
 * @superuser: a connection to the team's (empty) database as a superuser
 *
 * Sets up the database for team libraries and makes its first
 * administrator, in one transaction: on any failure nothing is left.
 */
gboolean
gloss_team_init_server (GlossTeamConnection  *superuser,
                        const char           *admin,
                        const char           *admin_password,
                        const char           *display_name,
                        GError              **error)
{
  if (!gloss_team_exec (superuser, "BEGIN", _("setting up the team database"), error))
    return FALSE;
  if (!gloss_team_exec (superuser, gloss_team_get_server_schema_sql (),
                        _("setting up the team database"), error) ||
      !gloss_team_add_person (superuser, admin, admin_password, display_name, TRUE, error) ||
      !gloss_team_exec (superuser, "COMMIT", _("setting up the team database"), error))
    {
      gloss_team_rollback (superuser);
      return FALSE;
    }
  return TRUE;
}

/**
 * gloss_team_create_library:
 *
 * Creates a team library; the administrator who creates it is its first
 * admin.  Returns: (transfer full): its uuid
 */
char *
gloss_team_create_library (GlossTeamConnection  *self,
                           const char           *name,
                           GError              **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(PGresult) result = NULL;
  const char *params[2] = { uuid, name };

  result = gloss_team_query (self, "SELECT gloss.create_library ($1, $2)", 2, params,
                             _("creating the team library"), error);
  if (result == NULL)
    return NULL;
  return g_steal_pointer (&uuid);
}

/**
 * gloss_team_find_library:
 *
 * Returns: (transfer full): the uuid of the team library called @name
 * that the person connected belongs to
 */
char *
gloss_team_find_library (GlossTeamConnection  *self,
                         const char           *name,
                         GError              **error)
{
  g_autoptr(PGresult) result = NULL;
  const char *params[1] = { name };

  result = gloss_team_query (self, "SELECT id FROM gloss.libraries WHERE name = $1", 1, params,
                             _("looking for the team library"), error);
  if (result == NULL)
    return NULL;
  if (PQntuples (result) == 0)
    {
      g_set_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_NOT_FOUND,
                   _("%s belongs to no team library called “%s”"),
                   gloss_team_connection_get_user (self), name);
      return NULL;
    }
  return g_strdup (PQgetvalue (result, 0, 0));
}

/**
 * gloss_team_set_member:
 * @role: (nullable): "reader", "editor" or "admin"; %NULL takes @person out
 */
gboolean
gloss_team_set_member (GlossTeamConnection  *self,
                       const char           *library_uuid,
                       const char           *person,
                       const char           *role,
                       GError              **error)
{
  g_autoptr(PGresult) result = NULL;
  const char *params[3] = { library_uuid, person, role };

  if (role != NULL && !g_str_equal (role, "reader") && !g_str_equal (role, "editor") &&
      !g_str_equal (role, "admin"))
    {
      g_set_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_REFUSED,
                   _("“%s” is not a role (reader, editor or admin)"), role);
      return FALSE;
    }
  result = gloss_team_query (self, "SELECT gloss.set_member ($1, $2, $3)", 3, params,
                             _("changing the members"), error);
  return result != NULL;
}

/**
 * gloss_team_list_members:
 *
 * Returns: (element-type GlossTeamMember) (transfer full): the library's
 *   members by login name
 */
GPtrArray *
gloss_team_list_members (GlossTeamConnection  *self,
                         const char           *library_uuid,
                         GError              **error)
{
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_team_member_free);
  const char *params[1] = { library_uuid };

  result = gloss_team_query (self,
                             /* to_jsonb (m): a server of schema version 1
                              * has no members.display_name, and still
                              * answers this */
                             "SELECT m.person,"
                             " coalesce (to_jsonb (m) ->> 'display_name', p.display_name, m.person),"
                             " m.role"
                             " FROM gloss.members m LEFT JOIN gloss.people p USING (person)"
                             " WHERE m.library = $1 ORDER BY m.person", 1, params,
                             _("listing the members"), error);
  if (result == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (result); i++)
    {
      GlossTeamMember *member = g_new0 (GlossTeamMember, 1);

      member->person = g_strdup (PQgetvalue (result, i, 0));
      member->display_name = g_strdup (PQgetvalue (result, i, 1));
      member->role = g_strdup (PQgetvalue (result, i, 2));
      g_ptr_array_add (members, member);
    }
  return g_steal_pointer (&members);
}
