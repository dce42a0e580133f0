/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-suggestions"

#include "config.h"

#include <adwaita.h>

#include "gloss-application.h"
#include "gloss-window-private.h"
#include "ui-fixture.h"

/*
 * Suggestions in the real window, on the sample article: they are computed
 * on a worker when the article opens and marked in the reader and listed
 * in the pane; Accept makes an annotation with its speaker (and a denial's
 * link to the claim it answers), Dismiss is remembered for the article
 * after it is opened again, Accept All and Accept Claims are undone by
 * their toast's Undo, a denial and its link are stored together and undone
 * in one step, and
 * with the preference off nothing is computed or shown.
 */

#define STOLTENBERG "Jens Stoltenberg"
#define CLAIM_START "Stoltenberg says some of NATO"
#define DENIAL_START "Huawei rejects accusations"
#define DISMISSED_START "“NATO takes these concerns very seriously,”"

typedef gboolean (*Condition) (GlossWindow *window);

static void
wait_for (GlossWindow *window,
          Condition    condition,
          const char  *what)
{
  /* Polled: the worker's result reaches the model through the main loop,
   * but not every state change comes with an event to wake it. */
  gloss_test_poll_until (condition (window), "%s", what);
}

static gboolean
suggestions_ready (GlossWindow *window)
{
  return gloss_suggestion_model_get_state (gloss_window_get_suggestions (window))
         == GLOSS_SUGGESTION_STATE_READY;
}

static gboolean
toast_shown (GlossWindow *window)
{
  GtkWidget *last = gtk_widget_get_last_child (GTK_WIDGET (window->toast_overlay));

  return last != NULL && last != adw_toast_overlay_get_child (window->toast_overlay);
}

static GListModel *
get_suggestions (GlossWindow *window)
{
  return G_LIST_MODEL (gloss_window_get_suggestions (window));
}

/* The suggestion shown whose sentence starts with @start, or NULL. */
static GlossSuggestionItem *
find_suggestion (GlossWindow *window,
                 const char  *start)
{
  GListModel *model = get_suggestions (window);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GlossSuggestionItem) item = g_list_model_get_item (model, i);

      if (g_str_has_prefix (gloss_suggestion_item_get_text (item), start))
        return item;   /* the model keeps it */
    }

  return NULL;
}

static GlossWindow *
open_sample (GtkApplication *application,
             GlossStore     *store,
             gint64          article_id)
{
  GlossWindow *window = ui_window_new (application, store);
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_window_open_article (window, article_id, &error));
  g_assert_no_error (error);
  return window;
}

static GPtrArray *
stored_annotations (GlossStore *store,
                    gint64      article_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *annotations = gloss_store_list_annotations (store, article_id, &error);

  g_assert_no_error (error);
  return annotations;
}

static GlossAnnotation *
find_stored (GPtrArray  *annotations,
             const char *start)
{
  for (guint i = 0; i < annotations->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (annotations, i);

      if (g_str_has_prefix (gloss_annotation_get_anchor (annotation)->exact, start))
        return annotation;
    }

  return NULL;
}

static void
activate_on (GlossWindow         *window,
             const char          *action,
             GlossSuggestionItem *item)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->suggestions_pane), action, "u",
                                             gloss_suggestion_item_get_index (item)));
}

/* The newest toast's button, clicked as a person would. */
static void
click_toast_button (GlossWindow *window)
{
  GtkWidget *toast = gtk_widget_get_last_child (GTK_WIDGET (window->toast_overlay));
  GtkWidget *widget = toast;

  g_assert_true (toast_shown (window));
  /* Depth first through the toast's widgets to its only button with a
   * label (the other one closes the toast and has an icon). */
  while (widget != NULL)
    {
      if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
        {
          g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (widget)), ==, "_Undo");
          g_signal_emit_by_name (widget, "clicked");
          return;
        }
      if (gtk_widget_get_first_child (widget) != NULL)
        widget = gtk_widget_get_first_child (widget);
      else
        {
          while (widget != toast && gtk_widget_get_next_sibling (widget) == NULL)
            widget = gtk_widget_get_parent (widget);
          widget = widget == toast ? NULL : gtk_widget_get_next_sibling (widget);
        }
    }
  g_error ("The toast has no Undo button");
}

