/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-team"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-store-private.h"
#include "gloss-team-objects.h"
#include "gloss-team-private.h"

/*
 * One sync of a team library: pull everything the server has after the
 * version pulled last time and merge it in, then push what changed here
 * with the version each change started from; a push the server finds
 * stale comes back as a conflict, and another round pulls and merges it.
 *
 * Nothing is lost or doubled when the connection breaks or the process
 * dies at any point: each pull is applied in one SQLite transaction with
 * the version it reached; the server applies each push batch in one
 * transaction; objects carry uuids made by the client, and a push the
 * server already has (its answer was lost) is "unchanged", not new.
 *
 * A server restored from an older backup is behind what this library
 * pulled.  Then the sync pulls everything again, and no synced copy here
 * is trusted as it is: the server may have handed its version numbers out
 * again since.  Where the server's copy is the one agreed last, or one of
 * a lower version (from before the backup), it becomes the base and the
 * state here goes up again over it; where the server has a different copy
 * of a version as high or higher (changed since the restore), the two are
 * merged as unrelated copies, both sides kept; what the server lost
 * entirely goes up as new.  Left: an edit someone made after the restore
 * under a lower version number than the copy here is taken for an older
 * one (the client cannot tell them apart).
 */

#define MAX_ROUNDS 4
#define PUSH_BATCH 500
#define BODY_BATCH 100

static GlossTeamSyncHook test_hook;
static gpointer test_hook_data;

void
gloss_team_sync_set_test_hook (GlossTeamSyncHook hook,
                               gpointer          user_data)
{
  test_hook = hook;
  test_hook_data = user_data;
}

void
gloss_team_sync_hook (const char *point)
{
  if (test_hook != NULL)
    test_hook (point, test_hook_data);
}

typedef struct
{
  const char *kind;
  char *uuid;
  gint64 version;
  gboolean deleted;
  char *data;
  char *author;
} Remote;

static void
remote_free (Remote *remote)
{
  g_free (remote->uuid);
  g_free (remote->data);
  g_free (remote->author);
  g_free (remote);
}

typedef struct
{
  GlossStore *store;
  GlossTeamConnection *connection;
  gint64 library_id;
  char *library_uuid;
  gint64 pulled;
  gboolean restored;   /* the server went back: this pull is a full one */
  GlossTeamSyncStats stats;
} Sync;

static const char *
static_kind (const char *kind)
{
  if (g_str_equal (kind, "article"))
    return "article";
  if (g_str_equal (kind, "annotation"))
    return "annotation";
  return "link";
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonNode) node = text != NULL ? json_from_string (text, NULL) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_ref (json_node_get_object (node));
}

static char *
object_to_string (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  return json_to_string (node, FALSE);
}

static char *
dup_string_field (const char *json,
                  const char *name)
{
  g_autoptr(JsonObject) object = parse_object (json);

  if (object == NULL || !json_object_has_member (object, name) ||
      json_object_get_null_member (object, name))
    return NULL;
  return g_strdup (json_object_get_string_member (object, name));
}

/* Fetches the bodies of @uuids, new here, into @bodies (uuid → Body). */
typedef struct
{
  GBytes *source;
  char *blocks;
} Body;

static void
body_free (Body *body)
{
  g_bytes_unref (body->source);
  g_free (body->blocks);
  g_free (body);
}

static gboolean
fetch_bodies (Sync        *sync,
              GPtrArray   *uuids,
              GHashTable  *bodies,
              GError     **error)
{
  PGconn *conn = gloss_team_connection_get_conn (sync->connection);

  for (guint start = 0; start < uuids->len; start += BODY_BATCH)
    {
      g_autoptr(GString) array = g_string_new ("{");
      g_autoptr(PGresult) result = NULL;
      const char *params[2];

      for (guint i = start; i < uuids->len && i < start + BODY_BATCH; i++)
        g_string_append_printf (array, "%s%s", i == start ? "" : ",",
                                (const char *) g_ptr_array_index (uuids, i));
      g_string_append_c (array, '}');
      params[0] = sync->library_uuid;
      params[1] = array->str;
      /* Binary results: the compressed original comes as it is. */
      result = PQexecParams (conn,
                             "SELECT uuid::text, source, blocks::text FROM gloss.article_bodies"
                             " WHERE library = $1 AND uuid = ANY ($2::uuid[])",
                             2, NULL, params, NULL, NULL, 1);
      if (PQresultStatus (result) != PGRES_TUPLES_OK)
        {
          g_set_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_FAILED,
                       _("The team server failed while sending articles: %s"),
                       PQerrorMessage (conn));
          return FALSE;
        }
      for (int row = 0; row < PQntuples (result); row++)
        {
          Body *body = g_new0 (Body, 1);

          body->source = g_bytes_new (PQgetvalue (result, row, 1), PQgetlength (result, row, 1));
          body->blocks = g_strndup (PQgetvalue (result, row, 2), PQgetlength (result, row, 2));
          g_hash_table_insert (bodies, g_strndup (PQgetvalue (result, row, 0),
                                                  PQgetlength (result, row, 0)), body);
        }
    }
  return TRUE;
}

