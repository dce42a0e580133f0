/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-suggestions-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-style.h"
#include "gloss-suggestions-pane.h"
#include "gloss-window.h"

/*
 * The Suggestions pane: the suggestions of the article shown, in document
 * order, each with what it is (claim, denial, worth checking), who says it
 * and the sentence, and Accept and Dismiss.  A or Enter on a row's button
 * accepts, Delete dismisses; Accept Claims accepts every suggested claim
 * and Accept Every Suggestion (its menu) every one, each with an Undo
 * toast, as Dismiss has.  Activating a row shows its sentence in the
 * reader (the "suggestion-activated" signal).
 */

struct _GlossSuggestionsPane
{
  AdwBin parent_instance;

  GlossSuggestionModel *model;

  /* Template widgets */
  GtkLabel   *count_label;
  AdwSplitButton *accept_all_button;
  GtkStack   *stack;
  GtkSpinner *spinner;
  AdwStatusPage *unavailable_page;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (GlossSuggestionsPane, gloss_suggestions_pane, ADW_TYPE_BIN)

enum {
  SUGGESTION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ITEM_KEY "gloss-suggestion-item"

static void
show_toast (GlossSuggestionsPane *self,
            AdwToast             *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GLOSS_IS_WINDOW (root))
    gloss_window_add_toast (GLOSS_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void show_error (GlossSuggestionsPane *self,
                        const char           *format,
                        ...) G_GNUC_PRINTF (2, 3);

static void
show_error (GlossSuggestionsPane *self,
            const char           *format,
            ...)
{
  g_autofree char *message = NULL;
  AdwToast *toast;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  toast = adw_toast_new (message);

  /* A failure stays until it is read. */
  adw_toast_set_timeout (toast, 0);
  show_toast (self, toast);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  GlossSuggestionItem *suggestion = item;
  g_autofree char *description = gloss_suggestion_item_dup_description (suggestion);
  g_autofree char *accessible = NULL;
  GVariant *target = g_variant_new_uint32 (gloss_suggestion_item_get_index (suggestion));
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *kind_label = gtk_label_new (description);
  GtkWidget *text_label = gtk_label_new (gloss_suggestion_item_get_text (suggestion));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *accept = gtk_button_new_with_label (_("Accept"));
  GtkWidget *dismiss = gtk_button_new_with_label (_("Dismiss"));

  gtk_widget_add_css_class (row, "suggestion-row");
  if (gloss_suggestion_item_is_attributed (suggestion))
    gtk_widget_add_css_class (row, gloss_annotation_kind_get_css_class (
                                gloss_suggestion_item_get_kind (suggestion)));

  gtk_label_set_xalign (GTK_LABEL (kind_label), 0);
  gtk_label_set_wrap (GTK_LABEL (kind_label), TRUE);
  gtk_widget_set_hexpand (kind_label, TRUE);
  gtk_widget_add_css_class (kind_label, "heading");
  gtk_widget_add_css_class (kind_label, "kind-name");
  gtk_box_append (GTK_BOX (heading), kind_label);
  if (gloss_suggestion_item_is_checkworthy (suggestion)
      && gloss_suggestion_item_is_attributed (suggestion))
    {
      GtkWidget *chip = gtk_label_new (_("Worth checking"));

      gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (chip, "suggestion-chip");
      gtk_box_append (GTK_BOX (heading), chip);
    }
  gtk_box_append (GTK_BOX (box), heading);

  gtk_label_set_xalign (GTK_LABEL (text_label), 0);
  gtk_label_set_wrap (GTK_LABEL (text_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (text_label), 5);
  gtk_label_set_ellipsize (GTK_LABEL (text_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (text_label), 40);
  gtk_widget_add_css_class (text_label, "annotation-quote");
  gtk_box_append (GTK_BOX (box), text_label);

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (dismiss), "suggestions.dismiss");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (dismiss), target);
  gtk_widget_set_tooltip_text (dismiss, _("Not a claim worth keeping (Delete)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dismiss),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_add_css_class (dismiss, "flat");
  gtk_box_append (GTK_BOX (buttons), dismiss);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (accept), "suggestions.accept");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (accept), target);
  gtk_widget_set_tooltip_text (accept, _("Make it an annotation (A)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (accept),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_box_append (GTK_BOX (buttons), accept);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* Translators: a suggestion read out: its kind and speaker, then the sentence */
  accessible = g_strdup_printf (_("%s: %s"), description, gloss_suggestion_item_get_text (suggestion));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (row), ITEM_KEY, g_object_ref (suggestion), g_object_unref);

  return row;
}

static void
update_page (GlossSuggestionsPane *self)
{
  GlossSuggestionState state = self->model != NULL ? gloss_suggestion_model_get_state (self->model)
                                                   : GLOSS_SUGGESTION_STATE_OFF;
  guint n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  const char *page;

  switch (state)
    {
    case GLOSS_SUGGESTION_STATE_COMPUTING:
      page = "computing";
      break;

    case GLOSS_SUGGESTION_STATE_UNAVAILABLE:
      page = "unavailable";
      adw_status_page_set_description (self->unavailable_page,
                                       gloss_suggestion_model_get_message (self->model));
      break;

    case GLOSS_SUGGESTION_STATE_READY:
      page = n > 0 ? "list" : "empty";
      break;

    case GLOSS_SUGGESTION_STATE_OFF:
    default:
      page = "off";
      break;
    }

  if (state == GLOSS_SUGGESTION_STATE_READY && n > 0)
    {
      g_autofree char *count = g_strdup_printf ("%u", n);

      gtk_label_set_label (self->count_label, count);
    }
  else
    {
      gtk_label_set_label (self->count_label, "");
    }

  gtk_spinner_set_spinning (self->spinner, state == GLOSS_SUGGESTION_STATE_COMPUTING);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "suggestions.accept-all",
                                 state == GLOSS_SUGGESTION_STATE_READY && n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "suggestions.accept-claims",
                                 state == GLOSS_SUGGESTION_STATE_READY && self->model != NULL
                                 && gloss_suggestion_model_count_claims (self->model) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->accept_all_button),
                          state == GLOSS_SUGGESTION_STATE_READY && n > 0);
  gtk_stack_set_visible_child_name (self->stack, page);
}

static GlossSuggestionItem *
get_row_item (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), ITEM_KEY) : NULL;
}

