/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gloss-core.h"
#include "gloss-library-item.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_LIBRARY_MODEL (gloss_library_model_get_type ())
G_DECLARE_FINAL_TYPE (GlossLibraryModel, gloss_library_model, GLOSS, LIBRARY_MODEL, GObject)

GlossLibraryModel *gloss_library_model_new             (void);
gboolean           gloss_library_model_load            (GlossLibraryModel   *self,
                                                        GlossStore          *store,
                                                        GlossArticleFilter   filter,
                                                        GlossArticleSort     sort,
                                                        GError             **error);
void               gloss_library_model_load_async      (GlossLibraryModel   *self,
                                                        GlossStore          *store,
                                                        GlossArticleFilter   filter,
                                                        GlossArticleSort     sort,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean           gloss_library_model_load_finish     (GlossLibraryModel   *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
void               gloss_library_model_clear           (GlossLibraryModel   *self);
guint              gloss_library_model_find            (GlossLibraryModel   *self,
                                                        gint64               article_id);
gboolean           gloss_library_model_refresh_article (GlossLibraryModel   *self,
                                                        GlossStore          *store,
                                                        gint64               article_id,
                                                        GError             **error);

G_END_DECLS
