/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-annotation-model"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-model.h"

/*
 * GlossAnnotationModel is the open article's annotations, in document
 * order, kept in step with the store: every change goes to the store
 * first and shows in the model only once it is on disk, so what the views
 * show is what a restart would show.  The highlights, the pane and the
 * editor all watch this one model (and the annotations' notify signals).
 *
 * The store may be NULL when the library could not be opened: the model
 * is then empty and refuses changes, and the article can still be read.
 */

typedef struct
{
  GlossRelation relation;
  gint64 other_id;
} LinkRecord;

/* Shared by the Undo toast and the history, hence counted. */
struct _GlossDeletedAnnotation
{
  gint ref_count;
  gint64 id;
  /* Its rows in the store, links both ways included: Undo brings back the
   * same row, id and uuid, so what cites it still finds it. */
  GlossAnnotationRows *rows;
};

struct _GlossAnnotationModel
{
  GObject parent_instance;

  GlossStore *store;
  GlossArticle *article;
  GListStore *items;

  /* What each annotation was when last saved, by id: the "before" of the
   * next change, for Undo (gloss-annotation-history.c). */
  GHashTable *saved;
  GlossAnnotationHistory *history;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlossAnnotationModel, gloss_annotation_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  LINKS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GlossDeletedAnnotation *
gloss_deleted_annotation_ref (GlossDeletedAnnotation *deleted)
{
  g_return_val_if_fail (deleted != NULL, NULL);

  g_atomic_int_inc (&deleted->ref_count);
  return deleted;
}

/* Drops a reference (the name is the autoptr's and the hash tables'). */
void
gloss_deleted_annotation_free (GlossDeletedAnnotation *deleted)
{
  if (deleted == NULL || !g_atomic_int_dec_and_test (&deleted->ref_count))
    return;

  gloss_annotation_rows_free (deleted->rows);
  g_free (deleted);
}

gint64
gloss_deleted_annotation_get_id (const GlossDeletedAnnotation *deleted)
{
  g_return_val_if_fail (deleted != NULL, 0);

  return deleted->id;
}

static GType
gloss_annotation_model_get_item_type (GListModel *model)
{
  return GLOSS_TYPE_ANNOTATION;
}

static guint
gloss_annotation_model_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (GLOSS_ANNOTATION_MODEL (model)->items));
}

static gpointer
gloss_annotation_model_get_item (GListModel *model,
                                 guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (GLOSS_ANNOTATION_MODEL (model)->items), position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = gloss_annotation_model_get_item_type;
  iface->get_n_items = gloss_annotation_model_get_n_items;
  iface->get_item = gloss_annotation_model_get_item;
}