static gboolean
article_is_here (Sync        *sync,
                 Remote      *remote,
                 gboolean    *out_here,
                 GError     **error)
{
  g_autofree char *local = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *other = NULL;

  if (!gloss_team_read_local (sync->store, "article", remote->uuid, NULL, &local, error))
    return FALSE;
  *out_here = local != NULL;
  if (local != NULL)
    return TRUE;
  sha256 = dup_string_field (remote->data, "sha256");
  other = sha256 != NULL ? gloss_team_find_article_by_sha256 (sync->store, sha256, NULL) : NULL;
  *out_here = other != NULL;
  return TRUE;
}

/* Writes the server's copy here: a new article from its body, anything
 * else over what is here. */
static gboolean
write_remote (Sync        *sync,
              Remote      *remote,
              const char  *canonical,
              GHashTable  *bodies,
              GError     **error)
{
  if (g_str_equal (remote->kind, "article"))
    {
      g_autofree char *local = NULL;

      if (!gloss_team_read_local (sync->store, "article", remote->uuid, NULL, &local, error))
        return FALSE;
      if (local == NULL)
        {
          Body *body = g_hash_table_lookup (bodies, remote->uuid);

          if (body == NULL)
            return TRUE;   /* nothing to show without it; the next sync tries again */
          sync->stats.bodies++;
          return gloss_team_insert_article (sync->store, sync->library_id, remote->uuid,
                                            canonical, body->source, body->blocks, error);
        }
    }
  return gloss_team_write_local (sync->store, remote->kind, remote->uuid, canonical, error);
}

