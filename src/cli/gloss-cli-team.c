/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-cli"

#include "config.h"

#include <stdio.h>
#include <termios.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "gloss-cli.h"
#include "gloss-team.h"

/* gloss-cli team init|add|list|share|sync|status|members|conflicts|resolve:
 * team libraries shared through a PostgreSQL server (src/core/team).  Passwords come from
 * the environment or are asked for on the terminal, never from a file or
 * the command line, and are never written anywhere. */

#define PASSWORD_VARIABLE "GLOSS_TEAM_PASSWORD"
#define NEW_PASSWORD_VARIABLE "GLOSS_TEAM_NEW_PASSWORD"

/* Reads a line from the terminal without echoing it. */
static char *
ask (const char *prompt)
{
  FILE *tty = fopen ("/dev/tty", "r+");
  struct termios saved, quiet;
  char line[1024];
  char *answer = NULL;

  if (tty == NULL)
    return NULL;
  fprintf (tty, "%s", prompt);
  fflush (tty);
  if (tcgetattr (fileno (tty), &saved) == 0)
    {
      quiet = saved;
      quiet.c_lflag &= ~ECHO;
      tcsetattr (fileno (tty), TCSAFLUSH, &quiet);
    }
  if (fgets (line, sizeof line, tty) != NULL)
    {
      line[strcspn (line, "\r\n")] = '\0';
      answer = g_strdup (line);
    }
  tcsetattr (fileno (tty), TCSAFLUSH, &saved);
  fprintf (tty, "\n");
  fclose (tty);
  return answer;
}

/* The password from @variable, else asked for; NULL with @error set when
 * neither is possible. */
static char *
get_password (const char  *variable,
              const char  *prompt,
              GError     **error)
{
  const char *value = g_getenv (variable);
  char *answer;

  if (value != NULL)
    return g_strdup (value);
  answer = ask (prompt);
  if (answer == NULL)
    g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                 _("No password: set %s or run on a terminal"), variable);
  return answer;
}

static GlossTeamConnection *
connect_as_person (const char  *conninfo,
                   GError     **error)
{
  g_autofree char *password = get_password (PASSWORD_VARIABLE, _("Team password: "), error);

  if (password == NULL)
    return NULL;
  return gloss_team_connection_open (conninfo, password, error);
}

