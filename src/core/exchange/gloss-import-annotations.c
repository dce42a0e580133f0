/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gloss-anchor-private.h"
#include "gloss-error.h"
#include "gloss-import-annotations-private.h"

/*
 * Importing annotations (issue 5 §2): read the file (gloss-import-annotations-parse.c),
 * find each annotation's article, find its words with the re-anchoring
 * algorithm, and store the new ones in one transaction.
 *
 * Which article: the caller's choice when given (gloss-cli --article, the
 * GUI's question); else, per source document named in the file, the article
 * with the same URL (compared normalised), or whose saved bytes have the
 * hash of a urn:sha256: source (Gloss's exports of articles without a URL);
 * else the one article of the library holding the most of that source's
 * quotes word for word.  When none fits, the import fails with
 * %GLOSS_ERROR_NO_ARTICLE and stores nothing, so the caller can ask.
 *
 * Which words: the quote with its context, and the position as a hint.  A
 * Gloss export's positions are in Gloss's own coordinates, so an annotation
 * found elsewhere than its position is "moved"; other tools count positions
 * over a whole web page, so there the quote found word for word is
 * "anchored" and only an approximate match is "moved".
 *
 * Twice the same file: a Gloss uuid (urn:uuid:…) is kept as the
 * annotation's uuid, any other id is kept as its source id; either one
 * already in the library makes the entry a duplicate, left untouched.  An
 * entry without any id is named by a hash of its source, quote and note.
 */

typedef struct
{
  GlossArticle *article;
  GlossBodyText *body;
} Candidate;

static void
candidate_free (gpointer pointer)
{
  Candidate *candidate = pointer;

  g_clear_object (&candidate->article);
  gloss_body_text_free (candidate->body);
  g_free (candidate);
}

typedef struct
{
  GlossStore *store;
  GlossImportFile *file;
  GPtrArray *summaries;      /* GlossArticleSummary, loaded when first needed */
  GHashTable *articles;      /* gint64 id → Candidate */
  gint64 article_id;         /* the one article for every record, or 0 */
  GHashTable *sources;       /* a record's source → its article id */
  GHashTable *uuids;         /* an id in the file → its uuid in the library */
  GHashTable *seen;          /* identities met so far in the file */
  GArray *items;             /* GlossImportedAnnotation, to be stored */
  GPtrArray *item_records;   /* each item's GlossImportRecord (borrowed) */
} Importer;

static void
importer_clear (Importer *importer)
{
  g_clear_pointer (&importer->summaries, g_ptr_array_unref);
  g_clear_pointer (&importer->articles, g_hash_table_unref);
  g_clear_pointer (&importer->sources, g_hash_table_unref);
  g_clear_pointer (&importer->uuids, g_hash_table_unref);
  g_clear_pointer (&importer->seen, g_hash_table_unref);
  g_clear_pointer (&importer->items, g_array_unref);
  g_clear_pointer (&importer->item_records, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Importer, importer_clear)

void
gloss_import_report_clear (GlossImportReport *report)
{
  g_return_if_fail (report != NULL);

  g_clear_pointer (&report->article_ids, g_array_unref);
  memset (report, 0, sizeof *report);
}

static gboolean
is_tracking_parameter (const char *parameter)
{
  return g_str_has_prefix (parameter, "utm_") || g_str_has_prefix (parameter, "fbclid=") ||
         g_str_has_prefix (parameter, "gclid=") || g_str_equal (parameter, "fbclid") ||
         g_str_equal (parameter, "gclid");
}

/**
 * gloss_import_normalize_url:
 *
 * The form two addresses of the same article share: scheme and host in
 * lower case, no default port, no fragment, no utm_*, fbclid or gclid
 * parameters, no trailing slash.  Not a URL: returned as it is.
 *
 * Returns: (transfer full): the normalised address
 */
char *
gloss_import_normalize_url (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GString) query = NULL;
  g_autofree char *scheme = NULL;
  g_autofree char *host = NULL;
  g_autofree char *path = NULL;
  int port;

  g_return_val_if_fail (url != NULL, NULL);

  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (url);

  scheme = g_ascii_strdown (g_uri_get_scheme (uri), -1);
  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  port = g_uri_get_port (uri);
  if ((port == 80 && g_str_equal (scheme, "http")) || (port == 443 && g_str_equal (scheme, "https")))
    port = -1;
  path = g_strdup (g_uri_get_path (uri));
  while (strlen (path) > 1 && g_str_has_suffix (path, "/"))
    path[strlen (path) - 1] = '\0';
  if (g_str_equal (path, "/"))
    path[0] = '\0';

  if (g_uri_get_query (uri) != NULL)
    {
      g_auto(GStrv) parameters = g_strsplit (g_uri_get_query (uri), "&", -1);

      query = g_string_new (NULL);
      for (guint i = 0; parameters[i] != NULL; i++)
        {
          if (*parameters[i] == '\0' || is_tracking_parameter (parameters[i]))
            continue;
          g_string_append_printf (query, "%s%s", query->len > 0 ? "&" : "", parameters[i]);
        }
    }

  return g_uri_join (G_URI_FLAGS_ENCODED, scheme, g_uri_get_userinfo (uri), host, port, path,
                     query != NULL && query->len > 0 ? query->str : NULL, NULL);
}