static gboolean
record_conflict (Sync        *sync,
                 const char  *uuid,
                 const char  *copy_uuid,
                 GPtrArray   *fields,
                 GError     **error)
{
  sqlite3_stmt *statement = gloss_store_prepare_cached (sync->store,
                                                        "INSERT INTO team_conflicts (library,"
                                                        " annotation_uuid, copy_uuid, fields,"
                                                        " created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                                                        error);
  g_autofree char *now = gloss_store_now ();
  g_autofree char *names = NULL;
  int rc;

  if (statement == NULL)
    return FALSE;
  g_ptr_array_add (fields, NULL);
  names = g_strjoinv (",", (char **) fields->pdata);
  g_ptr_array_remove_index (fields, fields->len - 1);
  sqlite3_bind_int64 (statement, 1, sync->library_id);
  sqlite3_bind_text (statement, 2, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 3, copy_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 4, names, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 5, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (statement);
  sqlite3_reset (statement);
  if (rc != SQLITE_DONE)
    {
      gloss_store_set_error (sync->store, error, rc, _("saving the team library"));
      return FALSE;
    }
  return TRUE;
}

/* Both sides changed the object: merge field by field; where both changed
 * a field differently the server's value stays in the object and, for an
 * annotation, a copy keeps this side's whole version (it syncs too, so
 * nobody's work is lost). */
static gboolean
merge (Sync        *sync,
       Remote      *remote,
       const char  *canonical,
       const char  *base,
       const char  *local,
       GError     **error)
{
  g_autoptr(JsonObject) base_object = parse_object (base);
  g_autoptr(JsonObject) local_object = parse_object (local);
  g_autoptr(JsonObject) remote_object = parse_object (canonical);
  g_autoptr(JsonObject) merged = NULL;
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *merged_text = NULL;
  g_autofree char *merged_canonical = NULL;

  if (local_object == NULL || remote_object == NULL)
    return TRUE;
  merged = gloss_team_merge (remote->kind, base_object, local_object, remote_object, conflicts);
  merged_text = object_to_string (merged);
  merged_canonical = gloss_team_canonicalize (sync->store, remote->kind, merged_text, error);
  if (merged_canonical == NULL ||
      !gloss_team_write_local (sync->store, remote->kind, remote->uuid, merged_canonical, error))
    return FALSE;

  if (conflicts->len > 0 && g_str_equal (remote->kind, "annotation"))
    {
      g_autofree char *copy = g_uuid_string_random ();

      sync->stats.conflicts++;
      if (!gloss_team_write_local (sync->store, "annotation", copy, local, error) ||
          !record_conflict (sync, remote->uuid, copy, conflicts, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
apply_remote (Sync        *sync,
              Remote      *remote,
              GHashTable  *bodies,
              GError     **error)
{
  gboolean found, base_deleted = FALSE, local_changed;
  gint64 base_version = 0;
  g_autofree char *base = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *local = NULL;

  if (!gloss_team_get_synced (sync->store, sync->library_id, remote->kind, remote->uuid,
                              &found, &base_version, &base_deleted, &base, error))
    return FALSE;
  if (found && base_version >= remote->version)
    return TRUE;   /* our own push, already recorded */

  canonical = gloss_team_canonicalize (sync->store, remote->kind, remote->data, error);
  if (canonical == NULL)
    return FALSE;

  if (found && base_version < 0)
    {
      /* After a restore (see the top of the file and mark_lost()). */
      if ((!base_deleted == !remote->deleted && g_strcmp0 (base, canonical) == 0) ||
          remote->version < -base_version)
        return gloss_team_set_synced (sync->store, sync->library_id, remote->kind, remote->uuid,
                                      remote->version, remote->deleted, canonical,
                                      remote->author, error);
      found = FALSE;
      base_deleted = FALSE;
      g_clear_pointer (&base, g_free);
    }

  if (!gloss_team_read_local (sync->store, remote->kind, remote->uuid, canonical, &local, error))
    return FALSE;

  /* The same article shared from two libraries under two uuids: take the
   * server's. */
  if (local == NULL && g_str_equal (remote->kind, "article") && !remote->deleted)
    {
      g_autofree char *sha256 = dup_string_field (canonical, "sha256");
      g_autofree char *other = sha256 != NULL
        ? gloss_team_find_article_by_sha256 (sync->store, sha256, NULL) : NULL;

      if (other != NULL &&
          (!gloss_team_adopt_article_uuid (sync->store, other, remote->uuid, error) ||
           !gloss_team_read_local (sync->store, "article", remote->uuid, NULL, &local, error)))
        return FALSE;
    }

  if (!found)
    local_changed = local != NULL && g_strcmp0 (local, canonical) != 0;
  else if (local == NULL)
    local_changed = !base_deleted;
  else
    local_changed = base_deleted || g_strcmp0 (local, base) != 0;

  if (!local_changed)
    {
      if (remote->deleted)
        {
          if (local != NULL &&
              !gloss_team_delete_local (sync->store, remote->kind, remote->uuid, canonical, error))
            return FALSE;
        }
      else if (!write_remote (sync, remote, canonical, bodies, error))
        return FALSE;
    }
  else if (local == NULL)
    {
      /* Deleted here, changed there: the change wins, nothing is lost. */
      if (!remote->deleted && !write_remote (sync, remote, canonical, bodies, error))
        return FALSE;
    }
  else if (!remote->deleted && g_strcmp0 (local, canonical) != 0)
    {
      if (!merge (sync, remote, canonical, found && !base_deleted ? base : NULL, local, error))
        return FALSE;
    }
  /* else: changed here, deleted there; the change goes back up and the
   * object lives on. */

  sync->stats.pulled++;
  return gloss_team_set_synced (sync->store, sync->library_id, remote->kind, remote->uuid,
                                remote->version, remote->deleted, canonical, remote->author,
                                error);
}

static gboolean
save_pulled_version (Sync    *sync,
                     gint64   version,
                     GError **error)
{
  g_autoptr(sqlite3_stmt) statement = gloss_store_prepare (sync->store,
                                                           "UPDATE team_libraries"
                                                           " SET pulled_version = ?2 WHERE id = ?1",
                                                           error);

  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, sync->library_id);
  sqlite3_bind_int64 (statement, 2, version);
  if (!gloss_store_step_done (sync->store, statement, _("saving the team library"), error))
    return FALSE;
  sync->pulled = version;
  return TRUE;
}

/* Before the full pull after a restore: no synced copy is a base as it
 * is; each keeps its version, negated, while the pull runs. */
static gboolean
mark_lost (Sync    *sync,
           GError **error)
{
  g_autoptr(sqlite3_stmt) statement = gloss_store_prepare (sync->store,
                                                           "UPDATE team_synced SET version = -version"
                                                           " WHERE library = ?1 AND version > 0",
                                                           error);

  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, sync->library_id);
  return gloss_store_step_done (sync->store, statement, _("saving the team library"), error);
}

/* After it: what the server does not have at all has no synced copy
 * then, so it goes up as new. */
static gboolean
drop_lost (Sync    *sync,
           GError **error)
{
  g_autoptr(sqlite3_stmt) statement = gloss_store_prepare (sync->store,
                                                           "DELETE FROM team_synced"
                                                           " WHERE library = ?1 AND version < 0",
                                                           error);

  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, sync->library_id);
  return gloss_store_step_done (sync->store, statement, _("saving the team library"), error);
}

static gboolean
pull (Sync    *sync,
      GError **error)
{
  g_autoptr(PGresult) library = NULL;
  g_autoptr(PGresult) objects = NULL;
  g_autoptr(GPtrArray) remotes = g_ptr_array_new_with_free_func ((GDestroyNotify) remote_free);
  g_autoptr(GPtrArray) wanted = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) bodies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) body_free);
  g_autofree char *since = g_strdup_printf ("%" G_GINT64_FORMAT, sync->pulled);
  const char *params[2] = { sync->library_uuid, since };
  gint64 version;

  /* One snapshot for the library's version and the rows after it. */
  if (!gloss_team_exec (sync->connection, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
                        _("reading the team library"), error))
    return FALSE;
  library = gloss_team_query (sync->connection,
                              "SELECT version FROM gloss.libraries WHERE id = $1", 1, params,
                              _("reading the team library"), error);
  if (library == NULL)
    goto failed;
  if (PQntuples (library) == 0)
    {
      g_set_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_REFUSED,
                   _("%s is not a member of this team library"),
                   gloss_team_connection_get_user (sync->connection));
      goto failed;
    }
  version = g_ascii_strtoll (PQgetvalue (library, 0, 0), NULL, 10);
  if (version == sync->pulled)
    {
      gloss_team_rollback (sync->connection);
      return TRUE;
    }
  if (version < sync->pulled)
    {
      /* Restored from an older backup: everything again. */
      sync->restored = TRUE;
      params[1] = "0";
    }

  objects = gloss_team_query (sync->connection,
                              "SELECT kind, uuid, version, deleted, data::text, author"
                              " FROM gloss.pull ($1, $2)", 2, params,
                              _("reading the team library"), error);
  if (objects == NULL)
    goto failed;
  for (int row = 0; row < PQntuples (objects); row++)
    {
      Remote *remote = g_new0 (Remote, 1);
      gboolean here;

      remote->kind = static_kind (PQgetvalue (objects, row, 0));
      remote->uuid = g_strdup (PQgetvalue (objects, row, 1));
      remote->version = g_ascii_strtoll (PQgetvalue (objects, row, 2), NULL, 10);
      remote->deleted = g_str_equal (PQgetvalue (objects, row, 3), "t");
      remote->data = g_strdup (PQgetvalue (objects, row, 4));
      remote->author = g_strdup (PQgetvalue (objects, row, 5));
      g_ptr_array_add (remotes, remote);

      if (remote->kind[1] == 'r' && !remote->deleted)   /* "article" */
        {
          if (!article_is_here (sync, remote, &here, error))
            goto failed;
          if (!here)
            g_ptr_array_add (wanted, g_strdup (remote->uuid));
        }
    }
  if (!fetch_bodies (sync, wanted, bodies, error) ||
      !gloss_team_exec (sync->connection, "COMMIT", _("reading the team library"), error))
    goto failed;

  gloss_team_sync_hook ("pulled");

  if (!gloss_store_begin (sync->store, error))
    return FALSE;
  if (sync->restored && !mark_lost (sync, error))
    {
      gloss_store_rollback (sync->store);
      return FALSE;
    }
  for (guint i = 0; i < remotes->len; i++)
    if (!apply_remote (sync, g_ptr_array_index (remotes, i), bodies, error))
      {
        gloss_store_rollback (sync->store);
        return FALSE;
      }
  if ((sync->restored && !drop_lost (sync, error)) ||
      !save_pulled_version (sync, version, error) || !gloss_store_commit (sync->store, error))
    {
      gloss_store_rollback (sync->store);
      return FALSE;
    }
  sync->restored = FALSE;
  return TRUE;

