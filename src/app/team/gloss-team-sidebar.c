/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-team"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-library-sidebar.h"
#include "gloss-team-sidebar.h"

/*
 * The team libraries in the library sidebar, below the articles: each
 * team's name as a heading and the articles shared to it under it.
 * Choosing one opens it the way the article list does (the sidebar's
 * ::article-activated), so the reading position comes back the same way.
 * Hidden while the library syncs with no team library.  Team libraries
 * hold tens of articles, not thousands, so a plain list box will do.
 */

struct _GlossTeamSidebar
{
  GtkWidget parent_instance;

  GtkWidget *scroller;
  GtkListBox *list;
  /* A digest of what is listed, so a reload with nothing new keeps the
   * focus and the scroll position */
  char *listed;
};

G_DEFINE_FINAL_TYPE (GlossTeamSidebar, gloss_team_sidebar, GTK_TYPE_WIDGET)

static void
row_activated_cb (GlossTeamSidebar *self,
                  GtkListBoxRow    *row)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "article-id"));
  GtkWidget *sidebar = gtk_widget_get_ancestor (GTK_WIDGET (self), GLOSS_TYPE_LIBRARY_SIDEBAR);

  if (id > 0 && sidebar != NULL)
    g_signal_emit_by_name (sidebar, "article-activated", id);
}

static GtkWidget *
heading_row (const char *name,
             guint       n_articles)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("system-users-symbolic");
  GtkWidget *label = gtk_label_new (name);
  g_autofree char *count = g_strdup_printf ("%u", n_articles);
  GtkWidget *count_label = gtk_label_new (count);
  g_autofree char *description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "Team library, %u article",
                                                               "Team library, %u articles",
                                                               n_articles), n_articles);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (count_label, "dim-label");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), count_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_set_tooltip_text (row, description);
  return row;
}

static GtkWidget *
article_row (GlossTeamSharedArticle *article)
{
  GtkWidget *row = gtk_list_box_row_new ();
  const char *title = article->title != NULL && *article->title != '\0'
                      ? article->title : _("Untitled");
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (label, 22);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_widget_set_tooltip_text (row, title);
  g_object_set_data (G_OBJECT (row), "article-id", GSIZE_TO_POINTER (article->id));
  return row;
}

static void
gloss_team_sidebar_dispose (GObject *object)
{
  GlossTeamSidebar *self = GLOSS_TEAM_SIDEBAR (object);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->listed, g_free);

  G_OBJECT_CLASS (gloss_team_sidebar_parent_class)->dispose (object);
}

static void
gloss_team_sidebar_class_init (GlossTeamSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_team_sidebar_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gloss_team_sidebar_init (GlossTeamSidebar *self)
{
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Team Libraries"), -1);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->scroller), 220);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->list));
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
gloss_team_sidebar_new (void)
{
  return g_object_new (GLOSS_TYPE_TEAM_SIDEBAR, NULL);
}

/**
 * gloss_team_sidebar_reload:
 * @store: (nullable): the library
 *
 * Lists the team libraries of @store and their articles again.
 */
void
gloss_team_sidebar_reload (GlossTeamSidebar *self,
                           GlossStore       *store)
{
  g_autoptr(GPtrArray) libraries = NULL;
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GString) listed = g_string_new (NULL);
  GtkWidget *child;

  g_return_if_fail (GLOSS_IS_TEAM_SIDEBAR (self));

  if (store != NULL)
    libraries = gloss_team_list_libraries (store, NULL);
  for (guint i = 0; libraries != NULL && i < libraries->len; i++)
    {
      GlossTeamLibrary *library = g_ptr_array_index (libraries, i);
      GPtrArray *articles = gloss_team_list_shared_articles (store, library->id, NULL);

      if (articles == NULL)
        articles = g_ptr_array_new ();
      g_ptr_array_add (lists, articles);
      g_string_append_printf (listed, "%s\n", library->name);
      for (guint j = 0; j < articles->len; j++)
        {
          GlossTeamSharedArticle *article = g_ptr_array_index (articles, j);

          g_string_append_printf (listed, "%" G_GINT64_FORMAT "\t%s\n", article->id,
                                  article->title);
        }
    }
  if (g_strcmp0 (listed->str, self->listed) == 0)
    return;
  g_free (self->listed);
  self->listed = g_strdup (listed->str);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; libraries != NULL && i < libraries->len; i++)
    {
      GlossTeamLibrary *library = g_ptr_array_index (libraries, i);
      GPtrArray *articles = g_ptr_array_index (lists, i);

      gtk_list_box_append (self->list, heading_row (library->name, articles->len));
      for (guint j = 0; j < articles->len; j++)
        gtk_list_box_append (self->list, article_row (g_ptr_array_index (articles, j)));
    }
  gtk_widget_set_visible (GTK_WIDGET (self), libraries != NULL && libraries->len > 0);
}
