/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-measure"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bench-measure.h"

/*
 * One copy of what every benchmark measures with, so two benchmarks that
 * report a median or count an article's words agree on what that means.
 */

double
bench_now_seconds (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* The process's peak resident set (VmHWM), in KiB; 0 when unknown. */
gsize
bench_peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line != NULL ? strtoul (line + 6, NULL, 10) : 0;
}

int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sorts @values (of double) in place. */
double
bench_median (GArray *values)
{
  guint n = values->len;

  g_assert (n > 0);
  g_array_sort (values, bench_compare_doubles);
  if (n % 2 == 1)
    return g_array_index (values, double, n / 2);
  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

/* The value below which @fraction (0 to 1) of @values lie, the nearest
 * rank; sorts @values (of double) in place. */
double
bench_percentile (GArray *values,
                  double  fraction)
{
  g_assert (values->len > 0);
  g_array_sort (values, bench_compare_doubles);
  return g_array_index (values, double, MIN (values->len - 1, (guint) (fraction * values->len)));
}

/* Words as a reader counts them: runs of anything but white space. */
guint
bench_count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean space = g_unichar_isspace (g_utf8_get_char (p));

      if (!space && !in_word)
        n++;
      in_word = !space;
    }
  return n;
}
