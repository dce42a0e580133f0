/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-team"

#include "config.h"

#include <libsecret/secret.h>

#include "gloss-team-password.h"

/*
 * The password of a team library lives in the user's keyring (the Secret
 * Service, through libsecret), never in the library file: the library
 * keeps only the connection string, and the keyring item is found by it.
 * Two team libraries on the same server as the same person share one item.
 * The CLI takes passwords from the environment instead, for scripts.
 */

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.glossapp.Gloss.TeamPassword", SECRET_SCHEMA_NONE,
    {
      { "connection", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };

  return &schema;
}

/**
 * gloss_team_password_store:
 * @conninfo: the connection string the password is for
 * @label: what the keyring shows the item as
 *
 * Keeps @password in the default keyring, replacing the one kept before.
 */
gboolean
gloss_team_password_store (const char    *conninfo,
                           const char    *label,
                           const char    *password,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_return_val_if_fail (conninfo != NULL, FALSE);
  g_return_val_if_fail (password != NULL, FALSE);

  return secret_password_store_sync (get_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                                     cancellable, error, "connection", conninfo, NULL);
}

/**
 * gloss_team_password_lookup:
 *
 * Returns: (transfer full) (nullable): the password kept for @conninfo;
 *   %NULL without @error set when there is none
 */
char *
gloss_team_password_lookup (const char    *conninfo,
                            GCancellable  *cancellable,
                            GError       **error)
{
  char *secret;
  char *password;

  g_return_val_if_fail (conninfo != NULL, NULL);

  secret = secret_password_lookup_sync (get_schema (), cancellable, error,
                                        "connection", conninfo, NULL);
  if (secret == NULL)
    return NULL;
  /* libsecret's copy is wiped when freed; ours goes to libpq, which keeps
   * its own, so a plain string changes nothing. */
  password = g_strdup (secret);
  secret_password_free (secret);
  return password;
}

/**
 * gloss_team_password_clear:
 *
 * Removes the password kept for @conninfo, if there is one.
 */
gboolean
gloss_team_password_clear (const char    *conninfo,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (conninfo != NULL, FALSE);

  secret_password_clear_sync (get_schema (), cancellable, &local_error,
                              "connection", conninfo, NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}
