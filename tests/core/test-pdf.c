/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-pdf"

#include "config.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "gloss-core.h"
#include "gloss-pdf.h"

/* PDFs made here with cairo, read as a user would want them: the body's
 * paragraphs, in reading order, without the running header, the page
 * numbers or the hyphens that only broke lines. */

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

typedef struct
{
  cairo_surface_t *surface;
  cairo_t *cr;
  GByteArray *bytes;
} Pdf;

static void
pdf_begin (Pdf *pdf)
{
  pdf->bytes = g_byte_array_new ();
  pdf->surface = cairo_pdf_surface_create_for_stream (append_to_array, pdf->bytes, 595, 842);
  pdf->cr = cairo_create (pdf->surface);
  cairo_select_font_face (pdf->cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                          CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (pdf->cr, 10);
}

static void
pdf_line (Pdf        *pdf,
          double      x,
          double      y,
          const char *text)
{
  cairo_move_to (pdf->cr, x, y);
  cairo_show_text (pdf->cr, text);
}

static GBytes *
pdf_end (Pdf *pdf)
{
  cairo_destroy (pdf->cr);
  cairo_surface_finish (pdf->surface);
  cairo_surface_destroy (pdf->surface);
  return g_byte_array_free_to_bytes (pdf->bytes);
}

static const char *body[] = {
  "The ministry said on Monday that the new rules on online advertising would",
  "apply from January, and that platforms found spreading paid misinfor-",
  "mation would be fined up to four percent of their turnover.",
  "Industry groups said the timetable was too short for smaller firms.",
  "",
  "A spokesperson for the largest platform said it welcomed clear rules but",
  "warned that the definition of political advertising remained too vague to",
  "be applied consistently across the member states of the union.",
};

static GBytes *
make_report (void)
{
  /* Each page's words differ, as a report's do. */
  static const char *openings[] = { "", "Later: ", "Finally: " };
  Pdf pdf;

  pdf_begin (&pdf);
  for (guint page = 1; page <= 3; page++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u", page);
      double y = 120;

      pdf_line (&pdf, 60, 50, "DAILY EXAMPLE · Policy report 2026");
      for (guint i = 0; i < G_N_ELEMENTS (body); i++)
        {
          g_autofree char *line = g_strconcat (i == 0 || i + 1 == G_N_ELEMENTS (body) ||
                                               i == 1 || i + 2 == G_N_ELEMENTS (body)
                                               ? openings[page - 1] : "", body[i], NULL);

          if (body[i][0] != '\0')
            pdf_line (&pdf, 60, y, line);
          y += body[i][0] != '\0' ? 14 : 10;
        }
      pdf_line (&pdf, 280, 800, number);
      cairo_show_page (pdf.cr);
    }
  return pdf_end (&pdf);
}

static char *
article_text (GlossArticle *article)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < gloss_article_get_n_blocks (article); i++)
    g_string_append_printf (text, "%s\n", gloss_block_get_text (gloss_article_get_block (article, i)));
  return g_string_free (text, FALSE);
}

static void
test_report (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = make_report ();
  g_autoptr(GlossArticle) article = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *text = NULL;
  guint n_pages = 0;

  g_assert_true (gloss_pdf_is_pdf (pdf));
  plain = gloss_pdf_to_text (pdf, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, 3);
  g_assert_null (strstr (plain, "DAILY EXAMPLE"));
  g_assert_null (strstr (plain, "Page 2"));
  g_assert_nonnull (strstr (plain, "paid misinformation would be fined"));
  g_assert_nonnull (strstr (plain, "online advertising would Later: apply from January"));
  /* Two paragraphs a page, split where the space between lines is. */
  g_assert_nonnull (strstr (plain, "for smaller firms.\n\nA spokesperson"));

  article = gloss_extract (pdf, "report.pdf", &error);
  g_assert_no_error (error);
  text = article_text (article);
  g_assert_nonnull (strstr (text, "paid misinformation would be fined up to four percent"));
  g_assert_null (strstr (text, "Page "));
  g_assert_null (strstr (text, "misinfor-"));
  g_assert_cmpstr (gloss_article_get_source_kind (article), ==, "text");
}

