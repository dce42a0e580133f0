/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-extract-text"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-error.h"
#include "gloss-extract-private.h"
#include "gloss-extract-date.h"
#include "gloss-copied-lines.h"

/* Copied page text (`document.body.innerText`, or a selection of it) holds
 * the article among menus, share buttons, teasers and footers, one element
 * per line.  Each line gets a value from gloss-copied-lines.c: its length in
 * words when it reads like prose, a small penalty when it is short and
 * undecided, a larger one when it is page furniture.  The body is the run
 * of lines with the largest total value, so a few short lines between
 * paragraphs (a "Trending:" link, a caption, a sub-heading) do not split
 * it, while a menu or a footer does.  The headline, byline and date are
 * then looked for just above the body. */

/* How far above the body a headline may be. */
#define HEADER_WINDOW 30

/* Total value of a stretch without prose that ends a run. */
#define WALL -40.0

/* Most words of prose a headline, standfirst and byline take together. */
#define MAX_HEADER_WEIGHT 60.0

/* Fewer words than this in the best run is not an article. */
#define MIN_BODY_WEIGHT 8.0

typedef struct
{
  GArray *lines;
  guint   start;  /* first line of the body */
  guint   end;    /* one past its last line */
} Extraction;

static inline GlossTextLine *
line_at (GArray *lines,
         guint   i)
{
  return &g_array_index (lines, GlossTextLine, i);
}

static inline gboolean
is_prose (const GlossTextLine *line)
{
  return line->klass == GLOSS_LINE_CONTENT && !(line->flags & GLOSS_LINE_PUBLISHER);
}

/* Maximum-sum run of line values, in one pass. */
static double
find_best_run (GArray *lines,
               guint  *out_start,
               guint  *out_end)
{
  double best = 0.0;
  double current = 0.0;
  guint current_start = 0;

  *out_start = *out_end = 0;
  for (guint i = 0; i < lines->len; i++)
    {
      if (current <= 0.0)
        {
          current = 0.0;
          current_start = i;
        }
      current += line_at (lines, i)->value;
      if (current > best)
        {
          best = current;
          *out_start = current_start;
          *out_end = i + 1;
        }
    }

  return best;
}

/* The run's worth with one-sentence lines counted whole: their discount
 * (gloss_text_lines_classify()) chooses between runs, so that a list of
 * teasers does not outweigh a story, but is no reason to find nothing in
 * a short text of one or two such lines. */
static double
run_full_value (GArray *lines,
                guint   start,
                guint   end)
{
  double total = 0.0;

  for (guint i = start; i < end; i++)
    {
      const GlossTextLine *line = line_at (lines, i);

      total += line->klass == GLOSS_LINE_CONTENT && line->value > 0.0 ? MAX (line->value, line->weight)
                                                                       : line->value;
    }
  return total;
}

/* Where "Tags:", "Comments" or a copyright line sits inside the run, the
 * article ended there or began after it: keep the side with more prose.
 * An author's biography or a teaser after the tags can be long, but rarely
 * longer than the story itself. */
static void
cut_at_end_markers (Extraction *ex)
{
  g_autofree double *before = g_new0 (double, ex->end - ex->start + 1);
  double total;

  for (guint i = ex->start; i < ex->end; i++)
    {
      const GlossTextLine *line = line_at (ex->lines, i);

      before[i - ex->start + 1] = before[i - ex->start] + (is_prose (line) ? line->weight : 0);
    }
  total = before[ex->end - ex->start];

  for (guint i = ex->start; i < ex->end; i++)
    {
      const GlossTextLine *line = line_at (ex->lines, i);
      double prose_before = before[i - ex->start];
      double prose_after = total - before[i - ex->start + 1];

      if (!(line->flags & GLOSS_LINE_END_MARKER))
        continue;
      /* Readers' comments can outweigh a short post, and teasers for
       * other stories can follow the copyright: these end the article as
       * soon as there is an article before them. */
      if (prose_before >= prose_after
          || ((line->flags & (GLOSS_LINE_COMMENTS | GLOSS_LINE_FOOTER))
              && prose_before >= MIN_BODY_WEIGHT * 3))
        {
          ex->end = i;
          break;
        }
    }

  /* The same from the other side, for a page whose furniture comes first,
   * but only when little comes before the marker: a "More in …" box after
   * the first paragraphs is a box inside the story. */
  {
    guint new_start = ex->start;

    total = before[ex->end - ex->start];
    for (guint i = ex->start; i < ex->end; i++)
      {
        const GlossTextLine *line = line_at (ex->lines, i);

        if ((line->flags & GLOSS_LINE_END_MARKER)
            && before[i - ex->start] * 8 < total - before[i - ex->start + 1])
          new_start = i + 1;
      }
    ex->start = new_start;
  }
}

