/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-annotation-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-editor.h"
#include "gloss-annotation-style.h"
#include "gloss-link-target-dialog.h"

/*
 * The popover that edits one annotation: kind, speaker, verdict (claims
 * only), note, links (to this article's annotations from the menu, to
 * another article's through gloss-link-target-dialog.c), Change Words
 * (gloss-window-range.c) and Delete.  There is no Save button: every change
 * goes through the GlossAnnotationModel to the store at once.  Typing is
 * saved half a second after it pauses, and whatever is pending is written
 * when the popover closes or the field loses focus, so nothing typed is
 * ever lost.
 */

#define TYPING_DELAY_MS 500
#define MENU_EXCERPT_CHARS 48

struct _GlossAnnotationEditor
{
  GtkPopover parent_instance;

  GlossAnnotationModel *model;
  GlossAnnotation *annotation;
  guint save_source;
  guint updating : 1;

  /* Template widgets */
  GtkLabel *quote_label;
  GtkToggleButton *claim_toggle;
  GtkToggleButton *denial_toggle;
  GtkToggleButton *evidence_toggle;
  GtkToggleButton *question_toggle;
  GtkToggleButton *note_toggle;
  GtkEntry *speaker_entry;
  GtkLabel *verdict_label;
  GtkDropDown *verdict_dropdown;
  GtkTextView *note_view;
  GtkMenuButton *add_link_button;
  GtkListBox *links_list;
  GtkLabel *no_links_label;
  GtkButton *range_button;
  GtkButton *delete_button;
};

G_DEFINE_FINAL_TYPE (GlossAnnotationEditor, gloss_annotation_editor, GTK_TYPE_POPOVER)

enum {
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkToggleButton *
toggle_for_kind (GlossAnnotationEditor *self,
                 GlossAnnotationKind    kind)
{
  switch (kind)
    {
    case GLOSS_ANNOTATION_DENIAL:
      return self->denial_toggle;
    case GLOSS_ANNOTATION_EVIDENCE:
      return self->evidence_toggle;
    case GLOSS_ANNOTATION_QUESTION:
      return self->question_toggle;
    case GLOSS_ANNOTATION_NOTE:
      return self->note_toggle;
    case GLOSS_ANNOTATION_CLAIM:
    default:
      return self->claim_toggle;
    }
}

static void
report_error (GlossAnnotationEditor *self,
              const GError          *error)
{
  g_signal_emit (self, signals[SAVE_FAILED], 0, error);
}

static void
save (GlossAnnotationEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!gloss_annotation_model_save (self->model, self->annotation, &error))
    report_error (self, error);
}

/* Writes what was typed, if it differs from what is stored. */
static void
flush_typing (GlossAnnotationEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *note = NULL;
  gboolean changed = FALSE;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->annotation == NULL || self->updating)
    return;

  buffer = gtk_text_view_get_buffer (self->note_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  changed |= gloss_annotation_set_note (self->annotation, note);
  changed |= gloss_annotation_set_speaker (self->annotation,
                                           gtk_editable_get_text (GTK_EDITABLE (self->speaker_entry)));
  if (changed)
    save (self);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  GlossAnnotationEditor *self = user_data;

  self->save_source = 0;
  flush_typing (self);

  return G_SOURCE_REMOVE;
}

static void
typing_cb (GlossAnnotationEditor *self)
{
  if (self->updating || self->annotation == NULL)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (TYPING_DELAY_MS, save_timeout_cb, self);
}

static void
kind_toggled_cb (GlossAnnotationEditor *self,
                 GtkToggleButton       *toggle)
{
  if (self->updating || self->annotation == NULL || !gtk_toggle_button_get_active (toggle))
    return;

  for (GlossAnnotationKind kind = 0; kind <= GLOSS_ANNOTATION_KIND_LAST; kind++)
    if (toggle_for_kind (self, kind) == toggle
        && gloss_annotation_set_kind (self->annotation, kind))
      save (self);
}

static void
verdict_selected_cb (GlossAnnotationEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->verdict_dropdown);

  if (self->updating || self->annotation == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (gloss_annotation_get_kind (self->annotation) != GLOSS_ANNOTATION_CLAIM)
    return;

  /* The list starts at "unrated", the first verdict after "none". */
  if (gloss_annotation_set_verdict (self->annotation, (GlossVerdict) (selected + 1)))
    save (self);
}

