/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-application"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-application.h"
#include "gloss-window.h"

#include "gloss-backups-window.h"
#include "gloss-preferences-window.h"
#if GLOSS_HAVE_TEAM
#include "gloss-team-preferences.h"
#endif

/*
 * The application owns the one GlossStore of the GUI and hands it to each
 * window.  A library that cannot be opened (damaged, from a newer Gloss,
 * unwritable) is reported once; the windows then read articles without
 * annotations.  A damaged one can be set aside for a fresh library or
 * replaced by a backup: for both, and for any restore, the application
 * takes the store back from every window, closes it, and hands out the new
 * one.
 *
 * The application also follows the settings (GSettings): the style is set
 * on the style manager, and on every window as a "sepia" class; each main
 * window's reader is bound to the font, size and line-width keys; a main
 * window opens at the size the last one closed at, and Gloss started
 * without files reopens the article last shown.
 */

/* The values of the schema's io.github.glossapp.Gloss.Style enum. */
typedef enum
{
  GLOSS_STYLE_SYSTEM,
  GLOSS_STYLE_LIGHT,
  GLOSS_STYLE_DARK,
  GLOSS_STYLE_SEPIA,
} GlossStyle;

struct _GlossApplication
{
  AdwApplication parent_instance;

  char *library_path;
  GlossStore *store;
  GError *store_error;
  guint store_error_shown : 1;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (GlossApplication, gloss_application, ADW_TYPE_APPLICATION)

static void gloss_application_report_store_error (GlossApplication *self,
                                                  GtkWindow        *parent);

static void
gloss_application_set_store (GlossApplication *self,
                             GlossStore       *store)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  g_set_object (&self->store, store);
  for (GList *l = windows; l != NULL; l = l->next)
    if (GLOSS_IS_WINDOW (l->data))
      gloss_window_set_store (GLOSS_WINDOW (l->data), store);
}

/* The library file may only be replaced once no connection to it is left:
 * a connection kept by mistake would write into a file no longer there. */
static gboolean
gloss_application_close_store (GlossApplication  *self,
                               GError           **error)
{
  GlossStore *store = self->store;

  if (store == NULL)
    return TRUE;

  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &store);
  gloss_application_set_store (self, NULL);
  if (store != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (store), (gpointer *) &store);
      gloss_application_set_store (self, store);
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_IO,
                           _("The library is still in use; close other Gloss windows and try again"));
      return FALSE;
    }

  return TRUE;
}

static void
backup_if_due_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* A connection of its own: the main thread's must not be shared. */
  store = gloss_store_open (path, &error);
  if (store == NULL || !gloss_store_backup_if_due (store, &error))
    g_message ("No daily backup of %s: %s", path, error->message);
  g_task_return_boolean (task, TRUE);
}

static void
gloss_application_backup_if_due (GlossApplication *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->store == NULL || gloss_store_is_read_only (self->store))
    return;

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, gloss_application_backup_if_due);
  g_task_set_name (task, "[gloss] daily backup");
  g_task_set_task_data (task, g_strdup (self->library_path), g_free);
  g_task_run_in_thread (task, backup_if_due_thread);
}

/**
 * gloss_application_open_library:
 * @self: a #GlossApplication
 * @path: the library file
 *
 * Closes the current library and opens the one at @path for every window.
 * When it cannot be opened, the windows read without annotations and the
 * user is told why (with what to do about it) in the active window.
 */
