/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-all-annotations-view"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-all-annotations-row.h"
#include "gloss-all-annotations-view.h"
#include "gloss-annotation-style.h"

/*
 * "All annotations": every annotation of the library, narrowed by kind,
 * speaker, verdict, team member and words, newest or oldest first; activating one
 * (a click, Return) emits ::annotation-activated so the window opens its
 * article at it.
 *
 * Finding the matches reads every annotation (the sort by date has no
 * index to walk), which takes tens of milliseconds in a library of
 * 100,000: too long for a keystroke on the main thread.  So the ids are
 * found in a worker, on a read-only connection of the view's own (WAL lets
 * it read while the window writes), one query at a time; filters changed
 * meanwhile run once it is done, and its now stale answer is dropped.  The
 * annotations themselves are read a page at a time, by id, on the main
 * thread (about a millisecond a page), when the list asks for them.
 */

#define PAGE_SIZE 64
#define MAX_CACHED_PAGES 16

/* The list is told of the matches a page at a time, more whenever it
 * asks for rows near the end.  GtkListView 4.8 spends time on every item
 * of its model (a tenth of a second for 100,000 on a busy machine) and
 * makes up to 200 rows at once (a fifth of a millisecond each): in steps,
 * each frame stays short and the first rows show at once. */
#define GROW_BY PAGE_SIZE
#define GROW_MARGIN PAGE_SIZE

/* GlossAllAnnotationsItem: one position of the list. */

#define GLOSS_TYPE_ALL_ANNOTATIONS_ITEM (gloss_all_annotations_item_get_type ())
G_DECLARE_FINAL_TYPE (GlossAllAnnotationsItem, gloss_all_annotations_item, GLOSS, ALL_ANNOTATIONS_ITEM, GObject)

struct _GlossAllAnnotationsItem
{
  GObject parent_instance;

  /* NULL when the annotation was deleted after it was found */
  GlossAnnotationEntry *entry;
};

G_DEFINE_FINAL_TYPE (GlossAllAnnotationsItem, gloss_all_annotations_item, G_TYPE_OBJECT)

static void
gloss_all_annotations_item_finalize (GObject *object)
{
  GlossAllAnnotationsItem *self = (GlossAllAnnotationsItem *) object;

  g_clear_pointer (&self->entry, gloss_annotation_entry_free);

  G_OBJECT_CLASS (gloss_all_annotations_item_parent_class)->finalize (object);
}

static void
gloss_all_annotations_item_class_init (GlossAllAnnotationsItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_all_annotations_item_finalize;
}

static void
gloss_all_annotations_item_init (GlossAllAnnotationsItem *self)
{
}

/* GlossAllAnnotationsModel: the found ids, read a page at a time. */

#define GLOSS_TYPE_ALL_ANNOTATIONS_MODEL (gloss_all_annotations_model_get_type ())
G_DECLARE_FINAL_TYPE (GlossAllAnnotationsModel, gloss_all_annotations_model, GLOSS, ALL_ANNOTATIONS_MODEL, GObject)

struct _GlossAllAnnotationsModel
{
  GObject parent_instance;

  GlossStore *store;
  GArray *ids;
  guint n_shown;          /* the first ids the list knows of */
  guint grow_source;
  GHashTable *pages;      /* page number → GPtrArray of items */
};

static void gloss_all_annotations_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GlossAllAnnotationsModel, gloss_all_annotations_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      gloss_all_annotations_model_list_model_init))

static GType
model_get_item_type (GListModel *list)
{
  return GLOSS_TYPE_ALL_ANNOTATIONS_ITEM;
}

static guint
model_get_n_items (GListModel *list)
{
  GlossAllAnnotationsModel *self = (GlossAllAnnotationsModel *) list;

  return self->n_shown;
}

/* Keeps the cache small: the list holds the items it shows itself, so a
 * page dropped here only costs a new read when scrolled back to. */
static void
evict_far_pages (GlossAllAnnotationsModel *self,
                 guint                     near)
{
  while (g_hash_table_size (self->pages) > MAX_CACHED_PAGES)
    {
      GHashTableIter iter;
      gpointer key;
      guint farthest = near;
      guint farthest_distance = 0;

      g_hash_table_iter_init (&iter, self->pages);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          guint page = GPOINTER_TO_UINT (key);
          guint distance = page > near ? page - near : near - page;

          if (distance >= farthest_distance)
            {
              farthest = page;
              farthest_distance = distance;
            }
        }
      g_hash_table_remove (self->pages, GUINT_TO_POINTER (farthest));
    }
}

