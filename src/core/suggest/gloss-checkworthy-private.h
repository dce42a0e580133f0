/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The name of the feature scheme this build computes; a weights file made
 * for another scheme is refused. */
#define GLOSS_CHECKWORTHY_SCHEME "gloss-cw-2"

typedef void (*GlossCheckworthyFeatureFunc) (guint32  bucket,
                                             double   value,
                                             gpointer user_data);

/* Calls @func once per feature occurrence of the valid UTF-8 @text, in the
 * order of tools/checkworthy_features.py, with buckets of @hash_bits bits. */
void gloss_checkworthy_features (const char                  *text,
                                 gsize                        length,
                                 guint                        hash_bits,
                                 GlossCheckworthyFeatureFunc  func,
                                 gpointer                     user_data);

G_END_DECLS