failed:
  gloss_team_rollback (sync->connection);
  return FALSE;
}

/* Sends the bodies of the new articles among @changes, BODY_BATCH to a
 * round trip. */
static gboolean
push_bodies (Sync       *sync,
             GPtrArray  *changes,
             GError    **error)
{
  g_autoptr(GString) json = g_string_new ("[");
  guint in_batch = 0;

  for (guint i = 0; i < changes->len; i++)
    {
      GlossTeamChange *change = g_ptr_array_index (changes, i);
      g_autoptr(GBytes) source = NULL;
      g_autofree char *blocks = NULL;
      g_autofree char *encoded = NULL;
      gboolean last = i + 1 == changes->len;

      if (g_str_equal (change->kind, "article") && !change->deleted && change->base == 0)
        {
          if (!gloss_team_read_body (sync->store, change->article_id, &source, &blocks, error))
            return FALSE;
          encoded = g_base64_encode (g_bytes_get_data (source, NULL), g_bytes_get_size (source));
          g_string_append_printf (json, "%s{\"uuid\":\"%s\",\"source\":\"%s\",\"blocks\":%s}",
                                  in_batch == 0 ? "" : ",", change->uuid, encoded, blocks);
          in_batch++;
        }
      if (in_batch > 0 && (in_batch == BODY_BATCH || last))
        {
          g_autoptr(PGresult) result = NULL;
          const char *params[2] = { sync->library_uuid, NULL };

          g_string_append_c (json, ']');
          params[1] = json->str;
          result = gloss_team_query (sync->connection,
                                     "SELECT gloss.push_bodies ($1, $2::jsonb)", 2, params,
                                     _("sending changes"), error);
          if (result == NULL)
            return FALSE;
          g_string_assign (json, "[");
          in_batch = 0;
        }
    }
  return TRUE;
}

