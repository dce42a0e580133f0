/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-link-task.h"
#include "gloss-open-link-dialog.h"
#include "gloss-window-private.h"

/*
 * Stories by their link, in the window: Open Link (Ctrl+Shift+L), and
 * Check for Changes on one article or on every article with a link.  A
 * check that stores a new version says what it did in a toast ("Updated:
 * 3 paragraphs changed, 1 annotation moved, 0 orphaned") and shows the
 * article again when it is the one on screen, so its highlights sit on the
 * re-anchored words.  Check All goes through the articles one after the
 * other under a bar with its progress and Cancel; cancelling stops the
 * download in progress, keeps what was stored before it and says so.
 * With the network preference off nothing is asked.
 */

/* Article actions take an article id; 0 means the article shown. */
static gint64
target_article (GlossWindow *self,
                GVariant    *param)
{
  gint64 id = g_variant_get_int64 (param);

  return id != 0 ? id : _gloss_window_shown_article_id (self);
}

/**
 * _gloss_window_open_link:
 * @self: a #GlossWindow
 * @link: (nullable): a link to fill in, as dropped
 *
 * Shows the Open Link dialog; with @link the user only has to confirm.
 */
void
_gloss_window_open_link (GlossWindow *self,
                         const char  *link)
{
  GlossOpenLinkDialog *dialog;

  if (self->store == NULL || gloss_store_is_read_only (self->store))
    return;

  dialog = gloss_open_link_dialog_new (self);
  if (link != NULL)
    gloss_open_link_dialog_set_link (dialog, link);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  _gloss_window_open_link (GLOSS_WINDOW (widget), NULL);
}

/**
 * _gloss_window_format_update_report:
 * @report: what storing a new version did
 *
 * Returns: (transfer full): "Updated: 3 paragraphs changed, 1 annotation
 *   moved, 0 orphaned", or "No changes"
 */
char *
_gloss_window_format_update_report (const GlossUpdateReport *report)
{
  g_autofree char *paragraphs = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *orphaned = NULL;

  if (report->unchanged)
    return g_strdup (_("No changes"));

  paragraphs = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u paragraph changed",
                                             "%u paragraphs changed", report->n_changed_blocks),
                                report->n_changed_blocks);
  moved = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation moved",
                                        "%u annotations moved", report->n_moved),
                           report->n_moved);
  orphaned = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u orphaned", "%u orphaned",
                                           report->n_orphaned),
                              report->n_orphaned);

  /* Translators: the three parts are "3 paragraphs changed", "1 annotation
   * moved" and "0 orphaned" */
  return g_strdup_printf (_("Updated: %s, %s, %s"), paragraphs, moved, orphaned);
}

/* A check's outcome waits for the toast before it to go rather than
 * dismissing it: libadwaita 1.2 crashed when a toast was dismissed while
 * it was still sliding in. */
static void
show_link_toast (GlossWindow *self,
                 AdwToast    *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* After a new version of @id: the library row, and the reader if it
 * shows that article. */
static void
article_updated (GlossWindow *self,
                 gint64       id)
{
  g_autoptr(GError) error = NULL;

  gloss_library_sidebar_refresh_article (self->library_sidebar, id);
  if (_gloss_window_shown_article_id (self) == id
      && !gloss_window_open_article (self, id, &error))
    _gloss_window_show_error_toast (self, error->message);
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *async_result,
               gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GlossLinkResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  result = gloss_link_finish (async_result, &error);
  /* Cancelled only when the window goes. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->link_checks--;
  _gloss_window_update_link_actions (self);

  if (result == NULL)
    {
      /* Translators: %s says why */
      message = g_strdup_printf (_("Could not check for changes: %s"), error->message);
      toast = adw_toast_new (message);
      /* A failure stays until it is read. */
      adw_toast_set_timeout (toast, 0);
      show_link_toast (self, toast);
      return;
    }

  message = _gloss_window_format_update_report (&result->report);
  if (result->outcome == GLOSS_LINK_NEW_VERSION)
    article_updated (self, result->article_id);
  show_link_toast (self, adw_toast_new (message));
}

