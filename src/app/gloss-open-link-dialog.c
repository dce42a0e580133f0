/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-open-link"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-link-task.h"
#include "gloss-open-link-dialog.h"

/*
 * Open Link: one field for a pasted link, a progress bar with Cancel while
 * the page comes in, and the reason in the dialog when it does not: the
 * link stays in the field, so nothing typed is lost and Open can be tried
 * again.  When the page is in the library the window shows it and the
 * dialog closes.  A newer copy of a story already in the library asks
 * first whether it is a new version of that article (the default) or an
 * article of its own.  With the network preference off the dialog says so
 * and the Open button stays off: no request is made.
 */

struct _GlossOpenLinkDialog
{
  AdwWindow parent_instance;

  GlossWindow *window;
  AdwEntryRow *entry;
  GtkButton *open_button;
  GtkButton *cancel_button;
  GtkProgressBar *progress;
  GtkLabel *message;

  GCancellable *cancellable;
  GlossLinkProgress *download;
  guint pulse_source;
  gboolean busy;
  gboolean network_allowed;
};

G_DEFINE_FINAL_TYPE (GlossOpenLinkDialog, gloss_open_link_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_message (GlossOpenLinkDialog *self,
              const char          *message)
{
  gtk_label_set_label (self->message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), message != NULL);
}

static gboolean
looks_like_link (const char *text)
{
  return g_str_has_prefix (text, "http://") || g_str_has_prefix (text, "https://");
}

static void
update_open_button (GlossOpenLinkDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  gtk_widget_set_sensitive (GTK_WIDGET (self->open_button),
                            !self->busy && self->network_allowed && *text != '\0');
}

/* The bytes received, of how many when the server said: read from the
 * worker's count on each tick, so a large page shows how far it is. */
static gboolean
pulse_cb (gpointer user_data)
{
  GlossOpenLinkDialog *self = user_data;
  g_autofree char *received_text = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *text = NULL;
  guint64 received = 0, total = 0;

  if (self->download != NULL)
    gloss_link_progress_get (self->download, &received, &total);
  if (received == 0)
    {
      gtk_progress_bar_pulse (self->progress);
      return G_SOURCE_CONTINUE;
    }

  received_text = g_format_size (received);
  if (total >= received)
    {
      total_text = g_format_size (total);
      /* Translators: a download's progress: "120.5 kB of 300.0 kB" */
      text = g_strdup_printf (_("Downloading… %s of %s"), received_text, total_text);
      gtk_progress_bar_set_fraction (self->progress, (double) received / total);
    }
  else
    {
      /* Translators: a download's progress when its size is not known */
      text = g_strdup_printf (_("Downloading… %s"), received_text);
      gtk_progress_bar_pulse (self->progress);
    }
  gtk_progress_bar_set_text (self->progress, text);
  return G_SOURCE_CONTINUE;
}

static void
set_busy (GlossOpenLinkDialog *self,
          gboolean             busy,
          const char          *what)
{
  if (what != NULL)
    gtk_progress_bar_set_text (self->progress, what);

  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->progress), busy);
  /* Not insensitive: the focused entry would lose its focus-out event. */
  gtk_editable_set_editable (GTK_EDITABLE (self->entry), !busy);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  if (busy)
    self->pulse_source = g_timeout_add (120, pulse_cb, self);
  update_open_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