/* The row holding the keyboard focus, if the focus is in the list. */
static GtkListBoxRow *
get_focus_row (GlossSuggestionsPane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list)))
    return NULL;

  row = GTK_IS_LIST_BOX_ROW (focus) ? focus
                                    : gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  return row != NULL ? GTK_LIST_BOX_ROW (row) : NULL;
}

/* After a row left the list, the keyboard goes on from the row that took
 * its place. */
static void
focus_row_at (GlossSuggestionsPane *self,
              int                   index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, index);

  if (row == NULL && index > 0)
    row = gtk_list_box_get_row_at_index (self->list, index - 1);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->list));
}

static GlossSuggestionItem *
find_item (GlossSuggestionsPane *self,
           GVariant             *param)
{
  if (self->model == NULL || param == NULL)
    return NULL;

  return gloss_suggestion_model_find (self->model, g_variant_get_uint32 (param));
}

static void
accept (GlossSuggestionsPane *self,
        GlossSuggestionItem  *item)
{
  GtkListBoxRow *row = gloss_suggestions_pane_find_row (self, item);
  gboolean had_focus = row != NULL && get_focus_row (self) == row;
  int index = row != NULL ? gtk_list_box_row_get_index (row) : -1;
  g_autoptr(GError) error = NULL;

  if (gloss_suggestion_model_accept (self->model, item, &error) == NULL)
    {
      /* Translators: %s says why */
      show_error (self, _("Could not accept the suggestion: %s"), error->message);
      return;
    }
  if (had_focus)
    focus_row_at (self, index);
}