static void
remove_link_cb (GtkButton             *button,
                GlossAnnotationEditor *self)
{
  GlossRelation relation = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "relation"));
  gint64 *source_id = g_object_get_data (G_OBJECT (button), "source-id");
  gint64 *target_id = g_object_get_data (G_OBJECT (button), "target-id");
  GlossAnnotation *source;
  g_autoptr(GError) error = NULL;

  if (self->annotation == NULL || source_id == NULL || target_id == NULL)
    return;

  /* An incoming link belongs to the other annotation: removed there. */
  source = gloss_annotation_model_find (self->model, *source_id);
  if (source != NULL &&
      !gloss_annotation_model_remove_link (self->model, source, relation, *target_id, &error))
    report_error (self, error);
}

static gint64 *
dup_id (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

/* The far end of a link in another article, by its words and article,
 * as the store has them. */
static char *
dup_other_article_summary (GlossAnnotationEditor *self,
                           gint64                 other_id)
{
  g_autoptr(GPtrArray) entries = NULL;
  const GlossAnnotationEntry *entry;
  g_autofree char *excerpt = NULL;

  entries = gloss_store_list_annotation_entries (gloss_annotation_model_get_store (self->model),
                                                 &other_id, 1, NULL);
  if (entries == NULL || entries->len == 0)
    return g_strdup (_("An annotation of another article"));

  entry = g_ptr_array_index (entries, 0);
  if (g_utf8_strlen (entry->exact, -1) > MENU_EXCERPT_CHARS)
    {
      g_autofree char *start = g_utf8_substring (entry->exact, 0, MENU_EXCERPT_CHARS - 1);

      excerpt = g_strconcat (start, "…", NULL);
    }
  else
    excerpt = g_strdup (entry->exact);
  /* Translators: an annotation's kind, its words, then its article's title */
  return g_strdup_printf (_("%s: “%s”, in %s"), gloss_annotation_kind_get_label (entry->kind),
                          excerpt, entry->article_title);
}

/* One link, either way: @label is the relation as read from this
 * annotation (“Responds to”, or “Answered by” for an incoming one), @other
 * the annotation at the far end, @other_id (NULL: in another article).
 * The link itself is @source's, to @target_id; it can be removed when
 * @source is in this article. */
static GtkWidget *
create_link_row (GlossAnnotationEditor *self,
                 const char            *label_text,
                 GlossAnnotation       *other,
                 gint64                 other_id,
                 GlossAnnotation       *source,
                 GlossRelation          relation,
                 gint64                 target_id)
{
  g_autofree char *summary = other != NULL ? gloss_annotation_dup_summary (other, 80)
                                           : dup_other_article_summary (self, other_id);
  g_autofree char *row_label = NULL;
  GtkWidget *row, *box, *text, *relation_label, *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (box, "link-row");

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (text, TRUE);
  relation_label = gtk_label_new (label_text);
  gtk_label_set_xalign (GTK_LABEL (relation_label), 0);
  gtk_widget_add_css_class (relation_label, "caption-heading");
  gtk_widget_add_css_class (relation_label, "dim-label");
  label = gtk_label_new (summary);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_box_append (GTK_BOX (text), relation_label);
  gtk_box_append (GTK_BOX (text), label);
  gtk_box_append (GTK_BOX (box), text);

  if (source != NULL)
    {
      g_autofree char *remove_label = NULL;
      GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "circular");
      /* Translators: %s is a link's relation, such as “Responds to”, then the
       * annotation it points at */
      remove_label = g_strdup_printf (_("Remove Link: %s %s"), label_text, summary);
      gtk_widget_set_tooltip_text (button, _("Remove Link"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                      -1);
      g_object_set_data (G_OBJECT (button), "relation", GUINT_TO_POINTER (relation));
      g_object_set_data_full (G_OBJECT (button), "source-id",
                              dup_id (gloss_annotation_get_id (source)), g_free);
      g_object_set_data_full (G_OBJECT (button), "target-id", dup_id (target_id), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_link_cb), self);
      gtk_box_append (GTK_BOX (box), button);
    }

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* Translators: a link's relation, then the annotation it points at */
  row_label = g_strdup_printf (_("%s %s"), label_text, summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, row_label,
                                  -1);
  return row;
}

/* The targets offered: every other annotation of the article, by relation,
 * and last in each relation the chooser for another article's. */
