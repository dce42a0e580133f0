/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-suggestion-model"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-suggestion-model.h"

/*
 * The suggestions for the article shown, as a GListModel of
 * GlossSuggestionItem in document order: the sentences the suggester
 * labelled, less those the reader dismissed (remembered per article in the
 * store) and those already annotated as a claim or a denial, so accepting
 * one takes it off the list and deleting its annotation brings it back.
 *
 * The suggester runs on a worker (a GTask), never on the window's thread,
 * from a copy of nothing: a GlossArticle is not changed once loaded, so the
 * worker reads it as it is.  Results are kept per article version (its id
 * and a checksum of its blocks), so going back to an article shows its
 * suggestions at once and an updated article gets new ones.  Turned off,
 * nothing is computed at all.
 */

struct _GlossSuggestionModel
{
  GObject parent_instance;

  gboolean enabled;
  GlossAnnotationModel *annotations;
  GlossSuggestionState state;
  char *message;

  GCancellable *cancellable;
  GlossSuggestions *suggestions;
  /* Every labelled sentence, and which of them are shown */
  GPtrArray *all;
  GPtrArray *shown;
  /* Indices (in suggestions) of the sentences dismissed */
  GHashTable *dismissed;
};

static void gloss_suggestion_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlossSuggestionModel, gloss_suggestion_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      gloss_suggestion_model_list_model_init))

enum {
  PROP_0,
  PROP_ENABLED,
  PROP_STATE,
  PROP_MESSAGE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The cache: a few articles' suggestions, by version.  Only the window's
 * thread touches it. */
#define CACHE_SIZE 16

static GHashTable *cache;

static char *
dup_cache_key (GlossArticle *article)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *language = gloss_article_get_language (article);

  if (language != NULL)
    g_checksum_update (checksum, (const guchar *) language, -1);
  for (guint i = 0; i < gloss_article_get_n_blocks (article); i++)
    {
      const GlossBlock *block = gloss_article_get_block (article, i);
      guchar kind = (guchar) gloss_block_get_kind (block);

      g_checksum_update (checksum, &kind, 1);
      g_checksum_update (checksum, (const guchar *) gloss_block_get_text (block), -1);
      g_checksum_update (checksum, (const guchar *) "\n", 1);
    }

  return g_strdup_printf ("%" G_GINT64_FORMAT ":%s", gloss_article_get_id (article),
                          g_checksum_get_string (checksum));
}

static GlossSuggestions *
cache_lookup (const char *key)
{
  return cache != NULL ? g_hash_table_lookup (cache, key) : NULL;
}

static void
cache_insert (const char       *key,
              GlossSuggestions *suggestions)
{
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) gloss_suggestions_unref);
  /* Simple and bounded: a reader goes back to the last few articles. */
  if (g_hash_table_size (cache) >= CACHE_SIZE)
    g_hash_table_remove_all (cache);
  g_hash_table_insert (cache, g_strdup (key), gloss_suggestions_ref (suggestions));
}

static GlossArticle *
get_article (GlossSuggestionModel *self)
{
  return self->annotations != NULL ? gloss_annotation_model_get_article (self->annotations) : NULL;
}

