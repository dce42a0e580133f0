/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gloss-error.h"
#include "gloss-store-private.h"

/*
 * Every annotation of the library at once, for the "All annotations" view
 * and for scripts: filtered by kind, speaker, verdict and words, newest or
 * oldest first.
 *
 * Speakers are compared folded (gloss_annotation_fold_speaker()): case,
 * accents, typographic apostrophes and runs of spaces do not matter, so
 * "HUAWEI", "Huawei" and "huawei " are one speaker, and "Muller" finds
 * "Müller".  SQLite cannot fold accents itself, so the fold is registered
 * on the connection as gloss_fold().
 *
 * Words go through annotations_fts, the index the library search uses:
 * each typed word is the start of a word in the quote, the note or the
 * speaker, in any order.  The index ignores punctuation and symbols, so a
 * typed word that carries some ("50%", "C++", "_") must also appear as
 * typed (folded) in one of the three: that keeps "%" and "_" literal, never
 * the wildcards they are to LIKE.
 *
 * The listing pages in two steps: gloss_store_find_annotations() returns
 * the ids of every match in order (one pass, a few hundred kilobytes for
 * the largest library), and gloss_store_list_annotation_entries() reads a
 * page of them by primary key when a list shows it.
 */

#define FOLD_FUNCTION "gloss_fold"
#define FOLD_CONTAINS_FUNCTION "gloss_fold_contains"

G_DEFINE_BOXED_TYPE (GlossAnnotationEntry, gloss_annotation_entry,
                     gloss_annotation_entry_copy, gloss_annotation_entry_free)

/**
 * gloss_annotation_entry_copy:
 * @entry: a #GlossAnnotationEntry
 *
 * Returns: (transfer full): a copy of @entry
 */
GlossAnnotationEntry *
gloss_annotation_entry_copy (const GlossAnnotationEntry *entry)
{
  GlossAnnotationEntry *copy;

  g_return_val_if_fail (entry != NULL, NULL);

  copy = g_memdup2 (entry, sizeof *entry);
  copy->exact = g_strdup (entry->exact);
  copy->note = g_strdup (entry->note);
  copy->speaker = g_strdup (entry->speaker);
  copy->created_at = g_strdup (entry->created_at);
  copy->article_title = g_strdup (entry->article_title);
  copy->author = g_strdup (entry->author);
  return copy;
}

void
gloss_annotation_entry_free (GlossAnnotationEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->exact);
  g_free (entry->note);
  g_free (entry->speaker);
  g_free (entry->created_at);
  g_free (entry->article_title);
  g_free (entry->author);
  g_free (entry);
}

void
gloss_speaker_count_free (GlossSpeakerCount *speaker)
{
  if (speaker == NULL)
    return;

  g_free (speaker->name);
  g_free (speaker);
}

/* Spellings of one character that a reader takes for the same one. */
static gunichar
fold_lookalike (gunichar ch)
{
  switch (ch)
    {
    case 0x2018: /* ‘ */
    case 0x2019: /* ’ */
    case 0x02BC: /* ʼ */
      return '\'';
    case 0x2010: /* ‐ */
    case 0x2011: /* non-breaking hyphen */
    case 0x2012: /* ‒ */
    case 0x2013: /* – */
      return '-';
    default:
      return ch;
    }
}