static void
gloss_annotation_editor_update_link_menu (GlossAnnotationEditor *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  guint n_targets = 0;

  for (GlossRelation relation = 0; relation <= GLOSS_RELATION_LAST; relation++)
    {
      g_autoptr(GMenu) targets = g_menu_new ();

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(GlossAnnotation) other = g_list_model_get_item (G_LIST_MODEL (self->model), i);
          g_autoptr(GMenuItem) item = NULL;
          g_autofree char *excerpt = NULL;
          g_autofree char *label = NULL;

          if (other == self->annotation)
            continue;

          excerpt = gloss_annotation_dup_excerpt (other, MENU_EXCERPT_CHARS);
          /* Translators: a menu item: an annotation's glyph and kind, then its words */
          label = g_strdup_printf (_("%s %s: “%s”"),
                                   gloss_annotation_kind_get_glyph (gloss_annotation_get_kind (other)),
                                   gloss_annotation_kind_get_label (gloss_annotation_get_kind (other)),
                                   excerpt);
          item = g_menu_item_new (label, NULL);
          g_menu_item_set_action_and_target (item, "editor.add-link", "(sx)",
                                             gloss_relation_to_string (relation),
                                             gloss_annotation_get_id (other));
          g_menu_append_item (targets, item);
          if (relation == 0)
            n_targets++;
        }

      {
        g_autoptr(GMenu) elsewhere = g_menu_new ();
        g_autoptr(GMenu) submenu = g_menu_new ();
        g_autoptr(GMenuItem) item = g_menu_item_new (_("In _Another Article…"), NULL);

        g_menu_item_set_action_and_target (item, "editor.choose-link-target", "s",
                                           gloss_relation_to_string (relation));
        g_menu_append_item (elsewhere, item);
        g_menu_append_section (submenu, NULL, G_MENU_MODEL (targets));
        g_menu_append_section (submenu, NULL, G_MENU_MODEL (elsewhere));
        g_menu_append_submenu (menu, gloss_relation_get_label (relation), G_MENU_MODEL (submenu));
      }
    }

  gtk_menu_button_set_menu_model (self->add_link_button, G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_link_button),
                               n_targets > 0 ? _("Link to another annotation of this article or of another")
                                             : _("Link to an annotation of another article"));
}

/* The links this annotation makes, then those made to it (a link made by
 * an annotation of another article can be removed there only). */
static void
gloss_annotation_editor_update_links (GlossAnnotationEditor *self)
{
  GlossAnnotation *annotation = self->annotation;
  guint n_links, n_incoming;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->links_list))) != NULL)
    gtk_list_box_remove (self->links_list, child);

  if (annotation == NULL)
    return;

  n_links = gloss_annotation_get_n_links (annotation);
  for (guint i = 0; i < n_links; i++)
    {
      const GlossAnnotationLink *link = gloss_annotation_get_link (annotation, i);

      gtk_list_box_append (self->links_list,
                           create_link_row (self, gloss_relation_get_label (link->relation),
                                            gloss_annotation_model_find (self->model, link->target_id),
                                            link->target_id, annotation, link->relation,
                                            link->target_id));
    }

  n_incoming = gloss_annotation_get_n_incoming_links (annotation);
  for (guint i = 0; i < n_incoming; i++)
    {
      const GlossAnnotationLink *link = gloss_annotation_get_incoming_link (annotation, i);
      GlossAnnotation *source = gloss_annotation_model_find (self->model, link->target_id);

      gtk_list_box_append (self->links_list,
                           create_link_row (self, gloss_relation_get_incoming_label (link->relation),
                                            source, link->target_id, source, link->relation,
                                            gloss_annotation_get_id (annotation)));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->links_list), n_links + n_incoming > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_links_label), n_links + n_incoming == 0);
}

/* Shows the annotation's current values, without saving anything back. */
static void
gloss_annotation_editor_update (GlossAnnotationEditor *self)
{
  GlossAnnotation *annotation = self->annotation;
  GlossAnnotationKind kind;
  GlossVerdict verdict;
  g_autofree char *excerpt = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *summary = NULL;

  if (annotation == NULL)
    return;

  self->updating = TRUE;

  kind = gloss_annotation_get_kind (annotation);
  verdict = gloss_annotation_get_verdict (annotation);
  excerpt = gloss_annotation_dup_excerpt (annotation, 160);
  quote = g_strdup_printf (_("“%s”"), excerpt);
  gtk_label_set_label (self->quote_label, quote);

  /* Said as the popover opens: which annotation is being edited. */
  summary = gloss_annotation_dup_summary (annotation, 160);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);

  gtk_toggle_button_set_active (toggle_for_kind (self, kind), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_label), kind == GLOSS_ANNOTATION_CLAIM);
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_dropdown), kind == GLOSS_ANNOTATION_CLAIM);
  if (verdict != GLOSS_VERDICT_NONE)
    gtk_drop_down_set_selected (self->verdict_dropdown, verdict - 1);

  self->updating = FALSE;
}