static Candidate *
get_candidate (Importer  *importer,
               gint64     article_id,
               GError   **error)
{
  Candidate *candidate = g_hash_table_lookup (importer->articles, &article_id);
  gint64 *key;

  if (candidate != NULL)
    return candidate;

  candidate = g_new0 (Candidate, 1);
  candidate->article = gloss_store_load_article (importer->store, article_id, error);
  if (candidate->article == NULL)
    {
      candidate_free (candidate);
      return NULL;
    }
  candidate->body = gloss_body_text_new (candidate->article);
  key = g_memdup2 (&article_id, sizeof article_id);
  g_hash_table_insert (importer->articles, key, candidate);
  return candidate;
}

static gboolean
load_summaries (Importer  *importer,
                GError   **error)
{
  if (importer->summaries == NULL)
    importer->summaries = gloss_store_list_articles (importer->store, error);
  return importer->summaries != NULL;
}

static gboolean
body_contains (const GlossBodyText *body,
               const char          *quote)
{
  g_autofree gunichar *pattern = NULL;
  g_autoptr(GArray) matches = NULL;
  glong length = 0;

  pattern = g_utf8_to_ucs4_fast (quote, -1, &length);
  if (length == 0)
    return FALSE;
  matches = gloss_match_exact (body->chars, body->length, pattern, length);
  return matches->len > 0;
}

/* The article of @source: by URL, by hash, else by its quotes.  Returns 0
 * (no error) when none fits, -1 on error. */
static gint64
find_article (Importer    *importer,
              const char  *source,
              GError     **error)
{
  g_autofree char *wanted = NULL;
  gint64 best = 0;
  guint best_count = 0;
  gboolean tie = FALSE;

  if (!load_summaries (importer, error))
    return -1;

  if (source != NULL && g_str_has_prefix (source, "urn:sha256:"))
    {
      gint64 id = gloss_store_find_article_by_sha256 (importer->store, source + strlen ("urn:sha256:"), error);

      if (id != 0)
        return id;
    }
  else if (source != NULL)
    {
      wanted = gloss_import_normalize_url (source);
      for (guint i = 0; i < importer->summaries->len; i++)
        {
          GlossArticleSummary *summary = g_ptr_array_index (importer->summaries, i);
          g_autofree char *url = NULL;

          if (summary->url == NULL)
            continue;
          url = gloss_import_normalize_url (summary->url);
          if (g_str_equal (url, wanted))
            return summary->id;
        }
    }

  /* By the quotes of this source, word for word. */
  for (guint i = 0; i < importer->summaries->len; i++)
    {
      GlossArticleSummary *summary = g_ptr_array_index (importer->summaries, i);
      Candidate *candidate = get_candidate (importer, summary->id, error);
      guint count = 0;

      if (candidate == NULL)
        return -1;
      for (guint j = 0; j < importer->file->records->len; j++)
        {
          GlossImportRecord *record = g_ptr_array_index (importer->file->records, j);

          if (g_strcmp0 (record->source, source) == 0 && record->exact != NULL &&
              body_contains (candidate->body, record->exact))
            count++;
        }
      if (count > best_count)
        {
          best = summary->id;
          best_count = count;
          tie = FALSE;
        }
      else if (count > 0 && count == best_count)
        {
          tie = TRUE;
        }
    }

  return tie ? 0 : best;
}