static void
test_accept_dismiss (UiLibrary     *library,
                     gconstpointer  data)
{
  g_autoptr(GlossStore) store = gloss_test_store_open (library->path);
  gint64 id = gloss_test_import_file (store, library->sample);
  g_autoptr(GPtrArray) stored = NULL;
  GlossWindow *window;
  GlossSuggestionItem *item;
  GlossAnnotation *claim, *denial;
  GtkListBoxRow *row, *next;
  g_autofree char *label = NULL;
  gint64 claim_id;
  guint n_before;

  window = open_sample (NULL, store, id);
  wait_for (window, suggestions_ready, "the suggestions of the sample article");

  /* Marked in the reader, and listed in the pane once it is shown. */
  g_assert_true (gloss_reader_view_get_suggestions (gloss_window_get_reader_view (window))
                 == get_suggestions (window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->suggestions_pane)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-suggestions", NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->suggestions_pane)));
  ui_wait_for_paint (GTK_WIDGET (window));
  g_assert_cmpstr (gloss_suggestions_pane_get_page (window->suggestions_pane), ==, "list");
  n_before = g_list_model_get_n_items (get_suggestions (window));
  g_assert_cmpuint (n_before, >=, 5);

  item = find_suggestion (window, CLAIM_START);
  g_assert_nonnull (item);
  g_assert_cmpint (gloss_suggestion_item_get_kind (item), ==, GLOSS_ANNOTATION_CLAIM);
  g_assert_cmpstr (gloss_suggestion_item_get_speaker (item), ==, STOLTENBERG);
  row = gloss_suggestions_pane_find_row (window->suggestions_pane, item);
  g_assert_nonnull (row);
  label = g_strdup_printf ("Claim by " STOLTENBERG ": %s", gloss_suggestion_item_get_text (item));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  next = gtk_list_box_get_row_at_index (GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (row))),
                                        gtk_list_box_row_get_index (row) + 1);
  g_assert_nonnull (next);

  /* Accept, with A on its row: a claim by Stoltenberg in the library, off
   * the list, and the keyboard on the next row. */
  gtk_widget_grab_focus (GTK_WIDGET (row));
  g_assert_true (ui_press_key (GTK_WIDGET (window->suggestions_pane), GDK_KEY_a));
  g_assert_null (find_suggestion (window, CLAIM_START));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (next));
  stored = stored_annotations (store, id);
  g_assert_cmpuint (stored->len, ==, 1);
  claim = find_stored (stored, CLAIM_START);
  g_assert_nonnull (claim);
  g_assert_cmpint (gloss_annotation_get_kind (claim), ==, GLOSS_ANNOTATION_CLAIM);
  g_assert_cmpstr (gloss_annotation_get_speaker (claim), ==, STOLTENBERG);
  g_clear_pointer (&stored, g_ptr_array_unref);

  /* A denial: Huawei's, responding to that claim. */
  item = find_suggestion (window, DENIAL_START);
  g_assert_nonnull (item);
  g_assert_cmpint (gloss_suggestion_item_get_kind (item), ==, GLOSS_ANNOTATION_DENIAL);
  activate_on (window, "suggestions.accept", item);
  stored = stored_annotations (store, id);
  g_assert_cmpuint (stored->len, ==, 2);
  claim = find_stored (stored, CLAIM_START);
  denial = find_stored (stored, DENIAL_START);
  g_assert_nonnull (denial);
  g_assert_cmpint (gloss_annotation_get_kind (denial), ==, GLOSS_ANNOTATION_DENIAL);
  g_assert_cmpstr (gloss_annotation_get_speaker (denial), ==, "Huawei");
  g_assert_cmpuint (gloss_annotation_get_n_links (denial), ==, 1);
  g_assert_cmpint (gloss_annotation_get_link (denial, 0)->relation, ==, GLOSS_RELATION_RESPONDS_TO);
  claim_id = gloss_annotation_get_id (claim);
  g_assert_cmpint (gloss_annotation_get_link (denial, 0)->target_id, ==, claim_id);
  g_clear_pointer (&stored, g_ptr_array_unref);

  /* Dismiss, with Delete on its row: off the list, nothing stored as an
   * annotation. */
  item = find_suggestion (window, DISMISSED_START);
  g_assert_nonnull (item);
  gtk_widget_grab_focus (GTK_WIDGET (gloss_suggestions_pane_find_row (window->suggestions_pane, item)));
  g_assert_true (ui_press_key (GTK_WIDGET (window->suggestions_pane), GDK_KEY_Delete));
  g_assert_null (find_suggestion (window, DISMISSED_START));
  /* Its toast's Undo brings it back; dismissed again from its button. */
  wait_for (window, toast_shown, "the toast of Dismiss");
  click_toast_button (window);
  g_assert_true (find_suggestion (window, DISMISSED_START) == item);
  activate_on (window, "suggestions.dismiss", item);
  g_assert_null (find_suggestion (window, DISMISSED_START));
  g_assert_cmpuint (g_list_model_get_n_items (get_suggestions (window)), ==, n_before - 3);
  stored = stored_annotations (store, id);
  g_assert_cmpuint (stored->len, ==, 2);
  g_clear_pointer (&stored, g_ptr_array_unref);
  ui_destroy_window (GTK_WINDOW (window));

  /* Opened again, in a new window: known for this version of the article,
   * so there at once without a worker; still dismissed, still accepted. */
  window = open_sample (NULL, store, id);
  g_assert_true (suggestions_ready (window));
  g_assert_null (find_suggestion (window, DISMISSED_START));
  g_assert_null (find_suggestion (window, CLAIM_START));
  g_assert_null (find_suggestion (window, DENIAL_START));
  g_assert_cmpuint (g_list_model_get_n_items (get_suggestions (window)), ==, n_before - 3);

  /* Deleting an accepted one's annotation brings the suggestion back. */
  claim = gloss_annotation_model_find (GLOSS_ANNOTATION_MODEL (gloss_window_get_annotations (window)),
                                       claim_id);
  g_assert_nonnull (claim);
  {
    g_autoptr(GlossDeletedAnnotation) deleted = NULL;
    g_autoptr(GError) error = NULL;

    deleted = gloss_annotation_model_delete (GLOSS_ANNOTATION_MODEL (gloss_window_get_annotations (window)),
                                             claim, &error);
    g_assert_no_error (error);
    g_assert_nonnull (deleted);
  }
  g_assert_nonnull (find_suggestion (window, CLAIM_START));

  ui_destroy_window (GTK_WINDOW (window));
}

