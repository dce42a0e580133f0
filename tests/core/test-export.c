/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-export"

#include "config.h"

#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "gloss-core.h"
#include "gloss-store-private.h"
#include "annotated-sample.h"
#include "test-common.h"
#include "test-seed.h"

/* Every export format on the annotated sample (issue 5 §4), checked for
 * what a reader of the file would check. */

typedef GlossTestLibrary Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gloss_test_library_set_up (fixture, data);
  fixture->store = sample_annotated_library (fixture->path);
}

static char *
export_text (Fixture           *fixture,
             GlossExportFormat  format,
             GlossExportOrder   order)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = gloss_export_to_bytes (fixture->store, NULL, 0, format, order, &error);
  gsize size;
  const char *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  g_assert_true (g_utf8_validate (data, size, NULL));
  return g_strndup (data, size);
}

static char *
read_expected (const char *name)
{
  g_autofree char *path = g_build_filename (GLOSS_TEST_DATA, "export", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_markdown (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *by_position = export_text (fixture, GLOSS_EXPORT_MARKDOWN, GLOSS_EXPORT_ORDER_POSITION);
  g_autofree char *by_kind = export_text (fixture, GLOSS_EXPORT_MARKDOWN, GLOSS_EXPORT_ORDER_KIND);
  g_autofree char *expected = read_expected ("sample.md");

  g_assert_cmpstr (by_position, ==, expected);
  g_assert_nonnull (strstr (by_position, "> " SAMPLE_DENIAL "\n"));
  g_assert_nonnull (strstr (by_position, "- **Responds to:** claim “" SAMPLE_CLAIM "” (¶ 2)"));
  /* …and the claim shows the link from its side. */
  g_assert_nonnull (strstr (by_position, "- **Answered by:** denial “"));

  /* Grouped: the claims' heading comes before the denials'. */
  g_assert_nonnull (strstr (by_kind, "## Claims"));
  g_assert_true (strstr (by_kind, "## Claims") < strstr (by_kind, "## Denials"));
  g_assert_true (strstr (by_kind, "## Denials") < strstr (by_kind, "## Evidence"));
}

/* A small RFC 4180 reader: rows of cells, quotes doubled inside quoted
 * cells, CRLF between rows. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *cell = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; *p != '\0'; p++)
            {
              if (*p == '"' && p[1] == '"')
                g_string_append_c (cell, *p++);
              else if (*p == '"')
                break;
              else
                g_string_append_c (cell, *p);
            }
          g_assert_cmpint (*p, ==, '"');
          p++;
        }
      else if (*p == ',')
        {
          g_ptr_array_add (row, g_string_free (cell, FALSE));
          cell = g_string_new (NULL);
          p++;
        }
      else if (*p == '\r' && p[1] == '\n')
        {
          g_ptr_array_add (row, g_string_free (cell, FALSE));
          cell = g_string_new (NULL);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          p += 2;
        }
      else
        {
          g_assert_cmpint (*p, !=, '\n');     /* a bare LF only inside quotes */
          g_string_append_c (cell, *p++);
        }
    }

  g_assert_cmpuint (cell->len, ==, 0);      /* the last row ends with CRLF */
  g_string_free (cell, TRUE);
  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_unref (row);
  return rows;
}

static const char *
cell (GPtrArray *rows,
      guint      row,
      guint      column)
{
  return g_ptr_array_index ((GPtrArray *) g_ptr_array_index (rows, row), column);
}

static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *csv = export_text (fixture, GLOSS_EXPORT_CSV, GLOSS_EXPORT_ORDER_POSITION);
  g_autofree char *expected = read_expected ("sample.csv");
  g_autoptr(GPtrArray) rows = parse_csv (csv);

  g_assert_cmpstr (csv, ==, expected);

  g_assert_cmpuint (rows->len, ==, 4);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, i))->len, ==, 14);
  g_assert_cmpstr (cell (rows, 0, 0), ==, "article_title");
  g_assert_cmpstr (cell (rows, 0, 13), ==, "linked_uuids");

  /* The claim: its note would run as a formula, so it starts with an
   * apostrophe; commas, quotes and the line break come back unchanged. */
  g_assert_cmpstr (cell (rows, 1, 2), ==, SAMPLE_CLAIM_UUID);
  g_assert_cmpstr (cell (rows, 1, 3), ==, "claim");
  g_assert_cmpstr (cell (rows, 1, 4), ==, SAMPLE_CLAIM);
  g_assert_cmpstr (cell (rows, 1, 6), ==, "mostly-false");
  g_assert_cmpstr (cell (rows, 1, 7), ==, "'" SAMPLE_CLAIM_NOTE);
  g_assert_cmpstr (cell (rows, 1, 8), ==, "2");

  /* The span over two paragraphs keeps its line break. */
  g_assert_cmpstr (cell (rows, 2, 3), ==, "evidence");
  g_assert_nonnull (strchr (cell (rows, 2, 4), '\n'));

  g_assert_cmpstr (cell (rows, 3, 3), ==, "denial");
  g_assert_cmpstr (cell (rows, 3, 13), ==, "responds-to:" SAMPLE_CLAIM_UUID);

  for (guint i = 1; i < rows->len; i++)
    for (guint j = 0; j < 14; j++)
      g_assert_null (strchr ("=+-@\t\r", *cell (rows, i, j) != '\0' ? *cell (rows, i, j) : 'x'));
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

