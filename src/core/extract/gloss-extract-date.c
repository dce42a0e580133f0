/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-extract-date"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gloss-extract-date.h"

/* Dates as pages print them next to a byline: "Nov. 13, 2019",
 * "13 November 2019", "2019-11-13", "13.11.2019", "13 de novembro de 2019".
 * Only what is needed to fill an article's published date. */

typedef struct
{
  const char *name;
  guint       month;
} MonthName;

static const MonthName months[] = {
  { "january", 1 }, { "february", 2 }, { "march", 3 }, { "april", 4 }, { "may", 5 },
  { "june", 6 }, { "july", 7 }, { "august", 8 }, { "september", 9 }, { "october", 10 },
  { "november", 11 }, { "december", 12 },
  { "jan", 1 }, { "feb", 2 }, { "mar", 3 }, { "apr", 4 }, { "jun", 6 }, { "jul", 7 },
  { "aug", 8 }, { "sep", 9 }, { "sept", 9 }, { "oct", 10 }, { "nov", 11 }, { "dec", 12 },
  { "janvier", 1 }, { "février", 2 }, { "mars", 3 }, { "avril", 4 }, { "mai", 5 },
  { "juin", 6 }, { "juillet", 7 }, { "août", 8 }, { "septembre", 9 }, { "octobre", 10 },
  { "novembre", 11 }, { "décembre", 12 },
  { "januar", 1 }, { "februar", 2 }, { "märz", 3 }, { "juni", 6 }, { "juli", 7 },
  { "oktober", 10 }, { "dezember", 12 },
  { "enero", 1 }, { "febrero", 2 }, { "marzo", 3 }, { "abril", 4 }, { "mayo", 5 },
  { "junio", 6 }, { "julio", 7 }, { "agosto", 8 }, { "septiembre", 9 }, { "octubre", 10 },
  { "noviembre", 11 }, { "diciembre", 12 },
  { "janeiro", 1 }, { "fevereiro", 2 }, { "março", 3 }, { "maio", 5 }, { "junho", 6 },
  { "julho", 7 }, { "setembro", 9 }, { "outubro", 10 }, { "novembro", 11 }, { "dezembro", 12 },
  { "gennaio", 1 }, { "febbraio", 2 }, { "aprile", 4 }, { "maggio", 5 }, { "giugno", 6 },
  { "luglio", 7 }, { "settembre", 9 }, { "ottobre", 10 }, { "dicembre", 12 },
  { "jän", 1 }, { "mär", 3 }, { "mrz", 3 }, { "okt", 10 }, { "dez", 12 },
  /* Indonesian, Dutch, the Scandinavian languages, Polish and Czech (in the
   * genitive a date uses), Turkish */
  { "januari", 1 }, { "februari", 2 }, { "maret", 3 }, { "mei", 5 }, { "agustus", 8 },
  { "desember", 12 }, { "maart", 3 }, { "augustus", 8 }, { "december", 12 },
  { "mars", 3 }, { "maj", 5 }, { "juni", 6 }, { "augusti", 8 }, { "oktober", 10 },
  { "stycznia", 1 }, { "lutego", 2 }, { "marca", 3 }, { "kwietnia", 4 }, { "maja", 5 },
  { "czerwca", 6 }, { "lipca", 7 }, { "sierpnia", 8 }, { "września", 9 },
  { "października", 10 }, { "listopada", 11 }, { "grudnia", 12 },
  { "ledna", 1 }, { "února", 2 }, { "března", 3 }, { "dubna", 4 }, { "května", 5 },
  { "června", 6 }, { "července", 7 }, { "srpna", 8 }, { "září", 9 }, { "října", 10 },
  { "listopadu", 11 }, { "prosince", 12 },
  { "ocak", 1 }, { "şubat", 2 }, { "mart", 3 }, { "nisan", 4 }, { "mayıs", 5 },
  { "haziran", 6 }, { "temmuz", 7 }, { "ağustos", 8 }, { "eylül", 9 }, { "ekim", 10 },
  { "kasım", 11 }, { "aralık", 12 },
  { "января", 1 }, { "февраля", 2 }, { "марта", 3 }, { "апреля", 4 }, { "мая", 5 },
  { "июня", 6 }, { "июля", 7 }, { "августа", 8 }, { "сентября", 9 }, { "октября", 10 },
  { "ноября", 11 }, { "декабря", 12 },
};

/**
 * gloss_text_month_from_word:
 * @word: one word, any case, a trailing full stop allowed ("Nov.")
 *
 * Returns: the month (1–12) that @word names, or 0
 */
guint
gloss_text_month_from_word (const char *word)
{
  g_autofree char *lower = NULL;
  gsize len;

  g_return_val_if_fail (word != NULL, 0);

  lower = g_utf8_strdown (word, -1);
  len = strlen (lower);
  while (len > 0 && (lower[len - 1] == '.' || lower[len - 1] == ','))
    lower[--len] = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_str_equal (lower, months[i].name))
      return months[i].month;

  return 0;
}

