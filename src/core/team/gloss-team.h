/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gloss-store.h"

G_BEGIN_DECLS

/* The server schema (gloss-team-schema.sql) this build speaks. */
#define GLOSS_TEAM_SERVER_SCHEMA_VERSION 2

#define GLOSS_TEAM_ERROR (gloss_team_error_quark ())

/**
 * GlossTeamError:
 * @GLOSS_TEAM_ERROR_CONNECT: the server could not be reached, refused the
 *   password or its certificate was not trusted (the message says which)
 * @GLOSS_TEAM_ERROR_NOT_INITIALISED: the database holds no Gloss team schema
 * @GLOSS_TEAM_ERROR_NEWER_SCHEMA: the server was set up by a newer Gloss
 * @GLOSS_TEAM_ERROR_REFUSED: the server refused: not a member, or a reader
 * @GLOSS_TEAM_ERROR_NOT_FOUND: no team library of that name
 * @GLOSS_TEAM_ERROR_FAILED: the server failed mid-way (connection lost …)
 */
typedef enum
{
  GLOSS_TEAM_ERROR_CONNECT,
  GLOSS_TEAM_ERROR_NOT_INITIALISED,
  GLOSS_TEAM_ERROR_NEWER_SCHEMA,
  GLOSS_TEAM_ERROR_REFUSED,
  GLOSS_TEAM_ERROR_NOT_FOUND,
  GLOSS_TEAM_ERROR_FAILED,
} GlossTeamError;

GQuark gloss_team_error_quark (void);

/* A connection to a team server (gloss-team-connection.c).  TLS with the
 * server's certificate checked (sslmode=verify-full) unless the connection
 * string asks otherwise. */
typedef struct _GlossTeamConnection GlossTeamConnection;

GlossTeamConnection *gloss_team_connection_open      (const char           *conninfo,
                                                      const char           *password,
                                                      GError              **error);
GlossTeamConnection *gloss_team_connection_open_any  (const char           *conninfo,
                                                      const char           *password,
                                                      GError              **error);
void                 gloss_team_connection_free      (GlossTeamConnection  *self);
const char          *gloss_team_connection_get_user  (GlossTeamConnection  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossTeamConnection, gloss_team_connection_free)

/* Setting up a server and its people (gloss-team-admin.c) */

typedef struct
{
  char *person;
  char *display_name;
  char *role;
} GlossTeamMember;

void       gloss_team_member_free        (GlossTeamMember     *member);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossTeamMember, gloss_team_member_free)

const char *gloss_team_get_server_schema_sql (void);
gboolean   gloss_team_init_server        (GlossTeamConnection *superuser,
                                          const char          *admin,
                                          const char          *admin_password,
                                          const char          *display_name,
                                          GError             **error);
gboolean   gloss_team_add_person         (GlossTeamConnection *self,
                                          const char          *person,
                                          const char          *password,
                                          const char          *display_name,
                                          gboolean             admin,
                                          GError             **error);
char      *gloss_team_create_library     (GlossTeamConnection *self,
                                          const char          *name,
                                          GError             **error);
char      *gloss_team_find_library       (GlossTeamConnection *self,
                                          const char          *name,
                                          GError             **error);
gboolean   gloss_team_set_member         (GlossTeamConnection *self,
                                          const char          *library_uuid,
                                          const char          *person,
                                          const char          *role,
                                          GError             **error);
GPtrArray *gloss_team_list_members       (GlossTeamConnection *self,
                                          const char          *library_uuid,
                                          GError             **error);

/* One's own name in a team library (gloss-team-people.c) */
gboolean   gloss_team_set_display_name   (GlossTeamConnection *self,
                                          const char          *library_uuid,
                                          const char          *display_name,
                                          GError             **error);

/* Team libraries as this library knows them (gloss-team-local.c) */

/**
 * GlossTeamLibrary:
 * @id: its id in this library
 * @name: the server library's name
 * @conninfo: how to reach the server (never a password)
 * @library_uuid: the server library's id
 * @pulled_version: everything up to this server version is here
 * @last_sync: (nullable): when the last sync ended well
 * @last_error: (nullable): why the last sync failed, if it did
 * @n_articles: articles shared to it
 * @n_pending: local changes not yet on the server
 * @n_conflicts: annotations both sides changed (a copy keeps the losing side)
 */
typedef struct
{
  gint64 id;
  char *name;
  char *conninfo;
  char *library_uuid;
  gint64 pulled_version;
  char *last_sync;
  char *last_error;
  guint n_articles;
  guint n_pending;
  guint n_conflicts;
} GlossTeamLibrary;

