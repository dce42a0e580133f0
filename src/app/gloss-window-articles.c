/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-library-row.h"
#include "gloss-window-private.h"

/*
 * What can be done to an article of the library, from its menu in the
 * sidebar or the main menu: mark it read or unread, archive it, see its
 * details, delete it with Undo.
 */

/* Article actions take an article id; 0 means the article shown. */
static gint64
target_article (GlossWindow *self,
                GVariant    *param)
{
  gint64 id = g_variant_get_int64 (param);

  return id != 0 ? id : _gloss_window_shown_article_id (self);
}

static void
show_library_error (GlossWindow  *self,
                    const GError *error)
{
  g_autofree char *message = NULL;

  /* Translators: %s says why */
  message = g_strdup_printf (_("Could not change the library: %s"), error->message);
  _gloss_window_show_error_toast (self, message);
}

static GlossArticleSummary *
get_summary (GlossWindow *self,
             gint64       id)
{
  g_autoptr(GError) error = NULL;
  GlossArticleSummary *summary;

  if (self->store == NULL || id == 0)
    return NULL;

  summary = gloss_store_dup_article_summary (self->store, id, &error);
  if (summary == NULL)
    show_library_error (self, error);
  return summary;
}

static void
toggle_unread_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GlossArticleSummary) summary = get_summary (self, target_article (self, param));
  g_autoptr(GError) error = NULL;

  if (summary == NULL)
    return;

  if (!gloss_store_set_article_unread (self->store, summary->id, !summary->unread, &error))
    show_library_error (self, error);
  /* Under a filter for unread articles, the article leaves the list. */
  gloss_library_sidebar_reload (self->library_sidebar);
}

static void
toggle_archived_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GlossArticleSummary) summary = get_summary (self, target_article (self, param));
  g_autoptr(GError) error = NULL;

  if (summary == NULL)
    return;

  if (!gloss_store_set_article_archived (self->store, summary->id, !summary->archived, &error))
    {
      show_library_error (self, error);
      return;
    }

  gloss_library_sidebar_reload (self->library_sidebar);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (summary->archived ? _("Article moved back to the library")
                                                                : _("Article archived")));
}

static void
add_detail (GString    *body,
            const char *label,
            const char *value)
{
  if (value == NULL || *value == '\0')
    return;

  /* Translators: one line of an article's details: "Label: value" */
  g_string_append_printf (body, _("%s: %s"), label, value);
  g_string_append_c (body, '\n');
}

/* When a version was fetched or stored, to the minute, in local time. */
static char *
format_moment (const char *iso8601)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso8601 == NULL || *iso8601 == '\0')
    return NULL;
  parsed = g_date_time_new_from_iso8601 (iso8601, utc);
  if (parsed == NULL)
    return g_strdup (iso8601);
  local = g_date_time_to_local (parsed);
  /* Translators: when a page was downloaded, in the format of
   * g_date_time_format(), e.g. "Feb 14, 2019 16:05" */
  return g_date_time_format (local, _("%b %-e, %Y %H:%M"));
}

/* Where the text came from: the link asked for and where it led, when,
 * the server's answer and the bytes' SHA-256, as the issue of provenance
 * asks a fact-checker to be able to say. */
static void
add_provenance (GString               *body,
                const GlossProvenance *provenance)
{
  g_autofree char *fetched = NULL;
  g_autofree char *answer = NULL;
  g_autofree char *pages = NULL;

  if (provenance == NULL)
    return;

  fetched = format_moment (provenance->fetched_at);
  if (provenance->http_status != 0)
    answer = provenance->content_type != NULL
             /* Translators: the server's answer: "HTTP 200, text/html" */
             ? g_strdup_printf (_("HTTP %u, %s"), provenance->http_status, provenance->content_type)
             : g_strdup_printf ("HTTP %u", provenance->http_status);
  if (provenance->n_pages > 0)
    pages = g_strdup_printf ("%u", provenance->n_pages);

  if (g_strcmp0 (provenance->requested_url, provenance->final_url) != 0)
    add_detail (body, _("Link asked for"), provenance->requested_url);
  add_detail (body, _("Downloaded from"), provenance->final_url != NULL ? provenance->final_url
                                                                       : provenance->requested_url);
  add_detail (body, _("Downloaded"), fetched);
  add_detail (body, _("Server answer"), answer);
  add_detail (body, _("Server date"), provenance->date);
  add_detail (body, _("Last modified"), provenance->last_modified);
  add_detail (body, _("ETag"), provenance->etag);
  add_detail (body, _("Pages"), pages);
  add_detail (body, _("SHA-256"), provenance->sha256);
}

/* "3: Feb 14, 2019 16:05 (current), …": each version and when it came in. */
static char *
describe_versions (GlossStore *store,
                   gint64      id)
{
  g_autoptr(GPtrArray) versions = gloss_store_list_versions (store, id, NULL);
  GString *text;

  if (versions == NULL)
    return NULL;
  text = g_string_new (NULL);
  g_string_append_printf (text, "%u", versions->len);
  for (guint i = 0; i < versions->len && versions->len > 1; i++)
    {
      GlossArticleVersion *version = g_ptr_array_index (versions, i);
      g_autofree char *stored = format_moment (version->stored_at);

      g_string_append (text, i == 0 ? " — " : ", ");
      /* Translators: one version in an article's details: its number and
       * when it came into the library */
      g_string_append_printf (text, _("%u: %s"), version->number, stored != NULL ? stored : "");
    }
  return g_string_free (text, FALSE);
}