/* Where the record's words are in the article, and how sure we are. */
static GlossAnchor *
anchor_record (const GlossImportFile   *file,
               const GlossImportRecord *record,
               Candidate               *candidate)
{
  const GlossBodyText *body = candidate->body;
  g_autoptr(GlossAnchor) hint = NULL;
  g_autofree char *exact = NULL;
  GlossAnchor *found;
  guint start_block = 0, start_offset = 0, end_block = 0, end_offset = 0;

  if (body->n_blocks > 0 && record->has_position)
    {
      gloss_body_text_from_position (body, record->start, FALSE, &start_block, &start_offset);
      gloss_body_text_from_position (body, MAX (record->end, record->start), TRUE, &end_block, &end_offset);
      if (end_block < start_block)
        {
          end_block = start_block;
          end_offset = start_offset;
        }
    }

  exact = record->exact != NULL ? g_strdup (record->exact)
                                : gloss_body_text_dup_range (body, record->start, record->end);
  hint = gloss_anchor_new (start_block, start_offset, end_block, end_offset, exact,
                           record->prefix, record->suffix, GLOSS_ANCHOR_ANCHORED);
  found = gloss_anchor_reanchor (hint, candidate->article);

  if (found->state == GLOSS_ANCHOR_MOVED && g_str_equal (found->exact, exact) &&
      (!file->gloss_positions || !record->has_position))
    found->state = GLOSS_ANCHOR_ANCHORED;

  return found;
}

/* The id under which a second import recognises the entry. */
static void
identify (const GlossImportRecord  *record,
          char                    **out_uuid,
          char                    **out_source_id)
{
  *out_uuid = NULL;
  *out_source_id = NULL;

  if (record->id != NULL && g_str_has_prefix (record->id, "urn:uuid:") &&
      g_uuid_string_is_valid (record->id + strlen ("urn:uuid:")))
    {
      *out_uuid = g_ascii_strdown (record->id + strlen ("urn:uuid:"), -1);
    }
  else if (record->id != NULL && *record->id != '\0')
    {
      *out_source_id = g_strdup (record->id);
    }
  else
    {
      g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
      const char *parts[] = { record->source, record->exact, record->prefix, record->suffix, record->note };

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        {
          g_checksum_update (checksum, (const guchar *) (parts[i] != NULL ? parts[i] : ""), -1);
          g_checksum_update (checksum, (const guchar *) "\x1f", 1);
        }
      *out_source_id = g_strconcat ("sha256:", g_checksum_get_string (checksum), NULL);
    }
}

static void
imported_clear (gpointer pointer)
{
  GlossImportedAnnotation *item = pointer;

  g_clear_object (&item->annotation);
  g_free (item->uuid);
  g_free (item->source_id);
  g_free (item->created_at);
  g_free (item->updated_at);
  g_clear_pointer (&item->links, g_array_unref);
}

static void
link_clear (gpointer pointer)
{
  GlossAnnotationLink *link = pointer;

  g_free (link->target_uuid);
}

static void
add_article_id (GlossImportReport *report,
                gint64             article_id)
{
  for (guint i = 0; i < report->article_ids->len; i++)
    if (g_array_index (report->article_ids, gint64, i) == article_id)
      return;
  g_array_append_val (report->article_ids, article_id);
}

/* Phase 1: every record's article, before anything is stored, so that a
 * file is imported whole or not at all.  Fills importer->sources. */