void              gloss_team_library_free     (GlossTeamLibrary  *library);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossTeamLibrary, gloss_team_library_free)

gboolean          gloss_team_check_conninfo   (const char        *conninfo,
                                               GError           **error);
gint64            gloss_team_add_library      (GlossStore        *store,
                                               const char        *name,
                                               const char        *conninfo,
                                               const char        *library_uuid,
                                               GError           **error);
GPtrArray        *gloss_team_list_libraries   (GlossStore        *store,
                                               GError           **error);
GlossTeamLibrary *gloss_team_dup_library      (GlossStore        *store,
                                               const char        *name,
                                               GError           **error);
gboolean          gloss_team_share_article    (GlossStore        *store,
                                               gint64             library_id,
                                               gint64             article_id,
                                               GError           **error);

/* Conflicts a sync kept (gloss-team-conflicts.c) */

/**
 * GlossTeamConflict:
 * @id: its id, for gloss_team_resolve_conflict()
 * @library_id: the team library
 * @annotation_uuid: the annotation, holding the server's values of @fields
 * @copy_uuid: the copy holding this side's whole version
 * @fields: the fields both sides changed ("note", "verdict", "anchor" …)
 * @server_values: for each of @fields, the annotation's value as text
 *   (for "anchor", its words; "" for none)
 * @mine_values: the same of the copy
 */
typedef struct
{
  gint64 id;
  gint64 library_id;
  char *annotation_uuid;
  char *copy_uuid;
  char **fields;
  char **server_values;
  char **mine_values;
} GlossTeamConflict;

/**
 * GlossTeamChoice:
 * @GLOSS_TEAM_KEEP_SERVER: the annotation as it is; the copy goes
 * @GLOSS_TEAM_KEEP_MINE: the copy's values of the fields; the copy goes
 * @GLOSS_TEAM_KEEP_BOTH: both stay, the conflict is forgotten
 */
typedef enum
{
  GLOSS_TEAM_KEEP_SERVER,
  GLOSS_TEAM_KEEP_MINE,
  GLOSS_TEAM_KEEP_BOTH,
} GlossTeamChoice;

void       gloss_team_conflict_free    (GlossTeamConflict  *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossTeamConflict, gloss_team_conflict_free)

GPtrArray *gloss_team_list_conflicts   (GlossStore         *store,
                                        gint64              library_id,
                                        GError            **error);
gboolean   gloss_team_resolve_conflict (GlossStore         *store,
                                        gint64              conflict_id,
                                        GlossTeamChoice     choice,
                                        GError            **error);

/* Syncing (gloss-team-sync.c) */

/**
 * GlossTeamSyncStats:
 * @pushed: objects the server took from this library
 * @pulled: objects taken from the server
 * @bodies: article bodies fetched
 * @conflicts: annotations changed on both sides in the same field
 * @version: the server library's version at the end
 */
typedef struct
{
  guint pushed;
  guint pulled;
  guint bodies;
  guint conflicts;
  gint64 version;
} GlossTeamSyncStats;

gboolean gloss_team_sync (GlossStore          *store,
                          gint64               library_id,
                          GlossTeamConnection *connection,
                          GlossTeamSyncStats  *out_stats,
                          GError             **error);

/* For tests: called at named points of a sync ("before-push", "pushed",
 * "pulled"), to stop the server or end the process there. */
typedef void (*GlossTeamSyncHook) (const char *point,
                                   gpointer    user_data);
void     gloss_team_sync_set_test_hook (GlossTeamSyncHook hook,
                                        gpointer          user_data);

/* Leaving a team library, and what the window shows (gloss-team-local.c,
 * gloss-team-shown.c); all local, none of it reaches the server. */

typedef struct
{
  gint64 id;
  char *title;
} GlossTeamSharedArticle;

void        gloss_team_shared_article_free   (GlossTeamSharedArticle *article);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossTeamSharedArticle, gloss_team_shared_article_free)

gboolean    gloss_team_remove_library        (GlossStore  *store,
                                              gint64       library_id,
                                              GError     **error);
GPtrArray  *gloss_team_list_shared_articles  (GlossStore  *store,
                                              gint64       library_id,
                                              GError     **error);
GHashTable *gloss_team_list_authors          (GlossStore  *store,
                                              gint64       article_id,
                                              GError     **error);
gint64      gloss_team_get_change_count      (GlossStore  *store);
gboolean    gloss_team_server_answers        (const char  *conninfo);

G_END_DECLS
