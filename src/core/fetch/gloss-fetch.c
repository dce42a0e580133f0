/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-fetch"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "gloss-error.h"
#include "gloss-fetch.h"

/*
 * One GET per hop, redirects followed here rather than by libsoup so that
 * their number is ours to limit, a loop is named as such, and the final
 * address is known.  A session lives for one fetch: libsoup sessions
 * belong to the thread that made them, and the app fetches on a worker.
 */

#define USER_AGENT "Gloss/" PACKAGE_VERSION " (article reader; one page, on the user’s request)"
#define ACCEPT "text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8"
#define READ_CHUNK 65536

void
gloss_fetch_options_init (GlossFetchOptions *options,
                          gboolean           network_allowed)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->network_allowed = network_allowed;
  options->max_bytes = (gsize) GLOSS_DEFAULT_MAX_INPUT_MIB * 1024 * 1024;
  options->timeout_seconds = 30;
  options->max_redirects = 5;
}

/**
 * gloss_fetch_network_allowed_from_env:
 *
 * Returns: %FALSE when `GLOSS_OFFLINE` is set to anything but "" or "0",
 *   the switch scripts and tests use to keep `gloss-cli` off the network
 */
gboolean
gloss_fetch_network_allowed_from_env (void)
{
  const char *offline = g_getenv ("GLOSS_OFFLINE");

  return offline == NULL || offline[0] == '\0' || g_str_equal (offline, "0");
}

void
gloss_fetch_result_free (GlossFetchResult *result)
{
  if (result == NULL)
    return;
  gloss_provenance_free (result->provenance);
  g_clear_pointer (&result->body, g_bytes_unref);
  g_free (result->charset);
  g_free (result);
}

static GUri *
parse_web_address (const char  *url,
                   GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  const char *scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;

  if (uri == NULL || scheme == NULL || g_uri_get_host (uri) == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a web address (http:// or https://)"), url);
      return NULL;
    }
  return g_steal_pointer (&uri);
}

/* Turns what libsoup or GIO said into a message about the site; a
 * cancellation stays G_IO_ERROR_CANCELLED so callers can tell. */
static void
set_network_error (GError         **error,
                   GError          *cause,
                   GUri            *uri,
                   const GlossFetchOptions *options)
{
  const char *host = g_uri_get_host (uri);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (cause));
  else if (cause->domain == G_TLS_ERROR)
    g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NETWORK,
                 _("The security certificate of %s could not be verified, so Gloss did not read "
                   "the page (%s)"), host, cause->message);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NETWORK,
                 _("%s did not answer within %u seconds"), host, options->timeout_seconds);
  else if (cause->domain == G_RESOLVER_ERROR)
    g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NETWORK,
                 _("Could not find the site %s (%s)"), host, cause->message);
  else
    g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NETWORK,
                 _("Could not read the page from %s (%s)"), host, cause->message);
}

static GlossDocumentKind
classify_content_type (const char  *content_type,
                       GError     **error)
{
  if (content_type == NULL || g_str_equal (content_type, "application/octet-stream"))
    return GLOSS_DOCUMENT_UNKNOWN;
  if (g_ascii_strcasecmp (content_type, "text/html") == 0 ||
      g_ascii_strcasecmp (content_type, "application/xhtml+xml") == 0)
    return GLOSS_DOCUMENT_HTML;
  if (g_ascii_strcasecmp (content_type, "text/plain") == 0)
    return GLOSS_DOCUMENT_TEXT;
  if (g_ascii_strcasecmp (content_type, "application/pdf") == 0)
    return GLOSS_DOCUMENT_PDF;

  if (g_str_has_prefix (content_type, "image/"))
    g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED,
                 _("The link leads to an image (%s), not to a page Gloss can read"), content_type);
  else if (g_str_has_prefix (content_type, "video/") || g_str_has_prefix (content_type, "audio/"))
    g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED,
                 _("The link leads to a recording (%s), not to a page Gloss can read"),
                 content_type);
  else
    g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED,
                 _("The link leads to a document of type %s, not to a page Gloss can read"),
                 content_type);
  return GLOSS_DOCUMENT_UNKNOWN;
}