static void
annotation_notify_cb (GlossAnnotationEditor *self,
                      GParamSpec            *pspec)
{
  /* Typed fields are not refreshed under the user's fingers. */
  if (g_strcmp0 (pspec->name, "note") != 0 && g_strcmp0 (pspec->name, "speaker") != 0)
    gloss_annotation_editor_update (self);
}

static void
links_changed_cb (GlossAnnotationEditor *self,
                  GlossAnnotation       *annotation)
{
  /* The model also signals the target of a link made or removed. */
  if (annotation == self->annotation)
    gloss_annotation_editor_update_links (self);
}

static void
model_items_changed_cb (GlossAnnotationEditor *self)
{
  gloss_annotation_editor_update_link_menu (self);
  gloss_annotation_editor_update_links (self);
}

static void
add_link_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GlossAnnotationEditor *self = GLOSS_ANNOTATION_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  const char *relation_name;
  GlossRelation relation;
  GlossAnnotation *target;
  gint64 target_id;

  if (self->annotation == NULL)
    return;

  g_variant_get (parameter, "(&sx)", &relation_name, &target_id);
  target = gloss_annotation_model_find (self->model, target_id);
  if (!gloss_relation_from_string (relation_name, &relation) || target == NULL)
    return;

  if (!gloss_annotation_model_add_link (self->model, self->annotation, relation, target, &error))
    report_error (self, error);
}

static void
link_target_chosen_cb (GlossLinkTargetDialog *dialog,
                       gint64                 target_id,
                       GlossAnnotationEditor *self)
{
  gint64 *annotation_id = g_object_get_data (G_OBJECT (dialog), "annotation-id");
  GlossAnnotation *annotation;
  g_autoptr(GError) error = NULL;

  /* By id: the model may have been read again while the dialog was open. */
  if (self->model == NULL || annotation_id == NULL)
    return;
  annotation = gloss_annotation_model_find (self->model, *annotation_id);
  if (annotation == NULL)
    return;

  if (!gloss_annotation_model_add_link_to_id (self->model, annotation,
                                              gloss_link_target_dialog_get_relation (dialog),
                                              target_id, &error))
    report_error (self, error);
}

