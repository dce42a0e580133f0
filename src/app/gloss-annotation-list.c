/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-annotation-list"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-after-paint.h"
#include "gloss-annotation-list.h"

/*
 * The side pane: the open article's annotations in document order, bound
 * to the GlossAnnotationModel so marking, editing and deleting show at
 * once.  Annotations whose words left the article (orphans) get their own
 * section below, with their stored quote.  Activating a row asks the
 * window to show its words; Return on a row opens its editor there, as a
 * click on the highlight does; Delete on a row deletes its annotation.  The
 * arrow keys move between the rows.
 *
 * A long article can carry a thousand annotations, and a row costs about
 * half a millisecond to build and measure, so the pane does not bind its list
 * boxes to the models: each section holds rows for a prefix of its items,
 * in order.  A new model gets the rows for a screenful at once, for the
 * frame that shows the article; the rest follow in idle batches below the
 * redraw priority, a few milliseconds at a time, so the article paints and
 * scrolls meanwhile.  Until the annotations in the article are all there,
 * the orphans wait, so that they never show between them.  Whatever needs
 * a row that is not built yet (selecting it, the keyboard in the pane)
 * builds the rows up to it first.
 */

/* A section of the pane: its list box holds rows for the first n_built
 * items of its model. */
typedef struct
{
  GtkListBox *list;
  GtkFilterListModel *items;
  guint n_built;
} Section;

struct _GlossAnnotationList
{
  AdwBin parent_instance;

  GlossAnnotationModel *model;
  Section anchored;
  Section orphans;
  gboolean unavailable;
  GlossAfterPaint building;

  /* Template widgets */
  GtkLabel *count_label;
  GtkStack *stack;
  GtkLabel *orphan_heading;
  GtkLabel *empty_hint;
};

G_DEFINE_FINAL_TYPE (GlossAnnotationList, gloss_annotation_list, ADW_TYPE_BIN)

enum {
  ANNOTATION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Wrapped quotes would ask for a line each; the pane keeps a column's
 * width and leaves the rest to the article. */
#define NATURAL_WIDTH 340

/* Rows built before the first frame: enough to fill the window's height
 * with rows of a one-line quote.  The others are built once that frame is
 * painted, in batches of about half a frame, below GTK's redraw, so frames
 * and input go first, and at the priority of GtkTextView's own layout of
 * the lines out of sight (GTK_TEXT_VIEW_PRIORITY_VALIDATE, private to
 * GTK), so the two take turns: until the text view has measured a line it
 * cannot scroll to it. */
#define MIN_ROW_HEIGHT 56
#define FALLBACK_HEIGHT 1200
#define BUILD_BATCH_USEC 8000
#define BUILD_PRIORITY (GDK_PRIORITY_REDRAW + 5)

static void
measure_cb (GtkWidget      *widget,
            GtkOrientation  orientation,
            int             for_size,
            int            *minimum,
            int            *natural,
            int            *minimum_baseline,
            int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  *minimum = *natural = 0;
  if (child == NULL)
    return;

  gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, MIN (*natural, NATURAL_WIDTH));
}

static void
allocate_cb (GtkWidget *widget,
             int        width,
             int        height,
             int        baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static gboolean
is_orphan (gpointer item,
           gpointer user_data)
{
  GlossAnnotation *annotation = item;
  gboolean orphans = GPOINTER_TO_INT (user_data);

  return (gloss_annotation_get_anchor (annotation)->state == GLOSS_ANCHOR_ORPHANED) == orphans;
}

static guint
section_get_n_items (const Section *section)
{
  return section->items != NULL ? g_list_model_get_n_items (G_LIST_MODEL (section->items)) : 0;
}

static gboolean
section_is_complete (const Section *section)
{
  return section->n_built >= section_get_n_items (section);
}

/* Builds the rows for the items before @n_items that have none yet. */
static void
section_build (Section *section,
               guint    n_items)
{
  n_items = MIN (n_items, section_get_n_items (section));

  for (; section->n_built < n_items; section->n_built++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (G_LIST_MODEL (section->items),
                                                                    section->n_built);

      gtk_list_box_insert (section->list, gloss_annotation_row_new (annotation),
                           (int) section->n_built);
    }
}

static void
section_clear (Section *section)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (section->list, 0)) != NULL)
    gtk_list_box_remove (section->list, GTK_WIDGET (row));
  section->n_built = 0;
}

