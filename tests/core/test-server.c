/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-server"

#include "config.h"

#include <glib/gstdio.h>

#include "test-server.h"

struct _TestServer
{
  GThread *thread;
  GMainContext *context;
  GMainLoop *loop;
  SoupServer *server;
  GTlsCertificate *certificate;
  char *base;
  GError *error;
  GMutex lock;
  GCond ready;
  gboolean started;
  GHashTable *pages;      /* path → TestPage */
  GHashTable *headers;    /* last request's headers, lower-case name → value */
  GPtrArray *held;        /* SoupServerMessage never answered */
  guint n_requests;
};

static void
test_page_free (TestPage *page)
{
  g_free (page->content_type);
  g_clear_pointer (&page->body, g_bytes_unref);
  g_free (page->etag);
  g_free (page->last_modified);
  g_free (page->location);
  g_free (page);
}

static GBytes *
gzip_bytes (GBytes *bytes)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 6);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  gsize length;
  const void *data = g_bytes_get_data (bytes, &length);

  g_assert_true (g_output_stream_write_all (out, data, length, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static void
remember_header (const char *name,
                 const char *value,
                 gpointer    user_data)
{
  GHashTable *headers = user_data;

  g_hash_table_insert (headers, g_ascii_strdown (name, -1), g_strdup (value));
}

static void
handle (SoupServer        *soup_server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  TestServer *server = user_data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (message);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (message);
  TestPage *page;
  const char *if_none_match;

  g_mutex_lock (&server->lock);
  server->n_requests++;
  g_hash_table_remove_all (server->headers);
  soup_message_headers_foreach (request, remember_header, server->headers);
  page = g_hash_table_lookup (server->pages, path);

  if (page == NULL)
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      soup_server_message_set_response (message, "text/html", SOUP_MEMORY_STATIC,
                                        "<p>Not here</p>", 15);
      goto out;
    }
  if (page->never_answer)
    {
      soup_server_message_pause (message);
      g_ptr_array_add (server->held, g_object_ref (message));
      goto out;
    }

  if (page->etag != NULL)
    soup_message_headers_replace (response, "ETag", page->etag);
  if (page->last_modified != NULL)
    soup_message_headers_replace (response, "Last-Modified", page->last_modified);
  if_none_match = soup_message_headers_get_one (request, "If-None-Match");
  if (page->etag != NULL && if_none_match != NULL && g_str_equal (if_none_match, page->etag))
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_MODIFIED, NULL);
      goto out;
    }

  soup_server_message_set_status (message, page->status, NULL);
  if (page->location != NULL)
    soup_message_headers_replace (response, "Location", page->location);
  if (page->content_type != NULL)
    soup_message_headers_replace (response, "Content-Type", page->content_type);
  if (page->chunked)
    soup_message_headers_set_encoding (response, SOUP_ENCODING_CHUNKED);
  if (page->body != NULL)
    {
      g_autoptr(GBytes) body = page->gzip ? gzip_bytes (page->body) : g_bytes_ref (page->body);

      if (page->gzip)
        soup_message_headers_replace (response, "Content-Encoding", "gzip");
      soup_message_body_append_bytes (soup_server_message_get_response_body (message), body);
    }
  if (page->chunked)
    soup_message_body_complete (soup_server_message_get_response_body (message));

out:
  g_mutex_unlock (&server->lock);
}