static void
set_state (GlossSuggestionModel *self,
           GlossSuggestionState  state,
           const char           *message)
{
  if (g_strcmp0 (self->message, message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

static int
compare_positions (guint block_a,
                   glong offset_a,
                   guint block_b,
                   glong offset_b)
{
  if (block_a != block_b)
    return block_a < block_b ? -1 : 1;
  return offset_a < offset_b ? -1 : (offset_a > offset_b ? 1 : 0);
}

/* A claim or denial annotation on any of the words of [start, end) in
 * @block, other than @except. */
static GlossAnnotation *
find_annotation_on (GlossSuggestionModel *self,
                    guint                 block,
                    glong                 start,
                    glong                 end,
                    GlossAnnotation      *except)
{
  GListModel *model = G_LIST_MODEL (self->annotations);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (model, i);
      const GlossAnchor *anchor = gloss_annotation_get_anchor (annotation);
      GlossAnnotationKind kind = gloss_annotation_get_kind (annotation);

      if (annotation == except || anchor->state == GLOSS_ANCHOR_ORPHANED
          || (kind != GLOSS_ANNOTATION_CLAIM && kind != GLOSS_ANNOTATION_DENIAL))
        continue;
      if (compare_positions (anchor->start_block, anchor->start_offset, block, end) < 0
          && compare_positions (block, start, anchor->end_block, anchor->end_offset) < 0)
        return annotation;
    }

  return NULL;
}

static gboolean
is_shown (GlossSuggestionModel *self,
          GlossSuggestionItem  *item)
{
  guint index = gloss_suggestion_item_get_index (item);

  return !g_hash_table_contains (self->dismissed, GUINT_TO_POINTER (index))
         && find_annotation_on (self, gloss_suggestion_item_get_block (item),
                                gloss_suggestion_item_get_start (item),
                                gloss_suggestion_item_get_end (item), NULL) == NULL;
}

/* Brings the shown items in line with the dismissed ones and the
 * annotations, changing only what changed, so a list keeps its rows and
 * its focus. */
static void
refilter (GlossSuggestionModel *self)
{
  guint old_n = self->shown->len;
  guint position = 0;

  for (guint i = 0; i < self->all->len; i++)
    {
      GlossSuggestionItem *item = g_ptr_array_index (self->all, i);
      gboolean was = position < self->shown->len
                     && g_ptr_array_index (self->shown, position) == item;
      gboolean now = self->annotations != NULL && is_shown (self, item);

      if (was && !now)
        {
          g_ptr_array_remove_index (self->shown, position);
          g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
        }
      else if (!was && now)
        {
          g_ptr_array_insert (self->shown, (int) position, g_object_ref (item));
          g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
          position++;
        }
      else if (was)
        {
          position++;
        }
    }

  if (old_n != self->shown->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
clear_items (GlossSuggestionModel *self)
{
  guint n = self->shown->len;

  g_ptr_array_set_size (self->shown, 0);
  g_ptr_array_set_size (self->all, 0);
  g_hash_table_remove_all (self->dismissed);
  g_clear_pointer (&self->suggestions, gloss_suggestions_unref);
  if (n > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, n, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
}

/* The reader's dismissals for this article, matched by place and words:
 * a sentence whose words changed since is a new suggestion. */
static void
load_dismissed (GlossSuggestionModel *self)
{
  GlossStore *store = gloss_annotation_model_get_store (self->annotations);
  GlossArticle *article = get_article (self);
  g_autoptr(GArray) dismissed = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL || gloss_article_get_id (article) <= 0)
    return;

  dismissed = gloss_store_list_dismissed_suggestions (store, gloss_article_get_id (article),
                                                      &error);
  if (dismissed == NULL)
    {
      g_warning ("Could not read the dismissed suggestions: %s", error->message);
      return;
    }

  for (guint i = 0; i < dismissed->len; i++)
    {
      const GlossDismissedSuggestion *d = &g_array_index (dismissed, GlossDismissedSuggestion, i);

      for (guint j = 0; j < self->all->len; j++)
        {
          GlossSuggestionItem *item = g_ptr_array_index (self->all, j);

          if (gloss_suggestion_item_get_block (item) == d->block
              && gloss_suggestion_item_get_start (item) == d->start
              && gloss_suggestion_item_get_end (item) == d->end
              && g_strcmp0 (gloss_suggestion_item_get_text (item), d->exact) == 0)
            g_hash_table_add (self->dismissed,
                              GUINT_TO_POINTER (gloss_suggestion_item_get_index (item)));
        }
    }
}

static void
apply_suggestions (GlossSuggestionModel *self,
                   GlossSuggestions     *suggestions)
{
  GlossArticle *article = get_article (self);

  clear_items (self);
  self->suggestions = gloss_suggestions_ref (suggestions);

  if (!gloss_suggestions_is_available (suggestions))
    {
      g_autofree char *message = gloss_suggestions_dup_unavailable_message (suggestions);

      set_state (self, GLOSS_SUGGESTION_STATE_UNAVAILABLE, message);
      return;
    }

  for (guint i = 0; i < gloss_suggestions_get_n_sentences (suggestions); i++)
    {
      const GlossSuggestion *s = gloss_suggestions_get_sentence (suggestions, i);

      if (s->labels != 0 && s->block < gloss_article_get_n_blocks (article))
        g_ptr_array_add (self->all, gloss_suggestion_item_new (article, i, s));
    }

  load_dismissed (self);
  refilter (self);
  set_state (self, GLOSS_SUGGESTION_STATE_READY, NULL);
}

typedef struct
{
  GlossArticle *article;
  /* Its version, for the cache */
  char *key;
} SuggestData;

static void
suggest_data_free (SuggestData *data)
{
  g_object_unref (data->article);
  g_free (data->key);
  g_free (data);
}

/* Workers queued or running, in every window.  The suggester cannot be
 * stopped half-way, and a worker still running when the process exits can
 * read what exit() already tore down, so a window closing waits for them
 * (gloss_suggestion_model_shutdown()): a few milliseconds, once. */
static GMutex workers_lock;
static GCond workers_done;
static guint n_workers;

static void
wait_for_workers (void)
{
  g_mutex_lock (&workers_lock);
  while (n_workers > 0)
    g_cond_wait (&workers_done, &workers_lock);
  g_mutex_unlock (&workers_lock);
}

static void
suggest_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SuggestData *data = task_data;

  g_task_return_pointer (task, gloss_suggest (data->article),
                         (GDestroyNotify) gloss_suggestions_unref);

  g_mutex_lock (&workers_lock);
  if (--n_workers == 0)
    g_cond_broadcast (&workers_done);
  g_mutex_unlock (&workers_lock);
}

static void
suggest_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GlossSuggestionModel *self = GLOSS_SUGGESTION_MODEL (object);
  SuggestData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GlossSuggestions) suggestions = NULL;

  suggestions = g_task_propagate_pointer (G_TASK (result), NULL);
  cache_insert (data->key, suggestions);

  /* Another article, or suggestions turned off, meanwhile: the result is
   * only kept for later. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  g_clear_object (&self->cancellable);
  apply_suggestions (self, suggestions);
}

static void
restart (GlossSuggestionModel *self)
{
  GlossArticle *article = get_article (self);
  g_autoptr(GTask) task = NULL;
  g_autofree char *key = NULL;
  GlossSuggestions *cached;
  SuggestData *data;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  clear_items (self);

  if (!self->enabled || article == NULL)
    {
      set_state (self, GLOSS_SUGGESTION_STATE_OFF, NULL);
      return;
    }

  key = dup_cache_key (article);
  cached = cache_lookup (key);
  if (cached != NULL)
    {
      apply_suggestions (self, cached);
      return;
    }

  set_state (self, GLOSS_SUGGESTION_STATE_COMPUTING, NULL);
  self->cancellable = g_cancellable_new ();
  /* The task holds the model until it is done, so the result is never
   * delivered to a freed one; a cancelled result is kept but not shown. */
  task = g_task_new (self, self->cancellable, suggest_cb, NULL);
  g_task_set_source_tag (task, restart);
  g_task_set_name (task, "[gloss] suggestions");
  g_task_set_check_cancellable (task, FALSE);
  data = g_new0 (SuggestData, 1);
  data->article = g_object_ref (article);
  data->key = g_steal_pointer (&key);
  g_task_set_task_data (task, data, (GDestroyNotify) suggest_data_free);
  g_mutex_lock (&workers_lock);
  n_workers++;
  g_mutex_unlock (&workers_lock);
  g_task_run_in_thread (task, suggest_thread);
}

static void
annotations_changed_cb (GlossSuggestionModel *self)
{
  if (self->state == GLOSS_SUGGESTION_STATE_READY)
    refilter (self);
}

static GType
gloss_suggestion_model_get_item_type (GListModel *model)
{
  return GLOSS_TYPE_SUGGESTION_ITEM;
}

static guint
gloss_suggestion_model_get_n_items (GListModel *model)
{
  return GLOSS_SUGGESTION_MODEL (model)->shown->len;
}

static gpointer
gloss_suggestion_model_get_item (GListModel *model,
                                 guint       position)
{
  GlossSuggestionModel *self = GLOSS_SUGGESTION_MODEL (model);

  if (position >= self->shown->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->shown, position));
}

