/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-library-model"

#include "config.h"

#include "gloss-library-model.h"

/*
 * The articles of the library, as a GListModel of GlossLibraryItem.
 *
 * The store lists summaries only (no article bodies), so 10,000 articles
 * load in tens of milliseconds.  Items are made when a row asks for them:
 * a list view binds a screenful of rows, and only those get objects.
 */
struct _GlossLibraryModel
{
  GObject parent_instance;

  /* (element-type GlossArticleSummary): the listing, in display order */
  GPtrArray *summaries;
  /* (element-type GlossLibraryItem) (nullable elements): made on demand */
  GPtrArray *items;
};

static void gloss_library_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlossLibraryModel, gloss_library_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      gloss_library_model_list_model_init))

static GType
gloss_library_model_get_item_type (GListModel *model)
{
  return GLOSS_TYPE_LIBRARY_ITEM;
}

static guint
gloss_library_model_get_n_items (GListModel *model)
{
  return GLOSS_LIBRARY_MODEL (model)->summaries->len;
}

static gpointer
gloss_library_model_get_item (GListModel *model,
                              guint       position)
{
  GlossLibraryModel *self = GLOSS_LIBRARY_MODEL (model);

  if (position >= self->summaries->len)
    return NULL;

  if (g_ptr_array_index (self->items, position) == NULL)
    g_ptr_array_index (self->items, position) =
      gloss_library_item_new (g_ptr_array_index (self->summaries, position));

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
gloss_library_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = gloss_library_model_get_item_type;
  iface->get_n_items = gloss_library_model_get_n_items;
  iface->get_item = gloss_library_model_get_item;
}

static void
gloss_library_model_finalize (GObject *object)
{
  GlossLibraryModel *self = GLOSS_LIBRARY_MODEL (object);

  g_clear_pointer (&self->summaries, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_library_model_parent_class)->finalize (object);
}

static void
gloss_library_model_class_init (GlossLibraryModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_library_model_finalize;
}

/* Items not made yet are NULL; GPtrArray calls its free function on those too. */
static void
unref_item (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

static GPtrArray *
new_item_array (guint size)
{
  GPtrArray *items = g_ptr_array_new_full (size, unref_item);

  g_ptr_array_set_size (items, size);
  return items;
}

static void
gloss_library_model_init (GlossLibraryModel *self)
{
  self->summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_article_summary_free);
  self->items = new_item_array (0);
}

/**
 * gloss_library_model_new:
 *
 * Returns: (transfer full): an empty model
 */
GlossLibraryModel *
gloss_library_model_new (void)
{
  return g_object_new (GLOSS_TYPE_LIBRARY_MODEL, NULL);
}

static void
gloss_library_model_replace_all (GlossLibraryModel *self,
                                 GPtrArray         *summaries)
{
  guint removed = self->summaries->len;

  g_ptr_array_unref (self->summaries);
  self->summaries = summaries;
  g_ptr_array_unref (self->items);
  self->items = new_item_array (summaries->len);

  if (removed > 0 || summaries->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, summaries->len);
}

/**
 * gloss_library_model_load:
 * @self: a #GlossLibraryModel
 * @store: the library
 * @filter: which articles to list
 * @sort: their order
 * @error: return location for a #GError
 *
 * Lists the articles of @store again, replacing the model's contents.
 *
 * Returns: whether they could be listed; the model is unchanged if not
 */
