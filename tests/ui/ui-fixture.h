/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * What the ui tests share: the start of main() (GTK on the Xvfb display,
 * or a skip without one), a library of a test's own in a temporary folder,
 * windows shown and destroyed with the main loop run until they are, a
 * painted frame, keys, drops and pixels.  Everything waits on an event,
 * never on the clock, except ui_run_main_loop_for().
 *
 * GLOSS_TEST_DATA comes from tests/ui/meson.build.
 */

#include <stdlib.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "gloss-annotation-model.h"
#include "gloss-application.h"
#include "gloss-window.h"

/*
 * The ui tests run with G_DEBUG=fatal-warnings, so any warning fails them.
 * One warning is GTK 4.8's own and harmless: on a loaded machine a popover
 * or scroll bar part (a GtkGizmo) can be drawn in the frame before its
 * first allocation, and GTK says "Trying to snapshot GtkGizmo … without a
 * current allocation" (fixed in later GTK releases).  Exactly that message
 * is written and let pass; every other one stays fatal.
 */

static inline GLogWriterOutput
gloss_test_log_writer (GLogLevelFlags   log_level,
                       const GLogField *fields,
                       gsize            n_fields,
                       gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length == -1
        && g_str_has_prefix (fields[i].value, "Trying to snapshot GtkGizmo ")
        && g_str_has_suffix (fields[i].value, " without a current allocation"))
      {
        g_printerr ("# GTK 4.8 (let pass): %s\n", (const char *) fields[i].value);
        return G_LOG_WRITER_HANDLED;
      }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static inline void
gloss_test_let_gtk_gizmo_warning_pass (void)
{
  g_log_set_writer_func (gloss_test_log_writer, NULL, NULL);
}

/* The start of main() */

typedef enum
{
  UI_TEST_DEFAULT = 0,
  /* GTK's test accessibility backend: accessible names and properties can
   * be read back, and no session bus is needed. */
  UI_TEST_ACCESSIBLE = 1 << 0,
  /* libadwaita set up as a GlossApplication would, for tests of windows
   * and widgets without one. */
  UI_TEST_ADWAITA = 1 << 1,
  /* The application's style.css on the display, as AdwApplication would
   * load it from the resources (libadwaita set up too). */
  UI_TEST_APP_STYLE = 1 << 2,
} UiTestFlags;

static inline void
ui_test_no_display (void)
{
  g_test_skip ("no display (run under xvfb-run)");
}

/*
 * Starts a ui test's main(): GLib's test framework, GTK on the display and
 * what @flags ask for.  Without a display it adds a single skipped test,
 * @suite_path "/no-display", and returns FALSE: main() then returns
 * g_test_run().  With CI set, a missing display is a failure instead: the
 * process exits with status 1.
 *
 * Not G_TEST_OPTION_ISOLATE_DIRS: it hides the system's GSettings schemas,
 * which GTK and libadwaita read.  Settings are in memory
 * (GSETTINGS_BACKEND, tests/meson.build).
 */
