/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "gloss-cli.h"

/* gloss-cli export: the core exporters on the command line.  The export is
 * built whole in memory first; -o then replaces the file atomically (a
 * temporary file renamed over it), so a failure never leaves half a file. */

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
  const GOptionEntry entries[] = {
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

  bytes = gloss_export_to_bytes (store, (const gint64 *) (gpointer) ids->data, ids->len, format, order, &error);
  if (bytes == NULL)
    return gloss_cli_fail (error);

  if (output != NULL && !g_str_equal (output, "-"))
    {
      if (!write_file (output, bytes, &error))
        return gloss_cli_fail (error);
    }
  else if (!write_stdout (bytes, &error))
    {
      return gloss_cli_fail (error);
    }

  return GLOSS_CLI_EXIT_OK;
}