/* A long stretch without prose inside the run (a site map, a list of
 * staff, a block of teasers) separates two texts: an appeal for donations
 * after the story is long, but the story is longer. */
static void
split_at_walls (Extraction *ex)
{
  guint segment_start = ex->start;
  guint best_start = ex->start;
  guint best_end = ex->end;
  double best_prose = -1.0;
  double prose = 0.0;
  double gap = 0.0;
  guint gap_start = ex->start;

  for (guint i = ex->start; i <= ex->end; i++)
    {
      const GlossTextLine *line = i < ex->end ? line_at (ex->lines, i) : NULL;

      if (line != NULL && !is_prose (line))
        {
          if (gap == 0.0)
            gap_start = i;
          gap += line->value;
          continue;
        }

      if (line == NULL || gap <= WALL)
        {
          guint segment_end = line == NULL && gap > WALL ? ex->end : gap_start;

          if (prose > best_prose)
            {
              best_prose = prose;
              best_start = segment_start;
              best_end = segment_end;
            }
          segment_start = i;
          prose = 0.0;
        }
      gap = 0.0;
      if (line != NULL)
        prose += line->weight;
    }

  ex->start = best_start;
  ex->end = best_end;
}

/* A standfirst or a repeated headline often reads like prose, but the
 * story starts after its byline and date: when one of them sits near the
 * top of the run, the run starts below it. */
static void
skip_header (Extraction *ex)
{
  double total = 0.0;
  double prose = 0.0;
  guint new_start = ex->start;

  for (guint i = ex->start; i < ex->end; i++)
    if (is_prose (line_at (ex->lines, i)))
      total += line_at (ex->lines, i)->weight;

  for (guint i = ex->start; i < ex->end; i++)
    {
      const GlossTextLine *line = line_at (ex->lines, i);

      if (is_prose (line))
        prose += line->weight;
      if (prose > MAX_HEADER_WEIGHT || prose > total * 0.2)
        break;
      if (line->flags & (GLOSS_LINE_BYLINE | GLOSS_LINE_DATE))
        new_start = i + 1;
    }

  ex->start = new_start;
}

/* A run begins and ends with prose; the site's notes about itself at the
 * end ("This story was not reviewed…", "We are committed to…") go too. */
static void
trim_run (Extraction *ex)
{
  while (ex->end > ex->start && !is_prose (line_at (ex->lines, ex->end - 1)))
    ex->end--;
  while (ex->start < ex->end && !is_prose (line_at (ex->lines, ex->start)))
    ex->start++;
}

static gboolean
is_standalone (GArray *lines,
               guint   i)
{
  guint group = line_at (lines, i)->group;

  return (i == 0 || line_at (lines, i - 1)->group != group)
         && (i + 1 >= lines->len || line_at (lines, i + 1)->group != group);
}

/* Lines inside the run that are not article text: furniture, a label and
 * the link it introduces, a caption and its credit, bylines and dates. */