static inline gboolean
ui_test_init (int          *argc,
              char       ***argv,
              const char   *suite_path,
              UiTestFlags   flags)
{
  g_test_init (argc, argv, NULL);
  gloss_test_let_gtk_gizmo_warning_pass ();

  /* Read by gtk_init_check(), so set before it. */
  if (flags & UI_TEST_ACCESSIBLE)
    g_setenv ("GTK_A11Y", "test", TRUE);

  if (!gtk_init_check ())
    {
      g_autofree char *path = g_strconcat (suite_path, "/no-display", NULL);

      if (g_getenv ("CI") != NULL)
        {
          g_printerr ("no display, and CI is set: the ui suite must run under xvfb-run\n");
          exit (1);
        }
      g_test_add_func (path, ui_test_no_display);
      return FALSE;
    }

  if (flags & (UI_TEST_ADWAITA | UI_TEST_APP_STYLE))
    adw_init ();

  if (flags & UI_TEST_APP_STYLE)
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      /* The display keeps its own reference. */
      gtk_css_provider_load_from_resource (provider, "/io/github/glossapp/Gloss/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }

  return TRUE;
}

/* Libraries */

/* Removes @path and everything in it: a library, its -wal and -shm
 * files, its backups folder and whatever a test wrote beside it. */
static inline void
ui_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        ui_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* A new temporary folder named after the test program; returns it, for
 * ui_remove_tree(), and "library.db" in it in @out_path (created by the
 * first gloss_store_open()). */
static inline char *
ui_library_dir_new (char **out_path)
{
  /* g_test_init() names the program by its whole path. */
  g_autofree char *program = g_path_get_basename (g_get_prgname ());
  g_autofree char *template = g_strdup_printf ("gloss-%s-XXXXXX", program);
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  *out_path = g_build_filename (dir, "library.db", NULL);

  return dir;
}

/* Points GLOSS_DB, the library that the application and the tests' own
 * windows open when given none, at one in a new temporary folder, so that
 * the user's is never touched; returns the folder, for ui_remove_tree(). */
static inline char *
ui_use_own_library (void)
{
  g_autofree char *path = NULL;
  char *dir = ui_library_dir_new (&path);

  g_setenv ("GLOSS_DB", path, TRUE);

  return dir;
}

/* A fixture for g_test_add(): a library of the test's own, and the sample
 * article to put in it. */
typedef struct
{
  char *dir;      /* the temporary folder, removed afterwards */
  char *path;     /* library.db in it */
  char *sample;   /* tests/data/nato-huawei.txt */
} UiLibrary;

static inline void
ui_library_set_up (UiLibrary     *library,
                   gconstpointer  data)
{
  library->dir = ui_library_dir_new (&library->path);
  library->sample = g_build_filename (GLOSS_TEST_DATA, "nato-huawei.txt", NULL);
}

static inline void
ui_library_tear_down (UiLibrary     *library,
                      gconstpointer  data)
{
  ui_remove_tree (library->dir);
  g_free (library->dir);
  g_free (library->path);
  g_free (library->sample);
}

static inline GlossStore *
ui_store_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  GlossStore *store = gloss_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

/* Imports @bytes as the file @source_name would be, with the default
 * extraction options; returns the article's id. */
static inline gint64
ui_import_bytes (GlossStore *store,
                 GBytes     *bytes,
                 const char *source_name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = gloss_store_import (store, bytes, source_name, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static inline gint64
ui_import_text (GlossStore *store,
                const char *text,
                const char *source_name)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return ui_import_bytes (store, bytes, source_name);
}

/* Imports the file at @path, under its own name. */
static inline gint64
ui_import_file (GlossStore *store,
                const char *path)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  return ui_import_bytes (store, bytes, name);
}

/* Stores an annotation of @kind on the first @quote of the article, as
 * gloss-cli or another window would; returns its id. */
static inline gint64
ui_store_annotate (GlossStore          *store,
                   gint64               article_id,
                   GlossAnnotationKind  kind,
                   const char          *quote,
                   const char          *speaker)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = gloss_store_load_article (store, article_id, &error);
  g_autoptr(GlossAnchor) anchor = NULL;
  g_autoptr(GlossAnnotation) annotation = NULL;

  g_assert_no_error (error);
  anchor = gloss_anchor_new_for_quote (article, quote, 1, &error);
  g_assert_no_error (error);
  annotation = gloss_annotation_new (kind, anchor);
  gloss_annotation_set_article_id (annotation, article_id);
  gloss_annotation_set_speaker (annotation, speaker);
  g_assert_true (gloss_store_add_annotation (store, annotation, &error));
  g_assert_no_error (error);

  return gloss_annotation_get_id (annotation);
}

/* The main loop */

/* For g_signal_connect_swapped(): the signal sets *@flag. */
static inline void
ui_set_true (gboolean *flag)
{
  *flag = TRUE;
}

static inline void
ui_iterate_until (gboolean *done)
{
  while (!*done)
    g_main_context_iteration (NULL, TRUE);
}

static inline gboolean
ui_timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* For what has no event to wait on, such as the pause an editor waits for
 * before it saves what was typed. */
