/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-extract-html"

#include "config.h"

#include <string.h>

#include "gloss-core.h"

/* The HTML path as a reader sees it: the right paragraphs in the right
 * order and of the right kind, nothing from the page's furniture, and the
 * metadata the page declares.  Fixtures are small hand-written pages in
 * tests/data/html. */

typedef struct
{
  GlossBlockKind  kind;
  const char     *text;
} ExpectedBlock;

static GlossArticle *
extract_html_fixture (const char  *name,
                      GError     **error)
{
  g_autofree char *path = g_build_filename (GLOSS_TEST_DATA, "html", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  GlossExtractOptions options;

  gloss_extract_options_init (&options);
  options.format = GLOSS_INPUT_FORMAT_HTML;

  bytes = gloss_extract_load_file (file, options.max_input_bytes, NULL, error);
  if (bytes == NULL)
    return NULL;

  return gloss_extract_full (bytes, name, &options, error);
}

static GlossArticle *
extract_html_string (const char  *html,
                     GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (html, strlen (html));
  GlossExtractOptions options;

  gloss_extract_options_init (&options);
  options.format = GLOSS_INPUT_FORMAT_HTML;

  return gloss_extract_full (bytes, NULL, &options, error);
}

static char *
describe_blocks (GlossArticle *article)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < gloss_article_get_n_blocks (article); i++)
    {
      const GlossBlock *block = gloss_article_get_block (article, i);

      g_string_append_printf (out, "  %u [%s] %s\n", i,
                              gloss_block_kind_to_string (gloss_block_get_kind (block)),
                              gloss_block_get_text (block));
    }

  return g_string_free (out, FALSE);
}

static void
assert_blocks (GlossArticle        *article,
               const ExpectedBlock *expected,
               guint                n_expected)
{
  g_autofree char *got = describe_blocks (article);
  guint n = gloss_article_get_n_blocks (article);

  if (n != n_expected)
    g_error ("expected %u blocks, got %u:\n%s", n_expected, n, got);

  for (guint i = 0; i < n; i++)
    {
      const GlossBlock *block = gloss_article_get_block (article, i);

      if (gloss_block_get_kind (block) != expected[i].kind ||
          g_strcmp0 (gloss_block_get_text (block), expected[i].text) != 0)
        g_error ("block %u should be [%s] “%s”; the article is:\n%s", i,
                 gloss_block_kind_to_string (expected[i].kind), expected[i].text, got);
    }
}

static void
assert_body_lacks (GlossArticle       *article,
                   const char *const  *forbidden,
                   guint               n_forbidden)
{
  g_autofree char *body = gloss_article_dup_body_text (article);

  for (guint i = 0; i < n_forbidden; i++)
    {
      if (strstr (body, forbidden[i]) != NULL)
        g_error ("“%s” should not be in the article:\n%s", forbidden[i], body);
    }
}

static void
test_jsonld_graph (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = extract_html_fixture ("jsonld-graph.html", &error);
  const ExpectedBlock expected[] = {
    { GLOSS_BLOCK_PARAGRAPH, "The river library opened its doors again on Tuesday, eleven months "
      "after floodwater filled the ground floor, ruined the children's section and forced the "
      "council to close the building." },
    { GLOSS_BLOCK_PARAGRAPH, "Volunteers carried more than four thousand books back to the "
      "shelves over the weekend, working in shifts, sorting donations, and repainting the "
      "reading room in the colours the town chose in a vote last summer." },
    { GLOSS_BLOCK_PARAGRAPH, "\"People kept asking when they could come back,\" said the head "
      "librarian, who has worked in the building for twenty years. \"Today, finally, we can "
      "say: come in.\"" },
    { GLOSS_BLOCK_PARAGRAPH, "The repairs cost the council less than expected, because the oak "
      "floor, which had survived two earlier floods, could be dried and kept rather than "
      "replaced." },
  };

  g_assert_no_error (error);
  g_assert_nonnull (article);

  /* The NewsArticle inside @graph, not the WebSite or Organization next to it. */
  g_assert_cmpstr (gloss_article_get_title (article), ==,
                   "River library reopens after flood repairs");
  g_assert_cmpstr (gloss_article_get_byline (article), ==, "Mira Okafor, Tomas Lind");
  g_assert_cmpstr (gloss_article_get_site_name (article), ==, "The Valley Courier");
  g_assert_cmpstr (gloss_article_get_published (article), ==, "2024-03-05T09:30:00+01:00");
  g_assert_cmpstr (gloss_article_get_language (article), ==, "en-GB");
  g_assert_cmpstr (gloss_article_get_url (article), ==,
                   "https://courier.example/news/2024/03/river-library-reopens");

  /* No headline block, no byline line, no footer. */
  assert_blocks (article, expected, G_N_ELEMENTS (expected));
}