static void
gloss_suggestion_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = gloss_suggestion_model_get_item_type;
  iface->get_n_items = gloss_suggestion_model_get_n_items;
  iface->get_item = gloss_suggestion_model_get_item;
}

static void
gloss_suggestion_model_dispose (GObject *object)
{
  GlossSuggestionModel *self = (GlossSuggestionModel *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_func (self->annotations, annotations_changed_cb, self);
  g_clear_object (&self->annotations);

  G_OBJECT_CLASS (gloss_suggestion_model_parent_class)->dispose (object);
}

static void
gloss_suggestion_model_finalize (GObject *object)
{
  GlossSuggestionModel *self = (GlossSuggestionModel *) object;

  g_clear_pointer (&self->suggestions, gloss_suggestions_unref);
  g_clear_pointer (&self->all, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->dismissed, g_hash_table_unref);
  g_free (self->message);

  G_OBJECT_CLASS (gloss_suggestion_model_parent_class)->finalize (object);
}

static void
gloss_suggestion_model_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  GlossSuggestionModel *self = GLOSS_SUGGESTION_MODEL (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;

    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->shown->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_suggestion_model_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  GlossSuggestionModel *self = GLOSS_SUGGESTION_MODEL (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      gloss_suggestion_model_set_enabled (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_suggestion_model_class_init (GlossSuggestionModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_suggestion_model_dispose;
  object_class->finalize = gloss_suggestion_model_finalize;
  object_class->get_property = gloss_suggestion_model_get_property;
  object_class->set_property = gloss_suggestion_model_set_property;

  /**
   * GlossSuggestionModel:enabled:
   *
   * Whether suggestions are computed (the "suggest" setting).
   */
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * GlossSuggestionModel:state:
   *
   * A #GlossSuggestionState.
   */
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      GLOSS_SUGGESTION_STATE_OFF, GLOSS_SUGGESTION_STATE_UNAVAILABLE,
                      GLOSS_SUGGESTION_STATE_OFF,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * GlossSuggestionModel:message:
   *
   * Why there are no suggestions for this article, or %NULL.
   */
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * GlossSuggestionModel:n-items:
   *
   * How many suggestions are shown.
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_suggestion_model_init (GlossSuggestionModel *self)
{
  self->enabled = TRUE;
  self->all = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown = g_ptr_array_new_with_free_func (g_object_unref);
  self->dismissed = g_hash_table_new (NULL, NULL);
}

/**
 * gloss_suggestion_model_new:
 *
 * Returns: (transfer full): a model with no article; suggestions on
 */
GlossSuggestionModel *
gloss_suggestion_model_new (void)
{
  return g_object_new (GLOSS_TYPE_SUGGESTION_MODEL, NULL);
}

gboolean
gloss_suggestion_model_get_enabled (GlossSuggestionModel *self)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_MODEL (self), FALSE);

  return self->enabled;
}

/**
 * gloss_suggestion_model_set_enabled:
 * @self: a #GlossSuggestionModel
 * @enabled: whether to compute and show suggestions
 *
 * Turned off, the suggestions go and none is computed.
 */
void
gloss_suggestion_model_set_enabled (GlossSuggestionModel *self,
                                    gboolean              enabled)
{
  g_return_if_fail (GLOSS_IS_SUGGESTION_MODEL (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;

  self->enabled = enabled;
  restart (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

/**
 * gloss_suggestion_model_get_annotations:
 *
 * Returns: (transfer none) (nullable): the annotations of the article
 */
GlossAnnotationModel *
gloss_suggestion_model_get_annotations (GlossSuggestionModel *self)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_MODEL (self), NULL);

  return self->annotations;
}

/**
 * gloss_suggestion_model_set_annotations:
 * @self: a #GlossSuggestionModel
 * @annotations: (nullable): the annotations of the article shown (which
 *   give the article and its library), or %NULL for none
 *
 * Starts computing the article's suggestions on a worker, unless they are
 * known for this version of it or turned off.
 */
void
gloss_suggestion_model_set_annotations (GlossSuggestionModel *self,
                                        GlossAnnotationModel *annotations)
{
  g_return_if_fail (GLOSS_IS_SUGGESTION_MODEL (self));
  g_return_if_fail (annotations == NULL || GLOSS_IS_ANNOTATION_MODEL (annotations));

  if (self->annotations == annotations)
    return;

  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_func (self->annotations, annotations_changed_cb, self);
  g_set_object (&self->annotations, annotations);
  if (annotations != NULL)
    g_signal_connect_swapped (annotations, "items-changed", G_CALLBACK (annotations_changed_cb),
                              self);
  restart (self);
}

GlossSuggestionState
gloss_suggestion_model_get_state (GlossSuggestionModel *self)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_MODEL (self), GLOSS_SUGGESTION_STATE_OFF);

  return self->state;
}

/**
 * gloss_suggestion_model_get_message:
 *
 * Returns: (nullable): why this article has no suggestions
 */
const char *
gloss_suggestion_model_get_message (GlossSuggestionModel *self)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_MODEL (self), NULL);

  return self->message;
}

/**
 * gloss_suggestion_model_find:
 * @self: a #GlossSuggestionModel
 * @index: a sentence's index (gloss_suggestion_item_get_index())
 *
 * Returns: (transfer none) (nullable): the suggestion on that sentence,
 *   shown or not
 */
GlossSuggestionItem *
gloss_suggestion_model_find (GlossSuggestionModel *self,
                             guint                 index)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_MODEL (self), NULL);

  for (guint i = 0; i < self->all->len; i++)
    if (gloss_suggestion_item_get_index (g_ptr_array_index (self->all, i)) == index)
      return g_ptr_array_index (self->all, i);

  return NULL;
}