static int
team_init (GlossCli  *cli,
           int        argc,
           char     **argv)
{
  g_autofree char *admin = NULL;
  g_autofree char *display_name = NULL;
  const GOptionEntry entries[] = {
    { "admin", 0, 0, G_OPTION_ARG_STRING, &admin,
      N_("Login name of the team’s first administrator (made here)"), N_("NAME") },
    { "display-name", 0, 0, G_OPTION_ARG_STRING, &display_name,
      N_("The administrator’s name as the team sees it"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossTeamConnection) superuser = NULL;
  g_autofree char *password = NULL;

  context = gloss_cli_option_context_new (cli, _("CONNECTION"),
                                          _("Sets up an empty PostgreSQL database for team "
                                            "libraries and makes its first administrator. "
                                            "CONNECTION reaches it as a superuser (a libpq "
                                            "connection string; its password, if one is needed, "
                                            "from PGPASSWORD or ~/.pgpass). The administrator’s "
                                            "password comes from GLOSS_TEAM_NEW_PASSWORD or is "
                                            "asked for."), entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gloss_cli_usage_error (context, error->message);
  if (argc != 2 || admin == NULL)
    return gloss_cli_usage_error (context, _("team init takes a connection string and --admin"));

  password = get_password (NEW_PASSWORD_VARIABLE, _("Password for the administrator: "), &error);
  if (password == NULL)
    return gloss_cli_fail (error);
  superuser = gloss_team_connection_open_any (argv[1], NULL, &error);
  if (superuser == NULL ||
      !gloss_team_init_server (superuser, admin, password, display_name, &error))
    return gloss_cli_fail (error);
  printf (_("The database is ready; %s is its administrator.\n"), admin);
  return GLOSS_CLI_EXIT_OK;
}

static int
team_add (GlossCli  *cli,
          int        argc,
          char     **argv)
{
  gboolean create = FALSE;
  g_autofree char *display_name = NULL;
  const GOptionEntry entries[] = {
    { "create", 0, 0, G_OPTION_ARG_NONE, &create,
      N_("Create the team library on the server (administrators)"), NULL },
    { "display-name", 0, 0, G_OPTION_ARG_STRING, &display_name,
      N_("Your name on your annotations, as the team sees it in this library"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GlossTeamConnection) connection = NULL;
  g_autofree char *uuid = NULL;

  context = gloss_cli_option_context_new (cli, _("NAME CONNECTION"),
                                          _("Makes this library sync with the team library NAME "
                                            "on the server CONNECTION reaches (a libpq connection "
                                            "string with host, dbname and user; TLS with the "
                                            "server’s certificate checked unless it says "
                                            "sslmode). The password comes from "
                                            "GLOSS_TEAM_PASSWORD or is asked for, and is never "
                                            "stored."), entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gloss_cli_usage_error (context, error->message);
  if (argc != 3)
    return gloss_cli_usage_error (context, _("team add takes a name and a connection string"));

  store = gloss_cli_open_store (cli, &error);
  if (store == NULL || !gloss_team_check_conninfo (argv[2], &error))
    return gloss_cli_fail (error);
  connection = connect_as_person (argv[2], &error);
  if (connection == NULL)
    return gloss_cli_fail (error);
  uuid = create ? gloss_team_create_library (connection, argv[1], &error)
                : gloss_team_find_library (connection, argv[1], &error);
  if (uuid == NULL ||
      (display_name != NULL &&
       !gloss_team_set_display_name (connection, uuid, display_name, &error)) ||
      gloss_team_add_library (store, argv[1], argv[2], uuid, &error) == 0)
    return gloss_cli_fail (error);
  printf (_("This library now syncs with “%s”; share articles with “gloss-cli team share”.\n"),
          argv[1]);
  return GLOSS_CLI_EXIT_OK;
}

static void
add_library_json (JsonBuilder      *builder,
                  GlossTeamLibrary *library)
{
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, library->name);
  json_builder_set_member_name (builder, "connection");
  json_builder_add_string_value (builder, library->conninfo);
  json_builder_set_member_name (builder, "articles");
  json_builder_add_int_value (builder, library->n_articles);
  json_builder_set_member_name (builder, "pending");
  json_builder_add_int_value (builder, library->n_pending);
  json_builder_set_member_name (builder, "conflicts");
  json_builder_add_int_value (builder, library->n_conflicts);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, library->pulled_version);
  json_builder_set_member_name (builder, "last_sync");
  if (library->last_sync != NULL)
    json_builder_add_string_value (builder, library->last_sync);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "last_error");
  if (library->last_error != NULL)
    json_builder_add_string_value (builder, library->last_error);
  else
    json_builder_add_null_value (builder);
}

static void
print_library (GlossTeamLibrary *library,
               gboolean          json)
{
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_library_json (builder, library);
      json_builder_end_object (builder);
      gloss_cli_print_json (builder);
      return;
    }

  printf ("%s\t%s\n", library->name, library->conninfo);
  printf ("  ");
  printf (g_dngettext (GETTEXT_PACKAGE, "%u article shared", "%u articles shared",
                       library->n_articles), library->n_articles);
  printf (", ");
  printf (g_dngettext (GETTEXT_PACKAGE, "%u change waiting", "%u changes waiting",
                       library->n_pending), library->n_pending);
  if (library->n_conflicts > 0)
    {
      printf (", ");
      printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict kept as a copy",
                           "%u conflicts kept as copies", library->n_conflicts),
              library->n_conflicts);
    }
  printf ("\n  ");
  if (library->last_sync != NULL)
    printf (_("last synced %s"), library->last_sync);
  else
    printf ("%s", _("never synced"));
  printf ("\n");
  if (library->last_error != NULL)
    printf ("  %s %s\n", _("last sync failed:"), library->last_error);
}