static GPtrArray *
read_page (GlossAllAnnotationsModel *self,
           guint                     page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  GPtrArray *items;
  guint start = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->ids->len - start);
  const gint64 *ids = &g_array_index (self->ids, gint64, start);

  entries = gloss_store_list_annotation_entries (self->store, ids, n, &error);
  if (entries == NULL)
    /* Shown as rows that cannot be read; the next reload tries again. */
    g_debug ("Could not read annotations: %s", error->message);

  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      GlossAnnotationEntry *entry = g_ptr_array_index (entries, i);

      g_hash_table_insert (by_id, &entry->id, entry);
    }

  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      GlossAllAnnotationsItem *item = g_object_new (GLOSS_TYPE_ALL_ANNOTATIONS_ITEM, NULL);
      GlossAnnotationEntry *entry = g_hash_table_lookup (by_id, &ids[i]);

      if (entry != NULL)
        item->entry = gloss_annotation_entry_copy (entry);
      g_ptr_array_add (items, item);
    }

  return items;
}

static gboolean
grow_cb (gpointer user_data)
{
  GlossAllAnnotationsModel *self = user_data;
  guint before = self->n_shown;

  self->grow_source = 0;
  self->n_shown = MIN (self->ids->len, self->n_shown + GROW_BY);
  g_list_model_items_changed (G_LIST_MODEL (self), before, 0, self->n_shown - before);

  return G_SOURCE_REMOVE;
}

static gpointer
model_get_item (GListModel *list,
                guint       position)
{
  GlossAllAnnotationsModel *self = (GlossAllAnnotationsModel *) list;
  guint page = position / PAGE_SIZE;
  GPtrArray *items;

  if (position >= self->n_shown)
    return NULL;

  /* The list asks for the rows it is about to show: near the end, tell
   * it of more, once the frame is done. */
  if (position + GROW_MARGIN >= self->n_shown && self->n_shown < self->ids->len &&
      self->grow_source == 0)
    self->grow_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, grow_cb,
                                         g_object_ref (self), g_object_unref);

  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items == NULL)
    {
      items = read_page (self, page);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
      evict_far_pages (self, page);
    }

  return g_object_ref (g_ptr_array_index (items, position % PAGE_SIZE));
}

static void
gloss_all_annotations_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = model_get_item_type;
  iface->get_n_items = model_get_n_items;
  iface->get_item = model_get_item;
}

static void
gloss_all_annotations_model_finalize (GObject *object)
{
  GlossAllAnnotationsModel *self = (GlossAllAnnotationsModel *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);

  G_OBJECT_CLASS (gloss_all_annotations_model_parent_class)->finalize (object);
}

static void
gloss_all_annotations_model_class_init (GlossAllAnnotationsModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gloss_all_annotations_model_finalize;
}

static void
gloss_all_annotations_model_init (GlossAllAnnotationsModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

/* Shows @ids (taken), read from @store, from the start to at least the
 * position @reveal. */
static void
model_reset (GlossAllAnnotationsModel *self,
             GlossStore               *store,
             GArray                   *ids,
             guint                     reveal)
{
  guint removed = self->n_shown;

  g_clear_handle_id (&self->grow_source, g_source_remove);
  g_set_object (&self->store, store);
  g_array_unref (self->ids);
  self->ids = ids;
  self->n_shown = MIN (ids->len, (reveal != GTK_INVALID_LIST_POSITION ? reveal : 0) + GROW_BY);
  g_hash_table_remove_all (self->pages);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->n_shown);
}

static guint
model_get_n_matches (GlossAllAnnotationsModel *self)
{
  return self->ids->len;
}

static guint
find_id (GArray *ids,
         gint64  annotation_id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == annotation_id)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

/* A query for the worker: the filters as they were, and what it found. */

typedef struct
{
  GlossStore *reader;        /* (nullable): opened by the worker when NULL */
  char *path;
  guint generation;
  gboolean want_speakers;
  gboolean reader_failed;    /* the read-only connection could not be opened */

  guint kinds;
  char *speaker;
  GlossVerdict verdict;
  char *text;
  gboolean oldest_first;
  char *author;

  GArray *ids;
  GPtrArray *speakers;
  GPtrArray *authors;        /* read with the speakers */
  guint total;
} Query;

