/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-extract-text"

#include "config.h"

#include "gloss-core.h"

/* Copied page text, as a user pastes it: each test checks what a reader
 * would check, the exact paragraphs of the story and its headline, byline
 * and date, on small hand-written pages (tests/data/text/). */

typedef struct
{
  GlossBlockKind  kind;
  const char     *text;
} ExpectedBlock;

static GlossArticle *
extract_text (const char  *content,
              GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (content, strlen (content));
  GlossExtractOptions options;

  gloss_extract_options_init (&options);
  options.format = GLOSS_INPUT_FORMAT_TEXT;
  return gloss_extract_full (bytes, NULL, &options, error);
}

static GlossArticle *
extract_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (GLOSS_TEST_DATA, "text", name, NULL);
  g_autofree char *content = NULL;
  g_autoptr(GError) error = NULL;
  GlossArticle *article;

  g_assert_true (g_file_get_contents (path, &content, NULL, &error));
  g_assert_no_error (error);
  article = extract_text (content, &error);
  g_assert_no_error (error);
  g_assert_nonnull (article);
  return article;
}

static void
assert_blocks (GlossArticle        *article,
               const ExpectedBlock *expected,
               guint                n_expected)
{
  guint n = gloss_article_get_n_blocks (article);

  for (guint i = 0; i < MIN (n, n_expected); i++)
    {
      const GlossBlock *block = gloss_article_get_block (article, i);

      g_assert_cmpstr (gloss_block_get_text (block), ==, expected[i].text);
      g_assert_cmpstr (gloss_block_kind_to_string (gloss_block_get_kind (block)), ==,
                       gloss_block_kind_to_string (expected[i].kind));
    }
  g_assert_cmpuint (n, ==, n_expected);
}

static void
assert_body_lacks (GlossArticle *article,
                   const char   *text)
{
  g_autofree char *body = gloss_article_dup_body_text (article);

  if (strstr (body, text) != NULL)
    g_error ("“%s” left in the body:\n%s", text, body);
}

static const ExpectedBlock city_park[] = {
  { GLOSS_BLOCK_PARAGRAPH, "The city council voted 7 to 2 on Tuesday to turn the old freight yard "
                           "beside the river into a public park, ending a debate that has run for "
                           "almost a decade." },
  { GLOSS_BLOCK_PARAGRAPH, "Supporters said the park would give the crowded east side its first "
                           "large green space, while opponents worried about the cost of cleaning "
                           "the contaminated soil." },
  { GLOSS_BLOCK_PARAGRAPH, "The plan sets aside $12 million for the first phase, which includes a "
                           "playground, a walking path along the water and a small boathouse that "
                           "will rent kayaks in the summer." },
  { GLOSS_BLOCK_PARAGRAPH, "Work is expected to begin in the spring and to take about two years, "
                           "according to the city's parks department." },
};

static void
test_menus_and_furniture (void)
{
  g_autoptr(GlossArticle) article = extract_fixture ("city-park.txt");
  const char *furniture[] = {
    "Skip to main content", "Politics", "Sign in", "Local News", "Share", "Tweet",
    "Advertisement", "Related", "bus lanes", "Tags", "©", "Privacy Policy",
  };

  assert_blocks (article, city_park, G_N_ELEMENTS (city_park));
  for (guint i = 0; i < G_N_ELEMENTS (furniture); i++)
    assert_body_lacks (article, furniture[i]);
}

static void
test_headline_byline_date (void)
{
  g_autoptr(GlossArticle) article = extract_fixture ("city-park.txt");

  g_assert_cmpstr (gloss_article_get_title (article), ==,
                   "City council approves new riverside park");
  g_assert_cmpstr (gloss_article_get_byline (article), ==, "By Jane Doe");
  g_assert_cmpstr (gloss_article_get_published (article), ==, "2024-03-04");

  /* Shown above the body by the reader, so not repeated in it. */
  assert_body_lacks (article, "riverside park");
  assert_body_lacks (article, "Jane Doe");
  assert_body_lacks (article, "March 4");
}

