/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gloss-annotation.h"
#include "gloss-article.h"
#include "gloss-extract.h"

G_BEGIN_DECLS

/* The schema this build reads and writes; see gloss-store-schema.c. */
#define GLOSS_STORE_SCHEMA_VERSION 11

#define GLOSS_TYPE_STORE (gloss_store_get_type ())
G_DECLARE_FINAL_TYPE (GlossStore, gloss_store, GLOSS, STORE, GObject)

typedef enum
{
  GLOSS_STORE_OPEN_NONE = 0,
  GLOSS_STORE_OPEN_READ_ONLY = 1 << 0,
  /* Read-only, to check a file (a backup): an older schema is accepted and
   * left as it is, since nothing will be written. */
  GLOSS_STORE_OPEN_CHECK_ONLY = 1 << 1,
} GlossStoreOpenFlags;

char             *gloss_store_dup_default_path     (void);
GlossStore       *gloss_store_open                 (const char                 *path,
                                                    GError                    **error);
GlossStore       *gloss_store_open_full            (const char                 *path,
                                                    GlossStoreOpenFlags         flags,
                                                    GError                    **error);
const char       *gloss_store_get_path             (GlossStore                 *self);
gboolean          gloss_store_is_read_only         (GlossStore                 *self);
gboolean          gloss_store_begin_read           (GlossStore                 *self,
                                                    GError                    **error);
void              gloss_store_end_read             (GlossStore                 *self);

G_END_DECLS

/* The store's functions, by topic.  Each topic header includes this one,
 * so any of them may be included alone. */
#include "gloss-store-articles.h"
#include "gloss-store-annotations.h"
#include "gloss-store-all-annotations.h"
#include "gloss-store-library.h"
#include "gloss-store-search.h"
#include "gloss-store-backup.h"
#include "gloss-store-exchange.h"
#include "gloss-store-versions.h"
#include "gloss-store-changes.h"
#include "gloss-store-suggestions.h"