static void
test_two_columns (void)
{
  static const char *left[] = {
    "The council voted on Tuesday to close",
    "the old bridge to cars from May, after",
    "engineers found cracks in two piers.",
  };
  static const char *right[] = {
    "Shop owners on the east bank said the",
    "closure would cut their trade in half",
    "and asked the council for support.",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *plain = NULL;
  const char *first, *second;
  Pdf pdf;

  pdf_begin (&pdf);
  for (guint i = 0; i < G_N_ELEMENTS (left); i++)
    {
      pdf_line (&pdf, 50, 100 + 14 * i, left[i]);
      pdf_line (&pdf, 320, 100 + 14 * i, right[i]);
    }
  cairo_show_page (pdf.cr);
  bytes = pdf_end (&pdf);

  plain = gloss_pdf_to_text (bytes, NULL, &error);
  g_assert_no_error (error);
  first = strstr (plain, "engineers found cracks");
  second = strstr (plain, "Shop owners on the east bank");
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_true (first < second);
  g_assert_nonnull (strstr (plain, "to close the old bridge"));
}

/* A page with an image and no text, as a scanner makes it. */
static GBytes *
make_scan (void)
{
  Pdf pdf;

  pdf_begin (&pdf);
  cairo_rectangle (pdf.cr, 50, 50, 400, 600);
  cairo_fill (pdf.cr);
  cairo_show_page (pdf.cr);
  return pdf_end (&pdf);
}

static void
test_scan_without_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = make_scan ();

  g_assert_null (gloss_extract (bytes, "scan.pdf", &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NO_ARTICLE);
  g_assert_nonnull (strstr (error->message, "scan"));
}

static void
test_damaged (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("%PDF-1.4\nnot really\n", 20);

  g_assert_null (gloss_extract (bytes, "broken.pdf", &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == GLOSS_ERROR);
}

/* A PDF locked by a password that is not empty: the standard security
 * handler's /O and /U entries match no empty password, so a reader must
 * ask for one.  Written object by object, the cross-reference table from
 * the offsets. */
static GBytes *
make_locked_pdf (void)
{
  static const char * const objects[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    "<< /Filter /Standard /V 1 /R 2 /P -4"
    " /O <0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef>"
    " /U <fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210> >>",
  };
  GString *pdf = g_string_new ("%PDF-1.4\n");
  gsize offsets[G_N_ELEMENTS (objects)];
  gsize xref;

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      offsets[i] = pdf->len;
      g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
    }
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", (guint) G_N_ELEMENTS (objects) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R /Encrypt 4 0 R"
                          " /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] >>\n"
                          "startxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          (guint) G_N_ELEMENTS (objects) + 1, xref);
  return g_string_free_to_bytes (pdf);
}

static void
test_encrypted (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = make_locked_pdf ();

  g_assert_null (gloss_extract (bytes, "locked.pdf", &error));
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "password"));
}

/* Import Folder and gloss-cli import take a PDF in a folder as a saved
 * page is taken: its text becomes an article; a scan in the same folder
 * fails with its own message and the others are still imported. */
static void
test_import_folder (void)
{
  static const char * const db_suffixes[] = { "", "-wal", "-shm" };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gloss-pdf-XXXXXX", &error);
  g_autofree char *db = NULL;
  g_autofree char *report_path = NULL;
  g_autofree char *scan_path = NULL;
  g_autoptr(GBytes) report_pdf = make_report ();
  g_autoptr(GBytes) scan_pdf = make_scan ();
  g_autoptr(GlossStore) store = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GlossFileImportReport) report = NULL;
  g_autoptr(GlossArticle) article = NULL;
  g_autofree char *text = NULL;
  GlossFileImportOutcome *pdf_outcome = NULL;
  GlossFileImportOutcome *scan_outcome = NULL;

  g_assert_no_error (error);
  report_path = g_build_filename (dir, "Report.PDF", NULL);
  scan_path = g_build_filename (dir, "scan.pdf", NULL);
  g_file_set_contents (report_path, g_bytes_get_data (report_pdf, NULL),
                       g_bytes_get_size (report_pdf), &error);
  g_assert_no_error (error);
  g_file_set_contents (scan_path, g_bytes_get_data (scan_pdf, NULL),
                       g_bytes_get_size (scan_pdf), &error);
  g_assert_no_error (error);

  db = g_build_filename (dir, "library.db", NULL);
  store = gloss_store_open (db, &error);
  g_assert_no_error (error);
  folder = g_file_new_for_path (dir);
  report = gloss_store_import_files (store, &folder, 1, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < report->outcomes->len; i++)
    {
      GlossFileImportOutcome *outcome = g_ptr_array_index (report->outcomes, i);
      g_autofree char *name = g_file_get_basename (outcome->file);

      if (g_str_equal (name, "Report.PDF"))
        pdf_outcome = outcome;
      else if (g_str_equal (name, "scan.pdf"))
        scan_outcome = outcome;
    }
  g_assert_nonnull (pdf_outcome);
  g_assert_cmpint (pdf_outcome->status, ==, GLOSS_FILE_IMPORT_ADDED);
  g_assert_nonnull (scan_outcome);
  g_assert_cmpint (scan_outcome->status, ==, GLOSS_FILE_IMPORT_FAILED);
  g_assert_error (scan_outcome->error, GLOSS_ERROR, GLOSS_ERROR_NO_ARTICLE);
  g_assert_nonnull (strstr (scan_outcome->error->message, "scan"));
  g_assert_cmpuint (report->n_added, ==, 1);

  article = gloss_store_load_article (store, pdf_outcome->article_id, &error);
  g_assert_no_error (error);
  text = article_text (article);
  g_assert_nonnull (strstr (text, "paid misinformation would be fined up to four percent"));
  g_assert_null (strstr (text, "Page 2"));

  g_clear_object (&store);
  g_unlink (report_path);
  g_unlink (scan_path);
  for (guint i = 0; i < G_N_ELEMENTS (db_suffixes); i++)
    {
      g_autofree char *file = g_strconcat (db, db_suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/pdf/report", test_report);
  g_test_add_func ("/core/pdf/two-columns", test_two_columns);
  g_test_add_func ("/core/pdf/scan-without-text", test_scan_without_text);
  g_test_add_func ("/core/pdf/damaged", test_damaged);
  g_test_add_func ("/core/pdf/encrypted", test_encrypted);
  g_test_add_func ("/core/pdf/import-folder", test_import_folder);

  return g_test_run ();
}