static gboolean
find_record_articles (Importer  *importer,
                      GError   **error)
{
  GPtrArray *records = importer->file->records;

  importer->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < records->len && importer->article_id <= 0; i++)
    {
      GlossImportRecord *record = g_ptr_array_index (records, i);
      const char *source = record->source != NULL ? record->source : "";
      gint64 found;

      if (g_hash_table_contains (importer->sources, source))
        continue;
      found = find_article (importer, record->source, error);
      if (found < 0)
        return FALSE;
      if (found == 0)
        {
          g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NO_ARTICLE,
                       _("No article in the library matches the annotations on %s; choose the "
                         "article to import them into"),
                       *source != '\0' ? source : _("an unnamed document"));
          return FALSE;
        }
      g_hash_table_insert (importer->sources, g_strdup (source), g_memdup2 (&found, sizeof found));
    }

  return TRUE;
}

static void
count_anchor (GlossImportReport *report,
              GlossAnchor       *anchor)
{
  switch (anchor->state)
    {
    case GLOSS_ANCHOR_ANCHORED:
      report->anchored++;
      break;
    case GLOSS_ANCHOR_MOVED:
      report->moved++;
      break;
    case GLOSS_ANCHOR_ORPHANED:
    default:
      report->orphaned++;
      break;
    }
}

/* Whether @record is already in the library or earlier in the file (an
 * id-less record repeated, say): a duplicate, not a reason to refuse the
 * file.  A known one keeps its uuid, for links to it. */
static gboolean
is_duplicate (Importer          *importer,
              GlossImportRecord *record,
              const char        *uuid,
              const char        *source_id,
              GError           **error)
{
  g_autofree char *existing = NULL;
  GError *local_error = NULL;

  existing = gloss_store_find_annotation_uuid (importer->store, uuid, source_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (existing == NULL && (record->id == NULL || !g_hash_table_contains (importer->uuids, record->id)) &&
      g_hash_table_add (importer->seen, g_strconcat (uuid != NULL ? "uuid:" : "", uuid ?: source_id, NULL)))
    return FALSE;

  if (existing != NULL && record->id != NULL)
    g_hash_table_replace (importer->uuids, g_strdup (record->id), g_steal_pointer (&existing));
  return TRUE;
}

/* Phase 2: each record as an annotation anchored in its article, with
 * its identity, so that links can then point at annotations of the file. */
static gboolean
make_annotations (Importer           *importer,
                  GlossImportReport  *report,
                  GError            **error)
{
  GPtrArray *records = importer->file->records;

  importer->items = g_array_new (FALSE, TRUE, sizeof (GlossImportedAnnotation));
  g_array_set_clear_func (importer->items, imported_clear);
  importer->item_records = g_ptr_array_new ();
  importer->uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  importer->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < records->len; i++)
    {
      GlossImportRecord *record = g_ptr_array_index (records, i);
      g_autofree char *uuid = NULL;
      g_autofree char *source_id = NULL;
      g_autoptr(GlossAnchor) anchor = NULL;
      GError *local_error = NULL;
      GlossImportedAnnotation item = { 0 };
      gint64 target_id;
      Candidate *candidate;
      /* Without a kind (a Hypothesis highlight or comment, a plain W3C
       * annotation) it is a note: Gloss does not guess a claim or a question. */
      GlossAnnotationKind kind = record->has_kind ? record->kind : GLOSS_ANNOTATION_NOTE;

      identify (record, &uuid, &source_id);
      if (is_duplicate (importer, record, uuid, source_id, &local_error))
        {
          report->duplicates++;
          continue;
        }
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }

      target_id = importer->article_id > 0
                    ? importer->article_id
                    : *(gint64 *) g_hash_table_lookup (importer->sources,
                                                       record->source != NULL ? record->source : "");
      candidate = get_candidate (importer, target_id, error);
      if (candidate == NULL)
        return FALSE;
      anchor = anchor_record (importer->file, record, candidate);

      item.annotation = gloss_annotation_new (kind, anchor);
      gloss_annotation_set_article_id (item.annotation, target_id);
      gloss_annotation_set_note (item.annotation, record->note);
      gloss_annotation_set_speaker (item.annotation, record->speaker);
      if (kind == GLOSS_ANNOTATION_CLAIM && record->has_verdict)
        gloss_annotation_set_verdict (item.annotation, record->verdict);
      item.uuid = uuid != NULL ? g_steal_pointer (&uuid) : g_uuid_string_random ();
      item.source_id = g_steal_pointer (&source_id);
      item.created_at = g_strdup (record->created);
      item.updated_at = g_strdup (record->updated);
      if (record->id != NULL)
        g_hash_table_replace (importer->uuids, g_strdup (record->id), g_strdup (item.uuid));
      item.links = g_array_new (FALSE, TRUE, sizeof (GlossAnnotationLink));
      g_array_set_clear_func (item.links, link_clear);
      g_array_append_val (importer->items, item);
      g_ptr_array_add (importer->item_records, record);

      count_anchor (report, anchor);
      add_article_id (report, target_id);
    }

  return TRUE;
}

