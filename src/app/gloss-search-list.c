/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-search-list"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-style.h"
#include "gloss-search-list.h"

/*
 * The results of a library search: matching articles, then matching
 * annotations, each with a snippet whose matched words are bold.  A search
 * returns a bounded number of hits per group, so a list box (which has
 * headers, unlike a list view in GTK 4.8) is enough.
 *
 * Activating a row emits ::hit-activated with the hit, for the window to
 * open the article at the match.
 */
struct _GlossSearchList
{
  GtkWidget parent_instance;

  GtkListBox         *list_box;
  GlossSearchResults *results;
  guint               n_hits;
};

G_DEFINE_FINAL_TYPE (GlossSearchList, gloss_search_list, GTK_TYPE_WIDGET)

enum {
  HIT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The hit each row stands for; the results outlive the rows. */
static GQuark hit_quark;

/**
 * gloss_search_hit_dup_first_match:
 * @hit: a search hit
 *
 * Returns: (transfer full) (nullable): the first matched words of the
 *   hit's snippet, as they appear in the text, or %NULL
 */
char *
gloss_search_hit_dup_first_match (const GlossSearchHit *hit)
{
  const char *start, *end;

  g_return_val_if_fail (hit != NULL, NULL);

  if (hit->snippet == NULL)
    return NULL;

  start = strstr (hit->snippet, GLOSS_SEARCH_MATCH_START);
  if (start == NULL)
    return NULL;
  start += strlen (GLOSS_SEARCH_MATCH_START);
  end = strstr (start, GLOSS_SEARCH_MATCH_END);
  if (end == NULL || end == start)
    return NULL;

  return g_strndup (start, end - start);
}

static char *
snippet_to_markup (const char *snippet)
{
  g_autofree char *escaped = NULL;

  if (snippet == NULL)
    return g_strdup ("");

  /* Escaped first: the markers are not markup, and the text may hold "<". */
  escaped = g_markup_escape_text (snippet, -1);
  return gloss_search_snippet_replace_markers (escaped, "<b>", "</b>");
}

static GtkWidget *
new_hit_row (const GlossSearchHit *hit)
{
  g_autofree char *markup = snippet_to_markup (hit->snippet);
  g_autofree char *plain = gloss_search_snippet_replace_markers (hit->snippet != NULL ? hit->snippet : "", "", "");
  g_autofree char *spoken = NULL;
  const char *title = hit->title != NULL && *hit->title != '\0' ? hit->title : _("Untitled Article");
  GtkWidget *row, *box, *heading, *snippet;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_add_css_class (box, "search-hit");

  if (hit->annotation_id != 0)
    {
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *badge = gtk_label_new (gloss_annotation_kind_get_glyph (hit->annotation_kind));
      GtkWidget *kind = gtk_label_new (gloss_annotation_kind_get_label (hit->annotation_kind));

      gtk_widget_add_css_class (header, gloss_annotation_kind_get_css_class (hit->annotation_kind));
      gtk_widget_add_css_class (badge, "kind-badge");
      gtk_widget_add_css_class (kind, "kind-name");
      gtk_box_append (GTK_BOX (header), badge);
      gtk_box_append (GTK_BOX (header), kind);
      gtk_box_append (GTK_BOX (box), header);

      /* Translators: a search hit in an annotation: its kind, what matched, and the article */
      spoken = g_strdup_printf (_("%s: %s, in “%s”"),
                                gloss_annotation_kind_get_label (hit->annotation_kind), plain, title);
    }
  else
    {
      /* Translators: a search hit in an article: its title, then the words around the match */
      spoken = g_strdup_printf (_("%s: %s"), title, plain);
    }

  heading = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_ellipsize (GTK_LABEL (heading), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (heading, hit->annotation_id != 0 ? "caption" : "heading");
  if (hit->annotation_id != 0)
    gtk_widget_add_css_class (heading, "dim-label");

  snippet = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (snippet), markup);
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (snippet), 3);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (snippet, "search-snippet");

  /* An annotation's snippet is the annotation; its article comes second. */
  if (hit->annotation_id != 0)
    {
      gtk_box_append (GTK_BOX (box), snippet);
      gtk_box_append (GTK_BOX (box), heading);
    }
  else
    {
      gtk_box_append (GTK_BOX (box), heading);
      gtk_box_append (GTK_BOX (box), snippet);
    }

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
  g_object_set_qdata (G_OBJECT (row), hit_quark, (gpointer) hit);

  return row;
}

