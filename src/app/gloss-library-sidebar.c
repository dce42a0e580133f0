/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-library-sidebar"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gloss-after-paint.h"
#include "gloss-library-model.h"
#include "gloss-library-row.h"
#include "gloss-library-sidebar.h"
#include "gloss-search-list.h"

/*
 * The library: every article, newest first, in a lazily built list view,
 * with a search field above it.  While the field holds words, the list
 * gives way to search results.  Choosing an article emits
 * ::article-activated; choosing a search result ::hit-activated.  The
 * sidebar only reads the library; the window acts on the articles.
 */
struct _GlossLibrarySidebar
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget         *box;
  GtkSearchEntry    *search_entry;
  GtkMenuButton     *view_button;
  GtkLabel          *filter_label;
  GtkStack          *stack;
  GtkListView       *list_view;
  GlossSearchList   *search_list;
  AdwStatusPage     *status_page;

  GlossStore         *store;
  GlossLibraryModel  *model;
  GtkMultiSelection *selection;
  GSimpleActionGroup *actions;

  GlossArticleFilter  filter;
  GlossArticleSort    sort;

  /* The first listing of a library runs on a worker: while it does, the
   * article to select waits here, and a reload asked for meanwhile is
   * done once it ends. */
  GCancellable       *loading;
  gint64              wanted_id;
  guint               reload_after_loading : 1;

  /* The worker's listing, put in the list once the window's next frame
   * is painted: a screenful of new rows would hold up the first one. */
  GAsyncResult       *first_listing;
  GlossAfterPaint     showing_first_listing;

  /* Set while the selection follows the window, so it opens nothing */
  guint               selecting : 1;
};

G_DEFINE_FINAL_TYPE (GlossLibrarySidebar, gloss_library_sidebar, GTK_TYPE_WIDGET)

enum {
  ARTICLE_ACTIVATED,
  HIT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The filters the menu offers, by the target its items carry. */
static const struct
{
  const char *name;
  GlossArticleFilter filter;
  const char *heading;          /* shown above the list, NULL for the default */
  const char *empty_title;
  const char *empty_description;
} filters[] = {
  { "all", GLOSS_ARTICLE_FILTER_NOT_ARCHIVED, NULL,
    N_("No Articles"), N_("Open a saved web page or a text file, or drop a folder of them on the window") },
  { "unread", GLOSS_ARTICLE_FILTER_UNREAD | GLOSS_ARTICLE_FILTER_NOT_ARCHIVED, N_("Unread"),
    N_("Nothing Unread"), N_("Every article has been opened") },
  { "annotated", GLOSS_ARTICLE_FILTER_ANNOTATED | GLOSS_ARTICLE_FILTER_NOT_ARCHIVED, N_("With Annotations"),
    N_("No Annotated Articles"), N_("Select words in an article and mark them as a claim, denial, evidence or question") },
  { "archived", GLOSS_ARTICLE_FILTER_ARCHIVED, N_("Archived"),
    N_("Nothing Archived"), N_("Archived articles are kept here, out of the main list") },
};

static guint
find_filter (GlossArticleFilter filter)
{
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    if (filters[i].filter == filter)
      return i;
  return 0;
}

static const char *
get_search_text (GlossLibrarySidebar *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

static gboolean
is_searching (GlossLibrarySidebar *self)
{
  g_autofree char *query = gloss_search_build_fts_query (get_search_text (self));

  return query != NULL;
}

static void
show_status (GlossLibrarySidebar *self,
             const char          *icon_name,
             const char          *title,
             const char          *description)
{
  adw_status_page_set_icon_name (self->status_page, icon_name);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->stack, "status");
}

/* Which page the stack shows follows from the search, the store and the
 * list: one place decides it. */
static void
gloss_library_sidebar_update_page (GlossLibrarySidebar *self)
{
  guint filter_index = find_filter (self->filter);

  gtk_label_set_label (self->filter_label,
                       filters[filter_index].heading != NULL ? _(filters[filter_index].heading) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->filter_label),
                          filters[filter_index].heading != NULL && !is_searching (self));

