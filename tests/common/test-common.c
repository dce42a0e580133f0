/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-test"

#include "config.h"

#include <stdarg.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "test-common.h"

/* Temporary folders */

/**
 * gloss_test_dir_new:
 *
 * Creates a temporary folder named after the test program.
 *
 * Returns: (transfer full): its path, for gloss_test_remove_tree()
 */
char *
gloss_test_dir_new (void)
{
  /* g_test_init() names the program by its whole path. */
  g_autofree char *program = g_path_get_basename (g_get_prgname () != NULL
                                                  ? g_get_prgname () : "test");
  g_autofree char *template = g_strdup_printf ("gloss-%s-XXXXXX", program);
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);

  return dir;
}

/**
 * gloss_test_library_dir_new:
 * @out_path: (out): "library.db" in the folder, created by the first
 *   gloss_store_open()
 *
 * A temporary folder for a library of the test's own.
 *
 * Returns: (transfer full): the folder, for gloss_test_remove_tree()
 */
char *
gloss_test_library_dir_new (char **out_path)
{
  char *dir = gloss_test_dir_new ();

  *out_path = g_build_filename (dir, "library.db", NULL);

  return dir;
}

/**
 * gloss_test_remove_tree:
 * @path: a folder
 *
 * Removes @path and everything in it: a library, its -wal and -shm files,
 * its backups folder and whatever a test wrote beside it, also where a
 * test took away the permission to write there.
 */
void
gloss_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        gloss_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Warnings */

/*
 * The tests run with G_DEBUG=fatal-warnings, so a warning fails them.  One
 * warning is GTK 4.8's own and harmless: on a loaded machine a popover or
 * scroll bar part (a GtkGizmo) can be drawn in the frame before its first
 * allocation, "Trying to snapshot GtkGizmo … without a current allocation"
 * (gone in later GTK releases).  tests/meson.build holds that rule once, as
 * a pattern in GLOSS_TEST_TOLERATED_WARNING, for these programs and for
 * test-atspi.py, which reads gloss's stderr by it.  A message matching it
 * is written and let pass; every other one stays fatal.
 */
static GLogWriterOutput
tolerating_writer (GLogLevelFlags   log_level,
                   const GLogField *fields,
                   gsize            n_fields,
                   gpointer         user_data)
{
  const char *pattern = user_data;

  if (log_level & G_LOG_LEVEL_WARNING)
    for (gsize i = 0; i < n_fields; i++)
      if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length == -1
          && g_pattern_match_simple (pattern, fields[i].value))
        {
          g_printerr ("# tolerated (GLOSS_TEST_TOLERATED_WARNING): %s\n",
                      (const char *) fields[i].value);
          return G_LOG_WRITER_HANDLED;
        }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/**
 * gloss_test_tolerate_known_warning:
 *
 * Lets the warning that GLOSS_TEST_TOLERATED_WARNING describes pass; without
 * it set, none does.  Call once, before anything logs.
 */
void
gloss_test_tolerate_known_warning (void)
{
  const char *pattern = g_getenv ("GLOSS_TEST_TOLERATED_WARNING");

  if (pattern != NULL && *pattern != '\0')
    g_log_set_writer_func (tolerating_writer, g_strdup (pattern), g_free);
}

/**
 * gloss_test_init:
 * @argc: main()'s
 * @argv: main()'s
 *
 * g_test_init(), with the known warning let pass.
 */
void
gloss_test_init (int    *argc,
                 char ***argv)
{
  g_test_init (argc, argv, NULL);
  gloss_test_tolerate_known_warning ();
}

/* Bounded waits */

/**
 * gloss_test_wait_seconds:
 *
 * How long a wait may take before it fails: GLOSS_TEST_WAIT_SECONDS, set by
 * tests/meson.build (longer under the sanitizers), or 90.
 *
 * Returns: seconds
 */
guint
gloss_test_wait_seconds (void)
{
  const char *value = g_getenv ("GLOSS_TEST_WAIT_SECONDS");
  guint64 seconds = 0;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT / 2, &seconds, NULL))
    return 90;

  return (guint) seconds;
}

static gboolean
expired_cb (gpointer user_data)
{
  GlossTestWait *wait = user_data;

  wait->expired = TRUE;
  wait->source = 0;

  return G_SOURCE_REMOVE;
}

static gboolean
poll_cb (gpointer user_data)
{
  /* Only wakes the main context, so that the condition is checked. */
  return G_SOURCE_CONTINUE;
}

/* @poll_interval_ms: how often the condition is checked though nothing
 * happened, or 0 to check it after each event only. */
void
gloss_test_wait_start (GlossTestWait *wait,
                       guint          poll_interval_ms)
{
  wait->expired = FALSE;
  wait->seconds = gloss_test_wait_seconds ();
  /* Also wakes the main context up when nothing else would. */
  wait->source = g_timeout_add_seconds (wait->seconds, expired_cb, wait);
  wait->poll_source = poll_interval_ms > 0 ? g_timeout_add (poll_interval_ms, poll_cb, NULL) : 0;
}

/* One iteration of the main context, or the test's failure, saying what
 * was awaited, once the time is up. */
void
gloss_test_wait_iterate (GlossTestWait *wait,
                         const char    *file,
                         int            line,
                         const char    *func,
                         const char    *format,
                         ...)
{
  if (wait->expired)
    {
      g_autofree char *what = NULL;
      g_autofree char *message = NULL;
      va_list args;

      va_start (args, format);
      what = g_strdup_vprintf (format, args);
      va_end (args);
      message = g_strdup_printf ("timed out after %u s waiting for %s", wait->seconds, what);
      g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
      /* Only reached with g_test_set_nonfatal_assertions(). */
      abort ();
    }

  g_main_context_iteration (NULL, TRUE);
}

void
gloss_test_wait_finish (GlossTestWait *wait)
{
  g_clear_handle_id (&wait->source, g_source_remove);
  g_clear_handle_id (&wait->poll_source, g_source_remove);
}

/**
 * gloss_test_file_sha256:
 * @path: a file that must exist
 *
 * What a test compares to prove a file was left untouched, byte for byte.
 *
 * Returns: (transfer full): the SHA-256 of its contents, in hex
 */
char *
gloss_test_file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}
