/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "gloss-cli.h"
#include "gloss-pdf.h"

/* gloss-cli fetch and check-updates: stories by their link.  The network
 * is used only here, and not at all with --offline or GLOSS_OFFLINE=1. */

static void
print_outcome (const char              *url,
               gint64                   article_id,
               const char              *action,
               const char              *title,
               const GlossProvenance   *provenance,
               const GlossUpdateReport *report,
               gboolean                 json)
{
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "url");
      json_builder_add_string_value (builder, url);
      json_builder_set_member_name (builder, "article");
      json_builder_add_int_value (builder, article_id);
      json_builder_set_member_name (builder, "action");
      json_builder_add_string_value (builder, action);
      if (title != NULL)
        {
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, title);
        }
      if (report != NULL)
        gloss_cli_add_update_report (builder, report);
      if (provenance != NULL)
        {
          json_builder_set_member_name (builder, "provenance");
          json_builder_begin_object (builder);
          gloss_provenance_add_json (provenance, builder);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
      gloss_cli_print_json (builder);
      return;
    }

  if (g_str_equal (action, "imported"))
    printf ("%" PRId64 "\t%s\n", article_id, title != NULL ? title : "");
  else if (g_str_equal (action, "duplicate"))
    printf (_("Article %" PRId64 ": already in the library with these words\n"), article_id);
  else if (g_str_equal (action, "unchanged"))
    printf (_("Article %" PRId64 ": unchanged\n"), article_id);
  else
    {
      g_autofree char *described = gloss_cli_describe_update_report (report);

      printf (_("Article %" PRId64 ": updated: %s\n"), article_id, described);
    }
}

static void
print_error (const char   *url,
             const GError *error,
             gboolean      json)
{
  if (json)
    gloss_cli_print_file_error (url, error);
  else
    fprintf (stderr, "gloss-cli: %s: %s\n", url, error->message);
}

static gboolean
set_format (GlossExtractOptions  *options,
            GlossFetchResult     *result,
            GError              **error)
{
  switch (result->kind)
    {
    case GLOSS_DOCUMENT_HTML:
      options->format = GLOSS_INPUT_FORMAT_HTML;
      return TRUE;
    case GLOSS_DOCUMENT_TEXT:
      options->format = GLOSS_INPUT_FORMAT_TEXT;
      return TRUE;
    case GLOSS_DOCUMENT_PDF:
      /* Extraction knows a PDF by its bytes; the provenance gets its
       * page count. */
      options->format = GLOSS_INPUT_FORMAT_AUTO;
      result->provenance->n_pages = gloss_pdf_get_n_pages (result->body);
      return TRUE;
    case GLOSS_DOCUMENT_UNKNOWN:
    default:
      options->format = GLOSS_INPUT_FORMAT_AUTO;
      return TRUE;
    }
}

/* Stores a downloaded story: a new version of the article it is a later
 * copy of (unless @separate), else a new article. */
static gboolean
store_fetched (GlossStore        *store,
               const char        *url,
               GlossFetchResult  *result,
               gint64             target,
               gboolean           separate,
               gboolean           json,
               GError           **error)
{
  g_autoptr(GBytes) bytes = gloss_fetch_result_dup_utf8 (result);
  g_autoptr(GlossArticle) article = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  GlossExtractOptions options;
  GlossUpdateReport report;
  gboolean duplicate = FALSE;
  gint64 id;

  gloss_extract_options_init (&options);
  if (!set_format (&options, result, error))
    return FALSE;
  article = gloss_extract_full (bytes, NULL, &options, error);
  if (article == NULL)
    return FALSE;

  if (target == 0 && !separate)
    {
      target = gloss_store_find_same_story (store, gloss_provenance_get_link (result->provenance),
                                            article, error);
      if (target < 0)
        return FALSE;
    }

  if (target > 0)
    {
      annotations = gloss_store_update_article_full (store, target, bytes, NULL, &options,
                                                     result->provenance, &report, error);
      if (annotations == NULL)
        return FALSE;
      print_outcome (url, target, report.unchanged ? "unchanged" : "new-version",
                     gloss_article_get_title (article), result->provenance, &report, json);
      return TRUE;
    }

  id = gloss_store_import_with_provenance (store, bytes, NULL, &options, result->provenance,
                                           &duplicate, error);
  if (id == 0)
    return FALSE;
  print_outcome (url, id, duplicate ? "duplicate" : "imported", gloss_article_get_title (article),
                 result->provenance, NULL, json);
  return TRUE;
}

static void
init_fetch_options (GlossFetchOptions *options,
                    gboolean           offline,
                    int                timeout)
{
  gloss_fetch_options_init (options, !offline && gloss_fetch_network_allowed_from_env ());
  if (timeout > 0)
    options->timeout_seconds = timeout;
}