static const ExpectedBlock storm[] = {
  { GLOSS_BLOCK_PARAGRAPH, "HALIFAX, Nova Scotia (AP) — A powerful autumn storm knocked out "
                           "electricity to more than 200,000 homes on Sunday and toppled trees "
                           "across roads in much of the province." },
  { GLOSS_BLOCK_PARAGRAPH, "Utility crews from three neighbouring provinces were on their way to "
                           "help, the power company said, but warned that some customers could "
                           "wait several days." },
  { GLOSS_BLOCK_PARAGRAPH, "Officials urged residents to stay away from downed lines and to check "
                           "on elderly neighbours who might be without heat." },
  { GLOSS_BLOCK_HEADING, "What to do in an outage" },
  { GLOSS_BLOCK_PARAGRAPH, "The province’s emergency office gave this advice to households:" },
  { GLOSS_BLOCK_LIST_ITEM, "Keep a flashlight and spare batteries where you can find them in the "
                           "dark." },
  { GLOSS_BLOCK_LIST_ITEM, "Never run a generator indoors or in a closed garage." },
  { GLOSS_BLOCK_LIST_ITEM, "Keep the fridge and freezer doors closed as much as possible." },
  { GLOSS_BLOCK_PARAGRAPH, "Schools in the hardest-hit counties will stay closed on Monday while "
                           "roads are cleared." },
};

static void
test_dateline_credits_agency (void)
{
  g_autoptr(GlossArticle) article = extract_fixture ("storm.txt");
  const char *first = gloss_block_get_text (gloss_article_get_block (article, 0));

  g_assert_cmpstr (gloss_article_get_title (article), ==,
                   "Storm leaves thousands without power across the region");
  /* The dateline stays where the agency put it, and the agency is credited. */
  g_assert_true (g_str_has_prefix (first, "HALIFAX, Nova Scotia (AP) — A powerful autumn storm"));
  g_assert_cmpstr (gloss_article_get_byline (article), ==, "AP");
}

static void
test_interruptions_removed (void)
{
  g_autoptr(GlossArticle) article = extract_fixture ("storm.txt");

  /* "Trending:" and the story it links to, and a photo caption with its
   * credit, sit between paragraphs of the story. */
  assert_body_lacks (article, "Trending");
  assert_body_lacks (article, "Gadgets");
  assert_body_lacks (article, "fallen maple");
  assert_body_lacks (article, "Daily Photo");
}

static void
test_sub_heading_and_list (void)
{
  g_autoptr(GlossArticle) article = extract_fixture ("storm.txt");

  assert_blocks (article, storm, G_N_ELEMENTS (storm));
}

static void
test_disclaimer_and_prompts_removed (void)
{
  g_autoptr(GlossArticle) article = extract_fixture ("storm.txt");

  assert_body_lacks (article, "Daily Courier");
  assert_body_lacks (article, "editorial standards");
  assert_body_lacks (article, "Leave a comment");
  assert_body_lacks (article, "newsletter");
}

static const ExpectedBlock tomatoes[] = {
  { GLOSS_BLOCK_PARAGRAPH, "After two weeks of dry weather, last night's storm dumped almost an inch "
                           "of rain on the garden, and this morning half of the ripe tomatoes had "
                           "split open." },
  { GLOSS_BLOCK_PARAGRAPH, "The cause is simple: the fruit takes up water faster than its skin can "
                           "stretch, so the skin cracks along the shoulders or in rings around the "
                           "stem." },
  { GLOSS_BLOCK_PARAGRAPH, "Watering deeply and evenly during dry spells, and mulching the beds, "
                           "keeps the soil moisture steadier and makes splitting much less likely." },
};

static void
test_comments_removed (void)
{
  g_autoptr(GlossArticle) article = extract_fixture ("comments.txt");

  /* The readers' comments are longer than the post: they still are not it. */
  assert_blocks (article, tomatoes, G_N_ELEMENTS (tomatoes));
  g_assert_cmpstr (gloss_article_get_title (article), ==, "Why my tomatoes split after the rain");
  g_assert_cmpstr (gloss_article_get_byline (article), ==, "Posted by Sam Green");
  g_assert_cmpstr (gloss_article_get_published (article), ==, "2023-07-14");
}

