/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-window-private.h"
#if GLOSS_HAVE_TEAM
#include "gloss-team-window.h"
#endif

G_DEFINE_FINAL_TYPE (GlossWindow, gloss_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LOADING,
  PROP_ARTICLE,
  PROP_STORE,
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

void
_gloss_window_update_title (GlossWindow *self)
{
  GlossArticle *article = gloss_reader_view_get_article (self->reader_view);
  g_autofree char *display_name = NULL;
  g_autofree char *subtitle_with_time = NULL;
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

      {
        g_autofree char *reading_time = _gloss_window_format_reading_time (article);

        /* Translators: the header's subtitle: a site's name, then a reading time */
        subtitle_with_time = subtitle != NULL ? g_strdup_printf (_("%s · %s"), subtitle, reading_time)
                                              : g_steal_pointer (&reading_time);
        subtitle = subtitle_with_time;
      }
    }

  if (title == NULL)
    title = _("Gloss");

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
}

static void
gloss_window_show_article (GlossWindow          *self,
                           GFile                *file,
                           GlossArticle         *article,
                           GlossAnnotationModel *annotations)
{
  GtkAdjustment *vadjustment;

  _gloss_window_library_article_leaving (self);
  g_set_object (&self->file, file);

  /* Undo belongs to the article it was offered for. */
  g_hash_table_remove_all (self->deleted);
  _gloss_window_end_range_edit (self);
  gtk_popover_popdown (GTK_POPOVER (self->editor));
  gloss_annotation_editor_set_annotation (self->editor, NULL, NULL);

  gloss_reader_view_set_annotations (self->reader_view, NULL);
  gloss_reader_view_set_article (self->reader_view, article);
  g_set_object (&self->annotations, annotations);
  gloss_reader_view_set_annotations (self->reader_view, G_LIST_MODEL (annotations));
  gloss_annotation_list_set_model (self->annotation_list, annotations);
  gloss_annotation_list_set_unavailable (self->annotation_list, self->store == NULL);
  _gloss_window_history_watch (self);
  _gloss_window_update_mark_actions (self);

  /* The pane comes with the first article; after that it stays as the
   * user left it. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->pane_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->annotation_list), TRUE);
  vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));

  gtk_stack_set_visible_child_name (self->stack, "article");
  _gloss_window_update_title (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->reader_view));
  _gloss_window_library_article_shown (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

/**
 * _gloss_window_close_article:
 * @self: a #GlossWindow
 *
 * Shows no article any more (it was deleted): the empty page, with its
 * position saved and its editor closed.
 */
void
_gloss_window_close_article (GlossWindow *self)
{
  if (gloss_reader_view_get_article (self->reader_view) == NULL)
    return;

  _gloss_window_library_article_leaving (self);
  g_clear_object (&self->file);
  g_hash_table_remove_all (self->deleted);
  _gloss_window_end_range_edit (self);
  gtk_popover_popdown (GTK_POPOVER (self->editor));
  gloss_annotation_editor_set_annotation (self->editor, NULL, NULL);
  gloss_reader_view_set_annotations (self->reader_view, NULL);
  gloss_reader_view_set_article (self->reader_view, NULL);
  gloss_annotation_list_set_model (self->annotation_list, NULL);
  g_clear_object (&self->annotations);
  gtk_widget_set_visible (GTK_WIDGET (self->annotation_list), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->pane_button), FALSE);
  _gloss_window_update_mark_actions (self);

  gtk_stack_set_visible_child_name (self->stack, "empty");
  _gloss_window_update_title (self);
  gloss_library_sidebar_select_article (self->library_sidebar, 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

/* Shows @article, then reads its annotations: the article is readable
 * even if they are not. */
static void
gloss_window_show_article_with_annotations (GlossWindow  *self,
                                            GFile        *file,
                                            GlossArticle *article)
{
  g_autoptr(GlossAnnotationModel) annotations = NULL;
  g_autoptr(GError) error = NULL;

  annotations = gloss_annotation_model_new (self->store, article);
  gloss_window_show_article (self, file, article, annotations);
  /* Before the annotations are read, so a change made meanwhile is seen. */
  _gloss_window_watch_article_shown (self);

  if (!gloss_annotation_model_load (annotations, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why */
      message = g_strdup_printf (_("Could not read the annotations: %s"), error->message);
      _gloss_window_show_error_toast (self, message);
    }
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
      _gloss_window_update_title (self);
    }
}

typedef struct
{
  GFile *file;
  /* The library's file: the worker opens a connection of its own */
  char *store_path;
} OpenData;

typedef struct
{
  /* The imported (or found) article, to load with the window's store */
  gint64 article_id;
  /* Without a library: the article, only extracted */
  GlossArticle *article;
  /* A newer copy of this article of the library: nothing stored yet */
  gint64 known_id;
  GBytes *bytes;
} OpenResult;

static void
open_data_free (OpenData *data)
{
  g_object_unref (data->file);
  g_free (data->store_path);
  g_free (data);
}

static void
open_result_free (OpenResult *result)
{
  g_clear_object (&result->article);
  g_clear_pointer (&result->bytes, g_bytes_unref);
  g_free (result);
}

/*
 * Reads the file and imports it into the library, or finds it there when
 * the same bytes were imported before.  SQLite transactions on one
 * connection must not interleave between threads, so the worker uses its
 * own connection to the same file (WAL and the busy timeout make two
 * connections safe) and hands back only the article's id.
 */
static void
open_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  OpenData *data = task_data;
  GFile *file = data->file;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlossArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  OpenResult *result;
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
  result = g_new0 (OpenResult, 1);

  if (data->store_path != NULL)
    {
      g_autoptr(GlossStore) store = gloss_store_open (data->store_path, &error);

      /* A newer copy of a known story is not stored until the user says
       * whether it is a new version of it. */
      if (store != NULL)
        result->article_id = gloss_store_import_unless_known (store, bytes, basename, &options,
                                                              &result->known_id, NULL, &error);
      if (result->known_id != 0)
        result->bytes = g_bytes_ref (bytes);
      else if (result->article_id == 0)
        {
          open_result_free (result);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  else
    {
      article = gloss_extract_full (bytes, basename, &options, &error);
      if (article == NULL)
        {
          open_result_free (result);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      result->article = g_steal_pointer (&article);
    }

  g_task_return_pointer (task, result, (GDestroyNotify) open_result_free);
}

static void
open_file_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GlossWindow *self = GLOSS_WINDOW (object);
  OpenData *data = g_task_get_task_data (G_TASK (result));
  OpenResult *opened;
  g_autoptr(GlossArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  opened = g_task_propagate_pointer (G_TASK (result), &error);

  /* Superseded by a newer open, or the window is going away. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gloss_window_set_loading (self, FALSE);

  if (opened != NULL && opened->known_id != 0)
    {
      /* What was on screen stays while the question is asked. */
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loading") == 0)
        gtk_stack_set_visible_child_name (self->stack,
                                          gloss_reader_view_get_article (self->reader_view) != NULL
                                          ? "article" : "empty");
      _gloss_window_ask_newer_copy (self, _gloss_newer_copy_new (data->file, opened->bytes,
                                                                 opened->known_id));
      open_result_free (opened);
      return;
    }

  if (opened != NULL && opened->article_id != 0)
    article = gloss_store_load_article (self->store, opened->article_id, &error);
  else if (opened != NULL)
    article = g_steal_pointer (&opened->article);
  g_clear_pointer (&opened, open_result_free);

  if (article == NULL)
    {
      gloss_window_show_error (self, data->file, error);
      return;
    }

  gloss_window_show_article_with_annotations (self, data->file, article);
}

/**
 * gloss_window_open_file:
 * @self: a #GlossWindow
 * @file: a saved web page or a text file
 *
 * Reads and cleans @file in a worker thread, showing a loading state
 * meanwhile, imports it into the library (or finds it there), then shows
 * the article with its annotations, or why it could not be opened.  A
 * newer copy of an article of the library is not stored before the user
 * says whether it is a new version of it.  An open still in progress is
 * abandoned.
 */
void
gloss_window_open_file (GlossWindow *self,
                        GFile       *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *label = NULL;
  OpenData *data;

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
  data = g_new0 (OpenData, 1);
  data->file = g_object_ref (file);
  if (self->store != NULL)
    data->store_path = g_strdup (gloss_store_get_path (self->store));
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_file_thread);
}

/**
 * gloss_window_open_article:
 * @self: a #GlossWindow
 * @article_id: an article in the window's library
 * @error: return location for a #GError
 *
 * Shows an article of the library with its annotations.  Reading it back
 * takes a few milliseconds even for a long article, so it is done at once;
 * an open of a file still in progress is abandoned.
 *
 * Returns: whether the article could be read; the window is unchanged if not
 */
gboolean
gloss_window_open_article (GlossWindow  *self,
                           gint64        article_id,
                           GError      **error)
{
  g_autoptr(GlossArticle) article = NULL;

  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (article_id > 0, FALSE);

  if (self->store == NULL)
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_NOT_FOUND,
                           _("The library could not be opened"));
      return FALSE;
    }

  article = gloss_store_load_article (self->store, article_id, error);
  if (article == NULL)
    return FALSE;

  g_cancellable_cancel (self->cancellable);
  gloss_window_set_loading (self, FALSE);

  gloss_window_show_article_with_annotations (self, NULL, article);

  return TRUE;
}

