/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-preferences"

#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "gloss-annotation-style.h"
#include "gloss-application.h"
#include "gloss-preferences-window.h"
#include "gloss-window.h"
#include "ui-fixture.h"

/*
 * Preferences through the real application: a settings key changed (by
 * the Preferences window or from outside) changes what the reader shows at
 * once, the Preferences window shows and writes the keys, and a window
 * comes back at its last size with the last article.  The settings live in
 * GSettings' memory backend (tests/meson.build), shared by the application
 * and the test.
 */

#define SAMPLE_TITLE "NATO weighing whether Huawei poses security threat"

/* The sepia page and ink, as style.css gives them */
#define SEPIA_PAPER "#f4ecd8"
#define SEPIA_INK "#3b2f20"

/* The application's settings, as the test sees them */
typedef struct
{
  GSettings *settings;
} Fixture;

static GlossApplication *application;

static void
destroy_all_windows (void)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (application))) != NULL)
    ui_destroy_window (windows->data);
}

/* Every key back to its default, and no window left: each test starts as
 * Gloss's first start does. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  destroy_all_windows ();
  fixture->settings = g_settings_new ("io.github.glossapp.Gloss");
  g_object_get (fixture->settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (fixture->settings, keys[i]);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  destroy_all_windows ();
  g_clear_object (&fixture->settings);
}

/* Gloss started without files, as from the application grid. */
static GlossWindow *
activate (void)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (application));
  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  g_assert_true (GLOSS_IS_WINDOW (window));
  ui_wait_until_mapped (GTK_WIDGET (window));
  ui_wait_for_paint (GTK_WIDGET (window));

  return GLOSS_WINDOW (window);
}

static void
open_sample (GlossWindow *window)
{
  g_autofree char *path = g_build_filename (GLOSS_TEST_DATA, "nato-huawei.txt", NULL);

  ui_open_file (window, path);
  g_assert_nonnull (gloss_window_get_article (window));
  ui_wait_for_paint (GTK_WIDGET (window));
}

/* The page's colour: a pixel in the reader's side margin, where no text
 * or mark is ever painted. */
static GdkRGBA
page_color (GlossWindow *window)
{
  GtkTextView *view = GTK_TEXT_VIEW (gloss_window_get_reader_view (window));
  int x = gtk_text_view_get_left_margin (view) / 2;
  int y = gtk_widget_get_height (GTK_WIDGET (view)) / 2;
  g_autofree guchar *pixels = NULL;
  const guchar *pixel;
  gsize stride;

  g_assert_cmpint (x, >, 0);
  pixels = ui_render_widget (GTK_WIDGET (view), &stride);
  pixel = pixels + (gsize) y * stride + (gsize) x * 4;

  return (GdkRGBA) { pixel[2] / 255.0f, pixel[1] / 255.0f, pixel[0] / 255.0f, 1.0f };
}

static GdkRGBA
ink_color (GlossWindow *window)
{
  GtkWidget *view = GTK_WIDGET (gloss_window_get_reader_view (window));
  GdkRGBA color;

  gtk_style_context_get_color (gtk_widget_get_style_context (view), &color);

  return color;
}

static void
assert_color_near (const GdkRGBA *color,
                   const char    *expected_spec,
                   double         tolerance)
{
  GdkRGBA expected;

  g_assert_true (gdk_rgba_parse (&expected, expected_spec));
  if (fabs (color->red - expected.red) > tolerance
      || fabs (color->green - expected.green) > tolerance
      || fabs (color->blue - expected.blue) > tolerance)
    g_error ("colour %s, expected %s", gdk_rgba_to_string (color), expected_spec);
}

static double
channel_luminance (double value)
{
  return value <= 0.04045 ? value / 12.92 : pow ((value + 0.055) / 1.055, 2.4);
}

static double
luminance (const GdkRGBA *color)
{
  return 0.2126 * channel_luminance (color->red) + 0.7152 * channel_luminance (color->green)
         + 0.0722 * channel_luminance (color->blue);
}

