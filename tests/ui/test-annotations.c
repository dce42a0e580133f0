/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-annotations"

#include "config.h"

#include <adwaita.h>
#include <gtk/gtktestatcontext.h>

#include "gloss-annotation-style.h"
#include "gloss-link-target-dialog.h"
#include "gloss-window-private.h"

#include "ui-fixture.h"

/*
 * Annotating as a user does: select words of the sample article, mark
 * them, edit and delete them, close the window and find them again.  Every
 * check of what was saved reads the library through a second connection,
 * as a restarted Gloss (or gloss-cli) would.
 */

#define CLAIM_QUOTE "some of NATO’s 29 allies are uneasy about the potential security " \
                    "challenges of working with Huawei"
#define DENIAL_QUOTE "there is no evidence that Huawei poses any threat to cybersecurity"

/* A window on @library showing the sample article. */
static GlossWindow *
open_sample (UiLibrary *library)
{
  g_autoptr(GlossStore) store = gloss_test_store_open (library->path);
  GlossWindow *window = ui_window_new (NULL, store);

  ui_open_file (window, library->sample);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "article");
  g_assert_cmpint (gloss_article_get_id (gloss_window_get_article (window)), >, 0);
  ui_wait_for_paint (GTK_WIDGET (window));

  return window;
}

/* Opens the editor on an annotation as the pane's Return does, and waits
 * for it to appear: one out of sight is scrolled to first. */
static void
edit_annotation (GlossWindow *window,
                 gint64       annotation_id)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-annotation", "x",
                                             annotation_id));
  ui_wait_until_mapped (GTK_WIDGET (window->editor));
}

/* Where @quote is in @block, in code points, as the store counts. */
static void
find_quote (GlossWindow *window,
            guint        block,
            const char  *quote,
            guint       *out_start,
            guint       *out_end)
{
  GlossArticle *article = gloss_window_get_article (window);
  const char *text = gloss_block_get_text (gloss_article_get_block (article, block));
  const char *found = strstr (text, quote);

  g_assert_nonnull (found);
  *out_start = (guint) g_utf8_pointer_to_offset (text, found);
  *out_end = *out_start + (guint) g_utf8_strlen (quote, -1);
}

static void
select_range (GlossWindow *window,
              guint        start_block,
              guint        start_offset,
              guint        end_block,
              guint        end_offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->reader_view));
  GtkTextIter start, end;

  g_assert_true (gloss_reader_view_get_iter_for_block (window->reader_view, start_block,
                                                       start_offset, &start));
  g_assert_true (gloss_reader_view_get_iter_for_block (window->reader_view, end_block,
                                                       end_offset, &end));
  gtk_text_buffer_select_range (buffer, &start, &end);
}

static void
select_quote (GlossWindow *window,
              guint        block,
              const char  *quote)
{
  guint start, end;

  find_quote (window, block, quote, &start, &end);
  select_range (window, block, start, block, end);
}

static GlossAnnotation *
mark_quote (GlossWindow *window,
            guint        block,
            const char  *quote,
            const char  *kind)
{
  GListModel *annotations = gloss_window_get_annotations (window);
  guint before = g_list_model_get_n_items (annotations);
  guint start, end;

  find_quote (window, block, quote, &start, &end);
  select_quote (window, block, quote);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.mark", "s", kind));
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, before + 1);

  return gloss_annotation_model_find_at (window->annotations, block, start);
}

/* The article's annotations as another connection reads them. */
static GPtrArray *
stored_annotations (UiLibrary   *library,
                    GlossWindow *window)
{
  g_autoptr(GlossStore) store = gloss_test_store_open (library->path);
  g_autoptr(GError) error = NULL;
  GPtrArray *annotations;

  annotations = gloss_store_list_annotations (store,
                                              gloss_article_get_id (gloss_window_get_article (window)),
                                              &error);
  g_assert_no_error (error);
  return annotations;
}

/* Renders the reader and counts pixels of the kind's fill over the
 * page's background inside @rect. */
static guint
count_fill_pixels (GlossWindow         *window,
                   GlossAnnotationKind  kind,
                   const GdkRectangle  *rect)
{
  GtkWidget *view = GTK_WIDGET (window->reader_view);
  int width = gtk_widget_get_width (view);
  int height = gtk_widget_get_height (view);
  g_autofree guchar *pixels = NULL;
  GdkRGBA fill;
  double expected[3];
  gsize stride;
  guint count = 0;

  pixels = ui_render_widget (view, &stride);

  /* The light style's page is white: the fill blends over it. */
  gloss_annotation_kind_get_colors (kind, FALSE, NULL, &fill);
  expected[0] = 255 * (fill.red * fill.alpha + (1 - fill.alpha));
  expected[1] = 255 * (fill.green * fill.alpha + (1 - fill.alpha));
  expected[2] = 255 * (fill.blue * fill.alpha + (1 - fill.alpha));

  for (int y = MAX (rect->y, 0); y < MIN (rect->y + rect->height, height); y++)
    for (int x = MAX (rect->x, 0); x < MIN (rect->x + rect->width, width); x++)
      {
        /* Cairo's ARGB32, little-endian: blue, green, red, alpha. */
        const guchar *pixel = pixels + (gsize) y * stride + (gsize) x * 4;

        if (ABS (pixel[2] - expected[0]) <= 4 && ABS (pixel[1] - expected[1]) <= 4
            && ABS (pixel[0] - expected[2]) <= 4)
          count++;
      }

  return count;
}

static void
assert_row_label (GlossWindow     *window,
                  GlossAnnotation *annotation,
                  const char      *expected)
{
  GlossAnnotationRow *row = gloss_annotation_list_find_row (window->annotation_list, annotation);

  g_assert_nonnull (row);
  g_assert_cmpstr (gloss_annotation_row_get_label (row), ==, expected);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       expected);
}

/* The denial is painted where it was marked: tag, fill and pane row. */
static void
check_denial_shown (GlossWindow *window,
                    guint        start,
                    guint        end)
{
  GlossAnnotation *denial = gloss_annotation_model_find_at (window->annotations, 6, start);
  GdkRectangle rect, plain;

  g_assert_nonnull (denial);
  ui_assert_tag_covers (window, GLOSS_ANNOTATION_DENIAL, 6, start, end);

  ui_scroll_to_block (window, 6, 0.5);
  g_assert_true (gloss_reader_view_get_annotation_rect (window->reader_view, denial, &rect));
  g_assert_cmpuint (count_fill_pixels (window, GLOSS_ANNOTATION_DENIAL, &rect), >, 200);

  /* A click there is on the denial (and opens it, gloss-window-actions.c). */
  g_assert_true (gloss_reader_view_get_annotation_at (window->reader_view,
                                                      rect.x + rect.width / 2.0,
                                                      rect.y + rect.height / 2.0) == denial);

  /* Block 4 has no highlight: the same area there holds no such fill. */
  {
    GtkTextIter iter;
    GdkRectangle location;

    g_assert_true (gloss_reader_view_get_iter_for_block (window->reader_view, 4, 0, &iter));
    gtk_text_view_get_iter_location (GTK_TEXT_VIEW (window->reader_view), &iter, &location);
    gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (window->reader_view),
                                           GTK_TEXT_WINDOW_WIDGET, location.x, location.y,
                                           &plain.x, &plain.y);
    plain.width = rect.width;
    plain.height = rect.height;
    g_assert_cmpuint (count_fill_pixels (window, GLOSS_ANNOTATION_DENIAL, &plain), ==, 0);
    g_assert_null (gloss_reader_view_get_annotation_at (window->reader_view, plain.x + 4,
                                                        plain.y + location.height / 2.0));
  }

  assert_row_label (window, denial,
                    "Denial: there is no evidence that Huawei poses any threat to cybersecurity.");
  g_assert_cmpstr (gloss_annotation_list_get_page (window->annotation_list), ==, "list");
}