gboolean
gloss_library_model_load (GlossLibraryModel   *self,
                          GlossStore          *store,
                          GlossArticleFilter   filter,
                          GlossArticleSort     sort,
                          GError             **error)
{
  GPtrArray *summaries;

  g_return_val_if_fail (GLOSS_IS_LIBRARY_MODEL (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);

  summaries = gloss_store_list_articles_full (store, filter, sort, error);
  if (summaries == NULL)
    return FALSE;

  gloss_library_model_replace_all (self, summaries);
  return TRUE;
}

typedef struct
{
  char *path;
  GlossArticleFilter filter;
  GlossArticleSort sort;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_free (data);
}

/* On a worker, with a read-only connection of its own (SQLite connections
 * stay on one thread): the listing, handed back whole. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GlossStore) reader = NULL;
  GPtrArray *summaries;
  GError *error = NULL;

  reader = gloss_store_open_full (data->path, GLOSS_STORE_OPEN_READ_ONLY, &error);
  if (reader == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  summaries = gloss_store_list_articles_full (reader, data->filter, data->sort, &error);
  if (summaries == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, summaries, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * gloss_library_model_load_async:
 * @self: a #GlossLibraryModel
 * @store: the library (a file, not an in-memory library)
 * @filter: which articles to list
 * @sort: their order
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the listing is in the model
 * @user_data: data for @callback
 *
 * Lists the articles of @store on a worker thread, so a large library
 * does not hold up the window; the model changes only when it is done.
 */
void
gloss_library_model_load_async (GlossLibraryModel   *self,
                                GlossStore          *store,
                                GlossArticleFilter   filter,
                                GlossArticleSort     sort,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (GLOSS_IS_LIBRARY_MODEL (self));
  g_return_if_fail (GLOSS_IS_STORE (store));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_library_model_load_async);
  g_task_set_name (task, "[gloss] list the library");
  data = g_new0 (LoadData, 1);
  data->path = g_strdup (gloss_store_get_path (store));
  data->filter = filter;
  data->sort = sort;
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * gloss_library_model_load_finish:
 * @self: a #GlossLibraryModel
 * @result: the result
 * @error: return location for a #GError
 *
 * Returns: whether the articles were listed; the model is unchanged if not
 */
gboolean
gloss_library_model_load_finish (GlossLibraryModel  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  GPtrArray *summaries;

  g_return_val_if_fail (GLOSS_IS_LIBRARY_MODEL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  summaries = g_task_propagate_pointer (G_TASK (result), error);
  if (summaries == NULL)
    return FALSE;

  gloss_library_model_replace_all (self, summaries);
  return TRUE;
}

/**
 * gloss_library_model_clear:
 * @self: a #GlossLibraryModel
 *
 * Empties the model, for a window without a library.
 */
void
gloss_library_model_clear (GlossLibraryModel *self)
{
  g_return_if_fail (GLOSS_IS_LIBRARY_MODEL (self));

  gloss_library_model_replace_all (self, g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_article_summary_free));
}

/**
 * gloss_library_model_find:
 * @self: a #GlossLibraryModel
 * @article_id: an article's id
 *
 * Returns: the article's position, or %GTK_INVALID_LIST_POSITION
 *   (%G_MAXUINT) when it is not listed
 */
guint
gloss_library_model_find (GlossLibraryModel *self,
                          gint64             article_id)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY_MODEL (self), G_MAXUINT);

  for (guint i = 0; i < self->summaries->len; i++)
    {
      const GlossArticleSummary *summary = g_ptr_array_index (self->summaries, i);

      if (summary->id == article_id)
        return i;
    }

  return G_MAXUINT;
}

/**
 * gloss_library_model_refresh_article:
 * @self: a #GlossLibraryModel
 * @store: the library
 * @article_id: a listed article whose state or annotations changed
 * @error: return location for a #GError
 *
 * Reads one article's summary again and replaces its row, leaving the
 * others (and the list's scroll position) as they are.  An article that is
 * not listed is left alone: whether it now belongs in the list is for a
 * full gloss_library_model_load() to decide.
 *
 * Returns: whether the article could be read
 */
gboolean
gloss_library_model_refresh_article (GlossLibraryModel  *self,
                                     GlossStore         *store,
                                     gint64              article_id,
                                     GError            **error)
{
  GlossArticleSummary *summary;
  guint position;

  g_return_val_if_fail (GLOSS_IS_LIBRARY_MODEL (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);

  position = gloss_library_model_find (self, article_id);
  if (position == G_MAXUINT)
    return TRUE;

  summary = gloss_store_dup_article_summary (store, article_id, error);
  if (summary == NULL)
    return FALSE;

  gloss_article_summary_free (g_ptr_array_index (self->summaries, position));
  g_ptr_array_index (self->summaries, position) = summary;
  g_clear_object (&g_ptr_array_index (self->items, position));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);

  return TRUE;
}
