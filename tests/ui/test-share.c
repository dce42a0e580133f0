/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-share"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "gloss-export-dialog.h"
#include "gloss-print.h"
#include "gloss-window-private.h"
#include "ui-fixture.h"

/*
 * Sharing the work, as a user does it from the window: the Export dialog
 * writing each format (the destination given as the file chooser would
 * give it), Print to a PDF file, and Import Annotations, including the
 * question of which article to attach them to.
 */

#define DENIAL_QUOTE "there is no evidence that Huawei poses any threat to cybersecurity"
#define CLAIM_QUOTE "some of NATO’s 29 allies are uneasy about the potential security " \
                    "challenges of working with Huawei"

static GlossWindow *
open_window (const char *library_path,
             const char *file_path)
{
  g_autoptr(GlossStore) store = gloss_test_store_open (library_path);
  GlossWindow *window = ui_window_new (NULL, store);

  ui_open_file (window, file_path);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "article");

  return window;
}

static GtkLabel *
find_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_label (child);

      if (label != NULL)
        return label;
    }

  return NULL;
}

/* AdwToastOverlay 1.2 has no getter: the newest toast is its last child
 * after the content, and shows its title in its first label. */
static const char *
get_toast_title (GlossWindow *window)
{
  GtkWidget *overlay = GTK_WIDGET (window->toast_overlay);
  GtkWidget *content = adw_toast_overlay_get_child (window->toast_overlay);
  GtkWidget *last = gtk_widget_get_last_child (overlay);
  GtkLabel *label;

  if (last == NULL || last == content)
    return NULL;

  label = find_label (last);
  return label != NULL ? gtk_label_get_label (label) : NULL;
}