static void
items_changed_cb (GlossAnnotationModel *self,
                  guint                 position,
                  guint                 removed,
                  guint                 added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
gloss_annotation_model_dispose (GObject *object)
{
  GlossAnnotationModel *self = (GlossAnnotationModel *) object;

  if (self->items != NULL)
    g_signal_handlers_disconnect_by_data (self->items, self);
  g_clear_object (&self->items);
  g_clear_pointer (&self->saved, g_hash_table_unref);
  g_clear_object (&self->history);
  g_clear_object (&self->store);
  g_clear_object (&self->article);

  G_OBJECT_CLASS (gloss_annotation_model_parent_class)->dispose (object);
}

static void
gloss_annotation_model_class_init (GlossAnnotationModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_annotation_model_dispose;

  /**
   * GlossAnnotationModel::links-changed:
   * @annotation: the annotation whose links changed
   *
   * Links are not properties of #GlossAnnotation, so they are announced
   * here, after they were saved.
   */
  signals[LINKS_CHANGED] =
    g_signal_new ("links-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, GLOSS_TYPE_ANNOTATION);
}

/* The fields Undo brings back, as a detached annotation. */
static GlossAnnotation *
copy_fields (GlossAnnotation *annotation)
{
  GlossAnnotation *copy = gloss_annotation_new (gloss_annotation_get_kind (annotation),
                                                gloss_annotation_get_anchor (annotation));

  gloss_annotation_set_note (copy, gloss_annotation_get_note (annotation));
  gloss_annotation_set_speaker (copy, gloss_annotation_get_speaker (annotation));
  gloss_annotation_set_verdict (copy, gloss_annotation_get_verdict (annotation));
  return copy;
}

static gboolean
fields_equal (GlossAnnotation *a,
              GlossAnnotation *b)
{
  return gloss_annotation_get_kind (a) == gloss_annotation_get_kind (b)
         && gloss_anchor_equal (gloss_annotation_get_anchor (a), gloss_annotation_get_anchor (b))
         && g_strcmp0 (gloss_annotation_get_note (a), gloss_annotation_get_note (b)) == 0
         && g_strcmp0 (gloss_annotation_get_speaker (a), gloss_annotation_get_speaker (b)) == 0
         && gloss_annotation_get_verdict (a) == gloss_annotation_get_verdict (b);
}

static void
remember_saved (GlossAnnotationModel *self,
                GlossAnnotation      *annotation)
{
  gint64 *key = g_memdup2 ((gint64[]) { gloss_annotation_get_id (annotation) }, sizeof (gint64));

  g_hash_table_replace (self->saved, key, copy_fields (annotation));
}

/* After a save: the change from what was saved before goes to the
 * history, and what is saved now is remembered. */
static void
record_saved (GlossAnnotationModel *self,
              GlossAnnotation      *annotation)
{
  gint64 id = gloss_annotation_get_id (annotation);
  GlossAnnotation *before = g_hash_table_lookup (self->saved, &id);

  if (before != NULL && !fields_equal (before, annotation))
    {
      g_autoptr(GlossAnnotation) after = copy_fields (annotation);

      gloss_annotation_history_record_fields (self->history, id, before, after);
    }
  remember_saved (self, annotation);
}

static void
gloss_annotation_model_init (GlossAnnotationModel *self)
{
  self->items = g_list_store_new (GLOSS_TYPE_ANNOTATION);
  g_signal_connect_swapped (self->items, "items-changed", G_CALLBACK (items_changed_cb), self);
  self->saved = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->history = gloss_annotation_history_new (self);
}

/**
 * gloss_annotation_model_new:
 * @store: (nullable): the library, or %NULL when it could not be opened
 * @article: the article, as loaded from @store
 *
 * Returns: (transfer full): an empty model; see gloss_annotation_model_load()
 */
GlossAnnotationModel *
gloss_annotation_model_new (GlossStore   *store,
                            GlossArticle *article)
{
  GlossAnnotationModel *self;

  g_return_val_if_fail (store == NULL || GLOSS_IS_STORE (store), NULL);
  g_return_val_if_fail (GLOSS_IS_ARTICLE (article), NULL);

  self = g_object_new (GLOSS_TYPE_ANNOTATION_MODEL, NULL);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->article = g_object_ref (article);

  return self;
}

/**
 * gloss_annotation_model_get_store:
 *
 * Returns: (transfer none) (nullable): the library, if it could be opened
 */
GlossStore *
gloss_annotation_model_get_store (GlossAnnotationModel *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_MODEL (self), NULL);

  return self->store;
}

GlossArticle *
gloss_annotation_model_get_article (GlossAnnotationModel *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_MODEL (self), NULL);

  return self->article;
}

static int
compare_annotations (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  GlossAnnotation *first = (GlossAnnotation *) a;
  GlossAnnotation *second = (GlossAnnotation *) b;
  const GlossAnchor *x = gloss_annotation_get_anchor (first);
  const GlossAnchor *y = gloss_annotation_get_anchor (second);
  gint64 id_x = gloss_annotation_get_id (first);
  gint64 id_y = gloss_annotation_get_id (second);

  /* The order of gloss_store_list_annotations(). */
  if (x->start_block != y->start_block)
    return x->start_block < y->start_block ? -1 : 1;
  if (x->start_offset != y->start_offset)
    return x->start_offset < y->start_offset ? -1 : 1;
  if (x->end_block != y->end_block)
    return x->end_block < y->end_block ? -1 : 1;
  if (x->end_offset != y->end_offset)
    return x->end_offset < y->end_offset ? -1 : 1;

  return id_x < id_y ? -1 : (id_x > id_y ? 1 : 0);
}

