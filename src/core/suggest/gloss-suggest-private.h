/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gloss-suggest.h"
#include "gloss-sentence-split.h"

G_BEGIN_DECLS

/* Word classes of the lexicon (gloss-suggest-lexicon.c); a word may be in
 * several. */
typedef enum
{
  LEX_REPORT      = 1 << 0,   /* said, says, told, warned, according… */
  LEX_REPORT_THAT = 1 << 1,   /* reports only before "that": found, announced… */
  LEX_DENY        = 1 << 2,   /* deny, reject, dismiss, refute, dispute, rebut */
  LEX_TITLE       = 1 << 3,   /* president, minister, spokeswoman, Mr.… */
  LEX_KEPT_TITLE  = 1 << 4,   /* Lord, Lady, Sir, Dame: part of the name */
  LEX_ORG         = 1 << 5,   /* ministry, company, council, Inc.… */
  LEX_OUTLET      = 1 << 6,   /* times, post, herald, radio… */
  LEX_SPOKES      = 1 << 7,   /* spokesperson, spokesman, statement */
  LEX_DET         = 1 << 8,   /* the, a, some, two, several… */
  LEX_AUX         = 1 << 9,   /* has, also, later, repeatedly… (between subject and verb) */
  LEX_BE          = 1 << 10,  /* is, was, been… (passives) */
  LEX_BREAK       = 1 << 11,  /* that, which, but, while… (clause boundaries) */
  LEX_COMMON      = 1 << 12,  /* common English words: not names when capitalised */
  LEX_DIRECTIVE   = 1 << 13,  /* urged, demanded, called (for)… */
  LEX_NEG         = 1 << 14,  /* not, never, no… */
  LEX_ACCUSATION  = 1 << 15,  /* accusations, claims, allegations, reports… */
  LEX_TIME        = 1 << 16,  /* Monday, Thursday, January, yesterday… */
  LEX_RELATIVE    = 1 << 17,  /* who, which, whose */
  LEX_GROUP       = 1 << 18,  /* analysts, residents, officials… */
  LEX_PREP        = 1 << 19,  /* following, after, in, on… (a leading phrase) */
  LEX_NO_CLAIM    = 1 << 20,  /* declined, refused (to comment) */
  LEX_ENGLISH     = 1 << 21,  /* very frequent English words (language check) */
  LEX_PHRASE      = 1 << 22,  /* first word of a denying phrase ("no evidence") */
  LEX_LANG_DE     = 1 << 23,  /* very frequent words of other languages */
  LEX_LANG_FR     = 1 << 24,
  LEX_LANG_ES     = 1 << 25,
  LEX_LANG_IT     = 1 << 26,
  LEX_LANG_NL     = 1 << 27,
  LEX_LANG_PT     = 1 << 28,
} GlossLex;

typedef enum
{
  TOK_WORD,
  TOK_NUMBER,
  TOK_PUNCT,
  TOK_OPEN_QUOTE,
  TOK_CLOSE_QUOTE,
} GlossTokKind;

typedef enum
{
  TF_CAP      = 1 << 0,   /* starts with a capital and is not a common word at a sentence start */
  TF_ALLCAPS  = 1 << 1,   /* NATO, FBI */
  TF_POSS     = 1 << 2,   /* ended in ’s, which start/end leave out */
  TF_QUOTED   = 1 << 3,   /* inside a quotation */
} GlossTokFlags;

typedef struct
{
  glong start;          /* code points in the block */
  glong end;
  guint block;
  guint8 kind;
  guint8 flags;
  gunichar ch;          /* the character of punctuation and quotes */
  guint32 lex;          /* GlossLex of the lower-cased word */
  const char *lower;    /* lower-cased word, interned */
} GlossTok;

typedef enum
{
  ENTITY_NONE,
  ENTITY_PERSON,
  ENTITY_ORG,
  ENTITY_GROUP,
} GlossEntityKind;

