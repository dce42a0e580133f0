/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-team"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-row.h"
#include "gloss-team-conflict-dialog.h"
#include "gloss-team-sidebar.h"
#include "gloss-team-window.h"
#include "gloss-window-private.h"

/*
 * Team libraries in the window: the sync state in the header (a button
 * whose popover says more and offers Sync Now), the "team" actions
 * (team.sync, team.share with an article id, 0 for the one shown,
 * team.share-selected for the articles selected in the library sidebar,
 * team.resolve for the oldest conflict a sync kept, offered in the popover
 * while there is one) and the team section of the library sidebar.  Everything hangs off the window as
 * object data, so GlossWindow itself only calls gloss_team_window_attach().
 * Each annotation row asks who made its annotation (the person whose
 * login pushed it, as the server recorded it); rows are asked again when
 * a sync brought other authors.
 */

typedef struct
{
  GlossWindow *window;
  GlossTeamMonitor *monitor;
  GSimpleActionGroup *actions;
  GtkWidget *button;
  GtkImage *icon;
  GtkLabel *label;
  GtkLabel *heading;
  GtkLabel *detail;
  GtkWidget *resolve;
  GlossTeamSidebar *sidebar;

  /* Who made each annotation of the article shown, by uuid */
  GHashTable *authors;
  gint64 authors_article;
} Team;

#define TEAM_KEY "gloss-team"

static void
team_free (Team *team)
{
  g_signal_handlers_disconnect_by_data (team->monitor, team);
  g_object_unref (team->monitor);
  g_object_unref (team->actions);
  g_clear_pointer (&team->authors, g_hash_table_unref);
  g_free (team);
}

static const char *
state_icon (GlossTeamState state)
{
  switch (state)
    {
    case GLOSS_TEAM_STATE_SYNCING: return "emblem-synchronizing-symbolic";
    case GLOSS_TEAM_STATE_SYNCED: return "emblem-ok-symbolic";
    case GLOSS_TEAM_STATE_WAITING: return "document-send-symbolic";
    case GLOSS_TEAM_STATE_OFFLINE: return "network-offline-symbolic";
    case GLOSS_TEAM_STATE_ERROR: return "dialog-warning-symbolic";
    case GLOSS_TEAM_STATE_NONE:
    default: return NULL;
    }
}

static GHashTable *
read_authors (Team   *team,
              gint64  article_id)
{
  GlossStore *store = gloss_window_get_store (team->window);
  GHashTable *authors = NULL;

  if (store != NULL && article_id > 0)
    authors = gloss_team_list_authors (store, article_id, NULL);
  return authors != NULL ? authors : g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static gboolean
same_authors (GHashTable *a,
              GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (b, key)) != 0)
      return FALSE;
  return TRUE;
}

static void
refresh_rows (GtkWidget *widget)
{
  if (GLOSS_IS_ANNOTATION_ROW (widget))
    {
      gloss_annotation_row_refresh (GLOSS_ANNOTATION_ROW (widget));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    refresh_rows (child);
}

/* Reads the authors of the article shown again; the rows are told only
 * when someone changed, as most syncs and edits bring no new author. */
static void
update_authors (Team *team)
{
  GlossArticle *article;
  gint64 article_id;
  g_autoptr(GHashTable) authors = NULL;

  if (gtk_widget_in_destruction (GTK_WIDGET (team->window)))
    return;
  article = gloss_window_get_article (team->window);
  article_id = article != NULL ? gloss_article_get_id (article) : 0;
  authors = read_authors (team, article_id);
  if (team->authors != NULL && team->authors_article == article_id &&
      same_authors (team->authors, authors))
    return;
  g_clear_pointer (&team->authors, g_hash_table_unref);
  team->authors = g_steal_pointer (&authors);
  team->authors_article = article_id;
  refresh_rows (GTK_WIDGET (team->window->annotation_list));
}

static char *
author_func (GtkWidget       *row,
             GlossAnnotation *annotation)
{
  GtkRoot *root = gtk_widget_get_root (row);
  Team *team = root != NULL ? g_object_get_data (G_OBJECT (root), TEAM_KEY) : NULL;
  gint64 article_id = gloss_annotation_get_article_id (annotation);

  if (team == NULL || article_id <= 0)
    return NULL;
  if (team->authors == NULL || team->authors_article != article_id)
    {
      g_clear_pointer (&team->authors, g_hash_table_unref);
      team->authors = read_authors (team, article_id);
      team->authors_article = article_id;
    }
  return g_strdup (g_hash_table_lookup (team->authors, gloss_annotation_get_uuid (annotation)));
}

static void
update_actions (Team *team)
{
  GlossStore *store = gloss_window_get_store (team->window);
  GlossTeamState state = gloss_team_monitor_get_state (team->monitor);
  GAction *share = g_action_map_lookup_action (G_ACTION_MAP (team->actions), "share");
  GAction *share_selected = g_action_map_lookup_action (G_ACTION_MAP (team->actions),
                                                        "share-selected");
  GAction *sync = g_action_map_lookup_action (G_ACTION_MAP (team->actions), "sync");
  GAction *resolve = g_action_map_lookup_action (G_ACTION_MAP (team->actions), "resolve");
  g_autoptr(GPtrArray) conflicts = NULL;

  g_simple_action_set_enabled (G_SIMPLE_ACTION (share), store != NULL &&
                               !gloss_store_is_read_only (store) &&
                               state != GLOSS_TEAM_STATE_NONE);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (share_selected),
                               g_action_get_enabled (share));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (sync), state != GLOSS_TEAM_STATE_NONE &&
                               state != GLOSS_TEAM_STATE_SYNCING);

  if (store != NULL && state != GLOSS_TEAM_STATE_NONE)
    conflicts = gloss_team_list_conflicts (store, 0, NULL);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (resolve), conflicts != NULL &&
                               conflicts->len > 0 && !gloss_store_is_read_only (store));
  gtk_widget_set_visible (team->resolve, conflicts != NULL && conflicts->len > 0);
}

