/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-anchor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-anchor.h"
#include "gloss-anchor-private.h"
#include "gloss-error.h"
#include "gloss-text-normalize.h"

G_DEFINE_BOXED_TYPE (GlossAnchor, gloss_anchor, gloss_anchor_copy, gloss_anchor_free)

static const char * const state_names[] = {
  [GLOSS_ANCHOR_ANCHORED] = "anchored",
  [GLOSS_ANCHOR_MOVED] = "moved",
  [GLOSS_ANCHOR_ORPHANED] = "orphaned",
};

const char *
gloss_anchor_state_to_string (GlossAnchorState state)
{
  g_return_val_if_fail (state <= GLOSS_ANCHOR_ORPHANED, NULL);

  return state_names[state];
}

gboolean
gloss_anchor_state_from_string (const char       *name,
                                GlossAnchorState *out_state)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    {
      if (g_str_equal (name, state_names[i]))
        {
          if (out_state != NULL)
            *out_state = (GlossAnchorState) i;
          return TRUE;
        }
    }

  return FALSE;
}

GlossAnchor *
gloss_anchor_new (guint             start_block,
                  guint             start_offset,
                  guint             end_block,
                  guint             end_offset,
                  const char       *exact,
                  const char       *prefix,
                  const char       *suffix,
                  GlossAnchorState  state)
{
  GlossAnchor *anchor;

  g_return_val_if_fail (exact != NULL, NULL);

  anchor = g_new0 (GlossAnchor, 1);
  anchor->start_block = start_block;
  anchor->start_offset = start_offset;
  anchor->end_block = end_block;
  anchor->end_offset = end_offset;
  anchor->exact = g_strdup (exact);
  anchor->prefix = g_strdup (prefix ? prefix : "");
  anchor->suffix = g_strdup (suffix ? suffix : "");
  anchor->state = state;

  return anchor;
}

GlossAnchor *
gloss_anchor_copy (const GlossAnchor *anchor)
{
  g_return_val_if_fail (anchor != NULL, NULL);

  return gloss_anchor_new (anchor->start_block, anchor->start_offset,
                           anchor->end_block, anchor->end_offset,
                           anchor->exact, anchor->prefix, anchor->suffix, anchor->state);
}

void
gloss_anchor_free (GlossAnchor *anchor)
{
  if (anchor == NULL)
    return;

  g_free (anchor->exact);
  g_free (anchor->prefix);
  g_free (anchor->suffix);
  g_free (anchor);
}

gboolean
gloss_anchor_equal (const GlossAnchor *a,
                    const GlossAnchor *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->start_block == b->start_block && a->start_offset == b->start_offset &&
         a->end_block == b->end_block && a->end_offset == b->end_offset &&
         g_str_equal (a->exact, b->exact) && g_str_equal (a->prefix, b->prefix) &&
         g_str_equal (a->suffix, b->suffix) && a->state == b->state;
}

/* The anchor for [start, end) of @body, with quote and context read from it. */
GlossAnchor *
gloss_anchor_new_at_positions (const GlossBodyText *body,
                      glong                start,
                      glong                end,
                      GlossAnchorState     state)
{
  g_autofree char *exact = gloss_body_text_dup_range (body, start, end);
  g_autofree char *prefix = gloss_body_text_dup_range (body,
                                                       MAX (0, start - GLOSS_ANCHOR_CONTEXT_LENGTH),
                                                       start);
  g_autofree char *suffix = gloss_body_text_dup_range (body, end,
                                                       end + GLOSS_ANCHOR_CONTEXT_LENGTH);
  guint start_block, start_offset, end_block, end_offset;

  gloss_body_text_from_position (body, start, FALSE, &start_block, &start_offset);
  gloss_body_text_from_position (body, end, TRUE, &end_block, &end_offset);

  return gloss_anchor_new (start_block, start_offset, end_block, end_offset,
                           exact, prefix, suffix, state);
}

/**
 * gloss_anchor_new_for_range:
 * @article: the article the range is in
 * @start_block: block of the first character
 * @start_offset: code-point offset of the first character
 * @end_block: block of the end
 * @end_offset: code-point offset just past the last character
 * @error: return location for a %GLOSS_ERROR_INVALID_ARGUMENT error
 *
 * Returns: (transfer full): an anchored anchor with its quote and context
 *   taken from @article, or %NULL when the range is empty or out of bounds
 */
GlossAnchor *
gloss_anchor_new_for_range (GlossArticle  *article,
                            guint          start_block,
                            guint          start_offset,
                            guint          end_block,
                            guint          end_offset,
                            GError       **error)
{
  g_autoptr(GlossBodyText) body = NULL;
  glong start, end;

  g_return_val_if_fail (GLOSS_IS_ARTICLE (article), NULL);

  body = gloss_body_text_new (article);
  if (!gloss_body_text_to_position (body, start_block, start_offset, &start) ||
      !gloss_body_text_to_position (body, end_block, end_offset, &end))
    {
      /* Paragraphs counted from 1, as people count them. */
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                   _("The position %u:%u–%u:%u (paragraph:offset) is outside the article"),
                   start_block + 1, start_offset, end_block + 1, end_offset);
      return NULL;
    }

  if (end <= start)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                           _("The range is empty: its end must come after its start"));
      return NULL;
    }

  return gloss_anchor_new_at_positions (body, start, end, GLOSS_ANCHOR_ANCHORED);
}

