/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "gloss-cli.h"

/* Backups of the library: backup (make one now), backups (list them),
 * restore (put one back). */

static char *
dup_library_path (GlossCli *cli)
{
  return cli->db_path != NULL ? g_strdup (cli->db_path) : gloss_store_dup_default_path ();
}

int
gloss_cli_backup (GlossCli  *cli,
                  int        argc,
                  char     **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the new backup as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  const char *newest;

  context = gloss_cli_option_context_new (cli, NULL,
                                          _("Backs up the library now, into the “backups” folder "
                                            "next to it (the newest five are kept)."), entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gloss_cli_usage_error (context, error->message);
  if (argc > 1)
    return gloss_cli_usage_error (context, _("backup takes no arguments"));

  store = gloss_cli_open_store (cli, &error);
  if (store == NULL || !gloss_store_backup_automatically (store, "manual", &error))
    return gloss_cli_fail (error);
  backups = gloss_store_list_backups (gloss_store_get_path (store), &error);
  if (backups == NULL)
    return gloss_cli_fail (error);
  g_assert (backups->len > 0);
  newest = g_ptr_array_index (backups, 0);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "backup");
      json_builder_add_string_value (builder, newest);
      json_builder_end_object (builder);
      gloss_cli_print_json (builder);
    }
  else
    printf ("%s\n", newest);

  return GLOSS_CLI_EXIT_OK;
}

int
gloss_cli_backups (GlossCli  *cli,
                   int        argc,
                   char     **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object per backup"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *path = NULL;

  context = gloss_cli_option_context_new (cli, NULL, _("Lists the library’s backups, newest first."),
                                          entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gloss_cli_usage_error (context, error->message);
  if (argc > 1)
    return gloss_cli_usage_error (context, _("backups takes no arguments"));

  path = dup_library_path (cli);
  backups = gloss_store_list_backups (path, &error);
  if (backups == NULL)
    return gloss_cli_fail (error);

  for (guint i = 0; i < backups->len; i++)
    {
      if (json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "backup");
          json_builder_add_string_value (builder, g_ptr_array_index (backups, i));
          json_builder_end_object (builder);
          gloss_cli_print_json (builder);
        }
      else
        printf ("%s\n", (const char *) g_ptr_array_index (backups, i));
    }

  return GLOSS_CLI_EXIT_OK;
}

int
gloss_cli_restore (GlossCli  *cli,
                   int        argc,
                   char     **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  context = gloss_cli_option_context_new (cli, _("BACKUP"),
                                          _("Replaces the library by a backup (see “gloss-cli "
                                            "backups”). The library as it was is backed up "
                                            "first, or kept aside if it is damaged. Close Gloss "
                                            "before restoring."), entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gloss_cli_usage_error (context, error->message);
  if (argc != 2)
    return gloss_cli_usage_error (context, _("Give one backup file"));

  path = dup_library_path (cli);
  if (!gloss_store_restore_backup (path, argv[1], &error))
    return gloss_cli_fail (error);

  printf (_("Restored %s from %s\n"), path, argv[1]);
  return GLOSS_CLI_EXIT_OK;
}