static void
test_opengraph_fallback (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = extract_html_fixture ("opengraph.html", &error);
  const char *forbidden[] = { "Ville", "Sport", "12 octobre 2023" };

  g_assert_no_error (error);
  g_assert_nonnull (article);

  /* og:title rather than the "Title - Site" <title>. */
  g_assert_cmpstr (gloss_article_get_title (article), ==, "Le marché couvert rouvre ses portes");
  g_assert_cmpstr (gloss_article_get_byline (article), ==, "Claire Dubois");
  g_assert_cmpstr (gloss_article_get_site_name (article), ==, "Journal du Port");
  /* article:published_time wins over the <time> element. */
  g_assert_cmpstr (gloss_article_get_published (article), ==, "2023-10-12T07:15:00Z");
  g_assert_cmpstr (gloss_article_get_language (article), ==, "fr");
  g_assert_cmpstr (gloss_article_get_url (article), ==,
                   "https://journal-du-port.example/2023/10/marche-couvert");

  g_assert_cmpuint (gloss_article_get_n_blocks (article), ==, 3);
  g_assert_true (g_str_has_prefix (gloss_block_get_text (gloss_article_get_block (article, 0)),
                                   "Après deux ans de travaux"));
  g_assert_true (g_str_has_suffix (gloss_block_get_text (gloss_article_get_block (article, 2)),
                                   "et même quelques nouveaux venus."));
  assert_body_lacks (article, forbidden, G_N_ELEMENTS (forbidden));
}

static void
test_boilerplate_removed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = extract_html_fixture ("boilerplate.html", &error);
  const ExpectedBlock expected[] = {
    { GLOSS_BLOCK_PARAGRAPH, "The night ferry to the island will sail again from Monday, the "
      "harbour authority said, ending a two-year gap that left shift workers and late visitors "
      "stranded on the mainland." },
    { GLOSS_BLOCK_PARAGRAPH, "The service will leave the harbour at half past eleven, call at "
      "the north pier, and return before dawn, with a crew of five and room for forty cars." },
    { GLOSS_BLOCK_CAPTION, "The night ferry at the north pier." },
    { GLOSS_BLOCK_PARAGRAPH, "Islanders had collected more than three thousand signatures for its "
      "return, and the council agreed in spring to cover part of the fuel cost for the first "
      "year." },
    { GLOSS_BLOCK_PARAGRAPH, "Tickets go on sale on Friday, at the same prices as the day "
      "service." },
  };
  const char *forbidden[] = {
    "Skip to content", "Home", "Weather", "Share on", "Email", "Advertisement", "Read more",
    "Ferry timetable", "Photo: Harbour Times", "morning briefing", "newsletter", "Subscribe",
    "Related stories", "Harbour wall", "Most read", "Storm warning", "comments", "Finally!",
    "Forty cars is not enough", "Quay Street", "cookies",
  };

  g_assert_no_error (error);
  g_assert_nonnull (article);
  g_assert_cmpstr (gloss_article_get_title (article), ==, "Night ferry returns to the island");

  assert_body_lacks (article, forbidden, G_N_ELEMENTS (forbidden));
  assert_blocks (article, expected, G_N_ELEMENTS (expected));
}

static void
test_typed_blocks (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = extract_html_fixture ("typed-blocks.html", &error);
  const ExpectedBlock expected[] = {
    { GLOSS_BLOCK_PARAGRAPH, "For thirty years, the mill by the weir stood empty, its wheel "
      "stuck, its roof open to the rain, and its future discussed at every council meeting "
      "without a decision." },
    { GLOSS_BLOCK_HEADING, "A buyer from the village" },
    { GLOSS_BLOCK_PARAGRAPH, "Then a retired engineer, who grew up two streets away, offered to "
      "buy it for a symbolic sum, on the condition that the wheel would turn again within five "
      "years." },
    { GLOSS_BLOCK_QUOTE, "I did not want to save a building, I wanted to hear the wheel again." },
    { GLOSS_BLOCK_PARAGRAPH, "Her plan had three parts, which she presented to a packed village "
      "hall in a single evening:" },
    { GLOSS_BLOCK_LIST_ITEM, "repair the roof before the winter storms," },
    { GLOSS_BLOCK_LIST_ITEM, "free the wheel and rebuild the sluice," },
    { GLOSS_BLOCK_LIST_ITEM, "open the ground floor as a museum on weekends." },
    { GLOSS_BLOCK_PARAGRAPH, "The first part alone took two years, because the oak beams had to "
      "be cut by hand, with tools borrowed from a boatyard on the coast." },
    { GLOSS_BLOCK_PREFORMATTED, "Roof: 2019-2021 Wheel: 2022 Museum: 2023" },
    { GLOSS_BLOCK_CAPTION, "The mill wheel turning again in May." },
    { GLOSS_BLOCK_PARAGRAPH, "Today the wheel turns every Sunday afternoon, and the museum counts "
      "more visitors than the village has inhabitants." },
  };

  g_assert_no_error (error);
  g_assert_nonnull (article);

  /* The <h1> is the title, not a heading block. */
  g_assert_cmpstr (gloss_article_get_title (article), ==, "How the old mill was saved");
  assert_blocks (article, expected, G_N_ELEMENTS (expected));
}