static void
test_mark_denial (UiLibrary     *library,
                  gconstpointer  data)
{
  GlossWindow *window = open_sample (library);
  g_autoptr(GPtrArray) stored = NULL;
  GlossAnnotation *annotation;
  const GlossAnchor *anchor;
  guint start, end;

  g_assert_cmpstr (gloss_annotation_list_get_page (window->annotation_list), ==, "empty");

  find_quote (window, 6, DENIAL_QUOTE, &start, &end);
  select_quote (window, 6, DENIAL_QUOTE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.mark", "s", "denial"));

  /* The selection became the highlight. */
  g_assert_false (gtk_text_buffer_get_has_selection (
                    gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->reader_view))));

  stored = stored_annotations (library, window);
  g_assert_cmpuint (stored->len, ==, 1);
  annotation = g_ptr_array_index (stored, 0);
  anchor = gloss_annotation_get_anchor (annotation);
  g_assert_cmpint (gloss_annotation_get_kind (annotation), ==, GLOSS_ANNOTATION_DENIAL);
  g_assert_cmpuint (anchor->start_block, ==, 6);
  g_assert_cmpuint (anchor->start_offset, ==, start);
  g_assert_cmpuint (anchor->end_block, ==, 6);
  g_assert_cmpuint (anchor->end_offset, ==, end);
  g_assert_cmpstr (anchor->exact, ==, DENIAL_QUOTE);

  check_denial_shown (window, start, end);
  ui_destroy_window (GTK_WINDOW (window));
}

/* Closed and opened again on the same library: the same words. */
static void
test_restart (UiLibrary     *library,
              gconstpointer  data)
{
  GlossWindow *window = open_sample (library);
  gint64 article_id = gloss_article_get_id (gloss_window_get_article (window));
  guint start, end;

  find_quote (window, 6, DENIAL_QUOTE, &start, &end);
  mark_quote (window, 6, DENIAL_QUOTE, "denial");
  ui_destroy_window (GTK_WINDOW (window));

  window = open_sample (library);
  g_assert_cmpint (gloss_article_get_id (gloss_window_get_article (window)), ==, article_id);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_window_get_annotations (window)), ==, 1);
  check_denial_shown (window, start, end);

  ui_destroy_window (GTK_WINDOW (window));
}

/* The reader's own key binding for @keyval, activated as a key press is. */
static gboolean
press_key (GlossWindow *window,
           guint        keyval)
{
  return ui_press_key (GTK_WIDGET (window->reader_view), keyval);
}

static void
test_keys (UiLibrary     *library,
           gconstpointer  data)
{
  static const struct {
    guint keyval;
    guint block;
    const char *quote;
    GlossAnnotationKind kind;
  } marks[] = {
    { GDK_KEY_c, 1, CLAIM_QUOTE, GLOSS_ANNOTATION_CLAIM },
    { GDK_KEY_e, 2, "The United States is lobbying European and other allies",
      GLOSS_ANNOTATION_EVIDENCE },
    { GDK_KEY_q, 5, "whether NATO has a role to play", GLOSS_ANNOTATION_QUESTION },
    { GDK_KEY_d, 6, DENIAL_QUOTE, GLOSS_ANNOTATION_DENIAL },
  };
  GlossWindow *window = open_sample (library);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->reader_view));
  g_autoptr(GPtrArray) stored = NULL;
  GtkTextIter iter;

  /* No selection: the keys do nothing, and are left to other widgets. */
  gtk_text_buffer_get_start_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    g_assert_false (press_key (window, marks[i].keyval));
  /* Even activated directly, the action finds nothing to mark. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.mark", "s", "claim");

  /* The headline and byline alone are no words of the article. */
  {
    GtkTextIter start, end;

    gtk_text_buffer_get_iter_at_line (buffer, &start, 0);
    gtk_text_buffer_get_iter_at_line (buffer, &end, 1);
    gtk_text_iter_forward_to_line_end (&end);
    gtk_text_buffer_select_range (buffer, &start, &end);
    g_assert_false (press_key (window, GDK_KEY_c));
  }
  stored = stored_annotations (library, window);
  g_assert_cmpuint (stored->len, ==, 0);
  g_clear_pointer (&stored, g_ptr_array_unref);

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      select_quote (window, marks[i].block, marks[i].quote);
      g_assert_true (press_key (window, marks[i].keyval));
    }

  stored = stored_annotations (library, window);
  g_assert_cmpuint (stored->len, ==, G_N_ELEMENTS (marks));
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (stored, i);

      /* Stored in document order, as marked here. */
      g_assert_cmpint (gloss_annotation_get_kind (annotation), ==, marks[i].kind);
      g_assert_cmpstr (gloss_annotation_get_anchor (annotation)->exact, ==, marks[i].quote);
    }

  ui_destroy_window (GTK_WINDOW (window));
}

/* A selection reaching up into the headline is cut at the body. */
static void
test_selection_clipped (UiLibrary     *library,
                        gconstpointer  data)
{
  GlossWindow *window = open_sample (library);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->reader_view));
  g_autoptr(GPtrArray) stored = NULL;
  const GlossAnchor *anchor;
  GtkTextIter start, end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gloss_reader_view_get_iter_for_block (window->reader_view, 0, 14, &end));
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.mark", "s", "evidence"));

  stored = stored_annotations (library, window);
  g_assert_cmpuint (stored->len, ==, 1);
  anchor = gloss_annotation_get_anchor (g_ptr_array_index (stored, 0));
  g_assert_cmpuint (anchor->start_block, ==, 0);
  g_assert_cmpuint (anchor->start_offset, ==, 0);
  /* The space after the dateline is trimmed. */
  g_assert_cmpuint (anchor->end_offset, ==, 13);
  g_assert_cmpstr (anchor->exact, ==, "BRUSSELS (AP)");

  ui_destroy_window (GTK_WINDOW (window));
}

static char *
dup_selection (GlossWindow *window)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->reader_view));
  GtkTextIter start, end;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return g_strdup ("");
  return gtk_text_iter_get_text (&start, &end);
}

/* A mouse drag from inside one word to inside another selects both words
 * whole, and that is what gets marked; Shift+arrows still move by one
 * character. */