static void
gloss_annotation_list_update (GlossAnnotationList *self)
{
  guint n_anchored = section_get_n_items (&self->anchored);
  guint n_orphans = section_get_n_items (&self->orphans);
  guint total = n_anchored + n_orphans;
  gboolean show_orphans = n_orphans > 0 && section_is_complete (&self->anchored);

  if (self->unavailable)
    gtk_stack_set_visible_child_name (self->stack, "unavailable");
  else if (total == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");

  gtk_widget_set_visible (GTK_WIDGET (self->anchored.list), n_anchored > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->orphan_heading), show_orphans);
  gtk_widget_set_visible (GTK_WIDGET (self->orphans.list), show_orphans);

  /* Hidden when empty: an empty label would still be read out. */
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), total > 0);
  if (total > 0)
    {
      g_autofree char *count = g_strdup_printf ("%u", total);
      /* Translators: what a screen reader says for the number beside the
       * “Annotations” heading */
      g_autofree char *spoken = g_strdup_printf (ngettext ("%u annotation", "%u annotations",
                                                           total),
                                                 total);

      gtk_label_set_label (self->count_label, count);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->count_label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                      -1);
    }
}

/* Builds every row there is still to build, the annotations in the
 * article first. */
static void
build_all (GlossAnnotationList *self)
{
  gboolean orphans_waiting = !section_is_complete (&self->anchored);

  gloss_after_paint_cancel (&self->building);
  section_build (&self->anchored, G_MAXUINT);
  section_build (&self->orphans, G_MAXUINT);
  if (orphans_waiting)
    gloss_annotation_list_update (self);
}

static gboolean
build_batch_cb (gpointer user_data)
{
  GlossAnnotationList *self = user_data;
  gint64 deadline = g_get_monotonic_time () + BUILD_BATCH_USEC;

  while (g_get_monotonic_time () < deadline)
    {
      if (!section_is_complete (&self->anchored))
        {
          section_build (&self->anchored, self->anchored.n_built + 1);
          if (section_is_complete (&self->anchored))
            gloss_annotation_list_update (self);
        }
      else if (!section_is_complete (&self->orphans))
        {
          section_build (&self->orphans, self->orphans.n_built + 1);
        }
      else
        {
          return G_SOURCE_REMOVE;
        }
    }

  return G_SOURCE_CONTINUE;
}

/* How many rows fill the window's height, or a tall screen's before the
 * window has one. */
static guint
screenful_rows (GlossAnnotationList *self)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (height <= 0 && root != NULL)
    height = gtk_widget_get_height (root);
  if (height <= 0)
    height = FALLBACK_HEIGHT;

  return (guint) (height / MIN_ROW_HEIGHT + 1);
}

/* The rows for a screenful now, the rest after the frame that shows
 * them. */
static void
schedule_build (GlossAnnotationList *self)
{
  guint n_rows = screenful_rows (self);

  section_build (&self->anchored, n_rows);
  if (section_is_complete (&self->anchored))
    section_build (&self->orphans, n_rows);

  if ((section_is_complete (&self->anchored) && section_is_complete (&self->orphans))
      || gloss_after_paint_is_scheduled (&self->building))
    return;

  gloss_after_paint_schedule (&self->building, GTK_WIDGET (self), BUILD_PRIORITY, build_batch_cb,
                              self, "[gloss] annotation rows");
}

/* Rows are kept for a prefix of the items: changes past it wait for the
 * batches; changes inside it, or at the end of a section with every row
 * (an annotation marked, deleted, put back), show at once. */
static void
section_items_changed (GlossAnnotationList *self,
                       Section             *section,
                       guint                position,
                       guint                removed,
                       guint                added)
{
  guint n_items = section_get_n_items (section);
  gboolean was_complete = section->n_built + added == n_items + removed;

  if (position < section->n_built)
    {
      guint n_gone = MIN (removed, section->n_built - position);
      guint n_after = section->n_built - position - n_gone;

      for (guint i = 0; i < n_gone; i++)
        gtk_list_box_remove (section->list,
                             GTK_WIDGET (gtk_list_box_get_row_at_index (section->list,
                                                                        (int) position)));
      section->n_built = position;

      /* Built in place, so the rows after them stay in order. */
      if (n_after > 0)
        {
          for (guint i = 0; i < added; i++)
            {
              g_autoptr(GlossAnnotation) annotation =
                g_list_model_get_item (G_LIST_MODEL (section->items), position + i);

              gtk_list_box_insert (section->list, gloss_annotation_row_new (annotation),
                                   (int) (position + i));
            }
          section->n_built = position + added + n_after;
        }
    }

  /* A whole new set of items (another article, a reload) starts over
   * with a screenful, and orphans wait for the rows above them. */
  if (was_complete && position == section->n_built && added <= screenful_rows (self)
      && (section == &self->anchored || section_is_complete (&self->anchored)))
    section_build (section, position + added);

  schedule_build (self);
  gloss_annotation_list_update (self);
}

