/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gloss-core.h"

G_BEGIN_DECLS

/**
 * GlossLinkOutcome:
 * @GLOSS_LINK_IMPORTED: a new article
 * @GLOSS_LINK_DUPLICATE: these very words were already in the library
 * @GLOSS_LINK_NEW_VERSION: stored as a new version of an article
 * @GLOSS_LINK_UNCHANGED: the story had not changed: nothing stored
 * @GLOSS_LINK_SAME_STORY: a newer copy of an article already in the
 *   library; nothing stored yet: the caller asks, then calls
 *   gloss_link_store_async()
 */
typedef enum
{
  GLOSS_LINK_IMPORTED,
  GLOSS_LINK_DUPLICATE,
  GLOSS_LINK_NEW_VERSION,
  GLOSS_LINK_UNCHANGED,
  GLOSS_LINK_SAME_STORY,
} GlossLinkOutcome;

/**
 * GlossLinkResult:
 * @outcome: what was done
 * @article_id: the article imported, updated or found
 * @report: for %GLOSS_LINK_NEW_VERSION, what changed
 * @fetched: (nullable): for %GLOSS_LINK_SAME_STORY, what was downloaded
 */
typedef struct
{
  GlossLinkOutcome outcome;
  gint64 article_id;
  GlossUpdateReport report;
  GlossFetchResult *fetched;
} GlossLinkResult;

/* How much of a page has come in, written by the worker and read by the
 * dialog's timer (gloss-link-task.c). */
typedef struct _GlossLinkProgress GlossLinkProgress;

GlossLinkProgress *gloss_link_progress_new   (void);
GlossLinkProgress *gloss_link_progress_ref   (GlossLinkProgress *progress);
void             gloss_link_progress_unref   (GlossLinkProgress *progress);
void             gloss_link_progress_get     (GlossLinkProgress *progress,
                                              guint64           *out_received,
                                              guint64           *out_total);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossLinkProgress, gloss_link_progress_unref)

void             gloss_link_result_free      (GlossLinkResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossLinkResult, gloss_link_result_free)

gboolean         gloss_link_network_allowed  (GtkWidget           *widget);

void             gloss_link_open_async       (const char          *store_path,
                                              const char          *url,
                                              gboolean             network_allowed,
                                              GlossLinkProgress   *progress,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
void             gloss_link_check_async      (const char          *store_path,
                                              gint64               article_id,
                                              gboolean             network_allowed,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
void             gloss_link_store_async      (const char          *store_path,
                                              GlossFetchResult    *fetched,
                                              gint64               target_id,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GlossLinkResult *gloss_link_finish           (GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS
