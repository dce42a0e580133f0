/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-reader-window"

#include "config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "gloss-window-private.h"
#include "ui-fixture.h"

/*
 * The reader window, as a user meets it: real widgets on a real (Xvfb)
 * display, driven through the window's API the way the Open action, drag
 * and drop and the command line drive it.
 */

#define SAMPLE_TITLE "NATO weighing whether Huawei poses security threat"

static char *
data_path (const char *name)
{
  return g_build_filename (GLOSS_TEST_DATA, name, NULL);
}

/* Each test binary works on a library of its own in a temporary folder. */
static char *
dup_library_path (void)
{
  return g_strdup (g_getenv ("GLOSS_DB"));
}

static GlossWindow *
create_window (void)
{
  g_autofree char *path = dup_library_path ();
  g_autoptr(GlossStore) store = gloss_test_store_open (path);

  return ui_window_new (NULL, store);
}

static void
open_and_wait (GlossWindow *window,
               const char  *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  gloss_window_open_file (window, file);
  g_assert_true (gloss_window_get_loading (window));

  ui_wait_while_loading (window);

  g_assert_false (gtk_spinner_get_spinning (window->spinner));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), !=, "loading");
}

static GtkTextBuffer *
reader_buffer (GlossWindow *window)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->reader_view));
}

static char *
dup_line (GtkTextBuffer *buffer,
          int            line)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
dup_all_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Whether @tag covers all of @line, the newline that ends it included. */
static gboolean
line_has_tag (GtkTextBuffer *buffer,
              int            line,
              GtkTextTag    *tag)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line (buffer, &iter, line);
  do
    {
      if (!gtk_text_iter_has_tag (&iter, tag))
        return FALSE;
    }
  while (!gtk_text_iter_ends_line (&iter) && gtk_text_iter_forward_char (&iter));

  return TRUE;
}

static GlossArticle *
article_with_every_kind (void)
{
  GlossArticle *article = gloss_article_new ();

  gloss_article_set_title (article, "Every kind of block");
  gloss_article_set_byline (article, "Ada Reporter");
  gloss_article_set_site_name (article, "Example News");
  gloss_article_set_published (article, "2019-03-14");
  gloss_article_append_block (article, GLOSS_BLOCK_PARAGRAPH, "A paragraph, with “quotes” — and a dash.");
  gloss_article_append_block (article, GLOSS_BLOCK_HEADING, "A heading");
  gloss_article_append_block (article, GLOSS_BLOCK_QUOTE, "A quotation set apart.");
  gloss_article_append_block (article, GLOSS_BLOCK_LIST_ITEM, "first item");
  gloss_article_append_block (article, GLOSS_BLOCK_LIST_ITEM, "second item");
  gloss_article_append_block (article, GLOSS_BLOCK_PREFORMATTED, "gloss-cli extract page.html");
  gloss_article_append_block (article, GLOSS_BLOCK_CAPTION, "A caption under a photo.");
  /* Astral plane, combining marks and CJK: offsets count code points. */
  gloss_article_append_block (article, GLOSS_BLOCK_PARAGRAPH,
                              "Emoji 🦊 and 𝔊loss, café, e\xcc\x81t\xc3\xa9, 北约 and Ὀδυσσεύς.");

  return article;
}