void
gloss_application_open_library (GlossApplication *self,
                                const char       *path)
{
  g_autoptr(GlossStore) store = NULL;
  GtkWindow *active;

  g_return_if_fail (GLOSS_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  gloss_application_set_store (self, NULL);
  g_clear_error (&self->store_error);
  self->store_error_shown = FALSE;
  g_free (self->library_path);
  self->library_path = g_strdup (path);

  store = gloss_store_open (path, &self->store_error);
  gloss_application_set_store (self, store);

  active = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (active != NULL)
    gloss_application_report_store_error (self, active);
}

static void
show_message (GtkWindow  *parent,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast_in (GtkWindow  *window,
          const char *title)
{
  AdwToast *toast;

  if (!GLOSS_IS_WINDOW (window))
    return;

  /* Where the damaged file went stays on screen until read. */
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 0);
  gloss_window_add_toast (GLOSS_WINDOW (window), toast);
}

/**
 * gloss_application_start_fresh_library:
 * @self: a #GlossApplication
 * @error: return location for a #GError
 *
 * Renames the library that could not be opened to `PATH.damaged-TIME`
 * (never deleting or rewriting it) and opens a new, empty one in its place.
 *
 * Returns: (transfer full): where the damaged library now is, or %NULL
 */
char *
gloss_application_start_fresh_library (GlossApplication  *self,
                                       GError           **error)
{
  g_autofree char *aside = NULL;
  g_autoptr(GlossStore) store = NULL;

  g_return_val_if_fail (GLOSS_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (self->library_path != NULL, NULL);

  if (!gloss_application_close_store (self, error))
    return NULL;

  aside = gloss_store_set_aside_damaged (self->library_path, error);
  if (aside == NULL)
    return NULL;

  store = gloss_store_open (self->library_path, error);
  if (store == NULL)
    return NULL;

  g_clear_error (&self->store_error);
  gloss_application_set_store (self, store);
  return g_steal_pointer (&aside);
}

/**
 * gloss_application_restore_backup:
 * @self: a #GlossApplication
 * @backup_path: a backup listed by gloss_store_list_backups()
 * @error: return location for a #GError
 *
 * Closes the library, puts the backup in its place (the library replaced
 * is itself backed up, or set aside when damaged), and reopens it in every
 * window.
 */
gboolean
gloss_application_restore_backup (GlossApplication  *self,
                                  const char        *backup_path,
                                  GError           **error)
{
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GError) restore_error = NULL;
  gboolean restored;

  g_return_val_if_fail (GLOSS_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (self->library_path != NULL, FALSE);

  if (!gloss_application_close_store (self, error))
    return FALSE;

  restored = gloss_store_restore_backup (self->library_path, backup_path, &restore_error);

  /* Restored or not, the windows get a library back. */
  g_clear_error (&self->store_error);
  store = gloss_store_open (self->library_path, &self->store_error);
  gloss_application_set_store (self, store);

  if (!restored)
    {
      g_propagate_error (error, g_steal_pointer (&restore_error));
      return FALSE;
    }
  if (store == NULL)
    {
      g_propagate_error (error, g_error_copy (self->store_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * gloss_application_get_library_path:
 *
 * Returns: (transfer none): the library file, opened or not
 */
const char *
gloss_application_get_library_path (GlossApplication *self)
{
  g_return_val_if_fail (GLOSS_IS_APPLICATION (self), NULL);

  return self->library_path;
}

static void
damaged_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GlossApplication *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "fresh"))
    {
      g_autofree char *aside = gloss_application_start_fresh_library (self, &error);
      g_autofree char *message = NULL;
      g_autofree char *base = NULL;

      if (aside == NULL)
        {
          /* Translators: %s says why */
          message = g_strdup_printf (_("Could not start a fresh library: %s"), error->message);
          show_message (parent, _("Annotations Are Unavailable"), message);
          return;
        }

      /* Translators: %s is the name the damaged library was given, in the
       * same folder */
      base = g_path_get_basename (aside);
      message = g_strdup_printf (_("Started a fresh library; the damaged one is kept next to it "
                                   "as “%s”"), base);
      toast_in (parent, message);
    }
  else if (g_str_equal (response, "restore"))
    {
      gloss_backups_window_present (self, parent);
    }
}

static void
gloss_application_report_store_error (GlossApplication *self,
                                      GtkWindow        *parent)
{
  g_autofree char *body = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  GtkWidget *dialog;

  if (self->store_error == NULL || self->store_error_shown)
    return;

  self->store_error_shown = TRUE;

  if (!g_error_matches (self->store_error, GLOSS_ERROR, GLOSS_ERROR_CORRUPT))
    {
      /* Translators: the first %s is a file path, the second why it failed */
      body = g_strdup_printf (_("The library “%s” could not be opened: %s\n\n"
                                "Articles can still be read, but annotations are not shown "
                                "and cannot be saved until the library is repaired or moved aside."),
                              self->library_path, self->store_error->message);
      show_message (parent, _("Annotations Are Unavailable"), body);
      return;
    }

  /* A damaged library is never written to: the user chooses between a
   * fresh one (the damaged file kept next to it) and a backup. */
  backups = gloss_store_list_backups (self->library_path, NULL);
  /* Translators: %s says what is wrong with the library, and names it */
  body = g_strdup_printf (_("%s.\n\n"
                            "Gloss can start a fresh library and keep the damaged file next to "
                            "it, renamed, for repair or recovery. Until then, articles can be "
                            "read but annotations are not shown or saved."),
                          self->store_error->message);
  dialog = adw_message_dialog_new (parent, _("The Library Is Damaged"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Not Now"),
                                    "restore", _("_Restore a Backup…"),
                                    "fresh", _("_Start a Fresh Library"),
                                    NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "restore",
                                           backups != NULL && backups->len > 0);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "fresh",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "fresh");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (damaged_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GlossWindow *
gloss_application_new_window (GlossApplication *self)
{
  return gloss_window_new (GTK_APPLICATION (self), self->store);
}

static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

/* Sepia is the light style with the reader on warm paper: the paper and
 * ink come from style.css, for windows with the "sepia" class. */
static void
gloss_application_apply_style (GlossApplication *self)
{
  GlossStyle style = g_settings_get_enum (self->settings, "style");
  AdwColorScheme scheme;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  switch (style)
    {
    case GLOSS_STYLE_LIGHT:
    case GLOSS_STYLE_SEPIA:
      scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
      break;
    case GLOSS_STYLE_DARK:
      scheme = ADW_COLOR_SCHEME_FORCE_DARK;
      break;
    case GLOSS_STYLE_SYSTEM:
    default:
      scheme = ADW_COLOR_SCHEME_DEFAULT;
      break;
    }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
  for (GList *l = windows; l != NULL; l = l->next)
    set_css_class (GTK_WIDGET (l->data), "sepia", style == GLOSS_STYLE_SEPIA);
}

/* Sets an integer key to @value, brought inside the key's range: a window
 * made smaller than the schema allows must not make the write fail. */
static void
set_int_in_range (GSettings  *settings,
                  const char *key_name,
                  int         value)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) key = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) limits = NULL;
  const char *type;

  g_object_get (settings, "settings-schema", &schema, NULL);
  key = g_settings_schema_get_key (schema, key_name);
  range = g_settings_schema_key_get_range (key);
  g_variant_get (range, "(&sv)", &type, &limits);
  if (g_str_equal (type, "range"))
    {
      int min, max;

      g_variant_get (limits, "(ii)", &min, &max);
      value = CLAMP (value, min, max);
    }

  g_settings_set_int (settings, key_name, value);
}

static void
gloss_application_save_window_state (GlossApplication *self,
                                     GtkWindow        *window)
{
  int width, height;

  /* The default size follows the window as it is resized, but not while
   * it is maximized: it is the size to come back to. */
  gtk_window_get_default_size (window, &width, &height);
  if (width > 0 && height > 0)
    {
      set_int_in_range (self->settings, "window-width", width);
      set_int_in_range (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
}

static gboolean
window_close_request_cb (GtkWindow        *window,
                         GlossApplication *self)
{
  gloss_application_save_window_state (self, window);

  /* Not in the way of the close */
  return FALSE;
}

static void
window_article_changed_cb (GlossWindow      *window,
                           GParamSpec       *pspec,
                           GlossApplication *self)
{
  GlossArticle *article = gloss_window_get_article (window);
  gint64 id = article != NULL ? gloss_article_get_id (article) : 0;

  /* A window going away takes its article with it; the article stays the
   * one to reopen.  Without a library (it could not be opened) nothing is
   * kept, and the one to reopen once it is back is not forgotten. */
  if (gtk_widget_in_destruction (GTK_WIDGET (window)) || gloss_window_get_store (window) == NULL)
    return;

  if (g_settings_get_int64 (self->settings, "last-article") != id)
    g_settings_set_int64 (self->settings, "last-article", id);
}

static void
gloss_application_setup_window (GlossApplication *self,
                                GlossWindow      *window)
{
  GlossReaderView *reader_view = gloss_window_get_reader_view (window);
  g_autoptr(GVariant) saved_width = NULL;

  g_settings_bind (self->settings, "font", reader_view, "font-family", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "font-size", reader_view, "font-size", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "line-width", reader_view, "line-width", G_SETTINGS_BIND_GET);

  /* Until a window has been closed, the window's own default size holds. */
  saved_width = g_settings_get_user_value (self->settings, "window-width");
  if (saved_width != NULL)
    gtk_window_set_default_size (GTK_WINDOW (window),
                                 g_settings_get_int (self->settings, "window-width"),
                                 g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (window));

  g_signal_connect_object (window, "close-request", G_CALLBACK (window_close_request_cb), self,
                           0);
  g_signal_connect_object (window, "notify::article", G_CALLBACK (window_article_changed_cb),
                           self, 0);
}

static void
gloss_application_window_added (GtkApplication *application,
                                GtkWindow      *window)
{
  GlossApplication *self = GLOSS_APPLICATION (application);

  GTK_APPLICATION_CLASS (gloss_application_parent_class)->window_added (application, window);

  /* Only a registered application has windows, and the settings are made
   * at start-up; this guards against a window joining earlier. */
  if (self->settings == NULL)
    return;

  set_css_class (GTK_WIDGET (window), "sepia",
                 g_settings_get_enum (self->settings, "style") == GLOSS_STYLE_SEPIA);
  if (GLOSS_IS_WINDOW (window))
    gloss_application_setup_window (self, GLOSS_WINDOW (window));
}

/* The article shown when Gloss was last used, unless it has left the
 * library since: then the key is cleared and nothing is said. */
static void
gloss_application_reopen_last_article (GlossApplication *self,
                                       GlossWindow      *window)
{
  gint64 id = g_settings_get_int64 (self->settings, "last-article");
  g_autoptr(GError) error = NULL;

  if (id <= 0 || self->store == NULL)
    return;

  if (gloss_window_open_article (window, id, &error))
    return;

  if (g_error_matches (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND))
    g_settings_set_int64 (self->settings, "last-article", 0);
  else
    g_message ("The last article (%" G_GINT64_FORMAT ") could not be reopened: %s",
               id, error->message);
}

static GlossWindow *
gloss_application_find_empty_window (GlossApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (GLOSS_IS_WINDOW (active) && gloss_window_is_empty (GLOSS_WINDOW (active)))
    return GLOSS_WINDOW (active);

  return NULL;
}

static void
gloss_application_activate (GApplication *application)
{
  GlossApplication *self = GLOSS_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    {
      GlossWindow *new_window = gloss_application_new_window (self);

      gloss_application_reopen_last_article (self, new_window);
      window = GTK_WINDOW (new_window);
    }

  gtk_window_present (window);
  gloss_application_report_store_error (GLOSS_APPLICATION (application), window);
}

static void
gloss_application_open (GApplication  *application,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  GlossApplication *self = GLOSS_APPLICATION (application);

  /* One window per article; an empty window is reused rather than left
   * behind next to a new one. */
  for (int i = 0; i < n_files; i++)
    {
      GlossWindow *window = gloss_application_find_empty_window (self);

      if (window == NULL)
        window = gloss_application_new_window (self);

      gloss_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
      gloss_application_report_store_error (self, GTK_WINDOW (window));
    }
}

static void
gloss_application_startup (GApplication *application)
{
  static const char * const quit_accels[] = { "<Control>q", NULL };
  static const char * const close_accels[] = { "<Control>w", NULL };
  static const char * const preferences_accels[] = { "<Control>comma", NULL };

  GlossApplication *self = GLOSS_APPLICATION (application);
  g_autofree char *path = NULL;

  G_APPLICATION_CLASS (gloss_application_parent_class)->startup (application);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::style",
                           G_CALLBACK (gloss_application_apply_style), self, G_CONNECT_SWAPPED);
  gloss_application_apply_style (self);

  path = gloss_store_dup_default_path ();
  gloss_application_open_library (self, path);
  gloss_application_backup_if_due (self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "window.close",
                                         close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences",
                                         preferences_accels);
}

static void
gloss_application_about_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  static const char * const developers[] = { "The Gloss developers", NULL };
  GtkApplication *application = GTK_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (application);
  GtkIconTheme *icon_theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "application-name", _("Gloss"),
                        /* Until the icon is installed, a generic one beats a broken image. */
                        "application-icon", gtk_icon_theme_has_icon (icon_theme, APP_ID)
                                            ? APP_ID : "x-office-document-symbolic",
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Gloss developers"),
                        "developers", developers,
                        "comments", _("Read news articles offline and annotate their claims, "
                                      "denials, evidence and questions"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: credit yourself here, one name per line */
                        "translator-credits", _("translator-credits"),
                        "transient-for", parent,
                        "modal", TRUE,
                        NULL);

  /* CC BY 4.0 asks for this credit wherever the trained model ships
   * (data/suggest/README.md carries the same one next to the weights). */
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Check-worthiness model"),
                                      NULL,
                                      GTK_LICENSE_CUSTOM,
                                      _("The model that suggests sentences worth checking was "
                                        "trained on the ClaimBuster dataset (F. Arslan, N. Hassan, "
                                        "C. Li, M. Tremayne, “A Benchmark Dataset of Check-worthy "
                                        "Factual Claims”, ICWSM 2020, "
                                        "<a href=\"https://doi.org/10.5281/zenodo.3609356\">"
                                        "doi:10.5281/zenodo.3609356</a>), licensed under "
                                        "<a href=\"https://creativecommons.org/licenses/by/4.0/\">"
                                        "CC BY 4.0</a>. Its two-class “2.5xNCS” subset was used "
                                        "unchanged."));
  gtk_window_present (GTK_WINDOW (about));
}

static void
gloss_application_quit_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
gloss_application_backups_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  GlossApplication *self = GLOSS_APPLICATION (user_data);

  gloss_backups_window_present (self, gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static void
gloss_application_preferences_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  GlossApplication *self = GLOSS_APPLICATION (user_data);
  GlossPreferencesWindow *preferences;

  g_return_if_fail (self->settings != NULL);

  preferences = gloss_preferences_window_new (self->settings);
#if GLOSS_HAVE_TEAM
  gloss_team_preferences_add_page (ADW_PREFERENCES_WINDOW (preferences), self->store);
#endif
  gtk_window_set_transient_for (GTK_WINDOW (preferences),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { .name = "preferences", .activate = gloss_application_preferences_action },
  { .name = "backups", .activate = gloss_application_backups_action },
  { .name = "about", .activate = gloss_application_about_action },
  { .name = "quit", .activate = gloss_application_quit_action },
};

static void
gloss_application_shutdown (GApplication *application)
{
  GlossApplication *self = GLOSS_APPLICATION (application);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (application));

  /* Quitting closes no window, so the one in use is remembered here. */
  if (GLOSS_IS_WINDOW (active) && self->settings != NULL)
    gloss_application_save_window_state (self, active);

  G_APPLICATION_CLASS (gloss_application_parent_class)->shutdown (application);

  /* The windows are gone by now; the library closes last. */
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
}

static void
gloss_application_finalize (GObject *object)
{
  GlossApplication *self = GLOSS_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->library_path, g_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gloss_application_parent_class)->finalize (object);
}

