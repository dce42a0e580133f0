/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-provenance"

#include "config.h"

#include "gloss-provenance.h"

G_DEFINE_BOXED_TYPE (GlossProvenance, gloss_provenance, gloss_provenance_copy,
                     gloss_provenance_free)

GlossProvenance *
gloss_provenance_new (void)
{
  return g_new0 (GlossProvenance, 1);
}

GlossProvenance *
gloss_provenance_copy (const GlossProvenance *provenance)
{
  GlossProvenance *copy;

  g_return_val_if_fail (provenance != NULL, NULL);

  copy = g_memdup2 (provenance, sizeof *provenance);
  copy->requested_url = g_strdup (provenance->requested_url);
  copy->final_url = g_strdup (provenance->final_url);
  copy->fetched_at = g_strdup (provenance->fetched_at);
  copy->date = g_strdup (provenance->date);
  copy->last_modified = g_strdup (provenance->last_modified);
  copy->etag = g_strdup (provenance->etag);
  copy->content_type = g_strdup (provenance->content_type);
  copy->sha256 = g_strdup (provenance->sha256);
  copy->file_name = g_strdup (provenance->file_name);
  return copy;
}

void
gloss_provenance_free (GlossProvenance *provenance)
{
  if (provenance == NULL)
    return;
  g_free (provenance->requested_url);
  g_free (provenance->final_url);
  g_free (provenance->fetched_at);
  g_free (provenance->date);
  g_free (provenance->last_modified);
  g_free (provenance->etag);
  g_free (provenance->content_type);
  g_free (provenance->sha256);
  g_free (provenance->file_name);
  g_free (provenance);
}

/**
 * gloss_provenance_get_link:
 *
 * Returns: (nullable): the address to ask again for this story: the final
 *   one after redirects, else the one asked for
 */
const char *
gloss_provenance_get_link (const GlossProvenance *provenance)
{
  g_return_val_if_fail (provenance != NULL, NULL);

  return provenance->final_url != NULL ? provenance->final_url : provenance->requested_url;
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/* Adds the members of @provenance (only those it has) to the object
 * @builder is building; names are the ones `gloss-cli --json` prints. */
void
gloss_provenance_add_json (const GlossProvenance *provenance,
                           JsonBuilder           *builder)
{
  g_return_if_fail (provenance != NULL);

  add_string (builder, "requested_url", provenance->requested_url);
  add_string (builder, "final_url", provenance->final_url);
  add_string (builder, "fetched_at", provenance->fetched_at);
  if (provenance->http_status != 0)
    {
      json_builder_set_member_name (builder, "http_status");
      json_builder_add_int_value (builder, provenance->http_status);
    }
  add_string (builder, "date", provenance->date);
  add_string (builder, "last_modified", provenance->last_modified);
  add_string (builder, "etag", provenance->etag);
  add_string (builder, "content_type", provenance->content_type);
  add_string (builder, "sha256", provenance->sha256);
  if (provenance->size != 0)
    {
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, (gint64) provenance->size);
    }
  add_string (builder, "file_name", provenance->file_name);
  if (provenance->n_pages != 0)
    {
      json_builder_set_member_name (builder, "pages");
      json_builder_add_int_value (builder, provenance->n_pages);
    }
}

char *
gloss_provenance_to_json (const GlossProvenance *provenance)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (provenance != NULL, NULL);

  json_builder_begin_object (builder);
  gloss_provenance_add_json (provenance, builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static char *
dup_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static gint64
int_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return MAX (json_node_get_int (node), 0);
}

/**
 * gloss_provenance_from_json:
 * @json: (nullable): what gloss_provenance_to_json() wrote
 *
 * Returns: (transfer full) (nullable): the provenance, or %NULL when @json
 *   is %NULL or not an object (a version stored before provenance was kept)
 */
GlossProvenance *
gloss_provenance_from_json (const char *json)
{
  g_autoptr(JsonParser) parser = NULL;
  GlossProvenance *provenance;
  JsonNode *root;
  JsonObject *object;

  if (json == NULL)
    return NULL;
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, json, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);

  provenance = gloss_provenance_new ();
  provenance->requested_url = dup_member (object, "requested_url");
  provenance->final_url = dup_member (object, "final_url");
  provenance->fetched_at = dup_member (object, "fetched_at");
  provenance->http_status = (guint) MIN (int_member (object, "http_status"), 999);
  provenance->date = dup_member (object, "date");
  provenance->last_modified = dup_member (object, "last_modified");
  provenance->etag = dup_member (object, "etag");
  provenance->content_type = dup_member (object, "content_type");
  provenance->sha256 = dup_member (object, "sha256");
  provenance->size = (guint64) int_member (object, "size");
  provenance->file_name = dup_member (object, "file_name");
  provenance->n_pages = (guint) MIN (int_member (object, "pages"), G_MAXUINT);
  return provenance;
}
