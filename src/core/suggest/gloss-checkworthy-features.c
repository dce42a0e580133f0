/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-checkworthy"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "gloss-checkworthy-private.h"

/* The feature scheme "gloss-cw-2".  tools/checkworthy_features.py is the
 * reference: the trained weights only mean something if this file produces
 * the same features, with the same values, in the same order (the order only
 * matters for the last bits of the sum).  Change both together, and give a
 * changed scheme a new name so that old weight files are refused. */

#define FNV_OFFSET 0x811C9DC5u
#define FNV_PRIME  0x01000193u

static const char * const money_words[] = {
  "million", "millions", "billion", "billions", "trillion", "bn", "dollars", "dollar",
  "pounds", "euros", "cents", "yuan", "yen", NULL
};
static const char * const percent_words[] = { "percent", "percentage", "pct", NULL };
static const char * const comparative_words[] = {
  "more", "less", "fewer", "than", "most", "least", "largest", "biggest", "highest",
  "lowest", "smallest", "first", "only", "record", "times", "twice", "double", "half",
  "increase", "increased", "decrease", "decreased", "rose", "fell", "up", "down", "since",
  NULL
};
static const char * const modal_words[] = {
  "will", "would", "could", "should", "may", "might", "must", "can", "shall", NULL
};
static const char * const first_person_words[] = { "i", "we", "me", "my", "our", "us", NULL };
static const char * const date_words[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "january", "february", "march", "april", "june", "july", "august", "september",
  "october", "november", "december", "yesterday", "ago", NULL
};
static const char * const reporting_words[] = {
  "said", "says", "say", "told", "according", "added", "stated", "claimed", "argued",
  "insisted", "warned", "wrote", "reported", "reports", NULL
};

static guint32
fnv1a_feed (guint32     h,
            const char *bytes,
            gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      h ^= (guchar) bytes[i];
      h *= FNV_PRIME;
    }
  return h;
}

enum
{
  WORD_MONEY        = 1 << 0,
  WORD_PERCENT      = 1 << 1,
  WORD_COMPARATIVE  = 1 << 2,
  WORD_MODAL        = 1 << 3,
  WORD_FIRST_PERSON = 1 << 4,
  WORD_DATE         = 1 << 5,
  WORD_REPORTING    = 1 << 6,
};

static void
add_words (GHashTable         *table,
           const char * const *list,
           guint               flag)
{
  for (guint i = 0; list[i] != NULL; i++)
    {
      guint old = GPOINTER_TO_UINT (g_hash_table_lookup (table, list[i]));

      g_hash_table_insert (table, (gpointer) list[i], GUINT_TO_POINTER (old | flag));
    }
}

/* Which cue lists @token is in: one hash lookup a token rather than a walk
 * through every list, which was most of the scoring time. */
static guint
word_flags (const char *token)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      add_words (t, money_words, WORD_MONEY);
      add_words (t, percent_words, WORD_PERCENT);
      add_words (t, comparative_words, WORD_COMPARATIVE);
      add_words (t, modal_words, WORD_MODAL);
      add_words (t, first_person_words, WORD_FIRST_PERSON);
      add_words (t, date_words, WORD_DATE);
      add_words (t, reporting_words, WORD_REPORTING);
      g_once_init_leave (&table, t);
    }
  return GPOINTER_TO_UINT (g_hash_table_lookup (table, token));
}

static gboolean
is_word_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Replaces the raw token in @token by its normalised form: "<year>", "<num>"
 * or the token with ASCII letters lower-cased. */
static void
normalise_token (GString *token)
{
  gboolean has_digit = FALSE;

  for (const char *p = token->str; *p; p = g_utf8_next_char (p))
    if (g_unichar_type (g_utf8_get_char (p)) == G_UNICODE_DECIMAL_NUMBER)
      {
        has_digit = TRUE;
        break;
      }

  if (has_digit)
    {
      gboolean year = token->len == 4 &&
                      g_ascii_isdigit (token->str[0]) && g_ascii_isdigit (token->str[1]) &&
                      g_ascii_isdigit (token->str[2]) && g_ascii_isdigit (token->str[3]);

      if (year)
        {
          int value = atoi (token->str);
          year = value >= 1800 && value <= 2099;
        }
      g_string_assign (token, year ? "<year>" : "<num>");
      return;
    }

  for (gsize i = 0; i < token->len; i++)
    token->str[i] = g_ascii_tolower (token->str[i]);
}

typedef struct
{
  GlossCheckworthyFeatureFunc  func;
  gpointer                     user_data;
  guint32                      mask;
} Emitter;

static void
emit (Emitter    *e,
      guint32     hash,
      double      value)
{
  e->func (hash & e->mask, value, e->user_data);
}

static void
emit_named (Emitter    *e,
            const char *name,
            double      value)
{
  if (value != 0.0)
    emit (e, fnv1a_feed (FNV_OFFSET, name, strlen (name)), value);
}

/* The last character of @text once closing quotes, brackets and white space
 * are taken off its end, or 0. */