/* Sends the changes in batches, each one server transaction, and records
 * each batch's outcome here in one SQLite transaction.  *out_again: the
 * server had news for some of them (conflicts), so pull and push again. */
static gboolean
push (Sync      *sync,
      gboolean  *out_again,
      GError   **error)
{
  g_autoptr(GPtrArray) changes = NULL;
  const char *user = gloss_team_connection_get_user (sync->connection);
  gboolean gap = FALSE, clean;
  gint64 counter;

  *out_again = FALSE;
  if (!gloss_team_changes_check (sync->store, sync->library_id, &counter, &clean, error))
    return FALSE;
  if (clean)
    return TRUE;
  changes = gloss_team_collect_changes (sync->store, sync->library_id, error);
  if (changes == NULL)
    return FALSE;
  if (changes->len == 0)
    return gloss_team_changes_mark_clean (sync->store, sync->library_id, counter, error);

  if (!push_bodies (sync, changes, error))
    return FALSE;

  gloss_team_sync_hook ("before-push");

  for (guint start = 0; start < changes->len; start += PUSH_BATCH)
    {
      guint end = MIN (start + PUSH_BATCH, changes->len);
      g_autoptr(GString) json = g_string_new ("[");
      g_autoptr(PGresult) result = NULL;
      g_autoptr(JsonNode) answer = NULL;
      JsonObject *object;
      JsonArray *results;
      const char *params[2];
      gint64 version;
      guint applied = 0;

      for (guint i = start; i < end; i++)
        {
          GlossTeamChange *change = g_ptr_array_index (changes, i);

          g_string_append_printf (json, "%s{\"kind\":\"%s\",\"uuid\":\"%s\",\"base\":%"
                                  G_GINT64_FORMAT ",\"deleted\":%s,\"data\":%s}",
                                  i == start ? "" : ",", change->kind, change->uuid,
                                  change->base, change->deleted ? "true" : "false",
                                  change->data);
        }
      g_string_append_c (json, ']');
      params[0] = sync->library_uuid;
      params[1] = json->str;
      result = gloss_team_query (sync->connection, "SELECT gloss.push ($1, $2::jsonb)::text",
                                 2, params, _("sending changes"), error);
      if (result == NULL)
        return FALSE;

      gloss_team_sync_hook ("pushed");

      answer = json_from_string (PQgetvalue (result, 0, 0), NULL);
      if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
        {
          g_set_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_FAILED,
                       _("The team server’s answer could not be read"));
          return FALSE;
        }
      object = json_node_get_object (answer);
      version = json_object_get_int_member (object, "version");
      results = json_object_get_array_member (object, "results");
      if (results == NULL || json_array_get_length (results) != end - start)
        {
          g_set_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_FAILED,
                       _("The team server’s answer could not be read"));
          return FALSE;
        }

      if (!gloss_store_begin (sync->store, error))
        return FALSE;
      for (guint i = start; i < end; i++)
        {
          GlossTeamChange *change = g_ptr_array_index (changes, i);
          JsonObject *outcome = json_array_get_object_element (results, i - start);
          const char *status = json_object_get_string_member (outcome, "status");
          gint64 row_version = json_object_get_int_member (outcome, "version");
          gboolean ok = TRUE;

          if (g_str_equal (status, "applied") || g_str_equal (status, "unchanged"))
            {
              if (g_str_equal (status, "applied"))
                applied++;
              ok = gloss_team_set_synced (sync->store, sync->library_id, change->kind,
                                          change->uuid, row_version, change->deleted,
                                          change->data, user, error);
            }
          else if (g_str_equal (status, "duplicate"))
            {
              ok = gloss_team_adopt_article_uuid (sync->store, change->uuid,
                                                  json_object_get_string_member (outcome,
                                                                                 "existing"),
                                                  error);
              *out_again = TRUE;
            }
          else
            *out_again = TRUE;
          if (!ok)
            {
              gloss_store_rollback (sync->store);
              return FALSE;
            }
        }
      sync->stats.pushed += applied;

      /* Our batch is the only write since our pull when the version moved
       * by exactly one (or none): nothing to pull back then. */
      if (!gap && ((applied > 0 && version == sync->pulled + 1) ||
                   (applied == 0 && version == sync->pulled)))
        {
          if (!save_pulled_version (sync, version, error))
            {
              gloss_store_rollback (sync->store);
              return FALSE;
            }
        }
      else
        gap = TRUE;
      if (!gloss_store_commit (sync->store, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
note_outcome (GlossStore  *store,
              gint64       library_id,
              GError      *failure)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *now = gloss_store_now ();

  statement = gloss_store_prepare (store,
                                   failure == NULL
                                   ? "UPDATE team_libraries SET last_sync = ?2, last_error = NULL"
                                     " WHERE id = ?1"
                                   : "UPDATE team_libraries SET last_error = ?3 WHERE id = ?1",
                                   NULL);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, library_id);
  sqlite3_bind_text (statement, 2, now, -1, SQLITE_STATIC);
  if (failure != NULL)
    sqlite3_bind_text (statement, 3, failure->message, -1, SQLITE_STATIC);
  return sqlite3_step (statement) == SQLITE_DONE;
}