static const ExpectedBlock radwege[] = {
  { GLOSS_BLOCK_PARAGRAPH, "Die Stadt will bis zum Jahr 2026 mehr als zwanzig Kilometer neue "
                           "Radwege bauen, wie der Verkehrsausschuss am Dienstag beschlossen hat." },
  { GLOSS_BLOCK_PARAGRAPH, "Die Kosten von rund acht Millionen Euro sollen zum größten Teil aus "
                           "Fördermitteln des Landes gedeckt werden." },
  { GLOSS_BLOCK_PARAGRAPH, "Kritik kommt vom Einzelhandel, der den Wegfall von Parkplätzen in der "
                           "Fußgängerzone fürchtet und eine Bürgerversammlung fordert." },
  { GLOSS_BLOCK_PARAGRAPH, "Der Bürgermeister sagte, man werde die Händler in die Planung "
                           "einbeziehen und die Ergebnisse im Sommer vorstellen." },
};

static void
test_non_english (void)
{
  g_autoptr(GlossArticle) article = extract_fixture ("radwege-de.txt");

  assert_blocks (article, radwege, G_N_ELEMENTS (radwege));
  g_assert_cmpstr (gloss_article_get_title (article), ==, "Neue Radwege für die Innenstadt");
  g_assert_cmpstr (gloss_article_get_byline (article), ==, "Von Anna Schmidt");
  g_assert_cmpstr (gloss_article_get_published (article), ==, "2024-03-12");
  assert_body_lacks (article, "Anzeige");
  assert_body_lacks (article, "Impressum");
}

static void
test_plain_paragraphs_kept (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = NULL;
  static const ExpectedBlock plain[] = {
    { GLOSS_BLOCK_PARAGRAPH, "The library will open on Sundays from next month, the council said "
                             "after a year of requests from students and parents." },
    { GLOSS_BLOCK_PARAGRAPH, "The extra hours will be paid for by closing one evening a week, when "
                             "few people use the reading rooms." },
  };

  /* Text with nothing around it, as when a user copies only the story. */
  article = extract_text ("The library will open on Sundays from next month, the council said "
                          "after a year of requests from students and parents.\n\n"
                          "The extra hours will be paid for by closing one evening a week, "
                          "when few people use the reading rooms.\n", &error);
  g_assert_no_error (error);
  assert_blocks (article, plain, G_N_ELEMENTS (plain));
}

/* A note of one sentence under a title is short, but all there is: it is
 * the article, not "no article" (one-sentence lines weigh less only when
 * runs of lines compete). */
static void
test_one_sentence_note_kept (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = NULL;
  static const ExpectedBlock note[] = {
    { GLOSS_BLOCK_PARAGRAPH, "The ferry to the island runs again from Monday, after the storm." },
  };

  article = extract_text ("Ferry back\n\n"
                          "The ferry to the island runs again from Monday, after the storm.\n",
                          &error);
  g_assert_no_error (error);
  assert_blocks (article, note, G_N_ELEMENTS (note));
  g_assert_cmpstr (gloss_article_get_title (article), ==, "Ferry back");
}

static void
test_menu_only_is_no_article (void)
{
  g_autofree char *path = g_build_filename (GLOSS_TEST_DATA, "text", "menu-only.txt", NULL);
  g_autofree char *content = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = NULL;

  g_assert_true (g_file_get_contents (path, &content, NULL, NULL));
  article = extract_text (content, &error);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NO_ARTICLE);
  g_assert_null (article);
  g_assert_cmpstr (error->message, !=, "");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/extract/text/menus-and-furniture", test_menus_and_furniture);
  g_test_add_func ("/core/extract/text/headline-byline-date", test_headline_byline_date);
  g_test_add_func ("/core/extract/text/dateline-credits-agency", test_dateline_credits_agency);
  g_test_add_func ("/core/extract/text/interruptions-removed", test_interruptions_removed);
  g_test_add_func ("/core/extract/text/sub-heading-and-list", test_sub_heading_and_list);
  g_test_add_func ("/core/extract/text/disclaimer-and-prompts-removed",
                   test_disclaimer_and_prompts_removed);
  g_test_add_func ("/core/extract/text/comments-removed", test_comments_removed);
  g_test_add_func ("/core/extract/text/non-english", test_non_english);
  g_test_add_func ("/core/extract/text/plain-paragraphs-kept", test_plain_paragraphs_kept);
  g_test_add_func ("/core/extract/text/one-sentence-note-kept", test_one_sentence_note_kept);
  g_test_add_func ("/core/extract/text/menu-only-is-no-article", test_menu_only_is_no_article);

  return g_test_run ();
}