static void
test_accept_all_undo (UiLibrary     *library,
                      gconstpointer  data)
{
  g_autoptr(GlossStore) store = gloss_test_store_open (library->path);
  gint64 id = gloss_test_import_file (store, library->sample);
  g_autoptr(GPtrArray) stored = NULL;
  GlossWindow *window;
  guint n;

  window = open_sample (NULL, store, id);
  wait_for (window, suggestions_ready, "the suggestions of the sample article");
  n = g_list_model_get_n_items (get_suggestions (window));
  g_assert_cmpuint (n, >=, 5);

  /* Hidden, the pane has no rows to build; shown (Shift+F9, as the button
   * does), it lists every suggestion. */
  {
    g_autoptr(GlossSuggestionItem) first = g_list_model_get_item (get_suggestions (window), 0);

    g_assert_null (gloss_suggestions_pane_find_row (window->suggestions_pane, first));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-suggestions", NULL));
    ui_wait_for_paint (GTK_WIDGET (window));
    g_assert_nonnull (gloss_suggestions_pane_find_row (window->suggestions_pane, first));
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->suggestions_pane),
                                             "suggestions.accept-all", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (get_suggestions (window)), ==, 0);
  g_assert_cmpstr (gloss_suggestions_pane_get_page (window->suggestions_pane), ==, "empty");
  stored = stored_annotations (store, id);
  g_assert_cmpuint (stored->len, ==, n);
  g_assert_cmpstr (gloss_annotation_get_speaker (find_stored (stored, CLAIM_START)), ==,
                   STOLTENBERG);
  g_clear_pointer (&stored, g_ptr_array_unref);

  wait_for (window, toast_shown, "the toast of Accept All");
  click_toast_button (window);
  stored = stored_annotations (store, id);
  g_assert_cmpuint (stored->len, ==, 0);
  g_clear_pointer (&stored, g_ptr_array_unref);
  g_assert_cmpuint (g_list_model_get_n_items (get_suggestions (window)), ==, n);
  g_assert_cmpstr (gloss_suggestions_pane_get_page (window->suggestions_pane), ==, "list");

  ui_destroy_window (GTK_WINDOW (window));
}