/* WCAG 2 contrast ratio */
static double
contrast (const GdkRGBA *a,
          const GdkRGBA *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static GdkRGBA
blend (const GdkRGBA *over,
       const GdkRGBA *under)
{
  return (GdkRGBA) {
    over->red * over->alpha + under->red * (1 - over->alpha),
    over->green * over->alpha + under->green * (1 - over->alpha),
    over->blue * over->alpha + under->blue * (1 - over->alpha),
    1.0f,
  };
}

/* CIE L*a*b* (D65), for how far apart two colours look (CIE76 ΔE). */
static void
to_lab (const GdkRGBA *color,
        double         lab[3])
{
  double r = channel_luminance (color->red);
  double g = channel_luminance (color->green);
  double b = channel_luminance (color->blue);
  double xyz[3] = {
    (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
    0.2126 * r + 0.7152 * g + 0.0722 * b,
    (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
  };
  double f[3];

  for (guint i = 0; i < 3; i++)
    f[i] = xyz[i] > 0.008856 ? cbrt (xyz[i]) : 7.787 * xyz[i] + 16.0 / 116.0;
  lab[0] = 116 * f[1] - 16;
  lab[1] = 500 * (f[0] - f[1]);
  lab[2] = 200 * (f[1] - f[2]);
}

static double
delta_e (const GdkRGBA *a,
         const GdkRGBA *b)
{
  double lab_a[3], lab_b[3];

  to_lab (a, lab_a);
  to_lab (b, lab_b);

  return sqrt ((lab_a[0] - lab_b[0]) * (lab_a[0] - lab_b[0])
               + (lab_a[1] - lab_b[1]) * (lab_a[1] - lab_b[1])
               + (lab_a[2] - lab_b[2]) * (lab_a[2] - lab_b[2]));
}

/* The style key, set from outside, restyles the open window at once. */
static void
test_style (Fixture       *fixture,
            gconstpointer  data)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GlossWindow *window = activate ();
  GlossWindow *second;
  GdkRGBA paper, ink, dark_page, light_page;

  open_sample (window);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==,
                   ADW_COLOR_SCHEME_DEFAULT);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "sepia"));

  g_settings_set_string (fixture->settings, "style", "dark");
  ui_wait_for_paint (GTK_WIDGET (window));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==,
                   ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style_manager));
  dark_page = page_color (window);
  g_assert_cmpfloat (luminance (&dark_page), <, 0.05);

  g_settings_set_string (fixture->settings, "style", "light");
  ui_wait_for_paint (GTK_WIDGET (window));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==,
                   ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (style_manager));
  light_page = page_color (window);
  assert_color_near (&light_page, "#ffffff", 0.02);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "sepia"));

  /* Sepia: the light style, with the article in dark ink on warm paper. */
  g_settings_set_string (fixture->settings, "style", "sepia");
  ui_wait_for_paint (GTK_WIDGET (window));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==,
                   ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "sepia"));
  paper = page_color (window);
  ink = ink_color (window);
  assert_color_near (&paper, SEPIA_PAPER, 0.01);
  assert_color_near (&ink, SEPIA_INK, 0.01);
  g_test_message ("sepia body text contrast %.2f:1", contrast (&ink, &paper));
  g_assert_cmpfloat (contrast (&ink, &paper), >=, 4.5);

  /* Each kind's highlight, blended over the paper as the reader paints it,
   * keeps the text readable and stays apart from the page and from the
   * other kinds. */
  for (GlossAnnotationKind a = 0; a <= GLOSS_ANNOTATION_KIND_LAST; a++)
    {
      GdkRGBA fill_a, on_paper_a;

      gloss_annotation_kind_get_colors (a, FALSE, NULL, &fill_a);
      on_paper_a = blend (&fill_a, &paper);
      g_assert_cmpfloat (contrast (&ink, &on_paper_a), >=, 4.5);
      g_assert_cmpfloat (delta_e (&on_paper_a, &paper), >=, 10);

      for (GlossAnnotationKind b = a + 1; b <= GLOSS_ANNOTATION_KIND_LAST; b++)
        {
          GdkRGBA fill_b, on_paper_b;

          gloss_annotation_kind_get_colors (b, FALSE, NULL, &fill_b);
          on_paper_b = blend (&fill_b, &paper);
          g_test_message ("%s / %s on sepia: ΔE %.1f", gloss_annotation_kind_to_string (a),
                          gloss_annotation_kind_to_string (b), delta_e (&on_paper_a, &on_paper_b));
          g_assert_cmpfloat (delta_e (&on_paper_a, &on_paper_b), >=, 10);
        }
    }

  /* A window made while sepia is on gets it too. */
  second = GLOSS_WINDOW (gloss_window_new (GTK_APPLICATION (application), NULL));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (second), "sepia"));
  ui_destroy_window (GTK_WINDOW (second));

  /* Back to the system's style: the paper goes with it. */
  g_settings_set_string (fixture->settings, "style", "system");
  ui_wait_for_paint (GTK_WIDGET (window));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==,
                   ADW_COLOR_SCHEME_DEFAULT);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "sepia"));
  paper = page_color (window);
  assert_color_near (&paper, "#ffffff", 0.02);
}

