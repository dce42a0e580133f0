/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-extract-language"

#include "config.h"

#include <string.h>

#include "gloss-extract-language.h"

/* A guess at the language of an article's text, for pages that do not
 * declare one and for copied text, which never does.  The script decides
 * first (a text mostly in Han, kana, Hangul, Arabic, Cyrillic… letters);
 * among the languages written in Latin letters, the most frequent function
 * words do: every running text is full of them, and each language's few
 * commonest ones are nearly its own.  A text too short or too mixed to
 * tell gets no guess: an unknown language is better than a wrong one. */

/* How many words are enough to tell (the start of the text decides). */
#define MAX_WORDS 600

typedef struct
{
  const char *tag;
  const char *words;  /* space-separated, surrounded by spaces */
} Profile;

/* Each language's most frequent short words, leaving out those it shares
 * with a close neighbour where that would blur the two. */
static const Profile profiles[] = {
  { "en", " the and of to is that with for was are this have from not but they which be " },
  { "de", " der die und das ist nicht ein eine den mit sich auf dem auch es zu wird sie " },
  { "fr", " le les et des est une pour dans qui pas sur au du ce avec il sont mais de la en " },
  { "es", " el los las del que por una con para es se lo como más pero sus al y de la en " },
  { "it", " il che di della per non una sono gli con del le anche è nel si ma la in " },
  { "pt", " o os que não uma com para do da em dos das no na é ao se mais de e " },
  { "nl", " de het een van en niet zijn dat op is voor met ook er aan te " },
  { "pl", " i w z się nie na że jest do to o jak po od czy ale " },
  { "cs", " a v se na je že to s z do jsou by ale jako pro také " },
  { "sv", " och att det är som en på för med av till inte har om " },
  { "da", " og at det er en til på for med af ikke har som de " },
  { "no", " og at det er en til på for med av ikke har som de jeg " },
  { "id", " yang dan di ini itu dengan untuk dari dalam tidak akan ke pada " },
  { "tr", " ve bir bu için da de ile çok olarak daha gibi ama " },
  { "ro", " și în cu pe este că nu din care mai un o de la " },
  { "hu", " a az és hogy nem is egy van meg de ez " },
  { "fi", " ja on ei se että oli kun mutta myös tai " },
};

typedef enum
{
  SCRIPT_LATIN,
  SCRIPT_HAN,
  SCRIPT_KANA,
  SCRIPT_HANGUL,
  SCRIPT_ARABIC,
  SCRIPT_PERSIAN,     /* letters Arabic does not use */
  SCRIPT_CYRILLIC,
  SCRIPT_UKRAINIAN,   /* letters Russian does not use */
  SCRIPT_GREEK,
  SCRIPT_HEBREW,
  SCRIPT_THAI,
  SCRIPT_DEVANAGARI,
  N_SCRIPTS,
} Script;

static const char * const script_tags[N_SCRIPTS] = {
  NULL, "zh", "ja", "ko", "ar", "fa", "ru", "uk", "el", "he", "th", "hi",
};

static int
script_of (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_LATIN: return SCRIPT_LATIN;
    case G_UNICODE_SCRIPT_HAN: return SCRIPT_HAN;
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA: return SCRIPT_KANA;
    case G_UNICODE_SCRIPT_HANGUL: return SCRIPT_HANGUL;
    case G_UNICODE_SCRIPT_ARABIC:
      return c == 0x067E || c == 0x0686 || c == 0x0698 || c == 0x06AF || c == 0x06CC
             ? SCRIPT_PERSIAN : SCRIPT_ARABIC;
    case G_UNICODE_SCRIPT_CYRILLIC:
      return c == 0x0456 || c == 0x0457 || c == 0x0454 || c == 0x0491 ? SCRIPT_UKRAINIAN
             : SCRIPT_CYRILLIC;
    case G_UNICODE_SCRIPT_GREEK: return SCRIPT_GREEK;
    case G_UNICODE_SCRIPT_HEBREW: return SCRIPT_HEBREW;
    case G_UNICODE_SCRIPT_THAI: return SCRIPT_THAI;
    case G_UNICODE_SCRIPT_DEVANAGARI: return SCRIPT_DEVANAGARI;
    default: return -1;
    }
}

static const char *
guess_by_script (const guint *letters)
{
  guint total = 0;
  guint best = SCRIPT_LATIN;

  for (guint s = 0; s < N_SCRIPTS; s++)
    {
      total += letters[s];
      if (letters[s] > letters[best])
        best = s;
    }
  if (total < 20)
    return NULL;

  /* Japanese mixes kana into Han; any real share of kana says Japanese. */
  if (letters[SCRIPT_KANA] * 10 >= total)
    return "ja";
  if (best == SCRIPT_HAN)
    return letters[best] * 2 >= total ? "zh" : NULL;
  if (best == SCRIPT_ARABIC || best == SCRIPT_PERSIAN)
    return letters[SCRIPT_PERSIAN] * 100 >= letters[SCRIPT_ARABIC] + letters[SCRIPT_PERSIAN]
           ? "fa" : "ar";
  if (best == SCRIPT_CYRILLIC || best == SCRIPT_UKRAINIAN)
    return letters[SCRIPT_UKRAINIAN] * 200 >= letters[SCRIPT_CYRILLIC] + letters[SCRIPT_UKRAINIAN]
           ? "uk" : "ru";
  if (best != SCRIPT_LATIN)
    return letters[best] * 2 >= total ? script_tags[best] : NULL;

  return "";  /* Latin: the words decide */
}

static const char *
guess_by_words (const char *text)
{
  guint hits[G_N_ELEMENTS (profiles)] = { 0 };
  guint n_words = 0;
  const char *p = text;
  char word[40];

  while (*p != '\0' && n_words < MAX_WORDS)
    {
      const char *start;
      gsize len;

      while (*p != '\0' && !g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      len = p - start;
      if (len == 0)
        break;
      n_words++;
      if (len + 2 >= sizeof word)
        continue;

      {
        g_autofree char *lower = g_utf8_strdown (start, len);
        gsize lower_len = strlen (lower);

        if (lower_len + 3 > sizeof word)
          continue;
        word[0] = ' ';
        memcpy (word + 1, lower, lower_len);
        word[lower_len + 1] = ' ';
        word[lower_len + 2] = '\0';
        for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
          if (strstr (profiles[i].words, word) != NULL)
            hits[i]++;
      }
    }

  {
    guint best = 0;
    guint second = 0;

    for (guint i = 1; i < G_N_ELEMENTS (profiles); i++)
      if (hits[i] > hits[best])
        best = i;
    for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
      if (i != best && hits[i] > second)
        second = hits[i];

    /* Enough of them to be running text, and clearly one language's. */
    if (hits[best] < 3 || hits[best] * 10 < n_words || hits[best] * 4 < second * 5)
      return NULL;
    return profiles[best].tag;
  }
}

/**
 * gloss_text_guess_language:
 * @text: running text (an article's body), valid UTF-8
 *
 * Returns: (nullable): a BCP 47 language tag ("de", "zh"…), or %NULL when
 * the text does not tell
 */
const char *
gloss_text_guess_language (const char *text)
{
  guint letters[N_SCRIPTS] = { 0 };
  guint n = 0;
  const char *by_script;

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p != '\0' && n < MAX_WORDS * 6; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int s;

      if (!g_unichar_isalpha (c))
        continue;
      s = script_of (c);
      if (s >= 0)
        letters[s]++;
      n++;
    }

  by_script = guess_by_script (letters);
  if (by_script == NULL || *by_script != '\0')
    return by_script;
  return guess_by_words (text);
}
