/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-link-target-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-style.h"
#include "gloss-link-target-dialog.h"

/*
 * Choosing the far end of a link in another article: the editor's link
 * menu lists this article's annotations only, so evidence from a second
 * story is found here, by the words of its quote, note or speaker (the
 * query All Annotations uses).  The newest come first while nothing is
 * typed.  Enter in the search picks the first match, the arrow keys and
 * Enter any other; Escape closes without linking.
 *
 * The query runs on the main thread: it reads one page of matches (the
 * search entry already waits for a pause in the typing), unlike All
 * Annotations, which counts and lists every match of a large library on a
 * worker.
 */

/* Annotations of the article being edited are in the editor's menu, so
 * more are read than shown, to fill the list after leaving them out. */
#define N_SHOWN 50
#define N_READ 200
#define EXCERPT_CHARS 120

struct _GlossLinkTargetDialog
{
  AdwWindow parent_instance;

  GlossStore *store;
  gint64 article_id;
  GlossRelation relation;
  char *searched;

  AdwWindowTitle *title;
  GtkSearchEntry *search_entry;
  GtkListBox *list;
  GtkLabel *placeholder;
};

G_DEFINE_FINAL_TYPE (GlossLinkTargetDialog, gloss_link_target_dialog, ADW_TYPE_WINDOW)

enum {
  TARGET_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_excerpt (const char *text)
{
  if (g_utf8_strlen (text, -1) <= EXCERPT_CHARS)
    return g_strdup (text);

  g_autofree char *start = g_utf8_substring (text, 0, EXCERPT_CHARS - 1);

  return g_strconcat (start, "…", NULL);
}

static GtkWidget *
create_row (const GlossAnnotationEntry *entry)
{
  g_autofree char *excerpt = dup_excerpt (entry->exact);
  g_autofree char *heading = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *row, *box, *label;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  /* Translators: an annotation's glyph and kind, then its article's title */
  heading = g_strdup_printf (_("%s %s · %s"),
                             gloss_annotation_kind_get_glyph (entry->kind),
                             gloss_annotation_kind_get_label (entry->kind),
                             entry->article_title);
  label = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  quote = g_strdup_printf (_("“%s”"), excerpt);
  label = gtk_label_new (quote);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* Translators: an annotation's kind, its words, then its article's title */
  accessible = g_strdup_printf (_("%s: “%s”, in %s"),
                                gloss_annotation_kind_get_label (entry->kind), excerpt,
                                entry->article_title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "annotation-id",
                          g_memdup2 (&entry->id, sizeof entry->id), g_free);
  return row;
}

static void
run_search (GlossLinkTargetDialog *self,
            const char            *text)
{
  GlossAnnotationQuery query = GLOSS_ANNOTATION_QUERY_INIT;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;
  guint n_shown = 0;

  if (self->searched != NULL && g_strcmp0 (self->searched, text) == 0)
    return;
  g_free (self->searched);
  self->searched = g_strdup (text);

  /* Rows only: the placeholder is a child too. */
  while ((row = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (row));

  query.text = text != NULL && *text != '\0' ? text : NULL;
  entries = gloss_store_list_all_annotations (self->store, &query, 0, N_READ, &error);
  if (entries == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why */
      message = g_strdup_printf (_("Could not read the annotations: %s"), error->message);
      gtk_label_set_label (self->placeholder, message);
      return;
    }

  for (guint i = 0; i < entries->len && n_shown < N_SHOWN; i++)
    {
      const GlossAnnotationEntry *entry = g_ptr_array_index (entries, i);

      if (entry->article_id == self->article_id)
        continue;
      gtk_list_box_append (self->list, create_row (entry));
      n_shown++;
    }

  gtk_label_set_label (self->placeholder,
                       query.text != NULL
                       ? _("No annotation of another article has these words")
                       : _("Other articles have no annotations yet"));
}

static void
search_changed_cb (GlossLinkTargetDialog *self)
{
  run_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
choose (GlossLinkTargetDialog *self,
        GtkListBoxRow         *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "annotation-id");

  if (id == NULL)
    return;

  g_signal_emit (self, signals[TARGET_CHOSEN], 0, *id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
row_activated_cb (GlossLinkTargetDialog *self,
                  GtkListBoxRow         *row)
{
  choose (self, row);
}

/* Enter in the search picks the first match, as in a launcher. */
static void
search_activate_cb (GlossLinkTargetDialog *self)
{
  GtkListBoxRow *row;

  search_changed_cb (self);
  row = gtk_list_box_get_row_at_index (self->list, 0);
  if (row != NULL)
    choose (self, row);
}

static void
stop_search_cb (GlossLinkTargetDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
gloss_link_target_dialog_finalize (GObject *object)
{
  GlossLinkTargetDialog *self = (GlossLinkTargetDialog *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->searched, g_free);

  G_OBJECT_CLASS (gloss_link_target_dialog_parent_class)->finalize (object);
}

static void
gloss_link_target_dialog_class_init (GlossLinkTargetDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = gloss_link_target_dialog_finalize;

  /**
   * GlossLinkTargetDialog::target-chosen:
   * @annotation_id: the annotation chosen as the link's far end
   *
   * Emitted once, as the dialog closes.
   */
  signals[TARGET_CHOSEN] =
    g_signal_new ("target-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gloss_link_target_dialog_init (GlossLinkTargetDialog *self)
{
  GtkWidget *content, *header, *clamp, *box, *scroller;

  gtk_window_set_default_size (GTK_WINDOW (self), 560, 520);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_title (GTK_WINDOW (self), _("Link to an Annotation in Another Article"));

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Link to an Annotation in Another Article"),
                                                        NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (content), header);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search annotations of other articles"),
                                  -1);
  g_object_set (self->search_entry, "placeholder-text",
                _("Words of the quote, note or speaker"), NULL);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search_entry));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_BROWSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Annotations of other articles"),
                                  -1);
  self->placeholder = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->placeholder, TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->placeholder), 24);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->placeholder), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (self->placeholder), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->placeholder), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->placeholder), "dim-label");
  gtk_list_box_set_placeholder (self->list, GTK_WIDGET (self->placeholder));

  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->list));
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (content), box);
  adw_window_set_content (ADW_WINDOW (self), content);

  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate",
                            G_CALLBACK (search_activate_cb), self);
  g_signal_connect_swapped (self->search_entry, "stop-search",
                            G_CALLBACK (stop_search_cb), self);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
}