  if (self->store == NULL)
    show_status (self, "dialog-warning-symbolic", _("Library Unavailable"),
                 _("Articles can be read but not kept"));
  else if (is_searching (self))
    {
      if (gloss_search_list_get_n_hits (self->search_list) > 0)
        gtk_stack_set_visible_child_name (self->stack, "search");
      else
        show_status (self, "edit-find-symbolic", _("No Results Found"),
                     _("Try other words, or fewer of them"));
    }
  else if (self->loading != NULL)
    gtk_stack_set_visible_child_name (self->stack, "articles");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    show_status (self, "x-office-document-symbolic", _(filters[filter_index].empty_title),
                 _(filters[filter_index].empty_description));
  else
    gtk_stack_set_visible_child_name (self->stack, "articles");
}

static void
report_error (GlossLibrarySidebar *self,
              const GError        *error)
{
  g_autofree char *description = g_markup_escape_text (error->message, -1);

  show_status (self, "dialog-warning-symbolic", _("Could Not Read the Library"), description);
}

static void
gloss_library_sidebar_run_search (GlossLibrarySidebar *self)
{
  g_autoptr(GError) error = NULL;
  GlossSearchResults *results = NULL;

  if (self->store != NULL && is_searching (self))
    {
      /* Enough to choose from; more words narrow it down. */
      results = gloss_store_search (self->store, get_search_text (self), 50, &error);
      if (results == NULL)
        {
          gloss_search_list_set_results (self->search_list, NULL);
          report_error (self, error);
          return;
        }
    }

  gloss_search_list_set_results (self->search_list, results);
  gloss_library_sidebar_update_page (self);
}

static void
search_changed_cb (GlossLibrarySidebar *self)
{
  gloss_library_sidebar_run_search (self);
}

static void
search_activate_cb (GlossLibrarySidebar *self)
{
  gloss_search_list_activate_first (self->search_list);
}

static void
stop_search_cb (GlossLibrarySidebar *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
hit_activated_cb (GlossLibrarySidebar  *self,
                  const GlossSearchHit *hit)
{
  g_signal_emit (self, signals[HIT_ACTIVATED], 0, hit);
}

static gint64
get_item_id (GlossLibrarySidebar *self,
             guint                position)
{
  g_autoptr(GlossLibraryItem) item = NULL;

  if (position == GTK_INVALID_LIST_POSITION)
    return 0;

  item = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  return item != NULL ? gloss_library_item_get_id (item) : 0;
}

/* The one selected row's position; GTK_INVALID_LIST_POSITION when none or
 * several are selected. */
static guint
get_single_selected (GlossLibrarySidebar *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  return gtk_bitset_get_size (selected) == 1 ? gtk_bitset_get_minimum (selected)
                                             : GTK_INVALID_LIST_POSITION;
}

/* A click or the arrow keys select one row: it opens.  Ctrl or Shift with
 * them select several (to share them at once) and open nothing. */
static void
selection_changed_cb (GlossLibrarySidebar *self)
{
  gint64 id;

  if (self->selecting)
    return;

  id = get_item_id (self, get_single_selected (self));
  if (id != 0)
    g_signal_emit (self, signals[ARTICLE_ACTIVATED], 0, id);
}

/**
 * gloss_library_sidebar_is_loading:
 *
 * Returns: whether the library is still being listed for the first time
 */
gboolean
gloss_library_sidebar_is_loading (GlossLibrarySidebar *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY_SIDEBAR (self), FALSE);

  return self->loading != NULL;
}

static void
list_activate_cb (GlossLibrarySidebar *self,
                  guint                position)
{
  gint64 id = get_item_id (self, position);

  if (id != 0)
    g_signal_emit (self, signals[ARTICLE_ACTIVATED], 0, id);
}

/* The article actions the window offers, for one row's context menu;
 * with @n_selected rows selected, this one among them, what can be done
 * to them all. */
