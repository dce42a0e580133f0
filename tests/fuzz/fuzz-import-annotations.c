/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-import-annotations"

#include "config.h"

#include "gloss-core.h"
#include "gloss-import-annotations.h"

/*
 * Both annotation importers (W3C Web Annotation JSON-LD and Hypothesis's
 * JSON; the parser tells them apart) end to end: parsing, finding the
 * article, anchoring and storing, into an in-memory library holding one
 * article.  Whatever the file holds, the import either fails with a
 * GLOSS_ERROR or reports counts that add up.
 */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static const char article_text[] =
  "NATO weighing whether Huawei poses security threat\n\n"
  "BRUSSELS (AP) — NATO Secretary-General Jens Stoltenberg said Thursday that the military "
  "alliance is mulling how to respond to security concerns raised by some member countries.\n\n"
  "Stoltenberg says some of NATO’s 29 allies are uneasy about the potential security challenges "
  "of working with Huawei as they consider investment in 5G communications infrastructure.\n\n"
  "Following Stoltenberg’s remarks, the company issued a statement saying “there is no evidence "
  "that Huawei poses any threat to cybersecurity,” and that it is “open for dialogue.”\n";

static GlossStore *store;
static gint64 article_id;
static guint runs;

/* A fresh library now and then, so duplicates do not take over. */
static void
ensure_store (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (store != NULL && runs++ % 500 != 0)
    return;

  g_clear_object (&store);
  store = gloss_store_open (":memory:", &error);
  g_assert (store != NULL);
  bytes = g_bytes_new_static (article_text, sizeof article_text - 1);
  article_id = gloss_store_import (store, bytes, "sample.txt", NULL, NULL, &error);
  g_assert (article_id > 0);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  GlossImportReport report = { 0 };
  gboolean ok;

  ensure_store ();

  /* Half the time the caller names the article, as after the GUI asked. */
  ok = gloss_import_annotations (store, bytes, size % 2 == 0 ? article_id : 0, &report, &error);
  if (!ok)
    g_assert (error != NULL && error->domain == GLOSS_ERROR);
  else
    g_assert (report.anchored + report.moved + report.orphaned == report.imported);

  gloss_import_report_clear (&report);
  return 0;
}
