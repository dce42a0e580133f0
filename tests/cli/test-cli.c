/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>

/* gloss-cli as a script sees it: its stdout, stderr and exit status. */

typedef struct
{
  int status;
  char *out;
  char *err;
} CliRun;

static void
cli_run_clear (CliRun *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

static void
run_cli (CliRun *run, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) GLOSS_CLI_PATH);
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

static char *
fixture (const char *name)
{
  return g_build_filename (GLOSS_TEST_DATA, name, NULL);
}

static JsonObject *
parse_object (const char *line)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, line, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_extract_json_batch (void)
{
  g_autofree char *story = fixture ("cli/story.html");
  g_autofree char *empty = fixture ("cli/empty.txt");
  g_autofree char *missing = fixture ("cli/does-not-exist.html");
  g_auto(CliRun) run = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) second = NULL;
  g_autoptr(JsonObject) third = NULL;
  JsonArray *blocks;
  JsonObject *error_object;

  run_cli (&run, "extract", "--json", story, empty, missing, NULL);

  /* One failure makes the status 1, but every file is still reported, in
   * input order, one JSON object per line. */
  g_assert_cmpint (run.status, ==, 1);
  lines = g_strsplit (g_strchomp (run.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);

  first = parse_object (lines[0]);
  g_assert_cmpstr (json_object_get_string_member (first, "file"), ==, story);
  g_assert_cmpstr (json_object_get_string_member (first, "title"), !=, NULL);
  blocks = json_object_get_array_member (first, "blocks");
  g_assert_cmpuint (json_array_get_length (blocks), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (blocks, 0), "kind"),
                   ==, "paragraph");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (
                   json_array_get_object_element (blocks, 0), "text"), "The town council voted"));
  for (guint i = 0; i < 6; i++)
    {
      const char *member = (const char *[]) { "title", "byline", "site_name", "published",
                                              "language", "url" }[i];
      g_assert_true (json_object_has_member (first, member));
    }

  second = parse_object (lines[1]);
  g_assert_cmpstr (json_object_get_string_member (second, "file"), ==, empty);
  error_object = json_object_get_object_member (second, "error");
  g_assert_nonnull (error_object);
  g_assert_cmpstr (json_object_get_string_member (error_object, "code"), ==, "empty");
  g_assert_cmpstr (json_object_get_string_member (error_object, "message"), !=, "");
  g_assert_false (json_object_has_member (second, "blocks"));

  third = parse_object (lines[2]);
  error_object = json_object_get_object_member (third, "error");
  g_assert_cmpstr (json_object_get_string_member (error_object, "code"), ==, "io");

  /* A person reading stderr learns which files failed. */
  g_assert_nonnull (strstr (run.err, empty));
  g_assert_nonnull (strstr (run.err, missing));
}

static void
test_extract_plain (void)
{
  g_autofree char *story = fixture ("cli/story.html");
  g_auto(CliRun) run = { 0 };
  g_auto(GStrv) lines = NULL;

  run_cli (&run, "extract", story, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  /* Title, a metadata line, a blank line, then blocks separated by blank lines. */
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 8);
  g_assert_cmpstr (lines[2], ==, "");
  g_assert_true (g_str_has_prefix (lines[3], "The town council voted"));
  g_assert_cmpstr (lines[4], ==, "");
  g_assert_true (g_str_has_prefix (lines[5], "The mayor said"));
  g_assert_cmpstr (lines[6], ==, "");
  g_assert_true (g_str_has_prefix (lines[7], "The new hours start"));
}

static void
test_extract_as_text (void)
{
  g_autofree char *story = fixture ("cli/story.html");
  g_auto(CliRun) run = { 0 };

  /* Forced to text, the markup is the user's text: the tags stay visible. */
  run_cli (&run, "extract", "--json", "--as", "text", story, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "<p>The town council voted"));
}

static void
test_usage_errors (void)
{
  g_autofree char *story = fixture ("cli/story.html");
  const char *cases[][4] = {
    { "extract", NULL },
    { "extract", "--as", "pdf", NULL },
    { "extract", "--no-such-option", NULL },
    { "no-such-command", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CliRun) run = { 0 };

      run_cli (&run, cases[i][0], cases[i][1], cases[i][2], cases[i][1] ? story : NULL, NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpstr (run.err, !=, "");
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/extract/json-batch", test_extract_json_batch);
  g_test_add_func ("/cli/extract/plain", test_extract_plain);
  g_test_add_func ("/cli/extract/as-text", test_extract_as_text);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);

  return g_test_run ();
}