static void
gloss_window_dispose (GObject *object)
{
  GlossWindow *self = (GlossWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->loading_page_source, g_source_remove);
  _gloss_window_library_dispose (self);
  _gloss_window_watch_dispose (self);
  _gloss_window_article_actions_dispose (self);
  _gloss_window_import_dispose (self);
  _gloss_window_links_dispose (self);
  _gloss_window_versions_dispose (self);
  _gloss_window_suggestions_dispose (self);
  g_clear_object (&self->range_toast);
  g_clear_object (&self->range_notice);

  /* Whatever was typed in the editor is saved before the window goes. */
  if (self->editor != NULL)
    {
      gloss_annotation_editor_flush (self->editor);
      gloss_annotation_editor_set_annotation (self->editor, NULL, NULL);
      if (self->reader_view != NULL)
        gloss_reader_view_remove_popover (self->reader_view, GTK_POPOVER (self->editor));
    }
  g_clear_object (&self->editor);
  if (self->reader_view != NULL)
    gloss_reader_view_set_annotations (self->reader_view, NULL);
  if (self->annotation_list != NULL)
    gloss_annotation_list_set_model (self->annotation_list, NULL);
  g_clear_object (&self->annotations);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_WINDOW);

  G_OBJECT_CLASS (gloss_window_parent_class)->dispose (object);
}

