/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-team"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-team-private.h"

struct _GlossTeamConnection
{
  PGconn *conn;
  char *user;
};

G_DEFINE_QUARK (gloss-team-error-quark, gloss_team_error)

PGconn *
gloss_team_connection_get_conn (GlossTeamConnection *self)
{
  return self->conn;
}

const char *
gloss_team_connection_get_user (GlossTeamConnection *self)
{
  return self->user;
}

void
gloss_team_connection_free (GlossTeamConnection *self)
{
  if (self == NULL)
    return;
  PQfinish (self->conn);
  g_free (self->user);
  g_free (self);
}

/* libpq's messages end with a newline and may run over several lines; the
 * first line says what went wrong. */
static char *
first_line (const char *message)
{
  g_autofree char *copy = g_strstrip (g_strdup (message != NULL ? message : ""));
  char *newline = strchr (copy, '\n');

  if (newline != NULL)
    *newline = '\0';
  return g_strdup (copy);
}

static gboolean
conninfo_has (PQconninfoOption *options,
              const char       *keyword)
{
  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    if (g_str_equal (o->keyword, keyword) && o->val != NULL && *o->val != '\0')
      return TRUE;
  return FALSE;
}

/**
 * gloss_team_connection_open_any:
 * @conninfo: a libpq connection string or URI, without a password
 * @password: (nullable): the password, or %NULL for libpq's own sources
 *
 * Connects without looking at the database's schema (for `team init`).
 * The server's certificate is checked against the host name unless
 * @conninfo sets sslmode itself: a plain connection must be asked for.
 */
GlossTeamConnection *
gloss_team_connection_open_any (const char  *conninfo,
                                const char  *password,
                                GError     **error)
{
  g_autoptr(GlossTeamConnection) self = g_new0 (GlossTeamConnection, 1);
  PQconninfoOption *options;
  char *parse_error = NULL;
  const char *keywords[8];
  const char *values[8];
  guint n = 0;

  options = PQconninfoParse (conninfo, &parse_error);
  if (options == NULL)
    {
      g_autofree char *reason = first_line (parse_error);

      g_set_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_CONNECT,
                   _("The connection string is not valid: %s"), reason);
      PQfreemem (parse_error);
      return NULL;
    }

  keywords[n] = "dbname";
  values[n++] = conninfo;
  if (!conninfo_has (options, "sslmode"))
    {
      keywords[n] = "sslmode";
      values[n++] = "verify-full";
    }
  if (!conninfo_has (options, "connect_timeout"))
    {
      keywords[n] = "connect_timeout";
      values[n++] = "10";
    }
  if (password != NULL)
    {
      keywords[n] = "password";
      values[n++] = password;
    }
  keywords[n] = "application_name";
  values[n++] = "gloss";
  keywords[n] = "client_encoding";
  values[n++] = "UTF8";
  keywords[n] = NULL;
  values[n] = NULL;
  PQconninfoFree (options);

  /* expand_dbname: the first value is the whole string; those after it
   * fill in what it leaves unsaid. */
  self->conn = PQconnectdbParams (keywords, values, 1);
  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      g_autofree char *reason = first_line (PQerrorMessage (self->conn));

      g_set_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_CONNECT,
                   _("Could not connect to the team server: %s"), reason);
      return NULL;
    }
  self->user = g_strdup (PQuser (self->conn));

  return g_steal_pointer (&self);
}

/**
 * gloss_team_connection_open:
 *
 * Connects and checks that the database holds a Gloss team schema this
 * build understands.  A newer one is refused before anything is read or
 * written, so nothing local changes.
 */
GlossTeamConnection *
gloss_team_connection_open (const char  *conninfo,
                            const char  *password,
                            GError     **error)
{
  g_autoptr(GlossTeamConnection) self = gloss_team_connection_open_any (conninfo, password,
                                                                         error);
  g_autoptr(PGresult) result = NULL;
  int version;

  if (self == NULL)
    return NULL;

  result = PQexec (self->conn, "SELECT max(version) FROM gloss.schema_version");
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      const char *state = PQresultErrorField (result, PG_DIAG_SQLSTATE);

      /* 42P01: no such table; 3F000: no such schema; 42501: no right to it */
      if (g_strcmp0 (state, "42P01") == 0 || g_strcmp0 (state, "3F000") == 0)
        g_set_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_NOT_INITIALISED,
                     _("The database holds no Gloss team libraries (set it up with "
                       "“gloss-cli team init”)"));
      else if (g_strcmp0 (state, "42501") == 0)
        g_set_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_REFUSED,
                     _("%s is not a member of this Gloss team"), self->user);
      else
        {
          g_autofree char *reason = first_line (PQresultErrorMessage (result));

          g_set_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_FAILED,
                       _("Could not read the team server’s version: %s"), reason);
        }
      return NULL;
    }

  version = PQgetisnull (result, 0, 0) ? 0 : atoi (PQgetvalue (result, 0, 0));
  if (version > GLOSS_TEAM_SERVER_SCHEMA_VERSION)
    {
      g_set_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_NEWER_SCHEMA,
                   _("The team server was set up by a newer Gloss (server schema %d, this "
                     "Gloss knows up to %d); update Gloss to sync. Nothing in your library "
                     "was changed."), version, GLOSS_TEAM_SERVER_SCHEMA_VERSION);
      return NULL;
    }
  if (version < 1)
    {
      g_set_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_NOT_INITIALISED,
                   _("The database holds no Gloss team libraries (set it up with "
                     "“gloss-cli team init”)"));
      return NULL;
    }

  return g_steal_pointer (&self);
}

PGresult *
gloss_team_query (GlossTeamConnection *self,
                  const char          *sql,
                  int                  n_params,
                  const char * const  *params,
                  const char          *doing,
                  GError             **error)
{
  /* Without parameters, PQexec(), which also runs a script of several
   * statements (the server schema); with them, only bound parameters. */
  g_autoptr(PGresult) result = n_params == 0
    ? PQexec (self->conn, sql)
    : PQexecParams (self->conn, sql, n_params, NULL, params, NULL, NULL, 0);
  ExecStatusType status = PQresultStatus (result);
  const char *state;
  g_autofree char *reason = NULL;

  if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK)
    return g_steal_pointer (&result);

  state = PQresultErrorField (result, PG_DIAG_SQLSTATE);
  if (g_strcmp0 (state, "42501") == 0)
    {
      /* The server's own words (“bob may only read …”), without the
       * "gloss: " the functions put before them for psql users. */
      const char *primary = PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY);

      if (primary != NULL && g_str_has_prefix (primary, "gloss: "))
        primary += strlen ("gloss: ");
      g_set_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_REFUSED,
                   _("The team server refused %s: %s"), doing,
                   primary != NULL ? primary : "");
      return NULL;
    }

  reason = first_line (PQresultErrorMessage (result) != NULL && *PQresultErrorMessage (result)
                       ? PQresultErrorMessage (result) : PQerrorMessage (self->conn));
  g_set_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_FAILED,
               _("The team server failed while %s: %s"), doing, reason);
  return NULL;
}

gboolean
gloss_team_exec (GlossTeamConnection  *self,
                 const char           *sql,
                 const char           *doing,
                 GError              **error)
{
  g_autoptr(PGresult) result = gloss_team_query (self, sql, 0, NULL, doing, error);

  return result != NULL;
}

void
gloss_team_rollback (GlossTeamConnection *self)
{
  PQclear (PQexec (gloss_team_connection_get_conn (self), "ROLLBACK"));
}