static void
gloss_application_class_init (GlossApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_application_class = GTK_APPLICATION_CLASS (klass);

  object_class->finalize = gloss_application_finalize;

  application_class->activate = gloss_application_activate;
  application_class->open = gloss_application_open;
  application_class->startup = gloss_application_startup;
  application_class->shutdown = gloss_application_shutdown;

  gtk_application_class->window_added = gloss_application_window_added;
}

static void
gloss_application_init (GlossApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
}

GlossApplication *
gloss_application_new (void)
{
  return g_object_new (GLOSS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/glossapp/Gloss",
                       NULL);
}

/**
 * gloss_application_get_store:
 * @self: a #GlossApplication
 *
 * Returns: (transfer none) (nullable): the library, or %NULL when it could
 *   not be opened
 */
GlossStore *
gloss_application_get_store (GlossApplication *self)
{
  g_return_val_if_fail (GLOSS_IS_APPLICATION (self), NULL);

  return self->store;
}

/**
 * gloss_application_get_settings:
 * @self: a #GlossApplication
 *
 * Returns: (transfer none) (nullable): the application's settings, or
 *   %NULL before start-up
 */
GSettings *
gloss_application_get_settings (GlossApplication *self)
{
  g_return_val_if_fail (GLOSS_IS_APPLICATION (self), NULL);

  return self->settings;
}