static void
test_empty_window (void)
{
  GlossWindow *window = create_window ();
  GtkWidget *child;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (window->empty_page), ==, "No Article Open");
  g_assert_nonnull (strstr (adw_status_page_get_description (window->empty_page), "drop"));
  g_assert_nonnull (adw_status_page_get_icon_name (window->empty_page));

  child = adw_status_page_get_child (window->empty_page);
  g_assert_true (GTK_IS_BUTTON (child));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), ==, "win.open");
  g_assert_true (gtk_widget_has_css_class (child, "suggested-action"));
  g_assert_true (gtk_widget_get_sensitive (child));

  g_assert_true (gloss_window_is_empty (window));
  g_assert_null (gloss_window_get_article (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Gloss");

  ui_wait_for_paint (GTK_WIDGET (window));
  ui_destroy_window (GTK_WINDOW (window));
}

static void
test_sample_article (void)
{
  static const char * const boilerplate[] = {
    "Share", "Trending", "Western Journal", "Submit a Correction", "Tags:",
    "Truth and Accuracy", "Conversation", "Ohio State",
  };
  g_autofree char *path = data_path ("nato-huawei.txt");
  GlossWindow *window = create_window ();
  GtkTextBuffer *buffer;
  GlossArticle *article;
  g_autofree char *headline = NULL;
  g_autofree char *all = NULL;
  guint n_leading;

  open_and_wait (window, path);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "article");
  article = gloss_window_get_article (window);
  g_assert_nonnull (article);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, SAMPLE_TITLE);

  buffer = reader_buffer (window);
  n_leading = gloss_reader_view_get_n_leading_lines (window->reader_view);
  headline = dup_line (buffer, 0);
  g_assert_cmpstr (headline, ==, SAMPLE_TITLE);

  g_assert_cmpuint (gloss_article_get_n_blocks (article), ==, 7);
  g_assert_cmpint (gtk_text_buffer_get_line_count (buffer), ==, (int) n_leading + 7);
  for (guint i = 0; i < 7; i++)
    {
      const GlossBlock *block = gloss_article_get_block (article, i);
      g_autofree char *line = dup_line (buffer, (int) (n_leading + i));

      g_assert_cmpint (gloss_block_get_kind (block), ==, GLOSS_BLOCK_PARAGRAPH);
      g_assert_cmpstr (line, ==, gloss_block_get_text (block));
    }

  {
    g_autofree char *first = dup_line (buffer, (int) n_leading);

    g_assert_true (g_str_has_prefix (first, "BRUSSELS (AP) —"));
  }

  all = dup_all_text (buffer);
  for (guint i = 0; i < G_N_ELEMENTS (boilerplate); i++)
    if (strstr (all, boilerplate[i]) != NULL)
      g_error ("boilerplate “%s” is in the reader: %s", boilerplate[i], all);

  ui_wait_for_paint (GTK_WIDGET (window));
  ui_destroy_window (GTK_WINDOW (window));
}

static void
check_round_trip (GlossReaderView *view,
                  GlossArticle    *article)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  guint n_blocks = gloss_article_get_n_blocks (article);
  guint n_leading = gloss_reader_view_get_n_leading_lines (view);
  GtkTextIter iter;
  guint block;
  glong offset;

  g_assert_cmpint (gtk_text_buffer_get_line_count (buffer), ==, (int) (n_leading + n_blocks));

  for (guint b = 0; b < n_blocks; b++)
    {
      const GlossBlock *gblock = gloss_article_get_block (article, b);
      const char *text = gloss_block_get_text (gblock);
      glong length = gloss_block_get_length (gblock);

      for (glong o = 0; o <= length; o++)
        {
          g_assert_true (gloss_reader_view_get_iter_for_block (view, b, o, &iter));
          g_assert_true (gloss_reader_view_get_block_for_iter (view, &iter, &block, &offset));
          g_assert_cmpuint (block, ==, b);
          g_assert_cmpint (offset, ==, o);

          if (o < length)
            g_assert_cmpuint (gtk_text_iter_get_char (&iter), ==,
                              g_utf8_get_char (g_utf8_offset_to_pointer (text, o)));
          else
            g_assert_true (gtk_text_iter_ends_line (&iter));
        }

      /* Past the end of a block is not a position in it. */
      g_assert_false (gloss_reader_view_get_iter_for_block (view, b, length + 1, &iter));
      g_assert_false (gloss_reader_view_get_iter_for_block (view, b, -1, &iter));
    }

  g_assert_false (gloss_reader_view_get_iter_for_block (view, n_blocks, 0, &iter));

  /* The headline and the byline belong to no block. */
  for (guint line = 0; line < n_leading; line++)
    {
      gtk_text_buffer_get_iter_at_line (buffer, &iter, (int) line);
      g_assert_false (gloss_reader_view_get_block_for_iter (view, &iter, &block, &offset));
    }

  /* Every position in the buffer past the leading lines is in a block. */
  gtk_text_buffer_get_iter_at_line (buffer, &iter, (int) n_leading);
  do
    g_assert_true (gloss_reader_view_get_block_for_iter (view, &iter, NULL, NULL));
  while (gtk_text_iter_forward_char (&iter));
  g_assert_true (gloss_reader_view_get_block_for_iter (view, &iter, &block, &offset));
  g_assert_cmpuint (block, ==, n_blocks - 1);
}