static void
monitor_changed_cb (GlossTeamMonitor *monitor,
                    Team             *team)
{
  GlossTeamState state = gloss_team_monitor_get_state (monitor);
  const char *summary = gloss_team_monitor_get_summary (monitor);
  const char *detail = gloss_team_monitor_get_detail (monitor);
  g_autofree char *label = NULL;

  gtk_widget_set_visible (team->button, state != GLOSS_TEAM_STATE_NONE);
  if (state != GLOSS_TEAM_STATE_NONE)
    {
      gtk_image_set_from_icon_name (team->icon, state_icon (state));
      gtk_label_set_text (team->label, summary);
      gtk_label_set_text (team->heading, summary);
      gtk_label_set_text (team->detail, detail);
      gtk_widget_set_tooltip_text (team->button, detail);
      /* Translators: the header button's name for screen readers; %s is
       * the sync state ("Synced", "2 changes waiting"…) */
      label = g_strdup_printf (_("Team sync: %s"), summary);
      gtk_accessible_update_property (GTK_ACCESSIBLE (team->button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, detail, -1);
      if (state == GLOSS_TEAM_STATE_ERROR)
        gtk_widget_add_css_class (team->button, "error");
      else
        gtk_widget_remove_css_class (team->button, "error");
    }
  update_actions (team);
  gloss_team_sidebar_reload (team->sidebar, gloss_team_monitor_get_store (monitor));
  update_authors (team);
}

static void
store_changed_cb (GlossWindow *window,
                  GParamSpec  *pspec,
                  Team        *team)
{
  gloss_team_monitor_set_store (team->monitor, gloss_window_get_store (window));
}

static void
sync_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  Team *team = user_data;

  gloss_team_monitor_sync (team->monitor);
}

static void
resolve_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Team             *team)
{
  gint64 conflict_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "conflict-id"));
  GlossStore *store = gloss_window_get_store (team->window);
  g_autoptr(GError) error = NULL;
  GlossTeamChoice choice;

  if (store == NULL || !gloss_team_conflict_response_parse (response, &choice))
    return;
  if (!gloss_team_resolve_conflict (store, conflict_id, choice, &error))
    {
      gloss_window_add_toast (team->window, adw_toast_new (error->message));
      return;
    }
  if (!gloss_window_reload_annotations (team->window, &error))
    gloss_window_add_toast (team->window, adw_toast_new (error->message));
  gloss_team_monitor_refresh (team->monitor);
  gloss_team_monitor_sync_soon (team->monitor);
}

/* The oldest conflict first; the button stays while more are left. */
static void
resolve_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  Team *team = user_data;
  GlossStore *store = gloss_window_get_store (team->window);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  GlossTeamConflict *conflict;
  AdwMessageDialog *dialog;

  if (store == NULL)
    return;
  conflicts = gloss_team_list_conflicts (store, 0, &error);
  if (conflicts == NULL)
    {
      gloss_window_add_toast (team->window, adw_toast_new (error->message));
      return;
    }
  if (conflicts->len == 0)
    return;
  conflict = g_ptr_array_index (conflicts, 0);
  dialog = gloss_team_conflict_dialog_new (GTK_WINDOW (team->window), conflict);
  g_object_set_data (G_OBJECT (dialog), "conflict-id", GSIZE_TO_POINTER (conflict->id));
  g_signal_connect (dialog, "response", G_CALLBACK (resolve_response_cb), team);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Shares each of @article_ids; one that fails stops there, with the
 * reason, and those before it stay shared. */