/* The face the reader actually sets its body text in. */
static char *
dup_resolved_family (GtkWidget *view)
{
  PangoContext *context = gtk_widget_get_pango_context (view);
  PangoFont *font = pango_context_load_font (context, pango_context_get_font_description (context));
  g_autoptr(PangoFontDescription) description = NULL;

  g_assert_nonnull (font);
  description = pango_font_describe (font);
  g_object_unref (font);

  return g_strdup (pango_font_description_get_family (description));
}

/* The size of the body text, in points.  GTK gives fonts an absolute size
 * in pixels, at 96 to the inch. */
static double
font_size_points (GtkWidget *view)
{
  const PangoFontDescription *description =
    pango_context_get_font_description (gtk_widget_get_pango_context (view));
  double size = (double) pango_font_description_get_size (description) / PANGO_SCALE;

  return pango_font_description_get_size_is_absolute (description) ? size * 72.0 / 96.0 : size;
}

static int
line_height (GlossReaderView *view,
             int              buffer_line)
{
  GtkTextIter iter;
  GdkRectangle location;

  gtk_text_buffer_get_iter_at_line (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), &iter,
                                    buffer_line);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &iter, &location);

  return location.height;
}

/* The right edge of the widest display line of @block, from the left edge
 * of the text column. */
static int
widest_display_line (GlossReaderView *view,
                     guint            block)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (view);
  GtkTextIter iter, end;
  int left = gtk_text_view_get_left_margin (text_view);
  int widest = 0;

  g_assert_true (gloss_reader_view_get_iter_for_block (view, block, 0, &iter));
  end = iter;
  gtk_text_iter_forward_to_line_end (&end);
  while (gtk_text_iter_compare (&iter, &end) < 0)
    {
      GtkTextIter line_end = iter;
      GdkRectangle location;

      if (!gtk_text_view_forward_display_line_end (text_view, &line_end)
          || gtk_text_iter_compare (&line_end, &end) > 0)
        line_end = end;
      gtk_text_view_get_iter_location (text_view, &line_end, &location);
      widest = MAX (widest, location.x - left);
      if (!gtk_text_view_forward_display_line (text_view, &iter))
        break;
    }

  return widest;
}

