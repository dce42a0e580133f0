/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-copied-lines"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gloss-text-normalize.h"
#include "gloss-extract-date.h"
#include "gloss-copied-lines.h"

/* Per-line statistics of copied page text (docs/ARCHITECTURE.md §6).  A line is judged
 * first on its own (length, sentence punctuation, function words, capitals,
 * phrases pages use for their furniture) and then against its neighbours
 * (runs of short items are menus).  Phrases are evidence among others: a
 * long sentence that happens to contain "share" stays prose. */

/* Words in one sentence that make it a paragraph on its own. */
#define LONG_SENTENCE 25

/* Function words of the languages most pages are in.  Their density tells
 * running prose from titles, names and menus without knowing the language.
 * Sorted by bytes for bsearch(). */
static const char * const stop_words[] = {
  "a", "aan", "aber", "about", "after", "al", "all", "alla", "als", "also", "am", "an",
  "anche", "and", "ao", "aos", "are", "as", "at", "au", "auch", "auf", "aus", "aussi", "aux",
  "avec", "be", "been", "bei", "bij", "bin", "bis", "but", "by", "can", "ce", "ces", "cette",
  "che", "chi", "col", "com", "come", "comme", "como", "con", "could", "da", "dal", "dans",
  "das", "dass", "dat", "de", "dei", "del", "della", "dem", "den", "der", "des", "deze", "di",
  "did", "die", "dit", "do", "doch", "does", "door", "dos", "du", "e", "een", "ein", "eine",
  "einem", "einen", "einer", "eines", "el", "ela", "ele", "ella", "elle", "ellos", "em", "en",
  "entre", "er", "era", "es", "essa", "esse", "est", "esta", "este", "está", "et", "foi",
  "for", "from", "fue", "für", "gli", "ha", "had", "han", "has", "hat", "hatte", "have", "he",
  "her", "het", "hij", "him", "his", "hoe", "how", "i", "ich", "if", "ihr", "il", "ils", "im",
  "in", "into", "is", "ist", "it", "its", "ja", "je", "just", "kann", "la", "las", "le", "les",
  "leur", "lo", "los", "lui", "ma", "mais", "mas", "me", "mes", "met", "mit", "more", "muy",
  "my", "más", "même", "na", "naar", "nach", "nas", "ne", "nel", "nella", "nicht", "niet",
  "no", "noch", "non", "nos", "not", "nous", "nur", "não", "o", "ob", "oder", "of", "om", "on",
  "only", "ont", "ook", "op", "or", "os", "ou", "our", "out", "over", "où", "par", "para",
  "pas", "pela", "pelo", "per", "pero", "più", "plus", "por", "pour", "qu", "que", "qui", "sa",
  "said", "says", "se", "sem", "ses", "seu", "she", "si", "sich", "sie", "sin", "sind", "so",
  "sobre", "some", "son", "sono", "sont", "su", "sua", "sur", "sus", "são", "ta", "también",
  "também", "te", "tes", "than", "that", "the", "their", "them", "then", "there", "these",
  "they", "this", "those", "to", "toi", "ton", "tot", "tra", "tu", "um", "uma", "un", "una",
  "und", "une", "uno", "uns", "up", "us", "van", "von", "voor", "vor", "vos", "votre", "vous",
  "war", "was", "wat", "we", "were", "what", "when", "where", "which", "while", "who", "wie",
  "wij", "will", "wir", "wird", "with", "would", "wurde", "y", "ya", "you", "your", "zijn",
  "zu", "zum", "zur", "à", "è", "é", "était", "été", "être", "über", "а", "без", "бы", "был",
  "была", "были", "в", "во", "вы", "да", "для", "до", "его", "ей", "если", "есть", "её", "же",
  "за", "и", "из", "или", "их", "к", "как", "ко", "когда", "ли", "мы", "на", "не", "него",
  "нет", "но", "о", "об", "он", "она", "они", "от", "по", "при", "с", "со", "так", "также",
  "то", "только", "у", "уже", "что", "это", "я",
};

/* Words a site uses when it talks about itself rather than about the news:
 * disclaimers, newsletter prompts, comment rules.  Sorted by bytes. */
static const char * const publisher_words[] = {
  "account", "accuracy", "advertise", "advertisement", "advertisements", "advertisers",
  "advertising", "affiliate", "alerts", "app", "bias", "browser", "click", "comment",
  "comments", "commission", "cookie", "cookies", "copyright", "correction", "corrections",
  "disclaimer", "donate", "download", "editor", "editorial", "editors", "email", "facebook",
  "feedback", "follow", "inbox", "instagram", "javascript", "journalism", "linkedin", "login",
  "membership", "newsletter", "newsletters", "newsroom", "notifications", "pinterest",
  "podcast", "policy", "privacy", "publication", "reader", "readers", "redistributed",
  "register", "reproduced", "reserved", "rewritten", "rights", "share", "sign", "sponsored",
  "standards", "subscribe", "subscribed", "subscriber", "subscribers", "subscription",
  "subscriptions", "terms", "twitter", "unsubscribe", "website", "whatsapp", "youtube",
};

typedef enum
{
  PHRASE_BOILER       = 0,
  PHRASE_INTERRUPTION = 1 << 0,  /* may sit between two paragraphs of the body */
  PHRASE_END          = 1 << 1,  /* what follows is not the article any more */
  PHRASE_COMMENTS     = 1 << 2,  /* what follows is readers' comments */
} PhraseKind;

typedef struct
{
  const char *phrase;
  PhraseKind  kind;
} Phrase;

/* Whole lines (lower case, punctuation and symbols dropped) that are page
 * furniture in any context. */
