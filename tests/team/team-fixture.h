/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the team tests and the team benchmark: a Gloss team database
 * on the throwaway cluster tests/team/pg-cluster.py started (its address in
 * GLOSS_TEST_PG_*), and clients, each with a library of its own. */

#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include "gloss-core.h"
#include "gloss-store-private.h"
#include "gloss-team.h"
#include "test-common.h"

typedef struct
{
  char *person;
  char *dir;
  char *path;
  GlossStore *store;
  GlossTeamConnection *connection;
  gint64 library;
} TeamClient;

static inline const char *
team_env (const char *name)
{
  const char *value = g_getenv (name);

  if (value == NULL)
    g_error ("%s is not set: run this through tests/team/pg-cluster.py run -- …", name);
  return value;
}

/* Returns the password a test person has. */
static inline char *
team_password (const char *person)
{
  return g_strdup_printf ("%s-secret", person);
}

static inline char *
team_conninfo (const char *database,
               const char *person)
{
  return g_strdup_printf ("host=127.0.0.1 port=%s dbname=%s user=%s sslrootcert=%s",
                          team_env ("GLOSS_TEST_PG_PORT"), database, person,
                          team_env ("GLOSS_TEST_PG_CA"));
}

/* A superuser connection over the cluster's unix socket. */
static inline PGconn *
team_superuser (const char *database)
{
  g_autofree char *conninfo = g_strdup_printf ("host=%s port=%s dbname=%s user=%s password=%s"
                                               " sslmode=disable",
                                               team_env ("GLOSS_TEST_PG_SOCKET"),
                                               team_env ("GLOSS_TEST_PG_PORT"), database,
                                               team_env ("GLOSS_TEST_PG_SUPERUSER"),
                                               team_env ("GLOSS_TEST_PG_PASSWORD"));
  PGconn *conn = PQconnectdb (conninfo);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("superuser connection: %s", PQerrorMessage (conn));
  return conn;
}

static inline void
team_superuser_exec (const char *database,
                     const char *sql)
{
  PGconn *conn = team_superuser (database);
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
  PQfinish (conn);
}

static inline gint64
team_superuser_count (const char *database,
                      const char *sql)
{
  PGconn *conn = team_superuser (database);
  PGresult *result = PQexec (conn, sql);
  gint64 count;

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  count = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  PQfinish (conn);
  return count;
}

static inline GlossTeamConnection *
team_connect (const char *database,
              const char *person)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *conninfo = team_conninfo (database, person);
  g_autofree char *password = team_password (person);
  GlossTeamConnection *connection = gloss_team_connection_open (conninfo, password, &error);

  g_assert_no_error (error);
  return connection;
}

/* Creates @database, sets it up with @admin as its first administrator and
 * adds @people (NULL-terminated) to the team. */
static inline void
team_make_database (const char         *database,
                    const char         *admin,
                    const char * const *people)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s", database);
  g_autofree char *superuser_info = NULL;
  g_autofree char *admin_password = team_password (admin);
  g_autoptr(GlossTeamConnection) superuser = NULL;
  g_autoptr(GlossTeamConnection) connection = NULL;

  team_superuser_exec ("postgres", create);
  superuser_info = g_strdup_printf ("host=%s port=%s dbname=%s user=%s sslmode=disable",
                                    team_env ("GLOSS_TEST_PG_SOCKET"),
                                    team_env ("GLOSS_TEST_PG_PORT"), database,
                                    team_env ("GLOSS_TEST_PG_SUPERUSER"));
  superuser = gloss_team_connection_open_any (superuser_info, team_env ("GLOSS_TEST_PG_PASSWORD"),
                                              &error);
  g_assert_no_error (error);
  gloss_team_init_server (superuser, admin, admin_password, admin, &error);
  g_assert_no_error (error);

  connection = team_connect (database, admin);
  for (guint i = 0; people != NULL && people[i] != NULL; i++)
    {
      g_autofree char *password = team_password (people[i]);

      g_assert_true (gloss_team_add_person (connection, people[i], password, people[i], FALSE,
                                            &error));
      g_assert_no_error (error);
    }
}

