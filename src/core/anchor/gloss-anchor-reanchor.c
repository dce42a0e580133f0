/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-anchor"

#include "config.h"

#include "gloss-anchor.h"
#include "gloss-anchor-private.h"

/*
 * Re-anchoring (docs/ARCHITECTURE.md §4): find an annotation's words again after the
 * article's text changed, the way Hypothesis does.
 *
 *  1. the stored position still holds the quote → anchored;
 *  2. the quote occurs elsewhere → the occurrence whose context agrees best,
 *     then the nearest → moved;
 *  3. a bounded approximate search; candidates are scored 50 for the quote,
 *     20 each for prefix and suffix agreement and 2 for proximity, and taken
 *     only at three quarters of the best possible score → moved;
 *  4. otherwise orphaned: position and quote kept as they were.
 */

#define QUOTE_WEIGHT 50.0
#define PREFIX_WEIGHT 20.0
#define SUFFIX_WEIGHT 20.0
#define POSITION_WEIGHT 2.0
#define MAX_SCORE (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT)
#define MIN_ACCEPTED_SCORE (0.75 * MAX_SCORE)
#define MAX_ERRORS_CAP 256

typedef struct
{
  gunichar *exact;
  glong exact_length;
  gunichar *prefix;
  glong prefix_length;
  gunichar *suffix;
  glong suffix_length;
  glong hint;
} Selectors;

static void
selectors_clear (Selectors *selectors)
{
  g_free (selectors->exact);
  g_free (selectors->prefix);
  g_free (selectors->suffix);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Selectors, selectors_clear)

static double
context_similarity (const gunichar *expected,
                    glong           expected_length,
                    const gunichar *actual,
                    glong           actual_length)
{
  if (expected_length == 0)
    return 1.0;

  return 1.0 - (double) gloss_match_edit_distance (expected, expected_length,
                                                   actual, actual_length) / expected_length;
}

static double
score_candidate (const GlossBodyText *body,
                 const Selectors     *selectors,
                 const GlossMatch    *match)
{
  glong prefix_start = MAX (0, match->start - selectors->prefix_length);
  glong suffix_end = MIN (body->length, match->end + selectors->suffix_length);
  double quote = 1.0 - (double) match->errors / selectors->exact_length;
  double prefix = context_similarity (selectors->prefix, selectors->prefix_length,
                                      body->chars + prefix_start, match->start - prefix_start);
  double suffix = context_similarity (selectors->suffix, selectors->suffix_length,
                                      body->chars + match->end, suffix_end - match->end);
  double position = 1.0 - (double) ABS (match->start - selectors->hint) / MAX (body->length, 1);

  return QUOTE_WEIGHT * quote + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix +
         POSITION_WEIGHT * position;
}

static const GlossMatch *
best_candidate (const GlossBodyText *body,
                const Selectors     *selectors,
                GArray              *matches,
                double              *out_score)
{
  const GlossMatch *best = NULL;
  double best_score = -1.0;

  for (guint i = 0; i < matches->len; i++)
    {
      const GlossMatch *match = &g_array_index (matches, GlossMatch, i);
      double score = score_candidate (body, selectors, match);

      if (score > best_score)
        {
          best = match;
          best_score = score;
        }
    }

  *out_score = best_score;
  return best;
}

static GlossAnchor *
orphan (const GlossAnchor *anchor)
{
  GlossAnchor *orphaned = gloss_anchor_copy (anchor);

  orphaned->state = GLOSS_ANCHOR_ORPHANED;
  return orphaned;
}