static const Phrase furniture[] = {
  { "share", PHRASE_INTERRUPTION }, { "share this", PHRASE_END },
  { "share this article", PHRASE_END }, { "share this story", PHRASE_END },
  { "share this post", PHRASE_END }, { "share this page", PHRASE_END },
  { "share article", PHRASE_END }, { "share story", PHRASE_END },
  { "share on facebook", 0 }, { "share on twitter", 0 }, { "share this on facebook", 0 },
  { "share this on twitter", 0 }, { "share all sharing options", 0 }, { "sharing options", 0 },
  { "tweet", 0 }, { "email", 0 }, { "e mail", 0 }, { "print", 0 }, { "save", 0 },
  { "copy link", 0 }, { "link copied", 0 }, { "facebook", 0 }, { "twitter", 0 },
  { "linkedin", 0 }, { "whatsapp", 0 }, { "pinterest", 0 }, { "reddit", 0 },
  { "instagram", 0 }, { "youtube", 0 }, { "flipboard", 0 }, { "pocket", 0 },
  { "telegram", 0 }, { "messenger", 0 }, { "sms", 0 },
  { "comments", PHRASE_END }, { "comment", PHRASE_END }, { "view comments", PHRASE_END },
  { "show comments", PHRASE_END }, { "trending", PHRASE_INTERRUPTION },
  { "trending now", PHRASE_INTERRUPTION }, { "sign up", 0 }, { "sign in", 0 }, { "log in", 0 },
  { "login", 0 }, { "log out", 0 }, { "register", 0 }, { "subscribe", 0 },
  { "subscribe now", 0 }, { "newsletter", 0 }, { "newsletters", 0 }, { "follow us", 0 },
  { "follow", 0 }, { "menu", 0 }, { "search", 0 }, { "home", 0 }, { "close", 0 },
  { "skip to content", 0 }, { "skip to main content", 0 }, { "skip to navigation", 0 },
  { "next", 0 }, { "previous", 0 }, { "prev", 0 }, { "back to top", 0 }, { "top", 0 },
  { "more", 0 }, { "see more", 0 }, { "show more", 0 }, { "load more", 0 },
  { "view more", 0 }, { "read more", PHRASE_INTERRUPTION }, { "read next", PHRASE_END },
  { "continue", 0 }, { "submit a correction", 0 }, { "report an error", 0 },
  { "report a correction", 0 }, { "i accept", 0 }, { "accept", 0 },
  { "accept cookies", 0 }, { "got it", 0 }, { "privacy policy", 0 }, { "terms of use", 0 },
  { "terms of service", 0 }, { "terms and conditions", 0 }, { "cookie policy", 0 },
  { "cookie settings", 0 }, { "privacy settings", 0 }, { "contact", 0 }, { "contact us", 0 },
  { "about", 0 }, { "about us", 0 }, { "advertise", 0 }, { "advertise with us", 0 },
  { "careers", 0 }, { "site map", 0 }, { "sitemap", 0 }, { "help", 0 }, { "faq", 0 },
  { "rss", 0 }, { "watch", 0 }, { "listen", 0 }, { "play", 0 }, { "video", 0 },
  { "photos", 0 }, { "image", 0 }, { "photo", 0 }, { "gallery", 0 }, { "loading", 0 },
  { "log in or sign up", 0 }, { "site search", 0 }, { "latest", 0 }, { "latest news", 0 },
  { "popular", PHRASE_END }, { "most popular", PHRASE_END }, { "most read", PHRASE_END },
  { "top stories", PHRASE_END }, { "recommended", PHRASE_END },
  { "recommended for you", PHRASE_END }, { "you may also like", PHRASE_END },
  { "you might also like", PHRASE_END }, { "related", PHRASE_INTERRUPTION },
  { "related articles", PHRASE_END }, { "related stories", PHRASE_END },
  { "related posts", PHRASE_END }, { "related content", PHRASE_END },
  { "related topics", PHRASE_END }, { "more from", PHRASE_END }, { "more stories", PHRASE_END },
  { "more news", PHRASE_END }, { "read also", PHRASE_INTERRUPTION },
  { "see also", PHRASE_INTERRUPTION }, { "also read", PHRASE_INTERRUPTION },
  { "tags", PHRASE_END }, { "topics", PHRASE_END }, { "filed under", PHRASE_END },
  { "categories", PHRASE_END }, { "category", 0 }, { "leave a reply", PHRASE_END | PHRASE_COMMENTS },
  { "leave a comment", PHRASE_END | PHRASE_COMMENTS }, { "post a comment", PHRASE_END | PHRASE_COMMENTS },
  { "add a comment", PHRASE_END | PHRASE_COMMENTS }, { "join the conversation", PHRASE_END | PHRASE_COMMENTS },
  { "conversation", PHRASE_END }, { "join the discussion", PHRASE_END | PHRASE_COMMENTS },
  { "discussion", PHRASE_END }, { "about the author", PHRASE_END },
  { "advertisement", PHRASE_INTERRUPTION }, { "ad", PHRASE_INTERRUPTION },
  { "ads", PHRASE_INTERRUPTION }, { "sponsored", PHRASE_INTERRUPTION },
  { "sponsored content", PHRASE_END }, { "promoted", PHRASE_INTERRUPTION },
  { "continue reading", PHRASE_INTERRUPTION },
  { "continue reading the main story", PHRASE_INTERRUPTION },
  { "story continues below", PHRASE_INTERRUPTION },
  { "article continues below", PHRASE_INTERRUPTION },
  { "story continues below advertisement", PHRASE_INTERRUPTION },
  { "scroll to continue", PHRASE_INTERRUPTION },
  { "scroll to continue with content", PHRASE_INTERRUPTION },
  { "supported by", 0 }, { "click here", 0 }, { "explore further", PHRASE_END },
  { "we recommend", PHRASE_END }, { "previous article", 0 }, { "next article", 0 },
  { "previous post", 0 }, { "next post", 0 }, { "previous story", 0 }, { "next story", 0 },
  { "like this article", 0 }, { "caption", 0 }, { "back to gallery", 0 },
  { "view gallery", 0 }, { "enlarge", 0 }, { "expand", 0 }, { "hide caption", 0 },
  { "toggle caption", 0 }, { "open in new window", 0 },
  /* The same furniture in the other languages of the stop-word list. */
  { "compartir", 0 }, { "compartilhe", 0 }, { "compartilhar", 0 }, { "partager", 0 },
  { "teilen", 0 }, { "condividi", 0 }, { "delen", 0 },
  { "publicidad", PHRASE_INTERRUPTION }, { "publicidade", PHRASE_INTERRUPTION },
  { "publicité", PHRASE_INTERRUPTION }, { "werbung", PHRASE_INTERRUPTION },
  { "anzeige", PHRASE_INTERRUPTION }, { "pubblicità", PHRASE_INTERRUPTION },
  { "advertentie", PHRASE_INTERRUPTION }, { "реклама", PHRASE_INTERRUPTION },
  { "leia mais", PHRASE_INTERRUPTION }, { "leia também", PHRASE_INTERRUPTION },
  { "leer más", PHRASE_INTERRUPTION }, { "lee también", PHRASE_INTERRUPTION },
  { "lire aussi", PHRASE_INTERRUPTION }, { "lire la suite", PHRASE_INTERRUPTION },
  { "weiterlesen", PHRASE_INTERRUPTION }, { "mehr zum thema", PHRASE_END },
  { "leggi anche", PHRASE_INTERRUPTION }, { "читать также", PHRASE_INTERRUPTION },
  { "читайте также", PHRASE_INTERRUPTION }, { "по теме", PHRASE_END },
  { "artigos relacionados", PHRASE_END }, { "posts relacionados", PHRASE_END },
  { "notícias relacionadas", PHRASE_END }, { "artículos relacionados", PHRASE_END },
  { "noticias relacionadas", PHRASE_END }, { "articles similaires", PHRASE_END },
  { "à lire aussi", PHRASE_INTERRUPTION }, { "ähnliche artikel", PHRASE_END },
  { "articoli correlati", PHRASE_END }, { "похожие статьи", PHRASE_END },
  { "deixe uma resposta", PHRASE_END | PHRASE_COMMENTS },
  { "deixe um comentário", PHRASE_END | PHRASE_COMMENTS },
  { "laisser un commentaire", PHRASE_END | PHRASE_COMMENTS },
  { "deja un comentario", PHRASE_END | PHRASE_COMMENTS },
  { "schreibe einen kommentar", PHRASE_END | PHRASE_COMMENTS },
  { "lascia un commento", PHRASE_END | PHRASE_COMMENTS },
  { "оставить комментарий", PHRASE_END | PHRASE_COMMENTS },
  { "comentarios", PHRASE_END | PHRASE_COMMENTS }, { "comentários", PHRASE_END | PHRASE_COMMENTS },
  { "commentaires", PHRASE_END | PHRASE_COMMENTS }, { "kommentare", PHRASE_END | PHRASE_COMMENTS }, { "commenti", PHRASE_END | PHRASE_COMMENTS },
  { "комментарии", PHRASE_END | PHRASE_COMMENTS }, { "поделиться", 0 }, { "подписаться", 0 },
  /* Dutch, Polish, Czech, the Scandinavian languages, Turkish, Indonesian */
  { "reclame", PHRASE_INTERRUPTION }, { "reklama", PHRASE_INTERRUPTION },
  { "annons", PHRASE_INTERRUPTION }, { "annonce", PHRASE_INTERRUPTION },
  { "annonse", PHRASE_INTERRUPTION }, { "reklam", PHRASE_INTERRUPTION },
  { "iklan", PHRASE_INTERRUPTION }, { "lees ook", PHRASE_INTERRUPTION },
  { "czytaj także", PHRASE_INTERRUPTION }, { "czytaj też", PHRASE_INTERRUPTION },
  { "zobacz także", PHRASE_INTERRUPTION }, { "zobacz też", PHRASE_INTERRUPTION },
  { "čtěte také", PHRASE_INTERRUPTION }, { "läs också", PHRASE_INTERRUPTION },
  { "læs også", PHRASE_INTERRUPTION }, { "les også", PHRASE_INTERRUPTION },
  { "baca juga", PHRASE_INTERRUPTION }, { "lesen sie auch", PHRASE_INTERRUPTION },
  { "berita terkait", PHRASE_END }, { "ilgili haberler", PHRASE_END },
  { "gerelateerde artikelen", PHRASE_END }, { "terpopuler", PHRASE_END },
  { "meistgelesen", PHRASE_END }, { "les plus lus", PHRASE_END }, { "más leídas", PHRASE_END },
  { "mais lidas", PHRASE_END }, { "i più letti", PHRASE_END }, { "najczęściej czytane", PHRASE_END },
  { "deel", 0 }, { "udostępnij", 0 }, { "sdílet", 0 }, { "dela", 0 }, { "paylaş", 0 },
  { "bagikan", 0 }, { "reacties", PHRASE_END | PHRASE_COMMENTS },
  { "komentarze", PHRASE_END | PHRASE_COMMENTS }, { "komentáře", PHRASE_END | PHRASE_COMMENTS },
  { "kommentarer", PHRASE_END | PHRASE_COMMENTS }, { "yorumlar", PHRASE_END | PHRASE_COMMENTS },
  { "komentar", PHRASE_END | PHRASE_COMMENTS }, { "kommentar verfassen", PHRASE_END | PHRASE_COMMENTS },
  { "kommentar schreiben", PHRASE_END | PHRASE_COMMENTS },
  { "tulis komentar", PHRASE_END | PHRASE_COMMENTS },
};