static gboolean
check_writable (GlossAnnotationModel  *self,
                GError               **error)
{
  if (self->store != NULL)
    return TRUE;

  g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_IO,
                       _("The library could not be opened, so annotations cannot be saved"));
  return FALSE;
}

/**
 * gloss_annotation_model_load:
 * @self: a #GlossAnnotationModel
 * @error: return location for a #GError
 *
 * Replaces the model's items by the article's annotations in the store.
 *
 * Returns: whether they could be read
 */
gboolean
gloss_annotation_model_load (GlossAnnotationModel  *self,
                             GError               **error)
{
  g_autoptr(GPtrArray) annotations = NULL;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_MODEL (self), FALSE);

  if (self->store == NULL)
    {
      g_list_store_remove_all (self->items);
      return TRUE;
    }

  annotations = gloss_store_list_annotations (self->store, gloss_article_get_id (self->article),
                                              error);
  if (annotations == NULL)
    return FALSE;

  /* Read again (another program changed the library): an Undo recorded
   * against the rows as they were could overwrite that change. */
  gloss_annotation_history_clear (self->history);
  g_hash_table_remove_all (self->saved);
  for (guint i = 0; i < annotations->len; i++)
    remember_saved (self, g_ptr_array_index (annotations, i));

  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       annotations->pdata, annotations->len);

  return TRUE;
}

/**
 * gloss_annotation_model_find:
 *
 * Returns: (transfer none) (nullable): the annotation with that id
 */
GlossAnnotation *
gloss_annotation_model_find (GlossAnnotationModel *self,
                             gint64                annotation_id)
{
  guint n_items;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_MODEL (self), NULL);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (gloss_annotation_get_id (annotation) == annotation_id)
        return annotation;
    }

  return NULL;
}

static gboolean
position_before (guint block_a,
                 guint offset_a,
                 guint block_b,
                 guint offset_b)
{
  return block_a < block_b || (block_a == block_b && offset_a < offset_b);
}

/**
 * gloss_annotation_model_find_at:
 * @self: a #GlossAnnotationModel
 * @block: a block index
 * @offset: a code-point offset in it
 *
 * Where highlights overlap, the one starting last is the one on top for
 * the reader: it is the smallest that still holds the position.
 *
 * Returns: (transfer none) (nullable): the highlighted annotation holding
 *   the character at (@block, @offset)
 */
GlossAnnotation *
gloss_annotation_model_find_at (GlossAnnotationModel *self,
                                guint                 block,
                                guint                 offset)
{
  GlossAnnotation *found = NULL;
  guint n_items;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_MODEL (self), NULL);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      const GlossAnchor *anchor = gloss_annotation_get_anchor (annotation);

      if (anchor->state == GLOSS_ANCHOR_ORPHANED)
        continue;
      if (position_before (block, offset, anchor->start_block, anchor->start_offset))
        break;
      if (position_before (block, offset, anchor->end_block, anchor->end_offset))
        found = annotation;
    }

  return found;
}

/**
 * gloss_annotation_model_add:
 * @self: a #GlossAnnotationModel
 * @kind: what the words are
 * @anchor: where they are in the article
 * @error: return location for a #GError
 *
 * Stores a new annotation and adds it to the model.
 *
 * Returns: (transfer none) (nullable): the stored annotation
 */
GlossAnnotation *
gloss_annotation_model_add (GlossAnnotationModel  *self,
                            GlossAnnotationKind    kind,
                            const GlossAnchor     *anchor,
                            GError               **error)
{
  g_autoptr(GlossAnnotation) annotation = NULL;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_MODEL (self), NULL);
  g_return_val_if_fail (anchor != NULL, NULL);

  annotation = gloss_annotation_new (kind, anchor);
  return gloss_annotation_model_add_annotation (self, annotation, error);
}

/**
 * gloss_annotation_model_add_annotation:
 * @self: a #GlossAnnotationModel
 * @annotation: a new annotation, not stored yet, with its speaker, note and
 *   links already set
 * @error: return location for a #GError
 *
 * Stores @annotation with everything set on it in one transaction (a
 * denial is never on disk without the link to what it answers) and adds
 * it to the model; one creation for Undo.
 *
 * Returns: (transfer none) (nullable): @annotation, now the model's
 */