static GMenuModel *
new_article_menu (const GlossArticleSummary *summary,
                  guint                      n_selected)
{
  GMenu *menu = g_menu_new ();
  GMenu *section = g_menu_new ();
  GVariant *target = g_variant_new_int64 (summary->id);
  g_autoptr(GMenuItem) item = NULL;

  g_variant_ref_sink (target);

  item = g_menu_item_new (summary->unread ? _("Mark as _Read") : _("Mark as _Unread"), NULL);
  g_menu_item_set_action_and_target_value (item, "win.toggle-unread", target);
  g_menu_append_item (section, item);
  g_clear_object (&item);

  item = g_menu_item_new (summary->archived ? _("Un_archive") : _("_Archive"), NULL);
  g_menu_item_set_action_and_target_value (item, "win.toggle-archived", target);
  g_menu_append_item (section, item);
  g_clear_object (&item);

  item = g_menu_item_new (_("_Details"), NULL);
  g_menu_item_set_action_and_target_value (item, "win.article-details", target);
  g_menu_append_item (section, item);
  g_clear_object (&item);

  item = g_menu_item_new (_("_Versions…"), NULL);
  g_menu_item_set_action_and_target_value (item, "win.versions", target);
  g_menu_append_item (section, item);
  g_clear_object (&item);

  /* Only a story that came by its link can be asked for again. */
  if (summary->url != NULL)
    {
      item = g_menu_item_new (_("Check for _Changes"), NULL);
      g_menu_item_set_action_and_target_value (item, "win.check-changes", target);
      g_menu_append_item (section, item);
      g_clear_object (&item);
    }

  /* src/app/team: hidden unless the library syncs with a team library */
  if (n_selected > 1)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "Share %u Selected Article to _Team Library…",
                                                             "Share %u Selected Articles to _Team Library…",
                                                             n_selected), n_selected);

      item = g_menu_item_new (label, "team.share-selected");
    }
  else
    {
      item = g_menu_item_new (_("Share to _Team Library…"), NULL);
      g_menu_item_set_action_and_target_value (item, "team.share", target);
    }
  g_menu_item_set_attribute (item, "hidden-when", "s", "action-disabled");
  g_menu_append_item (section, item);
  g_clear_object (&item);

  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);

  section = g_menu_new ();
  item = g_menu_item_new (_("_Delete"), NULL);
  g_menu_item_set_action_and_target_value (item, "win.delete-article", target);
  g_menu_append_item (section, item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);

  g_variant_unref (target);
  return G_MENU_MODEL (menu);
}

static void
context_menu_closed_cb (GtkPopover *popover)
{
  /* After the action it chose has run. */
  g_idle_add_once ((GSourceOnceFunc) gtk_widget_unparent, popover);
}

static void
popup_context_menu (GlossLibraryRow *row,
                    double           x,
                    double           y)
{
  GlossLibraryItem *item = gloss_library_row_get_item (row);
  GtkWidget *sidebar = gtk_widget_get_ancestor (GTK_WIDGET (row), GLOSS_TYPE_LIBRARY_SIDEBAR);
  g_autoptr(GArray) selected = NULL;
  g_autoptr(GMenuModel) menu = NULL;
  GtkWidget *popover;
  guint n_selected = 0;

  if (item == NULL)
    return;

  /* The row is one of several selected: the menu offers them all too. */
  if (sidebar != NULL)
    selected = gloss_library_sidebar_dup_selected_ids (GLOSS_LIBRARY_SIDEBAR (sidebar));
  for (guint i = 0; selected != NULL && i < selected->len; i++)
    if (g_array_index (selected, gint64, i) == gloss_library_item_get_id (item))
      n_selected = selected->len;

  menu = new_article_menu (gloss_library_item_get_summary (item), n_selected);
  popover = gtk_popover_menu_new_from_model (menu);
  gtk_widget_set_parent (popover, GTK_WIDGET (row));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { x, y, 1, 1 });
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_BOTTOM);
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  g_signal_connect (popover, "closed", G_CALLBACK (context_menu_closed_cb), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
row_pressed_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                gpointer         user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  popup_context_menu (GLOSS_LIBRARY_ROW (row), x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* The row showing @article_id, if it is built (on screen or near it). */
static GlossLibraryRow *
find_row (GtkWidget *widget,
          gint64     article_id)
{
  if (GLOSS_IS_LIBRARY_ROW (widget))
    {
      GlossLibraryItem *item = gloss_library_row_get_item (GLOSS_LIBRARY_ROW (widget));

      return item != NULL && gloss_library_item_get_id (item) == article_id
             ? GLOSS_LIBRARY_ROW (widget) : NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GlossLibraryRow *row = find_row (child, article_id);

      if (row != NULL)
        return row;
    }

  return NULL;
}

/* Menu or Shift+F10: the selected article's menu, from the keyboard. */
static gboolean
context_menu_key_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  GlossLibrarySidebar *self = GLOSS_LIBRARY_SIDEBAR (user_data);
  g_autoptr(GArray) selected = gloss_library_sidebar_dup_selected_ids (self);
  gint64 id = selected->len > 0 ? g_array_index (selected, gint64, 0) : 0;
  GlossLibraryRow *row = id != 0 ? find_row (GTK_WIDGET (self->list_view), id) : NULL;

  if (row == NULL)
    return FALSE;

  popup_context_menu (row, 12, gtk_widget_get_height (GTK_WIDGET (row)));
  return TRUE;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  GtkWidget *row = gloss_library_row_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (row_pressed_cb), NULL);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));

  gtk_list_item_set_child (list_item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item)
{
  gloss_library_row_set_item (GLOSS_LIBRARY_ROW (gtk_list_item_get_child (list_item)),
                              gtk_list_item_get_item (list_item));
}

