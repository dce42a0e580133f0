/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The measuring helpers every benchmark needs (bench-measure.c): a clock,
 * the peak memory, medians and percentiles of rounds, and a word count
 * for sizing generated articles.
 */

double     bench_now_seconds            (void);
gsize      bench_peak_rss_kib           (void);
int        bench_compare_doubles        (gconstpointer  a,
                                         gconstpointer  b);
double     bench_median                 (GArray        *values);
double     bench_percentile             (GArray        *values,
                                         double         fraction);
guint      bench_count_words            (const char    *text);

G_END_DECLS