static void
test_mapping_round_trip (void)
{
  g_autofree char *path = data_path ("nato-huawei.txt");
  g_autoptr(GlossArticle) every_kind = article_with_every_kind ();
  GlossWindow *window = create_window ();
  GtkTextIter iter;

  /* No article: nothing maps. */
  gtk_text_buffer_get_start_iter (reader_buffer (window), &iter);
  g_assert_false (gloss_reader_view_get_block_for_iter (window->reader_view, &iter, NULL, NULL));
  g_assert_false (gloss_reader_view_get_iter_for_block (window->reader_view, 0, 0, &iter));

  open_and_wait (window, path);
  check_round_trip (window->reader_view, gloss_window_get_article (window));

  gloss_reader_view_set_article (window->reader_view, every_kind);
  check_round_trip (window->reader_view, every_kind);

  ui_destroy_window (GTK_WINDOW (window));
}

static void
test_block_tags (void)
{
  g_autoptr(GlossArticle) article = article_with_every_kind ();
  GlossWindow *window = create_window ();
  GlossReaderView *view = window->reader_view;
  GtkTextBuffer *buffer = reader_buffer (window);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  guint n_leading = gloss_reader_view_get_n_leading_lines (view);
  g_autofree char *byline = NULL;

  gloss_reader_view_set_article (view, article);

  g_assert_true (line_has_tag (buffer, 0, gtk_text_tag_table_lookup (table, "gloss-headline")));
  g_assert_true (line_has_tag (buffer, 1, gtk_text_tag_table_lookup (table, "gloss-byline")));
  byline = dup_line (buffer, 1);
  g_assert_nonnull (strstr (byline, "Ada Reporter"));
  g_assert_nonnull (strstr (byline, "Example News"));
  g_assert_null (strstr (byline, "2019-03-14"));
  g_assert_nonnull (strstr (byline, "2019"));

  for (guint i = 0; i < gloss_article_get_n_blocks (article); i++)
    {
      const GlossBlock *block = gloss_article_get_block (article, i);
      GlossBlockKind kind = gloss_block_get_kind (block);
      GtkTextTag *tag = gloss_reader_view_get_block_tag (view, kind);
      g_autofree char *name = NULL;
      g_autofree char *line = dup_line (buffer, (int) (n_leading + i));

      /* Bullets and rules are painted: the line is exactly the block. */
      g_assert_cmpstr (line, ==, gloss_block_get_text (block));

      g_object_get (tag, "name", &name, NULL);
      g_assert_cmpstr (name + strlen ("gloss-"), ==, gloss_block_kind_to_string (kind));
      g_assert_true (line_has_tag (buffer, (int) (n_leading + i), tag));

      for (GlossBlockKind other = 0; other <= GLOSS_BLOCK_KIND_LAST; other++)
        if (other != kind)
          {
            GtkTextIter start;

            gtk_text_buffer_get_iter_at_line (buffer, &start, (int) (n_leading + i));
            g_assert_false (gtk_text_iter_has_tag (&start,
                                                   gloss_reader_view_get_block_tag (view, other)));
          }
    }

  /* Only the last item of a run of list items is spaced like a paragraph. */
  {
    GtkTextTag *list_end = gtk_text_tag_table_lookup (table, "gloss-list-end");
    int first_item = (int) n_leading + 3;

    g_assert_nonnull (list_end);
    g_assert_false (line_has_tag (buffer, first_item, list_end));
    g_assert_true (line_has_tag (buffer, first_item + 1, list_end));
  }

  /* Headings are larger, quotes italic, preformatted text monospace. */
  {
    double heading_scale = 1.0;
    PangoStyle quote_style = PANGO_STYLE_NORMAL;
    g_autofree char *family = NULL;

    g_object_get (gloss_reader_view_get_block_tag (view, GLOSS_BLOCK_HEADING),
                  "scale", &heading_scale, NULL);
    g_object_get (gloss_reader_view_get_block_tag (view, GLOSS_BLOCK_QUOTE),
                  "style", &quote_style, NULL);
    g_object_get (gloss_reader_view_get_block_tag (view, GLOSS_BLOCK_PREFORMATTED),
                  "family", &family, NULL);
    g_assert_cmpfloat (heading_scale, >, 1.1);
    g_assert_cmpint (quote_style, ==, PANGO_STYLE_ITALIC);
    g_assert_nonnull (strstr (family, "monospace"));
  }

  ui_wait_for_paint (GTK_WIDGET (window));
  ui_destroy_window (GTK_WINDOW (window));
}

