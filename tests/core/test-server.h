/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A real HTTP(S) server on 127.0.0.1 for the tests of fetching: libsoup's
 * SoupServer on a thread of its own, so the code under test can make
 * blocking requests from the test's thread.  Pages are served from a table
 * the test fills; every request is counted. */

#include <libsoup/soup.h>

typedef struct _TestServer TestServer;

typedef struct
{
  guint status;
  char *content_type;     /* full header value, or NULL for none */
  GBytes *body;
  char *etag;             /* answers 304 to a matching If-None-Match */
  char *last_modified;
  char *location;         /* for redirects */
  gboolean gzip;          /* sent with Content-Encoding: gzip */
  gboolean chunked;       /* no Content-Length */
  gboolean never_answer;  /* holds the request until the server stops */
} TestPage;

TestServer *test_server_start       (gboolean     https,
                                     GError     **error);
void        test_server_stop        (TestServer  *server);
char       *test_server_url         (TestServer  *server,
                                     const char  *path);
void        test_server_set_page    (TestServer  *server,
                                     const char  *path,
                                     const TestPage *page);
void        test_server_set_html    (TestServer  *server,
                                     const char  *path,
                                     const char  *html,
                                     const char  *etag);
guint       test_server_n_requests  (TestServer  *server);
const char *test_server_last_header (TestServer  *server,
                                     const char  *name);
