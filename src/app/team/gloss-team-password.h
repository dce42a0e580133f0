/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Team passwords in the keyring (libsecret); blocking D-Bus calls, so
 * called on a worker thread. */

gboolean  gloss_team_password_store  (const char    *conninfo,
                                      const char    *label,
                                      const char    *password,
                                      GCancellable  *cancellable,
                                      GError       **error);
char     *gloss_team_password_lookup (const char    *conninfo,
                                      GCancellable  *cancellable,
                                      GError       **error);
gboolean  gloss_team_password_clear  (const char    *conninfo,
                                      GCancellable  *cancellable,
                                      GError       **error);

G_END_DECLS
