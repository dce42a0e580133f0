/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-team"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-team-add-dialog.h"
#include "gloss-team-password.h"

/*
 * Adding a team library: where the server is (host, database and user, or
 * a whole connection string), the password, the team library's name on the
 * server, the person's name on their work in it (kept in their membership
 * on the server) and the name shown here.  TLS with the server's certificate
 * checked is the default; a plain connection is a switch to turn on.
 *
 * Add signs in on a worker thread (the window stays live, Cancel works),
 * finds the team library, and keeps the password in the keyring; only
 * then is the team library written to the library, so a wrong password or
 * name leaves nothing behind.  The dialog emits ::added and closes.
 */

struct _GlossTeamAddDialog
{
  AdwWindow parent_instance;

  GlossStore *store;
  GCancellable *cancellable;

  GtkWidget *add_button;
  GtkWidget *spinner;
  AdwEntryRow *host_row;
  AdwEntryRow *database_row;
  AdwEntryRow *user_row;
  AdwEntryRow *conninfo_row;
  AdwEntryRow *password_row;
  AdwEntryRow *library_row;
  AdwEntryRow *person_row;
  AdwEntryRow *display_row;
  GtkSwitch *plain_switch;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (GlossTeamAddDialog, gloss_team_add_dialog, ADW_TYPE_WINDOW)

enum {
  ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char *conninfo;
  char *password;
  char *library;
  char *person_name;  /* NULL: the name on the server stays */
  char *label;
  char *uuid;     /* found by the worker */
} AddJob;

static void
add_job_free (AddJob *job)
{
  g_free (job->conninfo);
  if (job->password != NULL)
    memset (job->password, 0, strlen (job->password));
  g_free (job->password);
  g_free (job->library);
  g_free (job->person_name);
  g_free (job->label);
  g_free (job->uuid);
  g_free (job);
}

static void
append_option (GString    *conninfo,
               const char *keyword,
               const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  if (conninfo->len > 0)
    g_string_append_c (conninfo, ' ');
  g_string_append_printf (conninfo, "%s='", keyword);
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (conninfo, '\\');
      g_string_append_c (conninfo, *p);
    }
  g_string_append_c (conninfo, '\'');
}

/**
 * gloss_team_build_conninfo:
 * @host: the server's host name, optionally with ":PORT"
 * @plain: whether to connect without TLS
 *
 * Returns: (transfer full): a libpq connection string, its values quoted
 */
char *
gloss_team_build_conninfo (const char *host,
                           const char *database,
                           const char *user,
                           gboolean    plain)
{
  GString *conninfo = g_string_new (NULL);
  g_autofree char *name = g_strdup (host);
  char *colon = name != NULL && strchr (name, ':') == strrchr (name, ':') ? strchr (name, ':') : NULL;

  /* host:port, but not an IPv6 address (several colons) */
  if (colon != NULL)
    *colon = '\0';
  append_option (conninfo, "host", name);
  if (colon != NULL)
    append_option (conninfo, "port", colon + 1);
  append_option (conninfo, "dbname", database);
  append_option (conninfo, "user", user);
  if (plain)
    append_option (conninfo, "sslmode", "disable");
  return g_string_free (conninfo, FALSE);
}

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
has_text (AdwEntryRow *row)
{
  const char *text = row_text (row);

  while (g_ascii_isspace (*text))
    text++;
  return *text != '\0';
}

static gboolean
using_conninfo (GlossTeamAddDialog *self)
{
  return has_text (self->conninfo_row);
}

static void
update_add_button (GlossTeamAddDialog *self)
{
  gboolean server = using_conninfo (self) ||
                    (has_text (self->host_row) && has_text (self->database_row) &&
                     has_text (self->user_row));

  gtk_widget_set_sensitive (self->add_button,
                            self->cancellable == NULL && server &&
                            has_text (self->password_row) && has_text (self->library_row));
}

static char *
dup_conninfo (GlossTeamAddDialog *self)
{
  gboolean plain = gtk_switch_get_active (self->plain_switch);
  g_autofree char *stripped = NULL;

  if (!using_conninfo (self))
    return gloss_team_build_conninfo (g_strstrip (g_strdup (row_text (self->host_row))),
                                      row_text (self->database_row), row_text (self->user_row),
                                      plain);
  stripped = g_strstrip (g_strdup (row_text (self->conninfo_row)));
  if (plain && strstr (stripped, "sslmode") == NULL)
    return g_strconcat (stripped, " sslmode=disable", NULL);
  return g_steal_pointer (&stripped);
}

