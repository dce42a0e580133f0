/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-error.h"
#include "gloss-export-private.h"

/*
 * Exports, shared by the GUI and gloss-cli.  The store is read once, on the
 * caller's thread (SQLite handles are not shared between threads here), into
 * a GlossExportData snapshot; each format then turns the snapshot into bytes
 * and never touches the store, so the GUI can write big exports from a
 * worker thread.  One file per format: gloss-export-<format>.c.
 */

static const struct
{
  const char *name;
  const char *alias;
  const char *extension;
  const char *content_type;
} formats[] = {
  [GLOSS_EXPORT_MARKDOWN] = { "markdown", "md", "md", "text/markdown" },
  [GLOSS_EXPORT_CSV] = { "csv", NULL, "csv", "text/csv" },
  [GLOSS_EXPORT_HTML] = { "html", NULL, "html", "text/html" },
  [GLOSS_EXPORT_WEB_ANNOTATION] = { "webannotation", "jsonld", "jsonld", "application/ld+json" },
  [GLOSS_EXPORT_CLAIM_REVIEW] = { "claimreview", NULL, "jsonld", "application/ld+json" },
};

const char *
gloss_export_format_to_string (GlossExportFormat format)
{
  g_return_val_if_fail (format <= GLOSS_EXPORT_FORMAT_LAST, NULL);

  return formats[format].name;
}

/* Accepts the names of gloss_export_format_to_string() and the short ones
 * the command line uses ("md", "jsonld"). */