static void
fold_append (GString    *out,
             const char *text)
{
  gsize start = out->len;
  gboolean pending_space = FALSE;
  const char *p = text;

  while (*p != '\0')
    {
      guchar byte = (guchar) *p;
      gunichar ch;

      /* Most names and quotes are ASCII: no decomposition needed. */
      if (byte < 0x80)
        {
          if (g_ascii_isspace (byte))
            pending_space = out->len > start;
          else
            {
              if (pending_space)
                g_string_append_c (out, ' ');
              pending_space = FALSE;
              g_string_append_c (out, g_ascii_tolower (byte));
            }
          p++;
          continue;
        }

      ch = g_utf8_get_char_validated (p, -1);
      if (ch == (gunichar) -1 || ch == (gunichar) -2)
        {
          p++;    /* not UTF-8: nothing to compare it with */
          continue;
        }
      p = g_utf8_next_char (p);

      if (g_unichar_isspace (ch))
        {
          pending_space = out->len > start;
          continue;
        }

      {
        gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
        gsize n = g_unichar_fully_decompose (ch, TRUE, decomposed, G_N_ELEMENTS (decomposed));
        char base[G_UNICHAR_MAX_DECOMPOSITION_LENGTH * 6 + 1];
        gsize len = 0;

        for (gsize i = 0; i < n; i++)
          if (!g_unichar_ismark (decomposed[i]))
            len += g_unichar_to_utf8 (fold_lookalike (decomposed[i]), base + len);
        if (len == 0)
          continue;
        base[len] = '\0';

        if (pending_space)
          g_string_append_c (out, ' ');
        pending_space = FALSE;
        if (len == 1)
          g_string_append_c (out, g_ascii_tolower (base[0]));
        else
          {
            g_autofree char *folded = g_utf8_casefold (base, len);

            g_string_append (out, folded);
          }
      }
    }
}

/**
 * gloss_annotation_fold_speaker:
 * @speaker: a speaker's name as typed
 *
 * The form speakers are compared in: lower case, without accents,
 * typographic apostrophes and dashes as plain ones, spaces trimmed and
 * collapsed.  Two names with the same fold are one speaker.
 *
 * Returns: (transfer full): the folded name ("" when @speaker has no
 *   visible character)
 */
char *
gloss_annotation_fold_speaker (const char *speaker)
{
  GString *folded;

  g_return_val_if_fail (speaker != NULL, NULL);

  folded = g_string_sized_new (strlen (speaker));
  fold_append (folded, speaker);
  return g_string_free (folded, FALSE);
}

static void
sql_fold (sqlite3_context  *context,
          int               argc,
          sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  GString *folded;
  gsize len;

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  folded = g_string_sized_new (sqlite3_value_bytes (argv[0]));
  fold_append (folded, text);
  len = folded->len;
  sqlite3_result_text64 (context, g_string_free (folded, FALSE), len, g_free, SQLITE_UTF8);
}

/* gloss_fold_contains(folded_word, text…): whether any text holds the word
 * once folded.  It runs on every annotation for a typed "%", so it folds
 * into one buffer kept with the function instead of allocating per row. */
static void
sql_fold_contains (sqlite3_context  *context,
                   int               argc,
                   sqlite3_value   **argv)
{
  GString *scratch = sqlite3_user_data (context);
  const char *word = (const char *) sqlite3_value_text (argv[0]);

  for (int i = 1; word != NULL && i < argc; i++)
    {
      const char *text = (const char *) sqlite3_value_text (argv[i]);

      if (text == NULL)
        continue;
      g_string_truncate (scratch, 0);
      fold_append (scratch, text);
      if (strstr (scratch->str, word) != NULL)
        {
          sqlite3_result_int (context, 1);
          return;
        }
    }

  sqlite3_result_int (context, 0);
}

static void
free_scratch (void *scratch)
{
  g_string_free (scratch, TRUE);
}

/* Registering again is harmless; SQLITE_BUSY only says that a statement of
 * this connection is running the function right now, so it is there. */
static gboolean
ensure_functions (GlossStore  *self,
                  GError     **error)
{
  sqlite3 *db = gloss_store_get_db (self);
  int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  int rc;

  rc = sqlite3_create_function_v2 (db, FOLD_FUNCTION, 1, flags, NULL, sql_fold, NULL, NULL, NULL);
  if (rc == SQLITE_OK || (rc & 0xff) == SQLITE_BUSY)
    rc = sqlite3_create_function_v2 (db, FOLD_CONTAINS_FUNCTION, -1, flags, g_string_new (NULL),
                                     sql_fold_contains, NULL, NULL, free_scratch);
  if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_BUSY)
    {
      gloss_store_set_error (self, error, rc, _("reading the annotations"));
      return FALSE;
    }

  return TRUE;
}

