/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-long-article"

#include "config.h"

#include "gloss-annotation-style.h"
#include "gloss-window-private.h"
#include "ui-fixture.h"

/*
 * A long article carrying hundreds of annotations, opened as from the
 * library.  The pane shows a screenful of rows with the article and
 * builds the others after the first frame: in the end every annotation
 * has its row, in document order, the orphans last, and whatever needs a
 * row before then (selecting it, the keyboard in the pane, an edit) gets
 * it at once.  The reader tags and paints highlights far down the article
 * as at its top, overlapping ones included.
 */

#define N_BLOCKS 400
#define N_ANCHORED 300
#define N_ORPHANS 3
/* Two denials overlap in this block, and a claim overlaps the second. */
#define OVERLAP_BLOCK 350
#define N_ANNOTATIONS (N_ANCHORED + 3 + N_ORPHANS)

typedef struct
{
  char *dir;
  char *path;
  gint64 article_id;
} Library;

static void
add_annotation (GlossStore          *store,
                GlossArticle        *article,
                GlossAnnotationKind  kind,
                GlossAnchor         *anchor)
{
  g_autoptr(GlossAnnotation) annotation = gloss_annotation_new (kind, anchor);
  g_autoptr(GError) error = NULL;

  gloss_annotation_set_article_id (annotation, gloss_article_get_id (article));
  g_assert_true (gloss_store_add_annotation (store, annotation, &error));
  g_assert_no_error (error);
}

static void
add_range (GlossStore          *store,
           GlossArticle        *article,
           GlossAnnotationKind  kind,
           guint                block,
           guint                start,
           guint                end)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossAnchor) anchor = gloss_anchor_new_for_range (article, block, start, block, end,
                                                              &error);

  g_assert_no_error (error);
  add_annotation (store, article, kind, anchor);
}

static void
library_setup (Library       *library,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GlossArticle) article = NULL;
  g_autoptr(GString) text = g_string_new ("The Long Read\n\n");

  library->dir = gloss_test_library_dir_new (&library->path);
  store = gloss_test_store_open (library->path);

  for (guint i = 0; i < N_BLOCKS; i++)
    g_string_append_printf (text, "Paragraph %03u of the long read: the committee heard evidence "
                            "about item %u of the report, and nobody disagreed.\n\n", i, i);
  library->article_id = gloss_test_import_text (store, text->str, "long-read.txt");
  article = gloss_store_load_article (store, library->article_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_article_get_n_blocks (article), >=, N_BLOCKS);

  /* “Paragraph” at the start of each of the first blocks, of every kind
   * in turn. */
  for (guint i = 0; i < N_ANCHORED; i++)
    add_range (store, article, i % (GLOSS_ANNOTATION_KIND_LAST + 1), i, 0, 9);

  add_range (store, article, GLOSS_ANNOTATION_DENIAL, OVERLAP_BLOCK, 0, 10);
  add_range (store, article, GLOSS_ANNOTATION_DENIAL, OVERLAP_BLOCK, 5, 20);
  add_range (store, article, GLOSS_ANNOTATION_CLAIM, OVERLAP_BLOCK, 15, 30);

  for (guint i = 0; i < N_ORPHANS; i++)
    {
      g_autoptr(GlossAnchor) anchor = gloss_anchor_new (0, 0, 0, 0, "words that left the article",
                                                        NULL, NULL, GLOSS_ANCHOR_ORPHANED);

      add_annotation (store, article, GLOSS_ANNOTATION_QUESTION, anchor);
    }
}

static void
library_teardown (Library       *library,
                  gconstpointer  data)
{
  gloss_test_remove_tree (library->dir);
  g_free (library->dir);
  g_free (library->path);
}

/* A shown window with the long article opened, as the library opens it;
 * nothing of the main loop has run since. */
static GlossWindow *
open_long_article (Library *library)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = gloss_test_store_open (library->path);
  GlossWindow *window = ui_window_new (NULL, store);

  ui_wait_for_paint (GTK_WIDGET (window));

  g_assert_true (gloss_window_open_article (window, library->article_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_window_get_annotations (window)), ==,
                    N_ANNOTATIONS);

  return window;
}

