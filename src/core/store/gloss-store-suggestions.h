/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gloss-store.h"

G_BEGIN_DECLS

/**
 * GlossDismissedSuggestion:
 * @block: the sentence's block
 * @start: its first code point
 * @end: one past its last code point
 * @exact: its words when it was dismissed
 *
 * A suggestion the reader dismissed for one article.
 */
typedef struct
{
  guint block;
  glong start;
  glong end;
  char *exact;
} GlossDismissedSuggestion;

gboolean   gloss_store_dismiss_suggestion          (GlossStore  *self,
                                                    gint64       article_id,
                                                    guint        block,
                                                    glong        start,
                                                    glong        end,
                                                    const char  *exact,
                                                    GError     **error);
gboolean   gloss_store_restore_suggestion          (GlossStore  *self,
                                                    gint64       article_id,
                                                    guint        block,
                                                    glong        start,
                                                    glong        end,
                                                    GError     **error);
GArray    *gloss_store_list_dismissed_suggestions  (GlossStore  *self,
                                                    gint64       article_id,
                                                    GError     **error);

G_END_DECLS
