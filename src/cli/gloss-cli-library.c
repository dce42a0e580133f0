/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "gloss-cli.h"

/* Commands on the library's articles: import, articles, show, update,
 * reextract. */

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

/* The name to print for a file found under the argument @root_arg: the
 * argument itself, or the argument joined with the path below it. */
static char *
display_name (const char *root_arg,
              GFile      *root,
              GFile      *file)
{
  g_autofree char *relative = g_file_get_relative_path (root, file);

  if (relative == NULL)
    return g_strdup (root_arg);
  return g_build_filename (root_arg, relative, NULL);
}

/* Prints what became of one file: @report is set for a file stored as a
 * new version of the article it is a newer copy of. */
static void
print_outcome (const char               *name,
               GlossFileImportOutcome   *outcome,
               const GlossUpdateReport  *report,
               gboolean                  json)
{
  gboolean duplicate = outcome->status == GLOSS_FILE_IMPORT_DUPLICATE;

  if (outcome->status == GLOSS_FILE_IMPORT_FAILED)
    {
      fprintf (stderr, "gloss-cli: %s: %s\n", name, outcome->error->message);
      if (json)
        gloss_cli_print_file_error (name, outcome->error);
      return;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, name);
      json_builder_set_member_name (builder, "article");
      json_builder_add_int_value (builder, outcome->article_id);
      json_builder_set_member_name (builder, "duplicate");
      json_builder_add_boolean_value (builder, duplicate);
      json_builder_set_member_name (builder, "new_version");
      json_builder_add_boolean_value (builder, report != NULL);
      if (report != NULL)
        gloss_cli_add_update_report (builder, report);
      json_builder_end_object (builder);
      gloss_cli_print_json (builder);
    }
  else if (report != NULL)
    {
      g_autofree char *described = gloss_cli_describe_update_report (report);

      printf (_("%s: a new version of article %" PRId64 ": %s\n"), name, outcome->article_id,
              described);
    }
  else
    printf (duplicate
              ? _("%s: already in the library as article %" PRId64 "\n")
              : _("%s: imported as article %" PRId64 "\n"),
            name, outcome->article_id);
}

/* A file the import left out as a newer copy of the story in article
 * outcome->article_id: stored as that article's newest version, its
 * annotations re-anchored, as the window's default answer does. */
static gboolean
add_as_version (GlossStore                 *store,
                GlossFileImportOutcome     *outcome,
                const GlossExtractOptions  *options,
                GlossUpdateReport          *report,
                GError                    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *basename = g_file_get_basename (outcome->file);

  bytes = gloss_extract_load_file (outcome->file, options->max_input_bytes, NULL, error);
  if (bytes == NULL)
    return FALSE;
  return gloss_store_add_copy (store, bytes, basename, options, outcome->article_id, report,
                               error) != 0;
}