/* The pane's two list boxes, in the template's order. */
static void
find_lists (GtkWidget   *widget,
            GtkListBox **anchored,
            GtkListBox **orphans)
{
  if (GTK_IS_LIST_BOX (widget))
    {
      if (*anchored == NULL)
        *anchored = GTK_LIST_BOX (widget);
      else
        *orphans = GTK_LIST_BOX (widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_lists (child, anchored, orphans);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

static GlossAnnotation *
row_annotation (GtkListBox *list,
                guint       index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, (int) index);

  g_assert_true (GLOSS_IS_ANNOTATION_ROW (row));
  return gloss_annotation_row_get_annotation (GLOSS_ANNOTATION_ROW (row));
}

static gboolean
is_orphan (GlossAnnotation *annotation)
{
  return gloss_annotation_get_anchor (annotation)->state == GLOSS_ANCHOR_ORPHANED;
}

/* Runs the main loop until the pane has @n_rows rows. */
static void
wait_for_rows (GtkListBox *anchored,
               GtkListBox *orphans,
               guint       n_rows)
{
  gloss_test_wait_until (count_rows (anchored) + count_rows (orphans) >= n_rows,
                         "the pane's %u rows (it has %u)", n_rows,
                         count_rows (anchored) + count_rows (orphans));
}

/* Every annotation of the model has its row, each section in the model's
 * order. */
static void
assert_rows_in_order (GlossWindow *window,
                      GtkListBox  *anchored,
                      GtkListBox  *orphans)
{
  GListModel *annotations = gloss_window_get_annotations (window);
  guint n_items = g_list_model_get_n_items (annotations);
  guint next_anchored = 0, next_orphan = 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, i);

      if (is_orphan (annotation))
        g_assert_true (row_annotation (orphans, next_orphan++) == annotation);
      else
        g_assert_true (row_annotation (anchored, next_anchored++) == annotation);
    }
  g_assert_cmpuint (count_rows (anchored), ==, next_anchored);
  g_assert_cmpuint (count_rows (orphans), ==, next_orphan);
}

/* The first frame gets a screenful of rows; the rest come after it. */
static void
test_rows_after_first_frame (Library       *library,
                             gconstpointer  data)
{
  GlossWindow *window = open_long_article (library);
  GtkWidget *pane = GTK_WIDGET (window->annotation_list);
  GtkListBox *anchored = NULL, *orphans = NULL;
  guint first;

  find_lists (pane, &anchored, &orphans);
  g_assert_nonnull (orphans);

  first = count_rows (anchored);
  g_assert_cmpuint (first, >=, 8);
  g_assert_cmpuint (first, <, N_ANCHORED);
  for (guint i = 0; i < first; i++)
    g_assert_cmpuint (gloss_annotation_get_anchor (row_annotation (anchored, i))->start_block, ==, i);
  /* The orphans wait below rows still to come. */
  g_assert_cmpuint (count_rows (orphans), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (orphans)));
  g_assert_cmpstr (gloss_annotation_list_get_page (window->annotation_list), ==, "list");

  ui_wait_for_paint (GTK_WIDGET (window));
  wait_for_rows (anchored, orphans, N_ANNOTATIONS);
  assert_rows_in_order (window, anchored, orphans);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (orphans)));

  ui_destroy_window (GTK_WINDOW (window));
}

/* Selecting an annotation whose row is still to come builds it: in the
 * article and among the orphans. */
static void
test_select_before_built (Library       *library,
                          gconstpointer  data)
{
  GlossWindow *window = open_long_article (library);
  GListModel *annotations = gloss_window_get_annotations (window);
  GtkListBox *anchored = NULL, *orphans = NULL;
  g_autoptr(GlossAnnotation) orphan = NULL;
  GlossAnnotation *last;
  GlossAnnotationRow *row;

  find_lists (GTK_WIDGET (window->annotation_list), &anchored, &orphans);
  last = gloss_annotation_model_find_at (window->annotations, N_ANCHORED - 1, 0);
  g_assert_nonnull (last);
  g_assert_cmpuint (count_rows (anchored), <, N_ANCHORED);

  gloss_annotation_list_select (window->annotation_list, last);
  g_assert_true (gloss_annotation_list_get_selected (window->annotation_list) == last);
  row = gloss_annotation_list_find_row (window->annotation_list, last);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_parent (GTK_WIDGET (row)) == GTK_WIDGET (anchored));
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)), ==, N_ANCHORED - 1);

  for (guint i = 0; i < g_list_model_get_n_items (annotations) && orphan == NULL; i++)
    {
      g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (annotations, i);

      if (is_orphan (annotation))
        orphan = g_object_ref (annotation);
    }
  gloss_annotation_list_select (window->annotation_list, orphan);
  g_assert_true (gloss_annotation_list_get_selected (window->annotation_list) == orphan);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (orphans)));
  g_assert_null (gtk_list_box_get_selected_row (anchored));

  wait_for_rows (anchored, orphans, N_ANNOTATIONS);
  assert_rows_in_order (window, anchored, orphans);
  g_assert_true (gloss_annotation_list_get_selected (window->annotation_list) == orphan);

  ui_destroy_window (GTK_WINDOW (window));
}

