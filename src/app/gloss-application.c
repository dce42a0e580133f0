/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-application"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-application.h"
#include "gloss-window.h"

/*
 * The application owns the one GlossStore of the GUI and hands it to each
 * window.  A library that cannot be opened (damaged, from a newer Gloss,
 * unwritable) is reported once; the windows then read articles without
 * annotations.
 */

struct _GlossApplication
{
  AdwApplication parent_instance;

  GlossStore *store;
  GError *store_error;
  guint store_error_shown : 1;
};

G_DEFINE_FINAL_TYPE (GlossApplication, gloss_application, ADW_TYPE_APPLICATION)

static void
gloss_application_report_store_error (GlossApplication *self,
                                      GtkWindow        *parent)
{
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->store_error == NULL || self->store_error_shown)
    return;

  self->store_error_shown = TRUE;
  path = gloss_store_dup_default_path ();
  /* Translators: the first %s is a file path, the second why it failed */
  body = g_strdup_printf (_("The library “%s” could not be opened: %s\n\n"
                            "Articles can still be read, but annotations are not shown "
                            "and cannot be saved until the library is repaired or moved aside."),
                          path, self->store_error->message);
  dialog = adw_message_dialog_new (parent, _("Annotations Are Unavailable"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GlossWindow *
gloss_application_new_window (GlossApplication *self)
{
  return gloss_window_new (GTK_APPLICATION (self), self->store);
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
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (gloss_application_new_window (GLOSS_APPLICATION (application)));

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

  GlossApplication *self = GLOSS_APPLICATION (application);
  g_autofree char *path = NULL;

  G_APPLICATION_CLASS (gloss_application_parent_class)->startup (application);

  path = gloss_store_dup_default_path ();
  self->store = gloss_store_open (path, &self->store_error);

  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "window.close",
                                         close_accels);
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
  gtk_window_present (GTK_WINDOW (about));
}

static void
gloss_application_quit_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = gloss_application_about_action },
  { .name = "quit", .activate = gloss_application_quit_action },
};

static void
gloss_application_shutdown (GApplication *application)
{
  GlossApplication *self = GLOSS_APPLICATION (application);

  G_APPLICATION_CLASS (gloss_application_parent_class)->shutdown (application);

  /* The windows are gone by now; the library closes last. */
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
}

static void
gloss_application_class_init (GlossApplicationClass *klass)
{
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  application_class->activate = gloss_application_activate;
  application_class->open = gloss_application_open;
  application_class->startup = gloss_application_startup;
  application_class->shutdown = gloss_application_shutdown;
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
