/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "gloss-error.h"
#include "gloss-export-private.h"
#include "gloss-import-annotations-private.h"

/*
 * Reading annotation files into GlossImportRecords.  Two families:
 *
 * W3C Web Annotation JSON-LD — Gloss's own export and other tools': a
 * single Annotation, an AnnotationCollection with its first page embedded
 * (or items directly), an AnnotationPage, or a plain array.  Selectors:
 * TextQuoteSelector and TextPositionSelector, at the top level or inside a
 * list; a selector refinedBy a quote selector (e.g. a FragmentSelector
 * narrowed to a quote) gives its quote; refined positions are relative to
 * something Gloss does not know and are ignored.  Bodies:
 *   purpose classifying or tagging → the kind when the value names one
 *     (claim, denial, evidence, question), else a tag;
 *   purpose assessing → the verdict when the value names one;
 *   purpose identifying → the speaker (what Gloss writes);
 *   purpose linking → a link to the annotation in `source` (or `id`), with
 *     gloss:relation, responds-to when absent;
 *   commenting, no purpose, anything else → the note.
 *
 * Hypothesis's JSON — the client's export ({"export_date", "annotations":
 * [...]}), the API's search result ({"rows": [...]}), or a bare array:
 * uri, text (the note), tags, target[0].source and target[0].selector[],
 * created, updated.  Replies (with `references`) and page notes (without
 * a selector) mark no words and are skipped.
 *
 * An annotation whose tags or bodies name no kind becomes a question: a
 * plain highlight says "look at this", not that the words are a claim or
 * a denial, and a question never gets a verdict or a ClaimReview.  Tags
 * that name no kind are kept at the end of the note ("Tags: …").
 */

static void
record_free (gpointer pointer)
{
  GlossImportRecord *record = pointer;

  g_free (record->id);
  g_free (record->source);
  g_free (record->exact);
  g_free (record->prefix);
  g_free (record->suffix);
  g_free (record->note);
  g_free (record->speaker);
  g_free (record->created);
  g_free (record->updated);
  g_ptr_array_unref (record->tags);
  g_ptr_array_unref (record->link_targets);
  g_array_unref (record->link_relations);
  g_free (record);
}

static GlossImportRecord *
record_new (void)
{
  GlossImportRecord *record = g_new0 (GlossImportRecord, 1);

  record->tags = g_ptr_array_new_with_free_func (g_free);
  record->link_targets = g_ptr_array_new_with_free_func (g_free);
  record->link_relations = g_array_new (FALSE, FALSE, sizeof (GlossRelation));
  return record;
}

void
gloss_import_file_free (GlossImportFile *file)
{
  if (file == NULL)
    return;

  g_ptr_array_unref (file->records);
  g_free (file);
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* JSON-LD lets most keys be written with or without "@". */
static const char *
get_keyword (JsonObject *object,
             const char *name)
{
  g_autofree char *at_name = g_strconcat ("@", name, NULL);
  const char *value = get_string (object, name);

  return value != NULL ? value : get_string (object, at_name);
}

static gboolean
get_number (JsonObject *object,
            const char *name,
            glong      *out_value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    *out_value = json_node_get_int (node);
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    *out_value = (glong) json_node_get_double (node);
  else
    return FALSE;
  return *out_value >= 0;
}

/* Calls @func on @node when it is an object, or on each object of an array:
 * JSON-LD allows one value or a list almost everywhere. */
static void
foreach_object (JsonNode *node,
                void    (*func) (JsonObject *object, gpointer user_data),
                gpointer  user_data)
{
  if (node == NULL)
    return;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      func (json_node_get_object (node), user_data);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_OBJECT (element))
            func (json_node_get_object (element), user_data);
        }
    }
}

static char *
normalise_name (const char *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value));
  char *lower = g_utf8_strdown (stripped, -1);

  g_strdelimit (lower, " _", '-');
  return lower;
}

