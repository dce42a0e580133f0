/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "gloss-cli.h"

/* gloss-cli versions and diff: an article's versions, where each came
 * from, and the words that changed between two of them. */

static void
add_version_json (JsonBuilder         *builder,
                  GlossArticleVersion *version)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "number");
  json_builder_add_int_value (builder, version->number);
  json_builder_set_member_name (builder, "current");
  json_builder_add_boolean_value (builder, version->current);
  json_builder_set_member_name (builder, "stored_at");
  json_builder_add_string_value (builder, version->stored_at);
  if (version->replaced_at != NULL)
    {
      json_builder_set_member_name (builder, "replaced_at");
      json_builder_add_string_value (builder, version->replaced_at);
    }
  if (version->source_name != NULL)
    {
      json_builder_set_member_name (builder, "source_name");
      json_builder_add_string_value (builder, version->source_name);
    }
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, version->sha256);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, (gint64) version->size);
  if (version->provenance != NULL)
    {
      json_builder_set_member_name (builder, "provenance");
      json_builder_begin_object (builder);
      gloss_provenance_add_json (version->provenance, builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static const char *
version_source (GlossArticleVersion *version)
{
  if (version->provenance != NULL && gloss_provenance_get_link (version->provenance) != NULL)
    return gloss_provenance_get_link (version->provenance);
  if (version->source_name != NULL)
    return version->source_name;
  return "";
}

int
gloss_cli_versions (GlossCli  *cli,
                    int        argc,
                    char     **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object a version"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  gint64 id;

  context = gloss_cli_option_context_new (cli, _("ARTICLE"),
                                          _("Lists an article’s versions, oldest first: when each "
                                            "came in, where from (the link and the server’s "
                                            "answer, or the file) and the SHA-256 of its bytes."),
                                          entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gloss_cli_usage_error (context, error->message);
  if (argc != 2 || !gloss_cli_parse_id (argv[1], &id))
    return gloss_cli_usage_error (context, _("Give an article id"));

  store = gloss_cli_open_store (cli, &error);
  if (store == NULL)
    return gloss_cli_fail (error);
  versions = gloss_store_list_versions (store, id, &error);
  if (versions == NULL)
    return gloss_cli_fail (error);

  for (guint i = 0; i < versions->len; i++)
    {
      GlossArticleVersion *version = g_ptr_array_index (versions, i);

      if (json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          add_version_json (builder, version);
          gloss_cli_print_json (builder);
          continue;
        }
      printf ("%u\t%s\t%s%s\n", version->number, version->stored_at, version_source (version),
              version->current ? _(" (current)") : "");
      if (version->provenance != NULL && version->provenance->http_status != 0)
        printf ("\tHTTP %u%s%s%s%s\n", version->provenance->http_status,
                version->provenance->etag != NULL ? "  ETag " : "",
                version->provenance->etag != NULL ? version->provenance->etag : "",
                version->provenance->last_modified != NULL ? "  Last-Modified " : "",
                version->provenance->last_modified != NULL ? version->provenance->last_modified : "");
      printf ("\tsha256:%s\n", version->sha256);
    }
  return GLOSS_CLI_EXIT_OK;
}

static void
add_position (JsonBuilder             *builder,
              const char              *name,
              const GlossTextPosition *start,
              const GlossTextPosition *end)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "start_block");
  json_builder_add_int_value (builder, start->block);
  json_builder_set_member_name (builder, "start_offset");
  json_builder_add_int_value (builder, start->offset);
  json_builder_set_member_name (builder, "end_block");
  json_builder_add_int_value (builder, end->block);
  json_builder_set_member_name (builder, "end_offset");
  json_builder_add_int_value (builder, end->offset);
  json_builder_end_object (builder);
}

static void
print_diff_json (gint64     id,
                 guint      from,
                 guint      to,
                 GPtrArray *changes)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "article");
  json_builder_add_int_value (builder, id);
  json_builder_set_member_name (builder, "from");
  json_builder_add_int_value (builder, from);
  json_builder_set_member_name (builder, "to");
  json_builder_add_int_value (builder, to);
  json_builder_set_member_name (builder, "changed_paragraphs");
  json_builder_add_int_value (builder, gloss_diff_count_changed_blocks (changes));
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < changes->len; i++)
    {
      GlossDiffChange *change = g_ptr_array_index (changes, i);

      json_builder_begin_object (builder);
      add_position (builder, "old", &change->old_start, &change->old_end);
      add_position (builder, "new", &change->new_start, &change->new_end);
      json_builder_set_member_name (builder, "deleted");
      json_builder_add_string_value (builder, change->deleted);
      json_builder_set_member_name (builder, "inserted");
      json_builder_add_string_value (builder, change->inserted);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  gloss_cli_print_json (builder);
}

