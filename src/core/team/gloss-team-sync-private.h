/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "gloss-team.h"

G_BEGIN_DECLS

/* One local change waiting for the server: @data is the object's canonical
 * JSON (for a deletion, the last synced copy), @base the server version the
 * change started from (0: new). */
typedef struct
{
  const char *kind;       /* "article", "annotation" or "link" (static) */
  char *uuid;
  gint64 base;
  gboolean deleted;
  char *data;
  gint64 article_id;      /* a new article's id here, for its body */
} GlossTeamChange;

void       gloss_team_change_free       (GlossTeamChange *change);
GPtrArray *gloss_team_collect_changes   (GlossStore      *store,
                                         gint64           library_id,
                                         GError         **error);

gboolean   gloss_team_changes_check     (GlossStore      *store,
                                         gint64           library_id,
                                         gint64          *out_counter,
                                         gboolean        *out_clean,
                                         GError         **error);
gboolean   gloss_team_changes_mark_clean (GlossStore     *store,
                                         gint64           library_id,
                                         gint64           counter,
                                         GError         **error);

char      *gloss_team_link_uuid         (const char      *from_uuid,
                                         const char      *to_uuid,
                                         const char      *relation);

/* The three-way merge of one object's fields (gloss-team-merge.c).
 * Returns the merged fields; the names of the fields (or field groups:
 * "anchor") both sides changed differently go to @out_conflicts, where
 * the merge took @remote's value. */
const char *const *gloss_team_anchor_fields (void);
JsonObject *gloss_team_merge            (const char      *kind,
                                         JsonObject      *base,
                                         JsonObject      *local,
                                         JsonObject      *remote,
                                         GPtrArray       *out_conflicts);

/* The members' display names, here (gloss-team-people.c) */
gboolean   gloss_team_pull_people       (GlossStore          *store,
                                         gint64               library_id,
                                         GlossTeamConnection *connection,
                                         const char          *library_uuid,
                                         GError             **error);

G_END_DECLS