static void
choose_link_target_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  GlossAnnotationEditor *self = GLOSS_ANNOTATION_EDITOR (widget);
  GlossLinkTargetDialog *dialog;
  GlossRelation relation;
  GtkRoot *root;

  if (self->annotation == NULL ||
      !gloss_relation_from_string (g_variant_get_string (parameter, NULL), &relation))
    return;

  root = gtk_widget_get_root (widget);
  dialog = gloss_link_target_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         gloss_annotation_model_get_store (self->model),
                                         gloss_annotation_get_article_id (self->annotation),
                                         relation);
  g_object_set_data_full (G_OBJECT (dialog), "annotation-id",
                          dup_id (gloss_annotation_get_id (self->annotation)), g_free);
  g_signal_connect_object (dialog, "target-chosen", G_CALLBACK (link_target_chosen_cb), self, 0);
  gtk_popover_popdown (GTK_POPOVER (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
focus_leave_cb (GlossAnnotationEditor *self)
{
  flush_typing (self);
}

static void
gloss_annotation_editor_closed (GtkPopover *popover)
{
  flush_typing (GLOSS_ANNOTATION_EDITOR (popover));
}

static void
gloss_annotation_editor_dispose (GObject *object)
{
  GlossAnnotationEditor *self = (GlossAnnotationEditor *) object;

  gloss_annotation_editor_set_annotation (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_ANNOTATION_EDITOR);

  G_OBJECT_CLASS (gloss_annotation_editor_parent_class)->dispose (object);
}

static void
gloss_annotation_editor_class_init (GlossAnnotationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkPopoverClass *popover_class = GTK_POPOVER_CLASS (klass);

  object_class->dispose = gloss_annotation_editor_dispose;
  popover_class->closed = gloss_annotation_editor_closed;

  /**
   * GlossAnnotationEditor::save-failed:
   * @error: why
   *
   * A change could not be written to the library.
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/gloss-annotation-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationEditor, quote_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationEditor, claim_toggle);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationEditor, denial_toggle);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationEditor, evidence_toggle);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationEditor, question_toggle);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationEditor, note_toggle);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationEditor, speaker_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationEditor, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationEditor, verdict_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationEditor, note_view);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationEditor, add_link_button);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationEditor, links_list);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationEditor, no_links_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationEditor, range_button);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationEditor, delete_button);

  gtk_widget_class_install_action (widget_class, "editor.add-link", "(sx)", add_link_action);
  gtk_widget_class_install_action (widget_class, "editor.choose-link-target", "s",
                                   choose_link_target_action);
}

static void
gloss_annotation_editor_init (GlossAnnotationEditor *self)
{
  g_autoptr(GtkStringList) verdicts = gtk_string_list_new (NULL);
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (GlossVerdict verdict = GLOSS_VERDICT_UNRATED; verdict <= GLOSS_VERDICT_LAST; verdict++)
    gtk_string_list_append (verdicts, gloss_verdict_get_label (verdict));
  gtk_drop_down_set_model (self->verdict_dropdown, G_LIST_MODEL (verdicts));

  for (GlossAnnotationKind kind = 0; kind <= GLOSS_ANNOTATION_KIND_LAST; kind++)
    g_signal_connect_swapped (toggle_for_kind (self, kind), "toggled",
                              G_CALLBACK (kind_toggled_cb), self);
  g_signal_connect_swapped (self->verdict_dropdown, "notify::selected",
                            G_CALLBACK (verdict_selected_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->note_view), "changed",
                            G_CALLBACK (typing_cb), self);
  g_signal_connect_swapped (self->speaker_entry, "changed", G_CALLBACK (typing_cb), self);
  g_signal_connect_swapped (self->speaker_entry, "activate", G_CALLBACK (flush_typing), self);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->note_view), focus);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->speaker_entry), focus);
}

GtkWidget *
gloss_annotation_editor_new (void)
{
  return g_object_new (GLOSS_TYPE_ANNOTATION_EDITOR, NULL);
}

/**
 * gloss_annotation_editor_set_annotation:
 * @self: a #GlossAnnotationEditor
 * @model: (nullable): the model @annotation belongs to
 * @annotation: (nullable): the annotation to edit
 *
 * Whatever was typed for the previous annotation is saved first.
 */
void
gloss_annotation_editor_set_annotation (GlossAnnotationEditor *self,
                                        GlossAnnotationModel  *model,
                                        GlossAnnotation       *annotation)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_EDITOR (self));
  g_return_if_fail (model == NULL || GLOSS_IS_ANNOTATION_MODEL (model));
  g_return_if_fail (annotation == NULL || GLOSS_IS_ANNOTATION (annotation));
  g_return_if_fail ((model == NULL) == (annotation == NULL));

  flush_typing (self);

  if (self->annotation != NULL)
    g_signal_handlers_disconnect_by_func (self->annotation, annotation_notify_cb, self);
  if (self->model != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->model, links_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
    }
  g_set_object (&self->annotation, annotation);
  g_set_object (&self->model, model);

  if (annotation == NULL)
    return;

  g_signal_connect_swapped (annotation, "notify", G_CALLBACK (annotation_notify_cb), self);
  g_signal_connect_swapped (model, "links-changed", G_CALLBACK (links_changed_cb), self);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (model_items_changed_cb), self);

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->speaker_entry),
                         gloss_annotation_get_speaker (annotation) != NULL
                         ? gloss_annotation_get_speaker (annotation) : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view),
                            gloss_annotation_get_note (annotation) != NULL
                            ? gloss_annotation_get_note (annotation) : "", -1);
  self->updating = FALSE;

  /* The target first: the action takes an id, and has none until now. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "x",
                                    gloss_annotation_get_id (annotation));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_button), "win.delete-annotation");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->range_button), "x",
                                    gloss_annotation_get_id (annotation));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->range_button), "win.edit-range");
  gloss_annotation_editor_update (self);
  gloss_annotation_editor_update_links (self);
  gloss_annotation_editor_update_link_menu (self);
}

/**
 * gloss_annotation_editor_get_annotation:
 *
 * Returns: (transfer none) (nullable): the annotation edited
 */
GlossAnnotation *
gloss_annotation_editor_get_annotation (GlossAnnotationEditor *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_EDITOR (self), NULL);

  return self->annotation;
}

/**
 * gloss_annotation_editor_flush:
 *
 * Saves what was typed and not yet saved.
 */
void
gloss_annotation_editor_flush (GlossAnnotationEditor *self)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_EDITOR (self));

  flush_typing (self);
}
