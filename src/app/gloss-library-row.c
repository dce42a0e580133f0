/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-library-row"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-style.h"
#include "gloss-library-row.h"

/*
 * One article in the library sidebar: its title, where and when it was
 * published, whether it is unread or archived, and how many annotations of
 * each kind it carries.  Rows are recycled by the list view, so everything
 * is set from the item each time.
 */
struct _GlossLibraryRow
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkLabel  *title_label;
  GtkWidget *unread_dot;
  GtkLabel  *details_label;
  GtkWidget *counts_box;

  /* One "glyph count" label per kind, hidden when the count is 0 */
  GtkLabel  *count_labels[GLOSS_ANNOTATION_KIND_LAST + 1];

  GlossLibraryItem *item;
};

G_DEFINE_FINAL_TYPE (GlossLibraryRow, gloss_library_row, GTK_TYPE_WIDGET)

/**
 * gloss_library_format_date:
 * @iso8601: (nullable): a date as the library stores it: a calendar day
 *   (`2019-02-14`) or a date and time
 *
 * Returns: (transfer full) (nullable): the date in the locale's short form,
 *   e.g. "Feb 14, 2019", the text as it is when it is not a date, or %NULL
 */
char *
gloss_library_format_date (const char *iso8601)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;
  char rest;

  if (iso8601 == NULL || *iso8601 == '\0')
    return NULL;

  /* A bare date is a calendar day; no time zone may move it. */
  if (sscanf (iso8601, "%4d-%2d-%2d%c", &year, &month, &day, &rest) == 3)
    date = g_date_time_new (utc, year, month, day, 12, 0, 0);
  else
    {
      g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (iso8601, utc);

      if (parsed != NULL)
        date = g_date_time_to_local (parsed);
    }

  if (date == NULL)
    return g_strdup (iso8601);

  /* Translators: a date in the library list, in the format of
   * g_date_time_format(), e.g. "Feb 14, 2019" */
  return g_date_time_format (date, _("%b %-e, %Y"));
}

static void
gloss_library_row_dispose (GObject *object)
{
  g_clear_object (&GLOSS_LIBRARY_ROW (object)->item);
  gtk_widget_dispose_template (GTK_WIDGET (object), GLOSS_TYPE_LIBRARY_ROW);

  G_OBJECT_CLASS (gloss_library_row_parent_class)->dispose (object);
}

static void
gloss_library_row_class_init (GlossLibraryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_library_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/gloss-library-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryRow, box);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryRow, unread_dot);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, GlossLibraryRow, counts_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "libraryrow");
}

static void
gloss_library_row_init (GlossLibraryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (GlossAnnotationKind kind = 0; kind <= GLOSS_ANNOTATION_KIND_LAST; kind++)
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_widget_add_css_class (label, "kind-count");
      /* "✕ 1" is for the eye; the row's description says "1 denial". */
      gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_widget_add_css_class (label, gloss_annotation_kind_get_css_class (kind));
      gtk_box_append (GTK_BOX (self->counts_box), label);
      self->count_labels[kind] = GTK_LABEL (label);
    }
}

/**
 * gloss_library_row_new:
 *
 * Returns: (transfer floating): a row showing nothing until given an item
 */
GtkWidget *
gloss_library_row_new (void)
{
  return g_object_new (GLOSS_TYPE_LIBRARY_ROW, NULL);
}

/* "2 claims, 1 denial": what the counts say, in words, for a screen reader. */
static void
append_count_words (GString             *words,
                    GlossAnnotationKind  kind,
                    guint                count)
{
  if (words->len > 0)
    g_string_append (words, ", ");

  switch (kind)
    {
    case GLOSS_ANNOTATION_CLAIM:
      g_string_append_printf (words, ngettext ("%u claim", "%u claims", count), count);
      break;
    case GLOSS_ANNOTATION_DENIAL:
      g_string_append_printf (words, ngettext ("%u denial", "%u denials", count), count);
      break;
    case GLOSS_ANNOTATION_EVIDENCE:
      g_string_append_printf (words, ngettext ("%u piece of evidence", "%u pieces of evidence", count), count);
      break;
    case GLOSS_ANNOTATION_NOTE:
      g_string_append_printf (words, ngettext ("%u note", "%u notes", count), count);
      break;
    case GLOSS_ANNOTATION_QUESTION:
    default:
      g_string_append_printf (words, ngettext ("%u question", "%u questions", count), count);
      break;
    }
}

/**
 * gloss_library_row_set_item:
 * @self: a #GlossLibraryRow
 * @item: (nullable): the article to show
 */
void
gloss_library_row_set_item (GlossLibraryRow  *self,
                            GlossLibraryItem *item)
{
  const GlossArticleSummary *summary;
  g_autoptr(GString) details = g_string_new (NULL);
  g_autoptr(GString) counts = g_string_new (NULL);
  g_autofree char *date = NULL;
  g_autofree char *description = NULL;
  const char *title;

  g_return_if_fail (GLOSS_IS_LIBRARY_ROW (self));
  g_return_if_fail (item == NULL || GLOSS_IS_LIBRARY_ITEM (item));

  g_set_object (&self->item, item);
  if (item == NULL)
    return;

  summary = gloss_library_item_get_summary (item);

  title = summary->title;
  if (title == NULL || *title == '\0')
    title = summary->source_name;
  if (title == NULL || *title == '\0')
    title = _("Untitled Article");
  gtk_label_set_label (self->title_label, title);

  if (summary->site_name != NULL && *summary->site_name != '\0')
    g_string_append (details, summary->site_name);
  /* Without a publication date the import date is shown, but as what it
   * is: a reader must not take it for the day the story came out. */
  if (summary->published != NULL)
    date = gloss_library_format_date (summary->published);
  else
    {
      g_autofree char *added = gloss_library_format_date (summary->imported_at);

      /* Translators: %s is the day the article was added to the library,
       * e.g. "Feb 14, 2019" */
      date = added != NULL ? g_strdup_printf (_("Added %s"), added) : NULL;
    }
  if (date != NULL)
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      g_string_append (details, date);
    }
  if (summary->archived)
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      g_string_append (details, _("Archived"));
    }
  gtk_label_set_label (self->details_label, details->str);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), details->len > 0);

  gtk_widget_set_visible (self->unread_dot, summary->unread);
  if (summary->unread)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "unread");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "unread");

  for (GlossAnnotationKind kind = 0; kind <= GLOSS_ANNOTATION_KIND_LAST; kind++)
    {
      guint count = summary->counts[kind];

      gtk_widget_set_visible (GTK_WIDGET (self->count_labels[kind]), count > 0);
      if (count > 0)
        {
          g_autofree char *text = g_strdup_printf ("%s %u", gloss_annotation_kind_get_glyph (kind), count);

          gtk_label_set_label (self->count_labels[kind], text);
          append_count_words (counts, kind, count);
        }
    }
  gtk_widget_set_visible (self->counts_box, counts->len > 0);

  /* What a screen reader says for the row: the title, then the rest. */
  {
    const char *parts[] = { details->str, summary->unread ? _("unread") : "", counts->str };
    g_autoptr(GString) spoken = g_string_new (NULL);

    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      if (*parts[i] != '\0')
        g_string_append_printf (spoken, "%s%s", spoken->len > 0 ? ", " : "", parts[i]);
    description = g_string_free (g_steal_pointer (&spoken), FALSE);
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/**
 * gloss_library_row_get_item:
 *
 * Returns: (transfer none) (nullable): the article shown
 */
GlossLibraryItem *
gloss_library_row_get_item (GlossLibraryRow *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY_ROW (self), NULL);

  return self->item;
}
