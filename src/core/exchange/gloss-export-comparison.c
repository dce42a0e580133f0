/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-export"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "gloss-diff.h"
#include "gloss-error.h"
#include "gloss-export-private.h"

/*
 * Two versions of an exported article compared: the Markdown brief and the
 * HTML report then carry a "Changes from version N to version M" section
 * (the changed paragraphs with the removed words struck through and the
 * added ones marked) and call out the annotations whose words changed.
 * An annotation's anchor is a place in the article's current text.  When
 * the newer version is the current one, the annotations on changed words
 * are listed with those changes, and the orphaned ones as no longer found.
 * For two earlier versions, each annotation is first found again in both
 * (as an update re-anchors it, by its words and their context): the ones
 * whose words in the newer version were changed are listed with their
 * paragraph and words there, and the ones found in the older version but
 * not in the newer as no longer found.  An annotation whose words are in
 * neither (made on words added later) is not about this comparison.
 */

void
gloss_export_comparison_free (GlossExportComparison *comparison)
{
  if (comparison == NULL)
    return;
  g_clear_object (&comparison->shown);
  g_clear_object (&comparison->older);
  g_clear_object (&comparison->newer);
  g_clear_pointer (&comparison->marks, g_array_unref);
  g_clear_pointer (&comparison->changes, g_ptr_array_unref);
  g_free (comparison);
}

/**
 * gloss_export_data_add_comparison:
 * @data: an export's snapshot
 * @store: the library it was read from
 * @article_id: an article of the snapshot
 * @from: the older version's number (gloss_store_list_versions())
 * @to: the newer one's
 * @error: return location for a %GLOSS_ERROR
 *
 * Adds the comparison of two versions of @article_id to what the Markdown
 * and HTML exports write for it; the other formats leave it out.
 *
 * Returns: whether both versions could be read
 */
gboolean
gloss_export_data_add_comparison (GlossExportData  *data,
                                  GlossStore       *store,
                                  gint64            article_id,
                                  guint             from,
                                  guint             to,
                                  GError          **error)
{
  g_autoptr(GlossArticle) older = NULL;
  g_autoptr(GlossArticle) newer = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  GlossExportArticle *item = NULL;
  GlossExportComparison *comparison;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);

  for (guint i = 0; i < data->articles->len && item == NULL; i++)
    if (gloss_article_get_id (((GlossExportArticle *) g_ptr_array_index (data->articles, i))->article)
        == article_id)
      item = g_ptr_array_index (data->articles, i);
  if (item == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                   _("Article %" PRId64 " is not in the export"), article_id);
      return FALSE;
    }

  versions = gloss_store_list_versions (store, article_id, error);
  if (versions == NULL)
    return FALSE;
  older = gloss_store_load_version (store, article_id, from, error);
  if (older == NULL)
    return FALSE;
  newer = gloss_store_load_version (store, article_id, to, error);
  if (newer == NULL)
    return FALSE;

  comparison = g_new0 (GlossExportComparison, 1);
  comparison->from = from;
  comparison->to = to;
  comparison->to_current = to == versions->len;
  comparison->changes = gloss_diff_articles (older, newer);
  comparison->n_changed_blocks = gloss_diff_count_changed_blocks (comparison->changes);
  comparison->marks = g_array_new (FALSE, FALSE, sizeof (GlossDiffMark));
  comparison->shown = gloss_diff_build_comparison (older, newer, comparison->changes,
                                                   comparison->marks);
  comparison->older = g_steal_pointer (&older);
  comparison->newer = g_steal_pointer (&newer);
  gloss_export_comparison_free (item->comparison);
  item->comparison = comparison;
  return TRUE;
}

static int
compare_positions (guint block_a,
                   guint offset_a,
                   guint block_b,
                   guint offset_b)
{
  if (block_a != block_b)
    return block_a < block_b ? -1 : 1;
  return (offset_a > offset_b) - (offset_a < offset_b);
}

/* Whether @change, placed in the newer version, touches the annotation's
 * words: added words inside them, or words removed from between them. */