static void
show_error (GlossTeamAddDialog *self,
            const char         *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_busy (GlossTeamAddDialog *self,
          gboolean            busy)
{
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  update_add_button (self);
}

static void
add_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  AddJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossTeamConnection) connection = NULL;

  connection = gloss_team_connection_open (job->conninfo, job->password, &error);
  if (connection != NULL)
    job->uuid = gloss_team_find_library (connection, job->library, &error);
  if (job->uuid != NULL && job->person_name != NULL)
    gloss_team_set_display_name (connection, job->uuid, job->person_name, &error);
  if (error != NULL)
    g_clear_pointer (&job->uuid, g_free);
  if (job->uuid != NULL && !g_cancellable_is_cancelled (cancellable))
    gloss_team_password_store (job->conninfo, job->label, job->password, cancellable, &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
add_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GlossTeamAddDialog *self = GLOSS_TEAM_ADD_DIALOG (source);
  AddJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  const char *display;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_clear_object (&self->cancellable);
      set_busy (self, FALSE);
      show_error (self, error->message);
      return;
    }
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  display = has_text (self->display_row) ? row_text (self->display_row) : job->library;
  if (gloss_team_add_library (self->store, display, job->conninfo, job->uuid, &error) == 0)
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[ADDED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
add_clicked_cb (GlossTeamAddDialog *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *conninfo = dup_conninfo (self);
  const char *library = row_text (self->library_row);
  const char *display = has_text (self->display_row) ? row_text (self->display_row) : library;
  g_autoptr(GlossTeamLibrary) existing = NULL;
  AddJob *job;

  if (!gtk_widget_get_sensitive (self->add_button))
    return;
  if (!gloss_team_check_conninfo (conninfo, &error))
    {
      show_error (self, error->message);
      return;
    }
  existing = gloss_team_dup_library (self->store, display, NULL);
  if (existing != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("This library already syncs with a team "
                                                    "library called “%s”"), display);

      show_error (self, message);
      return;
    }

  job = g_new0 (AddJob, 1);
  job->conninfo = g_steal_pointer (&conninfo);
  job->password = g_strdup (row_text (self->password_row));
  job->library = g_strstrip (g_strdup (library));
  if (has_text (self->person_row))
    job->person_name = g_strstrip (g_strdup (row_text (self->person_row)));
  /* Translators: how the keyring lists a team library's password */
  job->label = g_strdup_printf (_("Gloss team library “%s”"), job->library);

  show_error (self, NULL);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, add_done, NULL);
  g_task_set_source_tag (task, add_clicked_cb);
  g_task_set_task_data (task, job, (GDestroyNotify) add_job_free);
  g_task_run_in_thread (task, add_thread);
}

static AdwEntryRow *
add_entry_row (AdwPreferencesGroup *group,
               const char          *title,
               const char          *name)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

static void
gloss_team_add_dialog_dispose (GObject *object)
{
  GlossTeamAddDialog *self = GLOSS_TEAM_ADD_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gloss_team_add_dialog_parent_class)->dispose (object);
}

static void
gloss_team_add_dialog_class_init (GlossTeamAddDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_team_add_dialog_dispose;

  /**
   * GlossTeamAddDialog::added:
   *
   * A team library was added to the library.
   */
  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gloss_team_add_dialog_init (GlossTeamAddDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *group;
  GtkWidget *row;
  GtkWidget *scroller;

  gtk_window_set_title (GTK_WINDOW (self), _("Add Team Library"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 640);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->add_button = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_set_name (self->add_button, "team-add-confirm");
  gtk_widget_add_css_class (self->add_button, "suggested-action");
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->add_button);
  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Signing in"), -1);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->spinner);
  gtk_box_append (GTK_BOX (box), header);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Server"));
  adw_preferences_group_set_description (group, _("Where the team’s PostgreSQL database is, and "
                                                  "your login on it"));
  self->host_row = add_entry_row (group, _("Host"), "team-host-row");
  self->database_row = add_entry_row (group, _("Database"), "team-database-row");
  self->user_row = add_entry_row (group, _("User Name"), "team-user-row");
  self->conninfo_row = add_entry_row (group, _("Or a Connection String"), "team-conninfo-row");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->conninfo_row),
                               _("For example “host=db.example.org dbname=gloss user=ada”; "
                                 "used instead of the three fields above"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Sign In"));
  adw_preferences_group_set_description (group, _("The password is kept in your keyring, never "
                                                  "in the library"));
  row = adw_password_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Password"));
  gtk_widget_set_name (row, "team-password-row");
  adw_preferences_group_add (group, row);
  self->password_row = ADW_ENTRY_ROW (row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Team Library"));
  self->library_row = add_entry_row (group, _("Name on the Server"), "team-library-row");
  self->person_row = add_entry_row (group, _("Your Name in the Team (optional)"),
                                    "team-person-row");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->person_row),
                               _("Shown on your annotations to the others in this team "
                                 "library; without it, your name on the server"));
  self->display_row = add_entry_row (group, _("Shown Here As (optional)"), "team-display-row");
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Security"));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Plain Connection"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Without TLS: only for a server on this computer or a network "
                                 "you trust. Off, the server’s certificate is checked."));
  self->plain_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->plain_switch), GTK_ALIGN_CENTER);
  gtk_widget_set_name (GTK_WIDGET (self->plain_switch), "team-plain-switch");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->plain_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Plain Connection"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->plain_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->plain_switch));
  adw_preferences_group_add (group, row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_set_name (GTK_WIDGET (self->error_label), "team-add-error");
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_margin_start (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  scroller = page;
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (self), box);

  {
    AdwEntryRow *rows[] = { self->host_row, self->database_row, self->user_row,
                            self->conninfo_row, self->password_row, self->library_row,
                            self->person_row, self->display_row };

    /* Enter in any field adds, once everything needed is there. */
    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      {
        g_signal_connect_swapped (rows[i], "changed", G_CALLBACK (update_add_button), self);
        g_signal_connect_swapped (rows[i], "entry-activated", G_CALLBACK (add_clicked_cb), self);
      }
  }
  update_add_button (self);
}

/**
 * gloss_team_add_dialog_new:
 * @parent: the preferences window
 * @store: the library the team library is added to
 *
 * Returns: (transfer full): a new dialog, modal on @parent
 */
GlossTeamAddDialog *
gloss_team_add_dialog_new (GtkWindow  *parent,
                           GlossStore *store)
{
  GlossTeamAddDialog *self;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);

  self = g_object_new (GLOSS_TYPE_TEAM_ADD_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  return self;
}