static int
find_line (GtkTextBuffer *buffer,
           const char    *prefix)
{
  for (int line = 0; line < gtk_text_buffer_get_line_count (buffer); line++)
    {
      g_autofree char *text = dup_line (buffer, line);

      if (g_str_has_prefix (text, prefix))
        return line;
    }

  g_error ("no line starts with “%s”", prefix);
  return -1;
}

static void
test_html_fixture_tags (void)
{
  g_autofree char *path = data_path ("ui/kinds.html");
  GlossWindow *window = create_window ();
  GlossReaderView *view = window->reader_view;
  GtkTextBuffer *buffer = reader_buffer (window);
  g_autofree char *all = NULL;
  int heading, quote, item, paragraph;

  open_and_wait (window, path);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "article");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Allies weigh the 5G question");

  heading = find_line (buffer, "What the allies fear");
  quote = find_line (buffer, "There is no evidence");
  item = find_line (buffer, "independent testing");
  paragraph = find_line (buffer, "BRUSSELS —");

  g_assert_true (line_has_tag (buffer, heading,
                               gloss_reader_view_get_block_tag (view, GLOSS_BLOCK_HEADING)));
  g_assert_true (line_has_tag (buffer, quote,
                               gloss_reader_view_get_block_tag (view, GLOSS_BLOCK_QUOTE)));
  g_assert_true (line_has_tag (buffer, item,
                               gloss_reader_view_get_block_tag (view, GLOSS_BLOCK_LIST_ITEM)));
  g_assert_true (line_has_tag (buffer, item + 1,
                               gloss_reader_view_get_block_tag (view, GLOSS_BLOCK_LIST_ITEM)));
  g_assert_true (line_has_tag (buffer, paragraph,
                               gloss_reader_view_get_block_tag (view, GLOSS_BLOCK_PARAGRAPH)));

  all = dup_all_text (buffer);
  g_assert_null (strstr (all, "All rights reserved"));
  g_assert_null (strstr (all, "Home"));

  ui_wait_for_paint (GTK_WIDGET (window));
  ui_destroy_window (GTK_WINDOW (window));
}

/* The message the core gives for @path, so the test does not depend on its
 * wording. */
static char *
dup_extract_error_message (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlossArticle) article = NULL;

  bytes = gloss_extract_load_file (file, G_MAXSIZE, NULL, &error);
  if (bytes != NULL)
    article = gloss_extract (bytes, path, &error);
  g_assert_null (article);
  g_assert_error (error, GLOSS_ERROR, error->code);

  return g_strdup (error->message);
}

