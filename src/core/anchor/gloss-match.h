/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a pattern of code points occurs in a text, exactly or within an
 * edit distance (gloss-match.c): the quote search of anchoring. */
typedef struct
{
  glong start;
  glong end;
  guint errors;
} GlossMatch;

GArray *gloss_match_exact        (const gunichar *text,
                                  glong           text_length,
                                  const gunichar *pattern,
                                  glong           pattern_length);
GArray *gloss_match_approximate  (const gunichar *text,
                                  glong           text_length,
                                  const gunichar *pattern,
                                  glong           pattern_length,
                                  guint           max_errors);
gunichar gloss_match_fold_char   (gunichar        c);
void     gloss_match_fold        (gunichar       *text,
                                  glong           length);
guint   gloss_match_edit_distance (const gunichar *a,
                                   glong           a_length,
                                   const gunichar *b,
                                   glong           b_length);

G_END_DECLS