static gpointer
server_thread (gpointer data)
{
  TestServer *server = data;
  GSList *uris;

  g_main_context_push_thread_default (server->context);
  server->server = soup_server_new ("tls-certificate", server->certificate, NULL);
  soup_server_add_handler (server->server, NULL, handle, server, NULL);
  if (soup_server_listen_local (server->server, 0,
                                SOUP_SERVER_LISTEN_IPV4_ONLY |
                                (server->certificate != NULL ? SOUP_SERVER_LISTEN_HTTPS : 0),
                                &server->error))
    {
      uris = soup_server_get_uris (server->server);
      server->base = g_uri_to_string (uris->data);
      g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
    }

  g_mutex_lock (&server->lock);
  server->started = TRUE;
  g_cond_signal (&server->ready);
  g_mutex_unlock (&server->lock);

  if (server->error == NULL)
    g_main_loop_run (server->loop);

  /* Requests held on purpose are let go, so the client sees the
   * connection close, not a hang. */
  for (guint i = 0; i < server->held->len; i++)
    {
      SoupServerMessage *message = g_ptr_array_index (server->held, i);

      soup_server_message_set_status (message, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      soup_server_message_unpause (message);
    }
  g_ptr_array_set_size (server->held, 0);
  soup_server_disconnect (server->server);
  g_clear_object (&server->server);
  while (g_main_context_iteration (server->context, FALSE))
    ;
  g_main_context_pop_thread_default (server->context);
  return NULL;
}

/* A self-signed certificate for 127.0.0.1, made now with openssl. */
static GTlsCertificate *
make_certificate (GError **error)
{
  g_autofree char *dir = g_dir_make_tmp ("gloss-tls-XXXXXX", error);
  g_autofree char *key = NULL;
  g_autofree char *cert = NULL;
  g_autofree char *err = NULL;
  GTlsCertificate *certificate;
  int status = 0;

  if (dir == NULL)
    return NULL;
  key = g_build_filename (dir, "key.pem", NULL);
  cert = g_build_filename (dir, "cert.pem", NULL);
  {
    const char *argv[] = { "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                           "-keyout", key, "-out", cert, "-days", "1",
                           "-subj", "/CN=127.0.0.1", NULL };

    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                       G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, error) ||
        !g_spawn_check_wait_status (status, error))
      return NULL;
  }
  certificate = g_tls_certificate_new_from_files (cert, key, error);
  g_unlink (key);
  g_unlink (cert);
  g_rmdir (dir);
  return certificate;
}

TestServer *
test_server_start (gboolean   https,
                   GError   **error)
{
  TestServer *server = g_new0 (TestServer, 1);

  if (https)
    {
      server->certificate = make_certificate (error);
      if (server->certificate == NULL)
        {
          g_free (server);
          return NULL;
        }
    }

  g_mutex_init (&server->lock);
  g_cond_init (&server->ready);
  server->context = g_main_context_new ();
  server->loop = g_main_loop_new (server->context, FALSE);
  server->pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) test_page_free);
  server->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  server->held = g_ptr_array_new_with_free_func (g_object_unref);
  server->thread = g_thread_new ("test-server", server_thread, server);

  g_mutex_lock (&server->lock);
  while (!server->started)
    g_cond_wait (&server->ready, &server->lock);
  g_mutex_unlock (&server->lock);

  if (server->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&server->error));
      test_server_stop (server);
      return NULL;
    }
  return server;
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

void
test_server_stop (TestServer *server)
{
  g_main_context_invoke (server->context, quit_loop, server->loop);
  g_thread_join (server->thread);
  g_main_loop_unref (server->loop);
  g_main_context_unref (server->context);
  g_clear_object (&server->certificate);
  g_hash_table_unref (server->pages);
  g_hash_table_unref (server->headers);
  g_ptr_array_unref (server->held);
  g_mutex_clear (&server->lock);
  g_cond_clear (&server->ready);
  g_free (server->base);
  g_free (server);
}

char *
test_server_url (TestServer *server,
                 const char *path)
{
  g_assert_true (path[0] == '/');
  /* base ends with "/" */
  return g_strconcat (server->base, path + 1, NULL);
}

void
test_server_set_page (TestServer     *server,
                      const char     *path,
                      const TestPage *page)
{
  TestPage *copy = g_memdup2 (page, sizeof *page);

  copy->content_type = g_strdup (page->content_type);
  copy->body = page->body != NULL ? g_bytes_ref (page->body) : NULL;
  copy->etag = g_strdup (page->etag);
  copy->last_modified = g_strdup (page->last_modified);
  copy->location = g_strdup (page->location);
  if (copy->status == 0)
    copy->status = SOUP_STATUS_OK;

  g_mutex_lock (&server->lock);
  g_hash_table_insert (server->pages, g_strdup (path), copy);
  g_mutex_unlock (&server->lock);
}

void
test_server_set_html (TestServer *server,
                      const char *path,
                      const char *html,
                      const char *etag)
{
  g_autoptr(GBytes) body = g_bytes_new (html, strlen (html));
  TestPage page = { 0 };

  page.content_type = (char *) "text/html; charset=utf-8";
  page.body = body;
  page.etag = (char *) etag;
  page.last_modified = (char *) "Mon, 07 Dec 2026 09:00:00 GMT";
  test_server_set_page (server, path, &page);
}

guint
test_server_n_requests (TestServer *server)
{
  guint n;

  g_mutex_lock (&server->lock);
  n = server->n_requests;
  g_mutex_unlock (&server->lock);
  return n;
}

/* Borrowed until the next request. */
const char *
test_server_last_header (TestServer *server,
                         const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  const char *value;

  g_mutex_lock (&server->lock);
  value = g_hash_table_lookup (server->headers, lower);
  g_mutex_unlock (&server->lock);
  return value;
}