static void
check_unreadable (const char *name)
{
  g_autofree char *path = data_path (name);
  g_autofree char *message = dup_extract_error_message (path);
  g_autofree char *basename = g_path_get_basename (path);
  GlossWindow *window = create_window ();
  const char *description;

  open_and_wait (window, path);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "error");
  g_assert_nonnull (strstr (adw_status_page_get_title (window->error_page), basename));
  description = adw_status_page_get_description (window->error_page);
  g_assert_nonnull (description);
  g_assert_nonnull (strstr (description, message));
  g_assert_null (gloss_window_get_article (window));
  g_assert_true (gloss_window_is_empty (window));

  ui_wait_for_paint (GTK_WIDGET (window));
  ui_destroy_window (GTK_WINDOW (window));
}

static void
test_unreadable_empty (void)
{
  check_unreadable ("ui/empty.txt");
}

static void
test_unreadable_binary (void)
{
  check_unreadable ("ui/picture.png");
}

static void
test_unreadable_missing (void)
{
  check_unreadable ("ui/no-such-file.html");
}

static void
test_error_keeps_article (void)
{
  g_autofree char *sample = data_path ("nato-huawei.txt");
  g_autofree char *empty = data_path ("ui/empty.txt");
  GlossWindow *window = create_window ();
  GlossArticle *article;

  open_and_wait (window, sample);
  article = gloss_window_get_article (window);
  g_assert_nonnull (article);

  /* A failed open reports itself and leaves the article being read. */
  open_and_wait (window, empty);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "article");
  g_assert_true (gloss_window_get_article (window) == article);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   gloss_article_get_title (article));

  ui_wait_for_paint (GTK_WIDGET (window));
  ui_destroy_window (GTK_WINDOW (window));
}

static void
test_open_supersedes (void)
{
  g_autofree char *sample = data_path ("nato-huawei.txt");
  g_autofree char *html = data_path ("ui/kinds.html");
  g_autoptr(GFile) first = g_file_new_for_path (sample);
  GlossWindow *window = create_window ();

  /* Opening a second file before the first is done shows the second. */
  gloss_window_open_file (window, first);
  open_and_wait (window, html);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Allies weigh the 5G question");

  /* Closing a window while it is still opening a file is safe. */
  gloss_window_open_file (window, first);
  ui_destroy_window (GTK_WINDOW (window));
}

/* A slow open shows the spinner.  The file opens only once the library
 * lets the window's worker write: until then the loading page shows.  (A
 * FIFO no longer serves: special files are refused, see
 * test_unreadable_fifo.) */
static void
test_loading_page (void)
{
  g_autofree char *sample_path = data_path ("nato-huawei.txt");
  g_autofree char *library_path = dup_library_path ();
  g_autoptr(GFile) file = g_file_new_for_path (sample_path);
  sqlite3 *db = NULL;
  GlossWindow *window;

  window = create_window ();

  /* A second writer holds the library; the import waits on it. */
  g_assert_cmpint (sqlite3_open (library_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  gloss_window_open_file (window, file);
  g_assert_true (gloss_window_get_loading (window));
  g_assert_cmpstr (gtk_label_get_label (window->loading_label), ==,
                   "Opening “nato-huawei.txt”…");

  gloss_test_wait_until (gtk_spinner_get_spinning (window->spinner),
                         "the spinner while the library is locked");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "loading");
  g_assert_true (gloss_window_get_loading (window));
  ui_wait_for_paint (GTK_WIDGET (window));

  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  ui_wait_while_loading (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "article");
  g_assert_false (gtk_spinner_get_spinning (window->spinner));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, SAMPLE_TITLE);

  ui_destroy_window (GTK_WINDOW (window));
}

