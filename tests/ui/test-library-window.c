/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-library-window"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "gloss-library-item.h"
#include "gloss-library-row.h"
#include "gloss-search-list.h"
#include "gloss-window-private.h"
#include "ui-fixture.h"

/*
 * The library as a user meets it: a few hundred articles in the sidebar,
 * words typed into the search field, the first result opened at the match;
 * reading position, filters and delete with Undo.
 */

#define N_ARTICLES 300
/* Far enough down that opening at the match must scroll. */
#define MATCH_PARAGRAPH 45
#define N_PARAGRAPHS 60

typedef struct
{
  char *dir;
  char *path;
  GlossStore *store;
  gint64 target_id;      /* the one article saying "no evidence" */
} Library;

static const char * const subjects[] = {
  "The harbour authority", "A regional court", "The city council", "Farmers in the valley",
  "The national weather office", "A group of nurses", "The transport ministry", "Local fishermen",
};
static const char * const verbs[] = {
  "announced new rules for", "disputed the figures on", "published a report about",
  "called for an inquiry into", "raised concerns over", "welcomed the decision on",
};
static const char * const objects[] = {
  "river levels", "school meals", "night trains", "rent increases", "coastal erosion",
  "hospital waiting lists", "the autumn harvest", "bridge repairs",
};

/* An article of plain text, different for each @n, about nothing in particular. */
static char *
make_article (guint n)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s %s %s, number %u\n\n",
                          subjects[n % G_N_ELEMENTS (subjects)], verbs[(n / 3) % G_N_ELEMENTS (verbs)],
                          objects[(n / 7) % G_N_ELEMENTS (objects)], n);
  for (guint p = 0; p < 6; p++)
    g_string_append_printf (text, "%s %s %s on day %u of the month, said a spokesperson, "
                                  "adding that more details would follow in paragraph %u of item %u.\n\n",
                            subjects[(n + p) % G_N_ELEMENTS (subjects)],
                            verbs[(n + 2 * p) % G_N_ELEMENTS (verbs)],
                            objects[(n + 3 * p) % G_N_ELEMENTS (objects)], p + 1, p, n);
  return g_string_free (text, FALSE);
}

/* The article the search must find, its match deep in the text. */
static char *
make_target_article (void)
{
  GString *text = g_string_new ("Allies weigh the risks of a telecoms supplier\n\n");

  for (guint p = 0; p < N_PARAGRAPHS; p++)
    {
      if (p == MATCH_PARAGRAPH)
        g_string_append (text, "The company said in a statement that there is no evidence that it poses "
                               "any threat to cybersecurity, and that it would welcome scrutiny.\n\n");
      else
        g_string_append_printf (text, "Officials met for the %u time to compare notes on networks, "
                                      "spectrum auctions and the cost of replacing equipment.\n\n", p + 1);
    }
  return g_string_free (text, FALSE);
}

/* The library each test starts from, imported once and copied for each:
 * importing it again for each of the nine tests took most of the
 * program's time (over a minute of it on a loaded machine). */
static struct
{
  char *dir;
  char *path;
  gint64 target_id;
} template;

static void
make_template (void)
{
  g_autoptr(GlossStore) store = NULL;

  template.dir = gloss_test_library_dir_new (&template.path);
  store = gloss_test_store_open (template.path);

  for (guint i = 0; i < N_ARTICLES; i++)
    {
      g_autofree char *name = g_strdup_printf ("item-%03u.txt", i);
      g_autofree char *text = make_article (i);

      if (i == N_ARTICLES / 2)
        {
          g_autofree char *target = make_target_article ();

          template.target_id = gloss_test_import_text (store, target, "allies.txt");
        }
      gloss_test_import_text (store, text, name);
    }
}