static void
toast_restore_dismissed_cb (AdwToast             *toast,
                            GlossSuggestionsPane *self)
{
  GlossSuggestionItem *item = g_object_get_data (G_OBJECT (toast), ITEM_KEY);
  GlossSuggestionModel *model = g_object_get_data (G_OBJECT (toast), "gloss-model");
  g_autoptr(GError) error = NULL;

  /* The article shown since is another: the Undo is for the old one. */
  if (model != self->model || item == NULL)
    return;
  if (!gloss_suggestion_model_restore (model, item, &error))
    /* Translators: %s says why */
    show_error (self, _("Could not bring the suggestion back: %s"), error->message);
}

static void
dismiss (GlossSuggestionsPane *self,
         GlossSuggestionItem  *item)
{
  GtkListBoxRow *row = gloss_suggestions_pane_find_row (self, item);
  gboolean had_focus = row != NULL && get_focus_row (self) == row;
  int index = row != NULL ? gtk_list_box_row_get_index (row) : -1;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!gloss_suggestion_model_dismiss (self->model, item, &error))
    {
      /* Translators: %s says why */
      show_error (self, _("Could not dismiss the suggestion: %s"), error->message);
      return;
    }
  if (had_focus)
    focus_row_at (self, index);

  toast = adw_toast_new (_("Suggestion dismissed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), ITEM_KEY, g_object_ref (item), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "gloss-model", g_object_ref (self->model),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (toast_restore_dismissed_cb),
                           self, 0);
  show_toast (self, toast);
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GlossSuggestionsPane *self = GLOSS_SUGGESTIONS_PANE (widget);
  GlossSuggestionItem *item = find_item (self, param);

  if (item != NULL)
    accept (self, item);
}

static void
dismiss_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  GlossSuggestionsPane *self = GLOSS_SUGGESTIONS_PANE (widget);
  GlossSuggestionItem *item = find_item (self, param);

  if (item != NULL)
    dismiss (self, item);
}

/* A and Delete act on the suggestion whose row holds the focus. */
static gboolean
accept_focused_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  GlossSuggestionsPane *self = GLOSS_SUGGESTIONS_PANE (widget);
  GlossSuggestionItem *item = get_row_item (get_focus_row (self));

  if (item == NULL)
    return FALSE;
  accept (self, item);
  return TRUE;
}

static gboolean
dismiss_focused_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  GlossSuggestionsPane *self = GLOSS_SUGGESTIONS_PANE (widget);
  GlossSuggestionItem *item = get_row_item (get_focus_row (self));

  if (item == NULL)
    return FALSE;
  dismiss (self, item);
  return TRUE;
}

static void
toast_undo_accept_all_cb (AdwToast             *toast,
                          GlossSuggestionsPane *self)
{
  GPtrArray *made = g_object_get_data (G_OBJECT (toast), "gloss-made");
  GlossSuggestionModel *model = g_object_get_data (G_OBJECT (toast), "gloss-model");
  GlossAnnotationModel *annotations;

  if (model != self->model || made == NULL)
    return;
  annotations = gloss_suggestion_model_get_annotations (model);
  if (annotations == NULL)
    return;

  /* Newest first, so a denial goes before the claim it answers; one
   * change for Ctrl+Z (Redo accepts them again). */
  gloss_annotation_history_begin_group (gloss_annotation_model_get_history (annotations));
  for (guint i = made->len; i > 0; i--)
    {
      GlossAnnotation *annotation = g_ptr_array_index (made, i - 1);
      g_autoptr(GlossDeletedAnnotation) deleted = NULL;
      g_autoptr(GError) error = NULL;

      /* Deleted by hand meanwhile */
      if (gloss_annotation_model_find (annotations, gloss_annotation_get_id (annotation)) == NULL)
        continue;
      deleted = gloss_annotation_model_delete (annotations, annotation, &error);
      if (deleted == NULL)
        {
          /* Translators: %s says why */
          show_error (self, _("Could not undo: %s"), error->message);
          break;
        }
    }
  gloss_annotation_history_end_group (gloss_annotation_model_get_history (annotations));
}