int
gloss_cli_import (GlossCli  *cli,
                  int        argc,
                  char     **argv)
{
  gboolean json = FALSE;
  gboolean separate = FALSE;
  g_autofree char *as = NULL;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one JSON object per file; the summary goes to standard error"), NULL },
    { "as", 0, 0, G_OPTION_ARG_STRING, &as,
      N_("Read the input as “html” or “text” instead of sniffing it"), N_("FORMAT") },
    { "separate", 0, 0, G_OPTION_ARG_NONE, &separate,
      N_("Keep a newer copy of a known story as an article of its own"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE|FOLDER…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GPtrArray) roots = NULL;
  g_autoptr(GlossFileImportReport) report = NULL;
  GlossExtractOptions options;
  FILE *summary_stream;
  guint n_versions = 0;
  guint n_duplicates;
  guint n_failed;

  context = gloss_cli_option_context_new (cli, _("FILE|FOLDER… — add articles to the library"),
                                          _("Imports saved web pages or copied page text. Folders "
                                            "are read recursively (.html, .htm, .xhtml, .txt, .pdf "
                                            "and the same gzipped; hidden files and a saved page’s "
                                            "“_files” folder are skipped). The same file imported "
                                            "twice gives the article already there. A newer copy "
                                            "of a story already in the library (the same link, or "
                                            "without one the same title and site) becomes a new "
                                            "version of that article unless --separate is given. "
                                            "Exits with 1 when any file failed; the others are "
                                            "imported."),
                                          entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gloss_cli_usage_error (context, error->message);
  gloss_extract_options_init (&options);
  if (as != NULL && !gloss_input_format_from_string (as, &options.format))
    return gloss_cli_usage_error (context, _("--as takes “html” or “text”"));
  if (files == NULL || files[0] == NULL)
    return gloss_cli_usage_error (context, _("No file given"));

  store = gloss_cli_open_store (cli, &error);
  if (store == NULL)
    return gloss_cli_fail (error);

  roots = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; files[i] != NULL; i++)
    g_ptr_array_add (roots, g_file_new_for_commandline_arg (files[i]));

  report = gloss_store_import_files_full (store, (GFile * const *) roots->pdata, roots->len,
                                          &options,
                                          separate ? GLOSS_FILE_IMPORT_FLAGS_NONE
                                                   : GLOSS_FILE_IMPORT_FIND_NEWER_COPIES,
                                          NULL, NULL, NULL, &error);
  if (report == NULL)
    return gloss_cli_fail (error);

  /* The import wrote every other file first, so a newer copy of an
   * earlier file of the same import finds that file's article. */
  n_duplicates = report->n_duplicates;
  n_failed = report->n_failed;
  for (guint i = 0; i < report->outcomes->len; i++)
    {
      GlossFileImportOutcome *outcome = g_ptr_array_index (report->outcomes, i);
      g_autofree char *name = display_name (files[outcome->root],
                                            g_ptr_array_index (roots, outcome->root),
                                            outcome->file);
      GlossUpdateReport update;

      if (outcome->status != GLOSS_FILE_IMPORT_NEWER_COPY)
        {
          print_outcome (name, outcome, NULL, json);
          continue;
        }

      if (!add_as_version (store, outcome, &options, &update, &outcome->error))
        {
          outcome->status = GLOSS_FILE_IMPORT_FAILED;
          n_failed++;
          print_outcome (name, outcome, NULL, json);
          continue;
        }
      if (update.unchanged)
        {
          outcome->status = GLOSS_FILE_IMPORT_DUPLICATE;
          n_duplicates++;
          print_outcome (name, outcome, NULL, json);
          continue;
        }
      n_versions++;
      print_outcome (name, outcome, &update, json);
    }

  /* With --json, standard output stays one object per file. */
  summary_stream = json ? stderr : stdout;
  fprintf (summary_stream,
           g_dngettext (GETTEXT_PACKAGE, "%u file: ", "%u files: ", report->n_files),
           report->n_files);
  fprintf (summary_stream, _("%u added, %u already in the library, %u failed\n"),
           report->n_added, n_duplicates, n_failed);
  if (n_versions > 0)
    fprintf (summary_stream,
             g_dngettext (GETTEXT_PACKAGE, "%u file became a new version of an article.\n",
                          "%u files became new versions of articles.\n", n_versions),
             n_versions);
  fflush (summary_stream);

  return n_failed > 0 ? GLOSS_CLI_EXIT_FAILURE : GLOSS_CLI_EXIT_OK;
}

int
gloss_cli_articles (GlossCli  *cli,
                    int        argc,
                    char     **argv)
{
  gboolean json = FALSE;
  gboolean unread = FALSE;
  gboolean archived = FALSE;
  g_autofree char *sort_name = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object per article"), NULL },
    { "unread", 0, 0, G_OPTION_ARG_NONE, &unread, N_("Only unread articles"), NULL },
    { "archived", 0, 0, G_OPTION_ARG_NONE, &archived, N_("Only archived articles"), NULL },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &sort_name,
      N_("Order by “added” (newest first, the default), “published” (newest first) or "
         "“title”"), N_("ORDER") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  GlossArticleFilter filter = GLOSS_ARTICLE_FILTER_NONE;
  GlossArticleSort sort = GLOSS_ARTICLE_SORT_ADDED;

  context = gloss_cli_option_context_new (cli, NULL, _("Lists the articles in the library, "
                                                       "most recently imported first."), entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gloss_cli_usage_error (context, error->message);
  if (argc > 1)
    return gloss_cli_usage_error (context, _("articles takes no arguments"));
  if (sort_name != NULL && !gloss_article_sort_from_string (sort_name, &sort))
    return gloss_cli_usage_error (context, _("--sort takes “added”, “published” or “title”"));
  if (unread)
    filter |= GLOSS_ARTICLE_FILTER_UNREAD;
  if (archived)
    filter |= GLOSS_ARTICLE_FILTER_ARCHIVED;

  store = gloss_cli_open_store (cli, &error);
  if (store == NULL)
    return gloss_cli_fail (error);
  summaries = gloss_store_list_articles_full (store, filter, sort, &error);
  if (summaries == NULL)
    return gloss_cli_fail (error);

  for (guint i = 0; i < summaries->len; i++)
    {
      GlossArticleSummary *summary = g_ptr_array_index (summaries, i);

      if (json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, summary->id);
          add_string_or_null (builder, "uuid", summary->uuid);
          add_string_or_null (builder, "title", summary->title);
          add_string_or_null (builder, "byline", summary->byline);
          add_string_or_null (builder, "site_name", summary->site_name);
          add_string_or_null (builder, "published", summary->published);
          add_string_or_null (builder, "url", summary->url);
          add_string_or_null (builder, "file", summary->source_name);
          add_string_or_null (builder, "imported", summary->imported_at);
          json_builder_set_member_name (builder, "blocks");
          json_builder_add_int_value (builder, summary->n_blocks);
          json_builder_set_member_name (builder, "versions");
          json_builder_add_int_value (builder, summary->n_versions + 1);
          json_builder_set_member_name (builder, "words");
          json_builder_add_int_value (builder, summary->n_words);
          json_builder_set_member_name (builder, "unread");
          json_builder_add_boolean_value (builder, summary->unread);
          json_builder_set_member_name (builder, "archived");
          json_builder_add_boolean_value (builder, summary->archived);
          json_builder_set_member_name (builder, "annotations");
          json_builder_begin_object (builder);
          for (guint k = 0; k <= GLOSS_ANNOTATION_KIND_LAST; k++)
            {
              json_builder_set_member_name (builder, gloss_annotation_kind_to_string (k));
              json_builder_add_int_value (builder, summary->counts[k]);
            }
          json_builder_end_object (builder);
          json_builder_end_object (builder);
          gloss_cli_print_json (builder);
        }
      else
        printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%u %s, %u %s\n", summary->id, summary->title,
                summary->site_name ?: "—",
                summary->counts[GLOSS_ANNOTATION_CLAIM], _("claims"),
                summary->counts[GLOSS_ANNOTATION_DENIAL], _("denials"));
    }

  return GLOSS_CLI_EXIT_OK;
}

