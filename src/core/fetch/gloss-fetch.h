/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gloss-provenance.h"

G_BEGIN_DECLS

/*
 * The only place in the core that touches the network (DESIGN.md §10):
 * one document, asked for by its link, comes back as bytes with where they
 * came from.  Nothing a page refers to (scripts, images, styles, frames) is
 * ever requested.
 */

/**
 * GlossFetchOptions:
 * @network_allowed: whether a request may be made at all; when %FALSE,
 *   gloss_fetch() fails with %GLOSS_ERROR_OFFLINE before any connection
 * @max_bytes: refuse a body larger than this (after gzip)
 * @timeout_seconds: give up on a connection idle this long
 * @max_redirects: follow at most this many redirects
 * @if_none_match: (nullable): an ETag from an earlier fetch
 * @if_modified_since: (nullable): a `Last-Modified` from an earlier fetch
 * @tls_database: (nullable): certificates to trust; %NULL for the system's
 * @progress: (nullable): told how much of the body has come in, to show
 *   a download's progress
 * @progress_data: for @progress
 *
 * Start from gloss_fetch_options_init(), which needs the caller to say
 * whether the network may be used (the app's preference, the CLI's
 * `--offline` or `GLOSS_OFFLINE`).
 */
/**
 * GlossFetchProgressFunc:
 * @received: bytes of the body read so far
 * @total: the body's size as the server announced it, or 0 when unknown
 * @user_data: the options' @progress_data
 *
 * Called on the thread that fetches, after each piece of the body.
 */
typedef void (*GlossFetchProgressFunc) (guint64  received,
                                        guint64  total,
                                        gpointer user_data);

typedef struct
{
  gboolean network_allowed;
  gsize max_bytes;
  guint timeout_seconds;
  guint max_redirects;
  const char *if_none_match;
  const char *if_modified_since;
  GTlsDatabase *tls_database;
  GlossFetchProgressFunc progress;
  gpointer progress_data;
} GlossFetchOptions;

/**
 * GlossDocumentKind:
 * @GLOSS_DOCUMENT_UNKNOWN: no usable `Content-Type`: the content decides
 * @GLOSS_DOCUMENT_HTML: a web page
 * @GLOSS_DOCUMENT_TEXT: plain text, read by the copied-text path
 * @GLOSS_DOCUMENT_PDF: a PDF document
 */
typedef enum
{
  GLOSS_DOCUMENT_UNKNOWN,
  GLOSS_DOCUMENT_HTML,
  GLOSS_DOCUMENT_TEXT,
  GLOSS_DOCUMENT_PDF,
} GlossDocumentKind;

/**
 * GlossFetchResult:
 * @provenance: where the bytes came from
 * @body: (nullable): the document's bytes (gzip undone); %NULL when
 *   @not_modified
 * @not_modified: the server answered 304 to a conditional request
 * @kind: what the `Content-Type` says the document is
 * @charset: (nullable): the charset the `Content-Type` declares
 */
typedef struct
{
  GlossProvenance *provenance;
  GBytes *body;
  gboolean not_modified;
  GlossDocumentKind kind;
  char *charset;
} GlossFetchResult;

void              gloss_fetch_options_init       (GlossFetchOptions        *options,
                                                  gboolean                  network_allowed);
gboolean          gloss_fetch_network_allowed_from_env (void);
GlossFetchResult *gloss_fetch                    (const char               *url,
                                                  const GlossFetchOptions  *options,
                                                  GCancellable             *cancellable,
                                                  GError                  **error);
void              gloss_fetch_async              (const char               *url,
                                                  const GlossFetchOptions  *options,
                                                  GCancellable             *cancellable,
                                                  GAsyncReadyCallback       callback,
                                                  gpointer                  user_data);
GlossFetchResult *gloss_fetch_finish             (GAsyncResult             *result,
                                                  GError                  **error);
GBytes           *gloss_fetch_result_dup_utf8    (GlossFetchResult         *result);
void              gloss_fetch_result_free        (GlossFetchResult         *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossFetchResult, gloss_fetch_result_free)

G_END_DECLS