static void
test_mouse_selection_snaps (UiLibrary     *library,
                            gconstpointer  data)
{
  GlossWindow *window = open_sample (library);
  g_autoptr(GPtrArray) stored = NULL;
  g_autofree char *commands = NULL;
  g_autofree char *selected = NULL;
  guint start, end;
  int x1, y1, x2, y2;

  find_quote (window, 2, "biggest maker of network technology", &start, &end);
  ui_scroll_to_block (window, 2, 0.3);
  /* "big|gest" to "techn|ology", as a hurried drag leaves them. */
  ui_point_at (window, 2, start + 3, &x1, &y1);
  ui_point_at (window, 2, end - 5, &x2, &y2);
  commands = g_strdup_printf ("mousemove WINDOW %d %d mousedown 1 sleep 0.2 "
                              "mousemove WINDOW %d %d sleep 0.2 "
                              "mousemove WINDOW %d %d sleep 0.2 mouseup 1",
                              x1, y1, (x1 + x2) / 2, (y1 + y2) / 2, x2, y2);
  ui_xdotool (window, commands);
  gloss_test_wait_until (g_str_equal ((g_free (selected), selected = dup_selection (window)),
                                      "biggest maker of network technology"),
                         "the dragged selection to grow to whole words (it is “%s”)", selected);

  /* The keyboard still gives exact characters. */
  ui_xdotool (window, "key WINDOW shift+Left");
  gloss_test_wait_until (g_str_equal ((g_free (selected), selected = dup_selection (window)),
                                      "biggest maker of network technolog"),
                         "Shift+Left to take one character off (it is “%s”)", selected);

  ui_xdotool (window, "key WINDOW shift+Right");
  gloss_test_wait_until (g_str_equal ((g_free (selected), selected = dup_selection (window)),
                                      "biggest maker of network technology"),
                         "Shift+Right to give it back (it is “%s”)", selected);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.mark", "s", "claim"));
  stored = stored_annotations (library, window);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpstr (gloss_annotation_get_anchor (g_ptr_array_index (stored, 0))->exact, ==,
                   "biggest maker of network technology");

  ui_destroy_window (GTK_WINDOW (window));
}

static GtkWidget *
editor_child (GlossWindow *window,
              const char  *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window->editor),
                                                  GLOSS_TYPE_ANNOTATION_EDITOR, name);

  g_assert_true (GTK_IS_WIDGET (child));
  return GTK_WIDGET (child);
}

/* Whether the library, read as another program would, has @speaker on the
 * annotation @id. */
static gboolean
stored_speaker_is (GlossStore *store,
                   gint64      id,
                   const char *speaker)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossAnnotation) stored = gloss_store_load_annotation (store, id, &error);

  g_assert_no_error (error);

  return g_strcmp0 (gloss_annotation_get_speaker (stored), speaker) == 0;
}

/* A claim marked a word short gets its last word with Change Words (W),
 * Ctrl+Shift+Right and Enter (pressed through the reader's shortcuts): the same annotation, its link kept, saved
 * and painted on the new words.  Escape leaves the words as they were. */
