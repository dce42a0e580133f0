/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-team"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-team-monitor.h"
#include "gloss-team-password.h"

/*
 * How the team libraries of a window's library stand, and syncing them.
 *
 * A sync runs on a GTask thread with a store of its own on the same file
 * (a SQLite connection is used by one thread only) and the password from
 * the keyring, so the window never waits on the server.  The window's
 * watch then picks up what the sync wrote.  The state shown (synced, n
 * changes waiting, offline, an error and its reason) is counted again only
 * when the library changed: once a second the monitor reads a counter that
 * costs no table read.
 *
 * Background syncs run every "team-sync-interval" minutes while network
 * use is allowed ("use-network" on, GLOSS_OFFLINE unset, a network
 * available); Sync Now runs at once.  A server that cannot be reached at all is "offline", not an
 * error: the changes wait for the next sync.
 */

#define POLL_SECONDS 1

struct _GlossTeamMonitor
{
  GObject parent_instance;

  GlossStore *store;
  GSettings *settings;

  GlossTeamState state;
  char *summary;
  char *detail;

  /* The outcome of this session's last sync: NULL before one ended */
  gboolean outcome_known;
  gboolean outcome_offline;
  char *outcome_error;

  GCancellable *syncing;
  guint sync_again : 1;

  gint64 change_count;
  guint poll_source;
  guint periodic_source;
  guint soon_source;
  int n_libraries;          /* at the last count; -1 before one */
};

G_DEFINE_FINAL_TYPE (GlossTeamMonitor, gloss_team_monitor, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  gint64 id;
  char *name;
  char *conninfo;
} Target;

static void
target_free (Target *target)
{
  g_free (target->name);
  g_free (target->conninfo);
  g_free (target);
}

typedef struct
{
  char *path;
  GPtrArray *targets;
  /* filled in by the worker */
  gboolean offline;
  char *error;
} SyncJob;

static void
sync_job_free (SyncJob *job)
{
  g_free (job->path);
  g_ptr_array_unref (job->targets);
  g_free (job->error);
  g_free (job);
}

static void
replace_str (char       **slot,
             const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*slot);
  *slot = copy;
}

/* Background syncs only: Sync Now is the user asking. */
static gboolean
network_allowed (GlossTeamMonitor *self)
{
  return g_settings_get_boolean (self->settings, "use-network") &&
         gloss_fetch_network_allowed_from_env () &&
         g_network_monitor_get_network_available (g_network_monitor_get_default ());
}

static void
sync_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SyncJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_store_open (job->path, &error);
  g_autoptr(GString) errors = g_string_new (NULL);
  guint n_offline = 0;

  if (store == NULL)
    {
      job->error = g_strdup (error->message);
      g_task_return_boolean (task, TRUE);
      return;
    }

  for (guint i = 0; i < job->targets->len; i++)
    {
      Target *target = g_ptr_array_index (job->targets, i);
      g_autofree char *password = NULL;
      g_autoptr(GlossTeamConnection) connection = NULL;
      g_autoptr(GError) local_error = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      password = gloss_team_password_lookup (target->conninfo, cancellable, &local_error);
      if (password == NULL && local_error == NULL)
        g_set_error (&local_error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_CONNECT,
                     _("No password for “%s” in the keyring; add the team library again in "
                       "Preferences"), target->name);
      if (local_error == NULL)
        connection = gloss_team_connection_open (target->conninfo, password, &local_error);
      if (connection != NULL)
        gloss_team_sync (store, target->id, connection, NULL, &local_error);
      if (local_error == NULL)
        continue;

      if (g_error_matches (local_error, GLOSS_TEAM_ERROR, GLOSS_TEAM_ERROR_CONNECT) &&
          password != NULL && !gloss_team_server_answers (target->conninfo))
        n_offline++;
      else
        {
          if (errors->len > 0)
            g_string_append (errors, "\n");
          /* Translators: a team library's name, then why its sync failed */
          g_string_append_printf (errors, _("%s: %s"), target->name, local_error->message);
        }
    }

  job->offline = n_offline > 0;
  if (errors->len > 0)
    job->error = g_string_free (g_steal_pointer (&errors), FALSE);
  g_task_return_boolean (task, TRUE);
}