static void
query_free (Query *query)
{
  g_clear_object (&query->reader);
  g_free (query->path);
  g_free (query->speaker);
  g_free (query->text);
  g_free (query->author);
  g_clear_pointer (&query->ids, g_array_unref);
  g_clear_pointer (&query->authors, g_ptr_array_unref);
  g_clear_pointer (&query->speakers, g_ptr_array_unref);
  g_free (query);
}

static gboolean
query_run (Query       *query,
           GlossStore  *store,
           GError     **error)
{
  GlossAnnotationQuery filter = GLOSS_ANNOTATION_QUERY_INIT;

  filter.kinds = query->kinds;
  filter.speaker = query->speaker;
  filter.speaker_match = GLOSS_SPEAKER_MATCH_EXACT;
  filter.verdict = query->verdict;
  filter.text = query->text;
  filter.oldest_first = query->oldest_first;
  filter.author = query->author;

  /* The count, the speakers and the matches as of one moment. */
  if (!gloss_store_begin_read (store, error))
    return FALSE;
  if (gloss_store_count_annotations (store, &query->total, error) &&
      (!query->want_speakers ||
       ((query->speakers = gloss_store_list_speakers (store, error)) != NULL &&
        (query->authors = gloss_store_list_annotation_authors (store, error)) != NULL)))
    query->ids = gloss_store_find_annotations (store, &filter, error);
  gloss_store_end_read (store);

  return query->ids != NULL;
}