static void
test_change_words (UiLibrary     *library,
                   gconstpointer  data)
{
  static const char *short_quote = "some of NATO’s 29 allies are uneasy about the potential "
                                   "security challenges of working with";
  GlossWindow *window = open_sample (library);
  GlossAnnotation *claim = mark_quote (window, 1, short_quote, "claim");
  GlossAnnotation *denial = mark_quote (window, 6, DENIAL_QUOTE, "denial");
  gint64 claim_id = gloss_annotation_get_id (claim);
  g_autoptr(GlossStore) store = gloss_test_store_open (library->path);
  g_autoptr(GlossAnnotation) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *selected = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->reader_view));
  guint start, end;
  GtkTextIter iter;

  g_assert_true (gloss_annotation_model_add_link (window->annotations, denial,
                                                  GLOSS_RELATION_RESPONDS_TO, claim, &error));
  g_assert_no_error (error);

  /* W with the text cursor in the highlight selects its words. */
  find_quote (window, 1, CLAIM_QUOTE, &start, &end);
  ui_scroll_to_block (window, 1, 0.3);
  g_assert_true (gloss_reader_view_get_iter_for_block (window->reader_view, 1, start + 5, &iter));
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_widget_grab_focus (GTK_WIDGET (window->reader_view));
  g_assert_true (press_key (window, GDK_KEY_w));
  g_assert_nonnull (window->range_toast);
  g_assert_cmpstr ((selected = dup_selection (window)), ==, short_quote);

  /* The user's keys (the reader's own shortcuts; xdotool's keys are lost
   * now and then): one word more, then Enter. */
  g_assert_true (ui_press_key_with (GTK_WIDGET (window->reader_view), GDK_KEY_Right,
                                    GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  gloss_test_wait_until (g_str_equal ((g_free (selected), selected = dup_selection (window)),
                                      CLAIM_QUOTE),
                         "Ctrl+Shift+Right to take in the next word (it is “%s”)", selected);
  g_assert_true (press_key (window, GDK_KEY_Return));
  gloss_test_wait_until (window->range_annotation_id == 0, "Enter to apply the new words");

  g_assert_true (gloss_annotation_model_find (window->annotations, claim_id) == claim);
  g_assert_cmpstr (gloss_annotation_get_anchor (claim)->exact, ==, CLAIM_QUOTE);
  stored = gloss_store_load_annotation (store, claim_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_annotation_get_anchor (stored)->exact, ==, CLAIM_QUOTE);
  g_assert_cmpuint (gloss_annotation_get_anchor (stored)->start_offset, ==, start);
  g_assert_cmpuint (gloss_annotation_get_anchor (stored)->end_offset, ==, end);
  g_assert_cmpint (gloss_annotation_get_anchor (stored)->state, ==, GLOSS_ANCHOR_ANCHORED);
  g_assert_cmpstr (gloss_annotation_get_uuid (stored), ==, gloss_annotation_get_uuid (claim));
  g_assert_cmpuint (gloss_annotation_get_n_incoming_links (stored), ==, 1);
  g_clear_object (&stored);
  ui_assert_tag_covers (window, GLOSS_ANNOTATION_CLAIM, 1, start, end);
  g_assert_false (gtk_text_buffer_get_has_selection (buffer));
  assert_row_label (window, claim,
                    "Claim: some of NATO’s 29 allies are uneasy about the potential security "
                    "challenges of working with Huawei. Linked to another annotation.");

  /* From the editor's button; Shift+Left takes characters off, and
   * Escape keeps the words as they were. */
  edit_annotation (window, claim_id);
  g_signal_emit_by_name (editor_child (window, "range_button"), "clicked");
  g_assert_cmpuint (window->range_annotation_id, ==, claim_id);
  g_assert_cmpstr ((g_free (selected), selected = dup_selection (window)), ==, CLAIM_QUOTE);
  for (guint i = 0; i < 2; i++)
    g_assert_true (ui_press_key_with (GTK_WIDGET (window->reader_view), GDK_KEY_Left,
                                      GDK_SHIFT_MASK));
  gloss_test_wait_until (g_str_equal ((g_free (selected), selected = dup_selection (window)),
                                      "some of NATO’s 29 allies are uneasy about the potential "
                                      "security challenges of working with Huaw"),
                         "Shift+Left twice to take two characters off (it is “%s”)", selected);
  g_assert_true (press_key (window, GDK_KEY_Escape));
  gloss_test_wait_until (window->range_annotation_id == 0, "Escape to leave the words as they were");
  stored = gloss_store_load_annotation (store, claim_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_annotation_get_anchor (stored)->exact, ==, CLAIM_QUOTE);

  ui_destroy_window (GTK_WINDOW (window));
}

static void
test_editor (UiLibrary     *library,
             gconstpointer  data)
{
  GlossWindow *window = open_sample (library);
  GlossAnnotation *claim = mark_quote (window, 1, CLAIM_QUOTE, "claim");
  GlossAnnotation *denial = mark_quote (window, 6, DENIAL_QUOTE, "denial");
  gint64 claim_id = gloss_annotation_get_id (claim);
  gint64 denial_id = gloss_annotation_get_id (denial);
  g_autoptr(GlossStore) store = gloss_test_store_open (library->path);
  g_autoptr(GlossAnnotation) stored = NULL;
  g_autoptr(GError) error = NULL;
  const GlossAnnotationLink *link;

  /* Opened on the claim: the verdict is offered for claims only. */
  edit_annotation (window, claim_id);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->editor)));
  g_assert_true (gloss_annotation_editor_get_annotation (window->editor) == claim);
  g_assert_true (gtk_widget_get_visible (editor_child (window, "verdict_dropdown")));

  gtk_editable_set_text (GTK_EDITABLE (editor_child (window, "speaker_entry")), "NATO allies");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor_child (window, "note_view"))),
                            "Which allies? Stoltenberg names none.", -1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (editor_child (window, "verdict_dropdown")),
                              GLOSS_VERDICT_MOSTLY_TRUE - 1);

  /* The verdict is saved at once; the typing once it pauses. */
  stored = gloss_store_load_annotation (store, claim_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_annotation_get_verdict (stored), ==, GLOSS_VERDICT_MOSTLY_TRUE);
  g_clear_object (&stored);
  gloss_test_wait_until (stored_speaker_is (store, claim_id, "NATO allies"),
                         "the editor to save what was typed once the typing paused");
  stored = gloss_store_load_annotation (store, claim_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_annotation_get_speaker (stored), ==, "NATO allies");
  g_assert_cmpstr (gloss_annotation_get_note (stored), ==, "Which allies? Stoltenberg names none.");
  g_clear_object (&stored);

  /* The pane shows what the editor changed. */
  assert_row_label (window, claim,
                    "Claim: some of NATO’s 29 allies are uneasy about the potential security "
                    "challenges of working with Huawei, said by NATO allies. Rated Mostly True. "
                    "Has a note.");

  /* Typing then closing at once loses nothing. */
  gtk_editable_set_text (GTK_EDITABLE (editor_child (window, "speaker_entry")), "NATO’s allies");
  gtk_popover_popdown (GTK_POPOVER (window->editor));
  stored = gloss_store_load_annotation (store, claim_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_annotation_get_speaker (stored), ==, "NATO’s allies");
  g_clear_object (&stored);

  /* The denial answers the claim; a denial has no verdict to set. */
  edit_annotation (window, denial_id);
  g_assert_false (gtk_widget_get_visible (editor_child (window, "verdict_dropdown")));
  gtk_editable_set_text (GTK_EDITABLE (editor_child (window, "speaker_entry")), "Huawei");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->editor), "editor.add-link",
                                             "(sx)", "responds-to", claim_id));
  g_assert_true (gtk_widget_get_visible (editor_child (window, "links_list")));
  gtk_popover_popdown (GTK_POPOVER (window->editor));

  stored = gloss_store_load_annotation (store, denial_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_annotation_get_speaker (stored), ==, "Huawei");
  g_assert_cmpuint (gloss_annotation_get_n_links (stored), ==, 1);
  link = gloss_annotation_get_link (stored, 0);
  g_assert_cmpint (link->relation, ==, GLOSS_RELATION_RESPONDS_TO);
  g_assert_cmpint (link->target_id, ==, claim_id);
  g_assert_cmpstr (link->target_uuid, ==, gloss_annotation_get_uuid (claim));
  g_clear_object (&stored);

  /* The claim shows the link from its side, in the editor and the pane. */
  edit_annotation (window, claim_id);
  g_assert_true (gtk_widget_get_visible (editor_child (window, "links_list")));
  g_assert_false (gtk_widget_get_visible (editor_child (window, "no_links_label")));
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (editor_child (window, "links_list")), 0);
    GtkWidget *texts = gtk_widget_get_first_child (gtk_list_box_row_get_child (row));

    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (texts))), ==,
                     "Answered by");
    g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (editor_child (window, "links_list")), 1));
  }
  gtk_popover_popdown (GTK_POPOVER (window->editor));
  assert_row_label (window, claim,
                    "Claim: some of NATO’s 29 allies are uneasy about the potential security "
                    "challenges of working with Huawei, said by NATO’s allies. Rated Mostly True. "
                    "Has a note. Linked to another annotation.");

  /* Changing the kind is saved too, and repaints the words. */
  edit_annotation (window, claim_id);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (editor_child (window, "question_toggle")), TRUE);
  stored = gloss_store_load_annotation (store, claim_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gloss_annotation_get_kind (stored), ==, GLOSS_ANNOTATION_QUESTION);
  {
    guint start, end;

    find_quote (window, 1, CLAIM_QUOTE, &start, &end);
    ui_assert_tag_covers (window, GLOSS_ANNOTATION_QUESTION, 1, start, end);
    ui_assert_tag_covers (window, GLOSS_ANNOTATION_CLAIM, 1, 0, 0);
  }
  gtk_popover_popdown (GTK_POPOVER (window->editor));

  ui_destroy_window (GTK_WINDOW (window));
}