static void
test_export_formats (UiLibrary     *library,
                     gconstpointer  data)
{
  static const struct
  {
    GlossExportFormat format;
    gboolean whole_library;
    const char *expected;
  } cases[] = {
    { GLOSS_EXPORT_MARKDOWN, FALSE, "> " DENIAL_QUOTE },
    { GLOSS_EXPORT_CSV, FALSE, DENIAL_QUOTE },
    { GLOSS_EXPORT_HTML, FALSE, DENIAL_QUOTE },
    { GLOSS_EXPORT_WEB_ANNOTATION, TRUE, "\"TextQuoteSelector\"" },
    { GLOSS_EXPORT_CLAIM_REVIEW, TRUE, "\"claimReviewed\" : \"" CLAIM_QUOTE },
  };
  GlossWindow *window = open_window (library->path, library->sample);

  g_autoptr(GError) error = NULL;
  GlossAnnotation *claim;

  ui_annotate (window, 6, DENIAL_QUOTE, GLOSS_ANNOTATION_DENIAL);
  claim = ui_annotate (window, 1, CLAIM_QUOTE, GLOSS_ANNOTATION_CLAIM);
  gloss_annotation_set_verdict (claim, GLOSS_VERDICT_MOSTLY_TRUE);
  g_assert_true (gloss_annotation_model_save (window->annotations, claim, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GlossExportDialog *dialog = _gloss_window_new_export_dialog (window);
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      g_autofree char *partial = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(GFile) destination = NULL;

      gtk_window_present (GTK_WINDOW (dialog));
      gloss_export_dialog_set_format (dialog, cases[i].format);
      gloss_export_dialog_set_whole_library (dialog, cases[i].whole_library);

      /* The name offered in the file chooser: the headline, the extension. */
      name = gloss_export_dialog_dup_suggested_name (dialog);
      if (cases[i].whole_library)
        g_assert_true (g_str_has_prefix (name, "Gloss Library."));
      else
        g_assert_true (g_str_has_prefix (name, "NATO weighing whether Huawei poses security threat."));
      g_assert_true (g_str_has_suffix (name, gloss_export_format_get_extension (cases[i].format)));

      path = g_build_filename (library->dir, name, NULL);
      partial = g_strdup_printf ("%s/.%s.partial", library->dir, name);
      destination = g_file_new_for_path (path);

      g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
      gloss_export_dialog_export_to (dialog, destination);
      g_assert_true (gloss_export_dialog_get_exporting (dialog));
      /* The dialog closes when the file is in place. */
      gloss_test_wait_until (dialog == NULL, "the export dialog to close once %s is written",
                             name);

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_nonnull (strstr (contents, cases[i].expected));
      g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
      g_assert_nonnull (strstr (get_toast_title (window), name));
    }

  ui_destroy_window (GTK_WINDOW (window));
}

/* A destination that cannot be written: the dialog says so and stays;
 * nothing is left behind. */
static void
test_export_error (UiLibrary     *library,
                   gconstpointer  data)
{
  GlossWindow *window = open_window (library->path, library->sample);
  GlossExportDialog *dialog = _gloss_window_new_export_dialog (window);
  g_autofree char *path = g_build_filename (library->dir, "missing", "brief.md", NULL);
  g_autoptr(GFile) destination = g_file_new_for_path (path);

  gtk_window_present (GTK_WINDOW (dialog));
  gloss_export_dialog_export_to (dialog, destination);
  g_assert_false (gloss_export_dialog_get_exporting (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  ui_destroy_window (GTK_WINDOW (dialog));
  ui_destroy_window (GTK_WINDOW (window));
}

static char *
run_pdftotext (const char *pdf)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (program == NULL)
    return NULL;

  {
    const char *argv[] = { program, "-layout", pdf, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &output, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  return g_steal_pointer (&output);
}

static guint
count_pages (const char *pdf)
{
  g_autofree char *contents = NULL;
  gsize length;
  guint pages = 0;

  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* Byte by byte, not g_strstr_len: compressed streams hold NUL bytes. */
  for (gsize i = 0; i + 12 <= length; i++)
    if (memcmp (contents + i, "/Type /Page", 11) == 0 && contents[i + 11] != 's')
      pages++;

  return pages;
}

static void
test_print_pdf (UiLibrary     *library,
                gconstpointer  data)
{
  GlossWindow *window = open_window (library->path, library->sample);
  g_autofree char *pdf = g_build_filename (library->dir, "article.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  ui_annotate (window, 6, DENIAL_QUOTE, GLOSS_ANNOTATION_DENIAL);

  g_assert_cmpint (_gloss_window_print (window, GTK_PRINT_OPERATION_ACTION_EXPORT, pdf, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_cmpuint (count_pages (pdf), >=, 1);

  text = run_pdftotext (pdf);
  if (text == NULL && g_getenv ("CI") != NULL)
    g_error ("pdftotext is missing (poppler-utils, in GLOSS_TEST_PACKAGES)");
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "NATO weighing whether Huawei poses security threat"));
      g_assert_nonnull (strstr (text, "Huawei rejects accusations"));
    }

  ui_destroy_window (GTK_WINDOW (window));
}

/* A long article breaks across pages, between lines, keeping every one. */
static void
test_print_pages (UiLibrary     *library,
                  gconstpointer  data)
{
  g_autofree char *source = g_build_filename (library->dir, "long.txt", NULL);
  g_autofree char *pdf = g_build_filename (library->dir, "long.pdf", NULL);
  g_autoptr(GString) body = g_string_new ("A long report on the state of the networks\n\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GlossWindow *window;

  for (guint i = 0; i < 120; i++)
    g_string_append_printf (body, "Paragraph number %u says, at some length, that the officials "
                            "met again on Thursday and that nothing was decided about the "
                            "equipment, the contracts or the audits that had been promised.\n\n",
                            i + 1);
  g_assert_true (g_file_set_contents (source, body->str, body->len, NULL));

  window = open_window (library->path, source);
  g_assert_cmpint (_gloss_window_print (window, GTK_PRINT_OPERATION_ACTION_EXPORT, pdf, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_cmpuint (count_pages (pdf), >=, 3);

  text = run_pdftotext (pdf);
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "Paragraph number 1 says"));
      g_assert_nonnull (strstr (text, "Paragraph number 120 says"));
    }

  ui_destroy_window (GTK_WINDOW (window));
}

static void
wait_for_toast (GlossWindow *window,
                const char  *prefix)
{
  const char *title;

  gloss_test_wait_until ((title = get_toast_title (window)) != NULL
                         && g_str_has_prefix (title, prefix),
                         "a toast saying “%s…”", prefix);
}

/* Annotations exported from one library land on the same words in
 * another; a second import adds nothing. */
static void
test_import_annotations (UiLibrary     *library,
                         gconstpointer  data)
{
  g_autofree char *other = g_build_filename (library->dir, "other.db", NULL);
  g_autofree char *exported = g_build_filename (library->dir, "shared.jsonld", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (exported);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  GlossWindow *window;

  window = open_window (other, library->sample);
  ui_annotate (window, 6, DENIAL_QUOTE, GLOSS_ANNOTATION_DENIAL);
  id = gloss_article_get_id (gloss_window_get_article (window));
  bytes = gloss_export_to_bytes (gloss_window_get_store (window), &id, 1,
                                 GLOSS_EXPORT_WEB_ANNOTATION, GLOSS_EXPORT_ORDER_POSITION, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (exported, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  ui_destroy_window (GTK_WINDOW (window));

  window = open_window (library->path, library->sample);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_window_get_annotations (window)), ==, 0);

  _gloss_window_import_annotations (window, file);
  wait_for_toast (window, "1 annotation imported");
  g_assert_cmpstr (get_toast_title (window), ==,
                   "1 annotation imported: 1 anchored, 0 moved, 0 orphaned");
  g_assert_cmpuint (g_list_model_get_n_items (gloss_window_get_annotations (window)), ==, 1);
  {
    g_autoptr(GlossAnnotation) annotation = g_list_model_get_item (gloss_window_get_annotations (window), 0);

    g_assert_cmpstr (gloss_annotation_get_anchor (annotation)->exact, ==, DENIAL_QUOTE);
    g_assert_cmpint (gloss_annotation_get_kind (annotation), ==, GLOSS_ANNOTATION_DENIAL);
  }

  _gloss_window_import_annotations (window, file);
  wait_for_toast (window, "0 annotations imported");
  g_assert_cmpstr (get_toast_title (window), ==,
                   "0 annotations imported: 0 anchored, 0 moved, 0 orphaned (1 already there)");
  g_assert_cmpuint (g_list_model_get_n_items (gloss_window_get_annotations (window)), ==, 1);

  ui_destroy_window (GTK_WINDOW (window));
}

/* Annotations of a page the library does not have: the user is asked,
 * and they go onto the open article (as orphans, their words not in it). */
static void
test_import_ask_article (UiLibrary     *library,
                         gconstpointer  data)
{
  static const char hypothesis[] =
    "[{\"id\": \"abc123\", \"uri\": \"https://example.org/elsewhere\", \"text\": \"Who said so?\","
    " \"tags\": [\"question\"], \"created\": \"2024-03-04T17:02:11+00:00\","
    " \"updated\": \"2024-03-04T17:02:11+00:00\","
    " \"target\": [{\"source\": \"https://example.org/elsewhere\", \"selector\": ["
    "  {\"type\": \"TextQuoteSelector\", \"exact\": \"words found in no article of the library\","
    "   \"prefix\": \"\", \"suffix\": \"\"}]}]}]";
  g_autofree char *path = g_build_filename (library->dir, "hypothesis.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GlossWindow *window;
  GtkWindow *dialog;

  g_assert_true (g_file_set_contents (path, hypothesis, -1, NULL));
  window = open_window (library->path, library->sample);

  /* Cancelled: nothing is added. */
  _gloss_window_import_annotations (window, file);
  dialog = ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  ui_destroy_window (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (gloss_window_get_annotations (window)), ==, 0);

  _gloss_window_import_annotations (window, file);
  dialog = ui_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "this");
  ui_destroy_window (dialog);
  wait_for_toast (window, "1 annotation imported");
  g_assert_cmpstr (get_toast_title (window), ==,
                   "1 annotation imported: 0 anchored, 0 moved, 1 orphaned");
  g_assert_cmpuint (g_list_model_get_n_items (gloss_window_get_annotations (window)), ==, 1);

  ui_destroy_window (GTK_WINDOW (window));
}

static void
test_shortcuts (UiLibrary     *library,
                gconstpointer  data)
{
  GlossWindow *window = open_window (library->path, library->sample);
  GlossExportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = GLOSS_EXPORT_DIALOG (ui_wait_for_toplevel (GLOSS_TYPE_EXPORT_DIALOG));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  ui_destroy_window (GTK_WINDOW (dialog));

  ui_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "/ui/share", UI_TEST_ACCESSIBLE | UI_TEST_ADWAITA))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add ("/ui/share/" path, UiLibrary, NULL, ui_library_set_up, func, ui_library_tear_down)

  ADD ("export-formats", test_export_formats);
  ADD ("export-error", test_export_error);
  ADD ("print-pdf", test_print_pdf);
  ADD ("print-pages", test_print_pages);
  ADD ("import-annotations", test_import_annotations);
  ADD ("import-ask-article", test_import_ask_article);
  ADD ("shortcuts", test_shortcuts);

#undef ADD

  return g_test_run ();
}
