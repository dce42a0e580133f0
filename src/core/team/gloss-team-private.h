/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libpq-fe.h>

#include "gloss-team.h"

G_BEGIN_DECLS

/* Shared by the gloss-team-*.c files; nothing outside src/core/team sees libpq. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

PGconn   *gloss_team_connection_get_conn (GlossTeamConnection  *self);

/* Runs @sql with @n_params text parameters (NULL for SQL NULL); returns
 * the result, or NULL with @error set (refusals by the server's rules as
 * GLOSS_TEAM_ERROR_REFUSED, a lost connection as _FAILED).  @doing says,
 * translated, what was being done. */
PGresult *gloss_team_query               (GlossTeamConnection  *self,
                                          const char           *sql,
                                          int                   n_params,
                                          const char * const   *params,
                                          const char           *doing,
                                          GError              **error);
gboolean  gloss_team_exec                (GlossTeamConnection  *self,
                                          const char           *sql,
                                          const char           *doing,
                                          GError              **error);

/* Ends a failed transaction; its own failure (the connection is gone)
 * changes nothing, the server drops the transaction then anyway. */
void      gloss_team_rollback            (GlossTeamConnection  *self);

/* The test hook, if a test set one. */
void      gloss_team_sync_hook           (const char           *point);

G_END_DECLS