static void
test_delete_undo (UiLibrary     *library,
                  gconstpointer  data)
{
  GlossWindow *window = open_sample (library);
  GlossAnnotation *claim = mark_quote (window, 1, CLAIM_QUOTE, "claim");
  GlossAnnotation *denial = mark_quote (window, 6, DENIAL_QUOTE, "denial");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->reader_view));
  g_autoptr(GlossAnchor) anchor = gloss_anchor_copy (gloss_annotation_get_anchor (claim));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  GlossAnnotation *restored = NULL;
  guint start, end;
  GtkTextIter iter;

  gloss_annotation_set_note (claim, "Check the NATO transcript.");
  gloss_annotation_set_speaker (claim, "NATO allies");
  g_assert_true (gloss_annotation_model_save (window->annotations, claim, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_annotation_model_add_link (window->annotations, denial,
                                                  GLOSS_RELATION_RESPONDS_TO, claim, &error));
  g_assert_no_error (error);

  /* Delete with the text cursor inside the claim. */
  find_quote (window, 1, CLAIM_QUOTE, &start, &end);
  g_assert_true (gloss_reader_view_get_iter_for_block (window->reader_view, 1, start + 5, &iter));
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_true (press_key (window, GDK_KEY_Delete));

  stored = stored_annotations (library, window);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpint (gloss_annotation_get_kind (g_ptr_array_index (stored, 0)), ==,
                   GLOSS_ANNOTATION_DENIAL);
  g_assert_cmpuint (gloss_annotation_get_n_links (g_ptr_array_index (stored, 0)), ==, 0);
  g_clear_pointer (&stored, g_ptr_array_unref);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_window_get_annotations (window)), ==, 1);
  ui_assert_tag_covers (window, GLOSS_ANNOTATION_CLAIM, 1, 0, 0);
  g_assert_cmpuint (g_hash_table_size (window->deleted), ==, 1);

  /* Undo, as the toast's button does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete", "u",
                                             window->last_deleted_id));
  g_assert_cmpuint (g_hash_table_size (window->deleted), ==, 0);

  stored = stored_annotations (library, window);
  g_assert_cmpuint (stored->len, ==, 2);
  for (guint i = 0; i < stored->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (stored, i);

      if (gloss_annotation_get_kind (annotation) == GLOSS_ANNOTATION_CLAIM)
        restored = annotation;
    }
  g_assert_nonnull (restored);
  g_assert_true (gloss_anchor_equal (gloss_annotation_get_anchor (restored), anchor));
  g_assert_cmpstr (gloss_annotation_get_note (restored), ==, "Check the NATO transcript.");
  g_assert_cmpstr (gloss_annotation_get_speaker (restored), ==, "NATO allies");
  g_assert_cmpint (gloss_annotation_get_verdict (restored), ==, GLOSS_VERDICT_UNRATED);

  /* The denial answers the claim again. */
  for (guint i = 0; i < stored->len; i++)
    {
      GlossAnnotation *annotation = g_ptr_array_index (stored, i);

      if (gloss_annotation_get_kind (annotation) == GLOSS_ANNOTATION_DENIAL)
        {
          g_assert_cmpuint (gloss_annotation_get_n_links (annotation), ==, 1);
          g_assert_cmpint (gloss_annotation_get_link (annotation, 0)->target_id, ==,
                           gloss_annotation_get_id (restored));
        }
    }

  ui_assert_tag_covers (window, GLOSS_ANNOTATION_CLAIM, 1, start, end);
  g_assert_nonnull (gloss_annotation_list_find_row (window->annotation_list,
                                                   gloss_annotation_model_find_at (window->annotations,
                                                                                   1, start)));

  /* Delete from the pane, with its row selected. */
  gloss_annotation_list_select (window->annotation_list, denial);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->annotation_list),
                                             "list.delete-selected", NULL));
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = stored_annotations (library, window);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpint (gloss_annotation_get_kind (g_ptr_array_index (stored, 0)), ==,
                   GLOSS_ANNOTATION_CLAIM);

  ui_destroy_window (GTK_WINDOW (window));
}

static GlossAnnotation *
stored_annotation (GlossStore *store,
                   gint64      id)
{
  g_autoptr(GError) error = NULL;
  GlossAnnotation *annotation = gloss_store_load_annotation (store, id, &error);

  g_assert_no_error (error);
  return annotation;
}

static gboolean
stored_exists (GlossStore *store,
               gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossAnnotation) annotation = gloss_store_load_annotation (store, id, &error);

  return annotation != NULL;
}

/* Ctrl+Z and Ctrl+Shift+Z (through the window's shortcuts: xdotool lost
 * one key in three of this sequence, never reaching GTK) over a link, a
 * kind, a speaker, the words and a deletion.  The deleted claim comes back as the
 * same annotation, with the denial's link and the link from evidence in
 * another article: what cites it by number still finds it. */