static gboolean
is_word_break (gunichar c)
{
  return g_unichar_isspace (c) || c == '\n';
}

/* The words of the article nearest to a quote that is not in it, for the
 * error that says what came closest: the best approximate match in the
 * folded text with at most a third of the quote wrong, widened to whole
 * words.  NULL when nothing is that close. */
static char *
dup_closest (const GlossBodyText *body,
             const gunichar      *folded,
             const gunichar      *pattern,
             glong                pattern_length,
             guint               *out_block)
{
  g_autoptr(GArray) candidates = NULL;
  const GlossMatch *best = NULL;
  guint start_offset;
  glong start, end;

  candidates = gloss_match_approximate (folded, body->length, pattern, pattern_length,
                                        (guint) MAX (1, pattern_length / 3));
  for (guint i = 0; i < candidates->len; i++)
    {
      const GlossMatch *candidate = &g_array_index (candidates, GlossMatch, i);

      if (best == NULL || candidate->errors < best->errors)
        best = candidate;
    }
  if (best == NULL || best->start < 0 || best->end <= best->start)
    return NULL;

  start = best->start;
  end = best->end;
  while (start > 0 && !is_word_break (body->chars[start - 1]))
    start--;
  while (end < body->length && !is_word_break (body->chars[end]))
    end++;
  while (start < end && is_word_break (body->chars[start]))
    start++;
  while (end > start && is_word_break (body->chars[end - 1]))
    end--;
  if (end <= start)
    return NULL;

  gloss_body_text_from_position (body, start, FALSE, out_block, &start_offset);
  return gloss_body_text_dup_range (body, start, end);
}

/**
 * gloss_anchor_new_for_quote:
 * @article: the article to search
 * @quote: the words to anchor, as the user typed or copied them
 * @occurrence: which occurrence to take, counting from 1
 * @error: return location for a %GLOSS_ERROR_INVALID_ARGUMENT error
 *
 * The quote is normalised like block text first, so a copied quote with
 * non-breaking spaces or line breaks still matches, and typographic
 * variants are folded (gloss_match_fold_char()): a straight apostrophe
 * typed in a terminal finds the article's curly one.  The anchor keeps the
 * article's own characters.  A quote may span blocks
 * when its parts are separated by a line break.
 *
 * Returns: (transfer full): the anchor, or %NULL when @quote is not there
 */
GlossAnchor *
gloss_anchor_new_for_quote (GlossArticle  *article,
                            const char    *quote,
                            guint          occurrence,
                            GError       **error)
{
  g_autoptr(GlossBodyText) body = NULL;
  g_autoptr(GArray) matches = NULL;
  g_autofree gunichar *pattern = NULL;
  g_autofree gunichar *folded = NULL;
  g_auto(GStrv) lines = NULL;
  GString *normalized;
  glong pattern_length = 0;
  const GlossMatch *match;

  g_return_val_if_fail (GLOSS_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (quote != NULL, NULL);

  /* Normalise each line, keep line breaks: they are block boundaries. */
  lines = g_strsplit (quote, "\n", -1);
  normalized = g_string_new (NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = gloss_text_normalize (lines[i], -1);

      if (*line == '\0')
        continue;
      if (normalized->len > 0)
        g_string_append_c (normalized, '\n');
      g_string_append (normalized, line);
    }

  pattern = g_utf8_to_ucs4_fast (normalized->str, -1, &pattern_length);
  g_string_free (normalized, TRUE);
  if (pattern_length == 0)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                           _("The quote is empty"));
      return NULL;
    }
  if (occurrence == 0)
    occurrence = 1;

  /* Typographic variants fold to what a keyboard types, one code point
   * for one, so a match found in the folded copy is at the same positions
   * in the article, whose own characters the anchor keeps. */
  body = gloss_body_text_new (article);
  folded = g_memdup2 (body->chars, sizeof (gunichar) * (gsize) MAX (body->length, 1));
  gloss_match_fold (folded, body->length);
  gloss_match_fold (pattern, pattern_length);
  matches = gloss_match_exact (folded, body->length, pattern, pattern_length);
  if (matches->len == 0)
    {
      g_autofree char *closest = NULL;
      guint closest_block = 0;

      closest = dup_closest (body, folded, pattern, pattern_length, &closest_block);
      if (closest != NULL)
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                     /* Translators: the closest words of paragraph %u; paragraphs count from 1 */
                     _("The quote “%s” is not in the article; the closest is in paragraph %u: “%s”"),
                     quote, closest_block + 1, closest);
      else
        g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                     _("The quote “%s” is not in the article, nor anything close to it"), quote);
      return NULL;
    }
  if (occurrence > matches->len)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The quote occurs only %u time in the article",
                                "The quote occurs only %u times in the article",
                                matches->len),
                   matches->len);
      return NULL;
    }

  match = &g_array_index (matches, GlossMatch, occurrence - 1);
  return gloss_anchor_new_at_positions (body, match->start, match->end, GLOSS_ANCHOR_ANCHORED);
}
