/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-team"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-store-private.h"
#include "gloss-team-objects.h"

/*
 * Conflicts a sync kept: an annotation both sides changed in the same
 * field holds the server's value, and a copy holds this side's whole
 * version (gloss-team-sync.c).  Resolving one is an ordinary local edit
 * the next sync sends: keeping the server's side deletes the copy;
 * keeping this side's moves the conflicting fields (nothing else, since
 * the other fields were merged) from the copy onto the annotation and
 * deletes the copy; keeping both only forgets the conflict.  One SQLite
 * transaction each, so a conflict is resolved whole or not at all.
 */

void
gloss_team_conflict_free (GlossTeamConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->annotation_uuid);
  g_free (conflict->copy_uuid);
  g_strfreev (conflict->fields);
  g_strfreev (conflict->server_values);
  g_strfreev (conflict->mine_values);
  g_free (conflict);
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonNode) node = text != NULL ? json_from_string (text, NULL) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_ref (json_node_get_object (node));
}

/* Each of @fields of the annotation @uuid as text, for a person to read. */
static char **
dup_values (GlossStore   *store,
            const char   *uuid,
            char        **fields,
            GError      **error)
{
  g_autofree char *json = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();

  if (!gloss_team_read_local (store, "annotation", uuid, NULL, &json, error))
    return NULL;
  object = parse_object (json);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      const char *name = g_str_equal (fields[i], "anchor") ? "exact" : fields[i];
      JsonNode *value = object != NULL ? json_object_get_member (object, name) : NULL;

      if (value != NULL && json_node_get_value_type (value) == G_TYPE_STRING)
        g_strv_builder_add (values, json_node_get_string (value));
      else if (value != NULL && json_node_get_value_type (value) == G_TYPE_INT64)
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                     json_node_get_int (value));

          g_strv_builder_add (values, number);
        }
      else
        g_strv_builder_add (values, "");
    }
  return g_strv_builder_end (values);
}

/**
 * gloss_team_list_conflicts:
 * @library_id: a team library, or 0 for all
 *
 * Returns: (element-type GlossTeamConflict) (transfer full): the conflicts
 *   kept, oldest first
 */
GPtrArray *
gloss_team_list_conflicts (GlossStore  *store,
                           gint64       library_id,
                           GError     **error)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_team_conflict_free);
  g_autoptr(sqlite3_stmt) statement = NULL;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);

  statement = gloss_store_prepare (store,
                                   "SELECT id, library, annotation_uuid, copy_uuid, fields"
                                   " FROM team_conflicts WHERE ?1 = 0 OR library = ?1 ORDER BY id",
                                   error);
  if (statement == NULL)
    return NULL;
  sqlite3_bind_int64 (statement, 1, library_id);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      GlossTeamConflict *conflict = g_new0 (GlossTeamConflict, 1);

      conflict->id = sqlite3_column_int64 (statement, 0);
      conflict->library_id = sqlite3_column_int64 (statement, 1);
      conflict->annotation_uuid = gloss_sql_dup_text (statement, 2);
      conflict->copy_uuid = gloss_sql_dup_text (statement, 3);
      conflict->fields = g_strsplit ((const char *) sqlite3_column_text (statement, 4), ",", -1);
      g_ptr_array_add (conflicts, conflict);
    }
  if (rc != SQLITE_DONE)
    {
      gloss_store_set_error (store, error, rc, _("reading the team library"));
      return NULL;
    }
  for (guint i = 0; i < conflicts->len; i++)
    {
      GlossTeamConflict *conflict = g_ptr_array_index (conflicts, i);

      conflict->server_values = dup_values (store, conflict->annotation_uuid, conflict->fields,
                                            error);
      conflict->mine_values = conflict->server_values != NULL
        ? dup_values (store, conflict->copy_uuid, conflict->fields, error) : NULL;
      if (conflict->mine_values == NULL)
        return NULL;
    }
  return g_steal_pointer (&conflicts);
}