int
gloss_cli_show (GlossCli  *cli,
                int        argc,
                char     **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the article as one JSON object"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GlossArticle) article = NULL;
  gint64 id;

  context = gloss_cli_option_context_new (cli, _("ARTICLE"),
                                          _("Prints a stored article with the number of each "
                                            "paragraph, counted from 1 as annotate --start and "
                                            "--end count them."),
                                          entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gloss_cli_usage_error (context, error->message);
  if (argc != 2 || !gloss_cli_parse_id (argv[1], &id))
    return gloss_cli_usage_error (context, _("Give one article id"));

  store = gloss_cli_open_store (cli, &error);
  if (store == NULL)
    return gloss_cli_fail (error);
  article = gloss_store_load_article (store, id, &error);
  if (article == NULL)
    return gloss_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, id);
      gloss_article_json_add_members (article, builder, TRUE);
      json_builder_end_object (builder);
      gloss_cli_print_json (builder);
    }
  else
    {
      guint n_blocks = gloss_article_get_n_blocks (article);

      printf ("%s\n", gloss_article_get_title (article) ?: "");
      for (guint i = 0; i < n_blocks; i++)
        {
          const GlossBlock *block = gloss_article_get_block (article, i);

          printf ("\n[%u %s] %s\n", i + 1, gloss_block_kind_to_string (gloss_block_get_kind (block)),
                  gloss_block_get_text (block));
        }
    }

  return GLOSS_CLI_EXIT_OK;
}