static void
article_details_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GlossArticleSummary) summary = get_summary (self, target_article (self, param));
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *imported = NULL;
  g_autofree char *published = NULL;
  g_autofree char *versions = NULL;
  g_autofree char *words = NULL;
  g_autoptr(GlossProvenance) provenance = NULL;
  GtkWidget *dialog;

  if (summary == NULL)
    return;

  imported = gloss_library_format_date (summary->imported_at);
  published = gloss_library_format_date (summary->published);
  versions = describe_versions (self->store, summary->id);
  provenance = gloss_store_dup_provenance (self->store, summary->id, NULL);
  words = g_strdup_printf ("%u", summary->n_words);

  add_detail (body, _("File"), summary->source_name);
  add_detail (body, _("Imported"), imported);
  add_detail (body, _("Published"), published);
  add_detail (body, _("By"), summary->byline);
  add_detail (body, _("Site"), summary->site_name);
  add_detail (body, _("Address"), summary->url);
  add_provenance (body, provenance);
  add_detail (body, _("Versions"), versions);
  add_detail (body, _("Words"), words);
  if (body->len > 0)
    g_string_truncate (body, body->len - 1);

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   summary->title != NULL ? summary->title : _("Article Details"),
                                   body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Articles deleted that an Undo toast can still bring back, by toast id. */
static void
article_toast_dismissed_cb (AdwToast    *toast,
                            GlossWindow *self)
{
  guint id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "deleted-article"));

  /* Toasts are dismissed as the window goes, after its table. */
  if (self->deleted_articles != NULL)
    g_hash_table_remove (self->deleted_articles, GUINT_TO_POINTER (id));
}

static void
delete_article_now (GlossWindow *self,
                    gint64       article_id,
                    const char  *title)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GlossDeletedArticle *deleted;
  AdwToast *toast;
  guint id;

  if (article_id == _gloss_window_shown_article_id (self))
    _gloss_window_close_article (self);

  deleted = gloss_store_delete_article (self->store, article_id, &error);
  if (deleted == NULL)
    {
      show_library_error (self, error);
      return;
    }

  gloss_library_sidebar_reload (self->library_sidebar);

  id = ++self->last_deleted_id;
  g_hash_table_insert (self->deleted_articles, GUINT_TO_POINTER (id), deleted);

  /* Translators: %s is an article's title */
  message = g_strdup_printf (_("“%s” deleted"), title);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete-article");
  adw_toast_set_action_target_value (toast, g_variant_new_uint32 (id));
  g_object_set_data (G_OBJECT (toast), "deleted-article", GUINT_TO_POINTER (id));
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (article_toast_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
confirm_delete_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   GlossWindow      *self)
{
  gint64 article_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "article-id");

  if (g_str_equal (response, "delete") && self->store != NULL)
    delete_article_now (self, article_id, g_object_get_data (G_OBJECT (dialog), "title"));
}

static void
delete_article_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GlossArticleSummary) summary = get_summary (self, target_article (self, param));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  const char *title;
  guint n_annotations = 0;
  GtkWidget *dialog;

  if (summary == NULL)
    return;

  title = summary->title != NULL && *summary->title != '\0' ? summary->title : _("Untitled Article");
  for (guint kind = 0; kind <= GLOSS_ANNOTATION_KIND_LAST; kind++)
    n_annotations += summary->counts[kind];

  /* Without annotations there is little to lose, and Undo is there. */
  if (n_annotations == 0)
    {
      delete_article_now (self, summary->id, title);
      return;
    }

  /* Translators: %s is an article's title */
  heading = g_strdup_printf (_("Delete “%s”?"), title);
  /* Translators: %u is a number of annotations */
  body = g_strdup_printf (ngettext ("Its %u annotation will be deleted with it.",
                                    "Its %u annotations will be deleted with it.", n_annotations),
                          n_annotations);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "article-id", g_memdup2 (&summary->id, sizeof summary->id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "title", g_strdup (title), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_delete_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_delete_article_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  guint id = g_variant_get_uint32 (param);
  GlossDeletedArticle *deleted = g_hash_table_lookup (self->deleted_articles, GUINT_TO_POINTER (id));
  g_autoptr(GError) error = NULL;
  gint64 article_id;

  if (deleted == NULL || self->store == NULL)
    return;

  article_id = gloss_deleted_article_get_id (deleted);
  if (!gloss_store_restore_article (self->store, deleted, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why */
      message = g_strdup_printf (_("Could not restore the article: %s"), error->message);
      _gloss_window_show_error_toast (self, message);
    }
  g_hash_table_remove (self->deleted_articles, GUINT_TO_POINTER (id));

  gloss_library_sidebar_reload (self->library_sidebar);
  gloss_library_sidebar_select_article (self->library_sidebar, article_id);
}

void
_gloss_window_class_article_actions_init (GlossWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.toggle-unread", "x", toggle_unread_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-archived", "x", toggle_archived_action);
  gtk_widget_class_install_action (widget_class, "win.article-details", "x", article_details_action);
  gtk_widget_class_install_action (widget_class, "win.delete-article", "x", delete_article_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete-article", "u",
                                   undo_delete_article_action);
}

void
_gloss_window_article_actions_init (GlossWindow *self)
{
  self->deleted_articles = g_hash_table_new_full (NULL, NULL, NULL,
                                                  (GDestroyNotify) gloss_deleted_article_free);
}

void
_gloss_window_article_actions_dispose (GlossWindow *self)
{
  g_clear_pointer (&self->deleted_articles, g_hash_table_unref);
}
