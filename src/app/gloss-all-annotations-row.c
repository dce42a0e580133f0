/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-all-annotations-row"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-all-annotations-row.h"
#include "gloss-annotation-style.h"

/*
 * One annotation in the "All annotations" view: the kind as a glyph and a
 * word (never colour alone), the speaker, a claim's verdict, the date it
 * was made, the quoted words, the note, and the article it belongs to.
 * GtkListView recycles rows, so a row shows whatever entry it is given
 * last; its accessible name says all of it, for the list item too.
 */

#define QUOTE_CHARS 300
#define SPOKEN_QUOTE_CHARS 160

struct _GlossAllAnnotationsRow
{
  GtkWidget parent_instance;

  gint64 annotation_id;
  gint64 article_id;
  char *label;

  /* Template widgets; the box is bound so disposing the template frees it */
  GtkWidget *box;
  GtkLabel *glyph_label;
  GtkLabel *kind_label;
  GtkLabel *speaker_label;
  GtkLabel *verdict_label;
  GtkLabel *date_label;
  GtkLabel *quote_label;
  GtkWidget *note_box;
  GtkLabel *note_label;
  GtkLabel *article_label;
  GtkLabel *author_label;
  GtkLabel *orphan_label;
};

G_DEFINE_FINAL_TYPE (GlossAllAnnotationsRow, gloss_all_annotations_row, GTK_TYPE_WIDGET)

/* The quote on one line, cut at a word past @max_chars. */
static char *
flatten_quote (const char *exact,
               guint       max_chars)
{
  g_autofree char *flat = g_strdup (exact);

  /* A quote across blocks joins them with newlines. */
  g_strdelimit (flat, "\n\t", ' ');
  if ((guint) g_utf8_strlen (flat, -1) > max_chars)
    {
      const char *cut = g_utf8_offset_to_pointer (flat, max_chars);
      const char *space = g_utf8_strrchr (flat, cut - flat, ' ');
      g_autofree char *head = NULL;

      if (space != NULL && g_utf8_pointer_to_offset (space, cut) < 16)
        cut = space;
      head = g_strndup (flat, cut - flat);
      return g_strconcat (g_strchomp (head), "…", NULL);
    }

  return g_steal_pointer (&flat);
}

/* The day an annotation was made, in the user's format. */
static char *
format_created (const char *created_at)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (created_at == NULL)
    return NULL;

  utc = g_date_time_new_from_iso8601 (created_at, NULL);
  if (utc == NULL)
    return NULL;
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%x");
}

static void
set_kind_class (GtkWidget           *widget,
                GlossAnnotationKind  kind,
                gboolean             shown)
{
  for (GlossAnnotationKind other = 0; other <= GLOSS_ANNOTATION_KIND_LAST; other++)
    gtk_widget_remove_css_class (widget, gloss_annotation_kind_get_css_class (other));
  if (shown)
    gtk_widget_add_css_class (widget, gloss_annotation_kind_get_css_class (kind));
}

static void
update_accessible_label (GlossAllAnnotationsRow *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->label,
                                  -1);
  /* The list item around the row is what a screen reader lands on when
   * the arrows move; GTK 4.8 gives it no name of its own. */
  if (parent != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (parent),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, self->label,
                                    -1);
}

static void
show_missing (GlossAllAnnotationsRow *self)
{
  self->annotation_id = 0;
  self->article_id = 0;

  set_kind_class (GTK_WIDGET (self), GLOSS_ANNOTATION_CLAIM, FALSE);
  gtk_label_set_label (self->glyph_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->glyph_label), FALSE);
  gtk_label_set_label (self->kind_label, "");
  gtk_label_set_label (self->speaker_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_label), FALSE);
  gtk_label_set_label (self->date_label, "");
  gtk_label_set_label (self->quote_label, _("This annotation is no longer in the library"));
  gtk_widget_set_visible (self->note_box, FALSE);
  gtk_label_set_label (self->article_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->author_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->orphan_label), FALSE);

  g_free (self->label);
  self->label = g_strdup (_("This annotation is no longer in the library"));
  update_accessible_label (self);
}