/* The comparison as the Markdown brief or the HTML report carry it, with
 * the annotations whose words changed called out. */
static gboolean
print_diff_export (GlossStore         *store,
                   gint64              id,
                   guint               from,
                   guint               to,
                   GlossExportFormat   format,
                   GError            **error)
{
  g_autoptr(GlossExportData) data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *text;

  data = gloss_export_data_collect (store, &id, 1, error);
  if (data == NULL || !gloss_export_data_add_comparison (data, store, id, from, to, error))
    return FALSE;
  bytes = gloss_export_data_to_bytes (data, format, GLOSS_EXPORT_ORDER_POSITION, error);
  if (bytes == NULL)
    return FALSE;
  text = g_bytes_get_data (bytes, &size);
  fwrite (text, 1, size, stdout);
  return TRUE;
}

static void
print_diff_text (GPtrArray *changes)
{
  for (guint i = 0; i < changes->len; i++)
    {
      GlossDiffChange *change = g_ptr_array_index (changes, i);

      printf ("%u:%u-%u:%u\t-%s\t+%s\n", change->new_start.block, change->new_start.offset,
              change->new_end.block, change->new_end.offset, change->deleted, change->inserted);
    }
}

int
gloss_cli_diff (GlossCli  *cli,
                int        argc,
                char     **argv)
{
  gboolean json = FALSE;
  gboolean markdown = FALSE;
  gboolean html = FALSE;
  int from = 0;
  int to = 0;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_INT, &from, N_("The older version (the one before --to)"),
      N_("N") },
    { "to", 0, 0, G_OPTION_ARG_INT, &to, N_("The newer version (the current one)"), N_("M") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the changes as JSON"), NULL },
    { "markdown", 0, 0, G_OPTION_ARG_NONE, &markdown,
      N_("Print the comparison as Markdown, with the annotations whose words changed"), NULL },
    { "html", 0, 0, G_OPTION_ARG_NONE, &html,
      N_("Print the HTML report of the article with the comparison"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GlossArticle) older = NULL;
  g_autoptr(GlossArticle) newer = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gint64 id;

  context = gloss_cli_option_context_new (cli, _("ARTICLE"),
                                          _("Prints the words that changed between two versions "
                                            "of an article (by default the last two): for each "
                                            "change, where it is in the newer version (block:"
                                            "offset, in characters), the words removed and the "
                                            "words added."), entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gloss_cli_usage_error (context, error->message);
  if (argc != 2 || !gloss_cli_parse_id (argv[1], &id))
    return gloss_cli_usage_error (context, _("Give an article id"));
  if (json + markdown + html > 1)
    return gloss_cli_usage_error (context, _("Give one of --json, --markdown and --html"));

  store = gloss_cli_open_store (cli, &error);
  if (store == NULL)
    return gloss_cli_fail (error);
  versions = gloss_store_list_versions (store, id, &error);
  if (versions == NULL)
    return gloss_cli_fail (error);
  if (to <= 0)
    to = versions->len;
  if (from <= 0)
    from = MAX (to - 1, 1);
  if ((guint) from > versions->len || (guint) to > versions->len)
    {
      g_set_error (&error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                   g_dngettext (GETTEXT_PACKAGE, "Article %" PRId64 " has only %u version",
                                "Article %" PRId64 " has only %u versions", versions->len),
                   id, versions->len);
      return gloss_cli_fail (error);
    }

  if (markdown || html)
    {
      if (!print_diff_export (store, id, from, to,
                              markdown ? GLOSS_EXPORT_MARKDOWN : GLOSS_EXPORT_HTML, &error))
        return gloss_cli_fail (error);
      return GLOSS_CLI_EXIT_OK;
    }

  older = gloss_store_load_version (store, id, from, &error);
  if (older == NULL)
    return gloss_cli_fail (error);
  newer = gloss_store_load_version (store, id, to, &error);
  if (newer == NULL)
    return gloss_cli_fail (error);
  changes = gloss_diff_articles (older, newer);

  if (json)
    print_diff_json (id, from, to, changes);
  else
    print_diff_text (changes);
  return GLOSS_CLI_EXIT_OK;
}