static gboolean
change_touches (const GlossDiffChange *change,
                const GlossAnchor     *anchor)
{
  int start_vs_end = compare_positions (change->new_start.block, change->new_start.offset,
                                        anchor->end_block, anchor->end_offset);
  int end_vs_start = compare_positions (change->new_end.block, change->new_end.offset,
                                        anchor->start_block, anchor->start_offset);
  gboolean insertion = compare_positions (change->new_start.block, change->new_start.offset,
                                          change->new_end.block, change->new_end.offset) < 0;

  if (insertion)
    return start_vs_end < 0 && end_vs_start > 0;
  return start_vs_end < 0 && compare_positions (change->new_start.block, change->new_start.offset,
                                                anchor->start_block, anchor->start_offset) > 0;
}

static void
changed_free (GlossExportChanged *changed)
{
  gloss_anchor_free (changed->anchor);
  g_ptr_array_unref (changed->changes);
  g_free (changed);
}

/* Where each annotation's words are in @article, a version that is not
 * the current one. */
static GPtrArray *
find_in_version (GPtrArray    *annotations,
                 GlossArticle *article)
{
  g_autoptr(GPtrArray) anchors = g_ptr_array_new_full (annotations->len, NULL);

  for (guint i = 0; i < annotations->len; i++)
    g_ptr_array_add (anchors, (gpointer) gloss_annotation_get_anchor (g_ptr_array_index (annotations, i)));
  return gloss_anchor_reanchor_all (anchors, article);
}

/**
 * gloss_export_list_changed:
 * @item: an exported article with a comparison
 *
 * Returns: (transfer full) (element-type GlossExportChanged): its
 *   annotations whose words changed between the two versions, in document
 *   order, each with its words in the newer version and the changes that
 *   touch them (none for words no longer found)
 */
GPtrArray *
gloss_export_list_changed (const GlossExportArticle *item)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) changed_free);
  const GlossExportComparison *comparison = item->comparison;
  g_autoptr(GPtrArray) in_newer = NULL;
  g_autoptr(GPtrArray) in_older = NULL;

  if (comparison == NULL)
    return list;
  if (!comparison->to_current)
    {
      in_newer = find_in_version (item->annotations, comparison->newer);
      in_older = find_in_version (item->annotations, comparison->older);
    }

  for (guint i = 0; i < item->annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (item->annotations, i);
      const GlossAnchor *anchor = gloss_annotation_get_anchor (annotation);
      g_autoptr(GPtrArray) touching = g_ptr_array_new ();
      GlossExportChanged *changed;
      gboolean gone;

      if (in_newer != NULL)
        {
          const GlossAnchor *newer = g_ptr_array_index (in_newer, i);
          const GlossAnchor *older = g_ptr_array_index (in_older, i);

          /* Not in the newer version: listed when its words were in the
           * older one, as words this change removed. */
          gone = newer->state == GLOSS_ANCHOR_ORPHANED;
          if (gone && older->state == GLOSS_ANCHOR_ORPHANED)
            continue;
          anchor = gone ? older : newer;
        }
      else
        gone = anchor->state == GLOSS_ANCHOR_ORPHANED;

      if (!gone)
        for (guint c = 0; c < comparison->changes->len; c++)
          if (change_touches (g_ptr_array_index (comparison->changes, c), anchor))
            g_ptr_array_add (touching, g_ptr_array_index (comparison->changes, c));
      if (!gone && touching->len == 0)
        continue;

      changed = g_new0 (GlossExportChanged, 1);
      changed->annotation = annotation;
      changed->anchor = gloss_anchor_copy (anchor);
      changed->changes = g_steal_pointer (&touching);
      g_ptr_array_add (list, changed);
    }
  return list;
}

/**
 * gloss_export_dup_comparison_heading:
 *
 * Returns: (transfer full): "Changes from version 1 to version 2"
 */
char *
gloss_export_dup_comparison_heading (const GlossExportComparison *comparison)
{
  /* Translators: the %u are two version numbers of an article */
  return g_strdup_printf (_("Changes from version %u to version %u"), comparison->from,
                          comparison->to);
}

/**
 * gloss_export_dup_comparison_summary:
 *
 * Returns: (transfer full): "2 paragraphs changed", or that the words are
 *   the same
 */
char *
gloss_export_dup_comparison_summary (const GlossExportComparison *comparison)
{
  if (comparison->changes->len == 0)
    return g_strdup (_("The words are the same in both versions."));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u paragraph changed",
                                       "%u paragraphs changed", comparison->n_changed_blocks),
                          comparison->n_changed_blocks);
}