static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Query *query = task_data;
  g_autoptr(GError) error = NULL;

  if (query->reader == NULL)
    {
      query->reader = gloss_store_open_full (query->path, GLOSS_STORE_OPEN_READ_ONLY, &error);
      if (query->reader == NULL)
        {
          query->reader_failed = TRUE;
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  if (!query_run (query, query->reader, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* The view. */

struct _GlossAllAnnotationsView
{
  AdwBin parent_instance;

  GlossStore *store;
  GlossStore *reader;         /* the worker's read-only connection */
  gboolean reader_failed;     /* query on the main thread instead */
  GCancellable *cancellable;
  guint generation;           /* bumped when the store changes */
  gboolean querying;
  gboolean query_pending;     /* filters changed while a query ran */
  gboolean speakers_pending;  /* the speakers must be read again */
  gboolean dirty;             /* load when next mapped */
  gboolean scroll_to_top;     /* the filters changed: show the first match */
  gboolean resetting;         /* many filters change as one */
  gboolean loaded;
  guint total;

  GlossAllAnnotationsModel *model;
  GtkSingleSelection *selection;
  GtkStringList *speaker_list;
  GPtrArray *speaker_names;   /* the names behind speaker_list, after "Any Speaker" */
  GtkStringList *person_list;
  GPtrArray *person_names;    /* team members behind person_list, after "Anyone" */
  GtkToggleButton *kind_buttons[GLOSS_ANNOTATION_KIND_LAST + 1];

  /* Template widgets */
  GtkSearchEntry *search_entry;
  GtkDropDown *sort_dropdown;
  GtkBox *kind_box;
  GtkDropDown *speaker_dropdown;
  GtkDropDown *person_dropdown;
  GtkDropDown *verdict_dropdown;
  GtkSpinner *spinner;
  GtkLabel *count_label;
  GtkStack *stack;
  GtkListView *list_view;
  AdwStatusPage *error_page;
};

G_DEFINE_FINAL_TYPE (GlossAllAnnotationsView, gloss_all_annotations_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ANNOTATION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The verdict drop-down lists "Any Verdict", then these. */
static const GlossVerdict verdicts[] = {
  GLOSS_VERDICT_UNRATED,
  GLOSS_VERDICT_TRUE,
  GLOSS_VERDICT_MOSTLY_TRUE,
  GLOSS_VERDICT_MIXED,
  GLOSS_VERDICT_MOSTLY_FALSE,
  GLOSS_VERDICT_FALSE,
  GLOSS_VERDICT_UNVERIFIABLE,
};

/* In the context "kinds heading": "Evidence" is a plural noun here. */
static const char * const kind_plurals[] = {
  [GLOSS_ANNOTATION_CLAIM] = NC_("kinds heading", "Claims"),
  [GLOSS_ANNOTATION_DENIAL] = NC_("kinds heading", "Denials"),
  [GLOSS_ANNOTATION_EVIDENCE] = NC_("kinds heading", "Evidence"),
  [GLOSS_ANNOTATION_QUESTION] = NC_("kinds heading", "Questions"),
  [GLOSS_ANNOTATION_NOTE] = NC_("kinds heading", "Notes"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_plurals) == GLOSS_ANNOTATION_KIND_LAST + 1);

static void start_query (GlossAllAnnotationsView *self);

static void
set_querying (GlossAllAnnotationsView *self,
              gboolean                 querying)
{
  if (self->querying == querying)
    return;

  self->querying = querying;
  gtk_spinner_set_spinning (self->spinner, querying);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static Query *
query_new (GlossAllAnnotationsView *self)
{
  Query *query = g_new0 (Query, 1);
  guint speaker = gtk_drop_down_get_selected (self->speaker_dropdown);
  guint verdict = gtk_drop_down_get_selected (self->verdict_dropdown);
  guint person = gtk_drop_down_get_selected (self->person_dropdown);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  query->reader = self->reader != NULL ? g_object_ref (self->reader) : NULL;
  query->path = g_strdup (gloss_store_get_path (self->store));
  query->generation = self->generation;
  query->want_speakers = self->speakers_pending;

  for (GlossAnnotationKind kind = 0; kind <= GLOSS_ANNOTATION_KIND_LAST; kind++)
    if (gtk_toggle_button_get_active (self->kind_buttons[kind]))
      query->kinds |= 1u << kind;
  if (speaker != GTK_INVALID_LIST_POSITION && speaker > 0 && speaker <= self->speaker_names->len)
    query->speaker = g_strdup (g_ptr_array_index (self->speaker_names, speaker - 1));
  query->verdict = verdict != GTK_INVALID_LIST_POSITION && verdict > 0 &&
                   verdict <= G_N_ELEMENTS (verdicts) ? verdicts[verdict - 1] : GLOSS_VERDICT_NONE;
  query->text = g_strdup (text);
  query->oldest_first = gtk_drop_down_get_selected (self->sort_dropdown) == 1;
  if (person != GTK_INVALID_LIST_POSITION && person > 0 && person <= self->person_names->len)
    query->author = g_strdup (g_ptr_array_index (self->person_names, person - 1));

  return query;
}

static gboolean
has_filters (GlossAllAnnotationsView *self)
{
  for (GlossAnnotationKind kind = 0; kind <= GLOSS_ANNOTATION_KIND_LAST; kind++)
    if (gtk_toggle_button_get_active (self->kind_buttons[kind]))
      return TRUE;

  return gtk_drop_down_get_selected (self->speaker_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->verdict_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->person_dropdown) > 0 ||
         *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0';
}

/* Refills the speaker drop-down, keeping the speaker picked if they are
 * still there.  Returns FALSE when they are not, so the matches found
 * for them are of no use. */
static gboolean
update_speakers (GlossAllAnnotationsView *self,
                 GPtrArray               *speakers)
{
  guint selected = gtk_drop_down_get_selected (self->speaker_dropdown);
  g_autofree char *picked = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint position = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->speaker_names->len)
    picked = gloss_annotation_fold_speaker (g_ptr_array_index (self->speaker_names, selected - 1));

  g_ptr_array_set_size (self->speaker_names, 0);
  g_ptr_array_add (labels, g_strdup (_("Any Speaker")));
  for (guint i = 0; i < speakers->len; i++)
    {
      GlossSpeakerCount *speaker = g_ptr_array_index (speakers, i);
      g_autofree char *folded = NULL;

      g_ptr_array_add (self->speaker_names, g_strdup (speaker->name));
      /* Translators: a speaker in a drop-down list, with how many annotations name them */
      g_ptr_array_add (labels, g_strdup_printf (_("%s (%u)"), speaker->name, speaker->count));
      if (picked != NULL && position == 0)
        {
          folded = gloss_annotation_fold_speaker (speaker->name);
          if (g_str_equal (folded, picked))
            position = i + 1;
        }
    }
  g_ptr_array_add (labels, NULL);

  self->resetting = TRUE;
  gtk_string_list_splice (self->speaker_list, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->speaker_list)),
                          (const char * const *) labels->pdata);
  gtk_drop_down_set_selected (self->speaker_dropdown, position);
  self->resetting = FALSE;

  return picked == NULL || position > 0;
}

/* Refills the team member drop-down (team libraries: who made each
 * annotation), shown only when there is someone to pick; returns FALSE
 * when the person picked made none of the annotations any more. */
static gboolean
update_people (GlossAllAnnotationsView *self,
               GPtrArray               *authors)
{
  guint selected = gtk_drop_down_get_selected (self->person_dropdown);
  g_autofree char *picked = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint position = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->person_names->len)
    picked = g_strdup (g_ptr_array_index (self->person_names, selected - 1));

  g_ptr_array_set_size (self->person_names, 0);
  g_ptr_array_add (labels, g_strdup (_("Anyone in the Team")));
  for (guint i = 0; i < authors->len; i++)
    {
      GlossSpeakerCount *author = g_ptr_array_index (authors, i);

      g_ptr_array_add (self->person_names, g_strdup (author->name));
      /* Translators: a team member in a drop-down list, with how many annotations they made */
      g_ptr_array_add (labels, g_strdup_printf (_("%s (%u)"), author->name, author->count));
      if (picked != NULL && g_str_equal (picked, author->name))
        position = i + 1;
    }
  g_ptr_array_add (labels, NULL);

  self->resetting = TRUE;
  gtk_string_list_splice (self->person_list, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->person_list)),
                          (const char * const *) labels->pdata);
  gtk_drop_down_set_selected (self->person_dropdown, position);
  self->resetting = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->person_dropdown), authors->len > 0);

  return picked == NULL || position > 0;
}

