/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "gloss-cli.h"

/* gloss-cli import-annotations: Web Annotation JSON-LD or Hypothesis JSON
 * files onto articles of the library.  Each file is imported whole or not
 * at all; one line per file, with --json an object: {"file", "imported",
 * "anchored", "moved", "orphaned", "duplicates", "skipped", "articles"} or
 * {"file", "error": {"code", "message"}}. */

/* Annotation files are small; this only keeps a wrong argument (a video)
 * from being read into memory whole. */
#define MAX_ANNOTATION_FILE_BYTES (256 * 1024 * 1024)

static void
add_count (JsonBuilder *builder,
           const char  *name,
           guint        value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
print_report (const char              *file,
              const GlossImportReport *report,
              gboolean                 json)
{
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, file);
      add_count (builder, "imported", report->imported);
      add_count (builder, "anchored", report->anchored);
      add_count (builder, "moved", report->moved);
      add_count (builder, "orphaned", report->orphaned);
      add_count (builder, "duplicates", report->duplicates);
      add_count (builder, "skipped", report->skipped);
      json_builder_set_member_name (builder, "articles");
      json_builder_begin_array (builder);
      for (guint i = 0; i < report->article_ids->len; i++)
        json_builder_add_int_value (builder, g_array_index (report->article_ids, gint64, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      gloss_cli_print_json (builder);
      return;
    }

  /* TRANSLATORS: the counts of an annotation import, after the file name */
  printf (_("%s: %u imported (%u anchored, %u moved, %u orphaned), %u already in the library, "
            "%u skipped\n"),
          file, report->imported, report->anchored, report->moved, report->orphaned,
          report->duplicates, report->skipped);
}

int
gloss_cli_import_annotations (GlossCli  *cli,
                              int        argc,
                              char     **argv)
{
  g_autofree char *article_arg = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "article", 'a', 0, G_OPTION_ARG_STRING, &article_arg,
      N_("Put the annotations on this article instead of finding it by address or quotes"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object per file"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  gint64 article_id = 0;
  int status = GLOSS_CLI_EXIT_OK;

  context = gloss_cli_option_context_new (cli, _("FILE…"),
                                          _("Import W3C Web Annotations (JSON-LD, such as Gloss’s own "
                                            "export) or a Hypothesis JSON export."),
                                          entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gloss_cli_usage_error (context, error->message);
  if (argc < 2)
    return gloss_cli_usage_error (context, _("Which files? Name at least one"));
  if (article_arg != NULL && !gloss_cli_parse_id (article_arg, &article_id))
    return gloss_cli_usage_error (context, _("--article takes an article number"));

  store = gloss_cli_open_store (cli, &error);
  if (store == NULL)
    return gloss_cli_fail (error);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) file_error = NULL;
      GlossImportReport report = { 0 };

      bytes = gloss_cli_load_file (argv[i], MAX_ANNOTATION_FILE_BYTES, NULL, &file_error);
      if (bytes == NULL ||
          !gloss_import_annotations (store, bytes, article_id, &report, &file_error))
        {
          if (json)
            gloss_cli_print_file_error (argv[i], file_error);
          else
            fprintf (stderr, "gloss-cli: %s: %s\n", argv[i], file_error->message);
          status = GLOSS_CLI_EXIT_FAILURE;
          continue;
        }

      print_report (argv[i], &report, json);
      gloss_import_report_clear (&report);
    }

  return status;
}
