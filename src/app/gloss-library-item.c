/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-library-item"

#include "config.h"

#include "gloss-library-item.h"

/*
 * One article of the library list: a GObject around the summary the store
 * listed, since list models hold objects.  The summary never changes; a
 * changed article gets a new item.
 */
struct _GlossLibraryItem
{
  GObject parent_instance;

  GlossArticleSummary *summary;
};

G_DEFINE_FINAL_TYPE (GlossLibraryItem, gloss_library_item, G_TYPE_OBJECT)

static void
gloss_library_item_finalize (GObject *object)
{
  GlossLibraryItem *self = GLOSS_LIBRARY_ITEM (object);

  g_clear_pointer (&self->summary, gloss_article_summary_free);

  G_OBJECT_CLASS (gloss_library_item_parent_class)->finalize (object);
}

static void
gloss_library_item_class_init (GlossLibraryItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_library_item_finalize;
}

static void
gloss_library_item_init (GlossLibraryItem *self)
{
}

/**
 * gloss_library_item_new:
 * @summary: an article as the library lists it; copied
 *
 * Returns: (transfer full): a new item
 */
GlossLibraryItem *
gloss_library_item_new (const GlossArticleSummary *summary)
{
  GlossLibraryItem *self;

  g_return_val_if_fail (summary != NULL, NULL);

  self = g_object_new (GLOSS_TYPE_LIBRARY_ITEM, NULL);
  self->summary = gloss_article_summary_copy (summary);

  return self;
}

/**
 * gloss_library_item_get_summary:
 *
 * Returns: (transfer none): what the library knows of the article
 */
const GlossArticleSummary *
gloss_library_item_get_summary (GlossLibraryItem *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY_ITEM (self), NULL);

  return self->summary;
}

/**
 * gloss_library_item_get_id:
 *
 * Returns: the article's id in the library
 */
gint64
gloss_library_item_get_id (GlossLibraryItem *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY_ITEM (self), 0);

  return self->summary->id;
}