static void
mark_drops (Extraction *ex,
            gboolean   *drop)
{
  GArray *lines = ex->lines;

  for (guint i = ex->start; i < ex->end; i++)
    {
      const GlossTextLine *line = line_at (lines, i);

      if (line->klass == GLOSS_LINE_BOILER
          || (line->flags & (GLOSS_LINE_BYLINE | GLOSS_LINE_URL)))
        drop[i] = TRUE;

      /* "Trending:" then the story it points to, on the next line(s) of
       * the same group, or alone on the next line if that is a title. */
      if ((line->flags & GLOSS_LINE_LABEL) && (line->flags & GLOSS_LINE_ENDS_COLON))
        {
          for (guint j = i + 1; j < ex->end; j++)
            {
              const GlossTextLine *next = line_at (lines, j);

              if (!gloss_text_line_is_title (next)
                  || (next->group != line->group && is_prose (next)))
                break;
              drop[j] = TRUE;
              if (next->group != line->group)
                break;
            }
        }

      /* An unknown short label ("Don’t miss:", "Watch this:") followed by
       * one headline alone in its group is a link too; followed by several
       * lines it introduces a list of the story's own. */
      if (!(line->flags & GLOSS_LINE_LABEL) && (line->flags & GLOSS_LINE_ENDS_COLON)
          && line->n_words <= 4 && i + 1 < ex->end)
        {
          const GlossTextLine *next = line_at (lines, i + 1);

          if (next->group == line->group && gloss_text_line_is_title (next)
              && !(next->flags & GLOSS_LINE_ENDS_SENTENCE)
              && (i + 2 >= lines->len || line_at (lines, i + 2)->group != line->group))
            drop[i] = drop[i + 1] = TRUE;
        }

      /* A credit, and the caption just before it in the same group. */
      if (line->flags & GLOSS_LINE_CREDIT)
        {
          drop[i] = TRUE;
          if (i > ex->start && line_at (lines, i - 1)->group == line->group
              && line_at (lines, i - 1)->weight < 60)
            drop[i - 1] = TRUE;
        }

      /* A caption with a short credit that has no tell-tale word: a
       * sentence and a name, alone together between blank lines. */
      if (i + 1 < ex->end && line->group != (i > 0 ? line_at (lines, i - 1)->group : G_MAXUINT)
          && (line->flags & GLOSS_LINE_ENDS_SENTENCE) && line->weight < 40)
        {
          const GlossTextLine *next = line_at (lines, i + 1);

          if (next->group == line->group
              && (i + 2 >= lines->len || line_at (lines, i + 2)->group != line->group)
              && next->klass == GLOSS_LINE_SHORT && next->weight <= 5
              && !(next->flags & GLOSS_LINE_ENDS_SENTENCE)
              && g_utf8_get_char (next->text) != 0x2014
              && next->n_capital * 2 >= next->n_alpha && next->n_stop * 4 <= next->n_words)
            drop[i] = drop[i + 1] = TRUE;
        }
    }
}

/* Three or more headline-shaped lines in a row inside the body are links
 * to other stories ("More on this", a teaser box), not a list of the
 * story's own: items of a list are short phrases or sentences. */
static void
drop_link_lists (Extraction *ex,
                 gboolean   *drop)
{
  guint run_start = ex->start;

  for (guint i = ex->start; i <= ex->end; i++)
    {
      const GlossTextLine *line = i < ex->end ? line_at (ex->lines, i) : NULL;

      if (line != NULL && !is_prose (line) && line->weight >= 5
          && !(line->flags & GLOSS_LINE_ENDS_SENTENCE) && !(line->flags & GLOSS_LINE_BULLET)
          && gloss_text_line_is_title (line))
        continue;
      /* A list introduced by "Here is what changes:" is the story's. */
      if (i - run_start >= 3
          && !(run_start > 0 && (line_at (ex->lines, run_start - 1)->flags & GLOSS_LINE_ENDS_COLON)))
        for (guint j = run_start; j < i; j++)
          drop[j] = TRUE;
      run_start = i + 1;
    }
}