typedef struct
{
  guint marks;
  guint scripts;
  guint bold;
  GString *text;
} HtmlCheck;

static void
check_html_node (xmlNode   *node,
                 HtmlCheck *check)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_TEXT_NODE)
        g_string_append (check->text, (const char *) node->content);
      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (g_ascii_strcasecmp ((const char *) node->name, "script") == 0)
        check->scripts++;
      if (g_ascii_strcasecmp ((const char *) node->name, "mark") == 0)
        check->marks++;
      if (g_ascii_strcasecmp ((const char *) node->name, "b") == 0)
        check->bold++;
      g_assert_cmpstr ((const char *) node->name, !=, "img");
      g_assert_cmpstr ((const char *) node->name, !=, "link");
      g_assert_cmpstr ((const char *) node->name, !=, "iframe");

      for (xmlAttr *attribute = node->properties; attribute != NULL; attribute = attribute->next)
        {
          g_autofree char *value = (char *) xmlNodeGetContent ((xmlNode *) attribute);

          g_assert_false (g_ascii_strncasecmp ((const char *) attribute->name, "on", 2) == 0);
          g_assert_false (g_str_has_prefix (value, "http:") || g_str_has_prefix (value, "https:") ||
                          g_str_has_prefix (value, "//") || g_str_has_prefix (value, "javascript:"));
        }
      check_html_node (node->children, check);
    }
}

static void
test_html (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *html = export_text (fixture, GLOSS_EXPORT_HTML, GLOSS_EXPORT_ORDER_POSITION);
  g_autoptr(xmlDoc) doc = NULL;
  HtmlCheck check = { 0, 0, 0, g_string_new (NULL) };
  g_autofree char *text = NULL;

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "http://"));
  g_assert_null (strstr (html, "https://"));
  g_assert_nonnull (strstr (html, "@media print"));

  doc = htmlReadMemory (html, strlen (html), NULL, "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  check_html_node (xmlDocGetRootElement (doc), &check);
  text = g_string_free (check.text, FALSE);

  g_assert_cmpuint (check.scripts, ==, 0);
  /* Claim, denial, and the span cut in two by the paragraph break. */
  g_assert_cmpuint (check.marks, ==, 4);
  /* The note's <b> is text, not markup. */
  g_assert_cmpuint (check.bold, ==, 0);
  g_assert_nonnull (strstr (text, "<b>bold</b> &amp; more"));
  g_assert_nonnull (strstr (text, SAMPLE_CLAIM));
  g_assert_nonnull (strstr (text, SAMPLE_DENIAL));
  g_assert_nonnull (strstr (text, "Huawei rejects accusations"));
  g_assert_nonnull (strstr (text, "Mostly false"));
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonObject *
find_body (JsonArray  *bodies,
           const char *purpose)
{
  for (guint i = 0; i < json_array_get_length (bodies); i++)
    {
      JsonObject *body = json_array_get_object_element (bodies, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (body, "purpose", NULL), purpose) == 0)
        return body;
    }
  return NULL;
}