static void
update_count (GlossAllAnnotationsView *self)
{
  guint shown = model_get_n_matches (self->model);
  g_autofree char *text = NULL;

  if (!has_filters (self))
    /* Translators: how many annotations the library holds */
    text = g_strdup_printf (ngettext ("%'u annotation", "%'u annotations", self->total),
                            self->total);
  else
    /* Translators: how many annotations match the filters, of how many there are */
    text = g_strdup_printf (ngettext ("%'u of %'u annotation", "%'u of %'u annotations",
                                      self->total),
                            shown, self->total);
  gtk_label_set_label (self->count_label, text);
}

static void
show_page (GlossAllAnnotationsView *self)
{
  const char *page;

  if (self->total == 0)
    page = "empty";
  else if (model_get_n_matches (self->model) == 0)
    page = "no-match";
  else
    page = "list";
  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
show_error (GlossAllAnnotationsView *self,
            const char              *message)
{
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_label_set_label (self->count_label, "");
}

static void
show_ids (GlossAllAnnotationsView *self,
          GlossStore              *store,
          GArray                  *ids,
          guint                    reveal)
{
  /* With a row selected, GtkSingleSelection looks for its item among the
   * new ones, reading them all. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  model_reset (self->model, store, ids, reveal);
}

static gint64
get_selected_id (GlossAllAnnotationsView *self)
{
  GlossAllAnnotationsItem *item = gtk_single_selection_get_selected_item (self->selection);

  return item != NULL && item->entry != NULL ? item->entry->id : 0;
}

static void
apply_results (GlossAllAnnotationsView *self,
               Query                   *query,
               GlossStore              *store)
{
  gint64 selected_id = get_selected_id (self);
  guint position;

  /* After a reload the same annotation stays picked; after new filters
   * the list starts at the first match. */
  position = self->scroll_to_top || selected_id == 0
             ? 0 : find_id (query->ids, selected_id);
  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;

  self->total = query->total;
  self->loaded = TRUE;
  show_ids (self, store, g_steal_pointer (&query->ids), position);

  if (model_get_n_matches (self->model) > 0)
    {
      gtk_single_selection_set_selected (self->selection, position);
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
    }
  self->scroll_to_top = FALSE;

  update_count (self);
  show_page (self);
}

static void
query_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GlossAllAnnotationsView *self = GLOSS_ALL_ANNOTATIONS_VIEW (object);
  GTask *task = G_TASK (result);
  Query *query = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* Disposed meanwhile. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return;

  set_querying (self, FALSE);
  ok = g_task_propagate_boolean (task, &error);

  /* The store changed meanwhile: nothing here is about it. */
  if (query->generation != self->generation)
    {
      if (self->store != NULL)
        start_query (self);
      return;
    }

  if (self->reader == NULL && query->reader != NULL)
    self->reader = g_object_ref (query->reader);

  if (!ok && query->reader_failed)
    {
      /* Without a second connection, the main one answers. */
      g_debug ("No read-only connection for the annotations: %s", error->message);
      self->reader_failed = TRUE;
      start_query (self);
      return;
    }

  /* Stale: the next query reads the speakers too if they were asked for. */
  if (self->query_pending)
    {
      start_query (self);
      return;
    }

  if (query->speakers != NULL)
    self->speakers_pending = FALSE;

  if (!ok)
    {
      show_error (self, error->message);
      return;
    }

  if (query->speakers != NULL &&
      (!update_speakers (self, query->speakers) || !update_people (self, query->authors)))
    {
      /* The speaker or the person picked has no annotations left. */
      start_query (self);
      return;
    }

  apply_results (self, query, self->store);
}

