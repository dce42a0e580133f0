/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Backups and damaged files (gloss-store-backup.c). */

#include "gloss-store.h"

G_BEGIN_DECLS

gboolean          gloss_store_backup               (GlossStore                 *self,
                                                    const char                 *destination,
                                                    GError                    **error);
gboolean          gloss_store_backup_automatically (GlossStore                 *self,
                                                    const char                 *reason,
                                                    GError                    **error);
gboolean          gloss_store_backup_if_due        (GlossStore                 *self,
                                                    GError                    **error);
char             *gloss_store_dup_backup_folder    (const char                 *library_path);
GPtrArray        *gloss_store_list_backups         (const char                 *library_path,
                                                    GError                    **error);
gboolean          gloss_store_restore_backup       (const char                 *library_path,
                                                    const char                 *backup_path,
                                                    GError                    **error);
char             *gloss_store_set_aside_damaged    (const char                 *library_path,
                                                    GError                    **error);

G_END_DECLS