static void
anchored_changed_cb (GListModel          *items,
                     guint                position,
                     guint                removed,
                     guint                added,
                     GlossAnnotationList *self)
{
  section_items_changed (self, &self->anchored, position, removed, added);
}

static void
orphans_changed_cb (GListModel          *items,
                    guint                position,
                    guint                removed,
                    guint                added,
                    GlossAnnotationList *self)
{
  section_items_changed (self, &self->orphans, position, removed, added);
}

static GlossAnnotationRow *
find_built_row (Section         *section,
                GlossAnnotation *annotation)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (section->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GLOSS_IS_ANNOTATION_ROW (child)
          && gloss_annotation_row_get_annotation (GLOSS_ANNOTATION_ROW (child)) == annotation)
        return GLOSS_ANNOTATION_ROW (child);
    }

  return NULL;
}

static void
links_changed_cb (GlossAnnotationList *self,
                  GlossAnnotation     *annotation)
{
  GlossAnnotationRow *row = find_built_row (&self->anchored, annotation);

  /* A row still to be built will show the links as they are. */
  if (row == NULL)
    row = find_built_row (&self->orphans, annotation);
  if (row != NULL)
    gloss_annotation_row_refresh (row);
}

static void
row_activated_cb (GlossAnnotationList *self,
                  GtkListBoxRow       *row)
{
  GlossAnnotation *annotation = gloss_annotation_row_get_annotation (GLOSS_ANNOTATION_ROW (row));

  g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, annotation);
}

/* From the keyboard this is the way to an annotation's note, speaker and
 * links (Return, user_data FALSE), or to its words (W, as in the reader;
 * the only way to an orphan's, which the reader does not show).  It runs
 * in the capture phase: the list box would take Return for activating the
 * row. */
static gboolean
edit_focused_row_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, GLOSS_TYPE_ANNOTATION_ROW) : NULL;
  GlossAnnotation *annotation;

  if (row == NULL || !gtk_widget_is_ancestor (row, widget))
    return FALSE;

  annotation = gloss_annotation_row_get_annotation (GLOSS_ANNOTATION_ROW (row));
  gtk_widget_activate_action (widget, GPOINTER_TO_INT (user_data) ? "win.edit-range"
                                                                  : "win.edit-annotation",
                              "x", gloss_annotation_get_id (annotation));
  return TRUE;
}

/* The keys move through every row (End goes to the last): once the
 * focus is in the pane, whatever is left is built at once. */
static void
focus_enter_cb (GlossAnnotationList *self)
{
  build_all (self);
}

/* One selection across both sections. */
static void
row_selected_cb (GtkListBox          *list,
                 GtkListBoxRow       *row,
                 GlossAnnotationList *self)
{
  GtkListBox *other = list == self->anchored.list ? self->orphans.list : self->anchored.list;

  if (row != NULL)
    gtk_list_box_unselect_all (other);
}

static void
delete_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GlossAnnotationList *self = GLOSS_ANNOTATION_LIST (widget);
  GlossAnnotation *annotation = gloss_annotation_list_get_selected (self);

  if (annotation != NULL)
    gtk_widget_activate_action (widget, "win.delete-annotation", "x",
                                gloss_annotation_get_id (annotation));
}

static void
gloss_annotation_list_dispose (GObject *object)
{
  GlossAnnotationList *self = (GlossAnnotationList *) object;

  gloss_annotation_list_set_model (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_ANNOTATION_LIST);

  G_OBJECT_CLASS (gloss_annotation_list_parent_class)->dispose (object);
}

/* Hidden (the pane closed) before its next frame: no frame is coming. */
static void
gloss_annotation_list_unmap (GtkWidget *widget)
{
  GlossAnnotationList *self = (GlossAnnotationList *) widget;

  gloss_after_paint_unmapped (&self->building);

  GTK_WIDGET_CLASS (gloss_annotation_list_parent_class)->unmap (widget);
}

