/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "gloss-core.h"
#include "gloss-cli.h"

static char *
format_metadata_line (GlossArticle *article)
{
  const char *parts[] = {
    gloss_article_get_byline (article),
    gloss_article_get_site_name (article),
    gloss_article_get_published (article),
    gloss_article_get_url (article),
  };
  GString *line = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL)
        continue;
      if (line->len > 0)
        g_string_append (line, " · ");
      g_string_append (line, parts[i]);
    }

  return g_string_free (line, FALSE);
}

static void
print_plain (GlossArticle *article)
{
  g_autofree char *metadata = format_metadata_line (article);
  guint n_blocks = gloss_article_get_n_blocks (article);

  printf ("%s\n%s\n", gloss_article_get_title (article) ?: "", metadata);
  for (guint i = 0; i < n_blocks; i++)
    printf ("\n%s\n", gloss_block_get_text (gloss_article_get_block (article, i)));
}

static void
print_json_article (const char   *file,
                    GlossArticle *article)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, file);
  gloss_article_json_add_members (article, builder, FALSE);
  json_builder_end_object (builder);
  gloss_cli_print_json (builder);
}

static GlossArticle *
extract_one (const char                 *path,
             const GlossExtractOptions  *options,
             GError                    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *basename = NULL;

  bytes = gloss_cli_load_file (path, options->max_input_bytes, &basename, error);
  if (bytes == NULL)
    return NULL;

  return gloss_extract_full (bytes, basename, options, error);
}

int
gloss_cli_extract (GlossCli  *cli,
                   int        argc,
                   char     **argv)
{
  gboolean json = FALSE;
  g_autofree char *as = NULL;
  gint max_mib = 0;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one JSON object per file, one per line"), NULL },
    { "as", 0, 0, G_OPTION_ARG_STRING, &as,
      N_("Read the input as “html” or “text” instead of sniffing it"), N_("FORMAT") },
    { "max-size", 0, 0, G_OPTION_ARG_INT, &max_mib,
      N_("Refuse files larger than this many MiB"), N_("MIB") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GlossExtractOptions options;
  int status = GLOSS_CLI_EXIT_OK;

  context = gloss_cli_option_context_new (cli, _("FILE… — print the clean article"),
                                          _("Extracts the article from saved web pages or copied "
                                            "page text. Nothing is stored."), entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gloss_cli_usage_error (context, error->message);

  gloss_extract_options_init (&options);
  if (as != NULL && !gloss_input_format_from_string (as, &options.format))
    return gloss_cli_usage_error (context, _("--as takes “html” or “text”"));
  if (max_mib < 0)
    return gloss_cli_usage_error (context, _("--max-size must be a positive number of MiB"));
  if (max_mib > 0)
    options.max_input_bytes = (gsize) max_mib * 1024 * 1024;
  if (files == NULL || files[0] == NULL)
    return gloss_cli_usage_error (context, _("No file given"));

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GlossArticle) article = NULL;
      g_autoptr(GError) file_error = NULL;

      article = extract_one (files[i], &options, &file_error);
      if (article == NULL)
        {
          status = GLOSS_CLI_EXIT_FAILURE;
          /* stderr always tells a person; with --json stdout also says it
           * in order, so a script sees one line per input file. */
          fprintf (stderr, "gloss-cli: %s: %s\n", files[i], file_error->message);
          if (json)
            gloss_cli_print_file_error (files[i], file_error);
          continue;
        }

      if (json)
        print_json_article (files[i], article);
      else
        {
          if (i > 0)
            puts ("");
          print_plain (article);
        }
    }

  return status;
}