static void
set_too_large (GError **error,
               gsize    max_bytes)
{
  g_autofree char *limit = g_format_size (max_bytes);

  g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_TOO_LARGE,
               _("The page is larger than %s, the most Gloss reads"), limit);
}

/* @total is the size the server announced, 0 when it did not (or sent
 * it compressed): the caller's progress then only counts. */
static GBytes *
read_body (GInputStream             *stream,
           const GlossFetchOptions  *options,
           guint64                   total,
           GCancellable             *cancellable,
           GError                  **error)
{
  g_autoptr(GByteArray) body = g_byte_array_new ();
  gsize max_bytes = options->max_bytes;

  for (;;)
    {
      gsize old_len = body->len;
      gsize bytes_read = 0;

      g_byte_array_set_size (body, old_len + READ_CHUNK);
      if (!g_input_stream_read_all (stream, body->data + old_len, READ_CHUNK, &bytes_read,
                                    cancellable, error))
        return NULL;
      g_byte_array_set_size (body, old_len + bytes_read);
      if (options->progress != NULL)
        options->progress (body->len, total, options->progress_data);
      /* Counted after gzip is undone, so a small compressed body that
       * unpacks to gigabytes stops here too. */
      if (body->len > max_bytes)
        {
          set_too_large (error, max_bytes);
          return NULL;
        }
      if (bytes_read < READ_CHUNK)
        break;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&body));
}

static char *
dup_header (SoupMessageHeaders *headers,
            const char         *name)
{
  return g_strdup (soup_message_headers_get_one (headers, name));
}

static GlossProvenance *
make_provenance (const char *url,
                 GUri       *final,
                 SoupMessage *message)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GlossProvenance *provenance = gloss_provenance_new ();

  provenance->requested_url = g_strdup (url);
  provenance->final_url = g_uri_to_string (final);
  provenance->fetched_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  provenance->http_status = soup_message_get_status (message);
  provenance->date = dup_header (headers, "Date");
  provenance->last_modified = dup_header (headers, "Last-Modified");
  provenance->etag = dup_header (headers, "ETag");
  provenance->content_type = dup_header (headers, "Content-Type");
  return provenance;
}

static SoupSession *
new_session (const GlossFetchOptions *options)
{
  SoupSession *session;

  session = soup_session_new_with_options ("user-agent", USER_AGENT,
                                           "timeout", options->timeout_seconds,
                                           "idle-timeout", options->timeout_seconds,
                                           NULL);
  if (options->tls_database != NULL)
    soup_session_set_tls_database (session, options->tls_database);
  if (!soup_session_has_feature (session, SOUP_TYPE_CONTENT_DECODER))
    soup_session_add_feature_by_type (session, SOUP_TYPE_CONTENT_DECODER);
  return session;
}

/* Sends one GET for @uri without following redirects. */
static GInputStream *
send_one (SoupSession              *session,
          GUri                     *uri,
          const GlossFetchOptions  *options,
          SoupMessage             **out_message,
          GCancellable             *cancellable,
          GError                  **error)
{
  g_autoptr(SoupMessage) message = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
  g_autoptr(GError) local_error = NULL;
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);
  GInputStream *stream;

  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  soup_message_headers_replace (headers, "Accept", ACCEPT);
  if (options->if_none_match != NULL)
    soup_message_headers_replace (headers, "If-None-Match", options->if_none_match);
  if (options->if_modified_since != NULL)
    soup_message_headers_replace (headers, "If-Modified-Since", options->if_modified_since);

  stream = soup_session_send (session, message, cancellable, &local_error);
  if (stream == NULL)
    {
      set_network_error (error, local_error, uri, options);
      return NULL;
    }
  *out_message = g_steal_pointer (&message);
  return stream;
}

static gboolean
is_redirect (guint status)
{
  return status == SOUP_STATUS_MOVED_PERMANENTLY || status == SOUP_STATUS_FOUND ||
         status == SOUP_STATUS_SEE_OTHER || status == SOUP_STATUS_TEMPORARY_REDIRECT ||
         status == SOUP_STATUS_PERMANENT_REDIRECT;
}