static void start_sync (GlossTeamMonitor *self);

static void
sync_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GlossTeamMonitor *self = GLOSS_TEAM_MONITOR (source);
  SyncJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    return;   /* cancelled: the monitor is going */

  g_clear_object (&self->syncing);
  self->outcome_known = TRUE;
  self->outcome_offline = job->offline;
  replace_str (&self->outcome_error, job->error);
  if (self->sync_again)
    {
      self->sync_again = FALSE;
      start_sync (self);
    }
  gloss_team_monitor_refresh (self);
}

static void
start_sync (GlossTeamMonitor *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) libraries = NULL;
  g_autoptr(GError) error = NULL;
  SyncJob *job;

  if (self->store == NULL)
    return;
  if (self->syncing != NULL)
    {
      self->sync_again = TRUE;
      return;
    }
  libraries = gloss_team_list_libraries (self->store, &error);
  if (libraries == NULL || libraries->len == 0)
    return;

  job = g_new0 (SyncJob, 1);
  job->path = g_strdup (gloss_store_get_path (self->store));
  job->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) target_free);
  for (guint i = 0; i < libraries->len; i++)
    {
      GlossTeamLibrary *library = g_ptr_array_index (libraries, i);
      Target *target = g_new0 (Target, 1);

      target->id = library->id;
      target->name = g_strdup (library->name);
      target->conninfo = g_strdup (library->conninfo);
      g_ptr_array_add (job->targets, target);
    }

  self->syncing = g_cancellable_new ();
  task = g_task_new (self, self->syncing, sync_done, NULL);
  g_task_set_source_tag (task, start_sync);
  g_task_set_task_data (task, job, (GDestroyNotify) sync_job_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, sync_thread);
  gloss_team_monitor_refresh (self);
}

static void
set_state (GlossTeamMonitor *self,
           GlossTeamState    state,
           const char       *summary,
           const char       *detail)
{
  if (self->state == state && g_strcmp0 (self->summary, summary) == 0 &&
      g_strcmp0 (self->detail, detail) == 0)
    return;
  self->state = state;
  replace_str (&self->summary, summary);
  replace_str (&self->detail, detail);
  g_signal_emit (self, signals[CHANGED], 0);
}

static char *
format_waiting (guint n_pending)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change waiting",
                                       "%u changes waiting", n_pending), n_pending);
}

/* The store's UTC time stamp, in local time */
static char *
format_time (const char *stamp)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (stamp, NULL);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (stamp);
  local = g_date_time_to_local (utc);
  /* Translators: the date and time of the last sync, a
   * g_date_time_format() format: "7 December 2026, 18:34" */
  return g_date_time_format (local, _("%e %B %Y, %H:%M"));
}

static gboolean
poll_cb (gpointer user_data)
{
  GlossTeamMonitor *self = user_data;

  if (self->store != NULL && gloss_team_get_change_count (self->store) != self->change_count)
    gloss_team_monitor_refresh (self);
  return G_SOURCE_CONTINUE;
}

static gboolean
periodic_cb (gpointer user_data)
{
  GlossTeamMonitor *self = user_data;

  if (network_allowed (self))
    start_sync (self);
  return G_SOURCE_CONTINUE;
}

static gboolean
soon_cb (gpointer user_data)
{
  GlossTeamMonitor *self = user_data;

  self->soon_source = 0;
  if (network_allowed (self))
    start_sync (self);
  return G_SOURCE_REMOVE;
}

/* Something worth sending at once (a team library added, an article
 * shared): a background sync in a moment, when they run at all. */
static void
sync_soon (GlossTeamMonitor *self)
{
  if (self->store != NULL && self->soon_source == 0 &&
      g_settings_get_int (self->settings, "team-sync-interval") > 0 && network_allowed (self))
    self->soon_source = g_timeout_add_seconds (2, soon_cb, self);
}

static void
interval_changed_cb (GlossTeamMonitor *self)
{
  int minutes = g_settings_get_int (self->settings, "team-sync-interval");

  g_clear_handle_id (&self->periodic_source, g_source_remove);
  if (minutes > 0 && self->store != NULL)
    self->periodic_source = g_timeout_add_seconds (minutes * 60, periodic_cb, self);
}