/**
 * gloss_link_target_dialog_new:
 * @parent: the window it belongs to
 * @store: the library
 * @article_id: the article of the annotation being linked; its annotations
 *   are left out
 * @relation: the link to make, shown as the subtitle
 *
 * Returns: (transfer none): a new dialog, not yet shown
 */
GlossLinkTargetDialog *
gloss_link_target_dialog_new (GtkWindow     *parent,
                              GlossStore    *store,
                              gint64         article_id,
                              GlossRelation  relation)
{
  GlossLinkTargetDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);

  self = g_object_new (GLOSS_TYPE_LINK_TARGET_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->article_id = article_id;
  self->relation = relation;
  adw_window_title_set_subtitle (self->title, gloss_relation_get_label (relation));

  run_search (self, "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return self;
}

GlossRelation
gloss_link_target_dialog_get_relation (GlossLinkTargetDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_LINK_TARGET_DIALOG (self), 0);

  return self->relation;
}

/**
 * gloss_link_target_dialog_search:
 * @text: words to look for, as typed in the search
 *
 * Types @text in the search and lists the matches at once.
 */
void
gloss_link_target_dialog_search (GlossLinkTargetDialog *self,
                                 const char            *text)
{
  g_return_if_fail (GLOSS_IS_LINK_TARGET_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  run_search (self, text);
}

/**
 * gloss_link_target_dialog_get_list:
 *
 * Returns: (transfer none): the list of matches, a row each
 */
GtkListBox *
gloss_link_target_dialog_get_list (GlossLinkTargetDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_LINK_TARGET_DIALOG (self), NULL);

  return self->list;
}
