/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-all-annotations"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "gloss-all-annotations-row.h"
#include "gloss-all-annotations-view.h"
#include "gloss-annotation-style.h"
#include "ui-fixture.h"

/*
 * The "All annotations" view as a fact-checker uses it: a library of a few
 * articles annotated by several people; the Denial toggle pressed, Huawei
 * picked from the speaker drop-down, words typed in the search field; the
 * rows on screen checked; one activated, which must name its article and
 * itself.  Then the empty library, a filter matching nothing and Clear
 * Filters, and a reload that keeps the filters while the library changes.
 */

#define DENIAL_HUAWEI "there is no evidence that Huawei poses any threat to cybersecurity"
#define DENIAL_SPYING "Huawei rejects accusations that it might facilitate Chinese spying"

typedef struct
{
  char *dir;
  GlossStore *store;
  GtkWindow *window;
  GlossAllAnnotationsView *view;
  gint64 huawei;
  gint64 cafe;
  gint64 nato;
  gint64 denial_huawei;
  gint64 denial_spying;
  gint64 activated_article;
  gint64 activated_annotation;
  guint n_activated;
} Fixture;

static void
activated_cb (GlossAllAnnotationsView *view,
              gint64                   article_id,
              gint64                   annotation_id,
              Fixture                 *fixture)
{
  fixture->activated_article = article_id;
  fixture->activated_annotation = annotation_id;
  fixture->n_activated++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->dir = gloss_test_library_dir_new (&path);
  fixture->store = gloss_test_store_open (path);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 700);
  fixture->view = GLOSS_ALL_ANNOTATIONS_VIEW (gloss_all_annotations_view_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  g_signal_connect (fixture->view, "annotation-activated", G_CALLBACK (activated_cb), fixture);
}

/* Three articles; Huawei denies twice in two of them, and also asks a
 * question; others claim and deny too. */