/* Short lines that begin like this are prompts, whatever follows. */
static const Phrase furniture_prefixes[] = {
  { "share on ", 0 }, { "share this ", 0 }, { "share via ", 0 }, { "sign up for ", 0 },
  { "sign up to ", 0 }, { "subscribe to ", 0 }, { "subscribe for ", 0 }, { "follow us ", 0 },
  { "click here", 0 }, { "skip to ", 0 }, { "log in ", 0 }, { "sign in ", 0 },
  { "more from ", PHRASE_END }, { "more stories ", PHRASE_END },
  { "related articles ", PHRASE_END }, { "related stories ", PHRASE_END },
  { "you may also ", PHRASE_END }, { "you might also ", PHRASE_END },
  { "about the author", PHRASE_END }, { "view all ", 0 }, { "see all ", 0 },
  { "read more from ", PHRASE_END }, { "more articles ", PHRASE_END },
  { "more in ", PHRASE_END },
  { "get the latest ", 0 }, { "download the ", 0 }, { "we use cookies", 0 },
  { "this site uses cookies", 0 }, { "this website uses cookies", 0 },
  { "these are external links", 0 }, { "reading time", 0 }, { "tempo de leitura", 0 },
  { "temps de lecture", 0 }, { "tiempo de lectura", 0 }, { "lesezeit", 0 },
  { "время чтения", 0 },
  { "by continuing to use ", 0 }, { "by clicking ", 0 }, { "by choosing ", 0 },
  { "copyright ", PHRASE_END }, { "all rights reserved", PHRASE_END },
  { "you must be logged in", PHRASE_END | PHRASE_COMMENTS },
  { "log in to comment", PHRASE_END | PHRASE_COMMENTS },
  { "leave a reply", PHRASE_END | PHRASE_COMMENTS }, { "leave a comment", PHRASE_END | PHRASE_COMMENTS },
};

/* "Trending: …", "Related: …", "READ MORE: …": a label before a link to
 * another story. */
static const char * const label_words[] = {
  "related", "read", "read more", "read also", "see also", "also read", "also", "trending",
  "trending now", "watch", "listen", "more", "recommended", "popular", "sponsored",
  "advertisement", "tags", "tag", "topics", "filed under", "categories", "category",
  "photos", "video", "check out", "don t miss", "dont miss", "most read", "top stories",
  "lire aussi", "leia também", "leia mais", "lee también", "ver también", "siehe auch",
  "mehr", "leggi anche", "читайте также", "читать также", "по теме", "смотрите также",
  "lesen sie auch", "lees ook", "czytaj także", "czytaj też", "zobacz także", "zobacz też",
  "čtěte také", "läs också", "læs også", "les også", "baca juga", "à lire aussi",
};

/* Words photo credits are made of. */
static const char * const credit_words[] = {
  "getty", "images", "photo", "photos", "photograph", "photographer", "credit", "courtesy",
  "shutterstock", "illustration", "afp", "reuters", "epa", "file", "image", "istock",
  "foto", "fotos", "imagem", "bild", "фото",
};

static int
compare_words (const void *a,
               const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
in_sorted (const char * const *table,
           gsize               n,
           const char         *word)
{
  return bsearch (&word, table, n, sizeof *table, compare_words) != NULL;
}

static gboolean
in_list (const char * const *table,
         gsize               n,
         const char         *word)
{
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (table[i], word))
      return TRUE;
  return FALSE;
}