GlossAnnotation *
gloss_annotation_model_add_annotation (GlossAnnotationModel  *self,
                                       GlossAnnotation       *annotation,
                                       GError               **error)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_MODEL (self), NULL);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), NULL);
  g_return_val_if_fail (gloss_annotation_get_id (annotation) == 0, NULL);

  if (!check_writable (self, error))
    return NULL;

  gloss_annotation_set_article_id (annotation, gloss_article_get_id (self->article));
  if (!gloss_store_add_annotation (self->store, annotation, error))
    return NULL;

  g_list_store_insert_sorted (self->items, annotation, compare_annotations, NULL);
  remember_saved (self, annotation);
  gloss_annotation_history_record_created (self->history, gloss_annotation_get_id (annotation));

  for (guint i = 0; i < gloss_annotation_get_n_links (annotation); i++)
    {
      const GlossAnnotationLink *link = gloss_annotation_get_link (annotation, i);
      GlossAnnotation *target = gloss_annotation_model_find (self, link->target_id);

      if (target != NULL)
        {
          gloss_annotation_note_incoming_link (target, link->relation, annotation);
          g_signal_emit (self, signals[LINKS_CHANGED], 0, target);
        }
    }

  /* The model holds it now; the pointer stays valid while it is there. */
  return annotation;
}

/**
 * gloss_annotation_model_save:
 * @self: a #GlossAnnotationModel
 * @annotation: an annotation of the model, changed
 * @error: return location for a #GError
 *
 * Returns: whether the change is on disk
 */
gboolean
gloss_annotation_model_save (GlossAnnotationModel  *self,
                             GlossAnnotation       *annotation,
                             GError               **error)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_MODEL (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);

  if (!check_writable (self, error))
    return FALSE;

  if (!gloss_store_save_annotation (self->store, annotation, error))
    return FALSE;

  record_saved (self, annotation);
  return TRUE;
}

gboolean
gloss_annotation_model_add_link (GlossAnnotationModel  *self,
                                 GlossAnnotation       *annotation,
                                 GlossRelation          relation,
                                 GlossAnnotation       *target,
                                 GError               **error)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_MODEL (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (target), FALSE);

  if (!check_writable (self, error))
    return FALSE;

  if (!gloss_annotation_add_link (annotation, relation, gloss_annotation_get_id (target),
                                  gloss_annotation_get_uuid (target)))
    return TRUE;

  if (!gloss_store_save_annotation (self->store, annotation, error))
    {
      gloss_annotation_remove_link (annotation, relation, gloss_annotation_get_id (target));
      return FALSE;
    }

  gloss_annotation_note_incoming_link (target, relation, annotation);
  gloss_annotation_history_record_link (self->history, gloss_annotation_get_id (annotation),
                                        relation, gloss_annotation_get_id (target), TRUE);
  g_signal_emit (self, signals[LINKS_CHANGED], 0, annotation);
  g_signal_emit (self, signals[LINKS_CHANGED], 0, target);
  return TRUE;
}

/**
 * gloss_annotation_model_add_link_to_id:
 * @self: a #GlossAnnotationModel
 * @annotation: an annotation of the model
 * @relation: how it relates to the other
 * @target_id: the other annotation, in this article or another
 * @error: return location for a #GError
 *
 * As gloss_annotation_model_add_link(), for a target that may be outside
 * the model (Undo of a link removed to another article).
 *
 * Returns: whether the link is on disk
 */
gboolean
gloss_annotation_model_add_link_to_id (GlossAnnotationModel  *self,
                                       GlossAnnotation       *annotation,
                                       GlossRelation          relation,
                                       gint64                 target_id,
                                       GError               **error)
{
  GlossAnnotation *target;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_MODEL (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);

  target = gloss_annotation_model_find (self, target_id);
  if (target != NULL)
    return gloss_annotation_model_add_link (self, annotation, relation, target, error);

  if (!check_writable (self, error))
    return FALSE;
  if (!gloss_annotation_add_link (annotation, relation, target_id, NULL))
    return TRUE;
  if (!gloss_store_save_annotation (self->store, annotation, error))
    {
      gloss_annotation_remove_link (annotation, relation, target_id);
      return FALSE;
    }

  gloss_annotation_history_record_link (self->history, gloss_annotation_get_id (annotation),
                                        relation, target_id, TRUE);
  g_signal_emit (self, signals[LINKS_CHANGED], 0, annotation);
  return TRUE;
}