static void
test_web_annotation (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *text = export_text (fixture, GLOSS_EXPORT_WEB_ANNOTATION, GLOSS_EXPORT_ORDER_POSITION);
  g_autoptr(JsonNode) root = parse_json (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = gloss_store_load_article (fixture->store, 1, &error);
  g_autofree char *body_text = gloss_article_dup_body_text (article);
  JsonObject *collection = json_node_get_object (root);
  JsonArray *context = json_object_get_array_member (collection, "@context");
  JsonObject *page;
  JsonArray *items;

  g_assert_no_error (error);
  g_assert_cmpstr (json_array_get_string_element (context, 0), ==, "http://www.w3.org/ns/anno.jsonld");
  g_assert_cmpstr (json_object_get_string_member (collection, "type"), ==, "AnnotationCollection");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (collection, "id"), "urn:uuid:"));
  g_assert_cmpint (json_object_get_int_member (collection, "total"), ==, 3);
  page = json_object_get_object_member (collection, "first");
  g_assert_cmpstr (json_object_get_string_member (page, "type"), ==, "AnnotationPage");
  items = json_object_get_array_member (page, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 3);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *annotation = json_array_get_object_element (items, i);
      JsonObject *target = json_object_get_object_member (annotation, "target");
      JsonArray *selectors = json_object_get_array_member (target, "selector");
      JsonObject *quote = json_array_get_object_element (selectors, 0);
      JsonObject *position = json_array_get_object_element (selectors, 1);
      const char *source = json_object_get_string_member (target, "source");
      const char *exact = json_object_get_string_member (quote, "exact");
      gint64 start = json_object_get_int_member (position, "start");
      gint64 end = json_object_get_int_member (position, "end");
      const char *start_p = g_utf8_offset_to_pointer (body_text, start);
      g_autofree char *at_position = g_strndup (start_p, g_utf8_offset_to_pointer (body_text, end) - start_p);

      /* Required by the model: id, type, target; Gloss always gives a body. */
      g_assert_true (g_str_has_prefix (json_object_get_string_member (annotation, "id"), "urn:uuid:"));
      g_assert_cmpstr (json_object_get_string_member (annotation, "type"), ==, "Annotation");
      g_assert_nonnull (json_object_get_string_member (annotation, "created"));
      g_assert_nonnull (json_object_get_string_member (annotation, "modified"));
      g_assert_true (g_str_has_prefix (source, "urn:sha256:"));
      g_assert_cmpuint (strlen (source), ==, strlen ("urn:sha256:") + 64);
      g_assert_cmpstr (json_object_get_string_member (quote, "type"), ==, "TextQuoteSelector");
      g_assert_cmpstr (json_object_get_string_member (position, "type"), ==, "TextPositionSelector");
      /* The position selector counts code points in the paragraphs joined by \n. */
      g_assert_cmpstr (at_position, ==, exact);
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (target, "state"), "type"),
                       ==, "TimeState");
      g_assert_nonnull (find_body (json_object_get_array_member (annotation, "body"), "classifying"));
    }

  {
    JsonObject *claim = json_array_get_object_element (items, 0);
    JsonObject *denial = json_array_get_object_element (items, 2);
    JsonArray *claim_bodies = json_object_get_array_member (claim, "body");
    JsonArray *denial_bodies = json_object_get_array_member (denial, "body");
    JsonObject *link = find_body (denial_bodies, "linking");

    g_assert_cmpstr (json_object_get_string_member (claim, "id"), ==, "urn:uuid:" SAMPLE_CLAIM_UUID);
    g_assert_cmpstr (json_object_get_string_member (find_body (claim_bodies, "classifying"), "value"), ==, "claim");
    g_assert_cmpstr (json_object_get_string_member (find_body (claim_bodies, "assessing"), "value"), ==, "mostly-false");
    g_assert_cmpstr (json_object_get_string_member (find_body (claim_bodies, "commenting"), "value"), ==, SAMPLE_CLAIM_NOTE);
    g_assert_cmpstr (json_object_get_string_member (find_body (claim_bodies, "identifying"), "value"), ==, "NATO allies");
    g_assert_nonnull (link);
    g_assert_cmpstr (json_object_get_string_member (link, "source"), ==, "urn:uuid:" SAMPLE_CLAIM_UUID);
    g_assert_cmpstr (json_object_get_string_member (link, "gloss:relation"), ==, "responds-to");
  }
}