static void
library_setup (Library       *library,
               gconstpointer  data)
{
  /* Closed, the template is whole in its file: SQLite writes the WAL
   * back and removes it when the last connection closes. */
  g_autofree char *wal = g_strconcat (template.path, "-wal", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (template.path);
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  library->dir = gloss_test_library_dir_new (&library->path);
  copy = g_file_new_for_path (library->path);
  g_file_copy (source, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  library->store = gloss_test_store_open (library->path);
  library->target_id = template.target_id;
}

static void
library_teardown (Library       *library,
                  gconstpointer  data)
{
  g_clear_object (&library->store);
  gloss_test_remove_tree (library->dir);
  g_free (library->dir);
  g_free (library->path);
}

static void
wait_for_listing (GlossWindow *window)
{
  gloss_test_wait_until (!gloss_library_sidebar_is_loading (window->library_sidebar),
                         "the sidebar to list the library");
}

static GlossWindow *
create_window (Library *library)
{
  GlossWindow *window = gloss_window_new (NULL, library->store);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  ui_present (GTK_WINDOW (window));
  /* The library is listed on a worker, after the window shows. */
  wait_for_listing (window);
  ui_wait_for_paint (GTK_WIDGET (window));

  return window;
}

/* Until the view has laid the article out and landed where it was sent:
 * the window scrolls there again each frame until the place holds still,
 * and once more after GTK has measured every line. */
static void
wait_for_scrolled (GlossWindow *window)
{
  ui_wait_for_paint (GTK_WIDGET (window));
  gloss_test_wait_until (!gloss_reader_view_is_scrolling (window->reader_view),
                         "the reader to settle at the place it scrolled to");
  ui_wait_for_layout (window);
}

static guint
count_rows (GtkWidget *widget)
{
  guint n = GLOSS_IS_LIBRARY_ROW (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);
  return n;
}

static gint64
shown_id (GlossWindow *window)
{
  GlossArticle *article = gloss_window_get_article (window);

  return article != NULL ? gloss_article_get_id (article) : 0;
}

/* The sidebar lists every article, newest first, but builds rows only for
 * what is on screen. */
static void
test_lists_articles_lazily (Library       *library,
                            gconstpointer  data)
{
  GlossWindow *window = create_window (library);
  GListModel *articles = gloss_library_sidebar_get_articles (window->library_sidebar);
  g_autoptr(GlossLibraryItem) first = NULL;
  guint n_rows;

  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, N_ARTICLES + 1);
  first = g_list_model_get_item (articles, 0);
  g_assert_cmpstr (gloss_library_item_get_summary (first)->source_name, ==, "item-299.txt");
  g_assert_true (gloss_library_item_get_summary (first)->unread);

  /* GTK 4.8's list view keeps up to 200 rows around what is visible;
   * the rest of the library has none. */
  n_rows = count_rows (GTK_WIDGET (window->library_sidebar));
  g_assert_cmpuint (n_rows, >, 3);
  g_assert_cmpuint (n_rows, <=, 250);
  g_assert_cmpuint (n_rows, <, N_ARTICLES);

  /* With an article open, the library, the article and its annotations
   * all fit side by side at this size: no pane folds away. */
  g_assert_true (gloss_window_open_article (window, library->target_id, NULL));
  ui_wait_for_paint (GTK_WIDGET (window));
  g_assert_false (adw_flap_get_folded (window->library_flap));
  g_assert_false (adw_flap_get_folded (window->flap));
  g_assert_true (adw_flap_get_reveal_flap (window->flap));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->annotation_list)));

  ui_destroy_window (GTK_WINDOW (window));
}

/* An article opened while the first listing is still on its way (the last
 * one read, reopened at start; or one just imported) is selected in the
 * list once the listing is in. */
static void
test_open_while_listing (Library       *library,
                         gconstpointer  data)
{
  gint64 article_ids[2] = { library->target_id, 0 };

  article_ids[1] = gloss_test_import_text (library->store,
                                           "Arrived late\n\nAn article imported after the listing "
                                           "began, opened before it came back.", "late.txt");

  for (guint i = 0; i < G_N_ELEMENTS (article_ids); i++)
    {
      GlossWindow *window = gloss_window_new (NULL, library->store);

      gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
      ui_present (GTK_WINDOW (window));
      /* The listing goes into the list only after a painted frame. */
      g_assert_true (gloss_library_sidebar_is_loading (window->library_sidebar));
      g_assert_true (gloss_window_open_article (window, article_ids[i], NULL));

      wait_for_listing (window);
      g_assert_cmpint (gloss_library_sidebar_get_selected_id (window->library_sidebar), ==,
                       article_ids[i]);
      ui_destroy_window (GTK_WINDOW (window));
    }
}