/* Returns where the redirect in @message leads, checked against the limit
 * and the addresses already visited. */
static GUri *
follow_redirect (SoupMessage              *message,
                 GUri                     *current,
                 GHashTable               *seen,
                 const GlossFetchOptions  *options,
                 GError                  **error)
{
  const char *location;
  g_autoptr(GUri) next = NULL;
  g_autofree char *next_string = NULL;
  g_autofree char *current_string = g_uri_to_string (current);

  location = soup_message_headers_get_one (soup_message_get_response_headers (message),
                                           "Location");
  if (location != NULL)
    next = g_uri_parse_relative (current, location, SOUP_HTTP_URI_FLAGS, NULL);
  if (next == NULL)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NETWORK,
                   _("%s redirects without saying where to"), current_string);
      return NULL;
    }

  next_string = g_uri_to_string (next);
  if (g_ascii_strcasecmp (g_uri_get_scheme (next), "http") != 0 &&
      g_ascii_strcasecmp (g_uri_get_scheme (next), "https") != 0)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NETWORK,
                   _("%s redirects to “%s”, which is not a web address"),
                   current_string, next_string);
      return NULL;
    }
  if (g_hash_table_contains (seen, next_string))
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NETWORK,
                   _("The link redirects in a loop (back to %s)"), next_string);
      return NULL;
    }
  if (g_hash_table_size (seen) > options->max_redirects)
    {
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NETWORK,
                   _("The link redirects more than %u times"), options->max_redirects);
      return NULL;
    }

  g_hash_table_add (seen, g_steal_pointer (&next_string));
  return g_steal_pointer (&next);
}

/**
 * gloss_fetch:
 * @url: an http or https address
 * @options: what is allowed (start from gloss_fetch_options_init())
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a %GLOSS_ERROR (or %G_IO_ERROR_CANCELLED)
 *
 * Downloads the one document @url leads to, following redirects, and
 * records where it came from.  Blocks: call it from a worker, or use
 * gloss_fetch_async().  With @options->network_allowed %FALSE nothing at
 * all is sent.
 *
 * Returns: (transfer full): the document and its provenance, or %NULL
 *   with @error set
 */
GlossFetchResult *
gloss_fetch (const char               *url,
             const GlossFetchOptions  *options,
             GCancellable             *cancellable,
             GError                  **error)
{
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GUri) current = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GlossFetchResult) result = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(GError) local_error = NULL;
  SoupMessageHeaders *headers;
  const char *content_type;
  guint status;

  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!options->network_allowed)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_OFFLINE,
                           _("The network is turned off in Gloss’s preferences, so nothing was "
                             "downloaded"));
      return NULL;
    }

  current = parse_web_address (url, error);
  if (current == NULL)
    return NULL;

  session = new_session (options);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (seen, g_uri_to_string (current));

  for (;;)
    {
      GUri *next;

      g_clear_object (&message);
      g_clear_object (&stream);
      stream = send_one (session, current, options, &message, cancellable, error);
      if (stream == NULL)
        return NULL;
      if (!is_redirect (soup_message_get_status (message)))
        break;

      g_input_stream_close (stream, NULL, NULL);
      next = follow_redirect (message, current, seen, options, error);
      if (next == NULL)
        return NULL;
      g_uri_unref (current);
      current = next;
    }

  status = soup_message_get_status (message);
  headers = soup_message_get_response_headers (message);
  result = g_new0 (GlossFetchResult, 1);
  result->provenance = make_provenance (url, current, message);

  if (status == SOUP_STATUS_NOT_MODIFIED)
    {
      result->not_modified = TRUE;
      return g_steal_pointer (&result);
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      const char *phrase = soup_message_get_reason_phrase (message);

      if (phrase == NULL || phrase[0] == '\0')
        phrase = soup_status_get_phrase (status);
      g_set_error (error, GLOSS_ERROR, GLOSS_ERROR_NETWORK,
                   _("The site answered “%u %s” for %s"), status, phrase != NULL ? phrase : "",
                   result->provenance->final_url);
      return NULL;
    }

  content_type = soup_message_headers_get_content_type (headers, &params);
  result->kind = classify_content_type (content_type, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (params != NULL && g_hash_table_lookup (params, "charset") != NULL)
    result->charset = g_strdup (g_hash_table_lookup (params, "charset"));

  /* Refused before reading when the server says the size up front. */
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_one (headers, "Content-Encoding") == NULL &&
      (guint64) soup_message_headers_get_content_length (headers) > options->max_bytes)
    {
      set_too_large (error, options->max_bytes);
      return NULL;
    }

  result->body = read_body (stream, options,
                            soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH
                            && soup_message_headers_get_one (headers, "Content-Encoding") == NULL
                            ? (guint64) soup_message_headers_get_content_length (headers) : 0,
                            cancellable, &local_error);
  if (result->body == NULL)
    {
      if (local_error->domain == GLOSS_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_network_error (error, local_error, current, options);
      return NULL;
    }
  g_input_stream_close (stream, NULL, NULL);

  result->provenance->size = g_bytes_get_size (result->body);
  result->provenance->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, result->body);
  return g_steal_pointer (&result);
}

