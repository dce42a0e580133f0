/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-annotation-style"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-annotation-style.h"

typedef struct
{
  const char *label;
  const char *glyph;
  const char *css_class;
  guint key;
  PangoUnderline underline;
  /* Light style, then dark style: ink for glyphs and underlines, a
   * translucent fill painted under the words so overlaps blend. */
  const char *ink[2];
  const char *fill[2];
} KindStyle;

/* GNOME palette colours.  The fills are translucent so two overlapping
 * highlights mix instead of one hiding the other; the dark style uses the
 * lighter shades, with alphas chosen so the text keeps its contrast. */
static const KindStyle kind_styles[] = {
  [GLOSS_ANNOTATION_CLAIM] = {
    N_("Claim"), "!", "kind-claim", GDK_KEY_c, PANGO_UNDERLINE_SINGLE,
    { "#b57b00", "#f8e45c" }, { "rgba(246,211,45,0.40)", "rgba(248,228,92,0.24)" },
  },
  [GLOSS_ANNOTATION_DENIAL] = {
    N_("Denial"), "✕", "kind-denial", GDK_KEY_d, PANGO_UNDERLINE_DOUBLE,
    { "#c01c28", "#ff7b63" }, { "rgba(237,51,59,0.20)", "rgba(246,97,81,0.30)" },
  },
  [GLOSS_ANNOTATION_EVIDENCE] = {
    N_("Evidence"), "∴", "kind-evidence", GDK_KEY_e, PANGO_UNDERLINE_LOW,
    { "#1f8a53", "#57e389" }, { "rgba(51,209,122,0.24)", "rgba(87,227,137,0.22)" },
  },
  [GLOSS_ANNOTATION_QUESTION] = {
    N_("Question"), "?", "kind-question", GDK_KEY_q, PANGO_UNDERLINE_ERROR,
    { "#813d9c", "#dc8add" }, { "rgba(145,65,172,0.18)", "rgba(220,138,221,0.26)" },
  },
  /* Neutral: grey, and no underline but an overline (gloss-reader-view.c),
   * so a plain highlight is told apart from the four kinds of a check. */
  [GLOSS_ANNOTATION_NOTE] = {
    N_("Note"), "✎", "kind-note", GDK_KEY_n, PANGO_UNDERLINE_NONE,
    { "#5e5c64", "#c0bfbc" }, { "rgba(154,153,150,0.36)", "rgba(192,191,188,0.30)" },
  },
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_styles) == GLOSS_ANNOTATION_KIND_LAST + 1);

const char *
gloss_annotation_kind_get_label (GlossAnnotationKind kind)
{
  g_return_val_if_fail (kind <= GLOSS_ANNOTATION_KIND_LAST, NULL);

  return _(kind_styles[kind].label);
}

/* A non-colour cue beside the kind's name wherever annotations are listed. */
const char *
gloss_annotation_kind_get_glyph (GlossAnnotationKind kind)
{
  g_return_val_if_fail (kind <= GLOSS_ANNOTATION_KIND_LAST, NULL);

  return kind_styles[kind].glyph;
}

const char *
gloss_annotation_kind_get_css_class (GlossAnnotationKind kind)
{
  g_return_val_if_fail (kind <= GLOSS_ANNOTATION_KIND_LAST, NULL);

  return kind_styles[kind].css_class;
}

/* The key that marks a selection as @kind: its initial, in English. */
guint
gloss_annotation_kind_get_key (GlossAnnotationKind kind)
{
  g_return_val_if_fail (kind <= GLOSS_ANNOTATION_KIND_LAST, 0);

  return kind_styles[kind].key;
}

void
gloss_annotation_kind_get_colors (GlossAnnotationKind  kind,
                                  gboolean             dark,
                                  GdkRGBA             *out_ink,
                                  GdkRGBA             *out_fill)
{
  g_return_if_fail (kind <= GLOSS_ANNOTATION_KIND_LAST);

  if (out_ink != NULL)
    gdk_rgba_parse (out_ink, kind_styles[kind].ink[dark ? 1 : 0]);
  if (out_fill != NULL)
    gdk_rgba_parse (out_fill, kind_styles[kind].fill[dark ? 1 : 0]);
}

