/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-backups-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gloss-backups-window.h"

/*
 * The library's backups, newest first, each with a Restore button, and a
 * Back Up Now button.  Restoring goes through the application, which takes
 * the library back from every window before the file is replaced.
 */

struct _GlossBackupsWindow
{
  AdwWindow parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwPreferencesGroup  *group;
  GtkWidget            *empty_row;
  GtkWidget            *back_up_button;

  GlossApplication     *application;
  /* The rows of the backups, to take out before listing again */
  GPtrArray            *rows;
};

G_DEFINE_FINAL_TYPE (GlossBackupsWindow, gloss_backups_window, ADW_TYPE_WINDOW)

/* Backup files are named library-YYYYMMDDTHHMMSS.UUUUUU-REASON.db in UTC. */
static GDateTime *
parse_backup_time (const char  *basename,
                   char       **out_reason)
{
  g_autofree char *iso = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  const char *stamp;
  const char *dash;

  *out_reason = NULL;
  if (!g_str_has_prefix (basename, "library-") || strlen (basename) < 8 + 15)
    return NULL;

  stamp = basename + strlen ("library-");
  iso = g_strdup_printf ("%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ",
                         stamp, stamp + 4, stamp + 6, stamp + 9, stamp + 11, stamp + 13);
  dash = strchr (stamp + 15, '-');
  if (dash != NULL && g_str_has_suffix (dash, ".db"))
    *out_reason = g_strndup (dash + 1, strlen (dash + 1) - 3);

  return g_date_time_new_from_iso8601 (iso, utc);
}

static const char *
reason_label (const char *reason)
{
  if (g_strcmp0 (reason, "daily") == 0)
    return _("Daily backup");
  if (g_strcmp0 (reason, "manual") == 0)
    return _("Made by hand");
  if (g_strcmp0 (reason, "before-upgrade") == 0)
    return _("Before an upgrade of the library");
  if (g_strcmp0 (reason, "before-restore") == 0)
    return _("Before a restore");
  return _("Backup");
}

static char *
dup_backup_title (const char *path,
                  char      **out_subtitle)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *reason = NULL;
  g_autofree char *size = NULL;
  g_autoptr(GDateTime) utc = parse_backup_time (basename, &reason);
  g_autoptr(GDateTime) local = NULL;
  GStatBuf info;

  if (utc == NULL && g_stat (path, &info) == 0)
    utc = g_date_time_new_from_unix_utc (info.st_mtime);
  size = g_stat (path, &info) == 0 ? g_format_size (info.st_size) : g_strdup ("");
  /* Translators: a backup's kind, then its size, e.g. "Daily backup · 1.2 MB" */
  *out_subtitle = g_strdup_printf (_("%s · %s"), reason_label (reason), size);

  if (utc == NULL)
    return g_steal_pointer (&basename);

  local = g_date_time_to_local (utc);
  /* Translators: a backup's date and time, see strftime(3) */
  return g_date_time_format (local, _("%A, %e %B %Y, %H:%M:%S"));
}