static void
test_claim_review (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *text = export_text (fixture, GLOSS_EXPORT_CLAIM_REVIEW, GLOSS_EXPORT_ORDER_POSITION);
  g_autoptr(JsonNode) root = parse_json (text);
  JsonObject *document = json_node_get_object (root);
  JsonArray *graph = json_object_get_array_member (document, "@graph");
  JsonObject *review, *item, *author, *rating;

  g_assert_cmpstr (json_object_get_string_member (document, "@context"), ==, "https://schema.org");
  /* Only the claim has a verdict. */
  g_assert_cmpuint (json_array_get_length (graph), ==, 1);
  review = json_array_get_object_element (graph, 0);
  g_assert_cmpstr (json_object_get_string_member (review, "@type"), ==, "ClaimReview");
  g_assert_cmpstr (json_object_get_string_member (review, "claimReviewed"), ==, SAMPLE_CLAIM);
  g_assert_cmpstr (json_object_get_string_member (review, "datePublished"), ==, "2024-03-02");

  item = json_object_get_object_member (review, "itemReviewed");
  g_assert_cmpstr (json_object_get_string_member (item, "@type"), ==, "Claim");
  author = json_object_get_object_member (item, "author");
  g_assert_cmpstr (json_object_get_string_member (author, "name"), ==, "NATO allies");
  g_assert_cmpstr (json_object_get_string_member (author, "@type"), ==, "Organization");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (item, "appearance"), "@type"),
                   ==, "CreativeWork");

  rating = json_object_get_object_member (review, "reviewRating");
  g_assert_cmpstr (json_object_get_string_member (rating, "@type"), ==, "Rating");
  g_assert_cmpstr (json_object_get_string_member (rating, "alternateName"), ==, "Mostly false");
  g_assert_cmpint (json_object_get_int_member (rating, "ratingValue"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (rating, "bestRating"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (rating, "worstRating"), ==, 1);

  /* The denial that answers the claim is in the review. */
  g_assert_nonnull (strstr (json_object_get_string_member (review, "reviewBody"), "Huawei"));
  g_assert_nonnull (strstr (json_object_get_string_member (review, "reviewBody"), SAMPLE_DENIAL));
}

/* schema.org's fact-check markup (https://schema.org/ClaimReview, and the
 * ClaimReview properties search engines read, as published by schema.org's
 * fact-check guidance): what a review must have, and what it should have.
 * Each problem found is appended to @problems. */
static gboolean
is_iso_date (const char *text)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *midnight = NULL;

  if (text == NULL || strlen (text) < 10)
    return FALSE;
  midnight = g_strdup_printf ("%.10sT00:00:00Z", text);
  parsed = g_date_time_new_from_iso8601 (midnight, NULL);
  return parsed != NULL;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return *json_node_get_string (node) != '\0' ? json_node_get_string (node) : NULL;
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static void
check_agent (JsonObject *agent,
             const char *where,
             GString    *problems)
{
  const char *type = member_string (agent, "@type");

  if (agent == NULL)
    {
      g_string_append_printf (problems, "%s: missing (recommended)\n", where);
      return;
    }
  if (g_strcmp0 (type, "Organization") != 0 && g_strcmp0 (type, "Person") != 0)
    g_string_append_printf (problems, "%s: @type must be Organization or Person\n", where);
  if (member_string (agent, "name") == NULL)
    g_string_append_printf (problems, "%s: no name\n", where);
}

static void
check_claim_review (JsonObject *review,
                    GString    *problems)
{
  JsonObject *rating = member_object (review, "reviewRating");
  JsonObject *claim = member_object (review, "itemReviewed");
  JsonObject *appearance = member_object (claim, "appearance");
  const char *url = member_string (review, "url");

  if (g_strcmp0 (member_string (review, "@type"), "ClaimReview") != 0)
    g_string_append (problems, "@type is not ClaimReview\n");

  /* Required. */
  if (member_string (review, "claimReviewed") == NULL)
    g_string_append (problems, "claimReviewed: missing (required)\n");
  if (url == NULL || !g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL))
    g_string_append (problems, "url: missing or not an absolute URI (required)\n");
  if (rating == NULL)
    g_string_append (problems, "reviewRating: missing (required)\n");
  else
    {
      if (g_strcmp0 (member_string (rating, "@type"), "Rating") != 0)
        g_string_append (problems, "reviewRating: @type is not Rating\n");
      if (member_string (rating, "alternateName") == NULL)
        g_string_append (problems, "reviewRating.alternateName: missing (required)\n");
      /* A numeric rating needs its scale, and must be on it. */
      if (json_object_has_member (rating, "ratingValue"))
        {
          gint64 value = json_object_get_int_member (rating, "ratingValue");

          if (!json_object_has_member (rating, "bestRating") || !json_object_has_member (rating, "worstRating"))
            g_string_append (problems, "reviewRating: ratingValue without bestRating and worstRating\n");
          else if (value < json_object_get_int_member (rating, "worstRating") ||
                   value > json_object_get_int_member (rating, "bestRating"))
            g_string_append (problems, "reviewRating.ratingValue: off its scale\n");
        }
    }

  /* Recommended. */
  check_agent (member_object (review, "author"), "author", problems);
  if (!is_iso_date (member_string (review, "datePublished")))
    g_string_append (problems, "datePublished: missing or not an ISO 8601 date (recommended)\n");
  if (claim == NULL)
    g_string_append (problems, "itemReviewed: missing (recommended)\n");
  else
    {
      if (g_strcmp0 (member_string (claim, "@type"), "Claim") != 0)
        g_string_append (problems, "itemReviewed: @type is not Claim\n");
      check_agent (member_object (claim, "author"), "itemReviewed.author", problems);
      if (!is_iso_date (member_string (claim, "datePublished")))
        g_string_append (problems, "itemReviewed.datePublished: missing or not a date (recommended)\n");
      if (appearance == NULL)
        g_string_append (problems, "itemReviewed.appearance: missing (recommended)\n");
      else if (member_string (appearance, "url") == NULL && member_string (appearance, "headline") == NULL)
        g_string_append (problems, "itemReviewed.appearance: neither url nor headline\n");
      else if (member_string (appearance, "url") != NULL &&
               !g_uri_is_valid (member_string (appearance, "url"), G_URI_FLAGS_NONE, NULL))
        g_string_append (problems, "itemReviewed.appearance.url: not an absolute URI\n");
    }
}