static void
print_reanchored (gint64     article_id,
                  GPtrArray *annotations,
                  gboolean   json)
{
  for (guint i = 0; i < annotations->len; i++)
    gloss_cli_print_annotation (g_ptr_array_index (annotations, i), json);
  if (!json && annotations->len == 0)
    printf (_("Article %" PRId64 " has no annotations to re-anchor.\n"), article_id);
}

int
gloss_cli_update (GlossCli  *cli,
                  int        argc,
                  char     **argv)
{
  gboolean json = FALSE;
  g_autofree char *as = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print each annotation as a JSON object"), NULL },
    { "as", 0, 0, G_OPTION_ARG_STRING, &as,
      N_("Read the new file as “html” or “text” instead of sniffing it"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autofree char *basename = NULL;
  GlossExtractOptions options;
  gint64 id;

  context = gloss_cli_option_context_new (cli, _("ARTICLE FILE"),
                                          _("Replaces an article’s text by a newer copy of the "
                                            "same story, keeps the earlier version, and moves "
                                            "every annotation to where its words are now "
                                            "(anchored, moved or orphaned)."), entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gloss_cli_usage_error (context, error->message);
  if (argc != 3 || !gloss_cli_parse_id (argv[1], &id))
    return gloss_cli_usage_error (context, _("Give an article id and a file"));
  gloss_extract_options_init (&options);
  if (as != NULL && !gloss_input_format_from_string (as, &options.format))
    return gloss_cli_usage_error (context, _("--as takes “html” or “text”"));

  bytes = gloss_cli_load_file (argv[2], options.max_input_bytes, &basename, &error);
  if (bytes == NULL)
    return gloss_cli_fail (error);
  store = gloss_cli_open_store (cli, &error);
  if (store == NULL)
    return gloss_cli_fail (error);
  annotations = gloss_store_update_article (store, id, bytes, basename, &options, &error);
  if (annotations == NULL)
    return gloss_cli_fail (error);

  print_reanchored (id, annotations, json);
  return GLOSS_CLI_EXIT_OK;
}

int
gloss_cli_reextract (GlossCli  *cli,
                     int        argc,
                     char     **argv)
{
  gboolean json = FALSE;
  gboolean all = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print each annotation as a JSON object"), NULL },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Clean every article in the library again"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  int status = GLOSS_CLI_EXIT_OK;

  context = gloss_cli_option_context_new (cli, _("ARTICLE… | --all"),
                                          _("Cleans stored articles again from their original "
                                            "bytes with this version’s extractor and re-anchors "
                                            "their annotations."), entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gloss_cli_usage_error (context, error->message);
  if (all == (argc > 1))
    return gloss_cli_usage_error (context, _("Give article ids or --all, not both"));

  store = gloss_cli_open_store (cli, &error);
  if (store == NULL)
    return gloss_cli_fail (error);

  if (all)
    {
      ids = gloss_store_list_article_ids (store, &error);
      if (ids == NULL)
        return gloss_cli_fail (error);
    }
  else
    {
      ids = g_ptr_array_new_with_free_func (g_free);
      for (int i = 1; i < argc; i++)
        {
          gint64 id;

          if (!gloss_cli_parse_id (argv[i], &id))
            return gloss_cli_usage_error (context, _("Article ids are positive numbers"));
          g_ptr_array_add (ids, g_memdup2 (&id, sizeof id));
        }
    }

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = *(gint64 *) g_ptr_array_index (ids, i);
      g_autoptr(GError) article_error = NULL;
      g_autoptr(GPtrArray) annotations = gloss_store_reextract_article (store, id, &article_error);

      if (annotations == NULL)
        {
          status = gloss_cli_fail (article_error);
          continue;
        }
      print_reanchored (id, annotations, json);
    }

  return status;
}
