/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * GlossSpan:
 * @start: first code point
 * @end: one past the last code point
 *
 * A half-open range of Unicode code points in one block of text, the unit
 * of every offset in the store.
 */
typedef struct
{
  glong start;
  glong end;
} GlossSpan;

GArray *gloss_sentence_split      (const char     *text);
GArray *gloss_sentence_split_ucs4 (const gunichar *chars,
                                   glong           n_chars);

G_END_DECLS
