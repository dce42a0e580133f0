/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * What every test program shares, whatever it tests: temporary folders for
 * a library and their removal, the one warning that is let pass, and waits
 * on the main loop that end with a message saying what was awaited rather
 * than in the suite's time-out.  GLib only; seeding a library through the
 * store is in test-seed.h.
 */

#include <glib.h>

G_BEGIN_DECLS

/* Temporary folders */

char *gloss_test_dir_new          (void);
char *gloss_test_library_dir_new  (char       **out_path);
void  gloss_test_remove_tree      (const char  *path);
char *gloss_test_file_sha256      (const char  *path);

/* Warnings */

void  gloss_test_init             (int         *argc,
                                   char      ***argv);
void  gloss_test_tolerate_known_warning (void);

/* Bounded waits */

typedef struct
{
  guint    source;
  guint    poll_source;
  gboolean expired;
  guint    seconds;
} GlossTestWait;

guint gloss_test_wait_seconds     (void);
void  gloss_test_wait_start       (GlossTestWait *wait,
                                   guint          poll_interval_ms);
void  gloss_test_wait_iterate     (GlossTestWait *wait,
                                   const char    *file,
                                   int            line,
                                   const char    *func,
                                   const char    *format,
                                   ...) G_GNUC_PRINTF (5, 6);
void  gloss_test_wait_finish      (GlossTestWait *wait);

/*
 * Runs the default main context until @condition holds; when it has not
 * after gloss_test_wait_seconds(), the test fails with the printf-style
 * message that follows, e.g.
 *
 *   gloss_test_wait_until (!gloss_window_get_loading (window),
 *                          "the window to read %s", path);
 *
 * says "timed out after 90 s waiting for the window to read …".
 */
#define gloss_test_wait_until(condition, ...) \
  G_STMT_START \
    { \
      GlossTestWait gloss_test_wait_; \
      gloss_test_wait_start (&gloss_test_wait_, 0); \
      while (!(condition)) \
        gloss_test_wait_iterate (&gloss_test_wait_, __FILE__, __LINE__, G_STRFUNC, __VA_ARGS__); \
      gloss_test_wait_finish (&gloss_test_wait_); \
    } \
  G_STMT_END

/*
 * gloss_test_wait_until() for state that no event of the main context
 * announces (a file another thread or process writes): @condition is
 * checked again every 10 ms.
 */
#define gloss_test_poll_until(condition, ...) \
  G_STMT_START \
    { \
      GlossTestWait gloss_test_wait_; \
      gloss_test_wait_start (&gloss_test_wait_, 10); \
      while (!(condition)) \
        gloss_test_wait_iterate (&gloss_test_wait_, __FILE__, __LINE__, G_STRFUNC, __VA_ARGS__); \
      gloss_test_wait_finish (&gloss_test_wait_); \
    } \
  G_STMT_END

G_END_DECLS
