/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-export"

#include "config.h"

#include <json-glib/json-glib.h>

#include "gloss-export-private.h"

/*
 * W3C Web Annotation Data Model, JSON-LD serialisation
 * (https://www.w3.org/TR/annotation-model/).
 *
 * The document is an AnnotationCollection whose first (and only)
 * AnnotationPage is embedded with the annotations as its items.  Each
 * annotation:
 *   id        urn:uuid:<the annotation's uuid> (kept by Gloss on import)
 *   created, modified
 *   motivation "classifying": marking words as a claim, denial… is the act;
 *             a note is "commenting" (with a comment) or "highlighting"
 *             (without), and has no classifying body: a plain annotation
 *             that reads back as a note
 *   target    source = the article URL, else urn:sha256:<hash of the saved
 *             bytes>; selectors TextQuoteSelector (exact/prefix/suffix) and
 *             TextPositionSelector (code points in the article text with
 *             paragraphs joined by "\n"); a TimeState whose sourceDate is
 *             when the article was saved
 *   body      TextualBody purpose "classifying", value = the kind
 *             TextualBody purpose "commenting", value = the note
 *             TextualBody purpose "assessing", value = the verdict
 *             TextualBody purpose "identifying", value = the speaker, with
 *               gloss:role "speaker" (W3C "identifying": who the words are
 *               attributed to; the role makes Gloss's reading explicit)
 *             SpecificResource purpose "linking", source = the other
 *               annotation's id, gloss:relation = responds-to | supports |
 *               contradicts
 *   creator   the reviewer (gloss_export_data_set_reviewer()): an Agent,
 *             type Person with name, or type Organization when only the
 *             organisation is known; left out when neither is
 *   generator Gloss itself: type Software, name "Gloss", gloss:version
 * The embedded AnnotationPage has an id of its own (the model, §5.2,
 * requires one) and says which collection it is partOf.
 * The gloss: terms live in GLOSS_JSONLD_NAMESPACE, declared in @context.
 */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_textual_body (JsonBuilder *builder,
                  const char  *purpose,
                  const char  *value,
                  const char  *role)
{
  json_builder_begin_object (builder);
  add_string (builder, "type", "TextualBody");
  add_string (builder, "purpose", purpose);
  add_string (builder, "value", value);
  add_string (builder, "format", "text/plain");
  if (role != NULL)
    add_string (builder, "gloss:role", role);
  json_builder_end_object (builder);
}