static gboolean
say_if_offline (GlossWindow *self)
{
  AdwToast *toast;

  if (gloss_link_network_allowed (GTK_WIDGET (self)))
    return FALSE;

  toast = adw_toast_new (_("“Use the network” is off in Preferences, so Gloss did not check "
                           "for changes"));
  adw_toast_set_timeout (toast, 0);
  show_link_toast (self, toast);
  return TRUE;
}

static void
check_changes_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  gint64 id = target_article (self, param);

  if (self->store == NULL || id == 0 || say_if_offline (self))
    return;

  self->link_checks++;
  _gloss_window_update_link_actions (self);
  gloss_link_check_async (gloss_store_get_path (self->store), id, TRUE, self->link_cancellable,
                          check_done_cb, g_object_ref (self));
}

/* Check All: one article after the other, so a slow site holds up no
 * more than itself and the library sees one writer. */
typedef struct
{
  GlossWindow *window;
  GArray *ids;
  GCancellable *cancellable;
  guint next;
  guint n_updated;
  guint n_failed;
  GlossUpdateReport total;
  char *first_error;
} CheckAll;

static void
check_all_free (CheckAll *all)
{
  if (all->window->check_all == all)
    {
      all->window->check_all = NULL;
      gtk_revealer_set_reveal_child (all->window->check_revealer, FALSE);
      _gloss_window_update_link_actions (all->window);
    }
  g_object_unref (all->window);
  g_array_unref (all->ids);
  g_object_unref (all->cancellable);
  g_free (all->first_error);
  g_free (all);
}

static void check_next (CheckAll *all);

static void
check_all_finish (CheckAll *all)
{
  GlossWindow *self = all->window;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (g_cancellable_is_cancelled (all->cancellable))
    /* Translators: %u counts the articles that a new version was stored
     * for before the user cancelled */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Check cancelled: %u article changed",
                                            "Check cancelled: %u articles changed",
                                            all->n_updated),
                               all->n_updated);
  else if (all->n_updated == 0 && all->n_failed == 0)
    message = g_strdup (_("No changes"));
  else if (all->n_failed == 0)
    {
      g_autofree char *report = _gloss_window_format_update_report (&all->total);

      /* Translators: %u counts articles; %s is "Updated: 3 paragraphs
       * changed, 1 annotation moved, 0 orphaned" */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article changed. %s",
                                              "%u articles changed. %s", all->n_updated),
                                 all->n_updated, report);
    }
  else
    /* Translators: the first %u counts articles changed, the second those
     * that could not be checked, %s says why the first of them failed */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u changed; %u could not be checked: %s",
                                            "%u changed; %u could not be checked: %s",
                                            all->n_failed),
                               all->n_updated, all->n_failed, all->first_error);

  toast = adw_toast_new (message);
  if (all->n_failed > 0)
    adw_toast_set_timeout (toast, 0);
  show_link_toast (self, toast);
  self->link_checks--;
  _gloss_window_update_link_actions (self);
  check_all_free (all);
}

