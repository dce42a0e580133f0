/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "gloss-cli.h"

/* gloss-cli search: the library's full-text search, articles first, then
 * annotations.  Matched words are printed between "[" and "]". */

/* "web page, nato.html" or "copied text, nato.txt": the HTML and the copied
 * text of one story share title and words, and the person reading the
 * results must see which is which. */
static char *
dup_source (GlossSearchHit *hit)
{
  const char *kind = g_strcmp0 (hit->source_kind, "text") == 0 ? _("copied text") : _("web page");

  if (hit->source_name == NULL)
    return g_strdup (kind);
  return g_strdup_printf ("%s, %s", kind, hit->source_name);
}

/* "paragraph 3", counted from 1 as show prints it, or "headline". */
static char *
dup_where (GlossSearchHit *hit)
{
  if (hit->block < 0)
    return g_strdup (_("headline"));
  return g_strdup_printf ("%s %d", _("paragraph"), hit->block + 1);
}

static void
print_hit (GlossSearchHit *hit,
           gboolean        json)
{
  g_autofree char *snippet = gloss_search_snippet_replace_markers (hit->snippet, "[", "]");
  g_autofree char *source = dup_source (hit);
  g_autofree char *where = dup_where (hit);
  gboolean annotation = hit->annotation_id != 0;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, annotation ? "annotation" : "article");
      json_builder_set_member_name (builder, "article");
      json_builder_add_int_value (builder, hit->article_id);
      if (annotation)
        {
          json_builder_set_member_name (builder, "annotation");
          json_builder_add_int_value (builder, hit->annotation_id);
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, gloss_annotation_kind_to_string (hit->annotation_kind));
        }
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, hit->title ?: "");
      json_builder_set_member_name (builder, "source_kind");
      json_builder_add_string_value (builder, hit->source_kind ?: "html");
      json_builder_set_member_name (builder, "source_name");
      if (hit->source_name != NULL)
        json_builder_add_string_value (builder, hit->source_name);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, hit->field);
      json_builder_set_member_name (builder, "block");
      json_builder_add_int_value (builder, hit->block);
      json_builder_set_member_name (builder, "offset");
      json_builder_add_int_value (builder, hit->offset);
      json_builder_set_member_name (builder, "snippet");
      json_builder_add_string_value (builder, snippet);
      json_builder_end_object (builder);
      gloss_cli_print_json (builder);
    }
  else if (annotation)
    printf ("%s %" G_GINT64_FORMAT "\t%s %" G_GINT64_FORMAT " (%s), %s\t%s\t%s: %s\n",
            _("annotation"), hit->annotation_id, _("article"), hit->article_id, source,
            where, gloss_annotation_kind_to_string (hit->annotation_kind), hit->field,
            snippet);
  else
    printf ("%s %" PRId64 " (%s)\t%s\t%s\t%s\n", _("article"), hit->article_id,
            source, where, hit->title ?: "", snippet);
}

int
gloss_cli_search (GlossCli  *cli,
                  int        argc,
                  char     **argv)
{
  gboolean json = FALSE;
  int limit = 20;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object per result"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit,
      N_("At most N articles and N annotations (default 20)"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GlossSearchResults) results = NULL;
  g_autofree char *query = NULL;

  context = gloss_cli_option_context_new (cli, _("QUERY…"),
                                          _("Searches titles, article text, and annotation quotes, "
                                            "notes and speakers, ignoring case and accents. Words "
                                            "are prefixes that must all match; FTS5 query syntax "
                                            "(\"phrases\", OR, NOT, NEAR, speaker:NAME) is "
                                            "accepted. Prints articles, then annotations, best "
                                            "first, each with its paragraph (from 1), whether it "
                                            "is a web page or copied text, and the matched words "
                                            "between [ and ]."), entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gloss_cli_usage_error (context, error->message);
  if (argc < 2)
    return gloss_cli_usage_error (context, _("No query given"));
  if (limit < 1)
    return gloss_cli_usage_error (context, _("--limit takes a positive number"));

  query = g_strjoinv (" ", argv + 1);
  store = gloss_cli_open_store (cli, &error);
  if (store == NULL)
    return gloss_cli_fail (error);
  results = gloss_store_search (store, query, limit, &error);
  if (results == NULL)
    return gloss_cli_fail (error);

  for (guint i = 0; i < results->articles->len; i++)
    print_hit (g_ptr_array_index (results->articles, i), json);
  for (guint i = 0; i < results->annotations->len; i++)
    print_hit (g_ptr_array_index (results->annotations, i), json);

  return GLOSS_CLI_EXIT_OK;
}