/* Kinds in the singular or plural, as people tag: "claim", "Claims". */
static gboolean
kind_from_tag (const char          *tag,
               GlossAnnotationKind *out_kind)
{
  g_autofree char *name = normalise_name (tag);
  gsize length = strlen (name);

  if (gloss_annotation_kind_from_string (name, out_kind))
    return TRUE;
  if (length > 1 && name[length - 1] == 's')
    {
      name[length - 1] = '\0';
      return gloss_annotation_kind_from_string (name, out_kind);
    }
  return FALSE;
}

static void
append_note (GlossImportRecord *record,
             const char        *text)
{
  char *joined;

  if (text == NULL || *text == '\0')
    return;
  joined = record->note != NULL ? g_strconcat (record->note, "\n\n", text, NULL) : g_strdup (text);
  g_free (record->note);
  record->note = joined;
}

static void
add_tag (GlossImportRecord *record,
         const char        *tag)
{
  GlossAnnotationKind kind;

  if (tag == NULL || *tag == '\0')
    return;
  if (!record->has_kind && kind_from_tag (tag, &kind))
    {
      record->kind = kind;
      record->has_kind = TRUE;
    }
  else
    {
      g_ptr_array_add (record->tags, g_strdup (tag));
    }
}

static void
read_selector (JsonObject *selector,
               gpointer    user_data)
{
  GlossImportRecord *record = user_data;
  const char *type = get_keyword (selector, "type");
  JsonNode *refined = json_object_get_member (selector, "refinedBy");

  if (g_strcmp0 (type, "TextQuoteSelector") == 0 && record->exact == NULL &&
      get_string (selector, "exact") != NULL)
    {
      record->exact = g_strdup (get_string (selector, "exact"));
      record->prefix = g_strdup (get_string (selector, "prefix"));
      record->suffix = g_strdup (get_string (selector, "suffix"));
    }
  else if (g_strcmp0 (type, "TextPositionSelector") == 0 && !record->has_position)
    {
      glong start, end;

      if (get_number (selector, "start", &start) && get_number (selector, "end", &end) && start <= end)
        {
          record->start = start;
          record->end = end;
          record->has_position = TRUE;
        }
    }
  else if (refined != NULL && JSON_NODE_HOLDS_OBJECT (refined))
    {
      JsonObject *inner = json_node_get_object (refined);

      if (g_strcmp0 (get_keyword (inner, "type"), "TextQuoteSelector") == 0)
        read_selector (inner, record);
    }
}

static void
read_target (JsonObject *target,
             gpointer    user_data)
{
  GlossImportRecord *record = user_data;

  if (record->exact != NULL)
    return;
  if (record->source == NULL && get_keyword (target, "source") != NULL)
    record->source = g_strdup (get_keyword (target, "source"));
  foreach_object (json_object_get_member (target, "selector"), read_selector, record);
}

/* A body's purpose may be a list; the first Gloss understands wins. */
static const char *
get_purpose (JsonObject *body)
{
  JsonNode *node = json_object_get_member (body, "purpose");

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0)
    {
      JsonNode *first = json_array_get_element (json_node_get_array (node), 0);

      if (JSON_NODE_HOLDS_VALUE (first) && json_node_get_value_type (first) == G_TYPE_STRING)
        return json_node_get_string (first);
      return NULL;
    }
  return get_string (body, "purpose");
}