static void
start_query (GlossAllAnnotationsView *self)
{
  g_autoptr(GTask) task = NULL;
  Query *query;

  if (self->store == NULL)
    return;

  if (self->querying)
    {
      self->query_pending = TRUE;
      return;
    }
  /* This query reads the filters as they are now. */
  self->query_pending = FALSE;

  if (!self->loaded)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  query = query_new (self);

  /* A library in memory has no file a second connection could open. */
  if (self->reader_failed || g_str_equal (query->path, ":memory:"))
    {
      g_autoptr(GError) error = NULL;

      if (!query_run (query, self->store, &error))
        show_error (self, error->message);
      else
        {
          if (query->speakers != NULL)
            self->speakers_pending = FALSE;
          if (query->speakers != NULL &&
              (!update_speakers (self, query->speakers) || !update_people (self, query->authors)))
            {
              query_free (query);
              start_query (self);
              return;
            }
          apply_results (self, query, self->store);
        }
      query_free (query);
      return;
    }

  set_querying (self, TRUE);
  task = g_task_new (self, self->cancellable, query_done_cb, NULL);
  g_task_set_source_tag (task, start_query);
  g_task_set_task_data (task, query, (GDestroyNotify) query_free);
  g_task_run_in_thread (task, query_thread);
}

/* Reads the speakers and the matches again, now if the view is on
 * screen, else when it is shown. */
static void
load (GlossAllAnnotationsView *self)
{
  self->speakers_pending = TRUE;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }

  self->dirty = FALSE;
  start_query (self);
}

static void
filters_changed_cb (GlossAllAnnotationsView *self)
{
  if (self->resetting)
    return;

  self->scroll_to_top = TRUE;
  start_query (self);
}

static gboolean
focus_search_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  GlossAllAnnotationsView *self = GLOSS_ALL_ANNOTATIONS_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return TRUE;
}

static void
stop_search_cb (GlossAllAnnotationsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Return in the search field goes to the matches. */
static void
search_activate_cb (GlossAllAnnotationsView *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
}

static void
clear_filters_cb (GlossAllAnnotationsView *self)
{
  self->resetting = TRUE;
  for (GlossAnnotationKind kind = 0; kind <= GLOSS_ANNOTATION_KIND_LAST; kind++)
    gtk_toggle_button_set_active (self->kind_buttons[kind], FALSE);
  gtk_drop_down_set_selected (self->speaker_dropdown, 0);
  gtk_drop_down_set_selected (self->verdict_dropdown, 0);
  gtk_drop_down_set_selected (self->person_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->resetting = FALSE;

  filters_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
list_activate_cb (GlossAllAnnotationsView *self,
                  guint                    position)
{
  g_autoptr(GlossAllAnnotationsItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                                   position);

  if (item == NULL || item->entry == NULL)
    return;

  g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, item->entry->article_id, item->entry->id);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, gloss_all_annotations_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GlossAllAnnotationsItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);

  gtk_list_item_set_activatable (list_item, item->entry != NULL);
  gloss_all_annotations_row_set_entry (GLOSS_ALL_ANNOTATIONS_ROW (row), item->entry);
}

static void
add_kind_buttons (GlossAllAnnotationsView *self)
{
  for (GlossAnnotationKind kind = 0; kind <= GLOSS_ANNOTATION_KIND_LAST; kind++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *glyph = gtk_label_new (gloss_annotation_kind_get_glyph (kind));
      GtkWidget *name = gtk_label_new (gloss_annotation_kind_get_label (kind));

      gtk_widget_add_css_class (glyph, "kind-badge");
      gtk_widget_add_css_class (button, gloss_annotation_kind_get_css_class (kind));
      gtk_box_append (GTK_BOX (box), glyph);
      gtk_box_append (GTK_BOX (box), name);
      gtk_button_set_child (GTK_BUTTON (button), box);

      /* Translators: what a toggle that limits the list to one kind of annotation does */
      gtk_widget_set_tooltip_text (button, _("Show only this kind; several can be on, none shows all"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, g_dpgettext2 (GETTEXT_PACKAGE, "kinds heading", kind_plurals[kind]),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Show only this kind; several can be on, none shows all"),
                                      -1);
      g_signal_connect_swapped (button, "toggled", G_CALLBACK (filters_changed_cb), self);
      gtk_box_append (self->kind_box, button);
      self->kind_buttons[kind] = GTK_TOGGLE_BUTTON (button);
    }
}

/* The speaker drop-down: a long name is cut short on the button, whole
 * in the list. */
static void
setup_speaker_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (user_data))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 10);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_speaker_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)),
                       gtk_string_object_get_string (item));
}