int
gloss_cli_fetch (GlossCli  *cli,
                 int        argc,
                 char     **argv)
{
  gboolean json = FALSE;
  gboolean separate = FALSE;
  gboolean offline = FALSE;
  int timeout = 0;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object a link"), NULL },
    { "separate", 0, 0, G_OPTION_ARG_NONE, &separate,
      N_("Keep a newer copy of a known story as an article of its own"), NULL },
    { "offline", 0, 0, G_OPTION_ARG_NONE, &offline,
      N_("Do not use the network (as GLOSS_OFFLINE=1 does)"), NULL },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout,
      N_("Give up on a site silent this many seconds (30)"), N_("SECONDS") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  GlossFetchOptions options;
  int status = GLOSS_CLI_EXIT_OK;

  context = gloss_cli_option_context_new (cli, _("URL…"),
                                          _("Downloads each page (the page only: no scripts, "
                                            "images or styles) and adds it to the library with "
                                            "where it came from. A newer copy of a story already "
                                            "there becomes a new version of it."), entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gloss_cli_usage_error (context, error->message);
  if (argc < 2)
    return gloss_cli_usage_error (context, _("Give at least one link"));

  init_fetch_options (&options, offline, timeout);
  store = gloss_cli_open_store (cli, &error);
  if (store == NULL)
    return gloss_cli_fail (error);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GlossFetchResult) result = NULL;
      g_autoptr(GError) local_error = NULL;

      result = gloss_fetch (argv[i], &options, NULL, &local_error);
      if (result == NULL || !store_fetched (store, argv[i], result, 0, separate, json,
                                            &local_error))
        {
          print_error (argv[i], local_error, json);
          status = GLOSS_CLI_EXIT_FAILURE;
        }
    }

  return status;
}

int
gloss_cli_check_updates (GlossCli  *cli,
                         int        argc,
                         char     **argv)
{
  gboolean json = FALSE;
  gboolean offline = FALSE;
  int timeout = 0;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object an article"), NULL },
    { "offline", 0, 0, G_OPTION_ARG_NONE, &offline,
      N_("Do not use the network (as GLOSS_OFFLINE=1 does)"), NULL },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout,
      N_("Give up on a site silent this many seconds (30)"), N_("SECONDS") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  GlossFetchOptions options;
  int status = GLOSS_CLI_EXIT_OK;

  context = gloss_cli_option_context_new (cli, _("[ARTICLE…]"),
                                          _("Asks the site of each article with a link (all of "
                                            "them when none is given) whether the story changed; "
                                            "a changed story is stored as a new version and its "
                                            "annotations re-anchored."), entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gloss_cli_usage_error (context, error->message);

  init_fetch_options (&options, offline, timeout);
  store = gloss_cli_open_store (cli, &error);
  if (store == NULL)
    return gloss_cli_fail (error);

  if (argc > 1)
    {
      ids = g_ptr_array_new_with_free_func (g_free);
      for (int i = 1; i < argc; i++)
        {
          gint64 id;

          if (!gloss_cli_parse_id (argv[i], &id))
            return gloss_cli_usage_error (context, _("Give article ids"));
          g_ptr_array_add (ids, g_memdup2 (&id, sizeof id));
        }
    }
  else
    {
      ids = gloss_store_list_article_ids (store, &error);
      if (ids == NULL)
        return gloss_cli_fail (error);
    }

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = *(gint64 *) g_ptr_array_index (ids, i);
      g_autofree char *label = g_strdup_printf ("%" PRId64, id);
      g_autoptr(GlossArticleLink) link = NULL;
      g_autoptr(GlossFetchResult) result = NULL;
      g_autoptr(GError) local_error = NULL;
      GlossFetchOptions conditional = options;

      link = gloss_store_dup_article_link (store, id, &local_error);
      if (link == NULL)
        {
          if (local_error == NULL && argc > 1)
            g_set_error (&local_error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                         _("Article %" PRId64 " has no link to check"), id);
          if (local_error != NULL)
            {
              print_error (label, local_error, json);
              status = GLOSS_CLI_EXIT_FAILURE;
            }
          continue;
        }

      conditional.if_none_match = link->etag;
      conditional.if_modified_since = link->last_modified;
      result = gloss_fetch (link->url, &conditional, NULL, &local_error);
      if (result != NULL && result->not_modified)
        {
          GlossUpdateReport unchanged = { TRUE, 0, 0, 0, 0 };

          print_outcome (link->url, id, "unchanged", NULL, result->provenance, &unchanged, json);
          continue;
        }
      if (result == NULL || !store_fetched (store, link->url, result, id, FALSE, json,
                                            &local_error))
        {
          print_error (link->url, local_error, json);
          status = GLOSS_CLI_EXIT_FAILURE;
        }
    }

  return status;
}
