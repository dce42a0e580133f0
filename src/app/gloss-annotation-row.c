/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-annotation-row"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-row.h"
#include "gloss-annotation-style.h"

/*
 * One annotation in the side pane: the kind as a glyph and a word (never
 * colour alone), the quoted words, the speaker, marks for a note and for
 * links, and a claim's verdict.  It follows the annotation's notify
 * signals, so an edit anywhere shows here at once.
 */

struct _GlossAnnotationRow
{
  GtkListBoxRow parent_instance;

  GlossAnnotation *annotation;
  char *label;

  /* Template widgets */
  GtkLabel *glyph_label;
  GtkLabel *kind_label;
  GtkImage *note_image;
  GtkImage *link_image;
  GtkLabel *verdict_label;
  GtkLabel *quote_label;
  GtkLabel *speaker_label;
  GtkLabel *author_label;
};

static GlossAnnotationAuthorFunc author_func;

G_DEFINE_FINAL_TYPE (GlossAnnotationRow, gloss_annotation_row, GTK_TYPE_LIST_BOX_ROW)

static void
set_kind_class (GtkWidget           *widget,
                GlossAnnotationKind  kind)
{
  for (GlossAnnotationKind other = 0; other <= GLOSS_ANNOTATION_KIND_LAST; other++)
    gtk_widget_remove_css_class (widget, gloss_annotation_kind_get_css_class (other));
  gtk_widget_add_css_class (widget, gloss_annotation_kind_get_css_class (kind));
}

static void
gloss_annotation_row_update (GlossAnnotationRow *self)
{
  GlossAnnotation *annotation = self->annotation;
  GlossAnnotationKind kind = gloss_annotation_get_kind (annotation);
  GlossVerdict verdict = gloss_annotation_get_verdict (annotation);
  const char *speaker = gloss_annotation_get_speaker (annotation);
  const char *note = gloss_annotation_get_note (annotation);
  gboolean orphaned = gloss_annotation_get_anchor (annotation)->state == GLOSS_ANCHOR_ORPHANED;
  /* Either way: the claim a denial answers is linked too. */
  gboolean linked = gloss_annotation_get_n_links (annotation) > 0 ||
                    gloss_annotation_get_n_incoming_links (annotation) > 0;
  g_autofree char *excerpt = gloss_annotation_dup_excerpt (annotation, 200);
  g_autofree char *quote = NULL;
  g_autofree char *words = gloss_annotation_dup_excerpt (annotation, 0);
  g_autoptr(GString) label = g_string_new (NULL);
  g_autofree char *author = NULL;

  set_kind_class (GTK_WIDGET (self), kind);
  gtk_label_set_label (self->glyph_label, gloss_annotation_kind_get_glyph (kind));
  gtk_label_set_label (self->kind_label, gloss_annotation_kind_get_label (kind));

  /* Translators: quotation marks around the words an annotation marks */
  quote = g_strdup_printf (_("“%s”"), excerpt);
  gtk_label_set_label (self->quote_label, quote);

  gtk_widget_set_visible (GTK_WIDGET (self->speaker_label), speaker != NULL);
  if (speaker != NULL)
    {
      /* Translators: who made a claim or a denial, under its words */
      g_autofree char *said = g_strdup_printf (_("— %s"), speaker);

      gtk_label_set_label (self->speaker_label, said);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->note_image), note != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->link_image), linked);

  gtk_widget_set_visible (GTK_WIDGET (self->verdict_label), verdict != GLOSS_VERDICT_NONE);
  gtk_label_set_label (self->verdict_label, gloss_verdict_get_label (verdict));
  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), "unrated");
  if (verdict == GLOSS_VERDICT_UNRATED)
    gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label), "unrated");

  if (orphaned)
    gtk_widget_add_css_class (GTK_WIDGET (self), "orphaned");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "orphaned");

  /* Who made it, once the row is in a window that knows (team libraries) */
  if (author_func != NULL && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    author = author_func (GTK_WIDGET (self), annotation);
  gtk_widget_set_visible (GTK_WIDGET (self->author_label), author != NULL);
  if (author != NULL)
    {
      /* Translators: who made an annotation in a team library, under it */
      g_autofree char *made = g_strdup_printf (_("Made by %s"), author);

      gtk_label_set_label (self->author_label, made);
    }

  /* What a screen reader says for the row: everything the eye gets, in
   * sentences each translated whole (a translation may need to put the
   * speaker before the words), one after the other. */
  if (speaker != NULL)
    /* Translators: read out for an annotation: its kind, the words it marks
     * and who said them, as in “Claim: NATO is ready, said by Jens Stoltenberg.” */
    g_string_printf (label, _("%1$s: %2$s, said by %3$s."),
                     gloss_annotation_kind_get_label (kind), words, speaker);
  else
    /* Translators: read out for an annotation: its kind and the words it
     * marks, as in “Claim: NATO is ready.” */
    g_string_printf (label, _("%1$s: %2$s."), gloss_annotation_kind_get_label (kind), words);
  if (verdict != GLOSS_VERDICT_NONE && verdict != GLOSS_VERDICT_UNRATED)
    {
      g_string_append_c (label, ' ');
      /* Translators: read out after a claim; %s is a verdict such as “False” */
      g_string_append_printf (label, _("Rated %s."), gloss_verdict_get_label (verdict));
    }
  if (author != NULL)
    {
      g_string_append_c (label, ' ');
      /* Translators: read out after an annotation in a team library; %s is
       * the team member who made it */
      g_string_append_printf (label, _("Made by %s."), author);
    }
  if (note != NULL)
    {
      g_string_append_c (label, ' ');
      /* Translators: read out after an annotation */
      g_string_append (label, _("Has a note."));
    }
  if (linked)
    {
      g_string_append_c (label, ' ');
      /* Translators: read out after an annotation */
      g_string_append (label, _("Linked to another annotation."));
    }

  g_free (self->label);
  self->label = g_string_free (g_steal_pointer (&label), FALSE);

  /* The note itself is the description, read after the name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, note != NULL ? note : "",
                                  -1);
}

/* The marks' tooltips, given when asked: gtk_widget_set_tooltip_text()
 * on a shown widget asks the display server where the pointer is, which
 * a thousand rows at once would wait for. */
static gboolean
query_tooltip_cb (GtkWidget          *widget,
                  int                 x,
                  int                 y,
                  gboolean            keyboard_mode,
                  GtkTooltip         *tooltip,
                  GlossAnnotationRow *self)
{
  if (widget == GTK_WIDGET (self->note_image))
    gtk_tooltip_set_text (tooltip, _("Has a note"));
  else
    gtk_tooltip_set_text (tooltip, _("Linked to another annotation"));

  return TRUE;
}

static void
gloss_annotation_row_dispose (GObject *object)
{
  GlossAnnotationRow *self = (GlossAnnotationRow *) object;

  if (self->annotation != NULL)
    g_signal_handlers_disconnect_by_func (self->annotation, gloss_annotation_row_update, self);
  g_clear_object (&self->annotation);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_ANNOTATION_ROW);

  G_OBJECT_CLASS (gloss_annotation_row_parent_class)->dispose (object);
}

