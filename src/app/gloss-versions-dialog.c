/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-versions"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-versions-dialog.h"

/*
 * The versions of one article: when each came into the library and from
 * where (the address after redirects, or the file), two to compare, and
 * Restore on each earlier one.  The dialog only asks: the window compares
 * (in its reader) and restores (with Undo) when it emits ::compare or
 * ::restore, then closes it.
 */

struct _GlossVersionsDialog
{
  AdwWindow parent_instance;

  GPtrArray *versions;
  AdwComboRow *from_row;
  AdwComboRow *to_row;
  GtkButton *compare_button;
};

G_DEFINE_FINAL_TYPE (GlossVersionsDialog, gloss_versions_dialog, ADW_TYPE_WINDOW)

enum {
  COMPARE,
  RESTORE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * gloss_versions_dialog_format_date:
 * @iso8601: (nullable): a time as stored
 *
 * Returns: (transfer full) (nullable): it in local time, as a person reads it
 */
char *
gloss_versions_dialog_format_date (const char *iso8601)
{
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso8601 == NULL)
    return NULL;
  date = g_date_time_new_from_iso8601 (iso8601, NULL);
  if (date == NULL)
    return g_strdup (iso8601);
  local = g_date_time_to_local (date);
  /* Translators: a date and time in the format of g_date_time_format() */
  return g_date_time_format (local, _("%A, %-d %B %Y, %H:%M"));
}

static char *
dup_source (const GlossArticleVersion *version)
{
  const char *link = version->provenance != NULL ? gloss_provenance_get_link (version->provenance)
                                                 : NULL;

  if (link != NULL)
    return g_strdup (link);
  if (version->source_name != NULL)
    return g_strdup (version->source_name);
  return NULL;
}

static char *
dup_version_name (const GlossArticleVersion *version)
{
  /* Translators: %u numbers the versions of an article from 1 */
  return version->current ? g_strdup_printf (_("Version %u (current)"), version->number)
                          : g_strdup_printf (_("Version %u"), version->number);
}

static void
restore_clicked_cb (GtkButton           *button,
                    GlossVersionsDialog *self)
{
  guint number = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "gloss-version"));

  gloss_versions_dialog_restore (self, number);
}