static void
set_speaker_factories (GlossAllAnnotationsView *self)
{
  for (int shortened = 0; shortened <= 1; shortened++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_speaker_cb), GINT_TO_POINTER (shortened));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_speaker_cb), NULL);
      if (shortened)
        gtk_drop_down_set_factory (self->speaker_dropdown, factory);
      else
        gtk_drop_down_set_list_factory (self->speaker_dropdown, factory);
      g_object_unref (factory);
    }
}

static void
fill_verdicts (GlossAllAnnotationsView *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Any Verdict"));
  for (guint i = 0; i < G_N_ELEMENTS (verdicts); i++)
    gtk_string_list_append (list, gloss_verdict_get_label (verdicts[i]));

  self->resetting = TRUE;
  gtk_drop_down_set_model (self->verdict_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->verdict_dropdown, 0);
  self->resetting = FALSE;
}

static void
gloss_all_annotations_view_map (GtkWidget *widget)
{
  GlossAllAnnotationsView *self = GLOSS_ALL_ANNOTATIONS_VIEW (widget);

  GTK_WIDGET_CLASS (gloss_all_annotations_view_parent_class)->map (widget);

  if (self->dirty)
    load (self);
}

static void
gloss_all_annotations_view_dispose (GObject *object)
{
  GlossAllAnnotationsView *self = (GlossAllAnnotationsView *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_ALL_ANNOTATIONS_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->speaker_list);
  g_clear_object (&self->person_list);
  g_clear_object (&self->reader);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gloss_all_annotations_view_parent_class)->dispose (object);
}

static void
gloss_all_annotations_view_finalize (GObject *object)
{
  GlossAllAnnotationsView *self = (GlossAllAnnotationsView *) object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->speaker_names, g_ptr_array_unref);
  g_clear_pointer (&self->person_names, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_all_annotations_view_parent_class)->finalize (object);
}

static void
gloss_all_annotations_view_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  GlossAllAnnotationsView *self = GLOSS_ALL_ANNOTATIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, gloss_all_annotations_view_get_loading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_all_annotations_view_class_init (GlossAllAnnotationsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_all_annotations_view_dispose;
  object_class->finalize = gloss_all_annotations_view_finalize;
  object_class->get_property = gloss_all_annotations_view_get_property;
  widget_class->map = gloss_all_annotations_view_map;

  /**
   * GlossAllAnnotationsView:loading:
   *
   * Whether the matches are being looked for.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossAllAnnotationsView::annotation-activated:
   * @self: the view
   * @article_id: the annotation's article
   * @annotation_id: the annotation
   *
   * Emitted when a row is activated (a click, Return): open the article
   * at the annotation.
   */
  signals[ANNOTATION_ACTIVATED] =
    g_signal_new ("annotation-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/gloss-all-annotations-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossAllAnnotationsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossAllAnnotationsView, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossAllAnnotationsView, kind_box);
  gtk_widget_class_bind_template_child (widget_class, GlossAllAnnotationsView, speaker_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossAllAnnotationsView, person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossAllAnnotationsView, verdict_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossAllAnnotationsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, GlossAllAnnotationsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAllAnnotationsView, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossAllAnnotationsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, GlossAllAnnotationsView, error_page);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_filters_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, focus_search_cb, NULL);
}