typedef struct
{
  guint number;    /* value if all digits, else 0 */
  guint n_digits;
  guint month;     /* if a month name */
  char  sep;       /* the character right after it, if ASCII */
} Token;

#define MAX_TOKENS 64

static guint
tokenize (const char *text,
          Token      *tokens)
{
  guint n = 0;
  const char *p = text;

  while (*p != '\0' && n < MAX_TOKENS)
    {
      const char *start;
      gboolean digits = TRUE;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;

      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        {
          if (!g_ascii_isdigit (*p))
            digits = FALSE;
          p = g_utf8_next_char (p);
        }

      tokens[n] = (Token) { 0 };
      tokens[n].sep = (guchar) *p < 0x80 ? *p : 0;
      if (digits)
        {
          tokens[n].n_digits = p - start;
          if (tokens[n].n_digits <= 4)
            tokens[n].number = (guint) strtoul (start, NULL, 10);
        }
      else if (p - start <= 24)
        {
          g_autofree char *word = g_strndup (start, p - start);

          tokens[n].month = gloss_text_month_from_word (word);
          /* "13th", "1st": a day with an English suffix */
          if (tokens[n].month == 0 && g_ascii_isdigit (*start))
            {
              char *rest = NULL;
              guint64 day = g_ascii_strtoull (start, &rest, 10);

              if (rest != NULL && rest - start <= 2
                  && (g_str_has_prefix (rest, "st") || g_str_has_prefix (rest, "nd")
                      || g_str_has_prefix (rest, "rd") || g_str_has_prefix (rest, "th"))
                  && rest + 2 == start + (p - start))
                {
                  tokens[n].number = (guint) day;
                  tokens[n].n_digits = rest - start;
                }
            }
        }
      n++;
    }

  return n;
}

static inline gboolean
is_year (const Token *t)
{
  return t->n_digits == 4 && t->number >= 1900 && t->number <= 2100;
}

static inline gboolean
is_day (const Token *t)
{
  return t->n_digits >= 1 && t->n_digits <= 2 && t->number >= 1 && t->number <= 31;
}

static inline gboolean
is_month_number (const Token *t)
{
  return t->n_digits >= 1 && t->n_digits <= 2 && t->number >= 1 && t->number <= 12;
}

/* "2024-03-04", "04.03.2024", "3/4/2024": the same mark between the
 * numbers.  "2024 09:15" is a year and a time. */
static inline gboolean
numeric_date (const Token *a,
              const Token *b)
{
  return a->sep == b->sep && (a->sep == '-' || a->sep == '.' || a->sep == '/');
}

static gboolean
valid (guint year,
       guint month,
       guint day)
{
  return g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/**
 * gloss_text_find_date:
 * @text: a line of text
 * @out_iso: (out) (optional): the date as ISO 8601 ("2019-11-13")
 *
 * Finds the first calendar date in @text.
 *
 * Returns: whether a date was found
 */
gboolean
gloss_text_find_date (const char  *text,
                      char       **out_iso)
{
  Token tokens[MAX_TOKENS];
  guint n;

  g_return_val_if_fail (text != NULL, FALSE);

  n = tokenize (text, tokens);
  for (guint i = 0; i + 1 < n; i++)
    {
      const Token *a = &tokens[i];
      const Token *b = &tokens[i + 1];
      const Token *c = i + 2 < n ? &tokens[i + 2] : NULL;
      guint year = 0, month = 0, day = 0;

      if (a->month != 0 && is_day (b) && c != NULL && is_year (c))
        year = c->number, month = a->month, day = b->number;          /* Nov 13, 2019 */
      else if (is_day (a) && b->month != 0 && c != NULL && is_year (c))
        year = c->number, month = b->month, day = a->number;          /* 13 November 2019 */
      else if (is_day (a) && c != NULL && c->month != 0 && b->n_digits == 0 && b->month == 0
               && i + 3 < n && is_year (&tokens[i + 3]))
        year = tokens[i + 3].number, month = c->month, day = a->number; /* 13 de novembro de 2019 */
      else if (is_year (a) && is_month_number (b) && c != NULL && is_day (c) && numeric_date (a, b))
        year = a->number, month = b->number, day = c->number;         /* 2019-11-13 */
      else if (is_day (a) && is_day (b) && c != NULL && is_year (c) && numeric_date (a, b))
        {
          /* 13.11.2019 or 11/13/2019: the day is whichever cannot be a month;
           * a slash with both possible reads the American way. */
          const char *slash = strchr (text, '/');

          year = c->number;
          if (a->number > 12)
            day = a->number, month = b->number;
          else if (b->number > 12 || slash != NULL)
            day = b->number, month = a->number;
          else
            day = a->number, month = b->number;
        }

      if (year != 0 && valid (year, month, day))
        {
          if (out_iso != NULL)
            *out_iso = g_strdup_printf ("%04u-%02u-%02u", year, month, day);
          return TRUE;
        }
    }

  return FALSE;
}