static void
share_to (Team   *team,
          gint64  library_id,
          GArray *article_ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) libraries = NULL;
  const char *name = NULL;

  for (guint i = 0; i < article_ids->len; i++)
    if (!gloss_team_share_article (gloss_window_get_store (team->window), library_id,
                                   g_array_index (article_ids, gint64, i), &error))
      {
        gloss_window_add_toast (team->window, adw_toast_new (error->message));
        gloss_team_monitor_refresh (team->monitor);
        return;
      }
  libraries = gloss_team_list_libraries (gloss_window_get_store (team->window), NULL);
  for (guint i = 0; libraries != NULL && i < libraries->len; i++)
    if (((GlossTeamLibrary *) g_ptr_array_index (libraries, i))->id == library_id)
      name = ((GlossTeamLibrary *) g_ptr_array_index (libraries, i))->name;
  if (name != NULL && article_ids->len > 1)
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u article shared to “%s”; sent "
                                                               "at the next sync",
                                                               "%u articles shared to “%s”; sent "
                                                               "at the next sync",
                                                               article_ids->len),
                                                  article_ids->len, name);

      gloss_window_add_toast (team->window, adw_toast_new (message));
    }
  else if (name != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Shared to “%s”; sent at the next sync"),
                                                  name);

      gloss_window_add_toast (team->window, adw_toast_new (message));
    }
  gloss_team_monitor_refresh (team->monitor);
  gloss_team_monitor_sync_soon (team->monitor);
}

static void
share_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   Team             *team)
{
  GArray *article_ids = g_object_get_data (G_OBJECT (dialog), "article-ids");

  if (g_str_has_prefix (response, "library-"))
    share_to (team, g_ascii_strtoll (response + strlen ("library-"), NULL, 10), article_ids);
}

/* Asks which team library @article_ids go to (one button each), then
 * shares them. */
static void
ask_share (Team   *team,
           GArray *article_ids)
{
  GlossStore *store = gloss_window_get_store (team->window);
  g_autoptr(GPtrArray) libraries = NULL;
  g_autoptr(GlossArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  if (store == NULL || article_ids->len == 0)
    return;
  libraries = gloss_team_list_libraries (store, &error);
  if (libraries != NULL && article_ids->len == 1)
    article = gloss_store_load_article (store, g_array_index (article_ids, gint64, 0), &error);
  if (libraries == NULL || (article_ids->len == 1 && article == NULL))
    {
      gloss_window_add_toast (team->window, adw_toast_new (error->message));
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (team->window),
                                                       _("Share to Team Library"), NULL));
  if (article != NULL)
    adw_message_dialog_format_body (dialog, _("“%s” and its annotations go to the team library "
                                              "at the next sync. Everyone in the team can read "
                                              "them; editors can change them."),
                                    gloss_article_get_title (article));
  else
    adw_message_dialog_format_body (dialog, g_dngettext (GETTEXT_PACKAGE,
                                                         "%u article and its annotations go "
                                                         "to the team library at the next "
                                                         "sync. Everyone in the team can read "
                                                         "them; editors can change them.",
                                                         "%u articles and their annotations go "
                                                         "to the team library at the next "
                                                         "sync. Everyone in the team can read "
                                                         "them; editors can change them.",
                                                         article_ids->len),
                                    article_ids->len);
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  for (guint i = 0; i < libraries->len; i++)
    {
      GlossTeamLibrary *library = g_ptr_array_index (libraries, i);
      g_autofree char *id = g_strdup_printf ("library-%" G_GINT64_FORMAT, library->id);
      g_autofree char *label = libraries->len == 1 ? g_strdup (_("_Share"))
                               /* Translators: a button sharing to the team library %s */
                               : g_strdup_printf (_("Share to %s"), library->name);

      adw_message_dialog_add_response (dialog, id, label);
      if (i == 0)
        {
          adw_message_dialog_set_response_appearance (dialog, id, ADW_RESPONSE_SUGGESTED);
          adw_message_dialog_set_default_response (dialog, id);
        }
    }
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "article-ids", g_array_ref (article_ids),
                          (GDestroyNotify) g_array_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (share_response_cb), team);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
share_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  Team *team = user_data;
  gint64 article_id = g_variant_get_int64 (parameter);
  g_autoptr(GArray) article_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (article_id == 0 && gloss_window_get_article (team->window) != NULL)
    article_id = gloss_article_get_id (gloss_window_get_article (team->window));
  if (article_id <= 0)
    return;
  g_array_append_val (article_ids, article_id);
  ask_share (team, article_ids);
}

/* The articles selected in the library sidebar (Ctrl or Shift and a click
 * or the arrow keys), all at once. */
static void
share_selected_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  Team *team = user_data;
  g_autoptr(GArray) article_ids = gloss_library_sidebar_dup_selected_ids (team->window->library_sidebar);

  ask_share (team, article_ids);
}