static void
test_malformed_markup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = extract_html_fixture ("malformed.html", &error);
  const ExpectedBlock expected[] = {
    { GLOSS_BLOCK_PARAGRAPH, "Engineers found three new cracks in the old bridge during the "
      "yearly inspection, and the council closed one lane until the repairs are done." },
    { GLOSS_BLOCK_PARAGRAPH, "The cracks are short, the engineers said, but they sit close to "
      "the supports that carried the heaviest traffic in the last decade." },
    { GLOSS_BLOCK_PARAGRAPH, "A full report, with photographs and measurements, is due next "
      "month, and the council will vote on the repairs in June." },
    { GLOSS_BLOCK_PARAGRAPH, "Until then, lorries over twelve tonnes must take the ring road, "
      "which adds about ten minutes to the trip for most drivers." },
  };

  g_assert_no_error (error);
  g_assert_nonnull (article);
  g_assert_cmpstr (gloss_article_get_title (article), ==, "Bridge inspection finds cracks");

  /* Unclosed <p> and <b>, a stray </div> and </span>: every paragraph is
   * still there, once, in order. */
  assert_blocks (article, expected, G_N_ELEMENTS (expected));
}

static void
test_scripts_never_in_output (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = extract_html_fixture ("scripts.html", &error);
  const char *forbidden[] = {
    "SCRIPT-IN-HEAD", "SCRIPT-IN-BODY", "STYLE-TEXT", "ONLOAD-HANDLER", "CLICK-HANDLER",
    "NOSCRIPT-TEXT", "IFRAME-TEXT", "SVG-TEXT", "HIDDEN-TEXT", "BUTTON-TEXT", "TEMPLATE-TEXT",
    "alert", "console.log", "color: black",
  };

  g_assert_no_error (error);
  g_assert_nonnull (article);

  assert_body_lacks (article, forbidden, G_N_ELEMENTS (forbidden));
  g_assert_cmpuint (gloss_article_get_n_blocks (article), ==, 3);
  g_assert_true (g_str_has_prefix (gloss_block_get_text (gloss_article_get_block (article, 0)),
                                   "The community orchard picked more apples"));
  g_assert_true (g_str_has_prefix (gloss_block_get_text (gloss_article_get_block (article, 2)),
                                   "Next year the volunteers hope"));
  for (guint i = 0; i < gloss_article_get_n_blocks (article); i++)
    g_assert_cmpstr (gloss_block_get_text (gloss_article_get_block (article, i)), !=,
                     "Orchard harvest breaks record");
}

static void
test_inline_spacing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = extract_html_fixture ("inline-spacing.html", &error);
  const ExpectedBlock expected[] = {
    { GLOSS_BLOCK_PARAGRAPH, "The youth choir from the valley won the regional final on Sunday, "
      "with a programme of three folk songs and one piece written by its conductor." },
    /* "con<span>trol</span>" is one word; "<strong>Anna Berg</strong>," keeps its spaces. */
    { GLOSS_BLOCK_PARAGRAPH, "The judges praised its “clarity”, its breath control and the "
      "soloist, Anna Berg, who is fourteen years old and joined the choir only last year." },
    /* One <br> is a line break inside the paragraph, two end it. */
    { GLOSS_BLOCK_PARAGRAPH, "The choir now goes to the national final in April. It will travel "
      "by train, paid for by a collection at the town hall concert." },
    { GLOSS_BLOCK_PARAGRAPH, "The final will be broadcast live on regional radio, starting at "
      "seven in the evening." },
  };

  g_assert_no_error (error);
  g_assert_nonnull (article);
  assert_blocks (article, expected, G_N_ELEMENTS (expected));
}

