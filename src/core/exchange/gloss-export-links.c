/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-export-private.h"
#include "gloss-store-annotations.h"

/*
 * Links in exports, both ways and across articles.  A link's other end may
 * lie in an article the export does not contain (evidence from a second
 * story supports a claim of this one): those annotations are read once,
 * with their article's title, so a report can say “claim “…” in “Other
 * story”” rather than print a bare uuid.
 */

struct _GlossExportElsewhere
{
  GlossAnnotation *annotation;
  char *article_title;
};

static void
elsewhere_free (GlossExportElsewhere *elsewhere)
{
  g_object_unref (elsewhere->annotation);
  g_free (elsewhere->article_title);
  g_free (elsewhere);
}

static gboolean
collect_end (GlossStore                *store,
             GlossExportData           *data,
             const GlossAnnotationLink *link,
             GHashTable                *titles,
             GError                   **error)
{
  GlossExportElsewhere *elsewhere;
  GlossAnnotation *annotation;

  if (link->target_uuid == NULL || gloss_export_data_find (data, link->target_uuid) != NULL ||
      g_hash_table_contains (data->elsewhere, link->target_uuid))
    return TRUE;

  annotation = gloss_store_load_annotation (store, link->target_id, error);
  if (annotation == NULL)
    return FALSE;
  elsewhere = g_new0 (GlossExportElsewhere, 1);
  elsewhere->annotation = annotation;
  elsewhere->article_title = g_strdup (g_hash_table_lookup (titles, &link->target_article_id));
  g_hash_table_insert (data->elsewhere, g_strdup (link->target_uuid), elsewhere);
  return TRUE;
}

/**
 * gloss_export_collect_elsewhere:
 * @store: the library, inside the export's read transaction
 * @data: the export, its articles collected
 * @titles: article id (gint64 *) → title, for every article of the library
 *
 * Reads the far ends of links that lead out of the exported articles.
 */
gboolean
gloss_export_collect_elsewhere (GlossStore       *store,
                                GlossExportData  *data,
                                GHashTable       *titles,
                                GError          **error)
{
  if (data->elsewhere == NULL)
    data->elsewhere = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) elsewhere_free);

  for (guint i = 0; i < data->articles->len; i++)
    {
      GlossExportArticle *item = g_ptr_array_index (data->articles, i);

      for (guint j = 0; j < item->annotations->len; j++)
        {
          GlossAnnotation *annotation = g_ptr_array_index (item->annotations, j);

          for (guint k = 0; k < gloss_annotation_get_n_links (annotation); k++)
            if (!collect_end (store, data, gloss_annotation_get_link (annotation, k), titles, error))
              return FALSE;
          for (guint k = 0; k < gloss_annotation_get_n_incoming_links (annotation); k++)
            if (!collect_end (store, data, gloss_annotation_get_incoming_link (annotation, k),
                              titles, error))
              return FALSE;
        }
    }
  return TRUE;
}

/**
 * gloss_export_find_linked:
 * @data: the export
 * @annotation: the annotation that shows the link
 * @link: one of its links, either way
 * @out_article_title: (out): the other end's article title when it is not
 *   @annotation's article, else NULL
 *
 * Returns: (transfer none) (nullable): the other end, in the export or
 *   read for it; NULL only when the library no longer has it
 */
GlossAnnotation *
gloss_export_find_linked (GlossExportData           *data,
                          GlossAnnotation           *annotation,
                          const GlossAnnotationLink *link,
                          const char               **out_article_title)
{
  GlossExportElsewhere *elsewhere;
  GlossAnnotation *found;

  *out_article_title = NULL;
  found = gloss_export_data_find (data, link->target_uuid);
  if (found != NULL)
    {
      if (gloss_annotation_get_article_id (found) != gloss_annotation_get_article_id (annotation))
        for (guint i = 0; i < data->articles->len; i++)
          {
            GlossExportArticle *item = g_ptr_array_index (data->articles, i);

            if (gloss_article_get_id (item->article) == gloss_annotation_get_article_id (found))
              *out_article_title = gloss_article_get_title (item->article);
          }
      return found;
    }

  elsewhere = data->elsewhere != NULL && link->target_uuid != NULL
              ? g_hash_table_lookup (data->elsewhere, link->target_uuid) : NULL;
  if (elsewhere == NULL)
    return NULL;
  *out_article_title = elsewhere->article_title != NULL ? elsewhere->article_title : "";
  return elsewhere->annotation;
}