/* The denial and its claim in the library, the denial with its speaker
 * and its responds-to link to the claim; returns the claim's id. */
static gint64
assert_denial_linked (GlossStore *store,
                      gint64      id)
{
  g_autoptr(GPtrArray) stored = stored_annotations (store, id);
  GlossAnnotation *claim = find_stored (stored, CLAIM_START);
  GlossAnnotation *denial = find_stored (stored, DENIAL_START);

  g_assert_cmpuint (stored->len, ==, 2);
  g_assert_nonnull (claim);
  g_assert_nonnull (denial);
  g_assert_cmpint (gloss_annotation_get_kind (denial), ==, GLOSS_ANNOTATION_DENIAL);
  g_assert_cmpstr (gloss_annotation_get_speaker (denial), ==, "Huawei");
  g_assert_cmpuint (gloss_annotation_get_n_links (denial), ==, 1);
  g_assert_cmpint (gloss_annotation_get_link (denial, 0)->relation, ==, GLOSS_RELATION_RESPONDS_TO);
  g_assert_cmpint (gloss_annotation_get_link (denial, 0)->target_id, ==,
                   gloss_annotation_get_id (claim));
  return gloss_annotation_get_id (claim);
}

/* A denial accepted on its own brings the claim it answers and the link;
 * Ctrl+Z takes all of it back at once and Ctrl+Shift+Z puts it back.  The
 * denial and its link are one write: when the link cannot be stored (its
 * claim deleted by another program meanwhile) no denial is left without
 * it. */