/* A FIFO would block a reader forever: it is refused with a message. */
static void
test_unreadable_fifo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gloss-ui-XXXXXX", NULL);
  g_autofree char *fifo_path = g_build_filename (dir, "slow-article.txt", NULL);
  g_autoptr(GFile) file = NULL;
  GlossWindow *window;

  g_assert_cmpint (mkfifo (fifo_path, 0600), ==, 0);
  file = g_file_new_for_path (fifo_path);

  window = create_window ();
  gloss_window_open_file (window, file);
  ui_wait_while_loading (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "error");
  g_assert_nonnull (strstr (adw_status_page_get_description (window->error_page),
                            "not a regular file"));

  ui_destroy_window (GTK_WINDOW (window));
  g_assert_cmpint (g_unlink (fifo_path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Files dropped on the window: the first one is opened in it. */
static void
test_drop_files (void)
{
  g_autofree char *path = data_path ("nato-huawei.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GlossWindow *window = create_window ();
  GtkDropTarget *target;
  const GType *types;
  gsize n_types = 0;

  target = ui_find_drop_target (GTK_WIDGET (window));
  g_assert_nonnull (target);
  types = gdk_content_formats_get_gtypes (gtk_drop_target_get_formats (target), &n_types);
  g_assert_cmpuint (n_types, ==, 1);
  g_assert_true (types[0] == GDK_TYPE_FILE_LIST);

  g_assert_true (ui_drop_file (GTK_WIDGET (window), file));
  g_assert_true (gloss_window_get_loading (window));
  ui_wait_while_loading (window);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, SAMPLE_TITLE);

  ui_destroy_window (GTK_WINDOW (window));
}

/* Something is drawn: the reader's paint holds ink, not just background. */
static void
test_paint (void)
{
  g_autofree char *path = data_path ("nato-huawei.txt");
  GlossWindow *window = create_window ();
  GtkWidget *view = GTK_WIDGET (window->reader_view);
  g_autofree guchar *pixels = NULL;
  int width, height;
  gsize stride, ink = 0;

  open_and_wait (window, path);
  ui_wait_for_paint (GTK_WIDGET (window));

  pixels = ui_render_widget (view, &stride);
  width = gtk_widget_get_width (view);
  height = gtk_widget_get_height (view);

  for (gsize i = 0; i < stride * (gsize) height; i += 4)
    if (pixels[i + 3] > 0 && pixels[i] < 128 && pixels[i + 1] < 128 && pixels[i + 2] < 128)
      ink++;

  g_test_message ("%" G_GSIZE_FORMAT " dark pixels of %d", ink, width * height);
  g_assert_cmpuint (ink, >, 1000);

  ui_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *library_dir = NULL;
  int status;

  if (!ui_test_init (&argc, &argv, "/ui/reader", UI_TEST_ADWAITA | UI_TEST_APP_STYLE))
    return g_test_run ();

  /* Opening an article imports it, so the tests get a library of their
   * own, removed afterwards. */
  library_dir = ui_use_own_library ();

  g_test_add_func ("/ui/reader/empty-window", test_empty_window);
  g_test_add_func ("/ui/reader/sample-article", test_sample_article);
  g_test_add_func ("/ui/reader/mapping-round-trip", test_mapping_round_trip);
  g_test_add_func ("/ui/reader/block-tags", test_block_tags);
  g_test_add_func ("/ui/reader/html-fixture-tags", test_html_fixture_tags);
  g_test_add_func ("/ui/reader/unreadable/empty", test_unreadable_empty);
  g_test_add_func ("/ui/reader/unreadable/binary", test_unreadable_binary);
  g_test_add_func ("/ui/reader/unreadable/missing", test_unreadable_missing);
  g_test_add_func ("/ui/reader/unreadable/fifo", test_unreadable_fifo);
  g_test_add_func ("/ui/reader/error-keeps-article", test_error_keeps_article);
  g_test_add_func ("/ui/reader/open-supersedes", test_open_supersedes);
  g_test_add_func ("/ui/reader/loading-page", test_loading_page);
  g_test_add_func ("/ui/reader/drop-files", test_drop_files);
  g_test_add_func ("/ui/reader/paint", test_paint);

  status = g_test_run ();
  gloss_test_remove_tree (library_dir);

  return status;
}
