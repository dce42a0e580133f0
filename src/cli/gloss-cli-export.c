/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "gloss-cli.h"

/* gloss-cli export: the core exporters on the command line.  The export is
 * built whole in memory first; -o then replaces the file atomically (a
 * temporary file renamed over it), so a failure never leaves half a file.
 * With --json, as every command, it prints one JSON object: what was
 * exported, and the export itself as "content" when it went to no file. */

static void
print_json (GlossExportFormat  format,
            GlossExportData   *data,
            const char        *output,
            GBytes            *bytes)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gsize size = 0;
  const char *content = g_bytes_get_data (bytes, &size);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, gloss_export_format_to_string (format));
  json_builder_set_member_name (builder, "content_type");
  json_builder_add_string_value (builder, gloss_export_format_get_content_type (format));
  json_builder_set_member_name (builder, "articles");
  json_builder_add_int_value (builder, gloss_export_data_get_n_articles (data));
  json_builder_set_member_name (builder, "annotations");
  json_builder_add_int_value (builder, gloss_export_data_get_n_annotations (data));
  json_builder_set_member_name (builder, "bytes");
  json_builder_add_int_value (builder, (gint64) size);
  json_builder_set_member_name (builder, "file");
  if (output != NULL)
    {
      json_builder_add_string_value (builder, output);
    }
  else
    {
      g_autofree char *text = g_strndup (content, size);

      json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "content");
      json_builder_add_string_value (builder, text);
    }
  json_builder_end_object (builder);
  gloss_cli_print_json (builder);
}

static gboolean
write_stdout (GBytes  *bytes,
              GError **error)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_IO, _("Could not write the export to standard output"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_file (const char  *path,
            GBytes      *bytes,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!g_file_set_contents_full (path, data, size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                 0666, &local_error))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_IO, _("Could not write %s: %s"), path,
                   local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Who checked, when the command line does not say: the reviewer set in
 * Gloss's Preferences, if Gloss's settings are installed. */
static char *
dup_setting (const char *key)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, key))
    return NULL;
  settings = g_settings_new_full (schema, NULL, NULL);
  return g_settings_get_string (settings, key);
}

int
gloss_cli_export (GlossCli  *cli,
                  int        argc,
                  char     **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *group_by = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) article_args = NULL;
  gboolean all = FALSE;
  gboolean json = FALSE;
  g_autofree char *reviewer = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *review_url = NULL;
  const GOptionEntry entries[] = {
    { "reviewer", 0, 0, G_OPTION_ARG_FILENAME, &reviewer,
      N_("Who checked (default: the reviewer in Preferences)"), N_("NAME") },
    { "organisation", 0, 0, G_OPTION_ARG_FILENAME, &organisation,
      N_("The organisation checking (default: as in Preferences)"), N_("NAME") },
    { "review-url", 0, 0, G_OPTION_ARG_FILENAME, &review_url,
      N_("Where the reviews are published: ClaimReview’s url (default: as in Preferences)"),
      N_("URL") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one JSON object: what was exported, with the export as “content” unless -o is given"),
      NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("markdown (md), csv, html, webannotation (jsonld) or claimreview"), N_("FORMAT") },
    { "article", 'a', 0, G_OPTION_ARG_STRING_ARRAY, &article_args,
      N_("Export this article (repeat for several)"), N_("ID") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Export the whole library"), NULL },
    { "group-by", 0, 0, G_OPTION_ARG_STRING, &group_by,
      N_("Order annotations by position (default) or group them by kind (Markdown, HTML)"),
      N_("position|kind") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlossExportData) data = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GlossExportFormat format;
  GlossExportOrder order = GLOSS_EXPORT_ORDER_POSITION;

  context = gloss_cli_option_context_new (cli, "",
                                          _("Export annotated articles as Markdown, CSV, an HTML "
                                            "report, W3C Web Annotations or ClaimReview."),
                                          entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gloss_cli_usage_error (context, error->message);
  if (argc > 1)
    return gloss_cli_usage_error (context, _("export takes no arguments; use --article ID or --all"));
  if ((reviewer != NULL && !g_utf8_validate (reviewer, -1, NULL)) ||
      (organisation != NULL && !g_utf8_validate (organisation, -1, NULL)) ||
      (review_url != NULL && !g_utf8_validate (review_url, -1, NULL)))
    return gloss_cli_usage_error (context, _("The reviewer, organisation and address must be UTF-8 text"));

  if (format_name == NULL)
    return gloss_cli_usage_error (context, _("Which format? Pass --format"));
  if (!gloss_export_format_from_string (format_name, &format))
    return gloss_cli_usage_error (context, _("--format takes markdown, csv, html, webannotation or claimreview"));

  if (group_by != NULL)
    {
      if (g_str_equal (group_by, "kind"))
        order = GLOSS_EXPORT_ORDER_KIND;
      else if (!g_str_equal (group_by, "position"))
        return gloss_cli_usage_error (context, _("--group-by takes kind or position"));
    }

  if (all == (article_args != NULL))
    return gloss_cli_usage_error (context, _("Pass either --article ID (one or more) or --all"));
  for (guint i = 0; article_args != NULL && article_args[i] != NULL; i++)
    {
      gint64 id;

      if (!gloss_cli_parse_id (article_args[i], &id))
        return gloss_cli_usage_error (context, _("--article takes an article number"));
      g_array_append_val (ids, id);
    }

  store = gloss_cli_open_store (cli, &error);
  if (store == NULL)
    return gloss_cli_fail (error);

  data = gloss_export_data_collect (store, (const gint64 *) (gpointer) ids->data, ids->len, &error);
  if (data == NULL)
    return gloss_cli_fail (error);
  if (reviewer == NULL)
    reviewer = dup_setting ("reviewer-name");
  if (organisation == NULL)
    organisation = dup_setting ("reviewer-organisation");
  if (review_url == NULL)
    review_url = dup_setting ("review-url");
  gloss_export_data_set_reviewer (data, reviewer, organisation, review_url);
  bytes = gloss_export_data_to_bytes (data, format, order, &error);
  if (bytes == NULL)
    return gloss_cli_fail (error);

  if (output != NULL && g_str_equal (output, "-"))
    g_clear_pointer (&output, g_free);
  if (output != NULL)
    {
      if (!write_file (output, bytes, &error))
        return gloss_cli_fail (error);
    }
  else if (!json && !write_stdout (bytes, &error))
    {
      return gloss_cli_fail (error);
    }
  if (json)
    print_json (format, data, output, bytes);

  return GLOSS_CLI_EXIT_OK;
}
