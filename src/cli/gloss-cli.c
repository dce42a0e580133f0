/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "gloss-cli.h"

typedef struct
{
  const char *name;
  GlossCliCommandFunc run;
  const char *summary;
} GlossCliCommand;

static const GlossCliCommand commands[] = {
  { "extract", gloss_cli_extract, N_("Print the clean article of saved pages or copied text") },
  { "import", gloss_cli_import, N_("Add saved pages or copied text to the library") },
  { "articles", gloss_cli_articles, N_("List the articles in the library") },
  { "search", gloss_cli_search, N_("Search articles and annotations") },
  { "show", gloss_cli_show, N_("Print a stored article with its paragraph numbers") },
  { "annotate", gloss_cli_annotate, N_("Mark a claim, denial, evidence, question or note") },
  { "suggest", gloss_cli_suggest, N_("Suggest claims, denials and speakers in an article") },
  { "annotations", gloss_cli_annotations, N_("List an article’s annotations") },
  { "edit-annotation", gloss_cli_edit_annotation, N_("Change an annotation’s note, speaker, verdict or links") },
  { "delete-annotation", gloss_cli_delete_annotation, N_("Delete an annotation") },
  { "fetch", gloss_cli_fetch, N_("Download pages by their link and add them to the library") },
  { "check-updates", gloss_cli_check_updates, N_("Store a new version of articles whose story changed at its link") },
  { "versions", gloss_cli_versions, N_("List an article’s versions and where each came from") },
  { "diff", gloss_cli_diff, N_("Print the words that changed between two versions of an article") },
  { "update", gloss_cli_update, N_("Replace an article by a newer copy and re-anchor its annotations") },
  { "reextract", gloss_cli_reextract, N_("Clean stored articles again with this version’s extractor") },
  { "export", gloss_cli_export, N_("Export articles and annotations (Markdown, CSV, HTML, JSON-LD)") },
  { "import-annotations", gloss_cli_import_annotations, N_("Import Web Annotation or Hypothesis annotations") },
  { "backup", gloss_cli_backup, N_("Back up the library now") },
  { "backups", gloss_cli_backups, N_("List the library’s backups") },
  { "restore", gloss_cli_restore, N_("Replace the library by one of its backups") },
#if GLOSS_HAVE_TEAM
  { "team", gloss_cli_team, N_("Share a library with a team through PostgreSQL (team --help)") },
#endif
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n%s\n", _("Usage: gloss-cli [--db PATH] COMMAND [OPTION…] [ARGUMENT…]"),
           _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-18s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “gloss-cli COMMAND --help” for the options of a command."));
}

/* Takes a leading "--db PATH" or "--db=PATH"; returns how many arguments it
 * used, or -1 when --db has no value. */
static int
parse_global_options (GlossCli  *cli,
                      int        argc,
                      char     **argv)
{
  if (argc >= 2 && g_str_has_prefix (argv[1], "--db="))
    {
      cli->db_path = g_strdup (argv[1] + strlen ("--db="));
      return 1;
    }
  if (argc >= 2 && g_str_equal (argv[1], "--db"))
    {
      if (argc < 3)
        return -1;
      cli->db_path = g_strdup (argv[2]);
      return 2;
    }

  return 0;
}

int
main (int    argc,
      char **argv)
{
  GlossCli cli = { NULL };
  int used;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("gloss-cli");

  used = parse_global_options (&cli, argc, argv);
  if (used < 0)
    {
      fprintf (stderr, "gloss-cli: %s\n", _("--db needs a path"));
      return GLOSS_CLI_EXIT_USAGE;
    }
  argc -= used;
  argv += used;

  if (argc < 2)
    {
      print_usage (stderr);
      return GLOSS_CLI_EXIT_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return GLOSS_CLI_EXIT_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("gloss-cli %s\n", PACKAGE_VERSION);
      return GLOSS_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (argv[1], commands[i].name))
        {
          g_autofree char *prgname = g_strdup_printf ("gloss-cli %s", commands[i].name);

          /* So that "Usage: gloss-cli import [OPTION…]" names the command. */
          g_set_prgname (prgname);
          status = commands[i].run (&cli, argc - 1, argv + 1);
          g_free (cli.db_path);
          return status;
        }
    }

  fprintf (stderr, _("gloss-cli: unknown command “%s”\n\n"), argv[1]);
  print_usage (stderr);
  g_free (cli.db_path);
  return GLOSS_CLI_EXIT_USAGE;
}
