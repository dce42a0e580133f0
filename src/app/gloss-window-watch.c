/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-window-watch"

#include "config.h"

#include <string.h>

#include "gloss-window-private.h"

/*
 * Picking up what gloss-cli (or any other program) changed in the library
 * while the window is open, without a restart.  Once a second the window
 * asks SQLite whether another connection committed (a pragma that reads no
 * table, so an idle window costs nothing worth measuring); only then is the
 * sidebar listed again and the article on screen compared with its stored
 * signature: new text (an update, a cleaning again) opens it again, where
 * it was being read; changed annotations or links are read again.
 *
 * A change is left for a later tick while the window is busy with its own
 * work (an open or an import, whose commits come from a worker connection)
 * or while the annotation editor is open or opening, so nothing the user is
 * typing is thrown away.
 *
 * The window's own writes change the signature too.  They are taken into
 * the baseline at the next tick where no other connection has committed,
 * so that a later change elsewhere in the library does not read the
 * article again for nothing (which would also empty its Undo history).
 */

#define WATCH_INTERVAL_SECONDS 1

static gboolean
window_is_busy (GlossWindow *self)
{
  /* The editor holds its annotation from the moment it is asked for, also
   * in the frames before it shows (it waits for the highlight to be laid
   * out or scrolled to): reading the annotations again then would leave it
   * saving an object the window no longer shows. */
  return gloss_window_get_loading (self) ||
         self->import_cancellable != NULL ||
         gtk_widget_get_visible (GTK_WIDGET (self->editor)) ||
         gloss_annotation_editor_get_annotation (self->editor) != NULL;
}

/* The part of a signature before the first '|' is the article's text. */
static gboolean
same_text (const char *a,
           const char *b)
{
  const char *end_a = strchr (a, '|');
  const char *end_b = strchr (b, '|');
  gsize length_a = end_a != NULL ? (gsize) (end_a - a) : strlen (a);
  gsize length_b = end_b != NULL ? (gsize) (end_b - b) : strlen (b);

  return length_a == length_b && memcmp (a, b, length_a) == 0;
}

static void
refresh_shown_article (GlossWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *signature = NULL;
  gint64 article_id = _gloss_window_shown_article_id (self);

  if (article_id <= 0)
    {
      self->watch_article_id = 0;
      g_clear_pointer (&self->watch_signature, g_free);
      return;
    }

  signature = gloss_store_dup_article_signature (self->store, article_id, &error);
  if (signature == NULL)
    {
      g_debug ("Could not check the article for changes: %s", error->message);
      return;
    }

  /* An article not seen before was just read whole: nothing to compare. */
  if (article_id == self->watch_article_id && self->watch_signature != NULL &&
      g_strcmp0 (signature, self->watch_signature) != 0 && signature[0] != '\0')
    {
      if (!same_text (signature, self->watch_signature))
        {
          _gloss_window_save_reading_position (self);
          if (!gloss_window_open_article (self, article_id, &error))
            _gloss_window_show_error_toast (self, error->message);
        }
      else if (!gloss_window_reload_annotations (self, &error))
        {
          _gloss_window_show_error_toast (self, error->message);
        }
    }

  self->watch_article_id = article_id;
  g_free (self->watch_signature);
  self->watch_signature = g_steal_pointer (&signature);
}

/* Called when no other connection committed since the last look: what
 * changed the signature since then is this window's own writing. */
static void
take_in_own_changes (GlossWindow *self)
{
  g_autofree char *signature = NULL;
  gint64 own_changes = gloss_store_get_own_changes (self->store);
  gint64 version;

  if (own_changes == self->watch_own_changes)
    return;

  if (self->watch_article_id > 0)
    {
      signature = gloss_store_dup_article_signature (self->store, self->watch_article_id, NULL);
      /* Another program may have committed while it was read: then the
       * signature is not only ours, and the next tick compares as usual. */
      if (signature == NULL ||
          !gloss_store_read_data_version (self->store, &version, NULL) ||
          version != self->watch_version)
        return;
      g_free (self->watch_signature);
      self->watch_signature = g_steal_pointer (&signature);
    }
  self->watch_own_changes = own_changes;
}

static gboolean
watch_tick_cb (gpointer user_data)
{
  GlossWindow *self = GLOSS_WINDOW (user_data);
  g_autoptr(GError) error = NULL;
  gint64 version;

  if (self->store == NULL || window_is_busy (self))
    return G_SOURCE_CONTINUE;

  if (!gloss_store_read_data_version (self->store, &version, &error))
    {
      g_debug ("Could not check the library for changes: %s", error->message);
      return G_SOURCE_CONTINUE;
    }

  if (self->watch_version_known && version == self->watch_version)
    {
      take_in_own_changes (self);
      return G_SOURCE_CONTINUE;
    }

  if (self->watch_version_known)
    gloss_library_sidebar_reload (self->library_sidebar);
  self->watch_version = version;
  self->watch_version_known = TRUE;
  self->watch_own_changes = gloss_store_get_own_changes (self->store);
  refresh_shown_article (self);

  return G_SOURCE_CONTINUE;
}

void
_gloss_window_watch_init (GlossWindow *self)
{
  self->watch_source = g_timeout_add_seconds (WATCH_INTERVAL_SECONDS, watch_tick_cb, self);
  g_source_set_name_by_id (self->watch_source, "[gloss] watch the library");
}

/* What the window just read is the baseline: the library's version and
 * the shown article's signature as they are now.  (A change committed
 * between reading the article and this call is not seen as one; the
 * window read it a moment ago, or reads it at the next change.) */
void
_gloss_window_watch_article_shown (GlossWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 article_id = _gloss_window_shown_article_id (self);

  g_clear_pointer (&self->watch_signature, g_free);
  self->watch_article_id = 0;
  if (self->store == NULL || article_id <= 0)
    return;

  if (gloss_store_read_data_version (self->store, &self->watch_version, &error))
    self->watch_version_known = TRUE;
  self->watch_own_changes = gloss_store_get_own_changes (self->store);
  self->watch_signature = gloss_store_dup_article_signature (self->store, article_id, NULL);
  if (self->watch_signature != NULL)
    self->watch_article_id = article_id;
}

/* Forgets what was seen: the store was replaced (a restore), so the next
 * tick starts over instead of taking the new file for a change. */
void
_gloss_window_watch_reset (GlossWindow *self)
{
  self->watch_version_known = FALSE;
  self->watch_article_id = 0;
  g_clear_pointer (&self->watch_signature, g_free);
}

void
_gloss_window_watch_dispose (GlossWindow *self)
{
  g_clear_handle_id (&self->watch_source, g_source_remove);
  g_clear_pointer (&self->watch_signature, g_free);
}