static void
read_body (JsonObject *body,
           gpointer    user_data)
{
  GlossImportRecord *record = user_data;
  const char *purpose = get_purpose (body);
  const char *value = get_string (body, "value");
  GlossVerdict verdict;

  if (g_strcmp0 (purpose, "linking") == 0)
    {
      const char *target = get_keyword (body, "source");
      const char *relation_name = get_string (body, "gloss:relation");
      GlossRelation relation = GLOSS_RELATION_RESPONDS_TO;

      if (target == NULL)
        target = get_keyword (body, "id");
      if (target == NULL)
        return;
      if (relation_name != NULL)
        gloss_relation_from_string (relation_name, &relation);
      g_ptr_array_add (record->link_targets, g_strdup (target));
      g_array_append_val (record->link_relations, relation);
      return;
    }

  if (value == NULL)
    return;

  if (g_strcmp0 (purpose, "classifying") == 0 || g_strcmp0 (purpose, "tagging") == 0)
    {
      add_tag (record, value);
    }
  else if (g_strcmp0 (purpose, "assessing") == 0)
    {
      g_autofree char *name = normalise_name (value);

      if (gloss_verdict_from_string (name, &verdict))
        {
          record->verdict = verdict;
          record->has_verdict = TRUE;
        }
      else
        {
          append_note (record, value);
        }
    }
  else if (g_strcmp0 (purpose, "identifying") == 0 && record->speaker == NULL)
    {
      record->speaker = g_strdup (value);
    }
  else
    {
      append_note (record, value);
    }
}

static gboolean
finish_record (GlossImportFile   *file,
               GlossImportRecord *record)
{
  if (record->exact == NULL && !(record->has_position && file->gloss_positions))
    {
      file->skipped++;
      record_free (record);
      return FALSE;
    }

  if (record->tags->len > 0)
    {
      g_autoptr(GString) line = g_string_new ("Tags: ");

      for (guint i = 0; i < record->tags->len; i++)
        g_string_append_printf (line, "%s%s", i > 0 ? ", " : "", (char *) g_ptr_array_index (record->tags, i));
      append_note (record, line->str);
    }

  g_ptr_array_add (file->records, record);
  return TRUE;
}

static void
read_web_annotation (JsonObject *object,
                     gpointer    user_data)
{
  GlossImportFile *file = user_data;
  GlossImportRecord *record = record_new ();
  JsonNode *body = json_object_get_member (object, "body");

  record->id = g_strdup (get_keyword (object, "id"));
  record->created = g_strdup (get_string (object, "created"));
  record->updated = g_strdup (get_string (object, "modified"));

  foreach_object (json_object_get_member (object, "target"), read_target, record);
  if (record->source == NULL && get_keyword (object, "target") != NULL)
    record->source = g_strdup (get_keyword (object, "target"));

  if (body != NULL && JSON_NODE_HOLDS_VALUE (body))
    {
      /* A body given only as an IRI says nothing Gloss can keep. */
    }
  else
    {
      foreach_object (body, read_body, record);
    }
  /* The older bodyValue shorthand is a plain comment. */
  append_note (record, get_string (object, "bodyValue"));

  finish_record (file, record);
}

static void
read_hypothesis (JsonObject *object,
                 gpointer    user_data)
{
  GlossImportFile *file = user_data;
  GlossImportRecord *record;
  JsonNode *references = json_object_get_member (object, "references");
  JsonNode *tags = json_object_get_member (object, "tags");
  const char *id = get_string (object, "id");

  if (references != NULL && JSON_NODE_HOLDS_ARRAY (references) &&
      json_array_get_length (json_node_get_array (references)) > 0)
    {
      file->skipped++;
      return;
    }

  record = record_new ();
  /* The id Hypothesis's own pages give the annotation, so an export of the
   * same annotation as a Web Annotation is recognised too. */
  if (id != NULL)
    record->id = g_strconcat ("https://hypothes.is/a/", id, NULL);
  record->created = g_strdup (get_string (object, "created"));
  record->updated = g_strdup (get_string (object, "updated"));

  if (tags != NULL && JSON_NODE_HOLDS_ARRAY (tags))
    {
      JsonArray *array = json_node_get_array (tags);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *tag = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (tag) && json_node_get_value_type (tag) == G_TYPE_STRING)
            add_tag (record, json_node_get_string (tag));
        }
    }
  append_note (record, get_string (object, "text"));

  foreach_object (json_object_get_member (object, "target"), read_target, record);
  if (record->source == NULL || get_string (object, "uri") != NULL)
    {
      g_free (record->source);
      record->source = g_strdup (get_string (object, "uri"));
    }

  finish_record (file, record);
}