/* The font, size and line-width keys set the reader's text live. */
static void
test_reader_text (Fixture       *fixture,
                  gconstpointer  data)
{
  GlossWindow *window = activate ();
  GlossReaderView *view = gloss_window_get_reader_view (window);
  g_autofree char *default_family = gloss_reader_view_dup_default_font_family ();
  g_autofree char *family = NULL;
  guint leading = gloss_reader_view_get_n_leading_lines (view);
  int body_14, body_28, headline_14, headline_28;
  int view_width, narrow, wide;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 760);
  open_sample (window);

  /* Gloss's own face at 14 pt to begin with. */
  family = dup_resolved_family (GTK_WIDGET (view));
  g_assert_cmpstr (family, ==, default_family);
  g_assert_cmpfloat_with_epsilon (font_size_points (GTK_WIDGET (view)), 14, 0.05);
  body_14 = line_height (view, (int) leading);
  headline_14 = line_height (view, 0);

  /* A face of the user's choosing, different from the default. */
  g_settings_set_string (fixture->settings, "font", "DejaVu Sans Mono");
  ui_wait_for_paint (GTK_WIDGET (window));
  g_assert_cmpstr (gloss_reader_view_get_font_family (view), ==, "DejaVu Sans Mono");
  g_clear_pointer (&family, g_free);
  family = dup_resolved_family (GTK_WIDGET (view));
  g_assert_cmpstr (family, ==, "DejaVu Sans Mono");

  /* Back to the default with an empty key. */
  g_settings_set_string (fixture->settings, "font", "");
  ui_wait_for_paint (GTK_WIDGET (window));
  g_assert_null (gloss_reader_view_get_font_family (view));
  g_clear_pointer (&family, g_free);
  family = dup_resolved_family (GTK_WIDGET (view));
  g_assert_cmpstr (family, ==, default_family);

  /* Twice the size: the body and, scaled from it, the headline double. */
  g_settings_set_int (fixture->settings, "font-size", 28);
  ui_wait_for_paint (GTK_WIDGET (window));
  g_assert_cmpint (gloss_reader_view_get_font_size (view), ==, 28);
  g_assert_cmpfloat_with_epsilon (font_size_points (GTK_WIDGET (view)), 28, 0.05);
  body_28 = line_height (view, (int) leading);
  headline_28 = line_height (view, 0);
  g_test_message ("body line %d px at 14 pt, %d px at 28 pt; headline %d, %d",
                  body_14, body_28, headline_14, headline_28);
  g_assert_cmpfloat ((double) body_28 / body_14, >, 1.8);
  g_assert_cmpfloat ((double) body_28 / body_14, <, 2.2);
  g_assert_cmpfloat ((double) headline_28 / headline_14, >, 1.8);
  g_assert_cmpfloat ((double) headline_28 / headline_14, <, 2.2);
  g_settings_reset (fixture->settings, "font-size");
  ui_wait_for_paint (GTK_WIDGET (window));
  g_assert_cmpint (line_height (view, (int) leading), ==, body_14);

  /* The measure: the longest paragraph's lines fill the column and end
   * inside it, at the narrowest and the widest line width. */
  view_width = gtk_widget_get_width (GTK_WIDGET (view));
  g_assert_cmpint (view_width, >=, 480 + 2 * 24 + 60);

  g_settings_set_int (fixture->settings, "line-width", 480);
  ui_wait_for_paint (GTK_WIDGET (window));
  ui_wait_for_paint (GTK_WIDGET (window));
  g_assert_cmpint (gloss_reader_view_get_line_width (view), ==, 480);
  g_assert_cmpint (gtk_text_view_get_left_margin (GTK_TEXT_VIEW (view)), ==,
                   (view_width - 480) / 2);
  narrow = widest_display_line (view, 0);
  g_assert_cmpint (narrow, <=, 480);
  g_assert_cmpint (narrow, >, 480 * 8 / 10);

  g_settings_set_int (fixture->settings, "line-width", 1000);
  ui_wait_for_paint (GTK_WIDGET (window));
  ui_wait_for_paint (GTK_WIDGET (window));
  wide = widest_display_line (view, 0);
  g_test_message ("reader %d px wide: lines up to %d px at 480, %d px at 1000", view_width,
                  narrow, wide);
  /* Wider than the view allows: the least margins hold. */
  g_assert_cmpint (gtk_text_view_get_left_margin (GTK_TEXT_VIEW (view)), ==,
                   MAX (24, (view_width - 1000) / 2));
  g_assert_cmpint (wide, >, narrow + 40);
  g_assert_cmpint (wide, <=, view_width - 2 * gtk_text_view_get_left_margin (GTK_TEXT_VIEW (view)));
}

static GtkWidget *
template_child (GlossPreferencesWindow *preferences,
                const char             *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                  GLOSS_TYPE_PREFERENCES_WINDOW, name);

  g_assert_true (GTK_IS_WIDGET (child));
  return GTK_WIDGET (child);
}

static char *
dup_button_family (GtkWidget *font_button)
{
  g_autoptr(PangoFontDescription) description =
    gtk_font_chooser_get_font_desc (GTK_FONT_CHOOSER (font_button));

  return g_strdup (pango_font_description_get_family (description));
}