static void
test_undo_redo (UiLibrary     *library,
                gconstpointer  data)
{
  GlossWindow *window = open_sample (library);
  GlossAnnotation *claim = mark_quote (window, 1, CLAIM_QUOTE, "claim");
  GlossAnnotation *denial = mark_quote (window, 6, DENIAL_QUOTE, "denial");
  gint64 claim_id = gloss_annotation_get_id (claim);
  gint64 denial_id = gloss_annotation_get_id (denial);
  g_autofree char *claim_uuid = g_strdup (gloss_annotation_get_uuid (claim));
  g_autoptr(GlossStore) store = gloss_test_store_open (library->path);
  g_autoptr(GlossAnnotation) evidence = NULL;
  g_autoptr(GlossAnnotation) stored = NULL;
  g_autoptr(GlossAnchor) shorter = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->reader_view));
  gint64 second;
  guint start, end;
  GtkTextIter iter;

  /* Evidence from another story supports the claim (saved by another
   * program; the window reads the article again, as it does then). */
  second = gloss_test_import_data (store, "store/story-v1.html");
  evidence = gloss_test_annotation_new (store, second, GLOSS_ANNOTATION_EVIDENCE, "the");
  gloss_annotation_add_link (evidence, GLOSS_RELATION_SUPPORTS, claim_id, NULL);
  g_assert_true (gloss_store_add_annotation (store, evidence, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_window_reload_annotations (window, &error));
  g_assert_no_error (error);
  g_assert_false (gloss_annotation_history_can_undo (gloss_annotation_model_get_history (window->annotations)));

  /* The changes, as the editor and the keys make them. */
  edit_annotation (window, denial_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->editor), "editor.add-link",
                                             "(sx)", "responds-to", claim_id));
  gtk_popover_popdown (GTK_POPOVER (window->editor));
  edit_annotation (window, claim_id);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (editor_child (window, "question_toggle")), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (editor_child (window, "speaker_entry")), "NATO allies");
  g_signal_emit_by_name (editor_child (window, "speaker_entry"), "activate");
  gtk_popover_popdown (GTK_POPOVER (window->editor));
  find_quote (window, 1, CLAIM_QUOTE, &start, &end);
  claim = gloss_annotation_model_find (window->annotations, claim_id);
  shorter = gloss_anchor_new_for_range (gloss_window_get_article (window), 1, start, 1, end - 7,
                                        &error);
  g_assert_true (gloss_annotation_model_move (window->annotations, claim, shorter, &error));
  g_assert_no_error (error);
  g_assert_true (gloss_reader_view_get_iter_for_block (window->reader_view, 1, start + 5, &iter));
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_widget_grab_focus (GTK_WIDGET (window->reader_view));
  g_assert_true (press_key (window, GDK_KEY_Delete));
  g_assert_false (stored_exists (store, claim_id));
  g_assert_true (gloss_annotation_history_can_undo (gloss_annotation_model_get_history (window->annotations)));

  /* Ctrl+Z: the same claim, its links both ways, the other article's too. */
  g_assert_true (ui_press_key_with (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK));
  gloss_test_wait_until (gloss_annotation_model_find (window->annotations, claim_id) != NULL,
                         "Ctrl+Z to bring the deleted claim back");
  stored = stored_annotation (store, claim_id);
  g_assert_cmpstr (gloss_annotation_get_uuid (stored), ==, claim_uuid);
  g_assert_cmpstr (gloss_annotation_get_speaker (stored), ==, "NATO allies");
  g_assert_cmpint (gloss_annotation_get_kind (stored), ==, GLOSS_ANNOTATION_QUESTION);
  g_assert_cmpuint (gloss_annotation_get_n_incoming_links (stored), ==, 2);
  g_clear_object (&stored);
  stored = stored_annotation (store, gloss_annotation_get_id (evidence));
  g_assert_cmpuint (gloss_annotation_get_n_links (stored), ==, 1);
  g_assert_cmpint (gloss_annotation_get_link (stored, 0)->target_id, ==, claim_id);
  g_clear_object (&stored);
  g_assert_cmpuint (gloss_annotation_get_n_links (gloss_annotation_model_find (window->annotations,
                                                                               denial_id)), ==, 1);
  ui_assert_tag_covers (window, GLOSS_ANNOTATION_QUESTION, 1, start, end - 7);

  /* Ctrl+Z again, one change at a time: the words, the speaker, the kind,
   * the link. */
  g_assert_true (ui_press_key_with (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK));
  gloss_test_wait_until (g_strcmp0 (gloss_annotation_get_anchor (gloss_annotation_model_find (window->annotations, claim_id))->exact,
                                    CLAIM_QUOTE) == 0,
                         "Ctrl+Z to give the claim its words back");
  g_assert_true (ui_press_key_with (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK));
  gloss_test_wait_until (gloss_annotation_get_speaker (gloss_annotation_model_find (window->annotations, claim_id)) == NULL,
                         "Ctrl+Z to take the speaker off");
  g_assert_true (ui_press_key_with (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK));
  gloss_test_wait_until (gloss_annotation_get_kind (gloss_annotation_model_find (window->annotations, claim_id))
                         == GLOSS_ANNOTATION_CLAIM, "Ctrl+Z to make it a claim again");
  g_assert_true (ui_press_key_with (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK));
  gloss_test_wait_until (gloss_annotation_get_n_links (gloss_annotation_model_find (window->annotations, denial_id)) == 0,
                         "Ctrl+Z to unlink the denial");
  g_assert_false (gloss_annotation_history_can_undo (gloss_annotation_model_get_history (window->annotations)));
  stored = stored_annotation (store, claim_id);
  g_assert_cmpint (gloss_annotation_get_kind (stored), ==, GLOSS_ANNOTATION_CLAIM);
  g_assert_null (gloss_annotation_get_speaker (stored));
  g_assert_cmpstr (gloss_annotation_get_anchor (stored)->exact, ==, CLAIM_QUOTE);
  g_assert_cmpuint (gloss_annotation_get_n_incoming_links (stored), ==, 1);
  g_clear_object (&stored);
  ui_assert_tag_covers (window, GLOSS_ANNOTATION_CLAIM, 1, start, end);

  /* Ctrl+Shift+Z makes them again, the deletion last. */
  g_assert_true (ui_press_key_with (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  gloss_test_wait_until (gloss_annotation_get_n_links (gloss_annotation_model_find (window->annotations, denial_id)) == 1,
                         "Ctrl+Shift+Z to link the denial again");
  g_assert_true (ui_press_key_with (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  gloss_test_wait_until (gloss_annotation_get_kind (gloss_annotation_model_find (window->annotations, claim_id))
                         == GLOSS_ANNOTATION_QUESTION, "Ctrl+Shift+Z to make it a question again");
  g_assert_true (ui_press_key_with (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  gloss_test_wait_until (gloss_annotation_get_speaker (gloss_annotation_model_find (window->annotations, claim_id)) != NULL,
                         "Ctrl+Shift+Z to give the speaker back");
  g_assert_true (ui_press_key_with (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  gloss_test_wait_until (gloss_annotation_get_anchor (gloss_annotation_model_find (window->annotations, claim_id))->end_offset
                         == end - 7, "Ctrl+Shift+Z to make the words shorter again");
  g_assert_cmpint (gloss_annotation_get_kind (gloss_annotation_model_find (window->annotations, claim_id)),
                   ==, GLOSS_ANNOTATION_QUESTION);
  g_assert_cmpuint (gloss_annotation_get_n_links (gloss_annotation_model_find (window->annotations, denial_id)),
                    ==, 1);
  g_assert_true (ui_press_key_with (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  gloss_test_wait_until (gloss_annotation_model_find (window->annotations, claim_id) == NULL,
                         "Ctrl+Shift+Z to delete the claim again");
  g_assert_false (stored_exists (store, claim_id));
  stored = stored_annotation (store, denial_id);
  g_assert_cmpuint (gloss_annotation_get_n_links (stored), ==, 0);
  g_clear_object (&stored);

  /* Undo (the action the keys and the menu share) brings it back again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_nonnull (gloss_annotation_model_find (window->annotations, claim_id));
  stored = stored_annotation (store, claim_id);
  g_assert_cmpstr (gloss_annotation_get_anchor (stored)->exact, ==, shorter->exact);
  g_assert_cmpuint (gloss_annotation_get_n_incoming_links (stored), ==, 2);

  ui_destroy_window (GTK_WINDOW (window));
}

/* Whether @menu, or a menu inside it, has an item for @action. */
static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_str_equal (name, action))
        return TRUE;

      links = g_menu_model_iterate_item_links (menu, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) inner = g_menu_link_iter_get_value (links);

          if (menu_has_action (inner, action))
            return TRUE;
        }
    }

  return FALSE;
}

/* The label of the editor's first link row, its relation then its other end. */
static char *
dup_first_link_row (GlossWindow *window)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (editor_child (window, "links_list")), 0);
  GtkWidget *texts;

  g_assert_nonnull (row);
  texts = gtk_widget_get_first_child (gtk_list_box_row_get_child (row));
  return g_strdup_printf ("%s | %s",
                          gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (texts))),
                          gtk_label_get_label (GTK_LABEL (gtk_widget_get_last_child (texts))));
}

static gboolean
link_dialog_gone (void)
{
  return ui_find_toplevel (GLOSS_TYPE_LINK_TARGET_DIALOG) == NULL;
}

/* Evidence in this article supports a claim of another story, chosen from
 * the editor's link menu through a search over every annotation, with the
 * keyboard (typing, then Enter): the link is saved, shown from both ends,
 * and Ctrl+Z and Ctrl+Shift+Z take it off and put it back. */
static void
test_link_other_article (UiLibrary     *library,
                         gconstpointer  data)
{
  static const char *quote = "lobbying European and other allies";
  g_autoptr(GlossStore) store = gloss_test_store_open (library->path);
  GlossWindow *window;
  g_autoptr(GlossAnnotation) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  GlossAnnotation *evidence;
  GlossLinkTargetDialog *dialog;
  GtkListBox *list;
  GtkWidget *focus;
  gint64 second, claim_id, evidence_id;

  /* The same words, marked in both stories: only the other story's are
   * offered.  The other story is written before the window opens, so the
   * window's watch (gloss-window-watch.c) sees no change by another
   * program and never reads the annotations again under the test. */
  second = gloss_test_import_data (store, "store/story-v1.html");
  claim_id = gloss_test_annotate (store, second, GLOSS_ANNOTATION_CLAIM, quote, "AP", NULL);
  window = open_sample (library);
  g_assert_cmpint (second, !=, gloss_article_get_id (gloss_window_get_article (window)));
  evidence = mark_quote (window, 2, quote, "evidence");
  evidence_id = gloss_annotation_get_id (evidence);

  /* With no other annotation in this article, the menu still offers
   * another article's. */
  edit_annotation (window, evidence_id);
  g_assert_true (gtk_widget_get_sensitive (editor_child (window, "add_link_button")));
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (editor_child (window, "add_link_button"))),
                                  "editor.choose-link-target"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->editor),
                                             "editor.choose-link-target", "s", "supports"));
  dialog = GLOSS_LINK_TARGET_DIALOG (ui_wait_for_toplevel (GLOSS_TYPE_LINK_TARGET_DIALOG));
  ui_wait_until_mapped (GTK_WIDGET (dialog));
  g_assert_cmpint (gloss_link_target_dialog_get_relation (dialog), ==, GLOSS_RELATION_SUPPORTS);

  /* The search has the focus; the words find the claim, not the evidence. */
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_nonnull (focus);
  focus = gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (focus);
  list = gloss_link_target_dialog_get_list (dialog);
  gloss_link_target_dialog_search (dialog, "lobbying allies");
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 0));
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  gloss_link_target_dialog_search (dialog, "no such words anywhere");
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
  gloss_link_target_dialog_search (dialog, "lobbying allies");
  g_signal_emit_by_name (focus, "activate");
  gloss_test_wait_until (link_dialog_gone (), "the dialog to close once Enter chose the claim");

  /* Saved, and shown from this end with the other story's words. */
  stored = stored_annotation (store, claim_id);
  g_assert_cmpuint (gloss_annotation_get_n_incoming_links (stored), ==, 1);
  g_assert_cmpint (gloss_annotation_get_incoming_link (stored, 0)->target_id, ==, evidence_id);
  g_assert_cmpint (gloss_annotation_get_incoming_link (stored, 0)->relation, ==, GLOSS_RELATION_SUPPORTS);
  g_clear_object (&stored);
  edit_annotation (window, evidence_id);
  label = dup_first_link_row (window);
  g_assert_cmpstr (label, ==, "Supports | Claim: “lobbying European and other allies”, "
                              "in NATO weighing whether Huawei poses security threat");
  gtk_popover_popdown (GTK_POPOVER (window->editor));

  /* Undo and Redo, as for a link in the article. */
  g_assert_true (ui_press_key_with (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK));
  gloss_test_wait_until (gloss_annotation_get_n_links (gloss_annotation_model_find (window->annotations, evidence_id)) == 0,
                         "Ctrl+Z to take the link to the other article off");
  stored = stored_annotation (store, claim_id);
  g_assert_cmpuint (gloss_annotation_get_n_incoming_links (stored), ==, 0);
  g_clear_object (&stored);
  g_assert_true (ui_press_key_with (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  gloss_test_wait_until (gloss_annotation_get_n_links (gloss_annotation_model_find (window->annotations, evidence_id)) == 1,
                         "Ctrl+Shift+Z to link the evidence again");
  stored = stored_annotation (store, claim_id);
  g_assert_cmpuint (gloss_annotation_get_n_incoming_links (stored), ==, 1);
  g_clear_object (&stored);

  /* The other story's claim shows who supports it. */
  g_assert_true (gloss_window_open_article (window, second, &error));
  g_assert_no_error (error);
  ui_wait_while_loading (window);
  gloss_test_wait_until (gloss_annotation_model_find (window->annotations, claim_id) != NULL,
                         "the other story's claim to be listed");
  edit_annotation (window, claim_id);
  g_free (label);
  label = dup_first_link_row (window);
  g_assert_cmpstr (label, ==, "Supported by | Evidence: “lobbying European and other allies”, "
                              "in NATO weighing whether Huawei poses security threat");
  gtk_popover_popdown (GTK_POPOVER (window->editor));

  ui_destroy_window (GTK_WINDOW (window));
}

/* Change Words says why when it cannot select anything: no highlight
 * under the text cursor, an orphan whose place left the article too.  An
 * orphan still in range is given new words, and the toast says so. */
static void
test_change_words_orphan (UiLibrary     *library,
                          gconstpointer  data)
{
  g_autoptr(GlossStore) store = gloss_test_store_open (library->path);
  GlossWindow *window;
  g_autoptr(GlossAnchor) gone = gloss_anchor_new (40, 0, 40, 10, "words that left the article",
                                                  NULL, NULL, GLOSS_ANCHOR_ORPHANED);
  g_autoptr(GlossAnchor) near = gloss_anchor_new (1, 0, 1, 11, "words that changed",
                                                  NULL, NULL, GLOSS_ANCHOR_ORPHANED);
  gint64 article_id = gloss_test_import_data (store, "nato-huawei.txt");
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer;
  GlossAnnotationRow *row = NULL;
  gint64 gone_id, near_id;
  GtkTextIter iter;

  {
    g_autoptr(GlossAnnotation) orphan = gloss_annotation_new (GLOSS_ANNOTATION_CLAIM, gone);
    g_autoptr(GlossAnnotation) other = gloss_annotation_new (GLOSS_ANNOTATION_QUESTION, near);

    gloss_annotation_set_article_id (orphan, article_id);
    gloss_annotation_set_article_id (other, article_id);
    g_assert_true (gloss_store_add_annotation (store, orphan, &error));
    g_assert_true (gloss_store_add_annotation (store, other, &error));
    g_assert_no_error (error);
    gone_id = gloss_annotation_get_id (orphan);
    near_id = gloss_annotation_get_id (other);
  }

  /* Opened after the orphans were written (the same bytes give the same
   * article), so nothing reads the annotations again under the test. */
  window = open_sample (library);
  g_assert_cmpint (gloss_article_get_id (gloss_window_get_article (window)), ==, article_id);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->reader_view));

  /* W with the text cursor on plain words. */
  g_assert_true (gloss_reader_view_get_iter_for_block (window->reader_view, 2, 3, &iter));
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_widget_grab_focus (GTK_WIDGET (window->reader_view));
  g_assert_true (press_key (window, GDK_KEY_w));
  g_assert_nonnull (window->range_notice);
  g_assert_nonnull (strstr (adw_toast_get_title (window->range_notice), "Put the text cursor in a highlight"));
  g_assert_cmpint (window->range_annotation_id, ==, 0);

  /* W on the orphan's row in the pane: its words and their place are gone. */
  gloss_test_wait_until ((row = gloss_annotation_list_find_row (window->annotation_list,
                                                                gloss_annotation_model_find (window->annotations, gone_id))) != NULL
                         && gtk_widget_get_mapped (GTK_WIDGET (row)),
                         "the orphan's row to be shown in the pane");
  gtk_widget_grab_focus (GTK_WIDGET (row));
  g_assert_true (ui_press_key (GTK_WIDGET (window->annotation_list), GDK_KEY_w));
  g_assert_nonnull (window->range_notice);
  g_assert_nonnull (strstr (adw_toast_get_title (window->range_notice),
                            "no longer in the article, so they cannot be changed"));
  g_assert_cmpint (window->range_annotation_id, ==, 0);

  /* An orphan whose place is still there: new words are selected from it. */
  gloss_test_wait_until ((row = gloss_annotation_list_find_row (window->annotation_list,
                                                                gloss_annotation_model_find (window->annotations, near_id))) != NULL
                         && gtk_widget_get_mapped (GTK_WIDGET (row)),
                         "the second orphan's row to be shown in the pane");
  gtk_widget_grab_focus (GTK_WIDGET (row));
  g_assert_true (ui_press_key (GTK_WIDGET (window->annotation_list), GDK_KEY_w));
  g_assert_cmpint (window->range_annotation_id, ==, near_id);
  g_assert_nonnull (window->range_toast);
  g_assert_nonnull (strstr (adw_toast_get_title (window->range_toast),
                            "select the words it should cover"));
  g_assert_true (press_key (window, GDK_KEY_Escape));
  gloss_test_wait_until (window->range_annotation_id == 0, "Escape to end the change");

  ui_destroy_window (GTK_WINDOW (window));
}