static GtkWidget *
make_button (Team *team)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *popover_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *sync = gtk_button_new_with_mnemonic (_("Sync _Now"));
  GtkWidget *button = gtk_menu_button_new ();

  team->icon = GTK_IMAGE (gtk_image_new ());
  team->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (team->label), "team-sync-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (team->icon));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (team->label));
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), box);

  team->detail = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (team->detail, TRUE);
  gtk_label_set_max_width_chars (team->detail, 36);
  gtk_label_set_xalign (team->detail, 0);
  team->heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (team->heading, 0);
  gtk_widget_add_css_class (GTK_WIDGET (team->heading), "heading");
  gtk_widget_set_name (sync, "team-sync-now");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (sync), "team.sync");
  gtk_widget_add_css_class (sync, "suggested-action");
  gtk_box_append (GTK_BOX (popover_box), GTK_WIDGET (team->heading));
  gtk_box_append (GTK_BOX (popover_box), GTK_WIDGET (team->detail));
  gtk_widget_set_margin_top (sync, 6);
  gtk_box_append (GTK_BOX (popover_box), sync);
  team->resolve = gtk_button_new_with_mnemonic (_("Resolve _Conflict…"));
  gtk_widget_set_name (team->resolve, "team-resolve-conflict");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (team->resolve), "team.resolve");
  gtk_widget_set_visible (team->resolve, FALSE);
  gtk_box_append (GTK_BOX (popover_box), team->resolve);
  gtk_widget_set_margin_start (popover_box, 6);
  gtk_widget_set_margin_end (popover_box, 6);
  gtk_widget_set_margin_top (popover_box, 6);
  gtk_widget_set_margin_bottom (popover_box, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), popover_box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);

  gtk_widget_set_name (button, "team-sync-button");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_visible (button, FALSE);
  return button;
}

static void
window_destroy_cb (GlossWindow *window,
                   Team        *team)
{
  /* No sync or poll outlives the window's widgets. */
  g_signal_handlers_disconnect_by_data (team->monitor, team);
  g_signal_handlers_disconnect_by_data (window, team);
  gloss_team_monitor_set_store (team->monitor, NULL);
}

static GtkWidget *
find_header_bar (GtkWidget *widget)
{
  if (ADW_IS_HEADER_BAR (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_header_bar (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * gloss_team_window_attach:
 * @window: a new window, its store set
 *
 * Gives @window its team libraries: the header's sync state, the team
 * actions and the sidebar's team section, all following its store.
 */
void
gloss_team_window_attach (GlossWindow *window)
{
  static const GActionEntry entries[] = {
    { .name = "sync", .activate = sync_action },
    { .name = "share", .activate = share_action, .parameter_type = "x" },
    { .name = "share-selected", .activate = share_selected_action },
    { .name = "resolve", .activate = resolve_action },
  };
  GtkWidget *header_bar;
  Team *team;

  g_return_if_fail (GLOSS_IS_WINDOW (window));

  /* The window's first header bar: the one above the reader. */
  header_bar = find_header_bar (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)));
  g_return_if_fail (header_bar != NULL);

  team = g_new0 (Team, 1);
  team->window = window;
  team->monitor = gloss_team_monitor_new ();
  team->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (team->actions), entries, G_N_ELEMENTS (entries),
                                   team);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "team", G_ACTION_GROUP (team->actions));

  team->button = make_button (team);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header_bar), team->button);
  team->sidebar = GLOSS_TEAM_SIDEBAR (gloss_team_sidebar_new ());
  gtk_widget_set_name (GTK_WIDGET (team->sidebar), "team-sidebar");
  gloss_library_sidebar_add_section (window->library_sidebar, GTK_WIDGET (team->sidebar));

  g_object_set_data_full (G_OBJECT (window), TEAM_KEY, team, (GDestroyNotify) team_free);
  g_signal_connect (team->monitor, "changed", G_CALLBACK (monitor_changed_cb), team);
  g_signal_connect (window, "notify::store", G_CALLBACK (store_changed_cb), team);
  g_signal_connect (window, "destroy", G_CALLBACK (window_destroy_cb), team);
  g_signal_connect_swapped (window, "notify::article", G_CALLBACK (update_authors), team);
  gloss_annotation_row_set_author_func (author_func);
  gloss_team_monitor_set_store (team->monitor, gloss_window_get_store (window));
  update_actions (team);
}

/**
 * gloss_team_window_get_monitor:
 *
 * Returns: (transfer none) (nullable): the team sync state of @window
 */
GlossTeamMonitor *
gloss_team_window_get_monitor (GlossWindow *window)
{
  Team *team = g_object_get_data (G_OBJECT (window), TEAM_KEY);

  return team != NULL ? team->monitor : NULL;
}