static void
fill_library (Fixture *fixture)
{
  GlossStore *store = fixture->store;

  fixture->huawei = gloss_test_import_file (store, GLOSS_TEST_DATA "/library/import/huawei.html");
  fixture->cafe = gloss_test_import_file (store, GLOSS_TEST_DATA "/library/import/sub/cafe.htm");
  fixture->nato = gloss_test_import_file (store, GLOSS_TEST_DATA "/nato-huawei.txt");

  fixture->denial_huawei = gloss_test_annotate (store, fixture->huawei, GLOSS_ANNOTATION_DENIAL,
                                                  DENIAL_HUAWEI, "Huawei", NULL);
  gloss_test_annotate (store, fixture->huawei, GLOSS_ANNOTATION_CLAIM,
                       "weighing how to respond to security concerns", "Jens Stoltenberg", NULL);
  gloss_test_annotate (store, fixture->huawei, GLOSS_ANNOTATION_EVIDENCE,
                       "The United States is lobbying European allies", NULL, NULL);
  gloss_test_annotate (store, fixture->cafe, GLOSS_ANNOTATION_QUESTION,
                       "chercher un repreneur", "Le maire", NULL);
  fixture->denial_spying = gloss_test_annotate (store, fixture->nato, GLOSS_ANNOTATION_DENIAL,
                                                  DENIAL_SPYING, "huawei", NULL);
  gloss_test_annotate (store, fixture->nato, GLOSS_ANNOTATION_CLAIM,
                       "some of NATO’s 29 allies are uneasy", "Jens Stoltenberg", NULL);
  gloss_test_annotate (store, fixture->nato, GLOSS_ANNOTATION_DENIAL,
                       "He refused to speculate about what it might do", "Jens Stoltenberg", NULL);
  gloss_test_annotate (store, fixture->nato, GLOSS_ANNOTATION_QUESTION,
                       "open for dialogue with anyone", "HUAWEI", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ui_destroy_window (fixture->window);
  g_clear_object (&fixture->store);
  gloss_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* The query runs in a worker; then the list lays out its rows. */
static void
wait_for_results (Fixture *fixture)
{
  gloss_test_wait_until (!gloss_all_annotations_view_get_loading (fixture->view),
                         "All Annotations to read the library");
  ui_wait_for_paint (GTK_WIDGET (fixture->window));
}

static void
show_window (Fixture *fixture)
{
  gtk_window_present (fixture->window);
  ui_wait_until_mapped (GTK_WIDGET (fixture->view));
  gloss_all_annotations_view_set_store (fixture->view, fixture->store);
  /* A library file is read in a worker, one in memory at once. */
  g_assert_cmpint (gloss_all_annotations_view_get_loading (fixture->view), ==,
                   !g_str_equal (gloss_store_get_path (fixture->store), ":memory:"));
  wait_for_results (fixture);
}

typedef gboolean (*WidgetTest) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_widget (GtkWidget     *root,
             WidgetTest     test,
             gconstpointer  data)
{
  if (test (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, test, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_search_entry (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_SEARCH_ENTRY (widget);
}

static const char *
string_at (GListModel *model,
           guint       position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (model, position);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

/* A drop-down by the first thing it offers ("Any Speaker"). */
static gboolean
is_drop_down_with_first (GtkWidget     *widget,
                         gconstpointer  data)
{
  GListModel *model;

  if (!GTK_IS_DROP_DOWN (widget))
    return FALSE;
  model = gtk_drop_down_get_model (GTK_DROP_DOWN (widget));
  return model != NULL && g_strcmp0 (string_at (model, 0), data) == 0;
}

static gboolean
has_label (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

/* A toggle by the word it shows, as a user finds it. */
static gboolean
is_toggle_labelled (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_TOGGLE_BUTTON (widget) && find_widget (widget, has_label, data) != NULL;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

/* The list of annotations, not the one inside a drop-down's popover. */
static gboolean
is_list_view (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_LIST_VIEW (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) == NULL;
}

static GtkWidget *
find (Fixture    *fixture,
      WidgetTest  test,
      const char *data)
{
  GtkWidget *widget = find_widget (GTK_WIDGET (fixture->view), test, data);

  g_assert_nonnull (widget);
  return widget;
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (GLOSS_IS_ALL_ANNOTATIONS_ROW (widget) &&
      gloss_all_annotations_row_get_annotation_id (GLOSS_ALL_ANNOTATIONS_ROW (widget)) != 0 &&
      gtk_widget_get_mapped (widget))
    g_ptr_array_add (rows, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

/* The rows on screen, top to bottom. */
static GPtrArray *
shown_rows (Fixture *fixture)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect_rows (find (fixture, is_list_view, NULL), rows);
  return rows;
}

static GlossAllAnnotationsRow *
row_at (GPtrArray *rows,
        guint      index)
{
  g_assert_cmpuint (rows->len, >, index);
  return g_ptr_array_index (rows, index);
}

/* Presses a button as Space or Enter does: it shows as pressed for a
 * moment, then is clicked. */
static void
press (GtkWidget *button)
{
  gboolean clicked = FALSE;
  gulong handler = g_signal_connect_swapped (button, "clicked", G_CALLBACK (ui_set_true), &clicked);

  g_assert_true (gtk_widget_activate (button));
  ui_iterate_until (&clicked, "the button to be clicked");
  g_signal_handler_disconnect (button, handler);
}

/* Picks @label in a drop-down, as its list does. */
static void
pick (GtkDropDown *drop_down,
      const char  *label)
{
  GListModel *model = gtk_drop_down_get_model (drop_down);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (string_at (model, i), label) == 0)
      {
        gtk_drop_down_set_selected (drop_down, i);
        return;
      }

  g_error ("“%s” is not offered", label);
}

/* Types into the search field and waits for the search it starts (the
 * entry waits for a pause in the typing first). */
static void
type_search (Fixture    *fixture,
             const char *text)
{
  GtkWidget *entry = find (fixture, is_search_entry, NULL);
  gboolean changed = FALSE;
  gulong handler = g_signal_connect_swapped (entry, "search-changed", G_CALLBACK (ui_set_true), &changed);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  ui_iterate_until (&changed, "the search field to start the search");
  g_signal_handler_disconnect (entry, handler);
  wait_for_results (fixture);
}

static void
test_denials_by_huawei (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *denials;
  GtkDropDown *speakers;
  g_autoptr(GPtrArray) rows = NULL;
  const char *label;

  fill_library (fixture);
  show_window (fixture);
  g_assert_cmpstr (gloss_all_annotations_view_get_page (fixture->view), ==, "list");
  g_assert_cmpuint (gloss_all_annotations_view_get_n_matches (fixture->view), ==, 8);
  rows = shown_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 8);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Denials only. */
  denials = find (fixture, is_toggle_labelled, gloss_annotation_kind_get_label (GLOSS_ANNOTATION_DENIAL));
  press (denials);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (denials)));
  wait_for_results (fixture);
  g_assert_cmpuint (gloss_all_annotations_view_get_n_matches (fixture->view), ==, 3);

  /* Huawei, however each annotation spelled it, from the drop-down. */
  speakers = GTK_DROP_DOWN (find (fixture, is_drop_down_with_first, "Any Speaker"));
  g_assert_cmpstr (string_at (gtk_drop_down_get_model (speakers), 1), ==, "Huawei (3)");
  g_assert_cmpstr (string_at (gtk_drop_down_get_model (speakers), 2), ==, "Jens Stoltenberg (3)");
  g_assert_cmpstr (string_at (gtk_drop_down_get_model (speakers), 3), ==, "Le maire (1)");
  pick (speakers, "Huawei (3)");
  wait_for_results (fixture);

  /* Both of Huawei's denials, from two articles, newest first; not its
   * question, nor Stoltenberg's denial. */
  rows = shown_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (gloss_all_annotations_row_get_annotation_id (row_at (rows, 0)), ==, fixture->denial_spying);
  g_assert_cmpint (gloss_all_annotations_row_get_article_id (row_at (rows, 0)), ==, fixture->nato);
  g_assert_cmpint (gloss_all_annotations_row_get_annotation_id (row_at (rows, 1)), ==, fixture->denial_huawei);
  g_assert_cmpint (gloss_all_annotations_row_get_article_id (row_at (rows, 1)), ==, fixture->huawei);

  /* What a screen reader says for a row: the kind in words, the quote,
   * the speaker, the article. */
  label = gloss_all_annotations_row_get_label (row_at (rows, 1));
  g_assert_true (g_str_has_prefix (label, "Denial: “" DENIAL_HUAWEI "”, said by Huawei"));
  g_assert_nonnull (strstr (label, " In “Huawei rejects NATO security concerns”."));
  g_assert_nonnull (find_widget (GTK_WIDGET (row_at (rows, 1)), has_label, "“" DENIAL_HUAWEI "”"));
  g_assert_nonnull (find_widget (GTK_WIDGET (row_at (rows, 1)), has_label, "Huawei rejects NATO security concerns"));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Words narrow it further, and clearing them brings both back. */
  type_search (fixture, "spying");
  rows = shown_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (gloss_all_annotations_row_get_annotation_id (row_at (rows, 0)), ==, fixture->denial_spying);
  g_clear_pointer (&rows, g_ptr_array_unref);
  type_search (fixture, "");
  g_assert_cmpuint (gloss_all_annotations_view_get_n_matches (fixture->view), ==, 2);

  /* Return on the second row (what the list does for Return and a click)
   * asks for its article, at it. */
  gtk_widget_activate_action (find (fixture, is_list_view, NULL), "list.activate-item", "u", 1);
  g_assert_cmpuint (fixture->n_activated, ==, 1);
  g_assert_cmpint (fixture->activated_article, ==, fixture->huawei);
  g_assert_cmpint (fixture->activated_annotation, ==, fixture->denial_huawei);

  /* Oldest first turns the list round. */
  pick (GTK_DROP_DOWN (find (fixture, is_drop_down_with_first, "Newest First")), "Oldest First");
  wait_for_results (fixture);
  rows = shown_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (gloss_all_annotations_row_get_annotation_id (row_at (rows, 0)), ==, fixture->denial_huawei);
  gtk_widget_activate_action (find (fixture, is_list_view, NULL), "list.activate-item", "u", 1);
  g_assert_cmpint (fixture->activated_article, ==, fixture->nato);
  g_assert_cmpint (fixture->activated_annotation, ==, fixture->denial_spying);
}

static void
test_empty_and_no_match (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *verdicts;

  /* A library without annotations says how to make one. */
  show_window (fixture);
  g_assert_cmpstr (gloss_all_annotations_view_get_page (fixture->view), ==, "empty");
  g_assert_cmpuint (gloss_all_annotations_view_get_n_matches (fixture->view), ==, 0);

  fill_library (fixture);
  gloss_all_annotations_view_reload (fixture->view);
  wait_for_results (fixture);
  g_assert_cmpstr (gloss_all_annotations_view_get_page (fixture->view), ==, "list");

  /* Nothing matches: said so, with a way back. */
  verdicts = find (fixture, is_drop_down_with_first, "Any Verdict");
  pick (GTK_DROP_DOWN (verdicts), gloss_verdict_get_label (GLOSS_VERDICT_FALSE));
  wait_for_results (fixture);
  g_assert_cmpstr (gloss_all_annotations_view_get_page (fixture->view), ==, "no-match");
  type_search (fixture, "%");
  g_assert_cmpstr (gloss_all_annotations_view_get_page (fixture->view), ==, "no-match");

  press (find (fixture, is_button_labelled, "_Clear Filters"));
  wait_for_results (fixture);
  g_assert_cmpstr (gloss_all_annotations_view_get_page (fixture->view), ==, "list");
  g_assert_cmpuint (gloss_all_annotations_view_get_n_matches (fixture->view), ==, 8);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (verdicts)), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (fixture, is_search_entry, NULL))), ==, "");
}

static void
test_reload (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossDeletedArticle) deleted = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GtkDropDown *speakers;
  gint64 later;

  fill_library (fixture);
  show_window (fixture);
  speakers = GTK_DROP_DOWN (find (fixture, is_drop_down_with_first, "Any Speaker"));
  pick (speakers, "Huawei (3)");
  wait_for_results (fixture);
  g_assert_cmpuint (gloss_all_annotations_view_get_n_matches (fixture->view), ==, 3);

  /* Annotations made elsewhere show on reload, under the same filters. */
  later = gloss_test_annotate (fixture->store, fixture->cafe, GLOSS_ANNOTATION_CLAIM,
                               "ferme ses portes", "Huawei ", NULL);
  gloss_all_annotations_view_reload (fixture->view);
  wait_for_results (fixture);
  g_assert_cmpstr (string_at (gtk_drop_down_get_model (speakers),
                              gtk_drop_down_get_selected (speakers)), ==, "Huawei (4)");
  rows = shown_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpint (gloss_all_annotations_row_get_annotation_id (row_at (rows, 0)), ==, later);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* A deleted article's annotations are gone. */
  deleted = gloss_store_delete_article (fixture->store, fixture->nato, &error);
  g_assert_no_error (error);
  gloss_all_annotations_view_reload (fixture->view);
  wait_for_results (fixture);
  g_assert_cmpstr (string_at (gtk_drop_down_get_model (speakers),
                              gtk_drop_down_get_selected (speakers)), ==, "Huawei (2)");
  rows = shown_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (gloss_all_annotations_row_get_annotation_id (row_at (rows, 0)), ==, later);
  g_assert_cmpint (gloss_all_annotations_row_get_annotation_id (row_at (rows, 1)), ==, fixture->denial_huawei);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Once the speaker has no annotation left, the filter lets go of them. */
  g_assert_true (gloss_store_delete_annotation (fixture->store, later, &error));
  g_assert_true (gloss_store_delete_annotation (fixture->store, fixture->denial_huawei, &error));
  g_assert_no_error (error);
  gloss_all_annotations_view_reload (fixture->view);
  wait_for_results (fixture);
  g_assert_cmpuint (gtk_drop_down_get_selected (speakers), ==, 0);
  g_assert_cmpuint (gloss_all_annotations_view_get_n_matches (fixture->view), ==, 3);
}