/* The pane's hint before the first annotation: no line of it is a lone
 * word (it was "Select words and press C, D, E, Q or" then "N"). */
static void
test_empty_hint (UiLibrary     *library,
                 gconstpointer  data)
{
  GlossWindow *window = open_sample (library);
  GtkWidget *hint = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window->annotation_list),
                                                               GLOSS_TYPE_ANNOTATION_LIST,
                                                               "empty_hint"));
  PangoLayout *layout;
  const char *text;

  g_assert_true (GTK_IS_LABEL (hint));
  g_assert_cmpstr (gloss_annotation_list_get_page (window->annotation_list), ==, "empty");
  ui_wait_until_mapped (hint);
  ui_wait_for_paint (GTK_WIDGET (window));

  layout = gtk_label_get_layout (GTK_LABEL (hint));
  text = pango_layout_get_text (layout);
  g_assert_cmpstr (text, ==, "Select words and press C, D, E, Q or N");
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      g_autofree char *words = g_strndup (text + line->start_index, line->length);

      g_strstrip (words);
      g_assert_nonnull (strchr (words, ' '));
    }

  ui_destroy_window (GTK_WINDOW (window));
}

/* Activating a row shows its words: scrolled to, cursor there, glowing. */
static void
test_row_reveals (UiLibrary     *library,
                  gconstpointer  data)
{
  GlossWindow *window = open_sample (library);
  GlossAnnotation *denial = mark_quote (window, 6, DENIAL_QUOTE, "denial");
  GlossAnnotationRow *row = gloss_annotation_list_find_row (window->annotation_list, denial);
  guint block, offset, start, end;

  find_quote (window, 6, DENIAL_QUOTE, &start, &end);
  g_signal_emit_by_name (row, "activate");
  g_assert_true (gloss_reader_view_get_flash_annotation (window->reader_view) == denial);
  g_assert_true (gloss_reader_view_get_cursor_position (window->reader_view, &block, &offset));
  g_assert_cmpuint (block, ==, 6);
  g_assert_cmpuint (offset, ==, start);

  /* The view scrolls there smoothly: until it stops. */
  {
    GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (window->scroller);
    double previous = -1;
    GdkRectangle rect;

    for (guint i = 0, still = 0; i < 300 && still < 3; i++)
      {
        ui_wait_for_paint (GTK_WIDGET (window));
        still = gtk_adjustment_get_value (vadjustment) == previous ? still + 1 : 0;
        previous = gtk_adjustment_get_value (vadjustment);
      }
    g_assert_true (gloss_reader_view_get_annotation_rect (window->reader_view, denial, &rect));
  }

  ui_destroy_window (GTK_WINDOW (window));
}

