/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-preferences-window"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "gloss-preferences-window.h"
#include "gloss-reader-view.h"

/*
 * Preferences: the style (system, light, dark or sepia) and how the
 * article text is set (face, size, line width).  Every control is bound
 * to its GSettings key both ways, so a change applies at once in every
 * window (the application follows the keys) and is remembered, and a key
 * changed elsewhere shows here.
 */

struct _GlossPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;

  /* Template widgets */
  GtkToggleButton *style_system;
  GtkToggleButton *style_light;
  GtkToggleButton *style_dark;
  GtkToggleButton *style_sepia;
  AdwActionRow    *font_row;
  GtkFontButton   *font_button;
  GtkButton       *font_reset_button;
  GtkSpinButton   *font_size_spin;
  GtkScale        *line_width_scale;
  AdwEntryRow     *reviewer_name_row;
  AdwEntryRow     *reviewer_organisation_row;
  AdwEntryRow     *review_url_row;
  GtkSwitch       *network_switch;
  GtkSwitch       *suggest_switch;
};

G_DEFINE_FINAL_TYPE (GlossPreferencesWindow, gloss_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The style key's nicks, one per toggle: a toggle is active when the key
 * holds its nick, and writes it when turned on.  Turning one off (as its
 * group does when another is turned on) writes nothing. */
static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *nick = user_data;

  g_value_set_boolean (value, g_strcmp0 (g_variant_get_string (variant, NULL), nick) == 0);
  return TRUE;
}

static GVariant *
style_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  const char *nick = user_data;

  if (!g_value_get_boolean (value))
    return NULL;

  return g_variant_new_string (nick);
}

/* An empty font key means Gloss's reading face: the button shows the face
 * that stands for on this computer. */
static gboolean
font_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char *family = g_variant_get_string (variant, NULL);
  g_autofree char *default_family = NULL;
  PangoFontDescription *description = pango_font_description_new ();

  if (*family == '\0')
    family = default_family = gloss_reader_view_dup_default_font_family ();
  pango_font_description_set_family (description, family);
  g_value_take_boxed (value, description);

  return TRUE;
}

static GVariant *
font_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  PangoFontDescription *description = g_value_get_boxed (value);
  const char *family;

  if (description == NULL)
    return NULL;

  family = pango_font_description_get_family (description);
  if (family == NULL || *family == '\0')
    return NULL;

  return g_variant_new_string (family);
}

static gboolean
font_is_custom_mapping (GValue   *value,
                        GVariant *variant,
                        gpointer  user_data)
{
  g_value_set_boolean (value, *g_variant_get_string (variant, NULL) != '\0');
  return TRUE;
}

/* Scales and spin buttons hold doubles; the keys are whole numbers. */
static GVariant *
round_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  return g_variant_new_int32 ((gint32) lround (g_value_get_double (value)));
}

static gboolean
int_get_mapping (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_int32 (variant));
  return TRUE;
}

static void
update_font_row (GlossPreferencesWindow *self)
{
  g_autofree char *family = g_settings_get_string (self->settings, "font");

  adw_action_row_set_subtitle (self->font_row,
                               *family == '\0' ? _("Gloss’s reading face") : "");
}

static void
font_reset_clicked_cb (GlossPreferencesWindow *self)
{
  g_settings_reset (self->settings, "font");
}

static char *
format_line_width (GtkScale *scale,
                   double    value,
                   gpointer  user_data)
{
  /* Translators: the line width shown beside its slider, in pixels */
  return g_strdup_printf (_("%d px"), (int) lround (value));
}

/* The default measure is marked on the slider, so it can be found again. */
static void
mark_default_line_width (GlossPreferencesWindow *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) key = NULL;
  g_autoptr(GVariant) default_value = NULL;

  g_object_get (self->settings, "settings-schema", &schema, NULL);
  key = g_settings_schema_get_key (schema, "line-width");
  default_value = g_settings_schema_key_get_default_value (key);
  gtk_scale_add_mark (self->line_width_scale, g_variant_get_int32 (default_value),
                      GTK_POS_BOTTOM, NULL);
}