/* Tab from the search field reaches every filter and then the list,
 * whose row activates as Return does. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *entry;
  GtkWidget *list;
  g_autoptr(GPtrArray) rows = NULL;
  const char * const drop_downs[] = { "Any Speaker", "Any Verdict", "Newest First" };
  gboolean reached_drop_down[G_N_ELEMENTS (drop_downs)] = { FALSE, };
  guint n_toggles = 0;
  GtkWidget *focus = NULL;

  fill_library (fixture);
  show_window (fixture);
  entry = find (fixture, is_search_entry, NULL);
  list = find (fixture, is_list_view, NULL);
  gtk_widget_grab_focus (entry);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), entry) ||
                 gtk_root_get_focus (GTK_ROOT (fixture->window)) == entry);

  for (guint step = 0; step < 20; step++)
    {
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
      focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
      g_assert_nonnull (focus);
      if (gtk_widget_is_ancestor (focus, list))
        break;
      for (guint i = 0; i < G_N_ELEMENTS (drop_downs); i++)
        if (gtk_widget_is_ancestor (focus, find (fixture, is_drop_down_with_first, drop_downs[i])))
          reached_drop_down[i] = TRUE;
      if (GTK_IS_TOGGLE_BUTTON (focus) && gtk_widget_get_ancestor (focus, GTK_TYPE_DROP_DOWN) == NULL)
        n_toggles++;
    }

  for (guint i = 0; i < G_N_ELEMENTS (drop_downs); i++)
    g_assert_true (reached_drop_down[i]);
  g_assert_cmpuint (n_toggles, ==, GLOSS_ANNOTATION_KIND_LAST + 1);
  g_assert_true (gtk_widget_is_ancestor (focus, list));

  /* The row focused is the first, the newest annotation; activating it
   * (what Return does) opens it. */
  rows = shown_rows (fixture);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (row_at (rows, 0)), focus) ||
                 focus == gtk_widget_get_parent (GTK_WIDGET (row_at (rows, 0))));
  g_assert_true (gtk_widget_activate (focus));
  g_assert_cmpuint (fixture->n_activated, ==, 1);
  g_assert_cmpint (fixture->activated_annotation, ==,
                   gloss_all_annotations_row_get_annotation_id (row_at (rows, 0)));
  g_assert_cmpint (fixture->activated_article, ==, fixture->nato);
}