opened (GlossOpenLinkDialog *self,
        GlossLinkResult     *result)
{
  g_autoptr(GError) error = NULL;
  GlossWindow *window = self->window;
  const char *message = NULL;

  switch (result->outcome)
    {
    case GLOSS_LINK_DUPLICATE:
      message = _("This page was already in the library");
      break;
    case GLOSS_LINK_UNCHANGED:
      message = _("The library already has this version of the story");
      break;
    case GLOSS_LINK_NEW_VERSION:
      message = _("Added as a new version of the story");
      break;
    case GLOSS_LINK_IMPORTED:
    case GLOSS_LINK_SAME_STORY:
    default:
      break;
    }

  if (!gloss_window_open_article (window, result->article_id, &error))
    {
      show_message (self, error->message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
  if (message != NULL)
    gloss_window_add_toast (window, adw_toast_new (message));
}

static void
finished_cb (GObject      *object,
             GAsyncResult *async_result,
             gpointer      user_data);

static void
same_story_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  GlossOpenLinkDialog *self = user_data;
  GlossLinkResult *result = g_object_get_data (G_OBJECT (dialog), "gloss-link-result");
  GlossStore *store = self->window != NULL ? gloss_window_get_store (self->window) : NULL;

  /* Answered once: closing the dialog afterwards says "cancel" too. */
  if (result->fetched == NULL)
    return;

  if (g_str_equal (response, "cancel") || store == NULL)
    {
      g_clear_pointer (&result->fetched, gloss_fetch_result_free);
      set_busy (self, FALSE, NULL);
      return;
    }

  set_busy (self, TRUE, _("Adding to the library…"));
  gloss_link_store_async (gloss_store_get_path (store), g_steal_pointer (&result->fetched),
                          g_str_equal (response, "version") ? result->article_id : 0,
                          self->cancellable, finished_cb, g_object_ref (self));
}

static void
ask_same_story (GlossOpenLinkDialog *self,
                GlossLinkResult     *result)
{
  g_autoptr(GlossArticleSummary) summary = NULL;
  GlossStore *store = gloss_window_get_store (self->window);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  summary = gloss_store_dup_article_summary (store, result->article_id, NULL);
  /* Translators: %s is the title of an article in the library */
  body = g_strdup_printf (_("The library has an earlier copy of this story, “%s”. Add the page "
                            "as its new version, so its annotations follow the changes, or keep "
                            "it as an article of its own?"),
                          summary != NULL && summary->title != NULL ? summary->title : "");
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("A Newer Copy of a Known Story"), body));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "separate", _("Keep _Separate"),
                                    "version", _("Add as New _Version"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "version", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "version");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "gloss-link-result", result,
                          (GDestroyNotify) gloss_link_result_free);
  /* The question keeps this dialog alive until it goes. */
  g_object_set_data_full (G_OBJECT (dialog), "gloss-open-link", g_object_ref (self),
                          g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (same_story_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
finished_cb (GObject      *object,
             GAsyncResult *async_result,
             gpointer      user_data)
{
  g_autoptr(GlossOpenLinkDialog) self = user_data;
  g_autoptr(GlossLinkResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = gloss_link_finish (async_result, &error);

  /* Cancelled: the dialog already went back to the link, or is closing. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (result != NULL && result->outcome == GLOSS_LINK_SAME_STORY)
    {
      ask_same_story (self, g_steal_pointer (&result));
      return;
    }

  set_busy (self, FALSE, NULL);
  if (result == NULL)
    {
      show_message (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->entry));
      return;
    }

  opened (self, result);
}

static void
open_clicked_cb (GlossOpenLinkDialog *self)
{
  gloss_open_link_dialog_open (self);
}

static void
cancel_clicked_cb (GlossOpenLinkDialog *self)
{
  if (self->busy)
    {
      /* Back to the link, as it was typed. */
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      set_busy (self, FALSE, NULL);
      show_message (self, _("Cancelled: nothing was added"));
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
text_changed_cb (GlossOpenLinkDialog *self)
{
  update_open_button (self);
}

static void
clipboard_text_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GlossOpenLinkDialog) self = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);

  if (text == NULL)
    return;
  g_strstrip (text);
  /* A link on the clipboard is most likely the one to open; anything
   * already typed wins. */
  if (looks_like_link (text) && strchr (text, '\n') == NULL
      && *gtk_editable_get_text (GTK_EDITABLE (self->entry)) == '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
      gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
    }
}

static void
gloss_open_link_dialog_dispose (GObject *object)
{
  GlossOpenLinkDialog *self = (GlossOpenLinkDialog *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  g_clear_pointer (&self->download, gloss_link_progress_unref);
  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (gloss_open_link_dialog_parent_class)->dispose (object);
}

static void
gloss_open_link_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  GlossOpenLinkDialog *self = GLOSS_OPEN_LINK_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_open_link_dialog_class_init (GlossOpenLinkDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_open_link_dialog_dispose;
  object_class->get_property = gloss_open_link_dialog_get_property;

  /**
   * GlossOpenLinkDialog:busy:
   *
   * Whether a page is being downloaded or stored.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gloss_open_link_dialog_init (GlossOpenLinkDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *note;

  gtk_window_set_title (GTK_WINDOW (self), _("Open Link"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, -1);
  gtk_window_set_resizable (GTK_WINDOW (self), FALSE);

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  self->cancel_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Cancel")));
  self->open_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Open")));
  gtk_widget_add_css_class (GTK_WIDGET (self->open_button), "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->cancel_button));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->open_button));
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->entry = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->entry), _("_Link"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->entry), TRUE);
  adw_entry_row_set_input_hints (self->entry, GTK_INPUT_HINT_NO_SPELLCHECK);
  adw_entry_row_set_input_purpose (self->entry, GTK_INPUT_PURPOSE_URL);
  adw_entry_row_set_activates_default (self->entry, TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (content), list);

  note = gtk_label_new (_("Gloss downloads this one page — not its scripts, images or styles — "
                          "and keeps where and when it came from."));
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_box_append (GTK_BOX (content), note);

  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (self->progress, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Download Progress"), -1);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->progress));

  /* An alert, so a screen reader says why the link failed when it does. */
  self->message = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT, NULL);
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_xalign (self->message, 0);
  gtk_label_set_selectable (self->message, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->message));

  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->open_button));
  /* Ready for the link to be pasted. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->entry));

  g_signal_connect_swapped (self->open_button, "clicked", G_CALLBACK (open_clicked_cb), self);
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (text_changed_cb), self);
  update_open_button (self);
}

/**
 * gloss_open_link_dialog_new:
 * @window: the window the article will be shown in
 *
 * Returns: (transfer full): a new dialog, not shown yet
 */