static void
gloss_window_finalize (GObject *object)
{
  GlossWindow *self = (GlossWindow *) object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->file);
  g_clear_object (&self->store);
  g_clear_pointer (&self->deleted, g_hash_table_unref);

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

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  GlossWindow *self = GLOSS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_window_constructed (GObject *object)
{
  GlossWindow *self = (GlossWindow *) object;

  G_OBJECT_CLASS (gloss_window_parent_class)->constructed (object);

  /* The library is known only now, after the construct properties. */
  _gloss_window_update_library_actions (self);
#if GLOSS_HAVE_TEAM
  gloss_team_window_attach (self);
#endif
}

static void
gloss_window_class_init (GlossWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gloss_window_constructed;
  object_class->dispose = gloss_window_dispose;
  object_class->finalize = gloss_window_finalize;
  object_class->get_property = gloss_window_get_property;
  object_class->set_property = gloss_window_set_property;

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

  /**
   * GlossWindow:store:
   *
   * The library articles are imported into and annotations saved in, or
   * %NULL when it could not be opened: articles are then only read.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         GLOSS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GLOSS_TYPE_READER_VIEW);
  g_type_ensure (GLOSS_TYPE_ANNOTATION_LIST);
  g_type_ensure (GLOSS_TYPE_LIBRARY_SIDEBAR);
  g_type_ensure (GLOSS_TYPE_ALL_ANNOTATIONS_VIEW);

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
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, pane_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, annotation_list);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, library_flap);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, library_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, library_sidebar);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, all_annotations_view);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, import_progress);

  _gloss_window_class_actions_init (klass);
  _gloss_window_class_range_init (klass);
  _gloss_window_class_history_init (klass);
  _gloss_window_class_share_init (klass);
  _gloss_window_class_library_init (klass);
  _gloss_window_class_article_actions_init (klass);
  _gloss_window_class_import_init (klass);
  _gloss_window_class_links_init (klass);
  _gloss_window_class_versions_init (klass);
  _gloss_window_class_suggestions_init (klass);
}

/* GTK 4.8 names a labelled button by its raw label, underscore and all,
 * and then by the label shown, so screen readers hear it twice; the label
 * shown is enough. */
static void
reset_button_labels (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    reset_button_labels (child);
}

static void
gloss_window_init (GlossWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  reset_button_labels (GTK_WIDGET (self));

  self->deleted = g_hash_table_new_full (NULL, NULL, NULL,
                                         (GDestroyNotify) gloss_deleted_annotation_free);
  self->editor = g_object_ref_sink (GLOSS_ANNOTATION_EDITOR (gloss_annotation_editor_new ()));
  gloss_reader_view_add_popover (self->reader_view, GTK_POPOVER (self->editor));

  _gloss_window_actions_init (self);
  _gloss_window_history_init (self);
  _gloss_window_article_actions_init (self);
  _gloss_window_library_init (self);
  _gloss_window_watch_init (self);
  _gloss_window_links_init (self);
  _gloss_window_versions_init (self);
  _gloss_window_suggestions_init (self);
  _gloss_window_update_title (self);
}

/**
 * gloss_window_new:
 * @application: (nullable): the application
 * @store: (nullable): the library, or %NULL when it could not be opened
 *
 * Returns: (transfer full): a new, empty window
 */
GlossWindow *
gloss_window_new (GtkApplication *application,
                  GlossStore     *store)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store == NULL || GLOSS_IS_STORE (store), NULL);

  return g_object_new (GLOSS_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

/**
 * gloss_window_set_store:
 * @self: a #GlossWindow
 * @store: (nullable): the library to use from now on, or %NULL
 *
 * Lets go of the current library (so the application can close it, for a
 * restore or a fresh start) and takes @store instead.  The article shown is
 * opened again from its file, so it and its annotations come from @store.
 */
void
gloss_window_set_store (GlossWindow *self,
                        GlossStore  *store)
{
  gint64 article_id;

  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (store == NULL || GLOSS_IS_STORE (store));

  if (self->store == store)
    return;

  /* Every reference to the old library goes, the editor's words first. */
  gloss_annotation_editor_flush (self->editor);
  gtk_popover_popdown (GTK_POPOVER (self->editor));
  gloss_annotation_editor_set_annotation (self->editor, NULL, NULL);
  g_hash_table_remove_all (self->deleted);
  _gloss_window_end_range_edit (self);
  g_hash_table_remove_all (self->deleted_articles);
  gloss_reader_view_set_annotations (self->reader_view, NULL);
  gloss_annotation_list_set_model (self->annotation_list, NULL);
  g_clear_object (&self->annotations);

  article_id = gloss_window_get_article (self) != NULL
               ? gloss_article_get_id (gloss_window_get_article (self)) : 0;
  _gloss_window_save_reading_position (self);

  g_set_object (&self->store, store);
  _gloss_window_watch_reset (self);
  gloss_annotation_list_set_unavailable (self->annotation_list, store == NULL);
  _gloss_window_update_mark_actions (self);
  _gloss_window_update_library_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);

  if (self->file != NULL && store != NULL)
    {
      g_autoptr(GFile) file = g_object_ref (self->file);

      gloss_window_open_file (self, file);
    }
  else if (article_id != 0 && store != NULL)
    {
      g_autoptr(GError) error = NULL;

      /* The restored library may not have it; the window then stays empty. */
      if (!gloss_window_open_article (self, article_id, &error))
        _gloss_window_close_article (self);
    }
}

/**
 * gloss_window_reload_annotations:
 * @self: a #GlossWindow
 *
 * Reads the annotations of the article shown again from the library, after
 * something other than this window added some.
 *
 * Returns: whether they could be read
 */
gboolean
gloss_window_reload_annotations (GlossWindow  *self,
                                 GError      **error)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);

  if (self->annotations == NULL)
    return TRUE;

  if (!gloss_annotation_model_load (self->annotations, error))
    return FALSE;

  /* What was just read is what the library watch compares with next. */
  _gloss_window_watch_article_shown (self);
  return TRUE;
}

/**
 * gloss_window_add_toast:
 * @self: a #GlossWindow
 * @toast: (transfer full): the toast
 */
void
gloss_window_add_toast (GlossWindow *self,
                        AdwToast    *toast)
{
  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
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

/**
 * gloss_window_get_store:
 * @self: a #GlossWindow
 *
 * Returns: (transfer none) (nullable): the library
 */
GlossStore *
gloss_window_get_store (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * gloss_window_get_annotations:
 * @self: a #GlossWindow
 *
 * Returns: (transfer none) (nullable): the annotations of the article
 *   shown, in document order
 */
GListModel *
gloss_window_get_annotations (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->annotations);
}
