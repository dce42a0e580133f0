/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-standalone"

#include "config.h"

#include <glib.h>

/* Without libFuzzer (ordinary gcc builds), a harness runs once over every
 * file of the folders it is given: the committed corpus, minimised crashes
 * included, is a regression test in the ordinary suites. */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
main (int    argc,
      char **argv)
{
  guint n_inputs = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, &error);
      const char *name;

      if (dir == NULL)
        g_error ("%s", error->message);

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (argv[i], name, NULL);
          g_autofree char *contents = NULL;
          gsize length = 0;

          if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
            continue;
          if (!g_file_get_contents (path, &contents, &length, &error))
            g_error ("%s", error->message);
          g_print ("# %s\n", path);
          LLVMFuzzerTestOneInput ((const guint8 *) contents, length);
          n_inputs++;
        }
    }

  g_print ("%u inputs, no crash\n", n_inputs);
  return n_inputs > 0 ? 0 : 1;
}