static inline gboolean
is_closing (gunichar c)
{
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019
         || c == 0x00BB || c == 0x203A || c == '*';
}

static inline gboolean
is_sentence_end (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x3002 || c == 0xFF01
         || c == 0xFF1F || c == 0xFF0E
         /* Arabic question mark and full stop, Devanagari danda, Armenian
          * and Ethiopic full stops */
         || c == 0x061F || c == 0x06D4 || c == 0x0964 || c == 0x0965 || c == 0x0589
         || c == 0x1362;
}

/* Scripts written without spaces: a "word" there is a whole phrase, so
 * characters are counted instead. */
static inline gboolean
is_unspaced_script (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_THAI:
    case G_UNICODE_SCRIPT_LAO:
    case G_UNICODE_SCRIPT_KHMER:
    case G_UNICODE_SCRIPT_MYANMAR:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Lower case, letters and digits only, single spaces: the form phrases are
 * matched on, so "Submit a Correction →" and "SHARE:" match too. */
static char *
dup_key (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *key = g_string_sized_new (strlen (lower));
  gboolean space = FALSE;

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        {
          if (space && key->len > 0)
            g_string_append_c (key, ' ');
          space = FALSE;
          g_string_append_unichar (key, c);
        }
      else
        space = TRUE;
    }

  return g_string_free (key, FALSE);
}

static gboolean
has_bullet (const char *text)
{
  gunichar c = g_utf8_get_char (text);
  const char *p;

  if (c == 0x2022 || c == 0x00B7 || c == 0x25AA || c == 0x25E6 || c == 0x2023 || c == 0x25CF
      || c == 0x25A0 || c == 0x25BA || c == 0x2713 || c == 0x2714 || c == 0x2043)
    return TRUE;
  if ((c == '-' || c == '*' || c == '+') && text[1] == ' ')
    return TRUE;

  /* "1. ", "2) " */
  for (p = text; g_ascii_isdigit (*p) && p - text < 3; p++)
    ;
  return p > text && (*p == '.' || *p == ')') && p[1] == ' ';
}

static void
measure (GlossTextLine *line)
{
  const char *text = line->text;
  const char *word_start = NULL;
  gboolean word_has_letter = FALSE;
  gunichar prev = 0;
  gunichar last = 0;
  gsize last_word_chars = 0;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = *p != '\0' ? g_utf8_get_char (p) : 0;
      gboolean word_char = c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)
                                      || ((c == '\'' || c == 0x2019 || c == '-')
                                          && word_start != NULL
                                          && g_unichar_isalnum (g_utf8_get_char (g_utf8_next_char (p)))));

      if (c != 0)
        line->n_chars++;

      if (word_char)
        {
          if (word_start == NULL)
            {
              word_start = p;
              word_has_letter = FALSE;
              if (g_unichar_isupper (c) || g_unichar_istitle (c))
                line->n_capital++;
            }
          if (g_unichar_isalpha (c))
            {
              GUnicodeScript script = g_unichar_get_script (c);

              word_has_letter = TRUE;
              line->n_letters++;
              if (script != G_UNICODE_SCRIPT_LATIN && script != G_UNICODE_SCRIPT_CYRILLIC &&
                  script != G_UNICODE_SCRIPT_COMMON && script != G_UNICODE_SCRIPT_INHERITED)
                line->n_uncovered++;
            }
          if (is_unspaced_script (c))
            line->n_unspaced++;
        }
      else if (word_start != NULL)
        {
          gsize len = p - word_start;

          line->n_words++;
          if (word_has_letter)
            line->n_alpha++;
          if (len <= 40)
            {
              g_autofree char *lower = g_utf8_strdown (word_start, len);

              if (in_sorted (stop_words, G_N_ELEMENTS (stop_words), lower))
                line->n_stop++;
              if (in_sorted (publisher_words, G_N_ELEMENTS (publisher_words), lower))
                line->n_publisher++;
            }
          last_word_chars = g_utf8_strlen (word_start, len);
          word_start = NULL;
        }

      if (c == 0 || is_closing (c) || g_unichar_isspace (c))
        {
          /* "John M. Ford", "U.S. troops": an initial ends no sentence. */
          if (is_sentence_end (prev) && c != '.' && (prev != '.' || last_word_chars > 1))
            line->n_sentences++;
        }

      if (c == 0)
        break;
      if (!is_closing (c) && !g_unichar_isspace (c))
        last = c;
      prev = c;
    }

  line->weight = line->n_words + line->n_unspaced / 2;

  if (is_sentence_end (last))
    line->flags |= GLOSS_LINE_ENDS_SENTENCE;
  else if (last == ':')
    line->flags |= GLOSS_LINE_ENDS_COLON;

  if (has_bullet (text))
    line->flags |= GLOSS_LINE_BULLET;

  if (line->n_alpha > 0)
    {
      g_autofree char *upper = g_utf8_strup (text, -1);

      if (g_str_equal (upper, text))
        line->flags |= GLOSS_LINE_ALL_CAPS;
    }

  /* An address, a handle or an e-mail address alone on its line. */
  if (strchr (text, ' ') == NULL
      && (strstr (text, "://") != NULL || g_str_has_prefix (text, "www.")
          || (text[0] == '@' && text[1] != '\0')
          || (strchr (text, '@') != NULL && strchr (text, '.') != NULL)
          || strstr (text, ".com/") != NULL || strstr (text, ".org/") != NULL))
    line->flags |= GLOSS_LINE_URL;
}

/* Everything before the first colon, as a key, if the colon comes early. */
static char *
dup_label_key (const char *text)
{
  const char *colon = strchr (text, ':');
  g_autofree char *head = NULL;

  if (colon == NULL || colon - text > 40)
    return NULL;
  head = g_strndup (text, colon - text);
  return dup_key (head);
}

/* "… Credit: ESA", "(Photo: Jane Doe)", or the agencies' "In this Nov. 10,
 * 2019, photo, …": a caption, whatever its length. */