/* list and status: the same facts, for every library or the one named. */
static int
team_list (GlossCli   *cli,
           int         argc,
           char      **argv,
           gboolean    one)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object per team library"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GPtrArray) libraries = NULL;

  context = gloss_cli_option_context_new (cli, one ? _("[NAME]") : NULL,
                                          one ? _("Says, without going online, how each team "
                                                  "library (or NAME) stands: changes waiting, "
                                                  "conflicts, the last sync and its error.")
                                              : _("Lists the team libraries this library syncs "
                                                  "with."), entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gloss_cli_usage_error (context, error->message);
  if (argc > (one ? 2 : 1))
    return gloss_cli_usage_error (context, _("too many arguments"));

  store = gloss_cli_open_store (cli, &error);
  if (store == NULL)
    return gloss_cli_fail (error);
  if (argc == 2)
    {
      g_autoptr(GlossTeamLibrary) library = gloss_team_dup_library (store, argv[1], &error);

      if (library == NULL)
        return gloss_cli_fail (error);
      print_library (library, json);
      return GLOSS_CLI_EXIT_OK;
    }
  libraries = gloss_team_list_libraries (store, &error);
  if (libraries == NULL)
    return gloss_cli_fail (error);
  for (guint i = 0; i < libraries->len; i++)
    print_library (g_ptr_array_index (libraries, i), json);
  return GLOSS_CLI_EXIT_OK;
}

static int
team_share (GlossCli  *cli,
            int        argc,
            char     **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GlossTeamLibrary) library = NULL;

  context = gloss_cli_option_context_new (cli, _("NAME ARTICLE…"),
                                          _("Shares articles (by id), with their annotations, "
                                            "to the team library NAME; they go to the server at "
                                            "the next sync."), entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gloss_cli_usage_error (context, error->message);
  if (argc < 3)
    return gloss_cli_usage_error (context, _("team share takes a name and article ids"));

  store = gloss_cli_open_store (cli, &error);
  if (store == NULL)
    return gloss_cli_fail (error);
  library = gloss_team_dup_library (store, argv[1], &error);
  if (library == NULL)
    return gloss_cli_fail (error);
  for (int i = 2; i < argc; i++)
    {
      gint64 id;

      if (!gloss_cli_parse_id (argv[i], &id))
        return gloss_cli_usage_error (context, _("an article id is a positive number"));
      if (!gloss_team_share_article (store, library->id, id, &error))
        return gloss_cli_fail (error);
    }
  return GLOSS_CLI_EXIT_OK;
}

static int
team_sync (GlossCli  *cli,
           int        argc,
           char     **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print what moved as one JSON object per team library"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GPtrArray) libraries = NULL;
  g_autofree char *password = NULL;
  gboolean matched = FALSE;
  int status = GLOSS_CLI_EXIT_OK;

  context = gloss_cli_option_context_new (cli, _("[NAME]"),
                                          _("Syncs every team library, or NAME, both ways: what "
                                            "changed here goes to the server, what changed there "
                                            "comes here. The password comes from "
                                            "GLOSS_TEAM_PASSWORD or is asked for."), entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gloss_cli_usage_error (context, error->message);
  if (argc > 2)
    return gloss_cli_usage_error (context, _("too many arguments"));

  store = gloss_cli_open_store (cli, &error);
  if (store == NULL)
    return gloss_cli_fail (error);
  libraries = gloss_team_list_libraries (store, &error);
  if (libraries == NULL)
    return gloss_cli_fail (error);

  for (guint i = 0; i < libraries->len; i++)
    {
      GlossTeamLibrary *library = g_ptr_array_index (libraries, i);
      g_autoptr(GlossTeamConnection) connection = NULL;
      GlossTeamSyncStats stats = { 0 };

      if (argc == 2 && !g_str_equal (argv[1], library->name))
        continue;
      matched = TRUE;
      if (password == NULL)
        {
          password = get_password (PASSWORD_VARIABLE, _("Team password: "), &error);
          if (password == NULL)
            return gloss_cli_fail (error);
        }
      connection = gloss_team_connection_open (library->conninfo, password, &error);
      if (connection == NULL ||
          !gloss_team_sync (store, library->id, connection, &stats, &error))
        {
          fprintf (stderr, "gloss-cli: %s: %s\n", library->name, error->message);
          g_clear_error (&error);
          status = GLOSS_CLI_EXIT_FAILURE;
          continue;
        }
      if (json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, library->name);
          json_builder_set_member_name (builder, "pushed");
          json_builder_add_int_value (builder, stats.pushed);
          json_builder_set_member_name (builder, "pulled");
          json_builder_add_int_value (builder, stats.pulled);
          json_builder_set_member_name (builder, "articles_fetched");
          json_builder_add_int_value (builder, stats.bodies);
          json_builder_set_member_name (builder, "conflicts");
          json_builder_add_int_value (builder, stats.conflicts);
          json_builder_set_member_name (builder, "version");
          json_builder_add_int_value (builder, stats.version);
          json_builder_end_object (builder);
          gloss_cli_print_json (builder);
        }
      else
        printf (ngettext ("%s: sent %u, received %u, %u conflict kept as a copy\n",
                          "%s: sent %u, received %u, %u conflicts kept as copies\n",
                          stats.conflicts),
                library->name, stats.pushed, stats.pulled, stats.conflicts);
    }
  if (argc == 2 && !matched)
    {
      fprintf (stderr, "gloss-cli: ");
      fprintf (stderr, _("This library syncs with no team library called “%s”"), argv[1]);
      fprintf (stderr, "\n");
      return GLOSS_CLI_EXIT_FAILURE;
    }
  return status;
}

