/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-team"

#include "config.h"

#include "gloss-team-sync-private.h"

/*
 * Three-way merge per field against the last synced copy: a field only one
 * side changed takes that side's value; a field both changed to different
 * values is a conflict, where the server's value (committed first) stays
 * and the caller keeps the local one as a copy.  The anchor's fields move
 * together (a range and its quote are one thing); updated_at takes the
 * later time and created_at never changes, so neither makes a conflict.
 */

static const char *const anchor_fields[] = {
  "start_block", "start_offset", "end_block", "end_offset", "exact", "prefix", "suffix",
  "state", NULL
};

/* The fields that make up the conflict field "anchor". */
const char *const *
gloss_team_anchor_fields (void)
{
  return anchor_fields;
}

static gboolean
is_anchor_field (const char *name)
{
  return g_strv_contains (anchor_fields, name);
}

static JsonNode *
member (JsonObject *object,
        const char *name)
{
  return object != NULL ? json_object_get_member (object, name) : NULL;
}

static gboolean
nodes_equal (JsonNode *a,
             JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_node_equal (a, b);
}

/* Whether @side changed @name (or, for an anchor field, any anchor field)
 * since @base. */
static gboolean
changed (JsonObject *base,
         JsonObject *side,
         const char *name)
{
  if (is_anchor_field (name))
    {
      for (guint i = 0; anchor_fields[i] != NULL; i++)
        if (!nodes_equal (member (base, anchor_fields[i]), member (side, anchor_fields[i])))
          return TRUE;
      return FALSE;
    }
  return !nodes_equal (member (base, name), member (side, name));
}

static gboolean
same_on_both (JsonObject *local,
              JsonObject *remote,
              const char *name)
{
  if (is_anchor_field (name))
    {
      for (guint i = 0; anchor_fields[i] != NULL; i++)
        if (!nodes_equal (member (local, anchor_fields[i]), member (remote, anchor_fields[i])))
          return FALSE;
      return TRUE;
    }
  return nodes_equal (member (local, name), member (remote, name));
}

JsonObject *
gloss_team_merge (const char *kind,
                  JsonObject *base,
                  JsonObject *local,
                  JsonObject *remote,
                  GPtrArray  *out_conflicts)
{
  JsonObject *merged = json_object_new ();
  g_autoptr(GList) names = json_object_get_members (remote);
  gboolean anchor_reported = FALSE;

  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *local_value = member (local, name);
      JsonNode *remote_value = member (remote, name);
      JsonNode *chosen = remote_value;

      if (g_str_equal (name, "updated_at"))
        {
          const char *a = local_value != NULL ? json_node_get_string (local_value) : NULL;
          const char *b = remote_value != NULL ? json_node_get_string (remote_value) : NULL;

          chosen = g_strcmp0 (a, b) > 0 ? local_value : remote_value;
        }
      else if (g_str_equal (name, "created_at") || g_str_equal (name, "article"))
        chosen = base != NULL && member (base, name) != NULL ? member (base, name) : remote_value;
      else if (!changed (base, remote, name) && local_value != NULL)
        chosen = local_value;
      else if (changed (base, local, name) && !same_on_both (local, remote, name))
        {
          /* Both changed it, differently: the server's stays. */
          const char *report = is_anchor_field (name) ? "anchor" : name;

          if (out_conflicts != NULL && !(is_anchor_field (name) && anchor_reported))
            g_ptr_array_add (out_conflicts, g_strdup (report));
          if (is_anchor_field (name))
            anchor_reported = TRUE;
        }

      json_object_set_member (merged, name, json_node_copy (chosen));
    }

  /* A claim always has a verdict and nothing else has one; a kind taken
   * from one side and a verdict from the other must still agree. */
  if (g_str_equal (kind, "annotation") && json_object_has_member (merged, "kind"))
    {
      gboolean claim = g_strcmp0 (json_object_get_string_member (merged, "kind"), "claim") == 0;
      JsonNode *verdict = json_object_get_member (merged, "verdict");
      gboolean has_verdict = verdict != NULL && !JSON_NODE_HOLDS_NULL (verdict);

      if (!claim && has_verdict)
        json_object_set_null_member (merged, "verdict");
      else if (claim && !has_verdict)
        json_object_set_string_member (merged, "verdict", "unrated");
    }

  return merged;
}