static GtkWidget *
new_group_header (const char *title)
{
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "search-group");
  return label;
}

static void
update_header_cb (GtkListBoxRow *row,
                  GtkListBoxRow *before,
                  gpointer       user_data)
{
  const GlossSearchHit *hit = g_object_get_qdata (G_OBJECT (row), hit_quark);
  const GlossSearchHit *previous = before != NULL ? g_object_get_qdata (G_OBJECT (before), hit_quark) : NULL;
  gboolean is_annotation = hit->annotation_id != 0;

  if (previous != NULL && (previous->annotation_id != 0) == is_annotation)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  gtk_list_box_row_set_header (row, new_group_header (is_annotation ? _("Annotations") : _("Articles")));
}

static void
row_activated_cb (GtkListBox      *list_box,
                  GtkListBoxRow   *row,
                  GlossSearchList *self)
{
  const GlossSearchHit *hit = g_object_get_qdata (G_OBJECT (row), hit_quark);

  if (hit != NULL)
    g_signal_emit (self, signals[HIT_ACTIVATED], 0, hit);
}

static void
gloss_search_list_remove_rows (GlossSearchList *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
}

static void
gloss_search_list_dispose (GObject *object)
{
  GlossSearchList *self = GLOSS_SEARCH_LIST (object);

  if (self->list_box != NULL)
    gloss_search_list_remove_rows (self);
  g_clear_pointer ((GtkWidget **) &self->list_box, gtk_widget_unparent);
  g_clear_pointer (&self->results, gloss_search_results_free);

  G_OBJECT_CLASS (gloss_search_list_parent_class)->dispose (object);
}

static void
gloss_search_list_class_init (GlossSearchListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_search_list_dispose;

  /**
   * GlossSearchList::hit-activated:
   * @self: the list
   * @hit: (type gpointer): the #GlossSearchHit, valid during the emission
   *
   * A result was chosen.
   */
  signals[HIT_ACTIVATED] =
    g_signal_new ("hit-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  hit_quark = g_quark_from_static_string ("gloss-search-hit");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "searchlist");
}

static void
gloss_search_list_init (GlossSearchList *self)
{
  self->list_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list_box, GTK_SELECTION_NONE);
  gtk_list_box_set_header_func (self->list_box, update_header_cb, NULL, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_box), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Results"),
                                  -1);
  g_signal_connect (self->list_box, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_widget_set_parent (GTK_WIDGET (self->list_box), GTK_WIDGET (self));
}

/**
 * gloss_search_list_new:
 *
 * Returns: (transfer floating): an empty list of results
 */
GtkWidget *
gloss_search_list_new (void)
{
  return g_object_new (GLOSS_TYPE_SEARCH_LIST, NULL);
}

static void
append_hits (GlossSearchList *self,
             GPtrArray       *hits)
{
  for (guint i = 0; hits != NULL && i < hits->len; i++)
    {
      gtk_list_box_append (self->list_box, new_hit_row (g_ptr_array_index (hits, i)));
      self->n_hits++;
    }
}

/**
 * gloss_search_list_set_results:
 * @self: a #GlossSearchList
 * @results: (transfer full) (nullable): what a search found
 */
void
gloss_search_list_set_results (GlossSearchList    *self,
                               GlossSearchResults *results)
{
  g_return_if_fail (GLOSS_IS_SEARCH_LIST (self));

  /* The rows point into the old results: they go first. */
  gloss_search_list_remove_rows (self);
  g_clear_pointer (&self->results, gloss_search_results_free);
  self->results = results;
  self->n_hits = 0;

  if (results != NULL)
    {
      append_hits (self, results->articles);
      append_hits (self, results->annotations);
    }
}

/**
 * gloss_search_list_get_n_hits:
 *
 * Returns: how many results are shown
 */
guint
gloss_search_list_get_n_hits (GlossSearchList *self)
{
  g_return_val_if_fail (GLOSS_IS_SEARCH_LIST (self), 0);

  return self->n_hits;
}

/**
 * gloss_search_list_activate_first:
 *
 * Opens the best result, as Return in the search field does.
 *
 * Returns: whether there was one
 */
gboolean
gloss_search_list_activate_first (GlossSearchList *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (GLOSS_IS_SEARCH_LIST (self), FALSE);

  row = gtk_list_box_get_row_at_index (self->list_box, 0);
  if (row == NULL)
    return FALSE;

  row_activated_cb (self->list_box, row, self);
  return TRUE;
}
