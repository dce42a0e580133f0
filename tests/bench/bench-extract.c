/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-extract"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <libxml/HTMLparser.h>

#include "gloss-core.h"

/* What extraction costs on top of the HTML parse it cannot avoid.  Every
 * file is read into memory first; then rounds of "bare parse and free" and
 * rounds of gloss_extract() alternate in one process, in alternating order,
 * so that a noisy machine slows both alike.  The figure to watch is the
 * ratio (HACKING.md: speed is reported as ratios, never asserted). */

typedef struct
{
  char   *name;
  GBytes *bytes;
} Page;

static void
page_clear (gpointer data)
{
  Page *page = data;

  g_free (page->name);
  g_bytes_unref (page->bytes);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static GArray *
load_pages (const char  *folder,
            GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GArray *pages;
  const char *name;

  if (dir == NULL)
    return NULL;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  /* A stable order, so two runs time the same sequence. */
  g_ptr_array_sort (names, compare_names);

  pages = g_array_new (FALSE, TRUE, sizeof (Page));
  g_array_set_clear_func (pages, page_clear);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      char *contents = NULL;
      gsize length = 0;
      Page page;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      if (!g_file_get_contents (path, &contents, &length, error))
        {
          g_array_unref (pages);
          return NULL;
        }
      page.name = g_strdup (g_ptr_array_index (names, i));
      page.bytes = g_bytes_new_take (contents, length);
      g_array_append_val (pages, page);
    }

  return pages;
}

static gint64
time_parse_round (GArray *pages)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < pages->len; i++)
    {
      Page *page = &g_array_index (pages, Page, i);
      gsize length;
      const char *data = g_bytes_get_data (page->bytes, &length);
      htmlDocPtr doc;

      doc = htmlReadMemory (data, (int) length, NULL, "UTF-8",
                            HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                            HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
      if (doc != NULL)
        xmlFreeDoc (doc);
    }

  return g_get_monotonic_time () - start;
}

static gint64
time_extract_round (GArray *pages,
                    guint  *out_failures)
{
  gint64 start = g_get_monotonic_time ();
  guint failures = 0;

  for (guint i = 0; i < pages->len; i++)
    {
      Page *page = &g_array_index (pages, Page, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GlossArticle) article = gloss_extract (page->bytes, page->name, &error);

      if (article == NULL)
        failures++;
    }

  *out_failures = failures;
  return g_get_monotonic_time () - start;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) pages = NULL;
  gint rounds = 10;
  gint64 parse_total = 0;
  gint64 extract_total = 0;
  guint failures = 0;
  const char *folder = BENCH_DEFAULT_FOLDER;
  double parse_ms, extract_ms;
  struct rusage usage;
  const GOptionEntry entries[] = {
    { "rounds", 'n', 0, G_OPTION_ARG_INT, &rounds, "Timed rounds of each kind (default 10)", "N" },
    { NULL }
  };

  context = g_option_context_new ("[FOLDER] — time HTML extraction against a bare parse");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  if (argc > 1)
    folder = argv[1];
  if (rounds < 1)
    rounds = 1;

  pages = load_pages (folder, &error);
  if (pages == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  if (pages->len == 0)
    {
      g_printerr ("No files in %s\n", folder);
      return EXIT_FAILURE;
    }

  /* One untimed round of each warms caches and the allocator. */
  time_parse_round (pages);
  time_extract_round (pages, &failures);

  for (gint r = 0; r < rounds; r++)
    {
      if (r % 2 == 0)
        {
          parse_total += time_parse_round (pages);
          extract_total += time_extract_round (pages, &failures);
        }
      else
        {
          extract_total += time_extract_round (pages, &failures);
          parse_total += time_parse_round (pages);
        }
    }

  parse_ms = parse_total / 1000.0 / rounds / pages->len;
  extract_ms = extract_total / 1000.0 / rounds / pages->len;
  getrusage (RUSAGE_SELF, &usage);

  printf ("pages              %u (%s)\n", pages->len, folder);
  printf ("rounds             %d, interleaved\n", rounds);
  printf ("parse+free         %.3f ms/page\n", parse_ms);
  printf ("gloss_extract      %.3f ms/page\n", extract_ms);
  printf ("ratio              %.2f\n", extract_ms / parse_ms);
  printf ("no article         %u pages\n", failures);
  printf ("peak RSS           %.1f MB\n", usage.ru_maxrss / 1024.0);

  return EXIT_SUCCESS;
}