/* Typed words whose characters the full-text index skips, so they must be
 * found as typed: anything but letters, digits, marks and the punctuation
 * words carry inside or around them (apostrophes, hyphens, full stops,
 * commas, quotes). */
static gboolean
needs_literal_match (const char *word)
{
  gboolean has_word_character = FALSE;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_isalnum (ch) || g_unichar_ismark (ch))
        {
          has_word_character = TRUE;
          continue;
        }
      if (ch == '%' || ch == '_')
        return TRUE;
      switch (g_unichar_type (ch))
        {
        case G_UNICODE_MATH_SYMBOL:
        case G_UNICODE_CURRENCY_SYMBOL:
        case G_UNICODE_MODIFIER_SYMBOL:
        case G_UNICODE_OTHER_SYMBOL:
          return TRUE;
        default:
          break;
        }
    }

  return !has_word_character;
}

/* What a query asks, ready to bind. */
typedef struct
{
  GString *where;
  GPtrArray *values;      /* (element-type utf8): ?1, ?2, … in order */
} Conditions;

static void
conditions_clear (Conditions *conditions)
{
  if (conditions->where != NULL)
    g_string_free (conditions->where, TRUE);
  g_clear_pointer (&conditions->values, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Conditions, conditions_clear)

static void
conditions_add (Conditions *conditions,
                const char *sql,
                char       *value)
{
  g_string_append (conditions->where, " AND ");
  g_string_append (conditions->where, sql);
  if (value != NULL)
    {
      g_ptr_array_add (conditions->values, value);
      g_string_append_printf (conditions->where, "?%u", conditions->values->len);
    }
}

static void
build_conditions (const GlossAnnotationQuery *query,
                  Conditions                 *conditions)
{
  conditions->where = g_string_new ("1");
  conditions->values = g_ptr_array_new_with_free_func (g_free);

  if (query->kinds != 0)
    {
      gboolean first = TRUE;

      g_string_append (conditions->where, " AND n.kind IN (");
      for (GlossAnnotationKind kind = 0; kind <= GLOSS_ANNOTATION_KIND_LAST; kind++)
        {
          if ((query->kinds & (1u << kind)) == 0)
            continue;
          g_ptr_array_add (conditions->values, g_strdup (gloss_annotation_kind_to_string (kind)));
          g_string_append_printf (conditions->where, "%s?%u", first ? "" : ", ",
                                  conditions->values->len);
          first = FALSE;
        }
      g_string_append_c (conditions->where, ')');
    }

  if (query->verdict != GLOSS_VERDICT_NONE)
    conditions_add (conditions, "n.verdict = ",
                    g_strdup (gloss_verdict_to_string (query->verdict)));

  /* Who made it, as a team server recorded (team libraries), by the name
   * they picked there */
  if (query->author != NULL)
    {
      conditions_add (conditions, "n.uuid IN (SELECT uuid FROM team_authors"
                                  " WHERE author = ", g_strdup (query->author));
      g_string_append_c (conditions->where, ')');
    }

  if (query->speaker != NULL)
    {
      g_autofree char *folded = gloss_annotation_fold_speaker (query->speaker);

      if (*folded != '\0' && query->speaker_match == GLOSS_SPEAKER_MATCH_EXACT)
        conditions_add (conditions, FOLD_FUNCTION "(n.speaker) = ", g_steal_pointer (&folded));
      else if (*folded != '\0')
        {
          conditions_add (conditions, "instr(" FOLD_FUNCTION "(n.speaker), ",
                          g_steal_pointer (&folded));
          g_string_append (conditions->where, ") > 0");
        }
    }

  if (query->text != NULL)
    {
      g_auto(GStrv) words = g_strsplit_set (query->text, " \t\n\r", -1);
      g_autofree char *fts_query = gloss_search_build_fts_query (query->text);

      if (fts_query != NULL)
        {
          conditions_add (conditions,
                          "n.id IN (SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH ",
                          g_steal_pointer (&fts_query));
          g_string_append_c (conditions->where, ')');
        }

      for (guint i = 0; words[i] != NULL; i++)
        {
          if (*words[i] == '\0' || !needs_literal_match (words[i]))
            continue;
          conditions_add (conditions, FOLD_CONTAINS_FUNCTION "(",
                          gloss_annotation_fold_speaker (words[i]));
          g_string_append (conditions->where, ", n.exact, n.note, n.speaker)");
        }
    }
}

static gboolean
check_query (const GlossAnnotationQuery  *query,
             GError                     **error)
{
  if (query->kinds >= (1u << (GLOSS_ANNOTATION_KIND_LAST + 1)) ||
      query->verdict > GLOSS_VERDICT_LAST ||
      (query->speaker != NULL && !g_utf8_validate (query->speaker, -1, NULL)) ||
      (query->text != NULL && !g_utf8_validate (query->text, -1, NULL)))
    {
      g_set_error_literal (error, GLOSS_ERROR, GLOSS_ERROR_INVALID_ARGUMENT,
                           _("The annotation filter is not valid"));
      return FALSE;
    }

  return TRUE;
}

static sqlite3_stmt *
prepare_query (GlossStore                  *self,
               const GlossAnnotationQuery  *query,
               const char                  *columns,
               const char                  *from,
               gboolean                     paged,
               GError                     **error)
{
  g_auto(Conditions) conditions = { NULL, NULL };
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *statement;

  if (!check_query (query, error) || !ensure_functions (self, error))
    return NULL;
  build_conditions (query, &conditions);

  sql = g_string_new ("SELECT ");
  g_string_append_printf (sql, "%s FROM %s WHERE %s ORDER BY n.created_at %s, n.id %s",
                          columns, from, conditions.where->str,
                          query->oldest_first ? "ASC" : "DESC",
                          query->oldest_first ? "ASC" : "DESC");
  if (paged)
    g_string_append_printf (sql, " LIMIT ?%u OFFSET ?%u",
                            conditions.values->len + 1, conditions.values->len + 2);

  statement = gloss_store_prepare (self, sql->str, error);
  if (statement == NULL)
    return NULL;

  for (guint i = 0; i < conditions.values->len; i++)
    sqlite3_bind_text (statement, i + 1, g_ptr_array_index (conditions.values, i), -1,
                       SQLITE_TRANSIENT);

  return statement;
}

#define ENTRY_COLUMNS \
  "n.id, n.article, n.kind, n.verdict, n.state, n.start_block, n.start_offset, n.exact, n.note," \
  " n.speaker, n.created_at, a.title," \
  " (SELECT t.author FROM team_authors t WHERE t.library IN (SELECT id FROM team_libraries)" \
  "  AND t.uuid = n.uuid LIMIT 1)"
#define ENTRY_FROM "annotations n JOIN articles a ON a.id = n.article"

static GlossAnnotationEntry *
entry_from_row (sqlite3_stmt *statement)
{
  GlossAnnotationEntry *entry = g_new0 (GlossAnnotationEntry, 1);

  entry->id = sqlite3_column_int64 (statement, 0);
  entry->article_id = sqlite3_column_int64 (statement, 1);
  entry->kind = GLOSS_ANNOTATION_CLAIM;
  gloss_annotation_kind_from_string ((const char *) sqlite3_column_text (statement, 2),
                                     &entry->kind);
  entry->verdict = GLOSS_VERDICT_NONE;
  if (sqlite3_column_type (statement, 3) != SQLITE_NULL)
    gloss_verdict_from_string ((const char *) sqlite3_column_text (statement, 3),
                               &entry->verdict);
  entry->state = GLOSS_ANCHOR_ANCHORED;
  gloss_anchor_state_from_string ((const char *) sqlite3_column_text (statement, 4),
                                  &entry->state);
  entry->start_block = sqlite3_column_int (statement, 5);
  entry->start_offset = sqlite3_column_int (statement, 6);
  entry->exact = gloss_sql_dup_text (statement, 7);
  entry->note = gloss_sql_dup_text (statement, 8);
  entry->speaker = gloss_sql_dup_text (statement, 9);
  entry->author = gloss_sql_dup_text (statement, 12);
  entry->created_at = gloss_sql_dup_text (statement, 10);
  entry->article_title = gloss_sql_dup_text (statement, 11);
  if (entry->exact == NULL)
    entry->exact = g_strdup ("");
  if (entry->article_title == NULL)
    entry->article_title = g_strdup ("");

  return entry;
}

/**
 * gloss_store_find_annotations:
 * @self: a #GlossStore
 * @query: what to look for; see #GlossAnnotationQuery
 * @error: return location for a %GLOSS_ERROR
 *
 * Finds every annotation of the library that matches @query, orphaned ones
 * included, in the order @query asks for.  Read the annotations themselves
 * a page at a time with gloss_store_list_annotation_entries().
 *
 * Returns: (transfer full) (element-type gint64): the ids of the matching
 *   annotations, or %NULL with @error set
 */
GArray *
gloss_store_find_annotations (GlossStore                  *self,
                              const GlossAnnotationQuery  *query,
                              GError                     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GArray) ids = NULL;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  statement = prepare_query (self, query, "n.id", "annotations n", FALSE, error);
  if (statement == NULL)
    return NULL;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (statement, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      gloss_store_set_error (self, error, rc, _("reading the annotations"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/**
 * gloss_store_list_annotation_entries:
 * @self: a #GlossStore
 * @ids: (array length=n_ids): annotation ids, as gloss_store_find_annotations()
 *   returned them
 * @n_ids: how many
 * @error: return location for a %GLOSS_ERROR
 *
 * Reads the annotations @ids name, with their article's title, in the
 * order given.  An annotation deleted since it was found is left out, so
 * the result can be shorter than @n_ids.
 *
 * Returns: (transfer full) (element-type GlossAnnotationEntry): the
 *   annotations, or %NULL with @error set
 */
GPtrArray *
gloss_store_list_annotation_entries (GlossStore    *self,
                                     const gint64  *ids,
                                     guint          n_ids,
                                     GError       **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  entries = g_ptr_array_new_full (n_ids, (GDestroyNotify) gloss_annotation_entry_free);
  if (n_ids == 0)
    return g_steal_pointer (&entries);

  statement = gloss_store_prepare (self,
                                   "SELECT " ENTRY_COLUMNS " FROM " ENTRY_FROM " WHERE n.id = ?1",
                                   error);
  if (statement == NULL)
    return NULL;

  for (guint i = 0; i < n_ids; i++)
    {
      int rc;

      sqlite3_reset (statement);
      sqlite3_bind_int64 (statement, 1, ids[i]);
      rc = sqlite3_step (statement);
      if (rc == SQLITE_ROW)
        g_ptr_array_add (entries, entry_from_row (statement));
      else if (rc != SQLITE_DONE)
        {
          gloss_store_set_error (self, error, rc, _("reading the annotations"));
          return NULL;
        }
    }

  return g_steal_pointer (&entries);
}

/**
 * gloss_store_list_all_annotations:
 * @self: a #GlossStore
 * @query: what to look for; see #GlossAnnotationQuery
 * @offset: how many matches to skip
 * @limit: the most entries to return, or 0 for all
 * @error: return location for a %GLOSS_ERROR
 *
 * The matches of @query as gloss_store_find_annotations() orders them,
 * read in one statement: for scripts and tests, or a single page.  A list
 * that pages through a large library should find the ids once instead,
 * since every offset sorts the matches again.
 *
 * Returns: (transfer full) (element-type GlossAnnotationEntry): the
 *   annotations, or %NULL with @error set
 */
GPtrArray *
gloss_store_list_all_annotations (GlossStore                  *self,
                                  const GlossAnnotationQuery  *query,
                                  guint                        offset,
                                  guint                        limit,
                                  GError                     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  int n_parameters;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  statement = prepare_query (self, query, ENTRY_COLUMNS, ENTRY_FROM, TRUE, error);
  if (statement == NULL)
    return NULL;

  n_parameters = sqlite3_bind_parameter_count (statement);
  sqlite3_bind_int64 (statement, n_parameters - 1, limit > 0 ? (gint64) limit : -1);
  sqlite3_bind_int64 (statement, n_parameters, offset);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_annotation_entry_free);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (statement));
  if (rc != SQLITE_DONE)
    {
      gloss_store_set_error (self, error, rc, _("reading the annotations"));
      return NULL;
    }

  return g_steal_pointer (&entries);
}

typedef struct
{
  GlossSpeakerCount *speaker;
  char *sort_key;
  GHashTable *spellings;   /* spelling → annotations (GUINT_TO_POINTER) */
} SpeakerGroup;

static void
speaker_group_free (SpeakerGroup *group)
{
  gloss_speaker_count_free (group->speaker);
  g_free (group->sort_key);
  g_hash_table_unref (group->spellings);
  g_free (group);
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const SpeakerGroup *x = *(SpeakerGroup * const *) a;
  const SpeakerGroup *y = *(SpeakerGroup * const *) b;
  int cmp = strcmp (x->sort_key, y->sort_key);

  return cmp != 0 ? cmp : strcmp (x->speaker->name, y->speaker->name);
}

/* How much a spelling reads like a name: "Le Maire" over "le maire" over
 * "LE MAIRE". */
static guint
rank_spelling (const char *name)
{
  gboolean has_lower = FALSE;
  gboolean starts_upper = FALSE;
  gboolean seen_letter = FALSE;

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (!g_unichar_isalpha (ch))
        continue;
      if (!seen_letter)
        starts_upper = g_unichar_isupper (ch) || g_unichar_istitle (ch);
      seen_letter = TRUE;
      has_lower = has_lower || g_unichar_islower (ch);
    }

  return has_lower ? (starts_upper ? 2 : 1) : 0;
}

/* The spelling most annotations use; of equally used ones, the one that
 * reads most like a name, then the first in byte order, so the choice
 * never depends on hash order. */
static void
choose_spelling (SpeakerGroup *group)
{
  GHashTableIter iter;
  gpointer key, value;
  const char *best = NULL;
  guint best_count = 0;
  guint best_rank = 0;

  g_hash_table_iter_init (&iter, group->spellings);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint count = GPOINTER_TO_UINT (value);
      guint rank = rank_spelling (key);

      if (best == NULL || count > best_count ||
          (count == best_count && (rank > best_rank ||
                                   (rank == best_rank && strcmp (key, best) < 0))))
        {
          best = key;
          best_count = count;
          best_rank = rank;
        }
    }

  group->speaker->name = g_strstrip (g_strdup (best));
}