static void
gloss_backups_window_reload (GlossBackupsWindow *self)
{
  const char *library_path = gloss_application_get_library_path (self->application);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *description = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.back-up-now",
                                 gloss_application_get_store (self->application) != NULL);
  if (library_path == NULL)
    return;

  folder = gloss_store_dup_backup_folder (library_path);
  /* Translators: %s is a folder */
  description = g_strdup_printf (_("Kept in %s. Restoring one replaces the library; the library "
                                   "replaced is backed up first."), folder);
  adw_preferences_group_set_description (self->group, description);

  backups = gloss_store_list_backups (library_path, &error);
  if (backups == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  gtk_widget_set_visible (self->empty_row, backups->len == 0);
  for (guint i = 0; i < backups->len; i++)
    {
      const char *path = g_ptr_array_index (backups, i);
      g_autofree char *subtitle = NULL;
      g_autofree char *title = dup_backup_title (path, &subtitle);
      g_autofree char *accessible = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_object_set_data_full (G_OBJECT (row), "backup-path", g_strdup (path), g_free);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "backups.restore");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", path);
      /* Translators: %s is a backup's date */
      accessible = g_strdup_printf (_("Restore the backup of %s"), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      /* Only that name: GTK 4.8 would add the label shown after it. */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (button),
                                     GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
gloss_backups_window_back_up_now_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *param)
{
  GlossBackupsWindow *self = GLOSS_BACKUPS_WINDOW (widget);
  GlossStore *store = gloss_application_get_store (self->application);
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return;

  if (!gloss_store_backup_automatically (store, "manual", &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  gloss_backups_window_reload (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Library backed up")));
}

static void
restore_response_cb (AdwMessageDialog   *dialog,
                     const char         *response,
                     GlossBackupsWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "backup-path");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "restore"))
    return;

  if (!gloss_application_restore_backup (self->application, path, &error))
    {
      GtkWidget *failed = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Restore the Backup"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (failed));
    }
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Backup restored")));

  gloss_backups_window_reload (self);
}

static void
gloss_backups_window_restore_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  GlossBackupsWindow *self = GLOSS_BACKUPS_WINDOW (widget);
  const char *path = g_variant_get_string (param, NULL);
  g_autofree char *subtitle = NULL;
  g_autofree char *title = dup_backup_title (path, &subtitle);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is a backup's date */
  body = g_strdup_printf (_("The library will be replaced by the backup of %s. Articles and "
                            "annotations added since then will be gone from it, but the "
                            "current library is backed up first."), title);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup-path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
gloss_backups_window_dispose (GObject *object)
{
  GlossBackupsWindow *self = GLOSS_BACKUPS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_BACKUPS_WINDOW);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (gloss_backups_window_parent_class)->dispose (object);
}

static void
gloss_backups_window_finalize (GObject *object)
{
  GlossBackupsWindow *self = GLOSS_BACKUPS_WINDOW (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_backups_window_parent_class)->finalize (object);
}

static void
gloss_backups_window_class_init (GlossBackupsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_backups_window_dispose;
  object_class->finalize = gloss_backups_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/gloss-backups-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossBackupsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossBackupsWindow, group);
  gtk_widget_class_bind_template_child (widget_class, GlossBackupsWindow, empty_row);
  gtk_widget_class_bind_template_child (widget_class, GlossBackupsWindow, back_up_button);

  gtk_widget_class_install_action (widget_class, "backups.back-up-now", NULL,
                                   gloss_backups_window_back_up_now_action);
  gtk_widget_class_install_action (widget_class, "backups.restore", "s",
                                   gloss_backups_window_restore_action);
}

static void
gloss_backups_window_init (GlossBackupsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* GTK 4.8 names a labelled button by its raw label, underscore and all,
   * and then by the label shown; the one shown is enough. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->back_up_button),
                                 GTK_ACCESSIBLE_PROPERTY_LABEL);
  self->rows = g_ptr_array_new ();
}

/**
 * gloss_backups_window_present:
 * @application: the application, whose library is listed
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none): the window, shown
 */
GlossBackupsWindow *
gloss_backups_window_present (GlossApplication *application,
                              GtkWindow        *parent)
{
  GlossBackupsWindow *self;

  g_return_val_if_fail (GLOSS_IS_APPLICATION (application), NULL);

  self = g_object_new (GLOSS_TYPE_BACKUPS_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->application = g_object_ref (application);
  gloss_backups_window_reload (self);
  gtk_window_present (GTK_WINDOW (self));

  return self;
}

/**
 * gloss_backups_window_get_n_rows:
 *
 * Returns: how many backups are listed
 */
guint
gloss_backups_window_get_n_rows (GlossBackupsWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_BACKUPS_WINDOW (self), 0);

  return self->rows->len;
}
