/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gloss-error.h"
#include "gloss-store-private.h"

/*
 * Full-text search over the two FTS5 tables of schema 3: articles_fts (one
 * row per article: title, and the blocks joined by U+001E) and
 * annotations_fts (quote, note, speaker).  Both fold case and accents
 * ("cafe" finds "café") and index short prefixes for search-as-you-type.
 *
 * A query is taken as FTS5 syntax when it uses any of it (quotes, *, ^,
 * parentheses, column filters, AND/OR/NOT/NEAR); anything else is typed
 * text, where every word is a prefix ANDed with the others, so
 * "Huawei no evid" finds "there is no evidence that Huawei…".  Syntax that
 * FTS5 rejects (an unbalanced quote while typing) is read as typed text
 * instead of failing.  A column filter only one table has ("speaker:…")
 * leaves the other group empty.
 */

/* bm25 costs a little for every matching row, and a word like "the" matches
 * nearly every article and tens of thousands of annotations: ranking stops
 * at the newest RANKED_MATCHES matches (a rowid range FTS5 skips to), which
 * keeps a search of a large library within a typing frame.  A word that
 * rare rows hold is ranked over all of them. */
#define RANKED_MATCHES 2000

#define SNIPPET_WORDS_BEFORE 8
#define SNIPPET_WORDS 32
#define BLOCK_SEPARATOR '\x1e'

void
gloss_search_hit_free (GlossSearchHit *hit)
{
  if (hit == NULL)
    return;

  g_free (hit->title);
  g_free (hit->snippet);
  g_free (hit->source_kind);
  g_free (hit->source_name);
  g_free (hit);
}

void
gloss_search_results_free (GlossSearchResults *results)
{
  if (results == NULL)
    return;

  g_clear_pointer (&results->articles, g_ptr_array_unref);
  g_clear_pointer (&results->annotations, g_ptr_array_unref);
  g_free (results);
}

/**
 * gloss_search_snippet_replace_markers:
 * @snippet: a #GlossSearchHit snippet
 * @start: what to put before each matched word ("[", "<b>")
 * @end: what to put after it
 *
 * Returns: (transfer full): @snippet with its match markers replaced
 */
char *
gloss_search_snippet_replace_markers (const char *snippet,
                                      const char *start,
                                      const char *end)
{
  g_autoptr(GString) result = NULL;

  g_return_val_if_fail (snippet != NULL, NULL);

  result = g_string_new (snippet);
  g_string_replace (result, GLOSS_SEARCH_MATCH_START, start, 0);
  g_string_replace (result, GLOSS_SEARCH_MATCH_END, end, 0);
  return g_string_free (g_steal_pointer (&result), FALSE);
}

static gboolean
has_word_character (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/**
 * gloss_search_build_fts_query:
 * @typed: text as a user types it
 *
 * Turns typed text into an FTS5 query where each word is a quoted prefix
 * term, ANDed: `Huawei no evid` gives `"Huawei"* "no"* "evid"*`.  Quotes
 * inside words are doubled, so nothing typed can break the syntax.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL when @typed has
 *   no word to look for
 */
char *
gloss_search_build_fts_query (const char *typed)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (typed != NULL, NULL);

  words = g_strsplit_set (typed, " \t\n\r", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(GString) word = NULL;

      if (!g_utf8_validate (words[i], -1, NULL) || !has_word_character (words[i]))
        continue;
      word = g_string_new (words[i]);
      g_string_replace (word, "\"", "\"\"", 0);
      g_string_append_printf (query, "%s\"%s\"*", query->len > 0 ? " " : "", word->str);
    }

  if (query->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&query), FALSE);
}

static gboolean
looks_like_fts_syntax (const char *query)
{
  g_auto(GStrv) words = NULL;

  if (strpbrk (query, "\"*^():{}") != NULL)
    return TRUE;

  words = g_strsplit_set (query, " \t\n\r", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_equal (words[i], "AND") || g_str_equal (words[i], "OR") ||
        g_str_equal (words[i], "NOT") || g_str_has_prefix (words[i], "NEAR"))
      return TRUE;

  return FALSE;
}

/* A query FTS5 refused (bad syntax, a column this table lacks), as opposed
 * to the database failing. */