/* @item as an annotation, with its speaker and, when @target is set, a
 * responds-to link to it: stored in one transaction, so a crash never
 * leaves a denial without what it answers. */
static GlossAnnotation *
add_annotation (GlossSuggestionModel *self,
                GlossSuggestionItem  *item,
                GlossAnnotation      *target,
                GError              **error)
{
  GlossArticle *article = get_article (self);
  g_autoptr(GlossAnchor) anchor = NULL;
  g_autoptr(GlossAnnotation) annotation = NULL;
  guint block = gloss_suggestion_item_get_block (item);

  anchor = gloss_anchor_new_for_range (article, block, (guint) gloss_suggestion_item_get_start (item),
                                       block, (guint) gloss_suggestion_item_get_end (item), error);
  if (anchor == NULL)
    return NULL;

  annotation = gloss_annotation_new (gloss_suggestion_item_get_kind (item), anchor);
  if (gloss_suggestion_item_get_speaker (item) != NULL)
    gloss_annotation_set_speaker (annotation, gloss_suggestion_item_get_speaker (item));
  if (target != NULL)
    gloss_annotation_add_link (annotation, GLOSS_RELATION_RESPONDS_TO,
                               gloss_annotation_get_id (target), gloss_annotation_get_uuid (target));

  return gloss_annotation_model_add_annotation (self->annotations, annotation, error);
}

