/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-window-private.h"

G_DEFINE_FINAL_TYPE (GlossWindow, gloss_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LOADING,
  PROP_ARTICLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_display_name (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  /* Local files only, so asking for the display name does not block. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL)
    return g_strdup (g_file_info_get_display_name (info));

  return g_file_get_basename (file);
}

/* Most files open in a blink; a spinner flashing by would only be noise. */
#define LOADING_PAGE_DELAY_MS 150

static gboolean
show_loading_page_cb (gpointer user_data)
{
  GlossWindow *self = user_data;

  self->loading_page_source = 0;
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");

  return G_SOURCE_REMOVE;
}

static void
gloss_window_set_loading (GlossWindow *self,
                          gboolean     loading)
{
  loading = !!loading;
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_clear_handle_id (&self->loading_page_source, g_source_remove);
  if (loading)
    self->loading_page_source = g_timeout_add (LOADING_PAGE_DELAY_MS, show_loading_page_cb, self);
  else
    gtk_spinner_stop (self->spinner);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
gloss_window_update_title (GlossWindow *self)
{
  GlossArticle *article = gloss_reader_view_get_article (self->reader_view);
  g_autofree char *display_name = NULL;
  const char *title = NULL;
  const char *subtitle = NULL;

  if (self->file != NULL)
    display_name = dup_display_name (self->file);

  if (article != NULL)
    {
      title = gloss_article_get_title (article);
      subtitle = gloss_article_get_site_name (article);
      if (title == NULL)
        title = display_name;
      else if (subtitle == NULL)
        subtitle = display_name;
    }

  if (title == NULL)
    title = _("Gloss");

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
}

static void
gloss_window_show_article (GlossWindow  *self,
                           GFile        *file,
                           GlossArticle *article)
{
  GtkAdjustment *vadjustment;

  g_set_object (&self->file, file);

  gloss_reader_view_set_article (self->reader_view, article);
  vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));

  gtk_stack_set_visible_child_name (self->stack, "article");
  gloss_window_update_title (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->reader_view));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

static void
gloss_window_show_error (GlossWindow  *self,
                         GFile        *file,
                         const GError *error)
{
  g_autofree char *display_name = dup_display_name (file);

  /* An article already on screen stays; the failure is only reported. */
  if (gloss_reader_view_get_article (self->reader_view) != NULL)
    {
      g_autofree char *message = NULL;
      AdwToast *toast;

      /* Translators: %s is a file name, then the reason it could not be opened */
      message = g_strdup_printf (_("Could not open “%s”: %s"), display_name, error->message);
      toast = adw_toast_new (message);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      gtk_stack_set_visible_child_name (self->stack, "article");
    }
  else
    {
      g_autofree char *title = NULL;
      g_autofree char *description = NULL;

      /* Translators: %s is a file name */
      title = g_strdup_printf (_("Could Not Open “%s”"), display_name);
      description = g_markup_escape_text (error->message, -1);
      adw_status_page_set_title (self->error_page, title);
      adw_status_page_set_description (self->error_page, description);
      gtk_stack_set_visible_child_name (self->stack, "error");
      gloss_window_update_title (self);
    }
}

static void
open_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlossArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  GlossExtractOptions options;

  gloss_extract_options_init (&options);

  bytes = gloss_extract_load_file (file, options.max_input_bytes, cancellable, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  basename = g_file_get_basename (file);
  article = gloss_extract_full (bytes, basename, &options, &error);
  if (article == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&article), g_object_unref);
}

static void
open_file_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GlossWindow *self = GLOSS_WINDOW (object);
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(GlossArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  article = g_task_propagate_pointer (G_TASK (result), &error);

  /* Superseded by a newer open, or the window is going away. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gloss_window_set_loading (self, FALSE);

  if (article == NULL)
    gloss_window_show_error (self, file, error);
  else
    gloss_window_show_article (self, file, article);
}

/**
 * gloss_window_open_file:
 * @self: a #GlossWindow
 * @file: a saved web page or a text file
 *
 * Reads and cleans @file in a worker thread, showing a loading state
 * meanwhile, then shows the article, or why it could not be opened.
 * An open still in progress is abandoned.
 */
void
gloss_window_open_file (GlossWindow *self,
                        GFile       *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  display_name = dup_display_name (file);
  /* Translators: %s is a file name */
  label = g_strdup_printf (_("Opening “%s”…"), display_name);
  gtk_label_set_label (self->loading_label, label);
  gloss_window_set_loading (self, TRUE);

  task = g_task_new (self, self->cancellable, open_file_cb, NULL);
  g_task_set_source_tag (task, gloss_window_open_file);
  g_task_set_name (task, "[gloss] open file");
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, open_file_thread);
}

static void
gloss_window_dispose (GObject *object)
{
  GlossWindow *self = (GlossWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->loading_page_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_WINDOW);

  G_OBJECT_CLASS (gloss_window_parent_class)->dispose (object);
}

static void
gloss_window_finalize (GObject *object)
{
  GlossWindow *self = (GlossWindow *) object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (gloss_window_parent_class)->finalize (object);
}

static void
gloss_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GlossWindow *self = GLOSS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_ARTICLE:
      g_value_set_object (value, gloss_window_get_article (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_window_class_init (GlossWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_window_dispose;
  object_class->finalize = gloss_window_finalize;
  object_class->get_property = gloss_window_get_property;

  /**
   * GlossWindow:loading:
   *
   * Whether a file is being read and cleaned.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * GlossWindow:article:
   *
   * The article shown, or %NULL.
   */
  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL,
                         GLOSS_TYPE_ARTICLE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GLOSS_TYPE_READER_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/glossapp/Gloss/gloss-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, reader_view);

  _gloss_window_class_actions_init (klass);
}

static void
gloss_window_init (GlossWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  _gloss_window_actions_init (self);
  gloss_window_update_title (self);
}

/**
 * gloss_window_new:
 * @application: (nullable): the application
 *
 * Returns: (transfer full): a new, empty window
 */
GlossWindow *
gloss_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (GLOSS_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * gloss_window_get_loading:
 * @self: a #GlossWindow
 *
 * Returns: whether a file is being read and cleaned
 */
gboolean
gloss_window_get_loading (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);

  return self->loading;
}

/**
 * gloss_window_is_empty:
 * @self: a #GlossWindow
 *
 * Returns: whether the window neither shows nor is opening an article, so
 *   a file opened from elsewhere may go into it
 */
gboolean
gloss_window_is_empty (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);

  return !self->loading && gloss_reader_view_get_article (self->reader_view) == NULL;
}

/**
 * gloss_window_get_article:
 * @self: a #GlossWindow
 *
 * Returns: (transfer none) (nullable): the article shown
 */
GlossArticle *
gloss_window_get_article (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return gloss_reader_view_get_article (self->reader_view);
}

/**
 * gloss_window_get_reader_view:
 * @self: a #GlossWindow
 *
 * Returns: (transfer none): the view showing the article
 */
GlossReaderView *
gloss_window_get_reader_view (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->reader_view;
}