static gboolean
looks_like_caption (const GlossTextLine *line)
{
  static const char * const marks[] = {
    "Credit:", "Credit ", "Photo:", "Photo credit", "Image:", "Image credit", "(Photo",
    "Picture:", "Foto:", "Bild:", "Фото:",
  };
  const char *text = line->text;
  gsize len = strlen (text);

  if (g_str_has_prefix (text, "In this ") || g_str_has_prefix (text, "This ")
      || g_str_has_prefix (text, "FILE - ") || g_str_has_prefix (text, "FILE — "))
    {
      const char *photo = strstr (text, " photo");
      const char *comma = strchr (text, ',');

      if (g_str_has_prefix (text, "FILE"))
        return TRUE;
      if (photo != NULL && photo - text < 80 && comma != NULL && photo - text < comma - text + 40
          && (photo[6] == ',' || g_str_has_prefix (photo + 6, "graph,")
              || g_str_has_prefix (photo + 6, " provided")
              || g_str_has_prefix (photo + 6, " released")))
        return TRUE;
    }

  /* "1of4A shopper looks at…": a slide of a gallery */
  {
    const char *p = text;

    while (g_ascii_isdigit (*p))
      p++;
    if (p > text && g_str_has_prefix (p, "of") && g_ascii_isdigit (p[2]))
      return TRUE;
    if (p > text && g_str_has_prefix (p, " of ") && g_ascii_isdigit (p[4]))
      return TRUE;
    if (p > text && g_str_has_prefix (p, " / ") && g_ascii_isdigit (p[3]))
      return TRUE;
  }

  /* "… in New York.Reuters", "… isn't easy.Jane Doe/Getty": a caption
   * with its credit glued on. */
  {
    static const char * const credits[] = {
      "Getty", "Getty Images", "Reuters", "/AP", "AP Photo", "AFP", "EPA", "Shutterstock",
      "iStock", "Getty Images/iStockphoto",
    };

    for (guint i = 0; i < G_N_ELEMENTS (credits); i++)
      if (g_str_has_suffix (text, credits[i]) && len > strlen (credits[i]) + 20)
        {
          gunichar before = g_utf8_get_char (g_utf8_prev_char (text + len - strlen (credits[i])));

          if (before == '.' || before == '/' || before == ' ')
            return TRUE;
        }
  }

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      const char *found = strstr (text, marks[i]);

      /* Near the end: the credit follows the caption. */
      if (found != NULL && (gsize) (found - text) + 60 >= len)
        return TRUE;
    }

  return FALSE;
}

static gboolean
looks_like_credit (const GlossTextLine *line,
                   const char          *key)
{
  g_auto(GStrv) words = NULL;

  if (line->n_words == 0 || line->n_words > 12 || (line->flags & GLOSS_LINE_ENDS_SENTENCE))
    return FALSE;

  /* "Jane Doe/Reuters", "Sanjeev Verma/Hindustan Times/Getty Images" */
  if (line->n_words <= 8 && strchr (line->text, '/') != NULL && strstr (line->text, "://") == NULL
      && line->n_capital * 2 >= line->n_words)
    return TRUE;

  words = g_strsplit (key, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (in_list (credit_words, G_N_ELEMENTS (credit_words), words[i]))
      return line->n_capital * 2 >= line->n_alpha;

  return FALSE;
}

static gboolean
looks_like_byline (const GlossTextLine *line)
{
  static const char * const openers[] = {
    "By ", "BY ", "by ", "Written by ", "Posted by ", "Reported by ", "Words by ", "Story by ",
    "Par ", "PAR ", "Von ", "VON ", "Por ", "POR ", "Di ", "Door ", "Автор: ", "Автор ",
    "Oleh ", "OLEH ", "Af ", "Av ", "Autor: ", "Autorin: ", "Autorka: ", "Texto: ", "Text: ",
    "Escrito por ", "Scritto da ", "Geschrieben von ", "Publié par ", "Publicado por ",
  };
  const char *rest = NULL;

  if (line->n_words < 2 || line->n_words > 24)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (openers) && rest == NULL; i++)
    if (g_str_has_prefix (line->text, openers[i]))
      rest = line->text + strlen (openers[i]);

  /* A name follows: a capital letter. */
  if (rest != NULL)
    return g_unichar_isupper (g_utf8_get_char (rest));

  /* "Jane Doe, Associated Press", "Robert Burns, AP National Security Writer" */
  if (line->n_words <= 10 && !(line->flags & GLOSS_LINE_ENDS_SENTENCE)
      && line->n_capital * 3 >= line->n_alpha * 2)
    {
      static const char * const roles[] = {
        "Associated Press", "Writer", "Editor", "Correspondent", "Reporter", "Contributor",
        "Columnist", "Analysis by ", "Reuters", "Staff",
      };

      for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
        if (strstr (line->text, roles[i]) != NULL)
          return TRUE;
    }

  return FALSE;
}

/* "Jane Doe says:", "Alex on May 2, 2018 at 6:34 am said:", "34 responses
 * to …", "12 Comments": what follows is readers, not the article. */
static gboolean
looks_like_comments (const GlossTextLine *line,
                     const char          *key)
{
  static const char * const verbs[] = {
    " said", " says", " wrote", " writes", " dice", " disse", " dit", " schreibt",
    " schrieb", " написал", " пишет", " reply", " replied",
  };
  static const char * const counted[] = {
    "comment", "comments", "response", "responses", "reply", "replies", "thoughts on",
    "comentario", "comentarios", "comentário", "comentários", "commentaire", "commentaires",
    "kommentar", "kommentare", "commento", "commenti", "комментарий", "комментария",
    "комментариев",
  };
  const char *space;

  if (line->n_words > 30)
    return FALSE;

  if ((line->flags & GLOSS_LINE_ENDS_COLON) && line->n_words <= 14)
    for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
      if (g_str_has_suffix (key, verbs[i]))
        return TRUE;

  if (!g_ascii_isdigit (key[0]))
    return FALSE;
  space = strchr (key, ' ');
  if (space == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (counted); i++)
    {
      gsize len = strlen (counted[i]);

      if (strncmp (space + 1, counted[i], len) == 0
          && (space[1 + len] == '\0' || space[1 + len] == ' '))
        return TRUE;
    }
  return FALSE;
}

/* A date, or a time of day ("Updated Nov 19, 6:55 AM"): what a page
 * prints next to a headline, never a headline itself. */
static gboolean
looks_like_date (const GlossTextLine *line)
{
  const char *colon;

  if (gloss_text_find_date (line->text, NULL))
    return TRUE;
  if (line->n_alpha > 6)
    return FALSE;
  for (colon = strchr (line->text, ':'); colon != NULL; colon = strchr (colon + 1, ':'))
    if (colon > line->text && g_ascii_isdigit (colon[-1]) && g_ascii_isdigit (colon[1])
        && g_ascii_isdigit (colon[2]))
      return TRUE;
  return FALSE;
}

static gboolean
has_year (const char *key)
{
  for (const char *p = key; *p != '\0'; p++)
    if ((p[0] == '1' && p[1] == '9') || (p[0] == '2' && p[1] == '0'))
      {
        if (g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4])
            && (p == key || !g_ascii_isdigit (p[-1])))
          return TRUE;
      }
  return FALSE;
}

/* "32m ago", "updated 2 hours ago", "il y a 3 heures": teasers carry these,
 * stories do not. */