/* Phase 3: links, now that every id in the file has its uuid.  A link to
 * an annotation neither in the file nor in the library is left out. */
static void
resolve_links (Importer *importer)
{
  for (guint i = 0; i < importer->items->len; i++)
    {
      GlossImportRecord *record = g_ptr_array_index (importer->item_records, i);
      GlossImportedAnnotation *item = &g_array_index (importer->items, GlossImportedAnnotation, i);

      for (guint j = 0; j < record->link_targets->len; j++)
        {
          const char *target = g_ptr_array_index (record->link_targets, j);
          const char *target_uuid = g_hash_table_lookup (importer->uuids, target);
          g_autofree char *stored = NULL;
          GlossAnnotationLink link = { g_array_index (record->link_relations, GlossRelation, j), 0, NULL };

          if (target_uuid == NULL && g_str_has_prefix (target, "urn:uuid:"))
            target_uuid = target + strlen ("urn:uuid:");
          if (target_uuid == NULL)
            target_uuid = stored = gloss_store_find_annotation_uuid (importer->store, NULL, target, NULL);
          if (target_uuid == NULL)
            continue;
          link.target_uuid = g_strdup (target_uuid);
          g_array_append_val (item->links, link);
        }
    }
}

/**
 * gloss_import_annotations:
 * @store: the library
 * @data: the file's bytes (Web Annotation JSON-LD or Hypothesis JSON)
 * @article_id: the article to put every annotation on, or 0 to find it
 * @out_report: (out caller-allocates): what happened; clear it with
 *   gloss_import_report_clear()
 * @error: return location for a %GLOSS_ERROR: %GLOSS_ERROR_INVALID_ARGUMENT
 *   for a file Gloss cannot read, %GLOSS_ERROR_NO_ARTICLE when no article
 *   fits (ask the user and call again with @article_id),
 *   %GLOSS_ERROR_NOT_FOUND for an unknown @article_id
 *
 * Imports the annotations of one file, all or none.
 */
gboolean
gloss_import_annotations (GlossStore         *store,
                          GBytes             *data,
                          gint64              article_id,
                          GlossImportReport  *out_report,
                          GError            **error)
{
  g_autoptr(GlossImportFile) file = NULL;
  g_auto(Importer) importer = { 0 };
  GlossImportReport report = { 0 };

  g_return_val_if_fail (GLOSS_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (out_report != NULL, FALSE);

  memset (out_report, 0, sizeof *out_report);
  file = gloss_import_file_parse (data, error);
  if (file == NULL)
    return FALSE;

  importer.store = store;
  importer.file = file;
  importer.article_id = article_id;
  importer.articles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, candidate_free);
  report.article_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  report.skipped = file->skipped;

  if ((article_id > 0 && get_candidate (&importer, article_id, error) == NULL) ||
      !find_record_articles (&importer, error) ||
      !make_annotations (&importer, &report, error))
    goto failed;

  resolve_links (&importer);
  if (!gloss_store_add_imported_annotations (store, (GlossImportedAnnotation *) (gpointer) importer.items->data,
                                             importer.items->len, error))
    goto failed;

  report.imported = importer.items->len;
  *out_report = report;
  return TRUE;

failed:
  gloss_import_report_clear (&report);
  return FALSE;
}