static inline void
ui_run_main_loop_for (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, ui_timeout_cb, &done);
  ui_iterate_until (&done);
}

/* Waits on the frame clock rather than sleeping: returns once @widget's
 * window has been painted after this call, with styles and layout brought
 * up to date. */
static inline void
ui_wait_for_paint (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (ui_set_true), &painted);
  gtk_widget_queue_draw (widget);
  ui_iterate_until (&painted);
  g_signal_handler_disconnect (clock, handler);
}

/* Scrolls the reader, as with the scroll bar, so that @block's first line
 * is @align of the way down the view (0 at the top, 0.5 in the middle),
 * setting it again each frame until the line holds still: GTK measures
 * the lines above over the first frames, which moves it. */
static inline void
ui_scroll_to_block (GlossWindow *window,
                    guint        block,
                    double       align)
{
  GlossReaderView *view = gloss_window_get_reader_view (window);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  GdkRectangle location = { 0, -1, 0, 0 };
  guint still = 0;

  for (guint i = 0; i < 600 && still < 5; i++)
    {
      int previous_y = location.y;
      GtkTextIter iter;

      g_assert_true (gloss_reader_view_get_iter_for_block (view, block, 0, &iter));
      gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &iter, &location);
      gtk_adjustment_set_value (vadjustment,
                                location.y - gtk_adjustment_get_page_size (vadjustment) * align);
      ui_wait_for_paint (GTK_WIDGET (window));
      still = location.y == previous_y ? still + 1 : 0;
    }
  g_assert_cmpuint (still, ==, 5);
}

/* Windows and the application */

static inline void
ui_wait_until_mapped (GtkWidget *widget)
{
  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
}

/* Shows @window and waits until it is on the display. */
static inline void
ui_present (GtkWindow *window)
{
  gtk_window_present (window);
  ui_wait_until_mapped (GTK_WIDGET (window));
}

/* A Gloss window on @store (or none), shown. */
static inline GlossWindow *
ui_window_new (GtkApplication *application,
               GlossStore     *store)
{
  GlossWindow *window = gloss_window_new (application, store);

  ui_present (GTK_WINDOW (window));

  return window;
}

/* Ends @window with @end and runs the main loop until it is finalized,
 * with whatever it was still doing there. */
static inline void
ui_end_window (GtkWindow *window,
               void     (*end) (GtkWindow *window))
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  end (window);
  while (window != NULL)
    g_main_context_iteration (NULL, TRUE);
}

static inline void
ui_destroy_window (GtkWindow *window)
{
  ui_end_window (window, gtk_window_destroy);
}

/* As its close button does: its ::close-request handlers run (a Gloss
 * window saves its size there). */
static inline void
ui_close_window (GtkWindow *window)
{
  ui_end_window (window, gtk_window_close);
}

/* A GlossApplication of the test's own, registered as gloss registers it
 * (opening files, any number of instances) but not run; registering starts
 * it up, which opens the library in GLOSS_DB.  A second one in the same
 * process needs an @application_id of its own: with a session bus, two of
 * one id cannot export their actions at the same object path. */
static inline GlossApplication *
ui_application_new (const char *application_id)
{
  g_autoptr(GError) error = NULL;
  GlossApplication *application = gloss_application_new ();

  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  if (application_id != NULL)
    g_application_set_application_id (G_APPLICATION (application), application_id);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);

  return application;
}

/* The shown toplevel of @type (a dialog, the preferences), or %NULL. */
static inline GtkWindow *
ui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static inline GtkWindow *
ui_wait_for_toplevel (GType type)
{
  GtkWindow *window;

  while ((window = ui_find_toplevel (type)) == NULL)
    g_main_context_iteration (NULL, TRUE);

  return window;
}

/* Until the window has read the file it was given, or given up on it. */
static inline void
ui_wait_while_loading (GlossWindow *window)
{
  while (gloss_window_get_loading (window))
    g_main_context_iteration (NULL, TRUE);
}

/* Opens @path as the Open action does, and waits until it is read. */
static inline void
ui_open_file (GlossWindow *window,
              const char  *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  gloss_window_open_file (window, file);
  ui_wait_while_loading (window);
}