static char *
export_with_reviewer (Fixture           *fixture,
                      GlossExportFormat  format,
                      const char        *reviewer,
                      const char        *organisation,
                      const char        *review_url)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossExportData) data = gloss_export_data_collect (fixture->store, NULL, 0, &error);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  gloss_export_data_set_reviewer (data, reviewer, organisation, review_url);
  bytes = gloss_export_data_to_bytes (data, format, GLOSS_EXPORT_ORDER_POSITION, &error);
  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* With the reviewer set (as Preferences or gloss-cli export --reviewer
 * --organisation --review-url do), the ClaimReview has every required and
 * recommended fact-check property; without one, none is made up. */
static void
test_claim_review_schema (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *anonymous = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) anonymous_root = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  JsonObject *review;

  gloss_test_sql_exec (fixture->path, "UPDATE articles SET published = '2019-03-14',"
                              " url = 'https://news.example/nato-huawei'");
  g_clear_object (&fixture->store);
  fixture->store = gloss_store_open (fixture->path, NULL);

  text = export_with_reviewer (fixture, GLOSS_EXPORT_CLAIM_REVIEW, "Ana Díaz", "Example Fact Check",
                               "https://factcheck.example/reviews/nato");
  root = parse_json (text);
  review = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "@graph"), 0);
  check_claim_review (review, problems);
  g_assert_cmpstr (problems->str, ==, "");
  g_assert_cmpstr (member_string (member_object (review, "author"), "name"), ==, "Example Fact Check");
  g_assert_cmpstr (member_string (member_object (review, "author"), "@type"), ==, "Organization");
  g_assert_cmpstr (member_string (review, "url"), ==,
                   "https://factcheck.example/reviews/nato#claim-" SAMPLE_CLAIM_UUID);

  /* No reviewer: no author is invented, and the check says so. */
  anonymous = export_with_reviewer (fixture, GLOSS_EXPORT_CLAIM_REVIEW, NULL, "  ", NULL);
  anonymous_root = parse_json (anonymous);
  review = json_array_get_object_element (json_object_get_array_member (json_node_get_object (anonymous_root),
                                                                        "@graph"), 0);
  g_assert_false (json_object_has_member (review, "author"));
  g_string_truncate (problems, 0);
  check_claim_review (review, problems);
  g_assert_cmpstr (problems->str, ==, "author: missing (recommended)\n");
}

/* The reviewer in the other formats: W3C creator and generator and the
 * page's id, the report's and the brief's reviewer and review date. */
static void
test_reviewer_in_every_format (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *jsonld = export_with_reviewer (fixture, GLOSS_EXPORT_WEB_ANNOTATION, "Ana Díaz",
                                                  "Example Fact Check", NULL);
  g_autofree char *markdown = export_with_reviewer (fixture, GLOSS_EXPORT_MARKDOWN, "Ana Díaz",
                                                    "Example Fact Check", NULL);
  g_autofree char *html = export_with_reviewer (fixture, GLOSS_EXPORT_HTML, "Ana Díaz", NULL, NULL);
  g_autoptr(JsonNode) root = parse_json (jsonld);
  JsonObject *collection = json_node_get_object (root);
  JsonObject *page = json_object_get_object_member (collection, "first");
  JsonArray *items = json_object_get_array_member (page, "items");
  const char *page_id = json_object_get_string_member_with_default (page, "id", NULL);

  g_assert_nonnull (page_id);
  g_assert_true (g_uri_is_valid (page_id, G_URI_FLAGS_NONE, NULL));
  g_assert_cmpstr (page_id, !=, json_object_get_string_member (collection, "id"));
  g_assert_cmpstr (json_object_get_string_member (page, "partOf"), ==,
                   json_object_get_string_member (collection, "id"));
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *annotation = json_array_get_object_element (items, i);
      JsonObject *creator = json_object_get_object_member (annotation, "creator");
      JsonObject *generator = json_object_get_object_member (annotation, "generator");

      g_assert_cmpstr (json_object_get_string_member (creator, "type"), ==, "Person");
      g_assert_cmpstr (json_object_get_string_member (creator, "name"), ==, "Ana Díaz");
      g_assert_cmpstr (json_object_get_string_member (generator, "type"), ==, "Software");
      g_assert_cmpstr (json_object_get_string_member (generator, "name"), ==, "Gloss");
      g_assert_cmpstr (json_object_get_string_member (generator, "gloss:version"), ==, PACKAGE_VERSION);
    }

  /* The sample's annotations were last changed on 2024-03-02. */
  g_assert_nonnull (strstr (markdown, "- **Reviewed by:** Ana Díaz, Example Fact Check\n"));
  g_assert_nonnull (strstr (markdown, "- **Review date:** 2024-03-02\n"));
  {
    g_autoptr(xmlDoc) doc = htmlReadMemory (html, strlen (html), NULL, "UTF-8",
                                            HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    xmlChar *text = xmlNodeGetContent (xmlDocGetRootElement (doc));

    g_assert_nonnull (strstr ((const char *) text, "Reviewed by Ana Díaz on 2024-03-02"));
    xmlFree (text);
  }
}

