/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gloss-core.h"

G_BEGIN_DECLS

/* How the kinds and verdicts of annotations are named and
 * coloured in the interface, kept in one place so the highlights, the
 * pane and the editor always agree. */

const char *gloss_annotation_kind_get_label      (GlossAnnotationKind  kind);
const char *gloss_annotation_kind_get_glyph      (GlossAnnotationKind  kind);
const char *gloss_annotation_kind_get_css_class  (GlossAnnotationKind  kind);
guint       gloss_annotation_kind_get_key        (GlossAnnotationKind  kind);
void        gloss_annotation_kind_get_colors     (GlossAnnotationKind  kind,
                                                  gboolean             dark,
                                                  GdkRGBA             *out_ink,
                                                  GdkRGBA             *out_fill);
PangoUnderline gloss_annotation_kind_get_underline (GlossAnnotationKind kind);
PangoOverline   gloss_annotation_kind_get_overline  (GlossAnnotationKind  kind);

const char *gloss_verdict_get_label              (GlossVerdict         verdict);

char       *gloss_annotation_dup_excerpt         (GlossAnnotation     *annotation,
                                                  guint                max_chars);
char       *gloss_annotation_dup_summary         (GlossAnnotation     *annotation,
                                                  guint                max_chars);

G_END_DECLS