/* Whether the first result's snippet shows @word as a match (in bold). */
static gboolean
first_hit_marks (GlossSearchList *results,
                 const char      *word)
{
  GtkWidget *list_box = gtk_widget_get_first_child (GTK_WIDGET (results));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list_box), 0);
  const GlossSearchHit *hit = row != NULL ? g_object_get_data (G_OBJECT (row), "gloss-search-hit") : NULL;
  g_autofree char *marked = g_strconcat (GLOSS_SEARCH_MATCH_START, word, GLOSS_SEARCH_MATCH_END, NULL);

  return hit != NULL && gloss_search_list_get_n_hits (results) > 0 && strstr (hit->snippet, marked) != NULL;
}

/* Typing words into the search field and pressing Return opens the best
 * match, scrolled to it, the matched words selected. */
static void
test_search_opens_at_match (Library       *library,
                            gconstpointer  data)
{
  GlossWindow *window = create_window (library);
  GtkEditable *entry = gloss_library_sidebar_get_search_entry (window->library_sidebar);
  GlossSearchList *results = GLOSS_SEARCH_LIST (gloss_library_sidebar_get_search_list (window->library_sidebar));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->reader_view));
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (window->scroller);
  GtkTextIter start, end;
  GdkRectangle visible, location;
  g_autofree char *selected = NULL;
  guint block;
  glong offset;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry))
                 || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (entry)));

  /* Typed as a user would, a word at a time; results follow the typing
   * (once the typing pauses): those of the words typed so far, then those
   * of all of them, where "cyber" is found too. */
  gtk_editable_set_text (entry, "no evi");
  gloss_test_wait_until (first_hit_marks (results, "evidence"), "a result for “no evi”");
  g_assert_false (first_hit_marks (results, "cybersecurity"));
  gtk_editable_set_text (entry, "no evidence cyber");
  gloss_test_wait_until (first_hit_marks (results, "cybersecurity"),
                         "a result for “no evidence cyber” with “cybersecurity” in bold");

  g_signal_emit_by_name (entry, "activate");
  gloss_test_wait_until (shown_id (window) == library->target_id, "the first result to open");
  wait_for_scrolled (window);

  /* The matched words are selected ... */
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  selected = gtk_text_iter_get_text (&start, &end);
  g_assert_true (g_ascii_strcasecmp (selected, "no") == 0 || g_ascii_strcasecmp (selected, "evidence") == 0
                 || g_ascii_strncasecmp (selected, "cyber", 5) == 0);
  g_assert_true (gloss_reader_view_get_block_for_iter (window->reader_view, &start, &block, &offset));
  g_assert_nonnull (strstr (gloss_block_get_text (gloss_article_get_block (gloss_window_get_article (window), block)),
                           "no evidence"));

  /* ... and on screen, well below where the article starts. */
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);
  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (window->reader_view), &visible);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (window->reader_view), &start, &location);
  g_assert_cmpint (location.y, >=, visible.y);
  g_assert_cmpint (location.y + location.height, <=, visible.y + visible.height);

  /* Opening it marked it read. */
  {
    g_autoptr(GlossArticleSummary) summary = gloss_store_dup_article_summary (library->store, library->target_id, NULL);

    g_assert_false (summary->unread);
  }

  ui_destroy_window (GTK_WINDOW (window));
}

/* The paragraph at the top of the view, where a reader's eyes are. */
static guint
top_block (GlossWindow *window)
{
  GdkRectangle visible;
  GtkTextIter top;
  guint block = 0;
  glong offset;

  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (window->reader_view), &visible);
  gtk_text_view_get_line_at_y (GTK_TEXT_VIEW (window->reader_view), &top, visible.y + 1, NULL);
  g_assert_true (gloss_reader_view_get_block_for_iter (window->reader_view, &top, &block, &offset));
  return block;
}