gboolean
gloss_export_format_from_string (const char        *name,
                                 GlossExportFormat *out_format)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (g_ascii_strcasecmp (name, formats[i].name) == 0 ||
          (formats[i].alias != NULL && g_ascii_strcasecmp (name, formats[i].alias) == 0))
        {
          if (out_format != NULL)
            *out_format = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
gloss_export_format_get_extension (GlossExportFormat format)
{
  g_return_val_if_fail (format <= GLOSS_EXPORT_FORMAT_LAST, NULL);

  return formats[format].extension;
}

const char *
gloss_export_format_get_content_type (GlossExportFormat format)
{
  g_return_val_if_fail (format <= GLOSS_EXPORT_FORMAT_LAST, NULL);

  return formats[format].content_type;
}

static void
export_article_free (gpointer pointer)
{
  GlossExportArticle *item = pointer;

  g_clear_object (&item->article);
  g_free (item->source_sha256);
  g_free (item->imported_at);
  gloss_provenance_free (item->provenance);
  gloss_body_text_free (item->body);
  g_clear_pointer (&item->annotations, g_ptr_array_unref);
  gloss_export_comparison_free (item->comparison);
  g_free (item);
}

static void
export_data_clear (gpointer pointer)
{
  GlossExportData *data = pointer;

  g_clear_pointer (&data->articles, g_ptr_array_unref);
  g_free (data->generated_at);
  g_free (data->reviewer);
  g_free (data->organisation);
  g_free (data->review_url);
  g_clear_pointer (&data->wording, g_hash_table_unref);
  g_clear_pointer (&data->elsewhere, g_hash_table_unref);
}

static char *
dup_stripped (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0' || !g_utf8_validate (copy, -1, NULL))
    g_clear_pointer (&copy, g_free);
  return copy;
}

/**
 * gloss_export_data_set_reviewer:
 * @data: the export
 * @name: (nullable): the person who checked (the reviewer)
 * @organisation: (nullable): the organisation they check for
 * @review_url: (nullable): the address where the reviews are published
 *
 * Says who checked, for every format that names it: the HTML report and
 * Markdown show the reviewer and the review date, each W3C annotation's
 * `creator` is the reviewer, ClaimReview's `author` the organisation and
 * its `url` the review address.  Blank values count as not given.
 */
void
gloss_export_data_set_reviewer (GlossExportData *data,
                                const char      *name,
                                const char      *organisation,
                                const char      *review_url)
{
  g_return_if_fail (data != NULL);

  g_free (data->reviewer);
  data->reviewer = dup_stripped (name);
  g_free (data->organisation);
  data->organisation = dup_stripped (organisation);
  g_free (data->review_url);
  data->review_url = dup_stripped (review_url);
}

/* The day of an article's review, YYYY-MM-DD: when an annotation of it was
 * last changed (as ClaimReview's datePublished is the day a verdict was),
 * not the day of the export.  NULL for an article without annotations. */
char *
gloss_export_dup_review_date (const GlossExportArticle *item)
{
  const char *latest = NULL;

  for (guint i = 0; i < item->annotations->len; i++)
    {
      const char *updated = gloss_annotation_get_updated_at (g_ptr_array_index (item->annotations, i));

      if (updated != NULL && (latest == NULL || strcmp (updated, latest) > 0))
        latest = updated;
    }

  return latest != NULL ? g_strndup (latest, 10) : NULL;
}

/* "Ana Díaz, FactCheck Desk", "Ana Díaz", "FactCheck Desk", or NULL. */
char *
gloss_export_dup_reviewer_line (GlossExportData *data)
{
  if (data->reviewer != NULL && data->organisation != NULL)
    return g_strdup_printf ("%s, %s", data->reviewer, data->organisation);
  if (data->reviewer != NULL)
    return g_strdup (data->reviewer);
  return g_strdup (data->organisation);
}

GlossExportData *
gloss_export_data_ref (GlossExportData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  return g_atomic_rc_box_acquire (data);
}

void
gloss_export_data_unref (GlossExportData *data)
{
  if (data != NULL)
    g_atomic_rc_box_release_full (data, export_data_clear);
}

G_DEFINE_BOXED_TYPE (GlossExportData, gloss_export_data, gloss_export_data_ref, gloss_export_data_unref)

static GlossExportArticle *
collect_article (GlossStore   *store,
                 gint64        article_id,
                 GHashTable   *imported_at,
                 GError      **error)
{
  GlossExportArticle *item = g_new0 (GlossExportArticle, 1);
  g_autoptr(GError) local_error = NULL;

  item->article = gloss_store_load_article (store, article_id, error);
  if (item->article == NULL ||
      (item->source_sha256 = gloss_store_dup_article_source_sha256 (store, article_id, error)) == NULL ||
      (item->annotations = gloss_store_list_annotations (store, article_id, error)) == NULL)
    {
      export_article_free (item);
      return NULL;
    }
  item->provenance = gloss_store_dup_provenance (store, article_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      export_article_free (item);
      return NULL;
    }

  item->imported_at = g_strdup (g_hash_table_lookup (imported_at, &article_id));
  item->body = gloss_body_text_new (item->article);
  return item;
}

/* For each annotation of @item whose words changed in a newer version
 * since it was made or rated, what every export says about it. */
static gboolean
collect_wording (GlossStore          *store,
                 GlossExportArticle  *item,
                 GHashTable          *wording,
                 GError             **error)
{
  for (guint i = 0; i < item->annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (item->annotations, i);
      gint64 id = gloss_annotation_get_id (annotation);
      g_autofree char *rated = NULL;
      gboolean needs_review = FALSE;
      char *note;

      if (!gloss_store_get_rated_words (store, id, &rated, &needs_review, error))
        return FALSE;
      if (rated == NULL)
        continue;
      note = g_strdup_printf (needs_review
                              ? _("wording changed since it was rated: was “%s”, now “%s”; "
                                  "the verdict is to be reviewed")
                              : _("wording changed since it was rated: was “%s”, now “%s”"),
                              rated, gloss_annotation_get_anchor (annotation)->exact);
      g_hash_table_insert (wording, g_memdup2 (&id, sizeof id), note);
    }
  return TRUE;
}

/* Borrowed: what collect_wording() found for @annotation, or NULL. */
const char *
gloss_export_get_wording_note (GlossExportData *data,
                               GlossAnnotation *annotation)
{
  gint64 id = gloss_annotation_get_id (annotation);

  return data->wording != NULL ? g_hash_table_lookup (data->wording, &id) : NULL;
}

static GlossExportData *
collect_in_transaction (GlossStore    *store,
                        const gint64  *article_ids,
                        guint          n_article_ids,
                        GError       **error)
{
  g_autoptr(GlossExportData) data = NULL;
  g_autoptr(GPtrArray) all_ids = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GHashTable) imported_at = NULL;
  g_autoptr(GHashTable) titles = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  summaries = gloss_store_list_articles (store, error);
  if (summaries == NULL)
    return NULL;
  imported_at = g_hash_table_new (g_int64_hash, g_int64_equal);
  titles = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < summaries->len; i++)
    {
      GlossArticleSummary *summary = g_ptr_array_index (summaries, i);

      g_hash_table_insert (imported_at, &summary->id, summary->imported_at);
      g_hash_table_insert (titles, &summary->id, summary->title);
    }

  if (n_article_ids == 0)
    {
      all_ids = gloss_store_list_article_ids (store, error);
      if (all_ids == NULL)
        return NULL;
    }

  data = g_atomic_rc_box_new0 (GlossExportData);
  data->articles = g_ptr_array_new_with_free_func (export_article_free);
  data->wording = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  data->generated_at = g_date_time_format_iso8601 (now);

  for (guint i = 0; i < (all_ids != NULL ? all_ids->len : n_article_ids); i++)
    {
      gint64 id = all_ids != NULL ? *(gint64 *) g_ptr_array_index (all_ids, i) : article_ids[i];
      GlossExportArticle *item;
      gboolean seen = FALSE;

      /* "--article 3 --article 3" exports article 3 once. */
      for (guint j = 0; j < data->articles->len && !seen; j++)
        seen = gloss_article_get_id (((GlossExportArticle *) g_ptr_array_index (data->articles, j))->article) == id;
      if (seen)
        continue;

      item = collect_article (store, id, imported_at, error);
      if (item == NULL || !collect_wording (store, item, data->wording, error))
        return NULL;
      g_ptr_array_add (data->articles, item);
    }
  if (!gloss_export_collect_elsewhere (store, data, titles, error))
    return NULL;

  return g_steal_pointer (&data);
}