static GtkWidget *
new_version_row (GlossVersionsDialog       *self,
                 const GlossArticleVersion *version)
{
  g_autofree char *title = dup_version_name (version);
  g_autofree char *date = gloss_versions_dialog_format_date (version->stored_at);
  g_autofree char *source = dup_source (version);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  if (source != NULL)
    /* Translators: a version's date, then the address or file it came from */
    subtitle = g_strdup_printf (_("%s · %s"), date != NULL ? date : "", source);
  else
    subtitle = g_strdup (date != NULL ? date : "");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

  if (!version->current)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore"));
      g_autofree char *label = NULL;

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      /* Translators: the accessible name of a version's Restore button */
      label = g_strdup_printf (_("Restore version %u"), version->number);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      g_object_set_data (G_OBJECT (button), "gloss-version", GUINT_TO_POINTER (version->number));
      g_signal_connect (button, "clicked", G_CALLBACK (restore_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

static void
range_changed_cb (GlossVersionsDialog *self)
{
  guint from = adw_combo_row_get_selected (self->from_row);
  guint to = adw_combo_row_get_selected (self->to_row);

  gtk_widget_set_sensitive (GTK_WIDGET (self->compare_button),
                            from != GTK_INVALID_LIST_POSITION && to != GTK_INVALID_LIST_POSITION
                            && from != to);
}

static void
compare_clicked_cb (GlossVersionsDialog *self)
{
  gloss_versions_dialog_compare (self);
}

static void
gloss_versions_dialog_finalize (GObject *object)
{
  GlossVersionsDialog *self = (GlossVersionsDialog *) object;

  g_clear_pointer (&self->versions, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_versions_dialog_parent_class)->finalize (object);
}

static void
gloss_versions_dialog_class_init (GlossVersionsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = gloss_versions_dialog_finalize;

  /**
   * GlossVersionsDialog::compare:
   * @from: the older version's number
   * @to: the newer one's
   *
   * The user asked to see the differences between two versions.
   */
  signals[COMPARE] = g_signal_new ("compare", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  /**
   * GlossVersionsDialog::restore:
   * @number: an earlier version's number
   *
   * The user asked to make an earlier version the current text again.
   */
  signals[RESTORE] = g_signal_new ("restore", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gloss_versions_dialog_init (GlossVersionsDialog *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Versions"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 520);
}

/**
 * gloss_versions_dialog_new:
 * @parent: the window showing the article
 * @title: (nullable): the article's title
 * @versions: (element-type GlossArticleVersion): its versions, oldest first
 *
 * Returns: (transfer full): a new dialog, not shown yet
 */
GlossVersionsDialog *
gloss_versions_dialog_new (GtkWindow  *parent,
                           const char *title,
                           GPtrArray  *versions)
{
  GlossVersionsDialog *self;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *compare_group = adw_preferences_group_new ();
  GtkWidget *list_group = adw_preferences_group_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *window_title;
  guint n;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (versions != NULL, NULL);

  self = g_object_new (GLOSS_TYPE_VERSIONS_DIALOG, "transient-for", parent, NULL);
  self->versions = g_ptr_array_ref (versions);
  n = versions->len;

  window_title = adw_window_title_new (_("Versions"), title != NULL ? title : "");
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), window_title);
  gtk_box_append (GTK_BOX (box), header);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = dup_version_name (g_ptr_array_index (versions, i));

      gtk_string_list_append (names, name);
    }

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (compare_group), _("Compare"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (compare_group),
                                         _("The reader shows the words added (underlined) and "
                                           "removed (struck through) between two versions"));
  self->from_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->from_row), _("_From"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->from_row), TRUE);
  adw_combo_row_set_model (self->from_row, G_LIST_MODEL (names));
  self->to_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->to_row), _("_To"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->to_row), TRUE);
  adw_combo_row_set_model (self->to_row, G_LIST_MODEL (names));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (compare_group), GTK_WIDGET (self->from_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (compare_group), GTK_WIDGET (self->to_row));

  self->compare_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("Show _Differences")));
  gtk_widget_add_css_class (GTK_WIDGET (self->compare_button), "suggested-action");
  gtk_widget_add_css_class (GTK_WIDGET (self->compare_button), "pill");
  gtk_widget_set_halign (GTK_WIDGET (self->compare_button), GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (GTK_WIDGET (self->compare_button), 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (compare_group),
                             GTK_WIDGET (self->compare_button));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (compare_group));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (list_group), _("All Versions"));
  if (n < 2)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (list_group),
                                           _("This article has one version so far. Check for "
                                             "Changes or open a newer copy to add one."));
  for (guint i = n; i > 0; i--)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (list_group),
                               new_version_row (self, g_ptr_array_index (versions, i - 1)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (list_group));

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);

  /* The latest change first: the one before the current, and the current. */
  if (n >= 2)
    gloss_versions_dialog_set_range (self, n - 1, n);
  gtk_widget_set_visible (GTK_WIDGET (compare_group), n >= 2);

  g_signal_connect_swapped (self->from_row, "notify::selected", G_CALLBACK (range_changed_cb), self);
  g_signal_connect_swapped (self->to_row, "notify::selected", G_CALLBACK (range_changed_cb), self);
  g_signal_connect_swapped (self->compare_button, "clicked", G_CALLBACK (compare_clicked_cb), self);
  range_changed_cb (self);

  return self;
}

/**
 * gloss_versions_dialog_set_range:
 * @self: a #GlossVersionsDialog
 * @from: a version number, from 1
 * @to: another
 */
void
gloss_versions_dialog_set_range (GlossVersionsDialog *self,
                                 guint                from,
                                 guint                to)
{
  g_return_if_fail (GLOSS_IS_VERSIONS_DIALOG (self));
  g_return_if_fail (from >= 1 && from <= self->versions->len);
  g_return_if_fail (to >= 1 && to <= self->versions->len);

  adw_combo_row_set_selected (self->from_row, from - 1);
  adw_combo_row_set_selected (self->to_row, to - 1);
}

/**
 * gloss_versions_dialog_compare:
 * @self: a #GlossVersionsDialog
 *
 * Does what Show Differences does: emits ::compare with the older of the
 * two versions chosen first, and closes the dialog.
 */
void
gloss_versions_dialog_compare (GlossVersionsDialog *self)
{
  guint a, b;

  g_return_if_fail (GLOSS_IS_VERSIONS_DIALOG (self));

  a = adw_combo_row_get_selected (self->from_row) + 1;
  b = adw_combo_row_get_selected (self->to_row) + 1;
  if (a == b || a == 0 || b == 0)
    return;

  g_object_ref (self);
  g_signal_emit (self, signals[COMPARE], 0, MIN (a, b), MAX (a, b));
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

/**
 * gloss_versions_dialog_restore:
 * @self: a #GlossVersionsDialog
 * @number: an earlier version's number
 *
 * Does what a version's Restore button does.
 */
void
gloss_versions_dialog_restore (GlossVersionsDialog *self,
                               guint                number)
{
  g_return_if_fail (GLOSS_IS_VERSIONS_DIALOG (self));
  g_return_if_fail (number >= 1 && number < self->versions->len);

  g_object_ref (self);
  g_signal_emit (self, signals[RESTORE], 0, number);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}
