/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-team"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-team-add-dialog.h"
#include "gloss-team-password.h"
#include "gloss-team-preferences.h"

/*
 * Preferences → Team Libraries: the team libraries this library syncs
 * with, a button to add one (gloss-team-add-dialog.c) and one on each row
 * to remove it.  Removing stops syncing only: what the team shared stays
 * in the library, and the password leaves the keyring unless another team
 * library on the same server as the same person still needs it.
 */

typedef struct
{
  AdwPreferencesWindow *window;
  AdwPreferencesGroup *group;
  GlossStore *store;
  GPtrArray *rows;
} Page;

static void
page_free (Page *page)
{
  g_object_unref (page->store);
  g_ptr_array_unref (page->rows);
  g_free (page);
}

static void reload (Page *page);

static void
clear_password_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;

  if (!gloss_team_password_clear (task_data, cancellable, &error))
    g_debug ("The keyring kept the team password: %s", error->message);
  g_task_return_boolean (task, TRUE);
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Page             *page)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "team-library-id"));
  const char *conninfo = g_object_get_data (G_OBJECT (dialog), "team-conninfo");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) others = NULL;
  gboolean still_used = FALSE;

  if (!g_str_equal (response, "remove"))
    return;
  if (!gloss_team_remove_library (page->store, id, &error))
    {
      adw_preferences_window_add_toast (page->window, adw_toast_new (error->message));
      return;
    }
  others = gloss_team_list_libraries (page->store, NULL);
  for (guint i = 0; others != NULL && i < others->len; i++)
    if (g_str_equal (((GlossTeamLibrary *) g_ptr_array_index (others, i))->conninfo, conninfo))
      still_used = TRUE;
  if (!still_used)
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

      g_task_set_task_data (task, g_strdup (conninfo), g_free);
      g_task_run_in_thread (task, clear_password_thread);
    }
  reload (page);
}

static void
remove_clicked_cb (GtkButton *button,
                   Page      *page)
{
  GlossTeamLibrary *library = g_object_get_data (G_OBJECT (button), "team-library");
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (page->window), NULL, NULL));
  adw_message_dialog_format_heading (dialog, _("Remove “%s”?"), library->name);
  adw_message_dialog_set_body (dialog, _("This library stops syncing with it. What the team "
                                         "shared stays here; changes not yet sent are not "
                                         "sent."));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "team-library-id", GSIZE_TO_POINTER (library->id));
  g_object_set_data_full (G_OBJECT (dialog), "team-conninfo", g_strdup (library->conninfo),
                          g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (remove_response_cb), page);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reload (Page *page)
{
  g_autoptr(GPtrArray) libraries = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < page->rows->len; i++)
    adw_preferences_group_remove (page->group, g_ptr_array_index (page->rows, i));
  g_ptr_array_set_size (page->rows, 0);

  libraries = gloss_team_list_libraries (page->store, &error);
  if (libraries == NULL || libraries->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     libraries == NULL ? error->message
                                     : _("No team libraries yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (page->group, row);
      g_ptr_array_add (page->rows, row);
      return;
    }

  for (guint i = 0; i < libraries->len; i++)
    {
      GlossTeamLibrary *library = g_ptr_array_index (libraries, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *label = g_strdup_printf (_("Remove “%s”"), library->name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), library->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), library->conninfo);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      gtk_widget_set_name (button, "team-remove-button");
      g_object_set_data_full (G_OBJECT (button), "team-library",
                              g_ptr_array_steal_index (libraries, i--),
                              (GDestroyNotify) gloss_team_library_free);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked_cb), page);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (page->group, row);
      g_ptr_array_add (page->rows, row);
    }
}

static void
add_clicked_cb (GtkButton *button,
                Page      *page)
{
  GlossTeamAddDialog *dialog = gloss_team_add_dialog_new (GTK_WINDOW (page->window), page->store);

  g_signal_connect_swapped (dialog, "added", G_CALLBACK (reload), page);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * gloss_team_preferences_add_page:
 * @window: the preferences window
 * @store: (nullable): the library, or %NULL when none could be opened
 *
 * Adds the Team Libraries page to @window.
 */
void
gloss_team_preferences_add_page (AdwPreferencesWindow *window,
                                 GlossStore           *store)
{
  GtkWidget *preferences_page;
  GtkWidget *button;
  Page *page;

  g_return_if_fail (ADW_IS_PREFERENCES_WINDOW (window));

  if (store == NULL)
    return;

  page = g_new0 (Page, 1);
  page->window = window;
  page->store = g_object_ref (store);
  page->rows = g_ptr_array_new ();
  preferences_page = adw_preferences_page_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (preferences_page), _("_Team Libraries"));
  adw_preferences_page_set_use_underline (ADW_PREFERENCES_PAGE (preferences_page), TRUE);
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (preferences_page),
                                      "system-users-symbolic");
  gtk_widget_set_name (preferences_page, "team-page");
  g_object_set_data_full (G_OBJECT (preferences_page), "team-page", page,
                          (GDestroyNotify) page_free);

  page->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (page->group, _("Team Libraries"));
  adw_preferences_group_set_description (page->group,
                                         _("Share articles and annotations with a team through "
                                           "its PostgreSQL server; Gloss syncs in the "
                                           "background and keeps working offline."));
  button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Add Team Library…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add Team Library…"), -1);
  gtk_widget_set_name (button, "team-add-button");
  g_signal_connect (button, "clicked", G_CALLBACK (add_clicked_cb), page);
  adw_preferences_group_set_header_suffix (page->group, button);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (preferences_page), page->group);
  reload (page);

  adw_preferences_window_add (window, ADW_PREFERENCES_PAGE (preferences_page));
}