static void
check_all_cb (GObject      *object,
              GAsyncResult *async_result,
              gpointer      user_data)
{
  CheckAll *all = user_data;
  g_autoptr(GlossLinkResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = gloss_link_finish (async_result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* The window is going: nothing to say. */
      if (gtk_widget_in_destruction (GTK_WIDGET (all->window)) || all->window->link_cancellable == NULL
          || g_cancellable_is_cancelled (all->window->link_cancellable))
        check_all_free (all);
      else
        check_all_finish (all);
      return;
    }

  if (result == NULL)
    {
      all->n_failed++;
      if (all->first_error == NULL)
        all->first_error = g_strdup (error->message);
    }
  else if (result->outcome == GLOSS_LINK_NEW_VERSION)
    {
      all->n_updated++;
      all->total.n_changed_blocks += result->report.n_changed_blocks;
      all->total.n_moved += result->report.n_moved;
      all->total.n_orphaned += result->report.n_orphaned;
      all->total.n_anchored += result->report.n_anchored;
      article_updated (all->window, result->article_id);
    }

  check_next (all);
}

static void
check_next (CheckAll *all)
{
  GlossWindow *self = all->window;
  g_autofree char *label = NULL;
  gint64 id;

  if (all->next >= all->ids->len || self->store == NULL
      || g_cancellable_is_cancelled (all->cancellable))
    {
      check_all_finish (all);
      return;
    }

  /* Translators: progress of Check All: the article being checked, of how many */
  label = g_strdup_printf (_("Checking %u of %u articles for changes…"), all->next + 1,
                           all->ids->len);
  gtk_label_set_label (self->check_label, label);
  gtk_progress_bar_set_fraction (self->check_progress, (double) all->next / all->ids->len);
  id = g_array_index (all->ids, gint64, all->next++);
  gloss_link_check_async (gloss_store_get_path (self->store), id, TRUE, all->cancellable,
                          check_all_cb, all);
}

static void
check_all_changes_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  CheckAll *all;

  if (self->store == NULL || say_if_offline (self))
    return;

  ids = gloss_store_list_article_ids (self->store, &error);
  if (ids == NULL)
    {
      _gloss_window_show_error_toast (self, error->message);
      return;
    }

  all = g_new0 (CheckAll, 1);
  all->window = g_object_ref (self);
  all->cancellable = g_cancellable_new ();
  all->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  all->total.unchanged = FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = *(gint64 *) g_ptr_array_index (ids, i);
      g_autoptr(GlossArticleLink) link = gloss_store_dup_article_link (self->store, id, NULL);

      if (link != NULL)
        g_array_append_val (all->ids, id);
    }

  if (all->ids->len == 0)
    {
      check_all_free (all);
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("No article in the library came from a link")));
      return;
    }

  self->check_all = all;
  gtk_revealer_set_reveal_child (self->check_revealer, TRUE);
  self->link_checks++;
  _gloss_window_update_link_actions (self);
  check_next (all);
}

static void
cancel_check_all_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  CheckAll *all = self->check_all;

  if (all == NULL)
    return;
  gtk_label_set_label (self->check_label, _("Stopping…"));
  g_cancellable_cancel (all->cancellable);
}

/**
 * _gloss_window_update_link_actions:
 * @self: a #GlossWindow
 *
 * Links need a library, and one check at a time is enough.
 */
void
_gloss_window_update_link_actions (GlossWindow *self)
{
  gboolean writable = self->store != NULL && !gloss_store_is_read_only (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-link", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.check-changes",
                                 writable && self->link_checks == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.check-all-changes",
                                 writable && self->link_checks == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-check-all",
                                 self->check_all != NULL);
}

void
_gloss_window_links_init (GlossWindow *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  self->link_cancellable = g_cancellable_new ();

  /* Under the header bar, as the import's bar is. */
  gtk_widget_add_css_class (bar, "import-bar");
  self->check_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->check_label, 0);
  gtk_label_set_ellipsize (self->check_label, PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->check_label));
  self->check_progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->check_progress), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->check_progress), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check_progress),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Checking for Changes"), -1);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->check_progress));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "win.cancel-check-all");
  gtk_box_append (GTK_BOX (bar), cancel);
  self->check_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->check_revealer, bar);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->import_revealer))),
                              GTK_WIDGET (self->check_revealer),
                              GTK_WIDGET (self->import_revealer));

  g_signal_connect (self, "notify::store", G_CALLBACK (_gloss_window_update_link_actions), NULL);
  _gloss_window_update_link_actions (self);
}

void
_gloss_window_links_dispose (GlossWindow *self)
{
  g_cancellable_cancel (self->link_cancellable);
  /* Its end then touches no widget of the window going away. */
  if (self->check_all != NULL)
    g_cancellable_cancel (((CheckAll *) self->check_all)->cancellable);
  self->check_all = NULL;
  g_clear_object (&self->link_cancellable);
}

void
_gloss_window_class_links_init (GlossWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.open-link", NULL, open_link_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_L, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.open-link", NULL);
  gtk_widget_class_install_action (widget_class, "win.check-changes", "x", check_changes_action);
  gtk_widget_class_install_action (widget_class, "win.check-all-changes", NULL,
                                   check_all_changes_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-check-all", NULL,
                                   cancel_check_all_action);
}