gboolean
gloss_annotation_model_remove_link (GlossAnnotationModel  *self,
                                    GlossAnnotation       *annotation,
                                    GlossRelation          relation,
                                    gint64                 target_id,
                                    GError               **error)
{
  g_autofree char *target_uuid = NULL;
  GlossAnnotation *target;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_MODEL (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);

  if (!check_writable (self, error))
    return FALSE;

  for (guint i = 0; i < gloss_annotation_get_n_links (annotation); i++)
    {
      const GlossAnnotationLink *link = gloss_annotation_get_link (annotation, i);

      if (link->relation == relation && link->target_id == target_id)
        target_uuid = g_strdup (link->target_uuid);
    }

  if (!gloss_annotation_remove_link (annotation, relation, target_id))
    return TRUE;

  if (!gloss_store_save_annotation (self->store, annotation, error))
    {
      gloss_annotation_add_link (annotation, relation, target_id, target_uuid);
      return FALSE;
    }

  target = gloss_annotation_model_find (self, target_id);
  if (target != NULL)
    gloss_annotation_forget_incoming_link (target, relation, gloss_annotation_get_id (annotation));
  gloss_annotation_history_record_link (self->history, gloss_annotation_get_id (annotation),
                                        relation, target_id, FALSE);
  g_signal_emit (self, signals[LINKS_CHANGED], 0, annotation);
  if (target != NULL)
    g_signal_emit (self, signals[LINKS_CHANGED], 0, target);
  return TRUE;
}

static gboolean
find_position (GlossAnnotationModel *self,
               GlossAnnotation      *annotation,
               guint                *out_position)
{
  return g_list_store_find (self->items, annotation, out_position);
}

/**
 * gloss_annotation_model_move:
 * @self: a #GlossAnnotationModel
 * @annotation: an annotation of the model
 * @anchor: the words it covers from now on
 * @error: return location for a #GError
 *
 * Changes which words @annotation covers, keeping its id, uuid, note and
 * links: a range made a word too short or too long is corrected, not
 * deleted and made again.  The model keeps document order, so the
 * annotation may change places in it.
 *
 * Returns: whether the change is on disk
 */
gboolean
gloss_annotation_model_move (GlossAnnotationModel  *self,
                             GlossAnnotation       *annotation,
                             const GlossAnchor     *anchor,
                             GError               **error)
{
  g_autoptr(GlossAnnotation) keep = NULL;
  g_autoptr(GlossAnchor) old = NULL;
  guint position;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_MODEL (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);
  g_return_val_if_fail (anchor != NULL, FALSE);

  if (!check_writable (self, error))
    return FALSE;
  if (!find_position (self, annotation, &position))
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                           _("The annotation is not in this article"));
      return FALSE;
    }

  old = gloss_anchor_copy (gloss_annotation_get_anchor (annotation));
  if (!gloss_annotation_set_anchor (annotation, anchor))
    return TRUE;
  if (!gloss_store_save_annotation (self->store, annotation, error))
    {
      gloss_annotation_set_anchor (annotation, old);
      return FALSE;
    }
  record_saved (self, annotation);

  /* Taken out and put back in order: the pane's sections (an orphan given
   * words again is anchored) and rows follow, as for any insertion. */
  keep = g_object_ref (annotation);
  g_list_store_remove (self->items, position);
  g_list_store_insert_sorted (self->items, annotation, compare_annotations, NULL);
  return TRUE;
}

/**
 * gloss_annotation_model_delete:
 * @self: a #GlossAnnotationModel
 * @annotation: an annotation of the model
 * @error: return location for a #GError
 *
 * Deletes @annotation from the store and the model.  Links from other
 * annotations to it go with it, as in the store.
 *
 * Returns: (transfer full) (nullable): what it was, for
 *   gloss_annotation_model_restore()
 */