/* Choosing an article in the list opens it, its reading time in the
 * header; leaving it and coming back, also in a new window, returns to
 * where reading stopped. */
static void
test_reading_position_restored (Library       *library,
                                gconstpointer  data)
{
  GlossWindow *window = create_window (library);
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (window->scroller);
  g_autoptr(GlossLibraryItem) other = NULL;
  guint left_at;

  g_signal_emit_by_name (window->library_sidebar, "article-activated", library->target_id);
  g_assert_cmpint (shown_id (window), ==, library->target_id);
  ui_wait_for_layout (window);

  /* The header says how long it takes to read, at 240 words a minute. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GlossArticleSummary) summary =
      gloss_store_dup_article_summary (library->store, library->target_id, &error);
    g_autofree char *reading_time = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (summary->n_words, >, 240 * 2);
    reading_time = g_strdup_printf ("%u min read", (summary->n_words + 120) / 240);
    g_assert_true (g_str_has_suffix (adw_window_title_get_subtitle (window->window_title),
                                     reading_time));
  }

  /* Read down to paragraph 30. */
  ui_scroll_to_block (window, 30, 0.0);
  left_at = top_block (window);
  g_assert_cmpuint (left_at, >, 10);

  /* Another article, chosen in the list. */
  other = g_list_model_get_item (gloss_library_sidebar_get_articles (window->library_sidebar), 0);
  g_signal_emit_by_name (window->library_sidebar, "article-activated", gloss_library_item_get_id (other));
  g_assert_cmpint (shown_id (window), ==, gloss_library_item_get_id (other));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, gtk_adjustment_get_lower (vadjustment));
  ui_destroy_window (GTK_WINDOW (window));

  /* A new window, the article chosen from its list: back where it was left. */
  window = create_window (library);
  g_signal_emit_by_name (window->library_sidebar, "article-activated", library->target_id);
  wait_for_scrolled (window);
  /* The same paragraph, give or take the one a line straddling the top
   * edge belongs to. */
  g_assert_cmpuint (top_block (window), >=, left_at - 1);
  g_assert_cmpuint (top_block (window), <=, left_at + 1);

  ui_destroy_window (GTK_WINDOW (window));
}

/* A jump to a place (a reading position, a search match) holds the view
 * there while the article settles, but a reader who scrolls meanwhile is
 * not pulled back: where they scrolled to is where the view stays. */
static void
test_reader_scroll_ends_jump (Library       *library,
                              gconstpointer  data)
{
  GlossWindow *window = create_window (library);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (window->reader_view));

  g_assert_true (gloss_window_open_article (window, library->target_id, NULL));
  ui_wait_for_layout (window);

  gloss_reader_view_scroll_to_block (window->reader_view, 30, 0, 0.0);
  ui_wait_for_paint (GTK_WIDGET (window));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, gtk_adjustment_get_lower (vadjustment));

  /* Still settling (it holds still for 0.4 s at least) when the reader
   * goes back to the top, as with the scroll bar. */
  g_assert_true (gloss_reader_view_is_scrolling (window->reader_view));
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
  gloss_test_wait_until (!gloss_reader_view_is_scrolling (window->reader_view),
                         "the jump to give way to the reader's scroll");
  ui_wait_for_paint (GTK_WIDGET (window));

  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, gtk_adjustment_get_lower (vadjustment));

  ui_destroy_window (GTK_WINDOW (window));
}