/* What a denial answers, as an annotation: one already on those words or
 * on the sentence they are from, or else that sentence's own suggestion,
 * accepted first (unless the reader dismissed it): a claim on its own is
 * whole, so it may be stored before the denial. */
static GlossAnnotation *
find_answered (GlossSuggestionModel *self,
               GlossSuggestionItem  *item,
               GError              **error)
{
  GlossSuggestionItem *answered;
  GlossAnnotation *target;
  guint block;
  glong start, end;

  if (gloss_suggestion_item_get_kind (item) != GLOSS_ANNOTATION_DENIAL
      || !gloss_suggestion_item_get_answers_range (item, &block, &start, &end))
    return NULL;

  /* Not the denial's own words: they are not annotated yet. */
  target = find_annotation_on (self, block, start, end, NULL);
  if (target != NULL)
    return target;

  if (gloss_suggestion_item_get_answers (item) < 0)
    return NULL;
  answered = gloss_suggestion_model_find (self, (guint) gloss_suggestion_item_get_answers (item));
  if (answered == NULL || answered == item)
    return NULL;

  target = find_annotation_on (self, gloss_suggestion_item_get_block (answered),
                               gloss_suggestion_item_get_start (answered),
                               gloss_suggestion_item_get_end (answered), NULL);
  if (target != NULL
      || g_hash_table_contains (self->dismissed,
                                GUINT_TO_POINTER (gloss_suggestion_item_get_index (answered))))
    return target;

  return add_annotation (self, answered, NULL, error);
}

/**
 * gloss_suggestion_model_accept:
 * @self: a #GlossSuggestionModel
 * @item: a suggestion of the model
 * @error: return location for a #GError
 *
 * Makes @item a real annotation: a claim or a denial, with its speaker as
 * who said it, and for a denial a responds-to link to what it answers (the
 * claim's annotation, made from its suggestion when there is none yet).
 * The annotation, its speaker and its link are one write.
 *
 * Returns: (transfer none) (nullable): the annotation, the annotation
 *   model's
 */