/**
 * gloss_all_annotations_row_set_entry:
 * @self: a #GlossAllAnnotationsRow
 * @entry: (nullable): the annotation to show, or %NULL for one that could
 *   not be read (deleted meanwhile)
 */
void
gloss_all_annotations_row_set_entry (GlossAllAnnotationsRow     *self,
                                     const GlossAnnotationEntry *entry)
{
  g_autofree char *excerpt = NULL;
  g_autofree char *spoken = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *date = NULL;
  g_autofree char *note = NULL;
  g_autoptr(GString) label = NULL;
  gboolean has_speaker;
  gboolean has_note;
  gboolean rated;

  g_return_if_fail (GLOSS_IS_ALL_ANNOTATIONS_ROW (self));

  if (entry == NULL)
    {
      show_missing (self);
      return;
    }

  self->annotation_id = entry->id;
  self->article_id = entry->article_id;
  has_speaker = entry->speaker != NULL && *entry->speaker != '\0';
  has_note = entry->note != NULL && *entry->note != '\0';
  rated = entry->verdict != GLOSS_VERDICT_NONE;

  set_kind_class (GTK_WIDGET (self), entry->kind, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->glyph_label), TRUE);
  gtk_label_set_label (self->glyph_label, gloss_annotation_kind_get_glyph (entry->kind));
  gtk_label_set_label (self->kind_label, gloss_annotation_kind_get_label (entry->kind));
  gtk_label_set_label (self->speaker_label, has_speaker ? entry->speaker : "");

  gtk_widget_set_visible (GTK_WIDGET (self->verdict_label), rated);
  gtk_label_set_label (self->verdict_label, gloss_verdict_get_label (entry->verdict));
  if (entry->verdict == GLOSS_VERDICT_UNRATED)
    gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label), "unrated");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), "unrated");

  /* No tooltips here: setting one costs more than the rest of the row,
   * and GtkListView 4.8 binds 200 rows for every new set of matches. */
  date = format_created (entry->created_at);
  gtk_label_set_label (self->date_label, date != NULL ? date : "");

  excerpt = flatten_quote (entry->exact, QUOTE_CHARS);
  /* Translators: quotation marks around the words an annotation marks */
  quote = g_strdup_printf (_("“%s”"), excerpt);
  gtk_label_set_label (self->quote_label, quote);
  if (entry->state == GLOSS_ANCHOR_ORPHANED)
    gtk_widget_add_css_class (GTK_WIDGET (self), "orphaned");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "orphaned");

  gtk_widget_set_visible (self->note_box, has_note);
  if (has_note)
    {
      note = g_strdup (entry->note);
      g_strdelimit (note, "\n\t", ' ');
    }
  gtk_label_set_label (self->note_label, note != NULL ? note : "");

  gtk_label_set_label (self->article_label, entry->article_title);
  gtk_widget_set_visible (GTK_WIDGET (self->author_label), entry->author != NULL);
  if (entry->author != NULL)
    {
      /* Translators: who made an annotation in a team library, after its article's title */
      g_autofree char *made = g_strdup_printf (_("· Made by %s"), entry->author);

      gtk_label_set_label (self->author_label, made);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->orphan_label), entry->state == GLOSS_ANCHOR_ORPHANED);

  /* What a screen reader says: everything the eye gets, the kind first,
   * in sentences each translated whole (a translation may need to put the
   * speaker before the words), one after the other. */
  spoken = flatten_quote (entry->exact, SPOKEN_QUOTE_CHARS);
  label = g_string_new (NULL);
  if (has_speaker)
    /* Translators: read out for an annotation: its kind, the words it marks
     * in quotation marks and who said them */
    g_string_printf (label, _("%1$s: “%2$s”, said by %3$s."),
                     gloss_annotation_kind_get_label (entry->kind), spoken, entry->speaker);
  else
    /* Translators: read out for an annotation: its kind and the words it
     * marks in quotation marks */
    g_string_printf (label, _("%1$s: “%2$s”."), gloss_annotation_kind_get_label (entry->kind), spoken);
  if (rated && entry->verdict != GLOSS_VERDICT_UNRATED)
    {
      g_string_append_c (label, ' ');
      /* Translators: read out after a claim; %s is a verdict such as “False” */
      g_string_append_printf (label, _("Rated %s."), gloss_verdict_get_label (entry->verdict));
    }
  if (has_note)
    {
      g_string_append_c (label, ' ');
      /* Translators: read out after an annotation */
      g_string_append (label, _("Has a note."));
    }
  if (entry->author != NULL)
    {
      g_string_append_c (label, ' ');
      /* Translators: read out after an annotation in a team library; %s is
       * the team member who made it */
      g_string_append_printf (label, _("Made by %s."), entry->author);
    }
  if (entry->state == GLOSS_ANCHOR_ORPHANED)
    {
      g_string_append_c (label, ' ');
      /* Translators: read out after an annotation whose words were taken
       * out of its article */
      g_string_append (label, _("Its words are no longer in the article."));
    }
  g_string_append_c (label, ' ');
  /* Translators: read out after an annotation; %s is an article's title */
  g_string_append_printf (label, _("In “%s”."), entry->article_title);
  if (date != NULL)
    {
      g_string_append_c (label, ' ');
      /* Translators: read out after an annotation; %s is the date it was made */
      g_string_append_printf (label, _("Made on %s."), date);
    }

  g_free (self->label);
  self->label = g_string_free (g_steal_pointer (&label), FALSE);
  update_accessible_label (self);
}