static GlossBlockKind
kind_of (Extraction     *ex,
         const gboolean *drop,
         guint           i)
{
  const GlossTextLine *line = line_at (ex->lines, i);

  if (line->flags & GLOSS_LINE_BULLET)
    return GLOSS_BLOCK_LIST_ITEM;

  /* A sub-heading: title-shaped, on its own, with prose after it. */
  if (line->klass == GLOSS_LINE_SHORT && gloss_text_line_is_title (line)
      && !(line->flags & GLOSS_LINE_ENDS_SENTENCE) && line->weight <= 20)
    {
      for (guint j = i + 1; j < ex->end; j++)
        {
          const GlossTextLine *next = line_at (ex->lines, j);

          if (drop[j])
            continue;
          if (next->group != line->group
              && (is_prose (next) || (next->flags & (GLOSS_LINE_ENDS_COLON | GLOSS_LINE_BULLET))))
            return GLOSS_BLOCK_HEADING;
          break;
        }
    }

  return GLOSS_BLOCK_PARAGRAPH;
}

/* "• Item" → "Item": the block kind says it is a list item. */
static const char *
skip_bullet (const char *text)
{
  gunichar c = g_utf8_get_char (text);

  if (g_ascii_isdigit (c))
    return text;
  text = g_utf8_next_char (text);
  while (*text == ' ')
    text++;
  return text;
}

static gboolean
is_dateline_only (const GlossTextLine *line)
{
  const char *text = line->text;
  gsize len = strlen (text);

  if (line->n_words == 0 || line->n_words > 8)
    return FALSE;
  if (!(g_str_has_suffix (text, "\xe2\x80\x94") || g_str_has_suffix (text, "\xe2\x80\x93")
        || g_str_has_suffix (text, " -")))
    return FALSE;
  for (const char *p = text; p < text + len; p = g_utf8_next_char (p))
    {
      if (*p == '(')
        break;
      if (g_unichar_islower (g_utf8_get_char (p)))
        return FALSE;
    }
  return TRUE;
}

static void
emit_body (Extraction   *ex,
           GlossArticle *article)
{
  g_autofree gboolean *drop = g_new0 (gboolean, ex->lines->len);
  g_autofree char *dateline = NULL;

  mark_drops (ex, drop);
  drop_link_lists (ex, drop);

  /* A dateline set on its own line above the first paragraph belongs to it. */
  if (ex->start > 0 && is_dateline_only (line_at (ex->lines, ex->start - 1)))
    dateline = g_strdup (line_at (ex->lines, ex->start - 1)->text);

  for (guint i = ex->start; i < ex->end; i++)
    {
      const GlossTextLine *line = line_at (ex->lines, i);
      GlossBlockKind kind;

      if (drop[i])
        continue;

      kind = kind_of (ex, drop, i);
      if (kind == GLOSS_BLOCK_LIST_ITEM)
        gloss_article_append_block (article, kind, skip_bullet (line->text));
      else if (dateline != NULL)
        {
          g_autofree char *joined = g_strconcat (dateline, " ", line->text, NULL);

          gloss_article_append_block (article, kind, joined);
          g_clear_pointer (&dateline, g_free);
        }
      else
        gloss_article_append_block (article, kind, line->text);
    }
}

static double
headline_score (Extraction *ex,
                GHashTable *seen,
                guint       i)
{
  const GlossTextLine *line = line_at (ex->lines, i);
  double score = 0.0;

  if (!gloss_text_line_is_title (line))
    return -G_MAXDOUBLE;

  if (line->weight >= 4 && line->weight <= 20)
    score += 3.0;
  if (line->n_alpha > 0 && line->n_capital * 10 >= line->n_alpha * 6)
    score += 1.0;
  if (line->flags & GLOSS_LINE_MENU)
    score -= 3.0;
  if (line->flags & GLOSS_LINE_ALL_CAPS)
    score -= 2.0;
  if (is_standalone (ex->lines, i))
    score += 1.0;

  /* A headline is followed closely by its byline or date. */
  for (guint j = i + 1; j < ex->start && j <= i + 4; j++)
    if (line_at (ex->lines, j)->flags & (GLOSS_LINE_BYLINE | GLOSS_LINE_DATE))
      {
        score += 2.0;
        break;
      }

  /* Pages repeat their headline: in a share widget, a sticky header, a
   * breadcrumb.  A menu repeats too, but menus were penalised above. */
  if (GPOINTER_TO_UINT (g_hash_table_lookup (seen, line->text)) >= 2)
    score += 1.5;

  score -= 0.15 * (ex->start - i);
  return score;
}