static void
add_bodies (JsonBuilder     *builder,
            GlossAnnotation *annotation)
{
  const char *verdict = gloss_verdict_to_string (gloss_annotation_get_verdict (annotation));
  const char *note = gloss_annotation_get_note (annotation);
  const char *speaker = gloss_annotation_get_speaker (annotation);
  gboolean is_note = gloss_annotation_get_kind (annotation) == GLOSS_ANNOTATION_NOTE;

  /* A note is a plain highlight: no body at all unless it says something. */
  if (is_note && (note == NULL || *note == '\0') && (speaker == NULL || *speaker == '\0') &&
      gloss_annotation_get_n_links (annotation) == 0)
    return;

  json_builder_set_member_name (builder, "body");
  json_builder_begin_array (builder);
  if (!is_note)
    add_textual_body (builder, "classifying",
                      gloss_annotation_kind_to_string (gloss_annotation_get_kind (annotation)), NULL);
  if (note != NULL && *note != '\0')
    add_textual_body (builder, "commenting", note, NULL);
  if (verdict != NULL)
    add_textual_body (builder, "assessing", verdict, NULL);
  if (speaker != NULL && *speaker != '\0')
    add_textual_body (builder, "identifying", speaker, "speaker");

  for (guint i = 0; i < gloss_annotation_get_n_links (annotation); i++)
    {
      const GlossAnnotationLink *link = gloss_annotation_get_link (annotation, i);
      g_autofree char *target = g_strconcat ("urn:uuid:", link->target_uuid, NULL);

      json_builder_begin_object (builder);
      add_string (builder, "type", "SpecificResource");
      add_string (builder, "purpose", "linking");
      add_string (builder, "source", target);
      add_string (builder, "gloss:relation", gloss_relation_to_string (link->relation));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_target (JsonBuilder        *builder,
            GlossExportArticle *item,
            GlossAnnotation    *annotation)
{
  const GlossAnchor *anchor = gloss_annotation_get_anchor (annotation);
  g_autofree char *source = gloss_export_dup_source_iri (item);
  glong start, end;

  json_builder_set_member_name (builder, "target");
  json_builder_begin_object (builder);
  add_string (builder, "source", source);

  json_builder_set_member_name (builder, "selector");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "type", "TextQuoteSelector");
  add_string (builder, "exact", anchor->exact);
  add_string (builder, "prefix", anchor->prefix);
  add_string (builder, "suffix", anchor->suffix);
  json_builder_end_object (builder);
  /* An orphan's old position no longer holds its words: leave it out. */
  if (anchor->state != GLOSS_ANCHOR_ORPHANED && gloss_export_get_positions (item, annotation, &start, &end))
    {
      json_builder_begin_object (builder);
      add_string (builder, "type", "TextPositionSelector");
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, end);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* When the text was downloaded, else when it was saved. */
  if (item->imported_at != NULL)
    {
      json_builder_set_member_name (builder, "state");
      json_builder_begin_object (builder);
      add_string (builder, "type", "TimeState");
      add_string (builder, "sourceDate", item->provenance != NULL &&
                                         item->provenance->fetched_at != NULL
                                         ? item->provenance->fetched_at : item->imported_at);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static void
add_generator (JsonBuilder *builder)
{
  json_builder_set_member_name (builder, "generator");
  json_builder_begin_object (builder);
  add_string (builder, "type", "Software");
  add_string (builder, "name", "Gloss");
  add_string (builder, "gloss:version", PACKAGE_VERSION);
  json_builder_end_object (builder);
}

static void
add_creator (JsonBuilder     *builder,
             GlossExportData *data)
{
  if (data->reviewer == NULL && data->organisation == NULL)
    return;

  json_builder_set_member_name (builder, "creator");
  json_builder_begin_object (builder);
  add_string (builder, "type", data->reviewer != NULL ? "Person" : "Organization");
  add_string (builder, "name", data->reviewer != NULL ? data->reviewer : data->organisation);
  json_builder_end_object (builder);
}

/* Marking words as a claim, denial… is classifying; a note is commenting
 * when it has a comment and highlighting when it is only a highlight, as
 * other annotation tools write them. */
static const char *
motivation (GlossAnnotation *annotation)
{
  const char *note = gloss_annotation_get_note (annotation);

  if (gloss_annotation_get_kind (annotation) != GLOSS_ANNOTATION_NOTE)
    return "classifying";
  return note != NULL && *note != '\0' ? "commenting" : "highlighting";
}

static void
add_annotation (JsonBuilder        *builder,
                GlossExportData    *data,
                GlossExportArticle *item,
                GlossAnnotation    *annotation)
{
  g_autofree char *id = gloss_export_dup_annotation_iri (annotation);

  json_builder_begin_object (builder);
  add_string (builder, "id", id);
  add_string (builder, "type", "Annotation");
  add_string (builder, "motivation", motivation (annotation));
  add_creator (builder, data);
  add_string (builder, "created", gloss_annotation_get_created_at (annotation));
  add_string (builder, "modified", gloss_annotation_get_updated_at (annotation));
  add_generator (builder);
  add_bodies (builder, annotation);
  add_target (builder, item, annotation);
  json_builder_end_object (builder);
}

GBytes *
gloss_export_web_annotation (GlossExportData  *data,
                             GError          **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *collection_id = g_strconcat ("urn:uuid:", uuid, NULL);
  g_autofree char *page_uuid = g_uuid_string_random ();
  g_autofree char *page_id = g_strconcat ("urn:uuid:", page_uuid, NULL);
  g_autoptr(GString) text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "@context");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "http://www.w3.org/ns/anno.jsonld");
  json_builder_begin_object (builder);
  add_string (builder, "gloss", GLOSS_JSONLD_NAMESPACE);
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  add_string (builder, "id", collection_id);
  add_string (builder, "type", "AnnotationCollection");
  add_string (builder, "label", "Gloss annotations");
  json_builder_set_member_name (builder, "generator");
  json_builder_begin_object (builder);
  add_string (builder, "type", "Software");
  add_string (builder, "name", "Gloss " PACKAGE_VERSION);
  json_builder_end_object (builder);
  add_string (builder, "generated", data->generated_at);
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, gloss_export_data_get_n_annotations (data));

  json_builder_set_member_name (builder, "first");
  json_builder_begin_object (builder);
  add_string (builder, "id", page_id);
  add_string (builder, "type", "AnnotationPage");
  add_string (builder, "partOf", collection_id);
  json_builder_set_member_name (builder, "startIndex");
  json_builder_add_int_value (builder, 0);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < data->articles->len; i++)
    {
      GlossExportArticle *item = g_ptr_array_index (data->articles, i);

      for (guint j = 0; j < item->annotations->len; j++)
        add_annotation (builder, data, item, g_ptr_array_index (item->annotations, j));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_gstring (generator, g_string_new (NULL));
  g_string_append_c (text, '\n');
  return g_string_free_to_bytes (g_steal_pointer (&text));
}