static gboolean
is_relative_time (const char *key)
{
  static const char * const units[] = {
    "s", "m", "h", "d", "w", "min", "mins", "minute", "minutes", "hr", "hrs", "hour", "hours",
    "day", "days", "week", "weeks", "month", "months", "year", "years",
    "heure", "heures", "jour", "jours", "stunde", "stunden", "tag", "tagen", "hora", "horas",
    "dia", "dias", "día", "días", "ora", "ore", "giorni", "час", "часа", "часов", "минут",
    "день", "дня", "дней",
  };
  static const char * const ago[] = { "ago", "il y a", "vor", "hace", "há", "fa", "назад" };
  g_auto(GStrv) words = g_strsplit (key, " ", -1);
  guint n = g_strv_length (words);
  guint number = G_MAXUINT;

  if (n < 2 || n > 6)
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (g_ascii_isdigit (words[i][0]))
      {
        number = i;
        break;
      }
  if (number == G_MAXUINT)
    return FALSE;

  /* "32m" glued, or "32 minutes" */
  {
    const char *unit = words[number];

    while (g_ascii_isdigit (*unit))
      unit++;
    if (*unit == '\0' && number + 1 < n)
      unit = words[number + 1];
    if (!in_list (units, G_N_ELEMENTS (units), unit))
      return FALSE;
  }

  for (guint i = 0; i < G_N_ELEMENTS (ago); i++)
    if (strstr (key, ago[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Page furniture told by its words or shape: empty lines and links,
 * comment prompts, "Share"-like phrases and their prefixes, breadcrumbs
 * and reading times, "More stories", copyright, "2 hours ago", labels
 * ending in a colon.  Returns whether @line is one (it is then boiler). */
static gboolean
classify_furniture (GlossTextLine *line,
                    const char    *key)
{
  g_autofree char *label = NULL;

  if (*key == '\0' || (line->flags & GLOSS_LINE_URL))
    {
      line->klass = GLOSS_LINE_BOILER;
      return TRUE;
    }

  if (looks_like_comments (line, key))
    {
      line->klass = GLOSS_LINE_BOILER;
      line->flags |= GLOSS_LINE_COMMENTS | GLOSS_LINE_END_MARKER;
      return TRUE;
    }

  if (line->n_words <= 8)
    {
      for (guint i = 0; i < G_N_ELEMENTS (furniture); i++)
        if (g_str_equal (key, furniture[i].phrase))
          {
            line->klass = GLOSS_LINE_BOILER;
            /* "Trending:", "Tags:" introduce what follows. */
            if (line->flags & GLOSS_LINE_ENDS_COLON)
              line->flags |= GLOSS_LINE_LABEL;
            if (furniture[i].kind & PHRASE_INTERRUPTION)
              line->flags |= GLOSS_LINE_INTERRUPTION;
            if (furniture[i].kind & PHRASE_END)
              line->flags |= GLOSS_LINE_END_MARKER;
            if (furniture[i].kind & PHRASE_COMMENTS)
              line->flags |= GLOSS_LINE_COMMENTS;
            return TRUE;
          }
    }

  if (line->n_words <= 14)
    {
      for (guint i = 0; i < G_N_ELEMENTS (furniture_prefixes); i++)
        if (g_str_has_prefix (key, furniture_prefixes[i].phrase)
            || g_str_equal (key, furniture_prefixes[i].phrase))
          {
            line->klass = GLOSS_LINE_BOILER;
            if (furniture_prefixes[i].kind & PHRASE_END)
              line->flags |= GLOSS_LINE_END_MARKER;
            if (furniture_prefixes[i].kind & PHRASE_COMMENTS)
              line->flags |= GLOSS_LINE_COMMENTS;
            return TRUE;
          }
    }

  /* "Home > Health > Diet", "5 min read" */
  if (line->n_words <= 12
      && (strstr (line->text, " > ") != NULL || strstr (line->text, " \xe2\x80\xba ") != NULL
          || strstr (line->text, " \xc2\xbb ") != NULL || g_str_has_suffix (key, "min read")
          || g_str_has_suffix (key, "minute read") || g_str_has_suffix (key, "minutes read")))
    {
      line->klass = GLOSS_LINE_BOILER;
      return TRUE;
    }

  /* "More Great Stories", "More from our newsroom": other stories follow. */
  if (line->n_words <= 6 && (g_str_has_prefix (key, "more ") || g_str_has_prefix (key, "other "))
      && (g_str_has_suffix (key, " stories") || g_str_has_suffix (key, " news")
          || g_str_has_suffix (key, " articles") || g_str_has_suffix (key, " posts")
          || g_str_has_suffix (key, " videos") || g_str_has_suffix (key, " reads")))
    {
      line->klass = GLOSS_LINE_BOILER;
      line->flags |= GLOSS_LINE_END_MARKER;
      return TRUE;
    }

  if (strstr (line->text, "\xc2\xa9") != NULL || strstr (key, "all rights reserved") != NULL)
    {
      line->klass = GLOSS_LINE_BOILER;
      line->flags |= GLOSS_LINE_END_MARKER;
      /* A copyright with a year is the page's footer; a "©" alone may
       * be a photo credit inside the story. */
      if (strstr (key, "all rights reserved") != NULL || has_year (key))
        line->flags |= GLOSS_LINE_FOOTER;
      return TRUE;
    }

  if (is_relative_time (key))
    {
      line->klass = GLOSS_LINE_BOILER;
      line->flags |= GLOSS_LINE_DATE;
      return TRUE;
    }

  /* "Trending:" on its own, or "Related: Another story" */
  label = dup_label_key (line->text);
  if (label != NULL && in_list (label_words, G_N_ELEMENTS (label_words), label)
      && (line->flags & GLOSS_LINE_ENDS_COLON) && line->n_words <= 4)
    {
      line->klass = GLOSS_LINE_BOILER;
      line->flags |= GLOSS_LINE_LABEL;
      if (g_str_equal (label, "tags") || g_str_equal (label, "tag")
          || g_str_equal (label, "topics") || g_str_equal (label, "filed under")
          || g_str_equal (label, "categories") || g_str_equal (label, "category"))
        line->flags |= GLOSS_LINE_END_MARKER;
      return TRUE;
    }
  /* Other short lines ending in a colon ("Think about it:") introduce a
   * list or a quote of the story; gloss-extract-text.c looks at what
   * follows them. */
  if (label != NULL && in_list (label_words, G_N_ELEMENTS (label_words), label))
    {
      line->klass = GLOSS_LINE_BOILER;
      line->flags |= GLOSS_LINE_LABEL | GLOSS_LINE_INTERRUPTION;
      return TRUE;
    }

  return FALSE;
}

/* Bylines, credits, captions, dates and the publisher's own name: flags
 * that later steps read; the line stays short or becomes prose as any. */
static void
mark_metadata (GlossTextLine *line,
               const char    *key,
               gboolean       sentence)
{
  if (looks_like_byline (line))
    line->flags |= GLOSS_LINE_BYLINE;
  if (looks_like_credit (line, key) || looks_like_caption (line))
    line->flags |= GLOSS_LINE_CREDIT;
  if (line->n_words <= 12 && (!sentence || line->n_alpha <= 6) && looks_like_date (line))
    line->flags |= GLOSS_LINE_DATE;

  if (line->n_publisher >= 2 && line->n_publisher * 100 >= line->n_words * 8)
    line->flags |= GLOSS_LINE_PUBLISHER;
}

/* Prose or a short line, by length, sentences and the share of function
 * words. */
static void
classify_prose (GlossTextLine *line,
                gboolean       use_stop_words,
                gboolean       sentence)
{
  double stop_ratio = gloss_text_line_stop_ratio (line);

  /* Function words say nothing in a language the list does not cover (a
   * page in it, or a line in Hebrew, Arabic, Greek… on a page in English),
   * nor in scripts without spaces: there, length and punctuation decide. */
  if (!use_stop_words || line->n_unspaced * 2 > line->n_chars ||
      line->n_uncovered * 2 > line->n_letters)
    stop_ratio = 0.25;

  /* A Title In Capitals, even with a question mark, is a headline. */
  if (line->weight <= 20 && line->n_alpha >= 3 && line->n_capital * 10 >= line->n_alpha * 7
      && line->n_sentences <= 1)
    return;

  /* Prose: enough words, function words among them, and sentences.  Without
   * a closing full stop, only a long line with many function words is
   * prose: a list of headlines is made of ten-word lines too. */
  if (line->weight >= 10 && sentence && stop_ratio >= 0.08)
    line->klass = GLOSS_LINE_CONTENT;
  else if (line->weight >= 6 && sentence && stop_ratio >= 0.12)
    line->klass = GLOSS_LINE_CONTENT;
  else if (line->weight >= 16 && stop_ratio >= 0.25)
    line->klass = GLOSS_LINE_CONTENT;
}

static void
classify_alone (GlossTextLine *line,
                gboolean       use_stop_words)
{
  g_autofree char *key = dup_key (line->text);
  gboolean sentence = (line->flags & GLOSS_LINE_ENDS_SENTENCE) != 0 || line->n_sentences > 0;

  line->klass = GLOSS_LINE_SHORT;
  if (classify_furniture (line, key))
    return;

  mark_metadata (line, key, sentence);
  if (line->flags & (GLOSS_LINE_BYLINE | GLOSS_LINE_CREDIT | GLOSS_LINE_DATE))
    return;

  classify_prose (line, use_stop_words, sentence);
}

double
gloss_text_line_stop_ratio (const GlossTextLine *line)
{
  return line->n_words > 0 ? (double) line->n_stop / line->n_words : 0.0;
}

static void
line_clear (gpointer data)
{
  GlossTextLine *line = data;

  g_free (line->text);
}

/**
 * gloss_text_lines_split:
 * @utf8: valid UTF-8
 * @length: its length in bytes
 *
 * Splits copied page text into non-blank, normalised lines and measures
 * each one.  Blank lines are not kept, but the lines between two of them
 * share a group number: a paragraph usually stands alone, a menu does not.
 *
 * Returns: (transfer full) (element-type GlossTextLine): the lines
 */
GArray *
gloss_text_lines_split (const char *utf8,
                        gsize       length)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (GlossTextLine));
  const char *end = utf8 + length;
  const char *p = utf8;
  guint group = 0;
  gboolean blank_before = TRUE;

  g_array_set_clear_func (lines, line_clear);

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *next;
      g_autofree char *text = NULL;

      if (eol == NULL)
        eol = end;
      next = eol < end ? eol + 1 : end;

      text = gloss_text_normalize (p, eol - p);
      if (*text == '\0')
        blank_before = TRUE;
      else
        {
          GlossTextLine line = { 0 };

          if (blank_before && lines->len > 0)
            group++;
          blank_before = FALSE;
          line.text = g_steal_pointer (&text);
          line.group = group;
          measure (&line);
          g_array_append_val (lines, line);
        }
      p = next;
    }

  return lines;
}

static inline gboolean
is_menu_item (const GlossTextLine *line)
{
  return line->klass != GLOSS_LINE_CONTENT && line->weight <= 5
         && !(line->flags & GLOSS_LINE_ENDS_SENTENCE);
}

static inline gboolean
is_teaser_headline (const GlossTextLine *line)
{
  return line->klass != GLOSS_LINE_CONTENT && line->weight >= 3 && line->weight <= 20
         && !(line->flags & (GLOSS_LINE_ENDS_SENTENCE | GLOSS_LINE_ENDS_COLON))
         && gloss_text_line_is_title (line);
}

/* Teasers for other stories repeat one shape, in every language: a
 * headline, then one paragraph of a sentence or two, again and again.  A
 * story says more under each of its sub-headings, and does not repeat
 * itself three times over.  The teasers' paragraphs can be longer than a
 * short story's, so they are not left to count as prose; only when
 * something else on the page reads as prose, or a page of teasers would
 * lose all it has. */
static void
demote_teaser_lists (GArray *lines)
{
  g_autofree gboolean *teaser = g_new0 (gboolean, lines->len + 1);
  guint other_prose = 0;
  gboolean any = FALSE;

  for (guint i = 0; i + 1 < lines->len;)
    {
      guint j = i;
      guint units = 0;

      while (j + 1 < lines->len
             && is_teaser_headline (&g_array_index (lines, GlossTextLine, j))
             && g_array_index (lines, GlossTextLine, j + 1).klass == GLOSS_LINE_CONTENT
             && g_array_index (lines, GlossTextLine, j + 1).n_sentences <= 2
             && (j + 2 >= lines->len
                 || g_array_index (lines, GlossTextLine, j + 2).klass != GLOSS_LINE_CONTENT))
        {
          units++;
          j += 2;
        }
      if (units >= 3)
        {
          for (guint k = i + 1; k < j; k += 2)
            teaser[k] = TRUE;
          any = TRUE;
          i = j;
        }
      else
        i++;
    }
  if (!any)
    return;

  for (guint i = 0; i < lines->len; i++)
    {
      const GlossTextLine *line = &g_array_index (lines, GlossTextLine, i);

      if (!teaser[i] && line->klass == GLOSS_LINE_CONTENT)
        other_prose += line->weight;
    }
  if (other_prose < 16)
    return;

  for (guint i = 0; i < lines->len; i++)
    if (teaser[i])
      g_array_index (lines, GlossTextLine, i).klass = GLOSS_LINE_SHORT;
}

/**
 * gloss_text_lines_classify:
 * @lines: (element-type GlossTextLine): lines from gloss_text_lines_split()
 *
 * Sets each line's class and value: positive for prose, negative for page
 * furniture, slightly negative for short lines that could go either way
 * (the body selection lets a few of those sit between paragraphs).
 */
void
gloss_text_lines_classify (GArray *lines)
{
  guint run_start = 0;
  guint page_words = 0;
  guint page_stop = 0;

  /* Does the page's language use the listed function words at all? */
  for (guint i = 0; i < lines->len; i++)
    {
      const GlossTextLine *line = &g_array_index (lines, GlossTextLine, i);

      if (line->weight >= 8)
        {
          page_words += line->n_words;
          page_stop += line->n_stop;
        }
    }

  for (guint i = 0; i < lines->len; i++)
    classify_alone (&g_array_index (lines, GlossTextLine, i), page_stop * 25 >= page_words);

  /* Runs of three or more short items in a row are navigation, whatever
   * each item says. */
  for (guint i = 0; i <= lines->len; i++)
    {
      if (i < lines->len && is_menu_item (&g_array_index (lines, GlossTextLine, i)))
        continue;
      if (i - run_start >= 3)
        for (guint j = run_start; j < i; j++)
          g_array_index (lines, GlossTextLine, j).flags |= GLOSS_LINE_MENU;
      run_start = i + 1;
    }

  demote_teaser_lists (lines);

  for (guint i = 0; i < lines->len; i++)
    {
      GlossTextLine *line = &g_array_index (lines, GlossTextLine, i);

      switch (line->klass)
        {
        case GLOSS_LINE_CONTENT:
          /* A story's paragraph has sentences; a teaser for another story
           * is one sentence or a headline with a full stop inside, often
           * longer than a short story's paragraphs, and a list of them can
           * outweigh it.  Lines of one sentence count half. */
          if (line->flags & GLOSS_LINE_PUBLISHER)
            line->value = -2.0;
          else if (line->n_sentences < 2 && line->weight < LONG_SENTENCE)
            line->value = line->weight * 0.5;
          else
            line->value = line->weight;
          break;
        case GLOSS_LINE_SHORT:
          line->value = (line->flags & GLOSS_LINE_MENU) ? -3.0 : -1.0;
          break;
        case GLOSS_LINE_BOILER:
        default:
          if (line->flags & GLOSS_LINE_END_MARKER)
            line->value = -10.0;
          else if (line->flags & GLOSS_LINE_INTERRUPTION)
            line->value = -2.0;
          else
            line->value = -5.0;
          break;
        }
    }
}

/**
 * gloss_text_line_is_title:
 * @line: a classified line
 *
 * Whether @line could be a headline or a sub-heading: a few words, no
 * closing full stop, not furniture, not a byline, date or credit.
 */
gboolean
gloss_text_line_is_title (const GlossTextLine *line)
{
  gunichar last;
  const char *end;

  if (line->klass == GLOSS_LINE_BOILER
      || (line->flags & (GLOSS_LINE_URL | GLOSS_LINE_BYLINE | GLOSS_LINE_DATE | GLOSS_LINE_CREDIT
                         | GLOSS_LINE_LABEL)))
    return FALSE;
  if (line->weight < 2 || line->weight > 30 || line->n_alpha < 2 || line->n_sentences > 1)
    return FALSE;
  if ((line->flags & GLOSS_LINE_BULLET) || strstr (line->text, "www.") != NULL)
    return FALSE;
  /* "Posted in News | Permalink | 10 Comments" */
  {
    const char *pipe = strstr (line->text, " | ");

    if (pipe != NULL && strstr (pipe + 3, " | ") != NULL)
      return FALSE;
  }

  end = line->text + strlen (line->text);
  last = g_utf8_get_char (g_utf8_prev_char (end));
  if (last == '.' || last == ',' || last == ';' || last == 0x3002)
    return FALSE;
  /* "The office gave this advice:" introduces; "Ingredients:" may head. */
  if (last == ':' && line->weight > 4)
    return FALSE;

  /* Titles start with a capital or a digit, in scripts that have them. */
  {
    gunichar first = g_utf8_get_char (line->text);

    if (g_unichar_islower (first))
      return FALSE;
  }

  return TRUE;
}

/* Where a byline stops being a name: a date, a time, a separator. */
static gboolean
ends_name (const char *word,
           const char *next)
{
  static const char * const stops[] = {
    "|", "\xe2\x80\xa2", "\xc2\xb7", "-", "\xe2\x80\x93", "\xe2\x80\x94", "Updated", "updated",
    "Published", "published", "Posted", "posted", "on", "On", "Last", "Date", "Photo",
  };

  if (g_ascii_isdigit (word[0]))
    return TRUE;
  /* "Nov. 13": a month only counts with a day after it, "By May Smith" is a name */
  if (gloss_text_month_from_word (word) > 0 && next != NULL && g_ascii_isdigit (next[0]))
    return TRUE;
  return in_list (stops, G_N_ELEMENTS (stops), word);
}

/**
 * gloss_text_line_dup_byline:
 * @line: a line flagged %GLOSS_LINE_BYLINE
 *
 * Returns: (transfer full): the byline without the date or time that often
 * shares its line ("By Jane Doe Updated Nov 13, 2019" gives "By Jane Doe")
 */
char *
gloss_text_line_dup_byline (const GlossTextLine *line)
{
  g_auto(GStrv) words = g_strsplit (line->text, " ", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (i >= 2 && ends_name (words[i], words[i + 1]))
        break;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }

  while (out->len > 0 && strchr (",;:|", out->str[out->len - 1]) != NULL)
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

/**
 * gloss_text_line_dup_agency:
 * @line: the first paragraph of a body
 *
 * News agencies sign a story in its dateline: "BRUSSELS (AP) — …",
 * "LONDON (Reuters) - …".
 *
 * Returns: (transfer full) (nullable): the agency, or %NULL without one
 */
char *
gloss_text_line_dup_agency (const GlossTextLine *line)
{
  const char *open = strchr (line->text, '(');
  const char *close;
  const char *after;
  g_autofree char *inside = NULL;

  if (open == NULL || open - line->text > 80 || open == line->text)
    return NULL;
  close = strchr (open, ')');
  if (close == NULL || close - open > 40 || close - open < 2)
    return NULL;

  after = close + 1;
  while (*after == ' ')
    after++;
  if (!g_str_has_prefix (after, "\xe2\x80\x94") && !g_str_has_prefix (after, "\xe2\x80\x93")
      && !g_str_has_prefix (after, "- ") && !g_str_has_prefix (after, "--"))
    return NULL;

  /* The place before it is a name: "BRUSSELS", "HALIFAX, Nova Scotia" */
  {
    g_autofree char *place = g_strndup (line->text, open - line->text);
    g_auto(GStrv) words = g_strsplit (place, " ", -1);
    guint n = 0;

    for (guint i = 0; words[i] != NULL; i++)
      {
        if (*words[i] == '\0')
          continue;
        if (!g_unichar_isupper (g_utf8_get_char (words[i])) || ++n > 5)
          return NULL;
      }
  }

  inside = g_strndup (open + 1, close - open - 1);
  g_strstrip (inside);
  if (*inside == '\0' || !g_unichar_isupper (g_utf8_get_char (inside)))
    return NULL;

  return g_steal_pointer (&inside);
}