/* Filters narrow the list; an archived article leaves the main list. */
static void
test_filters (Library       *library,
              gconstpointer  data)
{
  GlossWindow *window = create_window (library);
  GListModel *articles = gloss_library_sidebar_get_articles (window->library_sidebar);

  g_assert_true (gloss_window_open_article (window, library->target_id, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->library_sidebar), "library.filter", "s", "unread"));
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, N_ARTICLES);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->library_sidebar), "library.filter", "s", "all"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-archived", "x", library->target_id));
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, N_ARTICLES);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->library_sidebar), "library.filter", "s", "archived"));
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->library_sidebar), "library.sort", "s", "title"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->library_sidebar), "library.filter", "s", "all"));
  {
    g_autoptr(GlossLibraryItem) first = g_list_model_get_item (articles, 0);
    g_autoptr(GlossLibraryItem) last = g_list_model_get_item (articles, N_ARTICLES - 1);

    g_assert_cmpint (g_utf8_collate (gloss_library_item_get_summary (first)->title,
                                     gloss_library_item_get_summary (last)->title), <=, 0);
  }

  ui_destroy_window (GTK_WINDOW (window));
}

/* Delete from the list, without annotations no question asked; Undo
 * brings the article back, searchable again. */
static void
test_delete_and_undo (Library       *library,
                      gconstpointer  data)
{
  GlossWindow *window = create_window (library);
  GListModel *articles = gloss_library_sidebar_get_articles (window->library_sidebar);
  g_autoptr(GlossSearchResults) found = NULL;

  g_assert_true (gloss_window_open_article (window, library->target_id, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-article", "x", (gint64) 0));
  g_assert_null (gloss_window_get_article (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, N_ARTICLES);
  found = gloss_store_search (library->store, "cybersecurity", 10, NULL);
  g_assert_cmpuint (found->articles->len, ==, 0);
  g_clear_pointer (&found, gloss_search_results_free);

  /* The toast's Undo, as clicked. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete-article", "u",
                                             window->last_deleted_id));
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, N_ARTICLES + 1);
  found = gloss_store_search (library->store, "cybersecurity", 10, NULL);
  g_assert_cmpuint (found->articles->len, ==, 1);

  ui_destroy_window (GTK_WINDOW (window));
}

/* "All annotations" lists the library's annotations; choosing one opens
 * its article at it, and Ctrl+Shift+A goes back and forth. */
static void
test_all_annotations (Library       *library,
                      gconstpointer  data)
{
  gint64 denial_id;
  GlossWindow *window;

  denial_id = gloss_test_annotate (library->store, library->target_id, GLOSS_ANNOTATION_DENIAL,
                                   "there is no evidence that it poses any threat", "The company", NULL);

  window = create_window (library);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.all-annotations", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "all-annotations");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "All Annotations");
  gloss_test_wait_until (!gloss_all_annotations_view_get_loading (window->all_annotations_view),
                         "All Annotations to read the library");
  g_assert_cmpuint (gloss_all_annotations_view_get_n_matches (window->all_annotations_view), ==, 1);

  g_signal_emit_by_name (window->all_annotations_view, "annotation-activated",
                         library->target_id, denial_id);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "article");
  g_assert_cmpint (shown_id (window), ==, library->target_id);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->annotation_list)));
  g_assert_nonnull (gloss_reader_view_get_flash_annotation (window->reader_view));
  g_assert_cmpint (gloss_annotation_get_id (gloss_reader_view_get_flash_annotation (window->reader_view)),
                   ==, denial_id);

  /* Back and forth with the keyboard's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.all-annotations", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.all-annotations", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "article");

  ui_destroy_window (GTK_WINDOW (window));
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* A folder dropped on the window: its articles go into the library, a
 * progress bar shows meanwhile, and a summary says what became of each. */
static void
test_drop_folder (Library       *library,
                  gconstpointer  data)
{
  static const char binary[] = { 'P', 'K', 3, 4, 0, 0, 1, 2, 0, (char) 0xff, 0 };
  g_autofree char *folder = g_build_filename (library->dir, "saved", NULL);
  g_autofree char *nested = g_build_filename (folder, "week 2", NULL);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  GlossWindow *window = create_window (library);
  GListModel *articles = gloss_library_sidebar_get_articles (window->library_sidebar);
  g_autofree char *article_a = make_article (1000);
  g_autofree char *article_b = make_article (1001);
  g_autofree char *existing = make_article (7);
  AdwMessageDialog *summary;
  const char *body;

  g_assert_cmpint (g_mkdir_with_parents (nested, 0700), ==, 0);
  write_file (folder, "a.txt", article_a, -1);
  write_file (nested, "b.txt", article_b, -1);
  write_file (nested, "again.txt", existing, -1);         /* imported by the fixture */
  write_file (folder, "empty.html", "", 0);
  write_file (folder, "archive.txt", binary, sizeof binary);

  g_assert_true (ui_drop_file (GTK_WIDGET (window), folder_file));
  g_assert_true (gtk_revealer_get_reveal_child (window->import_revealer));
  gloss_test_wait_until (window->import_summary != NULL, "the import's summary");
  g_assert_false (gtk_revealer_get_reveal_child (window->import_revealer));

  summary = ADW_MESSAGE_DIALOG (window->import_summary);
  g_assert_cmpstr (adw_message_dialog_get_heading (summary), ==, "Import Finished");
  body = adw_message_dialog_get_body (summary);
  g_assert_nonnull (strstr (body, "2 articles added"));
  g_assert_nonnull (strstr (body, "1 already in the library"));
  g_assert_nonnull (strstr (body, "2 could not be imported"));
  /* Each failure is listed with its reason. */
  g_assert_nonnull (adw_message_dialog_get_extra_child (summary));

  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, N_ARTICLES + 3);
  gtk_window_destroy (GTK_WINDOW (window->import_summary));
  ui_destroy_window (GTK_WINDOW (window));
}