static GlossAnchor *
reanchor_in_body (const GlossAnchor   *anchor,
                  const GlossBodyText *body)
{
  g_auto(Selectors) selectors = { 0 };
  g_autoptr(GArray) exact_matches = NULL;
  g_autoptr(GArray) fuzzy_matches = NULL;
  const GlossMatch *best;
  glong start, end;
  double score;
  guint max_errors;

  selectors.exact = g_utf8_to_ucs4_fast (anchor->exact, -1, &selectors.exact_length);
  selectors.prefix = g_utf8_to_ucs4_fast (anchor->prefix, -1, &selectors.prefix_length);
  selectors.suffix = g_utf8_to_ucs4_fast (anchor->suffix, -1, &selectors.suffix_length);

  if (selectors.exact_length == 0 || body->n_blocks == 0)
    return orphan (anchor);

  /* 1. Still in place? */
  if (gloss_body_text_to_position (body, anchor->start_block, anchor->start_offset, &start) &&
      gloss_body_text_to_position (body, anchor->end_block, anchor->end_offset, &end) &&
      end - start == selectors.exact_length &&
      memcmp (body->chars + start, selectors.exact, selectors.exact_length * sizeof (gunichar)) == 0)
    return gloss_anchor_new_at_positions (body, start, end, GLOSS_ANCHOR_ANCHORED);

  /* The old position, clamped into the new text, is where we expect it. */
  selectors.hint = anchor->start_block < body->n_blocks
                   ? body->block_starts[anchor->start_block] +
                     MIN ((glong) anchor->start_offset, body->block_lengths[anchor->start_block])
                   : body->length;

  /* 2. The same words elsewhere. */
  exact_matches = gloss_match_exact (body->chars, body->length,
                                     selectors.exact, selectors.exact_length);
  best = best_candidate (body, &selectors, exact_matches, &score);
  if (best != NULL)
    return gloss_anchor_new_at_positions (body, best->start, best->end, GLOSS_ANCHOR_MOVED);

  /* 3. Nearly the same words. */
  max_errors = MIN (MAX_ERRORS_CAP, selectors.exact_length / 2);
  fuzzy_matches = gloss_match_approximate (body->chars, body->length,
                                           selectors.exact, selectors.exact_length, max_errors);
  best = best_candidate (body, &selectors, fuzzy_matches, &score);
  if (best != NULL && score >= MIN_ACCEPTED_SCORE)
    return gloss_anchor_new_at_positions (body, best->start, best->end, GLOSS_ANCHOR_MOVED);

  /* 4. Gone. */
  return orphan (anchor);
}

/**
 * gloss_anchor_reanchor:
 * @anchor: where an annotation was
 * @article: the article's new text
 *
 * Returns: (transfer full): where the annotation is now, with its state; an
 *   orphaned anchor keeps the old position and quote
 */
GlossAnchor *
gloss_anchor_reanchor (const GlossAnchor *anchor,
                       GlossArticle      *article)
{
  g_autoptr(GlossBodyText) body = NULL;

  g_return_val_if_fail (anchor != NULL, NULL);
  g_return_val_if_fail (GLOSS_IS_ARTICLE (article), NULL);

  body = gloss_body_text_new (article);
  return reanchor_in_body (anchor, body);
}

/**
 * gloss_anchor_reanchor_all:
 * @anchors: (element-type GlossAnchor): where annotations were
 * @article: the article's new text
 *
 * Like gloss_anchor_reanchor() for many anchors, indexing the text once.
 *
 * Returns: (transfer full) (element-type GlossAnchor): the new anchors, in
 *   the order of @anchors
 */
GPtrArray *
gloss_anchor_reanchor_all (GPtrArray    *anchors,
                           GlossArticle *article)
{
  g_autoptr(GlossBodyText) body = NULL;
  GPtrArray *result;

  g_return_val_if_fail (anchors != NULL, NULL);
  g_return_val_if_fail (GLOSS_IS_ARTICLE (article), NULL);

  body = gloss_body_text_new (article);
  result = g_ptr_array_new_full (anchors->len, (GDestroyNotify) gloss_anchor_free);
  for (guint i = 0; i < anchors->len; i++)
    g_ptr_array_add (result, reanchor_in_body (g_ptr_array_index (anchors, i), body));

  return result;
}