static gboolean
is_hypothesis (JsonObject *object)
{
  JsonNode *target = json_object_get_member (object, "target");

  return json_object_has_member (object, "uri") && target != NULL && JSON_NODE_HOLDS_ARRAY (target) &&
         get_keyword (object, "type") == NULL;
}

static void
read_annotation (JsonObject *object,
                 gpointer    user_data)
{
  if (is_hypothesis (object))
    read_hypothesis (object, user_data);
  else
    read_web_annotation (object, user_data);
}

/* Whether @context declares Gloss's namespace: the file is a Gloss export. */
static gboolean
context_is_gloss (JsonNode *context)
{
  if (context == NULL)
    return FALSE;

  if (JSON_NODE_HOLDS_ARRAY (context))
    {
      JsonArray *array = json_node_get_array (context);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (context_is_gloss (json_array_get_element (array, i)))
          return TRUE;
    }
  else if (JSON_NODE_HOLDS_OBJECT (context))
    {
      return g_strcmp0 (get_string (json_node_get_object (context), "gloss"), GLOSS_JSONLD_NAMESPACE) == 0;
    }

  return FALSE;
}

static gboolean
read_container (GlossImportFile  *file,
                JsonObject       *object,
                GError          **error)
{
  const char *type = get_keyword (object, "type");
  JsonNode *items = json_object_get_member (object, "items");
  JsonNode *first = json_object_get_member (object, "first");

  if (json_object_has_member (object, "annotations"))       /* Hypothesis client export */
    foreach_object (json_object_get_member (object, "annotations"), read_annotation, file);
  else if (json_object_has_member (object, "rows"))         /* Hypothesis API search */
    foreach_object (json_object_get_member (object, "rows"), read_annotation, file);
  else if (items != NULL)                                   /* a page, or a collection with items */
    foreach_object (items, read_annotation, file);
  else if (first != NULL && JSON_NODE_HOLDS_OBJECT (first))
    foreach_object (json_object_get_member (json_node_get_object (first), "items"), read_annotation, file);
  else if (first != NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                   _("The collection’s annotations are on a separate page (%s); Gloss reads only "
                     "files and never downloads anything"),
                   JSON_NODE_HOLDS_VALUE (first) ? json_node_get_string (first) : "?");
      return FALSE;
    }
  else if (g_strcmp0 (type, "AnnotationCollection") == 0)
    ;                                                       /* empty */
  else if (g_strcmp0 (type, "Annotation") == 0 || is_hypothesis (object) ||
           json_object_has_member (object, "target"))
    read_annotation (object, file);
  else
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                           _("This is JSON, but neither Web Annotations nor a Hypothesis export"));
      return FALSE;
    }

  return TRUE;
}

/**
 * gloss_import_file_parse:
 *
 * Returns: (transfer full): the annotations of a Web Annotation or
 *   Hypothesis file, or %NULL with %GLOSS_ERROR_INVALID_ARGUMENT
 */
GlossImportFile *
gloss_import_file_parse (GBytes  *data,
                         GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GlossImportFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  const char *text = g_bytes_get_data (data, &size);
  JsonNode *root;

  if (!json_parser_load_from_data (parser, text != NULL ? text : "", size, &local_error))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                   _("Not a JSON annotation file: %s"), local_error->message);
      return NULL;
    }

  file = g_new0 (GlossImportFile, 1);
  file->records = g_ptr_array_new_with_free_func (record_free);
  root = json_parser_get_root (parser);

  if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      foreach_object (root, read_annotation, file);
    }
  else if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);

      file->gloss_positions = context_is_gloss (json_object_get_member (object, "@context"));
      if (!read_container (file, object, error))
        return NULL;
    }
  else
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                           _("This is JSON, but neither Web Annotations nor a Hypothesis export"));
      return NULL;
    }

  return g_steal_pointer (&file);
}