/**
 * gloss_export_data_collect:
 * @store: the library
 * @article_ids: (array length=n_article_ids) (nullable): the articles to export
 * @n_article_ids: how many; 0 exports the whole library
 * @error: return location for a %GLOSS_ERROR
 *
 * Reads the articles and their annotations, all in one read transaction,
 * so the export shows the library as it was at one moment even while
 * another program (or an import in the background) writes: never an
 * article's text with the annotations of a newer copy of it, nor an
 * article listed and then gone.  An unknown id is an error
 * (%GLOSS_ERROR_NOT_FOUND), not a silently shorter export.
 *
 * Returns: (transfer full): the snapshot to hand to a writer
 */
GlossExportData *
gloss_export_data_collect (GlossStore    *store,
                           const gint64  *article_ids,
                           guint          n_article_ids,
                           GError       **error)
{
  GlossExportData *data;

  g_return_val_if_fail (GLOSS_IS_STORE (store), NULL);
  g_return_val_if_fail (article_ids != NULL || n_article_ids == 0, NULL);

  if (!gloss_store_begin_read (store, error))
    return NULL;
  data = collect_in_transaction (store, article_ids, n_article_ids, error);
  gloss_store_end_read (store);

  return data;
}

guint
gloss_export_data_get_n_articles (GlossExportData *data)
{
  g_return_val_if_fail (data != NULL, 0);

  return data->articles->len;
}

guint
gloss_export_data_get_n_annotations (GlossExportData *data)
{
  guint n = 0;

  g_return_val_if_fail (data != NULL, 0);

  for (guint i = 0; i < data->articles->len; i++)
    n += ((GlossExportArticle *) g_ptr_array_index (data->articles, i))->annotations->len;
  return n;
}

/**
 * gloss_export_data_to_bytes:
 *
 * Returns: (transfer full): the whole export, or %NULL with @error set
 */
GBytes *
gloss_export_data_to_bytes (GlossExportData    *data,
                            GlossExportFormat   format,
                            GlossExportOrder    order,
                            GError            **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (format <= GLOSS_EXPORT_FORMAT_LAST, NULL);

  switch (format)
    {
    case GLOSS_EXPORT_MARKDOWN:
      return gloss_export_markdown (data, order, error);
    case GLOSS_EXPORT_CSV:
      return gloss_export_csv (data, error);
    case GLOSS_EXPORT_HTML:
      return gloss_export_html (data, order, error);
    case GLOSS_EXPORT_WEB_ANNOTATION:
      return gloss_export_web_annotation (data, error);
    case GLOSS_EXPORT_CLAIM_REVIEW:
      return gloss_export_claim_review (data, error);
    default:
      g_assert_not_reached ();
    }
}