GlossDeletedAnnotation *
gloss_annotation_model_delete (GlossAnnotationModel  *self,
                               GlossAnnotation       *annotation,
                               GError               **error)
{
  g_autoptr(GlossDeletedAnnotation) deleted = NULL;
  g_autoptr(GlossAnnotation) keep = NULL;
  g_autoptr(GArray) outgoing = NULL;
  g_autoptr(GArray) incoming = NULL;
  GlossAnnotationRows *rows;
  gint64 id;
  guint position;
  guint n_items;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_MODEL (self), NULL);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), NULL);

  if (!check_writable (self, error))
    return NULL;
  if (!find_position (self, annotation, &position))
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                           _("The annotation is not in this article"));
      return NULL;
    }

  keep = g_object_ref (annotation);
  id = gloss_annotation_get_id (annotation);

  /* The model's other annotations that link with it, to update them once
   * the store has dropped those links. */
  outgoing = g_array_new (FALSE, FALSE, sizeof (LinkRecord));
  incoming = g_array_new (FALSE, FALSE, sizeof (LinkRecord));
  for (guint i = 0; i < gloss_annotation_get_n_links (annotation); i++)
    {
      const GlossAnnotationLink *link = gloss_annotation_get_link (annotation, i);
      LinkRecord record = { link->relation, link->target_id };

      g_array_append_val (outgoing, record);
    }
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GlossAnnotation) other = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      for (guint j = 0; j < gloss_annotation_get_n_links (other); j++)
        {
          const GlossAnnotationLink *link = gloss_annotation_get_link (other, j);
          LinkRecord record = { link->relation, gloss_annotation_get_id (other) };

          if (link->target_id == id)
            g_array_append_val (incoming, record);
        }
    }

  rows = gloss_store_delete_annotation_rows (self->store, id, error);
  if (rows == NULL)
    return NULL;

  deleted = g_new0 (GlossDeletedAnnotation, 1);
  deleted->ref_count = 1;
  deleted->id = id;
  deleted->rows = rows;

  g_list_store_remove (self->items, position);
  g_hash_table_remove (self->saved, &id);
  gloss_annotation_history_record_deleted (self->history, deleted);

  for (guint i = 0; i < outgoing->len; i++)
    {
      const LinkRecord *record = &g_array_index (outgoing, LinkRecord, i);
      GlossAnnotation *target = gloss_annotation_model_find (self, record->other_id);

      if (target != NULL)
        {
          gloss_annotation_forget_incoming_link (target, record->relation, id);
          g_signal_emit (self, signals[LINKS_CHANGED], 0, target);
        }
    }

  for (guint i = 0; i < incoming->len; i++)
    {
      const LinkRecord *record = &g_array_index (incoming, LinkRecord, i);
      GlossAnnotation *other = gloss_annotation_model_find (self, record->other_id);

      if (other != NULL && gloss_annotation_remove_link (other, record->relation, id))
        g_signal_emit (self, signals[LINKS_CHANGED], 0, other);
    }

  return g_steal_pointer (&deleted);
}

/**
 * gloss_annotation_model_restore:
 * @self: a #GlossAnnotationModel
 * @deleted: what gloss_annotation_model_delete() returned
 * @error: return location for a #GError
 *
 * Stores a deleted annotation again: the same row, with its id, uuid,
 * kind, words, note, speaker, verdict and the links to and from it (in
 * this article or another) whose other end still exists.
 *
 * Returns: (transfer none) (nullable): the annotation, back in the model
 */
