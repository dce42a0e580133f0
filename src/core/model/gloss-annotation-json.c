/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-annotation-json"

#include "config.h"

#include "gloss-annotation-json.h"

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_links (JsonBuilder                *builder,
           const char                 *member,
           GlossAnnotation            *annotation,
           guint                       n_links,
           const GlossAnnotationLink *(*get_link) (GlossAnnotation *annotation,
                                                   guint            index))
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_links; i++)
    {
      const GlossAnnotationLink *link = get_link (annotation, i);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "relation", gloss_relation_to_string (link->relation));
      add_int (builder, "annotation", link->target_id);
      add_string_or_null (builder, "uuid", link->target_uuid);
      add_int (builder, "article", link->target_article_id);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * gloss_annotation_json_add_members:
 * @annotation: a stored annotation
 * @builder: a builder inside an object
 *
 * Adds the annotation's JSON form as gloss-cli prints it: `id`, `uuid`,
 * `article`, `kind`, the anchor (`start_block` … `suffix`, `state`), `note`,
 * `speaker`, `verdict`, `links` (`relation`, `annotation`, `uuid`,
 * `article`: the links it makes), `incoming_links` (the same members: the
 * links others make to it, `relation` named from their side, such as
 * "responds-to" for a denial answering this claim), `created`, `updated`.
 */
void
gloss_annotation_json_add_members (GlossAnnotation *annotation,
                                   JsonBuilder     *builder)
{
  const GlossAnchor *anchor;

  g_return_if_fail (GLOSS_IS_ANNOTATION (annotation));
  g_return_if_fail (JSON_IS_BUILDER (builder));

  anchor = gloss_annotation_get_anchor (annotation);
  add_int (builder, "id", gloss_annotation_get_id (annotation));
  add_string_or_null (builder, "uuid", gloss_annotation_get_uuid (annotation));
  add_int (builder, "article", gloss_annotation_get_article_id (annotation));
  add_string_or_null (builder, "kind",
                      gloss_annotation_kind_to_string (gloss_annotation_get_kind (annotation)));
  add_int (builder, "start_block", anchor->start_block);
  add_int (builder, "start_offset", anchor->start_offset);
  add_int (builder, "end_block", anchor->end_block);
  add_int (builder, "end_offset", anchor->end_offset);
  add_string_or_null (builder, "exact", anchor->exact);
  add_string_or_null (builder, "prefix", anchor->prefix);
  add_string_or_null (builder, "suffix", anchor->suffix);
  add_string_or_null (builder, "state", gloss_anchor_state_to_string (anchor->state));
  add_string_or_null (builder, "note", gloss_annotation_get_note (annotation));
  add_string_or_null (builder, "speaker", gloss_annotation_get_speaker (annotation));
  add_string_or_null (builder, "verdict",
                      gloss_verdict_to_string (gloss_annotation_get_verdict (annotation)));

  add_links (builder, "links", annotation, gloss_annotation_get_n_links (annotation),
             gloss_annotation_get_link);
  add_links (builder, "incoming_links", annotation,
             gloss_annotation_get_n_incoming_links (annotation),
             gloss_annotation_get_incoming_link);

  add_string_or_null (builder, "created", gloss_annotation_get_created_at (annotation));
  add_string_or_null (builder, "updated", gloss_annotation_get_updated_at (annotation));
}