static gboolean
is_query_error (int rc)
{
  return rc == SQLITE_ERROR;
}

/* A window of words of @text around its first match marker, markers kept
 * balanced. */
static char *
make_snippet (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  g_autoptr(GString) snippet = g_string_new (NULL);
  guint n_words = g_strv_length (words);
  guint first = 0;
  guint start, end;
  gboolean open = FALSE;

  for (guint i = 0; i < n_words; i++)
    if (strstr (words[i], GLOSS_SEARCH_MATCH_START) != NULL)
      {
        first = i;
        break;
      }

  start = first > SNIPPET_WORDS_BEFORE ? first - SNIPPET_WORDS_BEFORE : 0;
  end = MIN (n_words, start + SNIPPET_WORDS);
  if (start > 0)
    g_string_append (snippet, "…");
  for (guint i = start; i < end; i++)
    {
      const char *p = words[i];

      if (i > start)
        g_string_append_c (snippet, ' ');
      g_string_append (snippet, words[i]);
      /* Track whether a phrase match is still open at the cut. */
      while ((p = strstr (p, "\xee\x80")) != NULL)
        {
          if (g_str_has_prefix (p, GLOSS_SEARCH_MATCH_START))
            open = TRUE;
          else if (g_str_has_prefix (p, GLOSS_SEARCH_MATCH_END))
            open = FALSE;
          p += 3;
        }
    }
  if (open)
    g_string_append (snippet, GLOSS_SEARCH_MATCH_END);
  if (end < n_words)
    g_string_append (snippet, "…");

  return g_string_free (g_steal_pointer (&snippet), FALSE);
}

/* How well a block matches: distinct matched words first, then matches. */
static guint
score_block (const char *block)
{
  g_autoptr(GHashTable) distinct = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_matches = 0;
  const char *p = block;

  while ((p = strstr (p, GLOSS_SEARCH_MATCH_START)) != NULL)
    {
      const char *word = p + strlen (GLOSS_SEARCH_MATCH_START);
      const char *close = strstr (word, GLOSS_SEARCH_MATCH_END);

      if (close == NULL)
        break;
      g_hash_table_add (distinct, g_utf8_casefold (word, close - word));
      n_matches++;
      p = close;
    }

  return g_hash_table_size (distinct) * 10000 + MIN (n_matches, 9999);
}

static void
fill_article_hit (GlossSearchHit *hit,
                  const char     *highlighted_title,
                  const char     *highlighted_body)
{
  g_auto(GStrv) blocks = NULL;
  guint best_score = 0;
  int best = -1;

  if (highlighted_body != NULL)
    {
      char separator[] = { BLOCK_SEPARATOR, '\0' };

      blocks = g_strsplit (highlighted_body, separator, -1);
      for (guint i = 0; blocks[i] != NULL; i++)
        {
          guint score;

          if (strstr (blocks[i], GLOSS_SEARCH_MATCH_START) == NULL)
            continue;
          score = score_block (blocks[i]);
          if (score > best_score)
            {
              best_score = score;
              best = i;
            }
        }
    }

  if (best < 0)
    {
      hit->field = "title";
      hit->block = -1;
      hit->offset = 0;
      hit->snippet = g_strdup (highlighted_title ?: "");
      return;
    }

  hit->field = "text";
  hit->block = best;
  hit->offset = g_utf8_strlen (blocks[best], strstr (blocks[best], GLOSS_SEARCH_MATCH_START) - blocks[best]);
  hit->snippet = make_snippet (blocks[best]);
}