GlossAnnotation *
gloss_suggestion_model_accept (GlossSuggestionModel  *self,
                               GlossSuggestionItem   *item,
                               GError               **error)
{
  g_autoptr(GError) answered_error = NULL;
  GlossAnnotationHistory *history;
  GlossAnnotation *annotation;
  GlossAnnotation *target;

  g_return_val_if_fail (GLOSS_IS_SUGGESTION_MODEL (self), NULL);
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_ITEM (item), NULL);
  g_return_val_if_fail (self->annotations != NULL, NULL);

  /* The claim it answers, when made now, and the annotation: one change
   * for Undo (gloss-annotation-history.c). */
  history = gloss_annotation_model_get_history (self->annotations);
  gloss_annotation_history_begin_group (history);
  /* A claim that could not be made leaves the denial without its link,
   * which is only told: the denial is what the reader asked for. */
  target = find_answered (self, item, &answered_error);
  if (answered_error != NULL)
    g_warning ("The denial is saved without what it answers: %s", answered_error->message);
  annotation = add_annotation (self, item, target, error);
  gloss_annotation_history_end_group (history);

  return annotation;
}

/* A claim someone makes, as the pane lists it ("Claim by …"); a sentence
 * only worth checking also becomes a claim when accepted, but is listed
 * as what it is and left to Accept Every Suggestion. */
static gboolean
is_attributed_claim (GlossSuggestionItem *item)
{
  return gloss_suggestion_item_get_kind (item) == GLOSS_ANNOTATION_CLAIM
         && gloss_suggestion_item_is_attributed (item);
}

/* Accepts the suggestions shown (only claims, with @claims_only), in
 * document order (so a claim is annotated before the denial that answers
 * it).  Stops at the first that cannot be saved.  Returns every annotation
 * made, answered claims included, for an Undo. */
static GPtrArray *
accept_shown (GlossSuggestionModel  *self,
              gboolean               claims_only,
              GError               **error)
{
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) before = g_hash_table_new (NULL, NULL);
  GListModel *annotations;
  guint accepted = 0;

  annotations = G_LIST_MODEL (self->annotations);
  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, i);

      g_hash_table_add (before, annotation);
    }

  pending = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->shown->len; i++)
    {
      GlossSuggestionItem *item = g_ptr_array_index (self->shown, i);

      if (!claims_only || is_attributed_claim (item))
        g_ptr_array_add (pending, g_object_ref (item));
    }

  /* One Undo takes them all back. */
  gloss_annotation_history_begin_group (gloss_annotation_model_get_history (self->annotations));
  for (guint i = 0; i < pending->len; i++)
    {
      GlossSuggestionItem *item = g_ptr_array_index (pending, i);
      g_autoptr(GError) local_error = NULL;

      /* Accepted meanwhile, as what a denial before it answers. */
      if (!is_shown (self, item))
        continue;

      if (gloss_suggestion_model_accept (self, item, &local_error) == NULL)
        {
          if (accepted == 0)
            {
              gloss_annotation_history_end_group (gloss_annotation_model_get_history (self->annotations));
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          g_warning ("Not every suggestion was accepted: %s", local_error->message);
          break;
        }
      accepted++;
    }
  gloss_annotation_history_end_group (gloss_annotation_model_get_history (self->annotations));

  /* Everything new in the model since, answered claims included. */
  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, i);

      if (!g_hash_table_contains (before, annotation))
        g_ptr_array_add (made, g_steal_pointer (&annotation));
    }

  return g_steal_pointer (&made);
}

/**
 * gloss_suggestion_model_accept_all:
 * @self: a #GlossSuggestionModel
 * @error: return location for a #GError
 *
 * Accepts every suggestion shown, in document order.  Stops at the first
 * that cannot be saved.
 *
 * Returns: (transfer full) (element-type GlossAnnotation): the
 *   annotations made, for an Undo; %NULL with @error set when none could be
 */
GPtrArray *
gloss_suggestion_model_accept_all (GlossSuggestionModel  *self,
                                   GError               **error)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_MODEL (self), NULL);
  g_return_val_if_fail (self->annotations != NULL, NULL);

  return accept_shown (self, FALSE, error);
}