/**
 * gloss_store_list_speakers:
 * @self: a #GlossStore
 * @error: return location for a %GLOSS_ERROR
 *
 * Every speaker named in the library, once: spellings that fold alike
 * (gloss_annotation_fold_speaker()) are one speaker, shown with the
 * spelling most of its annotations use.  For a list to pick a speaker
 * from, in the user's alphabetical order.
 *
 * Returns: (transfer full) (element-type GlossSpeakerCount): the speakers
 *   with how many annotations each has, or %NULL with @error set
 */
GPtrArray *
gloss_store_list_speakers (GlossStore  *self,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GHashTable) by_fold = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GString) folded = g_string_new (NULL);
  GPtrArray *speakers;
  GHashTableIter iter;
  gpointer value;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  /* Counted here rather than with GROUP BY, which would sort every
   * annotation by speaker first: there are few speakers and many rows. */
  statement = gloss_store_prepare (self,
                                   "SELECT speaker FROM annotations WHERE speaker IS NOT NULL",
                                   error);
  if (statement == NULL)
    return NULL;

  by_fold = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) speaker_group_free);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (statement, 0);
      SpeakerGroup *group;
      guint count;

      g_string_truncate (folded, 0);
      fold_append (folded, name);
      if (folded->len == 0)
        continue;

      group = g_hash_table_lookup (by_fold, folded->str);
      if (group == NULL)
        {
          group = g_new0 (SpeakerGroup, 1);
          group->speaker = g_new0 (GlossSpeakerCount, 1);
          group->spellings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_insert (by_fold, g_strdup (folded->str), group);
        }
      group->speaker->count++;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (group->spellings, name));
      if (count == 0)
        g_hash_table_insert (group->spellings, g_strdup (name), GUINT_TO_POINTER (1));
      else
        g_hash_table_insert (group->spellings, g_strdup (name), GUINT_TO_POINTER (count + 1));
    }
  if (rc != SQLITE_DONE)
    {
      gloss_store_set_error (self, error, rc, _("reading the speakers"));
      return NULL;
    }

  groups = g_ptr_array_new_full (g_hash_table_size (by_fold), NULL);
  g_hash_table_iter_init (&iter, by_fold);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      SpeakerGroup *group = value;
      g_autofree char *casefolded = NULL;

      choose_spelling (group);
      casefolded = g_utf8_casefold (group->speaker->name, -1);
      group->sort_key = g_utf8_collate_key (casefolded, -1);
      g_ptr_array_add (groups, group);
    }
  g_ptr_array_sort (groups, compare_groups);

  speakers = g_ptr_array_new_full (groups->len, (GDestroyNotify) gloss_speaker_count_free);
  for (guint i = 0; i < groups->len; i++)
    {
      SpeakerGroup *group = g_ptr_array_index (groups, i);

      g_ptr_array_add (speakers, g_steal_pointer (&group->speaker));
    }

  return speakers;
}