/* A note is a plain W3C annotation: highlighting without a comment and
 * commenting with one, no classifying body; it is not in ClaimReview and
 * reads back as a note. */
static void
test_note (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = gloss_store_load_article (fixture->store, 1, &error);
  g_autoptr(GlossAnchor) highlight_anchor = gloss_anchor_new_for_quote (article, "Huawei rejects", 1, &error);
  g_autoptr(GlossAnchor) comment_anchor = gloss_anchor_new_for_quote (article, "Chinese spying", 1, &error);
  g_autoptr(GlossAnnotation) highlight = gloss_annotation_new (GLOSS_ANNOTATION_NOTE, highlight_anchor);
  g_autoptr(GlossAnnotation) comment = gloss_annotation_new (GLOSS_ANNOTATION_NOTE, comment_anchor);
  g_autofree char *jsonld = NULL;
  g_autofree char *review = NULL;
  g_autofree char *markdown = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *items;
  guint n_notes = 0;

  g_assert_no_error (error);
  gloss_annotation_set_article_id (highlight, 1);
  gloss_annotation_set_article_id (comment, 1);
  gloss_annotation_set_note (comment, "Worth a second source");
  g_assert_true (gloss_store_add_annotation (fixture->store, highlight, &error));
  g_assert_true (gloss_store_add_annotation (fixture->store, comment, &error));
  g_assert_no_error (error);

  jsonld = export_text (fixture, GLOSS_EXPORT_WEB_ANNOTATION, GLOSS_EXPORT_ORDER_POSITION);
  root = parse_json (jsonld);
  items = json_object_get_array_member (json_object_get_object_member (json_node_get_object (root), "first"),
                                        "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *annotation = json_array_get_object_element (items, i);
      const char *id = json_object_get_string_member (annotation, "id");
      const char *motivation = json_object_get_string_member (annotation, "motivation");

      if (g_str_equal (id + strlen ("urn:uuid:"), gloss_annotation_get_uuid (highlight)))
        {
          n_notes++;
          g_assert_cmpstr (motivation, ==, "highlighting");
          g_assert_false (json_object_has_member (annotation, "body"));
        }
      else if (g_str_equal (id + strlen ("urn:uuid:"), gloss_annotation_get_uuid (comment)))
        {
          JsonArray *bodies = json_object_get_array_member (annotation, "body");

          n_notes++;
          g_assert_cmpstr (motivation, ==, "commenting");
          g_assert_null (find_body (bodies, "classifying"));
          g_assert_cmpstr (json_object_get_string_member (find_body (bodies, "commenting"), "value"), ==,
                           "Worth a second source");
        }
      else
        g_assert_cmpstr (motivation, ==, "classifying");
    }
  g_assert_cmpuint (n_notes, ==, 2);

  review = export_text (fixture, GLOSS_EXPORT_CLAIM_REVIEW, GLOSS_EXPORT_ORDER_POSITION);
  g_assert_null (strstr (review, "Worth a second source"));
  markdown = export_text (fixture, GLOSS_EXPORT_MARKDOWN, GLOSS_EXPORT_ORDER_KIND);
  g_assert_nonnull (strstr (markdown, "## Notes"));

  /* Read back into another library: notes again. */
  {
    g_autofree char *other_path = g_build_filename (fixture->dir, "other.db", NULL);
    g_autoptr(GlossStore) other = gloss_store_open (other_path, &error);
    g_autoptr(GBytes) bytes = g_bytes_new (jsonld, strlen (jsonld));
    g_autoptr(GPtrArray) annotations = NULL;
    GlossImportReport report = { 0 };
    guint notes = 0;
    const char *suffixes[] = { "", "-wal", "-shm" };

    g_assert_no_error (error);
    sample_import_article (other);
    g_assert_true (gloss_import_annotations (other, bytes, 0, &report, &error));
    g_assert_no_error (error);
    gloss_import_report_clear (&report);
    annotations = gloss_store_list_annotations (other, 1, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < annotations->len; i++)
      notes += gloss_annotation_get_kind (g_ptr_array_index (annotations, i)) == GLOSS_ANNOTATION_NOTE;
    g_assert_cmpuint (notes, ==, 2);
    g_clear_object (&other);
    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *path = g_strconcat (other_path, suffixes[i], NULL);

        g_unlink (path);
      }
  }
}