static void
gloss_team_monitor_dispose (GObject *object)
{
  GlossTeamMonitor *self = GLOSS_TEAM_MONITOR (object);

  if (self->syncing != NULL)
    g_cancellable_cancel (self->syncing);
  g_clear_object (&self->syncing);
  g_clear_handle_id (&self->poll_source, g_source_remove);
  g_clear_handle_id (&self->periodic_source, g_source_remove);
  g_clear_handle_id (&self->soon_source, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gloss_team_monitor_parent_class)->dispose (object);
}

static void
gloss_team_monitor_finalize (GObject *object)
{
  GlossTeamMonitor *self = GLOSS_TEAM_MONITOR (object);

  g_free (self->summary);
  g_free (self->detail);
  g_free (self->outcome_error);

  G_OBJECT_CLASS (gloss_team_monitor_parent_class)->finalize (object);
}

static void
gloss_team_monitor_class_init (GlossTeamMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gloss_team_monitor_dispose;
  object_class->finalize = gloss_team_monitor_finalize;

  /**
   * GlossTeamMonitor::changed:
   *
   * The state, its summary or its detail changed, or the team libraries
   * did (one was added, removed, shared to or synced).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gloss_team_monitor_init (GlossTeamMonitor *self)
{
  self->settings = g_settings_new (APP_ID);
  self->change_count = -1;
  self->n_libraries = -1;
  g_signal_connect_object (self->settings, "changed::team-sync-interval",
                           G_CALLBACK (interval_changed_cb), self, G_CONNECT_SWAPPED);
}

GlossTeamMonitor *
gloss_team_monitor_new (void)
{
  return g_object_new (GLOSS_TYPE_TEAM_MONITOR, NULL);
}

/**
 * gloss_team_monitor_set_store:
 * @store: (nullable): the window's library
 *
 * Follows @store from now on; a sync of the one before is let go.
 */
void
gloss_team_monitor_set_store (GlossTeamMonitor *self,
                              GlossStore       *store)
{
  g_return_if_fail (GLOSS_IS_TEAM_MONITOR (self));

  if (!g_set_object (&self->store, store))
    return;
  if (self->syncing != NULL)
    g_cancellable_cancel (self->syncing);
  g_clear_object (&self->syncing);
  self->sync_again = FALSE;
  self->outcome_known = FALSE;
  g_clear_pointer (&self->outcome_error, g_free);
  self->change_count = -1;
  self->n_libraries = -1;
  g_clear_handle_id (&self->soon_source, g_source_remove);

  g_clear_handle_id (&self->poll_source, g_source_remove);
  if (store != NULL)
    self->poll_source = g_timeout_add_seconds (POLL_SECONDS, poll_cb, self);
  interval_changed_cb (self);
  gloss_team_monitor_refresh (self);

  /* A first sync soon after the window opens, when syncing on its own. */
  if (store != NULL && g_settings_get_int (self->settings, "team-sync-interval") > 0 &&
      network_allowed (self))
    start_sync (self);
}

/**
 * gloss_team_monitor_get_store:
 *
 * Returns: (transfer none) (nullable): the library followed
 */
GlossStore *
gloss_team_monitor_get_store (GlossTeamMonitor *self)
{
  g_return_val_if_fail (GLOSS_IS_TEAM_MONITOR (self), NULL);

  return self->store;
}

GlossTeamState
gloss_team_monitor_get_state (GlossTeamMonitor *self)
{
  g_return_val_if_fail (GLOSS_IS_TEAM_MONITOR (self), GLOSS_TEAM_STATE_NONE);

  return self->state;
}

/**
 * gloss_team_monitor_get_summary:
 *
 * Returns: (nullable): the state in a few words, for the header
 */
const char *
gloss_team_monitor_get_summary (GlossTeamMonitor *self)
{
  g_return_val_if_fail (GLOSS_IS_TEAM_MONITOR (self), NULL);

  return self->summary;
}

/**
 * gloss_team_monitor_get_detail:
 *
 * Returns: (nullable): a sentence or two on the state: the reason of an
 *   error, what waits, when the last sync was
 */
const char *
gloss_team_monitor_get_detail (GlossTeamMonitor *self)
{
  g_return_val_if_fail (GLOSS_IS_TEAM_MONITOR (self), NULL);

  return self->detail;
}

/**
 * gloss_team_monitor_sync:
 *
 * Syncs every team library now, in the background (Sync Now).  Asked for
 * while a sync runs, another follows it.
 */
void
gloss_team_monitor_sync (GlossTeamMonitor *self)
{
  g_return_if_fail (GLOSS_IS_TEAM_MONITOR (self));

  start_sync (self);
}

/**
 * gloss_team_monitor_sync_soon:
 *
 * Syncs in a moment, in the background, if background syncs are on: for
 * something the team should get at once (an article shared).
 */
void
gloss_team_monitor_sync_soon (GlossTeamMonitor *self)
{
  g_return_if_fail (GLOSS_IS_TEAM_MONITOR (self));

  sync_soon (self);
}

/**
 * gloss_team_monitor_refresh:
 *
 * Counts the changes waiting again and says the state; emits ::changed.
 */
void
gloss_team_monitor_refresh (GlossTeamMonitor *self)
{
  g_autoptr(GPtrArray) libraries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *waiting = NULL;
  g_autofree char *detail = NULL;
  const char *stored_error = NULL;
  const char *last_sync = NULL;
  gboolean never_synced = FALSE;
  guint n_pending = 0;

  g_return_if_fail (GLOSS_IS_TEAM_MONITOR (self));

  if (self->store == NULL)
    {
      set_state (self, GLOSS_TEAM_STATE_NONE, NULL, NULL);
      g_signal_emit (self, signals[CHANGED], 0);
      return;
    }
  self->change_count = gloss_team_get_change_count (self->store);
  libraries = gloss_team_list_libraries (self->store, &error);
  if (libraries == NULL)
    {
      set_state (self, GLOSS_TEAM_STATE_ERROR, _("Sync Failed"), error->message);
      g_signal_emit (self, signals[CHANGED], 0);
      return;
    }
  for (guint i = 0; i < libraries->len; i++)
    {
      GlossTeamLibrary *library = g_ptr_array_index (libraries, i);

      n_pending += library->n_pending;
      if (library->last_error != NULL && stored_error == NULL)
        stored_error = library->last_error;
      if (library->last_sync == NULL)
        never_synced = TRUE;
      else if (last_sync == NULL || g_strcmp0 (library->last_sync, last_sync) < 0)
        last_sync = library->last_sync;
    }
  waiting = format_waiting (n_pending);
  if (self->n_libraries >= 0 && (int) libraries->len > self->n_libraries)
    sync_soon (self);
  self->n_libraries = libraries->len;

  if (libraries->len == 0)
    set_state (self, GLOSS_TEAM_STATE_NONE, NULL, NULL);
  else if (self->syncing != NULL)
    set_state (self, GLOSS_TEAM_STATE_SYNCING, _("Syncing…"),
               _("Sending what changed here and fetching what the team changed"));
  else if (self->outcome_known && self->outcome_error != NULL)
    set_state (self, GLOSS_TEAM_STATE_ERROR, _("Sync Failed"), self->outcome_error);
  else if (self->outcome_known && self->outcome_offline)
    {
      detail = g_strdup_printf (_("The team server cannot be reached; %s, sent at the next "
                                  "sync."), waiting);
      set_state (self, GLOSS_TEAM_STATE_OFFLINE, _("Offline"), detail);
    }
  else if (!self->outcome_known && stored_error != NULL)
    set_state (self, GLOSS_TEAM_STATE_ERROR, _("Sync Failed"), stored_error);
  else if (n_pending > 0)
    set_state (self, GLOSS_TEAM_STATE_WAITING, waiting, _("Sent at the next sync"));
  else if (never_synced)
    set_state (self, GLOSS_TEAM_STATE_WAITING, _("Not Synced Yet"),
               _("Sync Now fetches what the team shares"));
  else
    {
      g_autofree char *when = format_time (last_sync);

      detail = g_strdup_printf (_("Last synced %s"), when);
      set_state (self, GLOSS_TEAM_STATE_SYNCED, _("Synced"), detail);
    }
  /* The libraries themselves may have changed even when the state did
   * not (an article shared, one pulled): the sidebar lists them again. */
  g_signal_emit (self, signals[CHANGED], 0);
}