/**
 * gloss_suggestion_model_accept_claims:
 * @self: a #GlossSuggestionModel
 * @error: return location for a #GError
 *
 * Accepts every suggested claim shown and leaves the denials, which a
 * reader usually weighs one by one.
 *
 * Returns: (transfer full) (element-type GlossAnnotation): the
 *   annotations made, for an Undo; %NULL with @error set when none could be
 */
GPtrArray *
gloss_suggestion_model_accept_claims (GlossSuggestionModel  *self,
                                      GError               **error)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_MODEL (self), NULL);
  g_return_val_if_fail (self->annotations != NULL, NULL);

  return accept_shown (self, TRUE, error);
}

/**
 * gloss_suggestion_model_count_claims:
 * @self: a #GlossSuggestionModel
 *
 * Returns: how many of the suggestions shown are claims someone makes
 */
guint
gloss_suggestion_model_count_claims (GlossSuggestionModel *self)
{
  guint n = 0;

  g_return_val_if_fail (GLOSS_IS_SUGGESTION_MODEL (self), 0);

  for (guint i = 0; i < self->shown->len; i++)
    if (is_attributed_claim (g_ptr_array_index (self->shown, i)))
      n++;
  return n;
}

static gboolean
check_store (GlossSuggestionModel  *self,
             GError               **error)
{
  GlossArticle *article = get_article (self);

  if (gloss_annotation_model_get_store (self->annotations) != NULL
      && article != NULL && gloss_article_get_id (article) > 0)
    return TRUE;

  g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_IO,
                       _("The library could not be opened, so suggestions cannot be dismissed"));
  return FALSE;
}

/**
 * gloss_suggestion_model_dismiss:
 * @self: a #GlossSuggestionModel
 * @item: a suggestion of the model
 * @error: return location for a #GError
 *
 * Takes @item off the list, and remembers for the article that it was
 * dismissed.
 *
 * Returns: whether the library remembers it
 */
gboolean
gloss_suggestion_model_dismiss (GlossSuggestionModel  *self,
                                GlossSuggestionItem   *item,
                                GError               **error)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_MODEL (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_ITEM (item), FALSE);
  g_return_val_if_fail (self->annotations != NULL, FALSE);

  if (!check_store (self, error)
      || !gloss_store_dismiss_suggestion (gloss_annotation_model_get_store (self->annotations),
                                          gloss_article_get_id (get_article (self)),
                                          gloss_suggestion_item_get_block (item),
                                          gloss_suggestion_item_get_start (item),
                                          gloss_suggestion_item_get_end (item),
                                          gloss_suggestion_item_get_text (item), error))
    return FALSE;

  g_hash_table_add (self->dismissed, GUINT_TO_POINTER (gloss_suggestion_item_get_index (item)));
  refilter (self);
  return TRUE;
}

/**
 * gloss_suggestion_model_restore:
 * @self: a #GlossSuggestionModel
 * @item: a dismissed suggestion of the model
 * @error: return location for a #GError
 *
 * Undoes gloss_suggestion_model_dismiss().
 *
 * Returns: whether the library forgot the dismissal
 */
gboolean
gloss_suggestion_model_restore (GlossSuggestionModel  *self,
                                GlossSuggestionItem   *item,
                                GError               **error)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_MODEL (self), FALSE);
  g_return_val_if_fail (GLOSS_IS_SUGGESTION_ITEM (item), FALSE);
  g_return_val_if_fail (self->annotations != NULL, FALSE);

  if (!check_store (self, error)
      || !gloss_store_restore_suggestion (gloss_annotation_model_get_store (self->annotations),
                                          gloss_article_get_id (get_article (self)),
                                          gloss_suggestion_item_get_block (item),
                                          gloss_suggestion_item_get_start (item),
                                          gloss_suggestion_item_get_end (item), error))
    return FALSE;

  g_hash_table_remove (self->dismissed, GUINT_TO_POINTER (gloss_suggestion_item_get_index (item)));
  refilter (self);
  return TRUE;
}

/**
 * gloss_suggestion_model_shutdown:
 * @self: a #GlossSuggestionModel
 *
 * Lets go of the article and waits until no suggestions are being
 * computed any more, so none outlives the window (and the process).
 */
void
gloss_suggestion_model_shutdown (GlossSuggestionModel *self)
{
  g_return_if_fail (GLOSS_IS_SUGGESTION_MODEL (self));

  gloss_suggestion_model_set_annotations (self, NULL);
  wait_for_workers ();
}
