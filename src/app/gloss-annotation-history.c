/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-annotation-history"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-model.h"

/*
 * Undo and Redo of the open article's annotation changes: marking,
 * deleting, kind, note, speaker, verdict, words and links.  The model
 * tells the history of each change once it is on disk; Undo makes the
 * opposite change through the model, so it is saved, shown and recorded
 * on the Redo side like any other.  Annotations are named by id, never by
 * object: Undo of a deletion brings the same row back under the same id
 * (gloss_store_restore_annotation_rows()), so the changes recorded before
 * it still apply to it.
 *
 * Several changes made by one action (a suggestion accepted: the
 * annotation, its speaker and its link) form a group that one Undo takes
 * back whole.  The history is cleared when the model is read again from
 * the library (another program changed it), and belongs to one article.
 */

typedef enum
{
  ENTRY_FIELDS,
  ENTRY_LINK,
  ENTRY_CREATED,
  ENTRY_DELETED,
} EntryType;

typedef struct
{
  EntryType type;
  guint group;
  gint64 id;
  /* ENTRY_FIELDS */
  GlossAnnotation *before;
  GlossAnnotation *after;
  /* ENTRY_LINK: @id's link to @target_id */
  GlossRelation relation;
  gint64 target_id;
  gboolean added;
  /* ENTRY_CREATED once undone, ENTRY_DELETED until undone */
  GlossDeletedAnnotation *deleted;
} Entry;

struct _GlossAnnotationHistory
{
  GObject parent_instance;

  GlossAnnotationModel *model;  /* the owner: not a reference */
  GPtrArray *undo;              /* Entry, oldest first */
  GPtrArray *redo;              /* Entry, the next to redo last */
  guint last_group;
  guint group_depth;
  guint replaying : 1;
};