/* Creates a team library; @members is NULL-terminated pairs of person and
 * role. */
static inline void
team_make_library (const char         *database,
                   const char         *admin,
                   const char         *name,
                   const char * const *members)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossTeamConnection) connection = team_connect (database, admin);
  g_autofree char *uuid = gloss_team_create_library (connection, name, &error);

  g_assert_no_error (error);
  for (guint i = 0; members != NULL && members[i] != NULL; i += 2)
    {
      g_assert_true (gloss_team_set_member (connection, uuid, members[i], members[i + 1], &error));
      g_assert_no_error (error);
    }
}

/* A person's Gloss with a library of its own, syncing with @library. */
static inline TeamClient *
team_client_new (const char *database,
                 const char *person,
                 const char *library)
{
  g_autoptr(GError) error = NULL;
  TeamClient *client = g_new0 (TeamClient, 1);
  g_autofree char *conninfo = team_conninfo (database, person);
  g_autofree char *uuid = NULL;

  client->person = g_strdup (person);
  client->dir = gloss_test_library_dir_new (&client->path);
  client->store = gloss_store_open (client->path, &error);
  g_assert_no_error (error);
  client->connection = team_connect (database, person);
  uuid = gloss_team_find_library (client->connection, library, &error);
  g_assert_no_error (error);
  client->library = gloss_team_add_library (client->store, library, conninfo, uuid, &error);
  g_assert_no_error (error);
  return client;
}

static inline void
team_client_free (TeamClient *client)
{
  g_clear_pointer (&client->connection, gloss_team_connection_free);
  g_clear_object (&client->store);
  gloss_test_remove_tree (client->dir);
  g_free (client->dir);
  g_free (client->path);
  g_free (client->person);
  g_free (client);
}

static inline GlossTeamSyncStats
team_client_sync (TeamClient *client)
{
  g_autoptr(GError) error = NULL;
  GlossTeamSyncStats stats = { 0 };

  g_assert_true (gloss_team_sync (client->store, client->library, client->connection, &stats,
                                  &error));
  g_assert_no_error (error);
  return stats;
}

/* A plain-text article of @n_paragraphs, shared to the client's team
 * library; each paragraph says "Paragraph N of TITLE …". */
static inline gint64
team_client_add_article (TeamClient *client,
                         const char *title,
                         guint       n_paragraphs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (title);
  g_autoptr(GBytes) bytes = NULL;
  gint64 id;

  g_string_append (text, "\n\n");
  for (guint i = 0; i < n_paragraphs; i++)
    g_string_append_printf (text, "Paragraph %u of %s says that the council spent %u thousand "
                            "on roads, the mayor said on Tuesday, and critics disagreed.\n\n",
                            i, title, 10 + i);
  bytes = g_bytes_new (text->str, text->len);
  id = gloss_store_import (client->store, bytes, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gloss_team_share_article (client->store, client->library, id, &error));
  g_assert_no_error (error);
  return id;
}

static inline GlossAnnotation *
team_client_annotate (TeamClient          *client,
                      gint64               article_id,
                      GlossAnnotationKind  kind,
                      const char          *quote,
                      guint                occurrence,
                      const char          *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = gloss_store_load_article (client->store, article_id, &error);
  g_autoptr(GlossAnchor) anchor = NULL;
  GlossAnnotation *annotation;

  g_assert_no_error (error);
  anchor = gloss_anchor_new_for_quote (article, quote, occurrence, &error);
  g_assert_no_error (error);
  annotation = gloss_annotation_new (kind, anchor);
  gloss_annotation_set_article_id (annotation, article_id);
  gloss_annotation_set_note (annotation, note);
  g_assert_true (gloss_store_add_annotation (client->store, annotation, &error));
  g_assert_no_error (error);
  return annotation;
}
