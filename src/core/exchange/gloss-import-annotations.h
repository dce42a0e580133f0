/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gloss-store.h"

G_BEGIN_DECLS

/**
 * GlossImportReport:
 * @imported: annotations added to the library
 * @anchored: of those, found on exactly the words they were made on
 * @moved: found again on slightly different words or in another place
 * @orphaned: not found in the article; kept with their quote, in the orphans list
 * @duplicates: already in the library from an earlier import; left as they are
 * @skipped: entries that mark no words (page notes, replies, no selector)
 * @article_ids: (element-type gint64): the articles that received annotations
 */
typedef struct
{
  guint imported;
  guint anchored;
  guint moved;
  guint orphaned;
  guint duplicates;
  guint skipped;
  GArray *article_ids;
} GlossImportReport;

void      gloss_import_report_clear     (GlossImportReport  *report);

gboolean  gloss_import_annotations      (GlossStore         *store,
                                         GBytes             *data,
                                         gint64              article_id,
                                         GlossImportReport  *out_report,
                                         GError            **error);

char     *gloss_import_normalize_url    (const char         *url);

G_END_DECLS