/* A row kept for reuse shows nothing: the keyboard's menu looks for the
 * selected article's row by its item. */
static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  gloss_library_row_set_item (GLOSS_LIBRARY_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static gboolean
delete_selected_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  GlossLibrarySidebar *self = GLOSS_LIBRARY_SIDEBAR (user_data);
  gint64 id = gloss_library_sidebar_get_selected_id (self);

  if (id == 0)
    return FALSE;

  return gtk_widget_activate_action (widget, "win.delete-article", "x", id);
}

static void
set_filter_cb (GSimpleAction *action,
               GVariant      *value,
               gpointer       user_data)
{
  GlossLibrarySidebar *self = GLOSS_LIBRARY_SIDEBAR (user_data);
  const char *name = g_variant_get_string (value, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    if (g_str_equal (filters[i].name, name))
      {
        self->filter = filters[i].filter;
        g_simple_action_set_state (action, value);
        gloss_library_sidebar_reload (self);
        return;
      }
}

static void
set_sort_cb (GSimpleAction *action,
             GVariant      *value,
             gpointer       user_data)
{
  GlossLibrarySidebar *self = GLOSS_LIBRARY_SIDEBAR (user_data);

  if (!gloss_article_sort_from_string (g_variant_get_string (value, NULL), &self->sort))
    return;

  g_simple_action_set_state (action, value);
  gloss_library_sidebar_reload (self);
}

/* Hidden before the next frame: no frame is coming. */
static void
gloss_library_sidebar_unmap (GtkWidget *widget)
{
  GlossLibrarySidebar *self = GLOSS_LIBRARY_SIDEBAR (widget);

  gloss_after_paint_unmapped (&self->showing_first_listing);

  GTK_WIDGET_CLASS (gloss_library_sidebar_parent_class)->unmap (widget);
}

static void
gloss_library_sidebar_dispose (GObject *object)
{
  GlossLibrarySidebar *self = GLOSS_LIBRARY_SIDEBAR (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  gloss_after_paint_cancel (&self->showing_first_listing);
  g_clear_object (&self->first_listing);
  gtk_widget_dispose_template (GTK_WIDGET (object), GLOSS_TYPE_LIBRARY_SIDEBAR);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (gloss_library_sidebar_parent_class)->dispose (object);
}

static void
gloss_library_sidebar_class_init (GlossLibrarySidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_library_sidebar_dispose;
  widget_class->unmap = gloss_library_sidebar_unmap;

  /**
   * GlossLibrarySidebar::article-activated:
   * @self: the sidebar
   * @article_id: the chosen article
   */
  signals[ARTICLE_ACTIVATED] =
    g_signal_new ("article-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * GlossLibrarySidebar::hit-activated:
   * @self: the sidebar
   * @hit: (type gpointer): the chosen #GlossSearchHit, valid during the emission
   */
  signals[HIT_ACTIVATED] =
    g_signal_new ("hit-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  g_type_ensure (GLOSS_TYPE_SEARCH_LIST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/gloss-library-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossLibrarySidebar, box);
  gtk_widget_class_bind_template_child (widget_class, GlossLibrarySidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossLibrarySidebar, view_button);
  gtk_widget_class_bind_template_child (widget_class, GlossLibrarySidebar, filter_label);
  gtk_widget_class_bind_template_child (widget_class, GlossLibrarySidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossLibrarySidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, GlossLibrarySidebar, search_list);
  gtk_widget_class_bind_template_child (widget_class, GlossLibrarySidebar, status_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, hit_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "librarysidebar");
}

static void
gloss_library_sidebar_init (GlossLibrarySidebar *self)
{
  const GActionEntry entries[] = {
    { .name = "filter", .parameter_type = "s", .state = "'all'", .change_state = set_filter_cb },
    { .name = "sort", .parameter_type = "s", .state = "'added'", .change_state = set_sort_cb },
  };
  GtkListItemFactory *factory;
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = GLOSS_ARTICLE_FILTER_NOT_ARCHIVED;
  self->sort = GLOSS_ARTICLE_SORT_ADDED;

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "library", G_ACTION_GROUP (self->actions));

  self->model = gloss_library_model_new ();
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (list_activate_cb), self);

  /* Delete in the list deletes the selected article, with Undo; the menu
   * key opens its menu. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                   gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0)),
                      gtk_callback_action_new (delete_selected_cb, self, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Menu, 0),
                                                   gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK)),
                      gtk_callback_action_new (context_menu_key_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), shortcuts);

  gtk_search_entry_set_key_capture_widget (self->search_entry, NULL);
  gloss_library_sidebar_update_page (self);
}

/**
 * gloss_library_sidebar_new:
 *
 * Returns: (transfer floating): an empty sidebar
 */
GtkWidget *
gloss_library_sidebar_new (void)
{
  return g_object_new (GLOSS_TYPE_LIBRARY_SIDEBAR, NULL);
}

static gboolean
show_first_listing_cb (gpointer user_data)
{
  GlossLibrarySidebar *self = user_data;
  g_autoptr(GAsyncResult) result = g_steal_pointer (&self->first_listing);
  g_autoptr(GError) error = NULL;
  gboolean listed;

  listed = gloss_library_model_load_finish (self->model, result, &error);
  g_clear_object (&self->loading);

  if (self->reload_after_loading || !listed
      || (self->wanted_id != 0
          && gloss_library_model_find (self->model, self->wanted_id) == GTK_INVALID_LIST_POSITION))
    {
      /* Something changed meanwhile, the article to select came after the
       * listing started, or the worker could not read: the window's own
       * connection lists it again (and says why if it fails). */
      gloss_library_sidebar_reload (self);
      return G_SOURCE_REMOVE;
    }

  gloss_library_sidebar_select_article (self, self->wanted_id);
  gloss_library_sidebar_update_page (self);
  return G_SOURCE_REMOVE;
}

static void
first_listing_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GlossLibrarySidebar) self = user_data;

  /* Another library, or the sidebar gone: the listing is of no use. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  self->first_listing = g_object_ref (result);
  gloss_after_paint_schedule (&self->showing_first_listing, GTK_WIDGET (self), G_PRIORITY_DEFAULT,
                              show_first_listing_cb, self, "[gloss] first listing");
}

/**
 * gloss_library_sidebar_set_store:
 * @self: a #GlossLibrarySidebar
 * @store: (nullable): the library, or %NULL when there is none
 */
void
gloss_library_sidebar_set_store (GlossLibrarySidebar *self,
                                 GlossStore          *store)
{
  g_return_if_fail (GLOSS_IS_LIBRARY_SIDEBAR (self));
  g_return_if_fail (store == NULL || GLOSS_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  gloss_after_paint_cancel (&self->showing_first_listing);
  g_clear_object (&self->first_listing);

  if (store == NULL)
    {
      gloss_library_sidebar_reload (self);
      return;
    }

  /* Listing 10,000 articles takes a while; the window shows meanwhile. */
  self->loading = g_cancellable_new ();
  self->reload_after_loading = FALSE;
  gloss_library_model_load_async (self->model, store, self->filter, self->sort, self->loading,
                                  first_listing_cb, g_object_ref (self));
}

/**
 * gloss_library_sidebar_reload:
 * @self: a #GlossLibrarySidebar
 *
 * Lists the library again (articles came or went), keeping the selected
 * article selected, and repeats the search being shown.
 */
void
gloss_library_sidebar_reload (GlossLibrarySidebar *self)
{
  g_autoptr(GError) error = NULL;
  gint64 selected;

  g_return_if_fail (GLOSS_IS_LIBRARY_SIDEBAR (self));

  if (self->loading != NULL)
    {
      self->reload_after_loading = TRUE;
      return;
    }

  selected = self->wanted_id;

  if (self->store == NULL)
    gloss_library_model_clear (self->model);
  else if (!gloss_library_model_load (self->model, self->store, self->filter, self->sort, &error))
    {
      report_error (self, error);
      return;
    }

  gloss_library_sidebar_select_article (self, selected);

  if (is_searching (self))
    gloss_library_sidebar_run_search (self);
  else
    gloss_library_sidebar_update_page (self);
}

/**
 * gloss_library_sidebar_refresh_article:
 * @self: a #GlossLibrarySidebar
 * @article_id: an article whose state or annotations changed
 *
 * Updates that article's row only; the rest of the list stays put.
 */
void
gloss_library_sidebar_refresh_article (GlossLibrarySidebar *self,
                                       gint64               article_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkBitset) selected = NULL;
  gboolean was_selected;
  guint position;

  g_return_if_fail (GLOSS_IS_LIBRARY_SIDEBAR (self));

  if (self->store == NULL)
    return;

  position = gloss_library_model_find (self->model, article_id);
  was_selected = position != GTK_INVALID_LIST_POSITION &&
                 gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position);
  self->selecting = TRUE;
  if (!gloss_library_model_refresh_article (self->model, self->store, article_id, &error))
    g_warning ("Could not read article %" G_GINT64_FORMAT " again: %s", article_id, error->message);
  /* Replacing the row drops its selection; it comes back without reopening
   * (and the others selected with it stay). */
  position = gloss_library_model_find (self->model, article_id);
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (position != GTK_INVALID_LIST_POSITION && (was_selected || gtk_bitset_is_empty (selected)))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, FALSE);
  self->selecting = FALSE;
}