/**
 * gloss_team_sync:
 * @store: the library
 * @library_id: a team library of it
 * @connection: a connection to its server (gloss_team_connection_open())
 * @out_stats: (out) (optional): what moved
 *
 * Syncs the team library both ways.  Safe to stop at any point: the next
 * sync picks up where this one broke off, and nothing arrives twice.
 */
gboolean
gloss_team_sync (GlossStore           *store,
                 gint64                library_id,
                 GlossTeamConnection  *connection,
                 GlossTeamSyncStats   *out_stats,
                 GError              **error)
{
  Sync sync = { store, connection, library_id, NULL, 0, FALSE, { 0 } };
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean again = TRUE;

  statement = gloss_store_prepare (store,
                                   "SELECT library_uuid, pulled_version FROM team_libraries"
                                   " WHERE id = ?1", error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_int64 (statement, 1, library_id);
  if (sqlite3_step (statement) != SQLITE_ROW)
    {
      g_set_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_NOT_FOUND,
                   _("This library syncs with no such team library"));
      return FALSE;
    }
  sync.library_uuid = gloss_sql_dup_text (statement, 0);
  sync.pulled = sqlite3_column_int64 (statement, 1);
  g_clear_pointer (&statement, sqlite3_finalize);

  for (guint round = 0; again && round < MAX_ROUNDS; round++)
    if (!pull (&sync, &local_error) || !push (&sync, &again, &local_error))
      break;
  if (local_error == NULL)
    gloss_team_pull_people (store, library_id, connection, sync.library_uuid, &local_error);

  g_free (sync.library_uuid);
  note_outcome (store, library_id, local_error);
  if (out_stats != NULL)
    {
      sync.stats.version = sync.pulled;
      *out_stats = sync.stats;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}