/**
 * gloss_store_count_annotations:
 * @self: a #GlossStore
 * @out_count: (out): how many annotations the library holds
 * @error: return location for a %GLOSS_ERROR
 *
 * Tells a library without annotations from a filter that matches none.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
gloss_store_count_annotations (GlossStore  *self,
                               guint       *out_count,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_count != NULL, FALSE);

  statement = gloss_store_prepare (self, "SELECT count(*) FROM annotations", error);
  if (statement == NULL)
    return FALSE;

  rc = sqlite3_step (statement);
  if (rc != SQLITE_ROW)
    {
      gloss_store_set_error (self, error, rc, _("reading the annotations"));
      return FALSE;
    }

  *out_count = sqlite3_column_int (statement, 0);
  return TRUE;
}

/**
 * gloss_store_list_annotation_authors:
 * @self: a #GlossStore
 * @error: return location for a %GLOSS_ERROR
 *
 * The people who made the library's annotations, as the team servers it
 * syncs with recorded them (the name a person picked there, else their
 * login); annotations made here and
 * not yet synced have no author yet.
 *
 * Returns: (transfer full) (element-type GlossSpeakerCount): each person
 *   with how many annotations they made, by name, or %NULL with @error set
 */
GPtrArray *
gloss_store_list_annotation_authors (GlossStore  *self,
                                     GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GPtrArray) authors = NULL;
  int rc;

  g_return_val_if_fail (GLOSS_IS_STORE (self), NULL);

  statement = gloss_store_prepare (self,
                                   "SELECT t.author, count(DISTINCT n.id) FROM team_authors t"
                                   " JOIN annotations n ON n.uuid = t.uuid"
                                   " GROUP BY t.author ORDER BY t.author COLLATE NOCASE",
                                   error);
  if (statement == NULL)
    return NULL;
  authors = g_ptr_array_new_with_free_func ((GDestroyNotify) gloss_speaker_count_free);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      GlossSpeakerCount *author = g_new0 (GlossSpeakerCount, 1);

      author->name = gloss_sql_dup_text (statement, 0);
      author->count = sqlite3_column_int (statement, 1);
      g_ptr_array_add (authors, author);
    }
  if (rc != SQLITE_DONE)
    {
      gloss_store_set_error (self, error, rc, _("reading who made the annotations"));
      return NULL;
    }
  return g_steal_pointer (&authors);
}
