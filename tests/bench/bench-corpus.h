/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gloss-core.h"

#include "bench-measure.h"

G_BEGIN_DECLS

/*
 * What the library benchmarks share: a library generated from the dev
 * corpus (every article with its own bytes and text) and annotations
 * spread over it.
 */

/* The seed both benchmarks generate their library with: the same library,
 * so their figures describe the same data. */
#define BENCH_CORPUS_SEED 20240601

/* Generated pages are written and imported this many at a time. */
#define BENCH_CORPUS_ROUND 500

GPtrArray *bench_corpus_load            (const char    *folder);
GString   *bench_corpus_make_variant    (GBytes        *page,
                                         guint          k,
                                         GRand         *rand);
void       bench_corpus_write_round     (const char    *folder,
                                         GPtrArray     *corpus,
                                         guint          first,
                                         guint          count,
                                         GRand         *rand);
void       bench_corpus_clear_folder    (const char    *folder);
void       bench_corpus_add_annotations (GlossStore    *store,
                                         guint          n_annotations,
                                         GRand         *rand);
void       bench_corpus_remove_tree     (const char    *path);

G_END_DECLS