/* The team library's name for each id, to say where a conflict is. */
static const char *
library_name (GPtrArray *libraries,
              gint64     library_id)
{
  for (guint i = 0; i < libraries->len; i++)
    {
      GlossTeamLibrary *library = g_ptr_array_index (libraries, i);

      if (library->id == library_id)
        return library->name;
    }
  return "";
}

static void
print_conflict (GlossTeamConflict *conflict,
                const char        *name,
                gboolean           json)
{
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, conflict->id);
      json_builder_set_member_name (builder, "library");
      json_builder_add_string_value (builder, name);
      json_builder_set_member_name (builder, "annotation");
      json_builder_add_string_value (builder, conflict->annotation_uuid);
      json_builder_set_member_name (builder, "copy");
      json_builder_add_string_value (builder, conflict->copy_uuid);
      json_builder_set_member_name (builder, "fields");
      json_builder_begin_array (builder);
      for (guint i = 0; conflict->fields[i] != NULL; i++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "field");
          json_builder_add_string_value (builder, conflict->fields[i]);
          json_builder_set_member_name (builder, "theirs");
          json_builder_add_string_value (builder, conflict->server_values[i]);
          json_builder_set_member_name (builder, "mine");
          json_builder_add_string_value (builder, conflict->mine_values[i]);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      gloss_cli_print_json (builder);
      return;
    }

  printf ("%" G_GINT64_FORMAT "\t%s\t%s\n", conflict->id, name, conflict->annotation_uuid);
  for (guint i = 0; conflict->fields[i] != NULL; i++)
    {
      /* Translators: a field both sides changed, then the server's value
       * and this library's, each on a line of its own. */
      printf (_("  %s:\n    theirs: “%s”\n    mine:   “%s”\n"), conflict->fields[i],
              conflict->server_values[i], conflict->mine_values[i]);
    }
}