/* Marks @quote in @block of the window's article through its annotation
 * model, as the Mark actions do; returns the annotation, the model's. */
static inline GlossAnnotation *
ui_annotate (GlossWindow         *window,
             guint                block,
             const char          *quote,
             GlossAnnotationKind  kind)
{
  GlossArticle *article = gloss_window_get_article (window);
  GlossAnnotationModel *model = GLOSS_ANNOTATION_MODEL (gloss_window_get_annotations (window));
  const char *text = gloss_block_get_text (gloss_article_get_block (article, block));
  const char *found = strstr (text, quote);
  g_autoptr(GlossAnchor) anchor = NULL;
  g_autoptr(GError) error = NULL;
  GlossAnnotation *annotation;
  glong start;

  g_assert_nonnull (found);
  start = g_utf8_pointer_to_offset (text, found);
  anchor = gloss_anchor_new_for_range (article, block, start, block,
                                       start + g_utf8_strlen (quote, -1), &error);
  g_assert_no_error (error);
  annotation = gloss_annotation_model_add (model, kind, anchor, &error);
  g_assert_no_error (error);
  g_assert_nonnull (annotation);

  return annotation;
}

/* Fails the test unless the reader's tag for @kind covers exactly
 * [@start, @end) of @block (nothing of it when they are equal), once the
 * highlights out of sight have been tagged too (after the next frame). */
static inline void
ui_assert_tag_covers (GlossWindow         *window,
                      GlossAnnotationKind  kind,
                      guint                block,
                      guint                start,
                      guint                end)
{
  GlossReaderView *view = gloss_window_get_reader_view (window);
  GtkTextTag *tag = gloss_reader_view_get_annotation_tag (view, kind);
  GlossArticle *article = gloss_window_get_article (window);
  glong length = gloss_block_get_length (gloss_article_get_block (article, block));

  while (gloss_reader_view_is_tagging (view))
    g_main_context_iteration (NULL, TRUE);

  for (glong offset = 0; offset < length; offset++)
    {
      GtkTextIter iter;

      g_assert_true (gloss_reader_view_get_iter_for_block (view, block, offset, &iter));
      if (gtk_text_iter_has_tag (&iter, tag) != (offset >= start && offset < end))
        g_error ("block %u offset %ld: the %s tag is %s", block, offset,
                 gloss_annotation_kind_to_string (kind),
                 gtk_text_iter_has_tag (&iter, tag) ? "there" : "missing");
    }
}

/* Input */

/* Presses @keyval, without modifiers, the way @widget's own shortcuts see
 * it: through the shortcut bound to it, whose result it returns (FALSE when
 * the shortcut lets the key go on to other widgets).  A key @widget has no
 * shortcut for fails the test. */
static inline gboolean
ui_press_key (GtkWidget *widget,
              guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  g_error ("%s has no shortcut for %s", G_OBJECT_TYPE_NAME (widget), gdk_keyval_name (keyval));
  return FALSE;
}

static inline GtkDropTarget *
ui_find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

/* Drops @file on @widget, as a file manager does; returns whether the
 * drop was accepted. */
static inline gboolean
ui_drop_file (GtkWidget *widget,
              GFile     *file)
{
  GtkDropTarget *target = ui_find_drop_target (widget);
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *files = g_slist_prepend (NULL, file);
  gboolean accepted = FALSE;

  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free (files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);

  return accepted;
}

/* Pixels */

/* @widget as its window's renderer paints it, gtk_widget_get_width() by
 * gtk_widget_get_height() pixels in Cairo's ARGB32 (on a little-endian
 * machine: blue, green, red, alpha), @out_stride bytes a row.  Free with
 * g_free(). */
static inline guchar *
ui_render_widget (GtkWidget *widget,
                  gsize     *out_stride)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guchar *pixels;

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  paintable = gtk_widget_paintable_new (widget);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, height);
  *out_stride = (gsize) width * 4;
  pixels = g_malloc (*out_stride * (gsize) height);
  gdk_texture_download (texture, pixels, *out_stride);

  return pixels;
}