/* The Preferences window shows the keys, follows them, and writes them. */
static void
test_preferences_window (Fixture       *fixture,
                         gconstpointer  data)
{
  GlossWindow *window = activate ();
  GlossReaderView *view = gloss_window_get_reader_view (window);
  g_autofree char *default_family = gloss_reader_view_dup_default_font_family ();
  g_autofree char *family = NULL;
  g_autofree char *key = NULL;
  g_auto(GStrv) accels = NULL;
  GlossPreferencesWindow *preferences;
  GtkWidget *system, *light, *dark, *sepia;
  GtkWidget *font_button, *font_reset, *size_spin, *width_scale;

  /* Ctrl+, opens it, over the window it was opened from. */
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application),
                                                  "app.preferences");
  g_assert_cmpstrv (accels, ((const char *[]) { "<Control>comma", NULL }));
  g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
  preferences = GLOSS_PREFERENCES_WINDOW (ui_find_toplevel (GLOSS_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preferences)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (preferences)));
  g_assert_true (gloss_preferences_window_get_settings (preferences) ==
                 gloss_application_get_settings (application));
  ui_wait_for_paint (GTK_WIDGET (preferences));

  system = template_child (preferences, "style_system");
  light = template_child (preferences, "style_light");
  dark = template_child (preferences, "style_dark");
  sepia = template_child (preferences, "style_sepia");
  font_button = template_child (preferences, "font_button");
  font_reset = template_child (preferences, "font_reset_button");
  size_spin = template_child (preferences, "font_size_spin");
  width_scale = template_child (preferences, "line_width_scale");

  /* Every control has a name for screen readers. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (system), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "System Style");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (light), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Light Style");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (dark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Dark Style");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (sepia), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Sepia Style");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (font_button),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Font");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (font_reset),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Use Gloss’s Reading Face");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (size_spin),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Text Size");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (width_scale),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Line Width");

  /* It shows the defaults... */
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (system)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (sepia)));
  family = dup_button_family (font_button);
  g_assert_cmpstr (family, ==, default_family);
  g_assert_false (gtk_widget_get_sensitive (font_reset));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (size_spin)), ==, 14);
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (width_scale)), ==, 680);

  /* ...follows keys changed elsewhere... */
  g_settings_set_string (fixture->settings, "style", "sepia");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (sepia)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (system)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (light)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (dark)));
  g_settings_set_string (fixture->settings, "font", "DejaVu Sans");
  g_clear_pointer (&family, g_free);
  family = dup_button_family (font_button);
  g_assert_cmpstr (family, ==, "DejaVu Sans");
  g_assert_true (gtk_widget_get_sensitive (font_reset));
  g_settings_set_int (fixture->settings, "font-size", 20);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (size_spin)), ==, 20);
  g_settings_set_int (fixture->settings, "line-width", 900);
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (width_scale)), ==, 900);

  /* ...and writes them, which the reader follows at once. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (dark), TRUE);
  g_clear_pointer (&key, g_free);
  key = g_settings_get_string (fixture->settings, "style");
  g_assert_cmpstr (key, ==, "dark");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (sepia)));
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "sepia"));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (size_spin), 18);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "font-size"), ==, 18);
  g_assert_cmpint (gloss_reader_view_get_font_size (view), ==, 18);

  gtk_range_set_value (GTK_RANGE (width_scale), 733.4);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "line-width"), ==, 733);
  g_assert_cmpint (gloss_reader_view_get_line_width (view), ==, 733);

  /* What the font dialog does when a family is picked. */
  {
    g_autoptr(PangoFontDescription) picked = pango_font_description_from_string ("DejaVu Serif");

    gtk_font_chooser_set_font_desc (GTK_FONT_CHOOSER (font_button), picked);
  }
  g_clear_pointer (&key, g_free);
  key = g_settings_get_string (fixture->settings, "font");
  g_assert_cmpstr (key, ==, "DejaVu Serif");
  g_assert_cmpstr (gloss_reader_view_get_font_family (view), ==, "DejaVu Serif");

  /* The way back to Gloss's own face. */
  g_signal_emit_by_name (font_reset, "clicked");
  g_clear_pointer (&key, g_free);
  key = g_settings_get_string (fixture->settings, "font");
  g_assert_cmpstr (key, ==, "");
  g_assert_null (gloss_reader_view_get_font_family (view));
  g_assert_false (gtk_widget_get_sensitive (font_reset));
  g_clear_pointer (&family, g_free);
  family = dup_button_family (font_button);
  g_assert_cmpstr (family, ==, default_family);

  /* Escape closes it; the keys stay as set. */
  g_object_add_weak_pointer (G_OBJECT (preferences), (gpointer *) &preferences);
  g_assert_true (ui_press_key (GTK_WIDGET (preferences), GDK_KEY_Escape));
  gloss_test_wait_until (preferences == NULL, "the preferences to close after Escape");
  g_assert_cmpint (g_settings_get_int (fixture->settings, "font-size"), ==, 18);
}