static void
gloss_all_annotations_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GLOSS_TYPE_ALL_ANNOTATIONS_ROW);

  G_OBJECT_CLASS (gloss_all_annotations_row_parent_class)->dispose (object);
}

static void
gloss_all_annotations_row_finalize (GObject *object)
{
  GlossAllAnnotationsRow *self = (GlossAllAnnotationsRow *) object;

  g_free (self->label);

  G_OBJECT_CLASS (gloss_all_annotations_row_parent_class)->finalize (object);
}

static void
gloss_all_annotations_row_class_init (GlossAllAnnotationsRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_all_annotations_row_dispose;
  object_class->finalize = gloss_all_annotations_row_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/gloss-all-annotations-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossAllAnnotationsRow, box);
  gtk_widget_class_bind_template_child (widget_class, GlossAllAnnotationsRow, glyph_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAllAnnotationsRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAllAnnotationsRow, speaker_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAllAnnotationsRow, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAllAnnotationsRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAllAnnotationsRow, quote_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAllAnnotationsRow, note_box);
  gtk_widget_class_bind_template_child (widget_class, GlossAllAnnotationsRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAllAnnotationsRow, article_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAllAnnotationsRow, author_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAllAnnotationsRow, orphan_label);
}

static void
gloss_all_annotations_row_init (GlossAllAnnotationsRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gloss_all_annotations_row_new (void)
{
  return g_object_new (GLOSS_TYPE_ALL_ANNOTATIONS_ROW, NULL);
}

/**
 * gloss_all_annotations_row_get_annotation_id:
 *
 * Returns: the annotation shown, or 0 when none is
 */
gint64
gloss_all_annotations_row_get_annotation_id (GlossAllAnnotationsRow *self)
{
  g_return_val_if_fail (GLOSS_IS_ALL_ANNOTATIONS_ROW (self), 0);

  return self->annotation_id;
}

/**
 * gloss_all_annotations_row_get_article_id:
 *
 * Returns: the article of the annotation shown, or 0 when none is
 */
gint64
gloss_all_annotations_row_get_article_id (GlossAllAnnotationsRow *self)
{
  g_return_val_if_fail (GLOSS_IS_ALL_ANNOTATIONS_ROW (self), 0);

  return self->article_id;
}

/**
 * gloss_all_annotations_row_get_label:
 *
 * Returns: (nullable): the row's accessible name, or %NULL before it
 *   shows anything
 */
const char *
gloss_all_annotations_row_get_label (GlossAllAnnotationsRow *self)
{
  g_return_val_if_fail (GLOSS_IS_ALL_ANNOTATIONS_ROW (self), NULL);

  return self->label;
}