G_DEFINE_FINAL_TYPE (GlossAnnotationHistory, gloss_annotation_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
entry_free (Entry *entry)
{
  g_clear_object (&entry->before);
  g_clear_object (&entry->after);
  g_clear_pointer (&entry->deleted, gloss_deleted_annotation_free);
  g_free (entry);
}

static void
notify_state (GlossAnnotationHistory *self,
              gboolean                could_undo,
              gboolean                could_redo)
{
  if (could_undo != gloss_annotation_history_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != gloss_annotation_history_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* A new change: it starts a group unless one is open, and what was undone
 * can no longer be redone. */
static Entry *
push_new (GlossAnnotationHistory *self,
          EntryType               type,
          gint64                  id)
{
  gboolean could_undo = gloss_annotation_history_can_undo (self);
  gboolean could_redo = gloss_annotation_history_can_redo (self);
  Entry *entry = g_new0 (Entry, 1);

  entry->type = type;
  entry->id = id;
  entry->group = self->group_depth > 0 ? self->last_group : ++self->last_group;
  g_ptr_array_set_size (self->redo, 0);
  g_ptr_array_add (self->undo, entry);
  notify_state (self, could_undo, could_redo);
  return entry;
}

static gboolean
find_annotation (GlossAnnotationHistory  *self,
                 gint64                   id,
                 GlossAnnotation        **out_annotation,
                 GError                 **error)
{
  *out_annotation = gloss_annotation_model_find (self->model, id);
  if (*out_annotation != NULL)
    return TRUE;

  g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                       _("The annotation is no longer in this article"));
  return FALSE;
}

static gboolean
delete_again (GlossAnnotationHistory  *self,
              Entry                   *entry,
              GError                 **error)
{
  GlossDeletedAnnotation *deleted;
  GlossAnnotation *annotation;

  if (!find_annotation (self, entry->id, &annotation, error))
    return FALSE;
  deleted = gloss_annotation_model_delete (self->model, annotation, error);
  if (deleted == NULL)
    return FALSE;
  g_clear_pointer (&entry->deleted, gloss_deleted_annotation_free);
  entry->deleted = deleted;
  return TRUE;
}

static gboolean
restore_again (GlossAnnotationHistory  *self,
               Entry                   *entry,
               GError                 **error)
{
  if (entry->deleted == NULL
      || gloss_annotation_model_restore (self->model, entry->deleted, error) == NULL)
    return FALSE;
  g_clear_pointer (&entry->deleted, gloss_deleted_annotation_free);
  return TRUE;
}

static gboolean
set_link (GlossAnnotationHistory  *self,
          Entry                   *entry,
          gboolean                 present,
          GError                 **error)
{
  GlossAnnotation *annotation;

  if (!find_annotation (self, entry->id, &annotation, error))
    return FALSE;
  if (present)
    return gloss_annotation_model_add_link_to_id (self->model, annotation, entry->relation,
                                                  entry->target_id, error);
  return gloss_annotation_model_remove_link (self->model, annotation, entry->relation,
                                             entry->target_id, error);
}

/* Makes @entry's change (@forward) or its opposite. */
static gboolean
apply (GlossAnnotationHistory  *self,
       Entry                   *entry,
       gboolean                 forward,
       GError                 **error)
{
  GlossAnnotation *annotation;

  switch (entry->type)
    {
    case ENTRY_FIELDS:
      return find_annotation (self, entry->id, &annotation, error)
             && gloss_annotation_model_set_fields (self->model, annotation,
                                                   forward ? entry->after : entry->before, error);
    case ENTRY_LINK:
      return set_link (self, entry, forward ? entry->added : !entry->added, error);
    case ENTRY_CREATED:
      return forward ? restore_again (self, entry, error) : delete_again (self, entry, error);
    case ENTRY_DELETED:
      return forward ? delete_again (self, entry, error) : restore_again (self, entry, error);
    default:
      g_assert_not_reached ();
    }
}

/* Moves one group from @from to @to, making or unmaking its changes. */
static gboolean
replay (GlossAnnotationHistory  *self,
        GPtrArray               *from,
        GPtrArray               *to,
        gboolean                 forward,
        gint64                  *out_annotation_id,
        GError                 **error)
{
  gboolean could_undo = gloss_annotation_history_can_undo (self);
  gboolean could_redo = gloss_annotation_history_can_redo (self);
  gboolean ok = TRUE;
  guint group;

  if (out_annotation_id != NULL)
    *out_annotation_id = 0;
  if (from->len == 0)
    return TRUE;

  group = ((Entry *) g_ptr_array_index (from, from->len - 1))->group;
  self->replaying = TRUE;
  while (from->len > 0)
    {
      Entry *entry = g_ptr_array_index (from, from->len - 1);

      if (entry->group != group)
        break;
      if (!apply (self, entry, forward, error))
        {
          ok = FALSE;
          break;
        }
      if (out_annotation_id != NULL)
        *out_annotation_id = entry->id;
      g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
    }
  self->replaying = FALSE;

  /* The library no longer matches what was recorded (changed by another
   * program, say): nothing more is offered rather than a wrong change. */
  if (!ok)
    {
      g_ptr_array_set_size (self->undo, 0);
      g_ptr_array_set_size (self->redo, 0);
    }

  notify_state (self, could_undo, could_redo);
  return ok;
}

static void
gloss_annotation_history_finalize (GObject *object)
{
  GlossAnnotationHistory *self = (GlossAnnotationHistory *) object;

  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);

  G_OBJECT_CLASS (gloss_annotation_history_parent_class)->finalize (object);
}

static void
gloss_annotation_history_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  GlossAnnotationHistory *self = GLOSS_ANNOTATION_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, gloss_annotation_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, gloss_annotation_history_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_annotation_history_class_init (GlossAnnotationHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_annotation_history_finalize;
  object_class->get_property = gloss_annotation_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_annotation_history_init (GlossAnnotationHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
}

/**
 * gloss_annotation_history_new:
 * @model: the model that owns it and tells it of each change
 *
 * Returns: (transfer full): an empty history
 */
GlossAnnotationHistory *
gloss_annotation_history_new (GlossAnnotationModel *model)
{
  GlossAnnotationHistory *self = g_object_new (GLOSS_TYPE_ANNOTATION_HISTORY, NULL);

  self->model = model;
  return self;
}

gboolean
gloss_annotation_history_can_undo (GlossAnnotationHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_HISTORY (self), FALSE);

  return self->undo->len > 0;
}

gboolean
gloss_annotation_history_can_redo (GlossAnnotationHistory *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_HISTORY (self), FALSE);

  return self->redo->len > 0;
}