/* Each kind is underlined differently, so it is told apart without colour
 * and screen readers hear it as a text attribute. */
PangoUnderline
gloss_annotation_kind_get_underline (GlossAnnotationKind kind)
{
  g_return_val_if_fail (kind <= GLOSS_ANNOTATION_KIND_LAST, PANGO_UNDERLINE_NONE);

  return kind_styles[kind].underline;
}

/* The note's non-colour cue in the text: a line over the words where the
 * other kinds have one under them. */
PangoOverline
gloss_annotation_kind_get_overline (GlossAnnotationKind kind)
{
  g_return_val_if_fail (kind <= GLOSS_ANNOTATION_KIND_LAST, PANGO_OVERLINE_NONE);

  return kind == GLOSS_ANNOTATION_NOTE ? PANGO_OVERLINE_SINGLE : PANGO_OVERLINE_NONE;
}

const char *
gloss_verdict_get_label (GlossVerdict verdict)
{
  switch (verdict)
    {
    case GLOSS_VERDICT_UNRATED:
      return _("Unrated");
    case GLOSS_VERDICT_TRUE:
      return _("True");
    case GLOSS_VERDICT_MOSTLY_TRUE:
      return _("Mostly True");
    case GLOSS_VERDICT_MIXED:
      return _("Mixed");
    case GLOSS_VERDICT_MOSTLY_FALSE:
      return _("Mostly False");
    case GLOSS_VERDICT_FALSE:
      return _("False");
    case GLOSS_VERDICT_UNVERIFIABLE:
      return _("Unverifiable");
    case GLOSS_VERDICT_NONE:
    default:
      return "";
    }
}

/**
 * gloss_annotation_dup_excerpt:
 * @annotation: a #GlossAnnotation
 * @max_chars: the most characters to keep, or 0 for all
 *
 * Returns: (transfer full): the quoted words on one line, shortened with an
 *   ellipsis past @max_chars
 */
char *
gloss_annotation_dup_excerpt (GlossAnnotation *annotation,
                              guint            max_chars)
{
  const GlossAnchor *anchor;
  g_autofree char *flat = NULL;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), NULL);

  anchor = gloss_annotation_get_anchor (annotation);
  flat = g_strdup (anchor->exact != NULL ? anchor->exact : "");
  /* A quote across blocks joins them with newlines; a list shows one line. */
  g_strdelimit (flat, "\n", ' ');

  if (max_chars > 0 && (guint) g_utf8_strlen (flat, -1) > max_chars)
    {
      const char *cut = g_utf8_offset_to_pointer (flat, max_chars);
      const char *space = g_utf8_strrchr (flat, cut - flat, ' ');
      g_autofree char *head = NULL;

      /* At a word's end, unless that loses too much. */
      if (space != NULL && g_utf8_pointer_to_offset (space, cut) < 16)
        cut = space;
      head = g_strndup (flat, cut - flat);

      return g_strconcat (g_strchomp (head), "…", NULL);
    }

  return g_steal_pointer (&flat);
}

/**
 * gloss_annotation_dup_summary:
 * @annotation: a #GlossAnnotation
 * @max_chars: the most characters of the quote to keep, or 0 for all
 *
 * Returns: (transfer full): the kind and the quote, as in “Denial: there is
 *   no evidence…”, for accessible names and lists of links
 */
char *
gloss_annotation_dup_summary (GlossAnnotation *annotation,
                              guint            max_chars)
{
  g_autofree char *excerpt = NULL;

  g_return_val_if_fail (GLOSS_IS_ANNOTATION (annotation), NULL);

  excerpt = gloss_annotation_dup_excerpt (annotation, max_chars);

  /* Translators: an annotation's kind, then the words it marks */
  return g_strdup_printf (_("%s: %s"),
                          gloss_annotation_kind_get_label (gloss_annotation_get_kind (annotation)),
                          excerpt);
}