/* A library with no file (":memory:") has no second connection for the
 * worker: the view asks the store itself, with the same results. */
static void
test_library_in_memory (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_clear_object (&fixture->store);
  fixture->store = gloss_store_open (":memory:", &error);
  g_assert_no_error (error);

  fill_library (fixture);
  show_window (fixture);
  g_assert_cmpstr (gloss_all_annotations_view_get_page (fixture->view), ==, "list");
  g_assert_cmpuint (gloss_all_annotations_view_get_n_matches (fixture->view), ==, 8);

  press (find (fixture, is_toggle_labelled, gloss_annotation_kind_get_label (GLOSS_ANNOTATION_DENIAL)));
  pick (GTK_DROP_DOWN (find (fixture, is_drop_down_with_first, "Any Speaker")), "Huawei (3)");
  wait_for_results (fixture);
  rows = shown_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (gloss_all_annotations_row_get_annotation_id (row_at (rows, 0)), ==, fixture->denial_spying);
  g_assert_cmpint (gloss_all_annotations_row_get_annotation_id (row_at (rows, 1)), ==, fixture->denial_huawei);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "/ui/all-annotations", UI_TEST_ACCESSIBLE | UI_TEST_ADWAITA))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add ("/ui/all-annotations/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("denials-by-huawei", test_denials_by_huawei);
  ADD ("empty-and-no-match", test_empty_and_no_match);
  ADD ("reload", test_reload);
  ADD ("keyboard", test_keyboard);
  ADD ("library-in-memory", test_library_in_memory);

#undef ADD

  return g_test_run ();
}