/**
 * gloss_annotation_history_undo:
 * @self: a #GlossAnnotationHistory
 * @out_annotation_id: (out) (optional): the annotation the last change
 *   undone was about, to show it; 0 when there was nothing to undo
 * @error: return location for a #GError
 *
 * Takes back the last change, or group of changes.  On failure the
 * history is emptied: what it recorded no longer matches the library.
 *
 * Returns: whether it could be undone (%TRUE when there was nothing to)
 */
gboolean
gloss_annotation_history_undo (GlossAnnotationHistory  *self,
                               gint64                  *out_annotation_id,
                               GError                 **error)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_HISTORY (self), FALSE);

  return replay (self, self->undo, self->redo, FALSE, out_annotation_id, error);
}

/**
 * gloss_annotation_history_redo:
 *
 * Makes again the last change undone; as gloss_annotation_history_undo().
 */
gboolean
gloss_annotation_history_redo (GlossAnnotationHistory  *self,
                               gint64                  *out_annotation_id,
                               GError                 **error)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_HISTORY (self), FALSE);

  return replay (self, self->redo, self->undo, TRUE, out_annotation_id, error);
}

/**
 * gloss_annotation_history_begin_group:
 *
 * Changes recorded until the matching gloss_annotation_history_end_group()
 * are undone and redone together.
 */
void
gloss_annotation_history_begin_group (GlossAnnotationHistory *self)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_HISTORY (self));

  if (self->group_depth++ == 0)
    self->last_group++;
}

void
gloss_annotation_history_end_group (GlossAnnotationHistory *self)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  self->group_depth--;
}

void
gloss_annotation_history_clear (GlossAnnotationHistory *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (GLOSS_IS_ANNOTATION_HISTORY (self));

  could_undo = gloss_annotation_history_can_undo (self);
  could_redo = gloss_annotation_history_can_redo (self);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  notify_state (self, could_undo, could_redo);
}

void
gloss_annotation_history_record_fields (GlossAnnotationHistory *self,
                                        gint64                  annotation_id,
                                        GlossAnnotation        *before,
                                        GlossAnnotation        *after)
{
  Entry *entry;

  g_return_if_fail (GLOSS_IS_ANNOTATION_HISTORY (self));

  if (self->replaying)
    return;

  entry = push_new (self, ENTRY_FIELDS, annotation_id);
  entry->before = g_object_ref (before);
  entry->after = g_object_ref (after);
}

void
gloss_annotation_history_record_link (GlossAnnotationHistory *self,
                                      gint64                  annotation_id,
                                      GlossRelation           relation,
                                      gint64                  target_id,
                                      gboolean                added)
{
  Entry *entry;

  g_return_if_fail (GLOSS_IS_ANNOTATION_HISTORY (self));

  if (self->replaying)
    return;

  entry = push_new (self, ENTRY_LINK, annotation_id);
  entry->relation = relation;
  entry->target_id = target_id;
  entry->added = added;
}

void
gloss_annotation_history_record_created (GlossAnnotationHistory *self,
                                         gint64                  annotation_id)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_HISTORY (self));

  if (!self->replaying)
    push_new (self, ENTRY_CREATED, annotation_id);
}

void
gloss_annotation_history_record_deleted (GlossAnnotationHistory *self,
                                         GlossDeletedAnnotation *deleted)
{
  Entry *entry;

  g_return_if_fail (GLOSS_IS_ANNOTATION_HISTORY (self));

  if (self->replaying)
    return;

  entry = push_new (self, ENTRY_DELETED, gloss_deleted_annotation_get_id (deleted));
  entry->deleted = gloss_deleted_annotation_ref (deleted);
}
