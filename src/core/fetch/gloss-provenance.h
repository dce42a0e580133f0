/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * GlossProvenance:
 * @requested_url: (nullable): the link the user asked for
 * @final_url: (nullable): where it led after redirects
 * @fetched_at: (nullable): when the bytes were received (ISO 8601, UTC)
 * @http_status: the HTTP status of the final answer; 0 for a file
 * @date: (nullable): the answer's `Date` header, as sent
 * @last_modified: (nullable): its `Last-Modified` header, as sent
 * @etag: (nullable): its `ETag` header, as sent
 * @content_type: (nullable): its `Content-Type` header, as sent
 * @sha256: (nullable): the SHA-256 of the bytes received (hex)
 * @size: how many bytes were received (after any gzip)
 * @file_name: (nullable): the local file a document came from
 * @n_pages: a PDF's page count; 0 otherwise
 *
 * Where one stored version of an article came from.  Stored with it as a
 * JSON object (gloss_provenance_to_json()), so a later field does not need
 * a schema change.
 */
typedef struct
{
  char *requested_url;
  char *final_url;
  char *fetched_at;
  guint http_status;
  char *date;
  char *last_modified;
  char *etag;
  char *content_type;
  char *sha256;
  guint64 size;
  char *file_name;
  guint n_pages;
} GlossProvenance;

#define GLOSS_TYPE_PROVENANCE (gloss_provenance_get_type ())
GType            gloss_provenance_get_type  (void) G_GNUC_CONST;
GlossProvenance *gloss_provenance_new       (void);
GlossProvenance *gloss_provenance_copy      (const GlossProvenance *provenance);
void             gloss_provenance_free      (GlossProvenance       *provenance);
void             gloss_provenance_add_json  (const GlossProvenance *provenance,
                                             JsonBuilder           *builder);
char            *gloss_provenance_to_json   (const GlossProvenance *provenance);
GlossProvenance *gloss_provenance_from_json (const char            *json);
const char      *gloss_provenance_get_link  (const GlossProvenance *provenance);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossProvenance, gloss_provenance_free)

G_END_DECLS