GlossAnnotation *
gloss_annotation_model_restore (GlossAnnotationModel          *self,
                                const GlossDeletedAnnotation  *deleted,
                                GError                       **error)
{
  g_autoptr(GlossAnnotation) annotation = NULL;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_MODEL (self), NULL);
  g_return_val_if_fail (deleted != NULL, NULL);

  if (!check_writable (self, error))
    return NULL;

  if (!gloss_store_restore_annotation_rows (self->store, deleted->rows, error))
    return NULL;

  /* Read back as any annotation is, its links both ways included. */
  annotation = gloss_store_load_annotation (self->store, deleted->id, error);
  if (annotation == NULL)
    return NULL;

  g_list_store_insert_sorted (self->items, annotation, compare_annotations, NULL);
  remember_saved (self, annotation);
  gloss_annotation_history_record_created (self->history, deleted->id);

  for (guint i = 0; i < gloss_annotation_get_n_links (annotation); i++)
    {
      const GlossAnnotationLink *link = gloss_annotation_get_link (annotation, i);
      GlossAnnotation *target = gloss_annotation_model_find (self, link->target_id);

      if (target != NULL)
        {
          gloss_annotation_note_incoming_link (target, link->relation, annotation);
          g_signal_emit (self, signals[LINKS_CHANGED], 0, target);
        }
    }

  for (guint i = 0; i < gloss_annotation_get_n_incoming_links (annotation); i++)
    {
      const GlossAnnotationLink *link = gloss_annotation_get_incoming_link (annotation, i);
      GlossAnnotation *source = gloss_annotation_model_find (self, link->target_id);

      if (source != NULL
          && gloss_annotation_add_link (source, link->relation, deleted->id,
                                        gloss_annotation_get_uuid (annotation)))
        g_signal_emit (self, signals[LINKS_CHANGED], 0, source);
    }

  /* The model holds it now; the pointer stays valid while it is there. */
  return annotation;
}

/**
 * gloss_annotation_model_set_fields:
 * @self: a #GlossAnnotationModel
 * @annotation: an annotation of the model
 * @fields: a detached annotation holding the kind, words, note, speaker and
 *   verdict to give it
 * @error: return location for a #GError
 *
 * What Undo and Redo of an edit do: every field at once, in one save.
 *
 * Returns: whether the change is on disk
 */
gboolean
gloss_annotation_model_set_fields (GlossAnnotationModel  *self,
                                   GlossAnnotation       *annotation,
                                   GlossAnnotation       *fields,
                                   GError               **error)
{
  const GlossAnchor *anchor = gloss_annotation_get_anchor (fields);
  g_autoptr(GlossAnnotation) keep = NULL;
  gboolean moved;
  guint position;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_MODEL (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), FALSE);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (fields), FALSE);

  if (!check_writable (self, error))
    return FALSE;
  if (!find_position (self, annotation, &position))
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                           _("The annotation is not in this article"));
      return FALSE;
    }

  moved = !gloss_anchor_equal (anchor, gloss_annotation_get_anchor (annotation));
  gloss_annotation_set_kind (annotation, gloss_annotation_get_kind (fields));
  gloss_annotation_set_verdict (annotation, gloss_annotation_get_verdict (fields));
  gloss_annotation_set_anchor (annotation, anchor);
  gloss_annotation_set_note (annotation, gloss_annotation_get_note (fields));
  gloss_annotation_set_speaker (annotation, gloss_annotation_get_speaker (fields));

  if (!gloss_store_save_annotation (self->store, annotation, error))
    {
      /* Back to what is on disk, so the views do not show a change that
       * was not made. */
      GlossAnnotation *saved = g_hash_table_lookup (self->saved,
                                                    (gint64[]) { gloss_annotation_get_id (annotation) });

      if (saved != NULL)
        {
          gloss_annotation_set_kind (annotation, gloss_annotation_get_kind (saved));
          gloss_annotation_set_verdict (annotation, gloss_annotation_get_verdict (saved));
          gloss_annotation_set_anchor (annotation, gloss_annotation_get_anchor (saved));
          gloss_annotation_set_note (annotation, gloss_annotation_get_note (saved));
          gloss_annotation_set_speaker (annotation, gloss_annotation_get_speaker (saved));
        }
      return FALSE;
    }
  record_saved (self, annotation);

  if (moved)
    {
      keep = g_object_ref (annotation);
      g_list_store_remove (self->items, position);
      g_list_store_insert_sorted (self->items, annotation, compare_annotations, NULL);
    }
  return TRUE;
}

/**
 * gloss_annotation_model_get_history:
 *
 * Returns: (transfer none): the Undo and Redo of this article's changes
 */
GlossAnnotationHistory *
gloss_annotation_model_get_history (GlossAnnotationModel *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_MODEL (self), NULL);

  return self->history;
}