static void
test_wrapped_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = extract_html_fixture ("wrapped-page.html", &error);
  const char *forbidden[] = { "Section number", "site menu" };

  g_assert_no_error (error);
  g_assert_nonnull (article);

  /* The whole page sits in a <form> whose menu makes it mostly links, and
   * the story's wrapper has a class full of "sidebar", "comments" and
   * "share": neither is mistaken for furniture around the story. */
  g_assert_cmpuint (gloss_article_get_n_blocks (article), ==, 5);
  g_assert_true (g_str_has_prefix (gloss_block_get_text (gloss_article_get_block (article, 0)),
                                   "The county has approved a plan"));
  g_assert_true (g_str_has_suffix (gloss_block_get_text (gloss_article_get_block (article, 4)),
                                   "restored a few years ago."));
  assert_body_lacks (article, forbidden, G_N_ELEMENTS (forbidden));
}

static void
test_no_article (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = extract_html_fixture ("no-article.html", &error);

  g_assert_null (article);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NO_ARTICLE);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_script_drawn_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = NULL;
  const char *summary = "Wer einen runden Tisch hat, braucht eine passende Decke: Stoff, Muster "
                        "und Saum entscheiden, ob sie fällt, wie sie soll. Hier steht, wie man "
                        "sie mit einer Schnur, einem Stift und einer Schere selbst zuschneidet "
                        "und in sieben Schritten säumt, ohne eine Nähmaschine zu brauchen.";
  g_autofree char *page = g_strdup_printf (
    "<html><head><title>Runde Tischdecke nähen</title>"
    "<meta property=\"og:description\" content=\"%s\"></head>"
    "<body><nav><a href=\"/\">Start</a> <a href=\"/diy\">DIY</a></nav><div id=\"app\"></div>"
    "<script>render()</script></body></html>", summary);

  /* Scripts would draw the story; the page's own summary is what there is. */
  article = extract_html_string (page, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gloss_article_get_n_blocks (article), ==, 1);
  g_assert_cmpstr (gloss_block_get_text (gloss_article_get_block (article, 0)), ==, summary);
}

static void
test_markup_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article =
    extract_html_string ("<html><body><div><script>var a = 1;</script></div></body></html>",
                         &error);

  g_assert_null (article);
  g_assert_error (error, GLOSS_ERROR, GLOSS_ERROR_NO_ARTICLE);
}

static void
test_title_site_suffix (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = NULL;
  const char *html =
    "<html><head><title>Tram line extended to the airport | City Gazette</title>"
    "<meta property=\"og:site_name\" content=\"City Gazette\"></head><body>"
    "<article><h1>Tram line extended to the airport</h1>"
    "<p>The tram line now runs to the airport, twenty minutes from the central station, "
    "with a tram every ten minutes during the day.</p></article></body></html>";

  article = extract_html_string (html, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gloss_article_get_title (article), ==, "Tram line extended to the airport");
  g_assert_cmpstr (gloss_article_get_site_name (article), ==, "City Gazette");
  g_assert_cmpuint (gloss_article_get_n_blocks (article), ==, 1);
  g_assert_cmpint (gloss_block_get_kind (gloss_article_get_block (article, 0)), ==,
                   GLOSS_BLOCK_PARAGRAPH);
}

static void
test_hover_card (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossArticle) article = extract_html_fixture ("hover-card.html", &error);
  const ExpectedBlock expected[] = {
    /* The name the sentence shows stays; the card of links behind it goes. */
    { GLOSS_BLOCK_PARAGRAPH, "Oak County Gov. Jane Roe (R) is defending the county’s launch of an "
      "anti-littering campaign with a slogan that drew mixed reviews." },
    { GLOSS_BLOCK_PARAGRAPH, "The campaign cost the county about two hundred thousand dollars, "
      "according to figures released by the budget office on Monday evening." },
  };

  g_assert_no_error (error);
  assert_blocks (article, expected, G_N_ELEMENTS (expected));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/extract/html/jsonld-graph", test_jsonld_graph);
  g_test_add_func ("/core/extract/html/opengraph-fallback", test_opengraph_fallback);
  g_test_add_func ("/core/extract/html/boilerplate-removed", test_boilerplate_removed);
  g_test_add_func ("/core/extract/html/typed-blocks", test_typed_blocks);
  g_test_add_func ("/core/extract/html/malformed-markup", test_malformed_markup);
  g_test_add_func ("/core/extract/html/scripts-never-in-output", test_scripts_never_in_output);
  g_test_add_func ("/core/extract/html/inline-spacing", test_inline_spacing);
  g_test_add_func ("/core/extract/html/hover-card", test_hover_card);
  g_test_add_func ("/core/extract/html/wrapped-page", test_wrapped_page);
  g_test_add_func ("/core/extract/html/no-article", test_no_article);
  g_test_add_func ("/core/extract/html/markup-only", test_markup_only);
  g_test_add_func ("/core/extract/html/script-drawn-page", test_script_drawn_page);
  g_test_add_func ("/core/extract/html/title-site-suffix", test_title_site_suffix);

  return g_test_run ();
}