static void
test_scope (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossExportData) all = gloss_export_data_collect (fixture->store, NULL, 0, &error);
  g_autoptr(GlossExportData) missing = NULL;
  const gint64 ids[] = { 1, 1 };
  const gint64 unknown[] = { 1, 42 };
  g_autoptr(GlossExportData) one = gloss_export_data_collect (fixture->store, ids, 2, &error);
  GlossExportFormat format;

  g_assert_no_error (error);
  g_assert_cmpuint (gloss_export_data_get_n_articles (all), ==, 1);
  g_assert_cmpuint (gloss_export_data_get_n_annotations (all), ==, 3);
  g_assert_cmpuint (gloss_export_data_get_n_articles (one), ==, 1);

  missing = gloss_export_data_collect (fixture->store, unknown, 2, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND);
  g_assert_null (missing);
  g_clear_error (&error);
  /* A failed collect ends its read transaction too: writing works. */
  g_assert_true (gloss_store_set_article_unread (fixture->store, 1, FALSE, &error));
  g_assert_no_error (error);

  g_assert_true (gloss_export_format_from_string ("md", &format));
  g_assert_cmpint (format, ==, GLOSS_EXPORT_MARKDOWN);
  g_assert_true (gloss_export_format_from_string ("jsonld", &format));
  g_assert_cmpint (format, ==, GLOSS_EXPORT_WEB_ANNOTATION);
  g_assert_false (gloss_export_format_from_string ("pdf", &format));
}

#define SECOND_TITLE "Auditors find no back door in the network equipment"
#define SECOND_QUOTE "found no hidden access in the equipment they examined"

/* A second story's evidence contradicts the sample's claim: each article's
 * report shows the link from its own side, with the other article named,
 * also when that article is not part of the export. */
static void
test_links_across_articles (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char page[] =
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>" SECOND_TITLE "</title></head><body><article><h1>" SECOND_TITLE "</h1>"
    "<p>BERLIN — A team of independent auditors said on Monday that they "
    SECOND_QUOTE " over six months of testing at three carriers.</p>"
    "<p>The auditors cautioned that software updates could change the picture and "
    "asked for the tests to be repeated every year by an independent body.</p>"
    "<p>The carriers said they would publish the full report next week, once the "
    "names of their suppliers' engineers had been removed from it.</p>"
    "</article></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (page, sizeof page - 1);
  g_autoptr(GlossArticle) second = NULL;
  g_autoptr(GlossAnchor) anchor = NULL;
  g_autoptr(GlossAnnotation) evidence = NULL;
  g_autoptr(GBytes) first_report = NULL;
  g_autoptr(GBytes) second_report = NULL;
  g_autoptr(GBytes) first_html = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  g_autofree char *html_text = NULL;
  g_autoptr(GPtrArray) sample = NULL;
  gint64 second_id, first_id = 1, claim_id = 0;

  sample = gloss_store_list_annotations (fixture->store, first_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < sample->len; i++)
    if (gloss_annotation_get_kind (sample->pdata[i]) == GLOSS_ANNOTATION_CLAIM)
      claim_id = gloss_annotation_get_id (sample->pdata[i]);
  g_assert_cmpint (claim_id, >, 0);

  second_id = gloss_store_import (fixture->store, bytes, "audit.html", NULL, NULL, &error);
  g_assert_no_error (error);
  second = gloss_store_load_article (fixture->store, second_id, &error);
  g_assert_no_error (error);
  anchor = gloss_anchor_new_for_quote (second, SECOND_QUOTE, 1, &error);
  g_assert_no_error (error);
  evidence = gloss_annotation_new (GLOSS_ANNOTATION_EVIDENCE, anchor);
  gloss_annotation_set_article_id (evidence, second_id);
  gloss_annotation_add_link (evidence, GLOSS_RELATION_CONTRADICTS, claim_id, NULL);
  g_assert_true (gloss_store_add_annotation (fixture->store, evidence, &error));
  g_assert_no_error (error);

  /* Only the second story: its link leads to the sample's claim, by name. */
  second_report = gloss_export_to_bytes (fixture->store, &second_id, 1, GLOSS_EXPORT_MARKDOWN,
                                         GLOSS_EXPORT_ORDER_POSITION, &error);
  g_assert_no_error (error);
  second_text = g_strndup (g_bytes_get_data (second_report, NULL), g_bytes_get_size (second_report));
  g_assert_nonnull (strstr (second_text, "- **Contradicts:** claim “" SAMPLE_CLAIM
                                         "” in “NATO weighing whether Huawei poses security threat”\n"));

  /* Only the sample: its claim says what contradicts it, and where. */
  first_report = gloss_export_to_bytes (fixture->store, &first_id, 1, GLOSS_EXPORT_MARKDOWN,
                                        GLOSS_EXPORT_ORDER_POSITION, &error);
  g_assert_no_error (error);
  first_text = g_strndup (g_bytes_get_data (first_report, NULL), g_bytes_get_size (first_report));
  g_assert_nonnull (strstr (first_text, "- **Contradicted by:** evidence “" SECOND_QUOTE
                                        "” in “" SECOND_TITLE "”\n"));
  g_assert_nonnull (strstr (first_text, "- **Answered by:** denial “" SAMPLE_DENIAL "” (¶ 7)\n"));

  first_html = gloss_export_to_bytes (fixture->store, &first_id, 1, GLOSS_EXPORT_HTML,
                                      GLOSS_EXPORT_ORDER_POSITION, &error);
  g_assert_no_error (error);
  html_text = g_strndup (g_bytes_get_data (first_html, NULL), g_bytes_get_size (first_html));
  g_assert_nonnull (strstr (html_text, "<dt>Contradicted by</dt>"));
  g_assert_nonnull (strstr (html_text, "evidence &ldquo;" SECOND_QUOTE "&rdquo; in &ldquo;"
                                       SECOND_TITLE "&rdquo;"));
}