/* The next window opens at the size the last one closed at. */
static void
test_window_size (Fixture       *fixture,
                  gconstpointer  data)
{
  GlossWindow *window;
  int width, height;

  /* Before any window was closed, the window's own default size holds. */
  window = activate ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, !=, g_settings_get_int (fixture->settings, "window-width"));
  g_assert_false (gtk_window_is_maximized (GTK_WINDOW (window)));

  /* Resized and closed: the size is kept... */
  gtk_window_set_default_size (GTK_WINDOW (window), 1010, 650);
  ui_wait_for_paint (GTK_WIDGET (window));
  /* The default size is the surface's, with the frame drawn around the
   * window's content. */
  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  g_assert_cmpint (width, >, 900);
  g_assert_cmpint (width, <=, 1010);
  g_assert_cmpint (height, <=, 650);
  ui_close_window (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (fixture->settings, "window-width"), ==, 1010);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "window-height"), ==, 650);
  g_assert_false (g_settings_get_boolean (fixture->settings, "window-maximized"));

  /* ...and the next window has it. */
  window = activate ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), ==, height);
  ui_destroy_window (GTK_WINDOW (window));

  /* A window asked to be smaller than the schema allows still saves. */
  window = activate ();
  gtk_window_set_default_size (GTK_WINDOW (window), 100, 80);
  ui_close_window (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (fixture->settings, "window-width"), ==, 360);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "window-height"), ==, 294);

  /* Maximized when last closed: maximized again, with the size to come
   * back to kept. */
  g_settings_set_int (fixture->settings, "window-width", 990);
  g_settings_set_int (fixture->settings, "window-height", 640);
  g_settings_set_boolean (fixture->settings, "window-maximized", TRUE);
  window = activate ();
  g_assert_true (gtk_window_is_maximized (GTK_WINDOW (window)));
  ui_close_window (GTK_WINDOW (window));
  g_assert_true (g_settings_get_boolean (fixture->settings, "window-maximized"));
  g_assert_cmpint (g_settings_get_int (fixture->settings, "window-width"), ==, 990);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "window-height"), ==, 640);
}

/* Gloss started without files shows the article it showed last. */
static void
test_last_article (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *sample = g_build_filename (GLOSS_TEST_DATA, "nato-huawei.txt", NULL);
  gint64 id = gloss_test_import_file (gloss_application_get_store (application), sample);
  GlossWindow *window;
  g_autoptr(GError) error = NULL;

  /* Nothing shown yet: nothing to reopen. */
  window = activate ();
  g_assert_true (gloss_window_is_empty (window));

  g_assert_true (gloss_window_open_article (window, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_settings_get_int64 (fixture->settings, "last-article"), ==, id);

  /* Closing the window does not forget it. */
  ui_close_window (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int64 (fixture->settings, "last-article"), ==, id);

  window = activate ();
  g_assert_nonnull (gloss_window_get_article (window));
  g_assert_cmpint (gloss_article_get_id (gloss_window_get_article (window)), ==, id);
  g_assert_cmpstr (gloss_article_get_title (gloss_window_get_article (window)), ==, SAMPLE_TITLE);
  ui_destroy_window (GTK_WINDOW (window));

  /* An article no longer in the library: an empty window, no message, and
   * the key let go. */
  g_settings_set_int64 (fixture->settings, "last-article", id + 1000);
  window = activate ();
  g_assert_true (gloss_window_is_empty (window));
  g_assert_null (ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpint (g_settings_get_int64 (fixture->settings, "last-article"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  int status;

  /* The controls' accessible names are read back; the application sets up
   * libadwaita and its style itself. */
  if (!ui_test_init (&argc, &argv, "/ui/preferences", UI_TEST_ACCESSIBLE))
    return g_test_run ();

  /* Settings in memory only (tests/meson.build), never the user's. */
  g_assert_cmpstr (g_getenv ("GSETTINGS_BACKEND"), ==, "memory");

  home = ui_use_own_library ();

  application = ui_application_new (NULL);

#define ADD(path, func) \
  g_test_add ("/ui/preferences/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("style", test_style);
  ADD ("reader-text", test_reader_text);
  ADD ("window", test_preferences_window);
  ADD ("window-size", test_window_size);
  ADD ("last-article", test_last_article);

#undef ADD

  status = g_test_run ();

  destroy_all_windows ();
  g_clear_object (&application);
  gloss_test_remove_tree (home);

  return status;
}