static void
gloss_annotation_row_finalize (GObject *object)
{
  GlossAnnotationRow *self = (GlossAnnotationRow *) object;

  g_free (self->label);

  G_OBJECT_CLASS (gloss_annotation_row_parent_class)->finalize (object);
}

static void
gloss_annotation_row_class_init (GlossAnnotationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_annotation_row_dispose;
  object_class->finalize = gloss_annotation_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/gloss-annotation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, glyph_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, note_image);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, link_image);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, quote_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, speaker_label);
  gtk_widget_class_bind_template_child (widget_class, GlossAnnotationRow, author_label);
  gtk_widget_class_bind_template_callback (widget_class, query_tooltip_cb);
}

/* In a window now: the row is built again only when it has an author to
 * show, so a library without team libraries pays one lookup a row. */
static void
root_changed_cb (GlossAnnotationRow *self)
{
  g_autofree char *author = NULL;

  if (author_func == NULL || self->annotation == NULL ||
      gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;
  author = author_func (GTK_WIDGET (self), self->annotation);
  if (author != NULL || gtk_widget_get_visible (GTK_WIDGET (self->author_label)))
    gloss_annotation_row_update (self);
}

static void
gloss_annotation_row_init (GlossAnnotationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::root", G_CALLBACK (root_changed_cb), NULL);
}

/**
 * gloss_annotation_row_new:
 * @annotation: the annotation to show
 *
 * Returns: (transfer floating): a row that keeps showing @annotation as it
 *   changes
 */
GtkWidget *
gloss_annotation_row_new (GlossAnnotation *annotation)
{
  GlossAnnotationRow *self;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), NULL);

  self = g_object_new (GLOSS_TYPE_ANNOTATION_ROW, NULL);
  self->annotation = g_object_ref (annotation);
  g_signal_connect_swapped (annotation, "notify", G_CALLBACK (gloss_annotation_row_update), self);
  gloss_annotation_row_update (self);

  return GTK_WIDGET (self);
}

GlossAnnotation *
gloss_annotation_row_get_annotation (GlossAnnotationRow *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_ROW (self), NULL);

  return self->annotation;
}

/**
 * gloss_annotation_row_refresh:
 *
 * Shows what changed without a notification, such as the links.
 */
void
gloss_annotation_row_refresh (GlossAnnotationRow *self)
{
  g_return_if_fail (GLOSS_IS_ANNOTATION_ROW (self));

  gloss_annotation_row_update (self);
}

/**
 * gloss_annotation_row_get_label:
 *
 * Returns: the row's accessible name
 */
const char *
gloss_annotation_row_get_label (GlossAnnotationRow *self)
{
  g_return_val_if_fail (GLOSS_IS_ANNOTATION_ROW (self), NULL);

  return self->label;
}

/**
 * gloss_annotation_row_set_author_func:
 * @func: (nullable): says who made an annotation
 *
 * Makes every row ask @func who made its annotation once it is in a
 * window, and show it.
 */
void
gloss_annotation_row_set_author_func (GlossAnnotationAuthorFunc func)
{
  author_func = func;
}