static guint
find_headline (Extraction *ex)
{
  guint best = G_MAXUINT;
  double best_score = 0.0;
  guint first = ex->start > HEADER_WINDOW ? ex->start - HEADER_WINDOW : 0;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < ex->lines->len; i++)
    {
      const char *text = line_at (ex->lines, i)->text;
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (seen, text));

      g_hash_table_insert (seen, (gpointer) text, GUINT_TO_POINTER (count + 1));
    }

  for (guint i = first; i < ex->start; i++)
    {
      double score = headline_score (ex, seen, i);

      if (score > best_score)
        {
          best_score = score;
          best = i;
        }
    }

  return best;
}

static void
find_metadata (Extraction   *ex,
               guint         headline,
               GlossArticle *article)
{
  guint first = headline != G_MAXUINT ? headline + 1
                : ex->start > HEADER_WINDOW ? ex->start - HEADER_WINDOW : 0;
  guint last = MIN (ex->end + 4, ex->lines->len);
  g_autofree char *byline = NULL;
  g_autofree char *published = NULL;

  /* Above the body first, then the few lines after it, where some sites
   * sign their stories. */
  for (guint pass = 0; pass < 2; pass++)
    {
      guint from = pass == 0 ? first : ex->end;
      guint to = pass == 0 ? ex->start : last;

      for (guint i = from; i < to; i++)
        {
          const GlossTextLine *line = line_at (ex->lines, i);

          if (byline == NULL && (line->flags & GLOSS_LINE_BYLINE))
            byline = gloss_text_line_dup_byline (line);
          if (published == NULL && line->klass != GLOSS_LINE_CONTENT)
            gloss_text_find_date (line->text, &published);
        }
    }

  if (byline == NULL && ex->start < ex->end)
    byline = gloss_text_line_dup_agency (line_at (ex->lines, ex->start));

  if (byline != NULL)
    gloss_article_set_byline (article, byline);
  if (published != NULL)
    gloss_article_set_published (article, published);
}

/**
 * gloss_extract_text:
 * @utf8: valid UTF-8 copied from a web page
 * @length: its length in bytes
 * @error: return location for a %GLOSS_ERROR
 *
 * Finds the article in copied page text: its body as paragraphs, sub-headings
 * and list items, and its headline, byline and date when they can be told.
 *
 * Returns: (transfer full): the article, or %NULL with %GLOSS_ERROR_NO_ARTICLE
 */
GlossArticle *
gloss_extract_text (const char  *utf8,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GlossArticle) article = NULL;
  Extraction ex = { 0 };
  guint headline;

  g_return_val_if_fail (utf8 != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  lines = gloss_text_lines_split (utf8, length);
  gloss_text_lines_classify (lines);

  ex.lines = lines;
  if (find_best_run (lines, &ex.start, &ex.end) > 0.0
      && run_full_value (lines, ex.start, ex.end) >= MIN_BODY_WEIGHT)
    {
      cut_at_end_markers (&ex);
      split_at_walls (&ex);
      skip_header (&ex);
      trim_run (&ex);
    }
  else
    ex.start = ex.end = 0;

  article = gloss_article_new ();
  if (ex.start < ex.end)
    emit_body (&ex, article);

  if (gloss_article_get_n_blocks (article) == 0)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_NO_ARTICLE,
                           _("No article text was found in the copied text"));
      return NULL;
    }

  headline = find_headline (&ex);
  if (headline != G_MAXUINT)
    gloss_article_set_title (article, line_at (lines, headline)->text);
  find_metadata (&ex, headline, article);

  return g_steal_pointer (&article);
}