static gunichar
last_meaningful_char (const char *text,
                      gsize       length)
{
  const char *end = text + length;

  while (end > text)
    {
      const char *prev = g_utf8_find_prev_char (text, end);
      gunichar c = g_utf8_get_char (prev);

      if (c == ' ' || c == '\t' || c == '\n' || c == 0x201D || c == '"' || c == 0x2019 ||
          c == '\'' || c == ')')
        end = prev;
      else
        return c;
    }
  return 0;
}

void
gloss_checkworthy_features (const char                  *text,
                            gsize                        length,
                            guint                        hash_bits,
                            GlossCheckworthyFeatureFunc  func,
                            gpointer                     user_data)
{
  Emitter e = { func, user_data, hash_bits >= 32 ? G_MAXUINT32 : (1u << hash_bits) - 1 };
  g_autoptr(GString) token = g_string_new (NULL);
  g_autoptr(GString) prev = g_string_new ("<s>");
  const char *end = text + length;
  guint n_tokens = 0, n_numbers = 0, n_caps = 0;
  gboolean year = FALSE, percent = FALSE, money = FALSE, comparative = FALSE;
  gboolean modal = FALSE, first_person = FALSE, quote = FALSE, date = FALSE, said = FALSE;
  guint n_past = 0;
  gunichar last;
  const char *p = text;

  while (p <= end)
    {
      gunichar c = p < end ? g_utf8_get_char (p) : 0;

      if (p < end)
        {
          if (c == '%')
            percent = TRUE;
          else if (c == '$' || c == 0x00A3 || c == 0x20AC || c == 0x00A5)
            money = TRUE;
          else if (c == '"' || c == 0x201C || c == 0x201D)
            quote = TRUE;
        }

      if (p < end && is_word_char (c))
        {
          g_string_append_len (token, p, g_utf8_next_char (p) - p);
        }
      else if (token->len > 0)
        {
          guint32 h;
          guint flags;

          if (n_tokens > 0 && token->str[0] >= 'A' && token->str[0] <= 'Z')
            n_caps++;
          normalise_token (token);
          n_tokens++;

          if (strcmp (token->str, "<num>") == 0)
            n_numbers++;
          else if (strcmp (token->str, "<year>") == 0)
            n_numbers++, year = TRUE;
          flags = word_flags (token->str);
          percent = percent || (flags & WORD_PERCENT);
          money = money || (flags & WORD_MONEY);
          comparative = comparative || (flags & WORD_COMPARATIVE);
          modal = modal || (flags & WORD_MODAL);
          first_person = first_person || (flags & WORD_FIRST_PERSON);
          date = date || (flags & WORD_DATE);
          said = said || (flags & WORD_REPORTING);
          if (token->len >= 4 && g_str_has_suffix (token->str, "ed") &&
              g_utf8_strlen (token->str, token->len) >= 4)
            n_past++;

          /* "u=TOKEN", then "b=PREV|TOKEN" */
          h = fnv1a_feed (FNV_OFFSET, "u=", 2);
          emit (&e, fnv1a_feed (h, token->str, token->len), 1.0);
          h = fnv1a_feed (FNV_OFFSET, "b=", 2);
          h = fnv1a_feed (h, prev->str, prev->len);
          h = fnv1a_feed (h, "|", 1);
          emit (&e, fnv1a_feed (h, token->str, token->len), 1.0);

          g_string_assign (prev, token->str);
          g_string_truncate (token, 0);
        }
      if (p == end)
        break;
      p = g_utf8_next_char (p);
    }

  emit_named (&e, "c=bias", 1.0);
  emit_named (&e, "c=num", n_numbers > 0 ? 1.0 : 0.0);
  emit_named (&e, "c=nums", log1p ((double) n_numbers));
  emit_named (&e, "c=year", year ? 1.0 : 0.0);
  emit_named (&e, "c=pct", percent ? 1.0 : 0.0);
  emit_named (&e, "c=money", money ? 1.0 : 0.0);
  emit_named (&e, "c=cmp", comparative ? 1.0 : 0.0);
  emit_named (&e, "c=caps", log1p ((double) n_caps));
  emit_named (&e, "c=quote", quote ? 1.0 : 0.0);
  emit_named (&e, "c=modal", modal ? 1.0 : 0.0);
  emit_named (&e, "c=first", first_person ? 1.0 : 0.0);
  last = last_meaningful_char (text, length);
  emit_named (&e, "c=question", last == '?' ? 1.0 : 0.0);
  emit_named (&e, "c=len", log1p ((double) n_tokens));
  emit_named (&e, "c=date", date ? 1.0 : 0.0);
  emit_named (&e, "c=past", log1p ((double) n_past));
  emit_named (&e, "c=said", said ? 1.0 : 0.0);
  emit_named (&e, "c=short", n_tokens <= 4 ? 1.0 : 0.0);
  emit_named (&e, "c=noend", last == '.' || last == '!' || last == '?' ? 0.0 : 1.0);
}