static int
team_conflicts (GlossCli  *cli,
                int        argc,
                char     **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object per conflict"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GPtrArray) libraries = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  gint64 library_id = 0;

  context = gloss_cli_option_context_new (cli, _("[NAME]"),
                                          _("Lists, without going online, the annotations both "
                                            "this library and the team changed in the same "
                                            "fields, in every team library or NAME, with both "
                                            "versions; “gloss-cli team resolve” settles one."),
                                          entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gloss_cli_usage_error (context, error->message);
  if (argc > 2)
    return gloss_cli_usage_error (context, _("too many arguments"));

  store = gloss_cli_open_store (cli, &error);
  if (store == NULL)
    return gloss_cli_fail (error);
  if (argc == 2)
    {
      g_autoptr(GlossTeamLibrary) library = gloss_team_dup_library (store, argv[1], &error);

      if (library == NULL)
        return gloss_cli_fail (error);
      library_id = library->id;
    }
  libraries = gloss_team_list_libraries (store, &error);
  conflicts = libraries != NULL ? gloss_team_list_conflicts (store, library_id, &error) : NULL;
  if (conflicts == NULL)
    return gloss_cli_fail (error);
  for (guint i = 0; i < conflicts->len; i++)
    {
      GlossTeamConflict *conflict = g_ptr_array_index (conflicts, i);

      print_conflict (conflict, library_name (libraries, conflict->library_id), json);
    }
  return GLOSS_CLI_EXIT_OK;
}

static int
team_resolve (GlossCli  *cli,
              int        argc,
              char     **argv)
{
  g_autofree char *keep = NULL;
  const GOptionEntry entries[] = {
    { "keep", 0, 0, G_OPTION_ARG_STRING, &keep,
      N_("Which version stays: mine, theirs (the team’s) or both (two annotations)"),
      N_("SIDE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  GlossTeamChoice choice;
  gint64 id;

  context = gloss_cli_option_context_new (cli, _("CONFLICT"),
                                          _("Settles a conflict “gloss-cli team conflicts” "
                                            "listed, by its id, as the window’s picker does; the "
                                            "outcome goes to the server at the next sync."),
                                          entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gloss_cli_usage_error (context, error->message);
  if (argc != 2 || keep == NULL)
    return gloss_cli_usage_error (context, _("team resolve takes a conflict id and --keep"));
  if (!gloss_cli_parse_id (argv[1], &id))
    return gloss_cli_usage_error (context, _("a conflict id is a positive number"));
  if (g_str_equal (keep, "mine"))
    choice = GLOSS_TEAM_KEEP_MINE;
  else if (g_str_equal (keep, "theirs"))
    choice = GLOSS_TEAM_KEEP_SERVER;
  else if (g_str_equal (keep, "both"))
    choice = GLOSS_TEAM_KEEP_BOTH;
  else
    return gloss_cli_usage_error (context, _("--keep takes mine, theirs or both"));

  store = gloss_cli_open_store (cli, &error);
  if (store == NULL || !gloss_team_resolve_conflict (store, id, choice, &error))
    return gloss_cli_fail (error);
  return GLOSS_CLI_EXIT_OK;
}

static int
team_members (GlossCli  *cli,
              int        argc,
              char     **argv)
{
  gboolean json = FALSE;
  g_autofree char *set = NULL;
  g_autofree char *remove = NULL;
  g_autofree char *new_person = NULL;
  g_autofree char *display_name = NULL;
  gboolean new_admin = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object per member"), NULL },
    { "display-name", 0, 0, G_OPTION_ARG_STRING, &display_name,
      N_("Change your own name on your annotations in this library (empty: your login’s)"),
      N_("NAME") },
    { "set", 0, 0, G_OPTION_ARG_STRING, &set,
      N_("Add a person or change their role: reader, editor or admin (library admins)"),
      N_("PERSON=ROLE") },
    { "remove", 0, 0, G_OPTION_ARG_STRING, &remove, N_("Take a person out (library admins)"),
      N_("PERSON") },
    { "new-person", 0, 0, G_OPTION_ARG_STRING, &new_person,
      N_("Give a new person a login on the server (team administrators); their first password "
         "comes from GLOSS_TEAM_NEW_PASSWORD or is asked for"), N_("PERSON") },
    { "team-admin", 0, 0, G_OPTION_ARG_NONE, &new_admin,
      N_("With --new-person: they may create libraries and add people too"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GlossTeamLibrary) library = NULL;
  g_autoptr(GlossTeamConnection) connection = NULL;
  g_autoptr(GPtrArray) members = NULL;

  context = gloss_cli_option_context_new (cli, _("NAME"),
                                          _("Lists who belongs to the team library NAME and "
                                            "with which role; administrators add people and "
                                            "change roles."), entries);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return gloss_cli_usage_error (context, error->message);
  if (argc != 2)
    return gloss_cli_usage_error (context, _("team members takes the name of a team library"));

  store = gloss_cli_open_store (cli, &error);
  if (store == NULL)
    return gloss_cli_fail (error);
  library = gloss_team_dup_library (store, argv[1], &error);
  if (library == NULL)
    return gloss_cli_fail (error);
  connection = connect_as_person (library->conninfo, &error);
  if (connection == NULL)
    return gloss_cli_fail (error);

  if (new_person != NULL)
    {
      g_autofree char *password = get_password (NEW_PASSWORD_VARIABLE,
                                                _("Password for the new person: "), &error);

      if (password == NULL ||
          !gloss_team_add_person (connection, new_person, password, NULL, new_admin, &error))
        return gloss_cli_fail (error);
    }
  if (set != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (set, "=", 2);

      if (g_strv_length (parts) != 2)
        return gloss_cli_usage_error (context, _("--set takes PERSON=ROLE"));
      if (!gloss_team_set_member (connection, library->library_uuid, parts[0], parts[1], &error))
        return gloss_cli_fail (error);
    }
  if (remove != NULL &&
      !gloss_team_set_member (connection, library->library_uuid, remove, NULL, &error))
    return gloss_cli_fail (error);
  if (display_name != NULL &&
      !gloss_team_set_display_name (connection, library->library_uuid, display_name, &error))
    return gloss_cli_fail (error);

  members = gloss_team_list_members (connection, library->library_uuid, &error);
  if (members == NULL)
    return gloss_cli_fail (error);
  for (guint i = 0; i < members->len; i++)
    {
      GlossTeamMember *member = g_ptr_array_index (members, i);

      if (json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "person");
          json_builder_add_string_value (builder, member->person);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, member->display_name);
          json_builder_set_member_name (builder, "role");
          json_builder_add_string_value (builder, member->role);
          json_builder_end_object (builder);
          gloss_cli_print_json (builder);
        }
      else
        printf ("%s\t%s\t%s\n", member->person, member->role, member->display_name);
    }
  return GLOSS_CLI_EXIT_OK;
}

static const struct
{
  const char *name;
  int (*run) (GlossCli *cli, int argc, char **argv);
  const char *summary;
} team_commands[] = {
  { "init", team_init, N_("Set up a PostgreSQL database for team libraries") },
  { "add", team_add, N_("Sync this library with a team library") },
  { "list", NULL, N_("List the team libraries this library syncs with") },
  { "share", team_share, N_("Share articles to a team library") },
  { "sync", team_sync, N_("Sync team libraries both ways") },
  { "status", NULL, N_("Say how each team library stands, offline") },
  { "members", team_members, N_("List or change who belongs to a team library") },
  { "conflicts", team_conflicts, N_("List annotations changed here and by the team at once") },
  { "resolve", team_resolve, N_("Keep mine, theirs or both versions of a conflict") },
};

int
gloss_cli_team (GlossCli  *cli,
                int        argc,
                char     **argv)
{
  if (argc >= 2)
    for (guint i = 0; i < G_N_ELEMENTS (team_commands); i++)
      if (g_str_equal (argv[1], team_commands[i].name))
        {
          g_autofree char *prgname = g_strdup_printf ("gloss-cli team %s", argv[1]);

          g_set_prgname (prgname);
          if (team_commands[i].run == NULL)
            return team_list (cli, argc - 1, argv + 1, g_str_equal (argv[1], "status"));
          return team_commands[i].run (cli, argc - 1, argv + 1);
        }

  {
    gboolean help = argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"));
    FILE *stream = help ? stdout : stderr;

    fprintf (stream, "%s\n\n%s\n", _("Usage: gloss-cli team COMMAND [OPTION…] [ARGUMENT…]"),
             _("Commands:"));
    for (guint i = 0; i < G_N_ELEMENTS (team_commands); i++)
      fprintf (stream, "  %-10s %s\n", team_commands[i].name, _(team_commands[i].summary));
    return help ? GLOSS_CLI_EXIT_OK : GLOSS_CLI_EXIT_USAGE;
  }
}