/* Cancelling keeps what was committed and leaves the library whole. */
static void
test_cancel_import (Library       *library,
                    gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (library->dir, "many", NULL);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  GlossWindow *window = create_window (library);
  g_autoptr(GPtrArray) listed = NULL;
  AdwMessageDialog *summary;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *name = g_strdup_printf ("n%03u.txt", i);
      g_autofree char *text = make_article (2000 + i);

      write_file (folder, name, text, -1);
    }

  /* Cancelled once the bar has moved, as a user would. */
  g_assert_true (ui_drop_file (GTK_WIDGET (window), folder_file));
  gloss_test_wait_until (gtk_progress_bar_get_fraction (window->import_progress) > 0.0,
                         "the import's progress bar to move");
  g_assert_null (window->import_summary);
  g_signal_emit_by_name (gtk_widget_get_last_child (gtk_revealer_get_child (window->import_revealer)),
                         "clicked");
  gloss_test_wait_until (window->import_summary != NULL, "the cancelled import's summary");

  summary = ADW_MESSAGE_DIALOG (window->import_summary);
  g_assert_cmpstr (adw_message_dialog_get_heading (summary), ==, "Import Cancelled");
  listed = gloss_store_list_articles (library->store, NULL);
  g_assert_nonnull (listed);
  g_assert_cmpuint (listed->len, <, N_ARTICLES + 1 + 400);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_library_sidebar_get_articles (window->library_sidebar)),
                    ==, listed->len);

  gtk_window_destroy (GTK_WINDOW (window->import_summary));
  ui_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!ui_test_init (&argc, &argv, "/ui/library", UI_TEST_ADWAITA | UI_TEST_APP_STYLE))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add ("/ui/library/" path, Library, NULL, library_setup, func, library_teardown)
  ADD ("lists-articles-lazily", test_lists_articles_lazily);
  ADD ("open-while-listing", test_open_while_listing);
  ADD ("search-opens-at-match", test_search_opens_at_match);
  ADD ("reading-position-restored", test_reading_position_restored);
  ADD ("reader-scroll-ends-jump", test_reader_scroll_ends_jump);
  ADD ("filters", test_filters);
  ADD ("delete-and-undo", test_delete_and_undo);
  ADD ("all-annotations", test_all_annotations);
  ADD ("drop-folder", test_drop_folder);
  ADD ("cancel-import", test_cancel_import);
#undef ADD

  make_template ();
  status = g_test_run ();
  gloss_test_remove_tree (template.dir);
  g_free (template.dir);
  g_free (template.path);

  return status;
}