/* Deleting and putting back, above and below the rows built so far. */
static void
test_edits_while_building (Library       *library,
                           gconstpointer  data)
{
  GlossWindow *window = open_long_article (library);
  GtkListBox *anchored = NULL, *orphans = NULL;
  g_autoptr(GlossDeletedAnnotation) first_deleted = NULL;
  g_autoptr(GlossDeletedAnnotation) far_deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossAnchor) anchor = NULL;
  g_autoptr(GlossAnnotation) first = NULL;
  g_autoptr(GlossAnnotation) far = NULL;
  GlossAnnotation *restored, *marked;
  guint built;

  find_lists (GTK_WIDGET (window->annotation_list), &anchored, &orphans);
  first = g_object_ref (gloss_annotation_model_find_at (window->annotations, 0, 0));
  far = g_object_ref (gloss_annotation_model_find_at (window->annotations, N_ANCHORED - 10, 0));
  g_assert_true (row_annotation (anchored, 0) == first);

  /* Gone from the top, and the screenful still full. */
  built = count_rows (anchored);
  first_deleted = gloss_annotation_model_delete (window->annotations, first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (anchored), ==, built);
  for (guint i = 0; i < built; i++)
    g_assert_cmpuint (gloss_annotation_get_anchor (row_annotation (anchored, i))->start_block, ==,
                      i + 1);

  /* One without a row yet just never gets one. */
  far_deleted = gloss_annotation_model_delete (window->annotations, far, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (anchored), ==, built);

  restored = gloss_annotation_model_restore (window->annotations, first_deleted, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (anchored), ==, built + 1);
  g_assert_true (row_annotation (anchored, 0) == restored);
  g_assert_true (row_annotation (anchored, 1) != first);

  wait_for_rows (anchored, orphans, N_ANNOTATIONS - 1);
  assert_rows_in_order (window, anchored, orphans);

  /* Once every row is there, one put back or marked at the end is there
   * at once too. */
  restored = gloss_annotation_model_restore (window->annotations, far_deleted, &error);
  g_assert_no_error (error);
  assert_rows_in_order (window, anchored, orphans);

  anchor = gloss_anchor_new_for_range (gloss_window_get_article (window), N_BLOCKS - 1, 0,
                                       N_BLOCKS - 1, 9, &error);
  g_assert_no_error (error);
  marked = gloss_annotation_model_add (window->annotations, GLOSS_ANNOTATION_EVIDENCE, anchor,
                                       &error);
  g_assert_no_error (error);
  g_assert_true (row_annotation (anchored, count_rows (anchored) - 1) == marked);
  assert_rows_in_order (window, anchored, orphans);
  for (guint i = 0; i < count_rows (anchored); i++)
    g_assert_true (row_annotation (anchored, i) != first && row_annotation (anchored, i) != far);

  ui_destroy_window (GTK_WINDOW (window));
}

/* The keys go through every row, so the focus in the pane builds the rest
 * at once. */
static void
test_focus_builds_all (Library       *library,
                       gconstpointer  data)
{
  GlossWindow *window = open_long_article (library);
  GtkListBox *anchored = NULL, *orphans = NULL;

  find_lists (GTK_WIDGET (window->annotation_list), &anchored, &orphans);
  g_assert_cmpuint (count_rows (anchored), <, N_ANCHORED);

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (anchored, 0))));
  assert_rows_in_order (window, anchored, orphans);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (orphans)));

  ui_destroy_window (GTK_WINDOW (window));
}

