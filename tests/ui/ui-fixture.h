/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * What the ui tests share: the start of main() (GTK on the Xvfb display,
 * or a skip without one), a library of a test's own in a temporary folder,
 * windows shown and destroyed with the main loop run until they are, a
 * painted frame, keys, drops and pixels.  Everything waits on an event or
 * on the state itself, never on the clock, and every wait is bounded
 * (gloss_test_wait_until(), tests/common): it fails saying what it waited
 * for.
 *
 * GLOSS_TEST_DATA comes from tests/ui/meson.build.
 */

#include <stdlib.h>
#include <string.h>

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>

#include "gloss-annotation-model.h"
#include "gloss-application.h"
#include "gloss-window.h"
#include "test-common.h"
#include "test-seed.h"

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
  /* With the known GTK 4.8 warning let pass (tests/common). */
  gloss_test_init (argc, argv);

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

/* Points GLOSS_DB, the library that the application and the tests' own
 * windows open when given none, at one in a new temporary folder, so that
 * the user's is never touched; returns the folder, for
 * gloss_test_remove_tree(). */
static inline char *
ui_use_own_library (void)
{
  g_autofree char *path = NULL;
  char *dir = gloss_test_library_dir_new (&path);

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
  library->dir = gloss_test_library_dir_new (&library->path);
  library->sample = g_build_filename (GLOSS_TEST_DATA, "nato-huawei.txt", NULL);
}

static inline void
ui_library_tear_down (UiLibrary     *library,
                      gconstpointer  data)
{
  gloss_test_remove_tree (library->dir);
  g_free (library->dir);
  g_free (library->path);
  g_free (library->sample);
}

/* The main loop */

/* For g_signal_connect_swapped(): the signal sets *@flag. */
static inline void
ui_set_true (gboolean *flag)
{
  *flag = TRUE;
}

/* Until *@done, set by a signal or callback; @what names it in the failure. */
static inline void
ui_iterate_until (gboolean   *done,
                  const char *what)
{
  gloss_test_wait_until (*done, "%s", what);
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
  ui_iterate_until (&painted, "a painted frame");
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
  if (still < 5)
    g_error ("paragraph %u did not hold still in 600 frames after scrolling to it", block);
}

/* Until GTK has measured the article's lines: their heights are only
 * estimated at first, and the scroll range grows as they are measured over
 * the first frames (slowly on a loaded machine).  Fails unless the range
 * holds still for 5 frames within 600, and is taller than the view. */
static inline void
ui_wait_for_layout (GlossWindow *window)
{
  GlossReaderView *view = gloss_window_get_reader_view (window);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  double upper = -1;
  guint still = 0;

  for (guint i = 0; i < 600 && still < 5; i++)
    {
      ui_wait_for_paint (GTK_WIDGET (window));
      still = gtk_adjustment_get_upper (vadjustment) == upper ? still + 1 : 0;
      upper = gtk_adjustment_get_upper (vadjustment);
    }
  if (still < 5)
    g_error ("the article's height did not hold still in 600 frames (now %g pixels)", upper);
  g_assert_cmpfloat (upper, >, gtk_adjustment_get_page_size (vadjustment));
}

/* Real input */

/* Where @offset of @block is, in the X window's coordinates, halfway down
 * its line: what a pointer aims at. */
static inline void
ui_point_at (GlossWindow *window,
          guint        block,
          guint        offset,
          int         *out_x,
          int         *out_y)
{
  GtkTextView *view = GTK_TEXT_VIEW (gloss_window_get_reader_view (window));
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (view));
  GdkRectangle location;
  GtkTextIter iter;
  double surface_x, surface_y, x, y;
  int window_x, window_y;

  g_assert_true (gloss_reader_view_get_iter_for_block (gloss_window_get_reader_view (window), block, offset, &iter));
  gtk_text_view_get_iter_location (view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, location.x,
                                         location.y + location.height / 2, &window_x, &window_y);
  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (view), GTK_WIDGET (native),
                                                   window_x, window_y, &x, &y));
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  *out_x = (int) (x + surface_x);
  *out_y = (int) (y + surface_y);
}

/* Runs xdotool (a test package) on @window's X window: real input
 * through the X server, as a person's mouse and keyboard give it. */
static inline void
ui_xdotool (GlossWindow *window,
         const char  *commands)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *window_option = NULL;
  g_autofree char *with_window = NULL;
  g_autofree char *line = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) argv = NULL;
  int status;

  /* Each WINDOW in @commands aims at this window. */
  g_assert_true (GDK_IS_X11_SURFACE (surface));
  window_option = g_strdup_printf ("--window %lu", (gulong) gdk_x11_surface_get_xid (surface));
  parts = g_strsplit (commands, "WINDOW", -1);
  with_window = g_strjoinv (window_option, parts);
  line = g_strconcat ("xdotool ", with_window, NULL);
  g_assert_true (g_shell_parse_argv (line, NULL, &argv, &error));
  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
}

/* Windows and the application */

static inline void
ui_wait_until_mapped (GtkWidget *widget)
{
  gloss_test_wait_until (gtk_widget_get_mapped (widget), "%s to be mapped",
                         G_OBJECT_TYPE_NAME (widget));
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
  const char *type_name = G_OBJECT_TYPE_NAME (window);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  end (window);
  gloss_test_wait_until (window == NULL, "the %s to be finalized", type_name);
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

  gloss_test_wait_until ((window = ui_find_toplevel (type)) != NULL, "a %s to be shown",
                         g_type_name (type));

  return window;
}

/* Until the window has read the file it was given, or given up on it. */
static inline void
ui_wait_while_loading (GlossWindow *window)
{
  gloss_test_wait_until (!gloss_window_get_loading (window), "the window to read its file");
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

  gloss_test_wait_until (!gloss_reader_view_is_tagging (view),
                         "the reader to tag the highlights out of sight");

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

/* Presses @keyval with @modifiers, the way @widget's own shortcuts see
 * it: through the shortcuts bound to it, in order, as GTK tries them (a
 * disabled action's shortcut lets the next one have the key); returns
 * whether one took it (FALSE: the key goes on to other widgets).  A key
 * @widget has no shortcut for fails the test. */
static inline gboolean
ui_press_key_with (GtkWidget       *widget,
                   guint            keyval,
                   GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean bound = FALSE;

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
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            {
              bound = TRUE;
              if (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                gtk_shortcut_get_arguments (shortcut)))
                return TRUE;
            }
        }
    }

  if (!bound)
    g_error ("%s has no shortcut for %s", G_OBJECT_TYPE_NAME (widget), gdk_keyval_name (keyval));
  return FALSE;
}

static inline gboolean
ui_press_key (GtkWidget *widget,
              guint      keyval)
{
  return ui_press_key_with (widget, keyval, 0);
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
