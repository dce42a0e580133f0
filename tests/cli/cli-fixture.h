/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the gloss-cli tests share: a temporary library per test, a way to run
 * gloss-cli on it as a script would, and JSON parsing of what it prints.
 * GLOSS_CLI_PATH and GLOSS_TEST_DATA come from tests/meson.build. */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "test-seed.h"

/* For g_test_add() with gloss_test_library_set_up() and
 * gloss_test_library_tear_down(): the library is @path, created by the
 * first gloss-cli run on it. */
typedef GlossTestLibrary Fixture;

static int
run_cli_valist (Fixture     *fixture,
                char       **out_stdout,
                char       **out_stderr,
                const char  *first_arg,
                va_list      args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_ptr_array_add (argv, (gpointer) GLOSS_CLI_PATH);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, fixture->path);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (g_subprocess_get_exit_status (process) != 0)
    g_test_message ("gloss-cli said: %s", err);

  if (out_stdout != NULL)
    *out_stdout = g_steal_pointer (&out);
  if (out_stderr != NULL)
    *out_stderr = g_steal_pointer (&err);
  return g_subprocess_get_exit_status (process);
}

/* Runs gloss-cli --db DB ARGS…; returns its exit status, stdout and stderr. */
G_GNUC_NULL_TERMINATED G_GNUC_UNUSED static int
run_cli_full (Fixture     *fixture,
              char       **out_stdout,
              char       **out_stderr,
              const char  *first_arg,
              ...)
{
  va_list args;
  int status;

  va_start (args, first_arg);
  status = run_cli_valist (fixture, out_stdout, out_stderr, first_arg, args);
  va_end (args);
  return status;
}

/* Runs gloss-cli --db DB ARGS…; returns its exit status and stdout. */
G_GNUC_NULL_TERMINATED G_GNUC_UNUSED static int
run_cli (Fixture     *fixture,
         char       **out_stdout,
         const char  *first_arg,
         ...)
{
  va_list args;
  int status;

  va_start (args, first_arg);
  status = run_cli_valist (fixture, out_stdout, NULL, first_arg, args);
  va_end (args);
  return status;
}

static G_GNUC_UNUSED JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}