static void
gloss_annotation_list_class_init (GlossAnnotationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_annotation_list_dispose;
  widget_class->unmap = gloss_annotation_list_unmap;

  /**
   * GlossAnnotationList::annotation-activated:
   * @annotation: the annotation of the row
   *
   * A row was clicked or activated with the keyboard.
   */
  signals[ANNOTATION_ACTIVATED] =
    g_signal_new ("annotation-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, GLOSS_TYPE_ANNOTATION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/gloss-annotation-list.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationList, count_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationList, stack);
  gtk_widget_class_bind_template_child_full (widget_class, "anchored_list", FALSE,
                                             G_STRUCT_OFFSET (GlossAnnotationList, anchored.list));
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationList, orphan_heading);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationList, empty_hint);
  gtk_widget_class_bind_template_child_full (widget_class, "orphan_list", FALSE,
                                             G_STRUCT_OFFSET (GlossAnnotationList, orphans.list));

  gtk_widget_class_install_action (widget_class, "list.delete-selected", NULL,
                                   delete_selected_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "list.delete-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "list.delete-selected", NULL);
}

/* A hint a little longer than the pane is wide wrapped its last word
 * alone onto a line ("Select words and press C, D, E, Q or" / "N").
 * Capping its natural width at about half its length breaks it into two
 * lines of about the same length, in any language; a narrower pane still
 * wraps it further. */
#define BALANCE_FROM_CHARS 24

static void
balance_lines (GtkLabel *label)
{
  int n_chars = (int) g_utf8_strlen (gtk_label_get_label (label), -1);

  if (n_chars > BALANCE_FROM_CHARS)
    gtk_label_set_max_width_chars (label, (n_chars + 1) / 2 + 2);
}

static void
gloss_annotation_list_init (GlossAnnotationList *self)
{
  GtkEventController *shortcuts;
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  balance_lines (self->empty_hint);

  /* Return on a row opens its editor, through "win.edit-annotation"; W
   * changes its words, through "win.edit-range". */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, 0),
                                                   gtk_keyval_trigger_new (GDK_KEY_KP_Enter, 0)),
                      gtk_callback_action_new (edit_focused_row_cb, NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_w, 0),
                      gtk_callback_action_new (edit_focused_row_cb, GINT_TO_POINTER (TRUE), NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_enter_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  gtk_widget_set_layout_manager (GTK_WIDGET (self), gtk_custom_layout_new (NULL, measure_cb,
                                                                           allocate_cb));

  g_signal_connect_swapped (self->anchored.list, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect_swapped (self->orphans.list, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect (self->anchored.list, "row-selected", G_CALLBACK (row_selected_cb), self);
  g_signal_connect (self->orphans.list, "row-selected", G_CALLBACK (row_selected_cb), self);

  gloss_annotation_list_update (self);
}

static void
section_set_items (Section            *section,
                   GtkFilterListModel *items)
{
  g_clear_object (&section->items);
  section->items = items;
  section_clear (section);
}

/**
 * gloss_annotation_list_set_model:
 * @self: a #GlossAnnotationList
 * @model: (nullable): the open article's annotations
 */
void
gloss_annotation_list_set_model (GlossAnnotationList  *self,
                                 GlossAnnotationModel *model)
{
  GtkFilterListModel *anchored = NULL;
  GtkFilterListModel *orphans = NULL;

  g_return_if_fail (GLOSS_IS_ANNOTATION_LIST (self));
  g_return_if_fail (model == NULL || GLOSS_IS_ANNOTATION_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, links_changed_cb, self);
  if (self->anchored.items != NULL)
    g_signal_handlers_disconnect_by_func (self->anchored.items, anchored_changed_cb, self);
  if (self->orphans.items != NULL)
    g_signal_handlers_disconnect_by_func (self->orphans.items, orphans_changed_cb, self);
  gloss_after_paint_cancel (&self->building);
  g_set_object (&self->model, model);

  if (model != NULL)
    {
      GtkCustomFilter *anchored_filter = gtk_custom_filter_new (is_orphan, GINT_TO_POINTER (FALSE), NULL);
      GtkCustomFilter *orphan_filter = gtk_custom_filter_new (is_orphan, GINT_TO_POINTER (TRUE), NULL);

      anchored = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (model)),
                                            GTK_FILTER (anchored_filter));
      orphans = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (model)),
                                           GTK_FILTER (orphan_filter));
      g_signal_connect (anchored, "items-changed", G_CALLBACK (anchored_changed_cb), self);
      g_signal_connect (orphans, "items-changed", G_CALLBACK (orphans_changed_cb), self);
      g_signal_connect_swapped (model, "links-changed", G_CALLBACK (links_changed_cb), self);
    }

  section_set_items (&self->anchored, anchored);
  section_set_items (&self->orphans, orphans);
  schedule_build (self);
  gloss_annotation_list_update (self);
}