/**
 * gloss_fetch_result_dup_utf8:
 * @result: a fetched web page or text
 *
 * The body for extraction.  A legacy charset declared only in the HTTP
 * header is lost once the bytes are stored as a file would be, so such a
 * body is converted to UTF-8 here; the provenance keeps the SHA-256 of the
 * bytes as they came.
 *
 * Returns: (transfer full): the bytes to extract
 */
GBytes *
gloss_fetch_result_dup_utf8 (GlossFetchResult *result)
{
  const char *data;
  gsize length;
  char *converted;
  gsize written = 0;

  g_return_val_if_fail (result != NULL && result->body != NULL, NULL);

  data = g_bytes_get_data (result->body, &length);
  if (result->kind == GLOSS_DOCUMENT_PDF || result->charset == NULL ||
      g_ascii_strcasecmp (result->charset, "utf-8") == 0 ||
      g_utf8_validate (data, length, NULL))
    return g_bytes_ref (result->body);

  converted = g_convert_with_fallback (data, length, "UTF-8", result->charset, NULL, NULL,
                                       &written, NULL);
  if (converted == NULL)
    return g_bytes_ref (result->body);
  return g_bytes_new_take (converted, written);
}

typedef struct
{
  char *url;
  GlossFetchOptions options;
  char *if_none_match;
  char *if_modified_since;
} FetchData;

static void
fetch_data_free (FetchData *data)
{
  g_free (data->url);
  g_free (data->if_none_match);
  g_free (data->if_modified_since);
  g_clear_object (&data->options.tls_database);
  g_free (data);
}

static void
fetch_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  FetchData *data = task_data;
  GError *error = NULL;
  GlossFetchResult *result;

  result = gloss_fetch (data->url, &data->options, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) gloss_fetch_result_free);
}

/**
 * gloss_fetch_async:
 *
 * gloss_fetch() on a worker thread; @options is copied.
 */
void
gloss_fetch_async (const char               *url,
                   const GlossFetchOptions  *options,
                   GCancellable             *cancellable,
                   GAsyncReadyCallback       callback,
                   gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  FetchData *data;

  g_return_if_fail (url != NULL);
  g_return_if_fail (options != NULL);

  data = g_new0 (FetchData, 1);
  data->url = g_strdup (url);
  data->options = *options;
  data->if_none_match = g_strdup (options->if_none_match);
  data->if_modified_since = g_strdup (options->if_modified_since);
  data->options.if_none_match = data->if_none_match;
  data->options.if_modified_since = data->if_modified_since;
  if (options->tls_database != NULL)
    g_object_ref (options->tls_database);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_fetch_async);
  g_task_set_task_data (task, data, (GDestroyNotify) fetch_data_free);
  g_task_run_in_thread (task, fetch_thread);
}

GlossFetchResult *
gloss_fetch_finish (GAsyncResult  *result,
                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
