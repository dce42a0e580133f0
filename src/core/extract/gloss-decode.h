/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Internal to core: turns the raw bytes of a file into text extraction can
 * read.  See gloss-decode.c for the rules. */

typedef enum
{
  GLOSS_SNIFFED_HTML,
  GLOSS_SNIFFED_TEXT,
} GlossSniffedFormat;

GBytes            *gloss_decode_maybe_gunzip   (GBytes      *data,
                                                gsize        max_bytes,
                                                GError     **error);
char              *gloss_decode_to_utf8        (const guint8 *data,
                                                gsize         length,
                                                gsize        *out_length,
                                                GError      **error);
GlossSniffedFormat gloss_decode_sniff_format   (const char  *utf8,
                                                gsize        length,
                                                const char  *filename_or_null);

G_END_DECLS