static void
take_member (JsonObject *to,
             JsonObject *from,
             const char *name)
{
  JsonNode *value = json_object_get_member (from, name);

  if (value != NULL)
    json_object_set_member (to, name, json_node_copy (value));
}

/* The annotation with this side's values of @fields, from the copy. */
static gboolean
keep_mine (GlossStore         *store,
           GlossTeamConflict  *conflict,
           GError            **error)
{
  g_autofree char *kept = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(JsonObject) kept_object = NULL;
  g_autoptr(JsonObject) copy_object = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  g_autofree char *canonical = NULL;

  if (!gloss_team_read_local (store, "annotation", conflict->annotation_uuid, NULL, &kept, error) ||
      !gloss_team_read_local (store, "annotation", conflict->copy_uuid, NULL, &copy, error))
    return FALSE;
  kept_object = parse_object (kept);
  copy_object = parse_object (copy);
  if (kept_object == NULL || copy_object == NULL)
    return TRUE;   /* one side was deleted since: nothing to move */

  for (guint i = 0; conflict->fields[i] != NULL; i++)
    {
      if (g_str_equal (conflict->fields[i], "anchor"))
        {
          const char *const *anchor = gloss_team_anchor_fields ();

          for (guint k = 0; anchor[k] != NULL; k++)
            take_member (kept_object, copy_object, anchor[k]);
        }
      else
        take_member (kept_object, copy_object, conflict->fields[i]);
    }
  node = json_node_init_object (json_node_alloc (), kept_object);
  text = json_to_string (node, FALSE);
  canonical = gloss_team_canonicalize (store, "annotation", text, error);
  return canonical != NULL &&
         gloss_team_write_local (store, "annotation", conflict->annotation_uuid, canonical, error);
}

static GlossTeamConflict *
dup_conflict (GlossStore  *store,
              gint64       conflict_id,
              GError     **error)
{
  g_autoptr(GPtrArray) all = gloss_team_list_conflicts (store, 0, error);

  if (all == NULL)
    return NULL;
  for (guint i = 0; i < all->len; i++)
    {
      GlossTeamConflict *conflict = g_ptr_array_index (all, i);

      if (conflict->id == conflict_id)
        return g_ptr_array_steal_index (all, i);
    }
  g_set_error (error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_NOT_FOUND,
               _("This conflict was already resolved"));
  return NULL;
}

/**
 * gloss_team_resolve_conflict:
 * @conflict_id: a #GlossTeamConflict's id
 * @choice: which side stays
 *
 * Resolves the conflict here; the next sync sends the outcome.
 */
gboolean
gloss_team_resolve_conflict (GlossStore       *store,
                             gint64            conflict_id,
                             GlossTeamChoice   choice,
                             GError          **error)
{
  g_autoptr(GlossTeamConflict) conflict = NULL;
  g_autoptr(sqlite3_stmt) forget = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);

  if (!gloss_store_begin (store, error))
    return FALSE;
  conflict = dup_conflict (store, conflict_id, error);
  if (conflict == NULL)
    goto failed;
  if (choice == GLOSS_TEAM_KEEP_MINE && !keep_mine (store, conflict, error))
    goto failed;
  if (choice != GLOSS_TEAM_KEEP_BOTH &&
      !gloss_team_delete_local (store, "annotation", conflict->copy_uuid, NULL, error))
    goto failed;
  forget = gloss_store_prepare (store, "DELETE FROM team_conflicts WHERE id = ?1", error);
  if (forget == NULL)
    goto failed;
  sqlite3_bind_int64 (forget, 1, conflict_id);
  if (!gloss_store_step_done (store, forget, _("saving the team library"), error) ||
      !gloss_store_commit (store, error))
    goto failed;
  return TRUE;

failed:
  gloss_store_rollback (store);
  return FALSE;
}
