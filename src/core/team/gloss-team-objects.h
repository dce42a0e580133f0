/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gloss-team-sync-private.h"

G_BEGIN_DECLS

/* The local side of syncing (gloss-team-objects.c).  Every function runs
 * inside the caller's transaction. */

char     *gloss_team_canonical_from_row      (const char  *kind);
char     *gloss_team_canonical_from_json     (const char  *kind,
                                              const char  *param);
char     *gloss_team_canonicalize            (GlossStore  *store,
                                              const char  *kind,
                                              const char  *data,
                                              GError     **error);
gboolean  gloss_team_read_local              (GlossStore  *store,
                                              const char  *kind,
                                              const char  *uuid,
                                              const char  *data,
                                              char       **out_local,
                                              GError     **error);
gboolean  gloss_team_write_local             (GlossStore  *store,
                                              const char  *kind,
                                              const char  *uuid,
                                              const char  *data,
                                              GError     **error);
gboolean  gloss_team_delete_local            (GlossStore  *store,
                                              const char  *kind,
                                              const char  *uuid,
                                              const char  *data,
                                              GError     **error);
gboolean  gloss_team_insert_article          (GlossStore  *store,
                                              gint64       library_id,
                                              const char  *uuid,
                                              const char  *data,
                                              GBytes      *source,
                                              const char  *blocks,
                                              GError     **error);
gboolean  gloss_team_set_synced              (GlossStore  *store,
                                              gint64       library_id,
                                              const char  *kind,
                                              const char  *uuid,
                                              gint64       version,
                                              gboolean     deleted,
                                              const char  *data,
                                              const char  *author,
                                              GError     **error);
gboolean  gloss_team_get_synced              (GlossStore  *store,
                                              gint64       library_id,
                                              const char  *kind,
                                              const char  *uuid,
                                              gboolean    *out_found,
                                              gint64      *out_version,
                                              gboolean    *out_deleted,
                                              char       **out_data,
                                              GError     **error);
gboolean  gloss_team_adopt_article_uuid      (GlossStore  *store,
                                              const char  *old_uuid,
                                              const char  *new_uuid,
                                              GError     **error);
char     *gloss_team_find_article_by_sha256  (GlossStore  *store,
                                              const char  *sha256,
                                              GError     **error);
gboolean  gloss_team_read_body               (GlossStore  *store,
                                              gint64       article_id,
                                              GBytes     **out_source,
                                              char       **out_blocks,
                                              GError     **error);

G_END_DECLS
