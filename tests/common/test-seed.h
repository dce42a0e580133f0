/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Seeding a library for a test through the store, as gloss-cli or the app
 * would: open it, import text, bytes or files, annotate words.  Each fails
 * the test on an error.  GLOSS_TEST_DATA comes from tests/meson.build.
 */

#include "gloss-core.h"

G_BEGIN_DECLS

/* A library of the test's own, for g_test_add() */
typedef struct
{
  char       *dir;      /* a temporary folder, removed afterwards */
  char       *path;     /* library.db in it */
  GlossStore *store;    /* open on it, or %NULL */
} GlossTestLibrary;

void             gloss_test_library_set_up      (GlossTestLibrary    *library,
                                                 gconstpointer        data);
void             gloss_test_library_set_up_open (GlossTestLibrary    *library,
                                                 gconstpointer        data);
void             gloss_test_library_tear_down   (GlossTestLibrary    *library,
                                                 gconstpointer        data);

/* The library's file as another program reads it */
gint64           gloss_test_sql_int           (const char          *path,
                                               const char          *sql);
char            *gloss_test_sql_text          (const char          *path,
                                               const char          *sql);
void             gloss_test_sql_exec          (const char          *path,
                                               const char          *sql);

GlossStore      *gloss_test_store_open        (const char          *path);
GBytes          *gloss_test_data_bytes        (const char          *name);
gint64           gloss_test_import_bytes      (GlossStore          *store,
                                               GBytes              *bytes,
                                               const char          *source_name);
gint64           gloss_test_import_text       (GlossStore          *store,
                                               const char          *text,
                                               const char          *source_name);
gint64           gloss_test_import_file       (GlossStore          *store,
                                               const char          *path);
gint64           gloss_test_import_data       (GlossStore          *store,
                                               const char          *name);
GlossAnnotation *gloss_test_annotation_new    (GlossStore          *store,
                                               gint64               article_id,
                                               GlossAnnotationKind  kind,
                                               const char          *quote);
gint64           gloss_test_annotate          (GlossStore          *store,
                                               gint64               article_id,
                                               GlossAnnotationKind  kind,
                                               const char          *quote,
                                               const char          *speaker,
                                               const char          *note);

G_END_DECLS