/**
 * gloss_export_data_write:
 *
 * Writes the export to @stream (not closed).  The export is built whole
 * before the first byte is written, so a failing format leaves the stream
 * untouched.
 */
gboolean
gloss_export_data_write (GlossExportData    *data,
                         GlossExportFormat   format,
                         GlossExportOrder    order,
                         GOutputStream      *stream,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  bytes = gloss_export_data_to_bytes (data, format, order, error);
  if (bytes == NULL)
    return FALSE;

  return g_output_stream_write_all (stream, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    NULL, cancellable, error);
}

typedef struct
{
  GlossExportData *data;
  GlossExportFormat format;
  GlossExportOrder order;
} WriteTask;

static void
write_task_free (gpointer pointer)
{
  WriteTask *task = pointer;

  gloss_export_data_unref (task->data);
  g_free (task);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  WriteTask *write = task_data;
  GError *error = NULL;

  if (gloss_export_data_write (write->data, write->format, write->order,
                               G_OUTPUT_STREAM (source_object), cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Builds and writes the export on a worker thread; @stream is the task's
 * source object. */
void
gloss_export_data_write_async (GlossExportData     *data,
                               GlossExportFormat    format,
                               GlossExportOrder     order,
                               GOutputStream       *stream,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteTask *write;

  g_return_if_fail (data != NULL);
  g_return_if_fail (G_IS_OUTPUT_STREAM (stream));

  write = g_new0 (WriteTask, 1);
  write->data = gloss_export_data_ref (data);
  write->format = format;
  write->order = order;

  task = g_task_new (stream, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_export_data_write_async);
  g_task_set_task_data (task, write, write_task_free);
  g_task_run_in_thread (task, write_in_thread);
}

gboolean
gloss_export_data_write_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gloss_export_data_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * gloss_export_to_bytes:
 * @article_ids: (array length=n_article_ids) (nullable): the scope; none
 *   for the whole library
 *
 * Collects and exports in one call.
 */
GBytes *
gloss_export_to_bytes (GlossStore         *store,
                       const gint64       *article_ids,
                       guint               n_article_ids,
                       GlossExportFormat   format,
                       GlossExportOrder    order,
                       GError            **error)
{
  g_autoptr(GlossExportData) data = gloss_export_data_collect (store, article_ids, n_article_ids, error);

  if (data == NULL)
    return NULL;
  return gloss_export_data_to_bytes (data, format, order, error);
}

/* Helpers for the writers. */

/* The article's address: where its text was downloaded from, else the
 * link the page gives for itself; NULL without either. */
const char *
gloss_export_get_link (const GlossExportArticle *item)
{
  const char *url = gloss_article_get_url (item->article);

  if (item->provenance != NULL && gloss_provenance_get_link (item->provenance) != NULL)
    return gloss_provenance_get_link (item->provenance);
  return url != NULL && *url != '\0' ? url : NULL;
}

/* The article as a Web Annotation `source`: its address when it has one,
 * else the hash of the bytes it was made from, which a colleague's copy of
 * the same saved page shares. */
char *
gloss_export_dup_source_iri (const GlossExportArticle *item)
{
  const char *url = gloss_export_get_link (item);

  if (url != NULL && *url != '\0')
    return g_strdup (url);
  return g_strconcat ("urn:sha256:", item->source_sha256, NULL);
}

char *
gloss_export_dup_annotation_iri (GlossAnnotation *annotation)
{
  return g_strconcat ("urn:uuid:", gloss_annotation_get_uuid (annotation), NULL);
}

/* The annotation's range in the article text (blocks joined with '\n', in
 * code points): the TextPositionSelector's coordinates. */
gboolean
gloss_export_get_positions (const GlossExportArticle *item,
                            GlossAnnotation          *annotation,
                            glong                    *out_start,
                            glong                    *out_end)
{
  const GlossAnchor *anchor = gloss_annotation_get_anchor (annotation);

  return gloss_body_text_to_position (item->body, anchor->start_block, anchor->start_offset, out_start) &&
         gloss_body_text_to_position (item->body, anchor->end_block, anchor->end_offset, out_end) &&
         *out_start <= *out_end;
}

/* "¶ 3" or "¶ 3–4": paragraphs counted from 1, as a reader counts them. */
char *
gloss_export_dup_paragraphs (GlossAnnotation *annotation)
{
  return gloss_export_dup_anchor_paragraphs (gloss_annotation_get_anchor (annotation));
}

/* "¶ 3" or "¶ 3–4" for words at @anchor. */
char *
gloss_export_dup_anchor_paragraphs (const GlossAnchor *anchor)
{
  if (anchor->end_block > anchor->start_block)
    return g_strdup_printf ("¶ %u–%u", anchor->start_block + 1, anchor->end_block + 1);
  return g_strdup_printf ("¶ %u", anchor->start_block + 1);
}

GlossAnnotation *
gloss_export_data_find (GlossExportData *data,
                        const char      *uuid)
{
  if (uuid == NULL)
    return NULL;

  for (guint i = 0; i < data->articles->len; i++)
    {
      GlossExportArticle *item = g_ptr_array_index (data->articles, i);

      for (guint j = 0; j < item->annotations->len; j++)
        {
          GlossAnnotation *annotation = g_ptr_array_index (item->annotations, j);

          if (g_strcmp0 (gloss_annotation_get_uuid (annotation), uuid) == 0)
            return annotation;
        }
    }

  return NULL;
}

/* Document order is the store's order; grouping by kind keeps it inside
 * each kind. */
GPtrArray *
gloss_export_dup_ordered (const GlossExportArticle *item,
                          GlossExportOrder          order)
{
  GPtrArray *ordered = g_ptr_array_new_with_free_func (g_object_unref);

  if (order == GLOSS_EXPORT_ORDER_KIND)
    {
      for (guint kind = 0; kind <= GLOSS_ANNOTATION_KIND_LAST; kind++)
        for (guint i = 0; i < item->annotations->len; i++)
          {
            GlossAnnotation *annotation = g_ptr_array_index (item->annotations, i);

            if (gloss_annotation_get_kind (annotation) == kind)
              g_ptr_array_add (ordered, g_object_ref (annotation));
          }
    }
  else
    {
      for (guint i = 0; i < item->annotations->len; i++)
        g_ptr_array_add (ordered, g_object_ref (g_ptr_array_index (item->annotations, i)));
    }

  return ordered;
}

const char *
gloss_export_kind_label (GlossAnnotationKind kind)
{
  switch (kind)
    {
    case GLOSS_ANNOTATION_CLAIM:
      return _("Claim");
    case GLOSS_ANNOTATION_DENIAL:
      return _("Denial");
    case GLOSS_ANNOTATION_EVIDENCE:
      return _("Evidence");
    case GLOSS_ANNOTATION_QUESTION:
      return _("Question");
    case GLOSS_ANNOTATION_NOTE:
      return _("Note");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
gloss_export_kind_plural_label (GlossAnnotationKind kind)
{
  switch (kind)
    {
    /* A heading over several annotations of a kind: "Evidence" is a
     * plural noun here, unlike the kind's own name. */
    case GLOSS_ANNOTATION_CLAIM:
      return C_("kinds heading", "Claims");
    case GLOSS_ANNOTATION_DENIAL:
      return C_("kinds heading", "Denials");
    case GLOSS_ANNOTATION_EVIDENCE:
      return C_("kinds heading", "Evidence");
    case GLOSS_ANNOTATION_QUESTION:
      return C_("kinds heading", "Questions");
    case GLOSS_ANNOTATION_NOTE:
      return C_("kinds heading", "Notes");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* NULL for GLOSS_VERDICT_NONE. */
const char *
gloss_export_verdict_label (GlossVerdict verdict)
{
  switch (verdict)
    {
    case GLOSS_VERDICT_NONE:
      return NULL;
    case GLOSS_VERDICT_UNRATED:
      return _("Unrated");
    case GLOSS_VERDICT_TRUE:
      return _("True");
    case GLOSS_VERDICT_MOSTLY_TRUE:
      return _("Mostly true");
    case GLOSS_VERDICT_MIXED:
      return _("Mixed");
    case GLOSS_VERDICT_MOSTLY_FALSE:
      return _("Mostly false");
    case GLOSS_VERDICT_FALSE:
      return _("False");
    case GLOSS_VERDICT_UNVERIFIABLE:
      return _("Unverifiable");
    default:
      g_return_val_if_reached (NULL);
    }
}