/**
 * gloss_library_sidebar_select_article:
 * @self: a #GlossLibrarySidebar
 * @article_id: the article the window shows, or 0 for none
 *
 * Selects the article's row (when it is listed) and scrolls it into view,
 * without emitting ::article-activated.
 */
void
gloss_library_sidebar_select_article (GlossLibrarySidebar *self,
                                      gint64               article_id)
{
  guint position;

  g_return_if_fail (GLOSS_IS_LIBRARY_SIDEBAR (self));

  self->wanted_id = article_id;
  position = article_id != 0 ? gloss_library_model_find (self->model, article_id)
                             : GTK_INVALID_LIST_POSITION;

  self->selecting = TRUE;
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  else
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  self->selecting = FALSE;

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

/**
 * gloss_library_sidebar_get_selected_id:
 *
 * Returns: the selected article's id, or 0 when none or several are
 *   selected
 */
gint64
gloss_library_sidebar_get_selected_id (GlossLibrarySidebar *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY_SIDEBAR (self), 0);

  return get_item_id (self, get_single_selected (self));
}

/**
 * gloss_library_sidebar_dup_selected_ids:
 *
 * Returns: (transfer full) (element-type gint64): the ids of the articles
 *   selected, in the list's order
 */
GArray *
gloss_library_sidebar_dup_selected_ids (GlossLibrarySidebar *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (GLOSS_IS_LIBRARY_SIDEBAR (self), ids);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 id = get_item_id (self, position);

      if (id != 0)
        g_array_append_val (ids, id);
    }
  return ids;
}