/* The reader's pixel at (@x, @y), as drawn. */
static void
read_pixel (GlossWindow *window,
            int          x,
            int          y,
            guchar       rgb[3])
{
  GtkWidget *view = GTK_WIDGET (window->reader_view);
  gsize stride;
  g_autofree guchar *pixels = ui_render_widget (view, &stride);
  const guchar *pixel = pixels + (gsize) y * stride + (gsize) x * 4;

  g_assert_true (x >= 0 && x < gtk_widget_get_width (view)
                 && y >= 0 && y < gtk_widget_get_height (view));
  /* Blue, green, red, alpha. */
  rgb[0] = pixel[2];
  rgb[1] = pixel[1];
  rgb[2] = pixel[0];
}

/* Highlights in sight tagged before the first frame, the others after it;
 * tags merged where highlights of a kind overlap; a highlight near the
 * end painted and found under the pointer once scrolled to. */
static void
test_reader_far_down (Library       *library,
                      gconstpointer  data)
{
  GlossWindow *window = open_long_article (library);
  guint last_block = N_ANCHORED - 1;
  GlossAnnotationKind last_kind = last_block % (GLOSS_ANNOTATION_KIND_LAST + 1);
  GlossAnnotation *last = gloss_annotation_model_find_at (window->annotations, last_block, 0);
  GtkTextIter iter;
  GdkRectangle rect = { 0 };
  GdkRGBA fill;
  guchar rgb[3];
  gboolean in_sight = FALSE;

  /* Before any frame: the highlights at the top, in sight, are tagged;
   * those far down wait for the first frame to be painted. */
  g_assert_true (gloss_reader_view_get_iter_for_block (window->reader_view, 0, 4, &iter));
  g_assert_true (gtk_text_iter_has_tag (&iter, gloss_reader_view_get_annotation_tag (window->reader_view, 0)));
  g_assert_true (gloss_reader_view_is_tagging (window->reader_view));
  g_assert_true (gloss_reader_view_get_iter_for_block (window->reader_view, last_block, 4, &iter));
  g_assert_false (gtk_text_iter_has_tag (&iter, gloss_reader_view_get_annotation_tag (window->reader_view,
                                                                                     last_kind)));

  ui_assert_tag_covers (window, GLOSS_ANNOTATION_DENIAL, OVERLAP_BLOCK, 0, 20);
  ui_assert_tag_covers (window, GLOSS_ANNOTATION_CLAIM, OVERLAP_BLOCK, 15, 30);
  ui_assert_tag_covers (window, last_kind, last_block, 0, 9);
  for (GlossAnnotationKind kind = 0; kind <= GLOSS_ANNOTATION_KIND_LAST; kind++)
    ui_assert_tag_covers (window, kind, N_ANCHORED, 0, 0);

  ui_wait_for_layout (window);

  /* Scrolled to as with the scroll bar, until it holds still.  (Asking
   * GtkTextView to scroll to a mark each frame left it out of sight on a
   * loaded machine: that scroll waits for the line to be measured, and
   * each frame's request replaced the last before it was done.) */
  ui_scroll_to_block (window, last_block, 0.5);
  in_sight = gloss_reader_view_get_annotation_rect (window->reader_view, last, &rect);
  g_assert_true (in_sight);
  g_assert_true (gloss_reader_view_get_annotation_at (window->reader_view,
                                                      rect.x + rect.width / 2.0,
                                                      rect.y + rect.height / 2.0) == last);

  /* The fill is there, over the white page of the light style: it
   * reaches a little left of the first letter. */
  gloss_annotation_kind_get_colors (last_kind, FALSE, NULL, &fill);
  read_pixel (window, rect.x - 1, rect.y + rect.height / 2, rgb);
  g_assert_cmpint (ABS (rgb[0] - 255 * (fill.red * fill.alpha + 1 - fill.alpha)), <=, 4);
  g_assert_cmpint (ABS (rgb[1] - 255 * (fill.green * fill.alpha + 1 - fill.alpha)), <=, 4);
  g_assert_cmpint (ABS (rgb[2] - 255 * (fill.blue * fill.alpha + 1 - fill.alpha)), <=, 4);

  ui_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "/ui/long-article", UI_TEST_ACCESSIBLE | UI_TEST_APP_STYLE))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add ("/ui/long-article/" path, Library, NULL, library_setup, func, library_teardown)

  ADD ("rows-after-first-frame", test_rows_after_first_frame);
  ADD ("select-before-built", test_select_before_built);
  ADD ("edits-while-building", test_edits_while_building);
  ADD ("focus-builds-all", test_focus_builds_all);
  ADD ("reader-far-down", test_reader_far_down);

#undef ADD

  return g_test_run ();
}