static int
search_articles (GlossStore   *self,
                 const char   *fts_query,
                 guint         limit,
                 GPtrArray    *hits,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  int rc;

  statement = gloss_store_prepare (self,
                                   "SELECT rowid, rank, title, highlight(articles_fts, 0, ?3, ?4),"
                                   " highlight(articles_fts, 1, ?3, ?4) "
                                   "FROM articles_fts WHERE articles_fts MATCH ?1 AND rowid >= "
                                   " coalesce ((SELECT min (rowid) FROM (SELECT rowid FROM articles_fts"
                                   "  WHERE articles_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?5)), 0) "
                                   "ORDER BY rank LIMIT ?2", error);
  if (statement == NULL)
    return SQLITE_INTERNAL;
  sqlite3_bind_text (statement, 1, fts_query, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (statement, 2, limit);
  sqlite3_bind_text (statement, 3, GLOSS_SEARCH_MATCH_START, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 4, GLOSS_SEARCH_MATCH_END, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (statement, 5, MAX ((gint64) limit, RANKED_MATCHES));

  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      GlossSearchHit *hit = g_new0 (GlossSearchHit, 1);

      hit->article_id = sqlite3_column_int64 (statement, 0);
      hit->rank = sqlite3_column_double (statement, 1);
      hit->title = gloss_sql_dup_text (statement, 2);
      fill_article_hit (hit, (const char *) sqlite3_column_text (statement, 3),
                        (const char *) sqlite3_column_text (statement, 4));
      g_ptr_array_add (hits, hit);
    }
  if (rc != SQLITE_DONE && !is_query_error (rc))
    gloss_store_set_error (self, error, rc, _("searching the library"));

  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* What each article hit was made from: the HTML page and the copied text
 * of one story have the same title and words, and a result list must say
 * which is which.  Read after the ranked query, for the few hits kept. */
static gboolean
fill_article_sources (GlossStore  *self,
                      GPtrArray   *hits,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  if (hits->len == 0)
    return TRUE;
  statement = gloss_store_prepare (self, "SELECT source_kind, source_name FROM articles WHERE id = ?1",
                                   error);
  if (statement == NULL)
    return FALSE;
  for (guint i = 0; i < hits->len; i++)
    {
      GlossSearchHit *hit = g_ptr_array_index (hits, i);
      int rc;

      sqlite3_reset (statement);
      sqlite3_bind_int64 (statement, 1, hit->article_id);
      rc = sqlite3_step (statement);
      if (rc == SQLITE_ROW)
        {
          hit->source_kind = gloss_sql_dup_text (statement, 0);
          hit->source_name = gloss_sql_dup_text (statement, 1);
        }
      else if (rc != SQLITE_DONE)
        {
          gloss_store_set_error (self, error, rc, _("searching the library"));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
fill_annotation_hit (GlossStore      *self,
                     sqlite3_stmt    *details,
                     GlossSearchHit  *hit,
                     GError         **error)
{
  int rc;

  sqlite3_reset (details);
  sqlite3_bind_int64 (details, 1, hit->annotation_id);
  rc = sqlite3_step (details);
  if (rc == SQLITE_DONE)
    return TRUE;    /* indexed but gone: cannot happen with the triggers */
  if (rc != SQLITE_ROW)
    {
      gloss_store_set_error (self, error, rc, _("searching the library"));
      return FALSE;
    }

  hit->article_id = sqlite3_column_int64 (details, 0);
  gloss_annotation_kind_from_string ((const char *) sqlite3_column_text (details, 1),
                                     &hit->annotation_kind);
  hit->block = sqlite3_column_int (details, 2);
  hit->offset = sqlite3_column_int (details, 3);
  hit->title = gloss_sql_dup_text (details, 4);
  hit->source_kind = gloss_sql_dup_text (details, 5);
  hit->source_name = gloss_sql_dup_text (details, 6);
  return TRUE;
}

static int
search_annotations (GlossStore   *self,
                    const char   *fts_query,
                    guint         limit,
                    GPtrArray    *hits,
                    GError      **error)
{
  static const char * const fields[] = { "exact", "note", "speaker" };
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(sqlite3_stmt) details = NULL;
  int rc;

  statement = gloss_store_prepare (self,
                                   "SELECT rowid, rank, highlight(annotations_fts, 0, ?3, ?4),"
                                   " highlight(annotations_fts, 1, ?3, ?4),"
                                   " highlight(annotations_fts, 2, ?3, ?4) "
                                   "FROM annotations_fts WHERE annotations_fts MATCH ?1 AND rowid >= "
                                   " coalesce ((SELECT min (rowid) FROM (SELECT rowid FROM annotations_fts"
                                   "  WHERE annotations_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?5)), 0) "
                                   "ORDER BY rank LIMIT ?2", error);
  if (statement == NULL)
    return SQLITE_INTERNAL;
  details = gloss_store_prepare (self,
                                 "SELECT n.article, n.kind, n.start_block, n.start_offset, a.title,"
                                 " a.source_kind, a.source_name "
                                 "FROM annotations n JOIN articles a ON a.id = n.article "
                                 "WHERE n.id = ?1", error);
  if (details == NULL)
    return SQLITE_INTERNAL;

  sqlite3_bind_text (statement, 1, fts_query, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (statement, 2, limit);
  sqlite3_bind_text (statement, 3, GLOSS_SEARCH_MATCH_START, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 4, GLOSS_SEARCH_MATCH_END, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (statement, 5, MAX ((gint64) limit, RANKED_MATCHES));

  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      g_autoptr(GlossSearchHit) hit = g_new0 (GlossSearchHit, 1);
      const char *text = NULL;

      hit->annotation_id = sqlite3_column_int64 (statement, 0);
      hit->rank = sqlite3_column_double (statement, 1);
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          const char *value = (const char *) sqlite3_column_text (statement, 2 + f);

          if (value != NULL && strstr (value, GLOSS_SEARCH_MATCH_START) != NULL)
            {
              hit->field = fields[f];
              text = value;
              break;
            }
        }
      if (text == NULL)
        {
          /* A match through a NOT or a column filter shows the quote. */
          hit->field = fields[0];
          text = (const char *) sqlite3_column_text (statement, 2);
        }
      hit->snippet = make_snippet (text ?: "");

      if (!fill_annotation_hit (self, details, hit, error))
        return SQLITE_INTERNAL;
      if (hit->article_id != 0)
        g_ptr_array_add (hits, g_steal_pointer (&hit));
    }
  if (rc != SQLITE_DONE && !is_query_error (rc))
    gloss_store_set_error (self, error, rc, _("searching the library"));

  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static GlossSearchResults *
search_results_new (void)
{
  GlossSearchResults *results = g_new0 (GlossSearchResults, 1);

  results->articles = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_search_hit_free);
  results->annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_search_hit_free);
  return results;
}

/* Runs @fts_query on both tables.  Returns NULL without @error when FTS5
 * refused it on both. */
static GlossSearchResults *
run_query (GlossStore  *self,
           const char  *fts_query,
           guint        limit,
           GError     **error)
{
  g_autoptr(GlossSearchResults) results = search_results_new ();
  int articles_rc, annotations_rc;

  articles_rc = search_articles (self, fts_query, limit, results->articles, error);
  if (articles_rc != SQLITE_OK && !is_query_error (articles_rc))
    return NULL;
  if (articles_rc == SQLITE_OK && !fill_article_sources (self, results->articles, error))
    return NULL;
  annotations_rc = search_annotations (self, fts_query, limit, results->annotations, error);
  if (annotations_rc != SQLITE_OK && !is_query_error (annotations_rc))
    return NULL;

  if (is_query_error (articles_rc) && is_query_error (annotations_rc))
    return NULL;
  if (is_query_error (articles_rc))
    g_ptr_array_set_size (results->articles, 0);
  if (is_query_error (annotations_rc))
    g_ptr_array_set_size (results->annotations, 0);

  return g_steal_pointer (&results);
}

/**
 * gloss_store_search:
 * @self: a #GlossStore
 * @query: typed text or an FTS5 query
 * @limit: the most results per group (articles, annotations)
 * @error: return location for a %GLOSS_ERROR
 *
 * Searches titles, article text, and annotation quotes, notes and
 * speakers.  Typing never fails: words are prefixes ANDed, and a query
 * whose FTS5 syntax is wrong is read as typed words.
 *
 * Returns: (transfer full): the results grouped into articles and
 *   annotations, best first, or %NULL with @error set when the database
 *   fails
 */
GlossSearchResults *
gloss_store_search (GlossStore  *self,
                    const char  *query,
                    guint        limit,
                    GError     **error)
{
  g_autoptr(GlossSearchResults) results = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *typed = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (limit == 0)
    limit = G_MAXINT;

  if (g_utf8_validate (query, -1, NULL) && looks_like_fts_syntax (query))
    {
      results = run_query (self, query, limit, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (results != NULL)
        return g_steal_pointer (&results);
    }

  typed = gloss_search_build_fts_query (query);
  if (typed == NULL)
    return search_results_new ();

  results = run_query (self, typed, limit, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (results == NULL)
    return search_results_new ();

  return g_steal_pointer (&results);
}