/**
 * gloss_annotation_list_set_unavailable:
 * @self: a #GlossAnnotationList
 * @unavailable: whether the library could not be opened
 *
 * Says so in the pane, instead of the empty state's invitation.
 */
void
gloss_annotation_list_set_unavailable (GlossAnnotationList *self,
                                       gboolean             unavailable)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_LIST (self));

  self->unavailable = !!unavailable;
  gloss_annotation_list_update (self);
}

/* Where @annotation is among the items of @section that have no row yet. */
static gboolean
section_find_unbuilt (Section         *section,
                      GlossAnnotation *annotation,
                      guint           *out_position)
{
  guint n_items = section_get_n_items (section);

  for (guint i = section->n_built; i < n_items; i++)
    {
      g_autoptr(GlossAnnotation) item = g_list_model_get_item (G_LIST_MODEL (section->items), i);

      if (item == annotation)
        {
          *out_position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * gloss_annotation_list_find_row:
 *
 * Builds the row first if it was still to come.
 *
 * Returns: (transfer none) (nullable): the row showing @annotation
 */
GlossAnnotationRow *
gloss_annotation_list_find_row (GlossAnnotationList *self,
                                GlossAnnotation     *annotation)
{
  GlossAnnotationRow *row;
  guint position;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_LIST (self), NULL);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), NULL);

  row = find_built_row (&self->anchored, annotation);
  if (row == NULL)
    row = find_built_row (&self->orphans, annotation);
  if (row != NULL)
    return row;

  if (section_find_unbuilt (&self->anchored, annotation, &position))
    {
      section_build (&self->anchored, position + 1);
      if (section_is_complete (&self->anchored))
        gloss_annotation_list_update (self);
      return GLOSS_ANNOTATION_ROW (gtk_list_box_get_row_at_index (self->anchored.list,
                                                                  (int) position));
    }

  if (section_find_unbuilt (&self->orphans, annotation, &position))
    {
      /* Orphans show only below every other row. */
      section_build (&self->anchored, G_MAXUINT);
      section_build (&self->orphans, position + 1);
      gloss_annotation_list_update (self);
      return GLOSS_ANNOTATION_ROW (gtk_list_box_get_row_at_index (self->orphans.list,
                                                                  (int) position));
    }

  return NULL;
}

/**
 * gloss_annotation_list_get_selected:
 *
 * Returns: (transfer none) (nullable): the annotation of the selected row
 */
GlossAnnotation *
gloss_annotation_list_get_selected (GlossAnnotationList *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_LIST (self), NULL);

  row = gtk_list_box_get_selected_row (self->anchored.list);
  if (row == NULL)
    row = gtk_list_box_get_selected_row (self->orphans.list);
  if (row == NULL)
    return NULL;

  return gloss_annotation_row_get_annotation (GLOSS_ANNOTATION_ROW (row));
}

void
gloss_annotation_list_select (GlossAnnotationList *self,
                              GlossAnnotation     *annotation)
{
  GlossAnnotationRow *row;

  g_return_if_fail (GLOSS_IS_ANNOTATION_LIST (self));
  g_return_if_fail (annotation == NULL || GLOSS_IS_ANNOTATION (annotation));

  row = annotation != NULL ? gloss_annotation_list_find_row (self, annotation) : NULL;
  if (row == NULL)
    {
      gtk_list_box_unselect_all (self->anchored.list);
      gtk_list_box_unselect_all (self->orphans.list);
      return;
    }

  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (row))),
                           GTK_LIST_BOX_ROW (row));
}

/**
 * gloss_annotation_list_get_page:
 *
 * Returns: which state the pane shows: "empty", "unavailable" or "list"
 */
const char *
gloss_annotation_list_get_page (GlossAnnotationList *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_LIST (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
