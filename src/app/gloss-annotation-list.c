/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-annotation-list"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-list.h"

/*
 * The side pane: the open article's annotations in document order, bound
 * to the GlossAnnotationModel so marking, editing and deleting show at
 * once.  Annotations whose words left the article (orphans) get their own
 * section below, with their stored quote.  Activating a row asks the
 * window to show its words; Return on a row opens its editor there, as a
 * click on the highlight does; Delete on a row deletes its annotation.  The
 * arrow keys move between the rows.
 */

struct _GlossAnnotationList
{
  AdwBin parent_instance;

  GlossAnnotationModel *model;
  GtkFilterListModel *anchored;
  GtkFilterListModel *orphans;
  gboolean unavailable;

  /* Template widgets */
  GtkLabel *count_label;
  GtkStack *stack;
  GtkListBox *anchored_list;
  GtkLabel *orphan_heading;
  GtkListBox *orphan_list;
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

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return gloss_annotation_row_new (GLOSS_ANNOTATION (item));
}

static void
gloss_annotation_list_update (GlossAnnotationList *self)
{
  guint n_anchored = self->anchored != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->anchored)) : 0;
  guint n_orphans = self->orphans != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->orphans)) : 0;
  guint total = n_anchored + n_orphans;

  if (self->unavailable)
    gtk_stack_set_visible_child_name (self->stack, "unavailable");
  else if (total == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");

  gtk_widget_set_visible (GTK_WIDGET (self->anchored_list), n_anchored > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->orphan_heading), n_orphans > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->orphan_list), n_orphans > 0);

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

static void
links_changed_cb (GlossAnnotationList *self,
                  GlossAnnotation     *annotation)
{
  GlossAnnotationRow *row = gloss_annotation_list_find_row (self, annotation);

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
 * links.  It runs in the capture phase: the list box would take Return
 * for activating the row. */
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
  gtk_widget_activate_action (widget, "win.edit-annotation", "x",
                              gloss_annotation_get_id (annotation));
  return TRUE;
}

/* One selection across both sections. */
static void
row_selected_cb (GtkListBox          *list,
                 GtkListBoxRow       *row,
                 GlossAnnotationList *self)
{
  GtkListBox *other = list == self->anchored_list ? self->orphan_list : self->anchored_list;

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

static void
gloss_annotation_list_class_init (GlossAnnotationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_annotation_list_dispose;

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
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationList, anchored_list);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationList, orphan_heading);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationList, orphan_list);

  gtk_widget_class_install_action (widget_class, "list.delete-selected", NULL,
                                   delete_selected_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "list.delete-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "list.delete-selected", NULL);
}

static void
gloss_annotation_list_init (GlossAnnotationList *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Return on a row opens its editor, through "win.edit-annotation". */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, 0),
                                                   gtk_keyval_trigger_new (GDK_KEY_KP_Enter, 0)),
                      gtk_callback_action_new (edit_focused_row_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  gtk_widget_set_layout_manager (GTK_WIDGET (self), gtk_custom_layout_new (NULL, measure_cb,
                                                                           allocate_cb));

  g_signal_connect_swapped (self->anchored_list, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect_swapped (self->orphan_list, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect (self->anchored_list, "row-selected", G_CALLBACK (row_selected_cb), self);
  g_signal_connect (self->orphan_list, "row-selected", G_CALLBACK (row_selected_cb), self);

  gloss_annotation_list_update (self);
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
  g_return_if_fail (GLOSS_IS_ANNOTATION_LIST (self));
  g_return_if_fail (model == NULL || GLOSS_IS_ANNOTATION_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, links_changed_cb, self);
  if (self->anchored != NULL)
    g_signal_handlers_disconnect_by_func (self->anchored, gloss_annotation_list_update, self);
  if (self->orphans != NULL)
    g_signal_handlers_disconnect_by_func (self->orphans, gloss_annotation_list_update, self);
  g_clear_object (&self->anchored);
  g_clear_object (&self->orphans);
  g_set_object (&self->model, model);

  if (model != NULL)
    {
      GtkCustomFilter *anchored_filter = gtk_custom_filter_new (is_orphan, GINT_TO_POINTER (FALSE), NULL);
      GtkCustomFilter *orphan_filter = gtk_custom_filter_new (is_orphan, GINT_TO_POINTER (TRUE), NULL);

      self->anchored = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (model)),
                                                  GTK_FILTER (anchored_filter));
      self->orphans = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (model)),
                                                 GTK_FILTER (orphan_filter));
      g_signal_connect_swapped (self->anchored, "items-changed",
                                G_CALLBACK (gloss_annotation_list_update), self);
      g_signal_connect_swapped (self->orphans, "items-changed",
                                G_CALLBACK (gloss_annotation_list_update), self);
      g_signal_connect_swapped (model, "links-changed", G_CALLBACK (links_changed_cb), self);
    }

  gtk_list_box_bind_model (self->anchored_list, G_LIST_MODEL (self->anchored), create_row, NULL, NULL);
  gtk_list_box_bind_model (self->orphan_list, G_LIST_MODEL (self->orphans), create_row, NULL, NULL);
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

static GlossAnnotationRow *
find_row_in (GtkListBox      *list,
             GlossAnnotation *annotation)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GLOSS_IS_ANNOTATION_ROW (child)
          && gloss_annotation_row_get_annotation (GLOSS_ANNOTATION_ROW (child)) == annotation)
        return GLOSS_ANNOTATION_ROW (child);
    }

  return NULL;
}

/**
 * gloss_annotation_list_find_row:
 *
 * Returns: (transfer none) (nullable): the row showing @annotation
 */
GlossAnnotationRow *
gloss_annotation_list_find_row (GlossAnnotationList *self,
                                GlossAnnotation     *annotation)
{
  GlossAnnotationRow *row;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION_LIST (self), NULL);
  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), NULL);

  row = find_row_in (self->anchored_list, annotation);
  if (row == NULL)
    row = find_row_in (self->orphan_list, annotation);

  return row;
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

  row = gtk_list_box_get_selected_row (self->anchored_list);
  if (row == NULL)
    row = gtk_list_box_get_selected_row (self->orphan_list);
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
      gtk_list_box_unselect_all (self->anchored_list);
      gtk_list_box_unselect_all (self->orphan_list);
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