typedef struct
{
  const char *path;
  gboolean text_read;
  guint n_writes;
} Writer;

/* Another program writes the moment the export has read the article's
 * text, before it reads anything else: it retitles the article and
 * deletes the claim. */
static int
write_after_text_read (unsigned  type,
                       void     *user_data,
                       void     *statement,
                       void     *unused)
{
  Writer *writer = user_data;
  const char *sql = sqlite3_sql (statement);

  if (writer->text_read && writer->n_writes == 0)
    {
      writer->n_writes++;
      gloss_test_sql_exec (writer->path, "PRAGMA foreign_keys = ON;"
                                         "UPDATE articles SET title = 'Rewritten meanwhile';"
                                         "DELETE FROM annotations WHERE kind = 'claim'");
    }
  if (sql != NULL && strstr (sql, "FROM blocks") != NULL)
    writer->text_read = TRUE;

  return 0;
}

static void
test_consistent_while_written (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossExportData) snapshot = NULL;
  g_autoptr(GlossArticle) before = gloss_store_load_article (fixture->store, 1, &error);
  g_autoptr(GlossArticle) after = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GBytes) markdown = NULL;
  g_autofree char *text = NULL;
  sqlite3 *db = gloss_store_get_db (fixture->store);
  Writer writer = { fixture->path, FALSE, 0 };

  g_assert_no_error (error);
  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, write_after_text_read, &writer);
  snapshot = gloss_export_data_collect (fixture->store, NULL, 0, &error);
  sqlite3_trace_v2 (db, 0, NULL, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (writer.n_writes, ==, 1);

  /* The export is the library as it was when the export began: the text
   * and all three annotations of that moment, not the old text with the
   * annotations left after the other program's change. */
  g_assert_cmpuint (gloss_export_data_get_n_annotations (snapshot), ==, 3);
  markdown = gloss_export_data_to_bytes (snapshot, GLOSS_EXPORT_MARKDOWN, GLOSS_EXPORT_ORDER_POSITION,
                                         &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (markdown, NULL), g_bytes_get_size (markdown));
  g_assert_nonnull (strstr (text, gloss_article_get_title (before)));
  g_assert_null (strstr (text, "Rewritten meanwhile"));
  g_assert_nonnull (strstr (text, SAMPLE_CLAIM));

  /* The other program's change is in the library, and the store reads and
   * writes again once the export is collected. */
  after = gloss_store_load_article (fixture->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_article_get_title (after), ==, "Rewritten meanwhile");
  annotations = gloss_store_list_annotations (fixture->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annotations->len, ==, 2);
  g_assert_true (gloss_store_set_article_unread (fixture->store, 1, FALSE, &error));
  g_assert_no_error (error);
}

static void
write_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean *done = user_data;

  g_assert_true (gloss_export_data_write_finish (result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_write_async (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossExportData) snapshot = gloss_export_data_collect (fixture->store, NULL, 0, &error);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) bytes = NULL;
  gboolean done = FALSE;

  g_assert_no_error (error);
  gloss_export_data_write_async (snapshot, GLOSS_EXPORT_CSV, GLOSS_EXPORT_ORDER_POSITION, stream, NULL,
                                 write_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_output_stream_close (stream, NULL, NULL);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "article_title,"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, gloss_test_library_tear_down)
  ADD ("/core/export/markdown", test_markdown);
  ADD ("/core/export/csv", test_csv);
  ADD ("/core/export/html", test_html);
  ADD ("/core/export/web-annotation", test_web_annotation);
  ADD ("/core/export/claim-review", test_claim_review);
  ADD ("/core/export/note", test_note);
  ADD ("/core/export/claim-review-schema", test_claim_review_schema);
  ADD ("/core/export/reviewer-in-every-format", test_reviewer_in_every_format);
  ADD ("/core/export/scope", test_scope);
  ADD ("/core/export/links-across-articles", test_links_across_articles);
  ADD ("/core/export/consistent-while-written", test_consistent_while_written);
  ADD ("/core/export/write-async", test_write_async);
#undef ADD

  return g_test_run ();
}