/* Accept All and Accept Claims: every annotation made goes in one toast's
 * Undo. */
static void
accept_many (GlossSuggestionsPane *self,
             gboolean              claims_only)
{
  g_autoptr(GPtrArray) made = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (self->model == NULL)
    return;

  made = claims_only ? gloss_suggestion_model_accept_claims (self->model, &error)
                     : gloss_suggestion_model_accept_all (self->model, &error);
  if (made == NULL)
    {
      /* Translators: %s says why */
      show_error (self, _("Could not accept the suggestions: %s"), error->message);
      return;
    }
  if (made->len == 0)
    return;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u suggestion accepted",
                                        "%u suggestions accepted", made->len),
                           made->len);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "gloss-made", g_steal_pointer (&made),
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (toast), "gloss-model", g_object_ref (self->model),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (toast_undo_accept_all_cb),
                           self, 0);
  show_toast (self, toast);
}

static void
accept_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  accept_many (GLOSS_SUGGESTIONS_PANE (widget), FALSE);
}

static void
accept_claims_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  accept_many (GLOSS_SUGGESTIONS_PANE (widget), TRUE);
}

/* Rows exist only while the pane is on screen: a long article can have
 * thousands of suggestions, and a hidden pane should cost nothing when
 * they arrive. */
static void
bind_rows (GlossSuggestionsPane *self)
{
  GListModel *model = self->model != NULL && gtk_widget_get_mapped (GTK_WIDGET (self))
                      ? G_LIST_MODEL (self->model) : NULL;

  gtk_list_box_bind_model (self->list, model, model != NULL ? create_row : NULL, NULL, NULL);
}

static void
gloss_suggestions_pane_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (gloss_suggestions_pane_parent_class)->map (widget);
  bind_rows (GLOSS_SUGGESTIONS_PANE (widget));
}

static void
gloss_suggestions_pane_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (gloss_suggestions_pane_parent_class)->unmap (widget);
  bind_rows (GLOSS_SUGGESTIONS_PANE (widget));
}

static void
row_activated_cb (GlossSuggestionsPane *self,
                  GtkListBoxRow        *row)
{
  GlossSuggestionItem *item = get_row_item (row);

  if (item != NULL)
    g_signal_emit (self, signals[SUGGESTION_ACTIVATED], 0, item);
}

static void
gloss_suggestions_pane_dispose (GObject *object)
{
  GlossSuggestionsPane *self = (GlossSuggestionsPane *) object;

  gloss_suggestions_pane_set_model (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_SUGGESTIONS_PANE);

  G_OBJECT_CLASS (gloss_suggestions_pane_parent_class)->dispose (object);
}