static void
gloss_preferences_window_constructed (GObject *object)
{
  static const struct {
    const char *nick;
    gsize offset;
  } styles[] = {
    { "system", G_STRUCT_OFFSET (GlossPreferencesWindow, style_system) },
    { "light", G_STRUCT_OFFSET (GlossPreferencesWindow, style_light) },
    { "dark", G_STRUCT_OFFSET (GlossPreferencesWindow, style_dark) },
    { "sepia", G_STRUCT_OFFSET (GlossPreferencesWindow, style_sepia) },
  };
  GlossPreferencesWindow *self = GLOSS_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (gloss_preferences_window_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    g_settings_bind_with_mapping (self->settings, "style",
                                  G_STRUCT_MEMBER (GtkToggleButton *, self, styles[i].offset),
                                  "active", G_SETTINGS_BIND_DEFAULT,
                                  style_get_mapping, style_set_mapping,
                                  (gpointer) styles[i].nick, NULL);

  g_settings_bind_with_mapping (self->settings, "font", self->font_button, "font-desc",
                                G_SETTINGS_BIND_DEFAULT,
                                font_get_mapping, font_set_mapping, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "font", self->font_reset_button, "sensitive",
                                G_SETTINGS_BIND_GET,
                                font_is_custom_mapping, NULL, NULL, NULL);
  g_signal_connect_object (self->settings, "changed::font", G_CALLBACK (update_font_row), self,
                           G_CONNECT_SWAPPED);
  update_font_row (self);

  g_settings_bind_with_mapping (self->settings, "font-size",
                                gtk_spin_button_get_adjustment (self->font_size_spin), "value",
                                G_SETTINGS_BIND_DEFAULT,
                                int_get_mapping, round_set_mapping, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "line-width",
                                gtk_range_get_adjustment (GTK_RANGE (self->line_width_scale)),
                                "value", G_SETTINGS_BIND_DEFAULT,
                                int_get_mapping, round_set_mapping, NULL, NULL);
  mark_default_line_width (self);

  /* Who checks: read by every export (the window's and gloss-cli's). */
  g_settings_bind (self->settings, "reviewer-name", self->reviewer_name_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reviewer-organisation", self->reviewer_organisation_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "review-url", self->review_url_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "use-network", self->network_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "suggest", self->suggest_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
gloss_preferences_window_dispose (GObject *object)
{
  GlossPreferencesWindow *self = GLOSS_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gloss_preferences_window_parent_class)->dispose (object);
}

static void
gloss_preferences_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  GlossPreferencesWindow *self = GLOSS_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_preferences_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  GlossPreferencesWindow *self = GLOSS_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_preferences_window_class_init (GlossPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gloss_preferences_window_constructed;
  object_class->dispose = gloss_preferences_window_dispose;
  object_class->get_property = gloss_preferences_window_get_property;
  object_class->set_property = gloss_preferences_window_set_property;

  /**
   * GlossPreferencesWindow:settings:
   *
   * The application's settings, which the controls show and change.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/gloss-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, style_system);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, style_light);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, style_dark);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, style_sepia);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, font_row);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, font_button);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, font_reset_button);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, font_size_spin);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, line_width_scale);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, reviewer_name_row);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, reviewer_organisation_row);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, review_url_row);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, network_switch);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, suggest_switch);
  gtk_widget_class_bind_template_callback (widget_class, font_reset_clicked_cb);
  /* Escape closes it: AdwPreferencesWindow binds it already. */
}

static void
gloss_preferences_window_init (GlossPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_scale_set_format_value_func (self->line_width_scale, format_line_width, NULL, NULL);
}

/**
 * gloss_preferences_window_new:
 * @settings: the application's #GSettings
 *
 * Returns: (transfer full): a new preferences window showing @settings
 */
GlossPreferencesWindow *
gloss_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (GLOSS_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       NULL);
}

/**
 * gloss_preferences_window_get_settings:
 * @self: a #GlossPreferencesWindow
 *
 * Returns: (transfer none): the settings shown
 */
GSettings *
gloss_preferences_window_get_settings (GlossPreferencesWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_PREFERENCES_WINDOW (self), NULL);

  return self->settings;
}
