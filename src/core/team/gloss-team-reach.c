/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-team"

#include "config.h"

#include <gio/gio.h>

#include "gloss-team-private.h"

/* Telling "offline" from "refused": after a failed connection, whether
 * anything answers at the addresses the connection string names.  libpq
 * reports both as a failed connection (its messages are translated, so
 * they cannot be told apart by their words); a window says "offline" for
 * a server nothing answers for, and the reason for the rest. */

#define DEFAULT_SOCKET_DIR "/var/run/postgresql"
#define DEFAULT_PORT "5432"

static const char *
option_value (PQconninfoOption *options,
              const char       *keyword)
{
  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    if (g_str_equal (o->keyword, keyword))
      return o->val;
  return NULL;
}

/**
 * gloss_team_server_answers:
 * @conninfo: a libpq connection string or URI
 *
 * Connects a plain socket (TCP or the unix socket) to each host @conninfo
 * names, waiting at most 10 seconds for each.  Blocks: call it on a worker.
 *
 * Returns: whether one of them accepted the connection
 */
gboolean
gloss_team_server_answers (const char *conninfo)
{
  PQconninfoOption *options = PQconninfoParse (conninfo, NULL);
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_auto(GStrv) hosts = NULL;
  g_auto(GStrv) ports = NULL;
  const char *value;
  gboolean answers = FALSE;

  if (options == NULL)
    return FALSE;
  value = option_value (options, "host");
  if (value == NULL || *value == '\0')
    value = option_value (options, "hostaddr");
  hosts = g_strsplit (value != NULL && *value != '\0' ? value : DEFAULT_SOCKET_DIR, ",", -1);
  value = option_value (options, "port");
  ports = g_strsplit (value != NULL && *value != '\0' ? value : DEFAULT_PORT, ",", -1);
  PQconninfoFree (options);
  g_socket_client_set_timeout (client, 10);

  for (guint i = 0; hosts[i] != NULL && !answers; i++)
    {
      guint n_ports = g_strv_length (ports);
      const char *port = ports[MIN (i, n_ports - 1)];
      g_autoptr(GSocketConnectable) address = NULL;
      g_autoptr(GSocketConnection) connection = NULL;

      if (hosts[i][0] == '/')
        {
          g_autofree char *path = g_strdup_printf ("%s/.s.PGSQL.%s", hosts[i], port);

          address = G_SOCKET_CONNECTABLE (g_unix_socket_address_new (path));
        }
      else
        address = g_network_address_new (hosts[i], (guint16) g_ascii_strtoull (port, NULL, 10));
      connection = g_socket_client_connect (client, address, NULL, NULL);
      answers = connection != NULL;
    }
  return answers;
}