GlossOpenLinkDialog *
gloss_open_link_dialog_new (GlossWindow *window)
{
  GlossOpenLinkDialog *self;

  g_return_val_if_fail (GLOSS_IS_WINDOW (window), NULL);

  self = g_object_new (GLOSS_TYPE_OPEN_LINK_DIALOG,
                       "transient-for", window,
                       NULL);
  g_set_weak_pointer (&self->window, window);

  self->network_allowed = gloss_link_network_allowed (GTK_WIDGET (window));
  if (!self->network_allowed)
    show_message (self, _("“Use the network” is off in Preferences, so Gloss downloads nothing. "
                          "Turn it on to open a link."));
  else
    gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (window)), NULL,
                                   clipboard_text_cb, g_object_ref (self));
  update_open_button (self);

  return self;
}

/**
 * gloss_open_link_dialog_set_link:
 * @self: a #GlossOpenLinkDialog
 * @link: a link, as pasted or dropped
 */
void
gloss_open_link_dialog_set_link (GlossOpenLinkDialog *self,
                                 const char          *link)
{
  g_return_if_fail (GLOSS_IS_OPEN_LINK_DIALOG (self));
  g_return_if_fail (link != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->entry), link);
}

/**
 * gloss_open_link_dialog_open:
 * @self: a #GlossOpenLinkDialog
 *
 * Does what the Open button does: downloads the link given and imports it.
 */
void
gloss_open_link_dialog_open (GlossOpenLinkDialog *self)
{
  g_autofree char *link = NULL;
  GlossStore *store;

  g_return_if_fail (GLOSS_IS_OPEN_LINK_DIALOG (self));

  if (self->busy || self->window == NULL)
    return;

  link = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  if (*link == '\0')
    return;

  self->network_allowed = gloss_link_network_allowed (GTK_WIDGET (self->window));
  if (!self->network_allowed)
    {
      show_message (self, _("“Use the network” is off in Preferences, so Gloss downloads nothing. "
                            "Turn it on to open a link."));
      update_open_button (self);
      return;
    }

  /* A link typed without its scheme is still a link. */
  if (!looks_like_link (link) && strstr (link, "://") == NULL && strchr (link, ' ') == NULL
      && strchr (link, '.') != NULL)
    {
      char *with_scheme = g_strconcat ("https://", link, NULL);

      g_free (link);
      link = with_scheme;
    }

  store = gloss_window_get_store (self->window);
  if (store == NULL)
    {
      show_message (self, _("The library could not be opened, so nothing can be added to it"));
      return;
    }

  show_message (self, NULL);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->download, gloss_link_progress_unref);
  self->download = gloss_link_progress_new ();
  set_busy (self, TRUE, _("Downloading…"));
  gloss_link_open_async (gloss_store_get_path (store), link, TRUE, self->download,
                         self->cancellable, finished_cb, g_object_ref (self));
}

/**
 * gloss_open_link_dialog_get_busy:
 * @self: a #GlossOpenLinkDialog
 *
 * Returns: whether a page is being downloaded or stored
 */
gboolean
gloss_open_link_dialog_get_busy (GlossOpenLinkDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_OPEN_LINK_DIALOG (self), FALSE);

  return self->busy;
}

/**
 * gloss_open_link_dialog_get_message:
 * @self: a #GlossOpenLinkDialog
 *
 * Returns: (nullable): the message shown, such as why a link failed
 */
const char *
gloss_open_link_dialog_get_message (GlossOpenLinkDialog *self)
{
  g_return_val_if_fail (GLOSS_IS_OPEN_LINK_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->message)))
    return NULL;
  return gtk_label_get_label (self->message);
}