/* gloss-cli and the window write the same library at once. */
static void
test_gui_and_cli (UiLibrary     *library,
                  gconstpointer  data)
{
  static const char * const gui_quotes[] = {
    "NATO Secretary-General Jens Stoltenberg",
    "the military alliance is mulling how to respond",
    "security concerns raised by some member countries",
    "Chinese tech giant Huawei",
  };
  GlossWindow *window = open_sample (library);
  g_autofree char *article = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              gloss_article_get_id (gloss_window_get_article (window)));
  GPtrArray *processes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) stored = NULL;
  const guint n_cli = 12;

  for (guint i = 0; i < n_cli; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *start = g_strdup_printf ("%u:0", 1 + i % 6);
      g_autofree char *end = g_strdup_printf ("%u:10", 1 + i % 6);
      GSubprocess *process;

      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                                  GLOSS_CLI_PATH, "--db", library->path, "annotate", article,
                                  "--kind", "question", "--start", start, "--end", end,
                                  "--note", "from gloss-cli", NULL);
      g_assert_no_error (error);
      g_ptr_array_add (processes, process);

      /* The window marks while the processes write. */
      if (i < G_N_ELEMENTS (gui_quotes))
        mark_quote (window, 0, gui_quotes[i], "claim");
    }

  for (guint i = 0; i < processes->len; i++)
    {
      GSubprocess *process = g_ptr_array_index (processes, i);
      g_autoptr(GError) error = NULL;

      g_assert_true (g_subprocess_wait (process, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_exited (process));
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
    }
  g_ptr_array_unref (processes);

  stored = stored_annotations (library, window);
  g_assert_cmpuint (stored->len, ==, n_cli + G_N_ELEMENTS (gui_quotes));

  /* And the window can still write afterwards. */
  mark_quote (window, 6, DENIAL_QUOTE, "denial");
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = stored_annotations (library, window);
  g_assert_cmpuint (stored->len, ==, n_cli + G_N_ELEMENTS (gui_quotes) + 1);

  ui_destroy_window (GTK_WINDOW (window));
}

/* Without a library the article is read, and nothing pretends to save. */
static void
test_no_library (UiLibrary     *library,
                 gconstpointer  data)
{
  GlossWindow *window = ui_window_new (NULL, NULL);

  ui_open_file (window, library->sample);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "article");
  g_assert_cmpuint (gloss_article_get_n_blocks (gloss_window_get_article (window)), ==, 7);
  g_assert_cmpstr (gloss_annotation_list_get_page (window->annotation_list), ==, "unavailable");

  select_quote (window, 6, DENIAL_QUOTE);
  g_assert_false (press_key (window, GDK_KEY_d));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.mark", "s", "denial");
  g_assert_cmpuint (g_list_model_get_n_items (gloss_window_get_annotations (window)), ==, 0);

  ui_wait_for_paint (GTK_WIDGET (window));
  ui_destroy_window (GTK_WINDOW (window));
}

/* A damaged library is refused by the store; the application then runs
 * its windows without one (gloss-application.c). */
static void
test_damaged_library (UiLibrary     *library,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossStore) store = NULL;

  g_assert_true (g_file_set_contents (library->path, "this is not a database, not at all",
                                      -1, NULL));
  store = gloss_store_open (library->path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  /* The rows' accessible names are read back. */
  if (!ui_test_init (&argc, &argv, "/ui/annotations",
                     UI_TEST_ACCESSIBLE | UI_TEST_ADWAITA | UI_TEST_APP_STYLE))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add ("/ui/annotations/" path, UiLibrary, NULL, ui_library_set_up, func, \
              ui_library_tear_down)

  ADD ("mark-denial", test_mark_denial);
  ADD ("restart", test_restart);
  ADD ("keys", test_keys);
  ADD ("selection-clipped", test_selection_clipped);
  ADD ("mouse-selection-snaps", test_mouse_selection_snaps);
  ADD ("editor", test_editor);
  ADD ("change-words", test_change_words);
  ADD ("delete-undo", test_delete_undo);
  ADD ("undo-redo", test_undo_redo);
  ADD ("link-other-article", test_link_other_article);
  ADD ("change-words-orphan", test_change_words_orphan);
  ADD ("empty-hint", test_empty_hint);
  ADD ("row-reveals", test_row_reveals);
  ADD ("gui-and-cli", test_gui_and_cli);
  ADD ("no-library", test_no_library);
  ADD ("damaged-library", test_damaged_library);

#undef ADD

  return g_test_run ();
}