/**
 * gloss_library_sidebar_focus_search:
 *
 * Puts the keyboard in the search field, its text selected.
 */
void
gloss_library_sidebar_focus_search (GlossLibrarySidebar *self)
{
  g_return_if_fail (GLOSS_IS_LIBRARY_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/**
 * gloss_library_sidebar_get_articles:
 *
 * Returns: (transfer none): the articles listed, a model of #GlossLibraryItem
 */
GListModel *
gloss_library_sidebar_get_articles (GlossLibrarySidebar *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY_SIDEBAR (self), NULL);

  return G_LIST_MODEL (self->model);
}

/**
 * gloss_library_sidebar_get_search_list:
 *
 * Returns: (transfer none): the list of search results
 */
GtkWidget *
gloss_library_sidebar_get_search_list (GlossLibrarySidebar *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY_SIDEBAR (self), NULL);

  return GTK_WIDGET (self->search_list);
}

/**
 * gloss_library_sidebar_get_search_entry:
 *
 * Returns: (transfer none): the search field
 */
GtkEditable *
gloss_library_sidebar_get_search_entry (GlossLibrarySidebar *self)
{
  g_return_val_if_fail (GLOSS_IS_LIBRARY_SIDEBAR (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

/**
 * gloss_library_sidebar_add_section:
 * @section: a widget to show below the article list (team libraries)
 *
 * Adds @section between the article list and All Annotations.
 */
void
gloss_library_sidebar_add_section (GlossLibrarySidebar *self,
                                   GtkWidget           *section)
{
  g_return_if_fail (GLOSS_IS_LIBRARY_SIDEBAR (self));
  g_return_if_fail (GTK_IS_WIDGET (section));

  gtk_box_insert_child_after (GTK_BOX (self->box), section, GTK_WIDGET (self->stack));
}