static void
test_accept_denial_linked (UiLibrary     *library,
                           gconstpointer  data)
{
  g_autoptr(GlossStore) store = gloss_test_store_open (library->path);
  gint64 id = gloss_test_import_file (store, library->sample);
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  GlossWindow *window;
  GlossSuggestionItem *item;
  gint64 claim_id;

  window = open_sample (NULL, store, id);
  wait_for (window, suggestions_ready, "the suggestions of the sample article");

  item = find_suggestion (window, DENIAL_START);
  g_assert_nonnull (item);
  activate_on (window, "suggestions.accept", item);
  g_assert_null (find_suggestion (window, DENIAL_START));
  g_assert_null (find_suggestion (window, CLAIM_START));
  assert_denial_linked (store, id);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  stored = stored_annotations (store, id);
  g_assert_cmpuint (stored->len, ==, 0);
  g_clear_pointer (&stored, g_ptr_array_unref);
  g_assert_nonnull (find_suggestion (window, DENIAL_START));
  g_assert_nonnull (find_suggestion (window, CLAIM_START));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  assert_denial_linked (store, id);
  g_assert_null (find_suggestion (window, DENIAL_START));

  /* Back to no annotations, then the claim alone, accepted in the window
   * and deleted by another program before the denial is accepted (no
   * main loop turn between, so the window still shows the claim). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  item = find_suggestion (window, CLAIM_START);
  g_assert_nonnull (item);
  activate_on (window, "suggestions.accept", item);
  stored = stored_annotations (store, id);
  g_assert_cmpuint (stored->len, ==, 1);
  claim_id = gloss_annotation_get_id (g_ptr_array_index (stored, 0));
  g_clear_pointer (&stored, g_ptr_array_unref);
  g_assert_true (gloss_store_delete_annotation (store, claim_id, &error));
  g_assert_no_error (error);

  item = find_suggestion (window, DENIAL_START);
  g_assert_nonnull (item);
  activate_on (window, "suggestions.accept", item);
  stored = stored_annotations (store, id);
  g_assert_cmpuint (stored->len, ==, 0);
  g_clear_pointer (&stored, g_ptr_array_unref);
  g_assert_nonnull (find_suggestion (window, DENIAL_START));

  ui_destroy_window (GTK_WINDOW (window));
}

/* Accept Claims makes every suggested claim an annotation and leaves the
 * denials listed, to be weighed one by one; Undo takes the claims away. */
static void
test_accept_claims_undo (UiLibrary     *library,
                         gconstpointer  data)
{
  g_autoptr(GlossStore) store = gloss_test_store_open (library->path);
  gint64 id = gloss_test_import_file (store, library->sample);
  g_autoptr(GPtrArray) stored = NULL;
  GlossWindow *window;
  guint n, n_claims = 0, n_others = 0;

  window = open_sample (NULL, store, id);
  wait_for (window, suggestions_ready, "the suggestions of the sample article");
  n = g_list_model_get_n_items (get_suggestions (window));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GlossSuggestionItem) item = g_list_model_get_item (get_suggestions (window), i);

      if (gloss_suggestion_item_get_kind (item) == GLOSS_ANNOTATION_CLAIM
          && gloss_suggestion_item_is_attributed (item))
        n_claims++;
      else
        n_others++;
    }
  /* The sample has both: Stoltenberg's claims, Huawei's two denials. */
  g_assert_cmpuint (n_claims, >=, 1);
  g_assert_cmpuint (n_others, >=, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-suggestions", NULL));
  ui_wait_for_paint (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->suggestions_pane),
                                             "suggestions.accept-claims", NULL));

  stored = stored_annotations (store, id);
  g_assert_cmpuint (stored->len, ==, n_claims);
  for (guint i = 0; i < stored->len; i++)
    g_assert_cmpint (gloss_annotation_get_kind (g_ptr_array_index (stored, i)), ==, GLOSS_ANNOTATION_CLAIM);
  g_assert_cmpstr (gloss_annotation_get_speaker (find_stored (stored, CLAIM_START)), ==, STOLTENBERG);
  g_clear_pointer (&stored, g_ptr_array_unref);

  /* The denials (and sentences only worth checking) are still there to be
   * weighed one by one. */
  g_assert_cmpuint (g_list_model_get_n_items (get_suggestions (window)), ==, n_others);
  for (guint i = 0; i < n_others; i++)
    {
      g_autoptr(GlossSuggestionItem) item = g_list_model_get_item (get_suggestions (window), i);

      g_assert_true (gloss_suggestion_item_get_kind (item) == GLOSS_ANNOTATION_DENIAL
                     || !gloss_suggestion_item_is_attributed (item));
    }
  g_assert_nonnull (find_suggestion (window, DENIAL_START));

  wait_for (window, toast_shown, "the toast of Accept Claims");
  click_toast_button (window);
  stored = stored_annotations (store, id);
  g_assert_cmpuint (stored->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (get_suggestions (window)), ==, n);

  ui_destroy_window (GTK_WINDOW (window));
}

static gboolean
row_selected (GtkListBoxRow *row)
{
  return row != NULL && gtk_list_box_row_is_selected (row);
}

/* A click on a suggested sentence in the reader selects its row in the
 * open pane; the keyboard stays in the text. */