typedef struct
{
  guint block;
  glong start;
  glong end;
  guint first_tok;      /* its tokens in GlossSuggestContext.toks */
  guint n_toks;
  gboolean has_quote;   /* holds a quotation */
  gboolean all_quote;   /* is a quotation with no words outside it */
  gboolean open_at_end; /* ends inside a quotation left open */
  /* results */
  GlossSuggestLabels labels;
  double claim_score;
  double denial_score;
  double checkworthy_score;
  char *speaker;
  GlossEntityKind speaker_kind;
  glong speaker_start;
  glong speaker_end;
  gint answers;
  guint answers_block;
  glong answers_start;
  glong answers_end;
  gint report_tok;      /* the reporting or denial verb chosen, or -1 */
  gint deny_tok;        /* the denial verb or phrase, or -1 */
} GlossSentence;

typedef struct
{
  GlossArticle *article;
  guint n_blocks;
  gunichar **chars;       /* each block's code points */
  glong *n_chars;
  GStringChunk *strings;
  GArray *toks;           /* GlossTok of every sentence, in order */
  GArray *sentences;      /* GlossSentence */
  /* names seen anywhere in the article */
  GHashTable *surnames;   /* lower-cased last word → fullest person name */
  GHashTable *kinds;      /* lower-cased words that stand alone as a name */
  GHashTable *acronyms;   /* acronym → full organisation name */
  GHashTable *org_words;  /* lower-cased word of an organisation's name → the name */
  GHashTable *titles;     /* lower-cased title → the person who holds it ("governor") */
  /* the last ones named, for pronouns and "the company" */
  const char *last_person;
  const char *last_org;
  const char *last_plural;
  const char *last_unknown;        /* a name that may be a person or a firm */
  gboolean last_org_is_unknown;    /* it came after the last firm */
} GlossSuggestContext;

static inline GlossTok *
ctx_tok (GlossSuggestContext *ctx,
         guint                i)
{
  return &g_array_index (ctx->toks, GlossTok, i);
}

static inline const char *
ctx_last_org (GlossSuggestContext *ctx)
{
  return ctx->last_org_is_unknown || ctx->last_org == NULL ? ctx->last_unknown : ctx->last_org;
}

static inline GlossSentence *
ctx_sentence (GlossSuggestContext *ctx,
              guint                i)
{
  return &g_array_index (ctx->sentences, GlossSentence, i);
}

/* gloss-suggest-lexicon.c */
guint32      gloss_lex_lookup          (const char *lower);
gboolean     gloss_lex_is              (const GlossTok *tok,
                                        const char     *word);

/* gloss-suggest-tokens.c */
void         gloss_suggest_tokenize    (GlossSuggestContext *ctx,
                                        GlossSentence       *sentence);
char        *gloss_suggest_dup_text    (GlossSuggestContext *ctx,
                                        guint                block,
                                        glong                start,
                                        glong                end);

/* gloss-suggest-language.c */
char        *gloss_suggest_guess_language (GlossSuggestContext *ctx);

/* gloss-suggest-names.c */
void         gloss_suggest_collect_names  (GlossSuggestContext *ctx);
guint        gloss_suggest_cap_run_end    (GlossSuggestContext *ctx,
                                           guint                i,
                                           guint                limit);
const char  *gloss_suggest_name_of_run    (GlossSuggestContext *ctx,
                                           guint                first,
                                           guint                end,
                                           gboolean             after_title,
                                           GlossEntityKind     *out_kind,
                                           guint               *out_first);
const char  *gloss_suggest_intern_span    (GlossSuggestContext *ctx,
                                           guint                first,
                                           guint                end);
void         gloss_suggest_note_title     (GlossSuggestContext *ctx,
                                           GlossTok            *title,
                                           const char          *name,
                                           gboolean             overwrite);
void         gloss_suggest_remember       (GlossSuggestContext *ctx,
                                           const char          *name,
                                           GlossEntityKind      kind);
void         gloss_suggest_note_mentions  (GlossSuggestContext *ctx,
                                           guint                first,
                                           guint                end);

/* gloss-suggest-attribution.c */
void         gloss_suggest_attribute      (GlossSuggestContext *ctx,
                                           guint                index);

/* gloss-suggest-denial.c */
extern const char * const gloss_suggest_denial_phrases[];
gboolean     gloss_suggest_is_denial_verb (GlossSuggestContext *ctx,
                                           guint                first,
                                           guint                end,
                                           guint                i);
void         gloss_suggest_find_denial    (GlossSuggestContext *ctx,
                                           guint                index);

G_END_DECLS
