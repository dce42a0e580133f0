/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-window-suggestions"

#include "config.h"

#include "gloss-application.h"
#include "gloss-window-private.h"

/*
 * The window's side of suggestions: one GlossSuggestionModel per window,
 * given the annotations of each article shown, marked in the reader and
 * listed in the Suggestions pane under the annotations; the pane's button
 * and Shift+F9; the "suggest" setting, followed as it changes.
 */

static void
article_changed_cb (GlossWindow *self)
{
  gboolean shown = gloss_window_get_article (self) != NULL;

  gloss_suggestion_model_set_annotations (self->suggestions, shown ? self->annotations : NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->suggestions_button), shown);
}

/* The library is being set aside (restored, or replaced): nothing may hold
 * it, the annotations the suggestions follow included.  The article comes
 * back with the new library. */
static void
store_changed_cb (GlossWindow *self)
{
  gloss_suggestion_model_set_annotations (self->suggestions, NULL);
}

static void
enabled_changed_cb (GlossWindow *self)
{
  gboolean enabled = gloss_suggestion_model_get_enabled (self->suggestions);

  /* Off, they take no room: no button, no pane. */
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions_button), enabled);
  if (!enabled)
    gtk_toggle_button_set_active (self->suggestions_button, FALSE);
}

static void
application_changed_cb (GlossWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  GSettings *settings;

  if (!GLOSS_IS_APPLICATION (application))
    return;

  settings = gloss_application_get_settings (GLOSS_APPLICATION (application));
  if (settings != NULL)
    g_settings_bind (settings, "suggest", self->suggestions, "enabled", G_SETTINGS_BIND_GET);
}

static void
suggestion_activated_cb (GlossWindow         *self,
                         GlossSuggestionItem *item)
{
  gloss_reader_view_scroll_to_block (self->reader_view, gloss_suggestion_item_get_block (item),
                                     gloss_suggestion_item_get_start (item), 0.3);
}

/* A suggested sentence clicked in the reader: its row in the pane, when
 * the pane is open. */
static void
reader_suggestion_activated_cb (GlossWindow         *self,
                                GlossSuggestionItem *item)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self->suggestions_pane)))
    gloss_suggestions_pane_show_item (self->suggestions_pane, item);
}

/* Shows the pane (and the side bar it is in), or hides it. */
static void
gloss_window_toggle_suggestions_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->suggestions_button))
      || !gtk_widget_get_sensitive (GTK_WIDGET (self->suggestions_button)))
    return;

  if (!adw_flap_get_reveal_flap (self->flap))
    {
      adw_flap_set_reveal_flap (self->flap, TRUE);
      gtk_toggle_button_set_active (self->suggestions_button, TRUE);
    }
  else
    {
      gtk_toggle_button_set_active (self->suggestions_button,
                                    !gtk_toggle_button_get_active (self->suggestions_button));
    }
}

static void
suggestions_button_toggled_cb (GlossWindow *self)
{
  gboolean active = gtk_toggle_button_get_active (self->suggestions_button);

  gtk_widget_set_visible (GTK_WIDGET (self->suggestions_pane), active);
  if (active && !adw_flap_get_reveal_flap (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
}

void
_gloss_window_class_suggestions_init (GlossWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (GLOSS_TYPE_SUGGESTIONS_PANE);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, suggestions_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, suggestions_pane);
  gtk_widget_class_install_action (widget_class, "win.toggle-suggestions", NULL,
                                   gloss_window_toggle_suggestions_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, GDK_SHIFT_MASK,
                                       "win.toggle-suggestions", NULL);
}

void
_gloss_window_suggestions_init (GlossWindow *self)
{
  self->suggestions = gloss_suggestion_model_new ();
  gloss_suggestions_pane_set_model (self->suggestions_pane, self->suggestions);
  gloss_reader_view_set_suggestions (self->reader_view, G_LIST_MODEL (self->suggestions));

  g_signal_connect_swapped (self->suggestions_button, "toggled",
                            G_CALLBACK (suggestions_button_toggled_cb), self);
  g_signal_connect_swapped (self->suggestions_pane, "suggestion-activated",
                            G_CALLBACK (suggestion_activated_cb), self);
  g_signal_connect_swapped (self->reader_view, "suggestion-activated",
                            G_CALLBACK (reader_suggestion_activated_cb), self);
  g_signal_connect_swapped (self->suggestions, "notify::enabled",
                            G_CALLBACK (enabled_changed_cb), self);
  g_signal_connect (self, "notify::article", G_CALLBACK (article_changed_cb), NULL);
  g_signal_connect (self, "notify::store", G_CALLBACK (store_changed_cb), NULL);
  g_signal_connect (self, "notify::application", G_CALLBACK (application_changed_cb), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->suggestions_button), FALSE);
  enabled_changed_cb (self);
}

void
_gloss_window_suggestions_dispose (GlossWindow *self)
{
  if (self->suggestions != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->suggestions, self);
      gloss_suggestion_model_shutdown (self->suggestions);
    }
  if (self->suggestions_pane != NULL)
    gloss_suggestions_pane_set_model (self->suggestions_pane, NULL);
  if (self->reader_view != NULL)
    gloss_reader_view_set_suggestions (self->reader_view, NULL);
  g_clear_object (&self->suggestions);
}

/**
 * gloss_window_get_suggestions:
 * @self: a #GlossWindow
 *
 * Returns: (transfer none): the suggestions for the article shown
 */
GlossSuggestionModel *
gloss_window_get_suggestions (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->suggestions;
}