static void
gloss_suggestions_pane_class_init (GlossSuggestionsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_suggestions_pane_dispose;
  widget_class->map = gloss_suggestions_pane_map;
  widget_class->unmap = gloss_suggestions_pane_unmap;

  /**
   * GlossSuggestionsPane::suggestion-activated:
   * @self: the pane
   * @item: the #GlossSuggestionItem of the row
   *
   * A row was activated: its sentence should be shown.
   */
  signals[SUGGESTION_ACTIVATED] =
    g_signal_new ("suggestion-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GLOSS_TYPE_SUGGESTION_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/gloss-suggestions-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossSuggestionsPane, count_label);
  gtk_widget_class_bind_template_child (widget_class, GlossSuggestionsPane, accept_all_button);
  gtk_widget_class_bind_template_child (widget_class, GlossSuggestionsPane, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossSuggestionsPane, spinner);
  gtk_widget_class_bind_template_child (widget_class, GlossSuggestionsPane, unavailable_page);
  gtk_widget_class_bind_template_child (widget_class, GlossSuggestionsPane, list);

  gtk_widget_class_install_action (widget_class, "suggestions.accept", "u", accept_action);
  gtk_widget_class_install_action (widget_class, "suggestions.dismiss", "u", dismiss_action);
  gtk_widget_class_install_action (widget_class, "suggestions.accept-all", NULL, accept_all_action);
  gtk_widget_class_install_action (widget_class, "suggestions.accept-claims", NULL, accept_claims_action);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_a, 0, accept_focused_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, dismiss_focused_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Delete, 0, dismiss_focused_cb, NULL);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gloss_suggestions_pane_init (GlossSuggestionsPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Suggestions"), -1);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  update_page (self);
}

GlossSuggestionModel *
gloss_suggestions_pane_get_model (GlossSuggestionsPane *self)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTIONS_PANE (self), NULL);

  return self->model;
}

/**
 * gloss_suggestions_pane_set_model:
 * @self: a #GlossSuggestionsPane
 * @model: (nullable): the suggestions to list
 */
void
gloss_suggestions_pane_set_model (GlossSuggestionsPane *self,
                                  GlossSuggestionModel *model)
{
  g_return_if_fail (GLOSS_IS_SUGGESTIONS_PANE (self));
  g_return_if_fail (model == NULL || GLOSS_IS_SUGGESTION_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, update_page, self);
  g_set_object (&self->model, model);
  bind_rows (self);
  if (model != NULL)
    {
      g_signal_connect_swapped (model, "notify::state", G_CALLBACK (update_page), self);
      g_signal_connect_swapped (model, "notify::message", G_CALLBACK (update_page), self);
      g_signal_connect_swapped (model, "notify::n-items", G_CALLBACK (update_page), self);
    }
  update_page (self);
}

/**
 * gloss_suggestions_pane_get_page:
 *
 * Returns: what the pane shows: "off", "computing", "unavailable",
 *   "empty" or "list"
 */
const char *
gloss_suggestions_pane_get_page (GlossSuggestionsPane *self)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTIONS_PANE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * gloss_suggestions_pane_find_row:
 *
 * Returns: (transfer none) (nullable): the row listing @item
 */
GtkListBoxRow *
gloss_suggestions_pane_find_row (GlossSuggestionsPane *self,
                                 GlossSuggestionItem  *item)
{
  g_return_val_if_fail (GLOSS_IS_SUGGESTIONS_PANE (self), NULL);

  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);

      if (row == NULL)
        return NULL;
      if (get_row_item (row) == item)
        return row;
    }
}

/**
 * gloss_suggestions_pane_show_item:
 * @self: a #GlossSuggestionsPane
 * @item: a suggestion of the pane's model
 *
 * Selects @item's row and scrolls the list to it, leaving the keyboard
 * where it is (a click in the reader keeps its place in the text).
 * Nothing happens while the pane is hidden: it has no rows then.
 */
void
gloss_suggestions_pane_show_item (GlossSuggestionsPane *self,
                                  GlossSuggestionItem  *item)
{
  GtkListBoxRow *row;
  GtkWidget *scroller;
  graphene_rect_t bounds;

  g_return_if_fail (GLOSS_IS_SUGGESTIONS_PANE (self));
  g_return_if_fail (GLOSS_IS_SUGGESTION_ITEM (item));

  row = gloss_suggestions_pane_find_row (self, item);
  if (row == NULL)
    return;

  gtk_list_box_select_row (self->list, row);
  scroller = gtk_widget_get_ancestor (GTK_WIDGET (self->list), GTK_TYPE_SCROLLED_WINDOW);
  if (scroller != NULL && gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->list), &bounds))
    gtk_adjustment_clamp_page (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                               bounds.origin.y, bounds.origin.y + bounds.size.height);
}