static void
test_click_mark_shows_row (UiLibrary     *library,
                           gconstpointer  data)
{
  g_autoptr(GlossStore) store = gloss_test_store_open (library->path);
  gint64 id = gloss_test_import_file (store, library->sample);
  GlossSuggestionItem *denial;
  GtkListBoxRow *row;
  g_autofree char *commands = NULL;
  GlossWindow *window;
  int x, y;

  window = open_sample (NULL, store, id);
  ui_present (GTK_WINDOW (window));
  wait_for (window, suggestions_ready, "the suggestions of the sample article");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-suggestions", NULL));
  ui_wait_for_layout (window);

  denial = find_suggestion (window, DENIAL_START);
  g_assert_nonnull (denial);
  row = gloss_suggestions_pane_find_row (window->suggestions_pane, denial);
  g_assert_nonnull (row);
  g_assert_false (gtk_list_box_row_is_selected (row));

  ui_scroll_to_block (window, gloss_suggestion_item_get_block (denial), 0.3);
  ui_point_at (window, gloss_suggestion_item_get_block (denial),
               (guint) gloss_suggestion_item_get_start (denial) + 3, &x, &y);
  commands = g_strdup_printf ("mousemove WINDOW %d %d click 1", x, y);
  ui_xdotool (window, commands);
  gloss_test_wait_until (row_selected (gloss_suggestions_pane_find_row (window->suggestions_pane, denial)),
                         "the clicked denial's row to be selected in the pane");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (window->reader_view)));

  ui_destroy_window (GTK_WINDOW (window));
}

static void
count_state_cb (GlossSuggestionModel *model,
                GParamSpec           *pspec,
                guint                *computing)
{
  if (gloss_suggestion_model_get_state (model) == GLOSS_SUGGESTION_STATE_COMPUTING)
    (*computing)++;
}

static void
test_preference_off (UiLibrary     *library,
                     gconstpointer  data)
{
  g_autoptr(GlossStore) store = gloss_test_store_open (library->path);
  gint64 id = gloss_test_import_file (store, library->sample);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.glossapp.Gloss");
  g_autoptr(GlossApplication) application = NULL;
  GlossSuggestionModel *model;
  GlossWindow *window;
  guint computing = 0;

  g_setenv ("GLOSS_DB", library->path, TRUE);
  g_settings_set_boolean (settings, "suggest", FALSE);
  application = ui_application_new ("io.github.glossapp.Gloss.TestSuggestions");
  window = ui_window_new (GTK_APPLICATION (application), store);
  model = gloss_window_get_suggestions (window);
  g_signal_connect (model, "notify::state", G_CALLBACK (count_state_cb), &computing);

  g_assert_true (gloss_window_open_article (window, id, NULL));
  ui_wait_for_paint (GTK_WIDGET (window));
  g_assert_cmpuint (computing, ==, 0);
  g_assert_cmpint (gloss_suggestion_model_get_state (model), ==, GLOSS_SUGGESTION_STATE_OFF);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->suggestions_button)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->suggestions_pane)));

  /* Turned on, as in Preferences: the open article gets them. */
  g_settings_set_boolean (settings, "suggest", TRUE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->suggestions_button)));
  wait_for (window, suggestions_ready, "the suggestions once turned on");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >=, 5);

  /* And off again: gone at once. */
  g_settings_set_boolean (settings, "suggest", FALSE);
  g_assert_cmpint (gloss_suggestion_model_get_state (model), ==, GLOSS_SUGGESTION_STATE_OFF);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (
                      gloss_reader_view_get_suggestions (gloss_window_get_reader_view (window))),
                    ==, 0);

  g_signal_handlers_disconnect_by_func (model, count_state_cb, &computing);
  ui_destroy_window (GTK_WINDOW (window));
  g_settings_reset (settings, "suggest");
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "/ui/suggestions",
                     UI_TEST_ACCESSIBLE | UI_TEST_ADWAITA | UI_TEST_APP_STYLE))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add ("/ui/suggestions/" path, UiLibrary, NULL, ui_library_set_up, func, \
              ui_library_tear_down)

  ADD ("accept-dismiss", test_accept_dismiss);
  ADD ("accept-all-undo", test_accept_all_undo);
  ADD ("accept-denial-linked", test_accept_denial_linked);
  ADD ("accept-claims-undo", test_accept_claims_undo);
  ADD ("click-mark-shows-row", test_click_mark_shows_row);
  ADD ("preference-off", test_preference_off);

#undef ADD

  return g_test_run ();
}