static void
gloss_all_annotations_view_init (GlossAllAnnotationsView *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->speaker_names = g_ptr_array_new_with_free_func (g_free);
  self->person_names = g_ptr_array_new_with_free_func (g_free);
  self->model = g_object_new (GLOSS_TYPE_ALL_ANNOTATIONS_MODEL, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  add_kind_buttons (self);
  fill_verdicts (self);

  set_speaker_factories (self);
  self->speaker_list = gtk_string_list_new (NULL);
  gtk_string_list_append (self->speaker_list, _("Any Speaker"));
  gtk_drop_down_set_expression (self->speaker_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  self->resetting = TRUE;
  gtk_drop_down_set_model (self->speaker_dropdown, G_LIST_MODEL (self->speaker_list));
  gtk_drop_down_set_selected (self->speaker_dropdown, 0);
  self->person_list = gtk_string_list_new (NULL);
  gtk_string_list_append (self->person_list, _("Anyone in the Team"));
  gtk_drop_down_set_model (self->person_dropdown, G_LIST_MODEL (self->person_list));
  gtk_drop_down_set_selected (self->person_dropdown, 0);
  self->resetting = FALSE;

  /* Typing anywhere in the view searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/**
 * gloss_all_annotations_view_new:
 *
 * Returns: (transfer floating): a view of every annotation in the library;
 *   give it the library with gloss_all_annotations_view_set_store()
 */
GtkWidget *
gloss_all_annotations_view_new (void)
{
  return g_object_new (GLOSS_TYPE_ALL_ANNOTATIONS_VIEW, NULL);
}

/**
 * gloss_all_annotations_view_set_store:
 * @self: a #GlossAllAnnotationsView
 * @store: (nullable): the library, or %NULL when there is none
 *
 * Shows the annotations of @store, read when the view is next on screen.
 */
void
gloss_all_annotations_view_set_store (GlossAllAnnotationsView *self,
                                      GlossStore              *store)
{
  g_return_if_fail (GLOSS_IS_ALL_ANNOTATIONS_VIEW (self));
  g_return_if_fail (store == NULL || GLOSS_IS_STORE (store));

  if (self->store == store)
    return;

  g_set_object (&self->store, store);
  g_clear_object (&self->reader);
  self->reader_failed = FALSE;
  self->generation++;
  self->loaded = FALSE;
  self->total = 0;
  show_ids (self, NULL, g_array_new (FALSE, FALSE, sizeof (gint64)), 0);

  if (store == NULL)
    {
      show_error (self, _("The library could not be opened."));
      return;
    }

  load (self);
}

/**
 * gloss_all_annotations_view_reload:
 * @self: a #GlossAllAnnotationsView
 *
 * Reads the annotations and their speakers again, keeping the filters and
 * the annotation picked: call it when the view is shown, since annotations
 * change in other views.
 */
void
gloss_all_annotations_view_reload (GlossAllAnnotationsView *self)
{
  g_return_if_fail (GLOSS_IS_ALL_ANNOTATIONS_VIEW (self));

  if (self->store != NULL)
    load (self);
}

/**
 * gloss_all_annotations_view_get_loading:
 *
 * Returns: whether the matches are being looked for
 */
gboolean
gloss_all_annotations_view_get_loading (GlossAllAnnotationsView *self)
{
  g_return_val_if_fail (GLOSS_IS_ALL_ANNOTATIONS_VIEW (self), FALSE);

  return self->querying || self->dirty;
}

/**
 * gloss_all_annotations_view_get_n_matches:
 *
 * Returns: how many annotations match the filters (the list shows them
 *   as it scrolls)
 */
guint
gloss_all_annotations_view_get_n_matches (GlossAllAnnotationsView *self)
{
  g_return_val_if_fail (GLOSS_IS_ALL_ANNOTATIONS_VIEW (self), 0);

  return model_get_n_matches (self->model);
}

/**
 * gloss_all_annotations_view_get_page:
 *
 * Returns: what the view shows: "loading", "list", "empty" (the library
 *   has no annotations), "no-match" or "error"
 */
const char *
gloss_all_annotations_view_get_page (GlossAllAnnotationsView *self)
{
  g_return_val_if_fail (GLOSS_IS_ALL_ANNOTATIONS_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
