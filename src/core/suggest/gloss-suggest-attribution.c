/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-suggest"

#include "config.h"

#include <string.h>

#include "gloss-suggest-private.h"

/* Claims and their speakers.
 *
 * A sentence is a claim when a source other than the article's own voice
 * asserts something in it: a reporting verb outside the quotations ("said",
 * "warned", "denied", "according to"), with the source as its subject
 * ("Stoltenberg said", "the company said"), after it ("…,” said Keller") or
 * after "according to".  A quotation with no attribution of its own goes on
 * quoting the speaker of the sentence before.  Reporting verbs that are
 * nouns ("his claims"), passives ("is said to"), infinitives ("declined to
 * say") or negated ("did not say") do not make a claim.
 *
 * When a sentence has several sources, the one that reports comes first: an
 * attribution that closes the sentence (", Okafor testified.", ", according
 * to two union officials.") wins over one inside it, and the denier wins
 * over anyone else. */

typedef struct
{
  guint first;   /* the sentence's tokens */
  guint end;
} Range;

static inline GlossTok *
tok (GlossSuggestContext *ctx,
     guint                i)
{
  return ctx_tok (ctx, i);
}

static gboolean
is_word (GlossTok *t)
{
  return t->kind == TOK_WORD;
}

static gboolean
is_punct (GlossTok *t,
          gunichar  c)
{
  return t->kind == TOK_PUNCT && t->ch == c;
}

static gboolean
is_clause_punct (GlossTok *t)
{
  return (t->kind == TOK_PUNCT &&
          (t->ch == ',' || t->ch == ';' || t->ch == ':' || t->ch == '(' || t->ch == ')' ||
           t->ch == 0x2014 || t->ch == 0x2013 || t->ch == '.' || t->ch == '?' || t->ch == '!')) ||
         t->kind == TOK_OPEN_QUOTE || t->kind == TOK_CLOSE_QUOTE;
}

/* -ly adverbs and the auxiliaries that stand between a subject and its verb
 * ("has repeatedly said"). */
static gboolean
is_aux (GlossTok *t)
{
  gsize len;

  if (!is_word (t) || (t->flags & TF_CAP))
    return FALSE;
  if (t->lex & LEX_AUX)
    return TRUE;
  len = strlen (t->lower);
  return len > 4 && g_str_has_suffix (t->lower, "ly") && !(t->lex & (LEX_GROUP | LEX_DET));
}

/* A lower-case word that looks like a finite verb or a participle ("issued",
 * "briefed"): a subject does not run through it. */
static gboolean
is_verbish (GlossTok *t)
{
  if (!is_word (t) || (t->flags & TF_CAP))
    return FALSE;
  if (t->lex & (LEX_BE | LEX_REPORT | LEX_DENY | LEX_DIRECTIVE))
    return TRUE;
  if (gloss_lex_is (t, "has") || gloss_lex_is (t, "have") || gloss_lex_is (t, "had") ||
      gloss_lex_is (t, "will") || gloss_lex_is (t, "would") || gloss_lex_is (t, "can") ||
      gloss_lex_is (t, "could") || gloss_lex_is (t, "did") || gloss_lex_is (t, "does"))
    return TRUE;
  return strlen (t->lower) > 4 && g_str_has_suffix (t->lower, "ed") &&
         !(t->lex & (LEX_GROUP | LEX_TITLE | LEX_DET | LEX_ORG));
}

static gboolean
is_ing_form (GlossTok *t)
{
  return is_word (t) && g_str_has_suffix (t->lower, "ing");
}

static gboolean
that_follows (GlossSuggestContext *ctx,
              Range               *r,
              guint                v)
{
  for (guint k = v + 1; k < r->end && k <= v + 5; k++)
    {
      GlossTok *t = tok (ctx, k);

      if (gloss_lex_is (t, "that") || gloss_lex_is (t, "whether"))
        return TRUE;
      if (t->kind != TOK_WORD)
        return FALSE;
    }
  return FALSE;
}

static gboolean
quote_after (GlossSuggestContext *ctx,
             Range               *r,
             guint                v)
{
  for (guint k = v + 1; k < r->end; k++)
    if (tok (ctx, k)->kind == TOK_OPEN_QUOTE)
      return TRUE;
  return FALSE;
}

static gboolean
quote_before (GlossSuggestContext *ctx,
              Range               *r,
              guint                v)
{
  for (guint k = v > r->first + 5 ? v - 5 : r->first; k < v; k++)
    if (tok (ctx, k)->kind == TOK_CLOSE_QUOTE)
      return TRUE;
  return FALSE;
}

/* "claims", "reports", "promises": words that are nouns as often as verbs. */
static gboolean
can_be_noun (GlossTok *t)
{
  static const char * const nouns[] = {
    "promises", "promise", "notes", "calls", "call", "questions", "worries", "worry", "vows",
    "pledges", "fear", "fears", "denials", "claim", "claims", "report", "reports", "estimates",
    "estimate", "forecast", "alleges", "comments", "concerns", "states", "objects", "counters",
    "replies", "dispute", "disputes", "contest", "rebuts", "expresses", "continues", "repeats",
  };

  if (t->lex & LEX_ACCUSATION)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (nouns); i++)
    if (gloss_lex_is (t, nouns[i]))
      return TRUE;
  return FALSE;
}

/* Whether the reporting word at @v is used as a reporting verb here. */
static gboolean
is_reporting_use (GlossSuggestContext *ctx,
                  Range               *r,
                  guint                v)
{
  GlossTok *t = tok (ctx, v);
  gint p = (gint) v - 1;
  GlossTok *prev = p >= (gint) r->first ? tok (ctx, p) : NULL;
  GlossTok *next = v + 1 < r->end ? tok (ctx, v + 1) : NULL;

  if (t->flags & (TF_QUOTED | TF_CAP))
    return FALSE;
  /* nouns ("promises of"), and "added 20 points", "admitted 1.4 million" */
  if (next != NULL && (gloss_lex_is (next, "of") || next->kind == TOK_NUMBER))
    return FALSE;
  if (prev != NULL && (gloss_lex_is (prev, "to") || can_be_noun (t)) &&
      !(is_ing_form (t) && !gloss_lex_is (prev, "to")) &&
      (gloss_lex_is (prev, "to") || (prev->lex & LEX_DET) ||
       (prev->flags & TF_POSS) || (prev->lex & (LEX_REPORT | LEX_DENY)) ||
       (is_word (prev) && (prev->lex & LEX_ACCUSATION) && !(prev->lex & LEX_GROUP))))
    {
      /* "to say", "the claims", "his claims", "rejects claims"; but not
       * "officials said" */
      if (!(prev->lex & LEX_GROUP) || (prev->lex & LEX_DET))
        return FALSE;
    }
  if (gloss_lex_is (t, "calls") || gloss_lex_is (t, "called") || gloss_lex_is (t, "calling"))
    {
      if (next != NULL && (gloss_lex_is (next, "for") || gloss_lex_is (next, "on") ||
                           gloss_lex_is (next, "off") || gloss_lex_is (next, "up") ||
                           gloss_lex_is (next, "in") || gloss_lex_is (next, "back")))
        return FALSE;
    }
  /* auxiliaries back to the subject: passives and negations */
  for (gint k = p; k >= (gint) r->first; k--)
    {
      GlossTok *a = tok (ctx, k);

      if (a->lex & LEX_NEG)
        return FALSE;               /* "did not say", "would not deny" */
      if (a->lex & LEX_BE)
        {
          /* "was said to", "is seen as", but "was denied by the harbour
           * master" */
          for (guint m = v + 1; m < r->end && m < v + 10; m++)
            if (gloss_lex_is (tok (ctx, m), "by"))
              return TRUE;
          return FALSE;
        }
      if (a->lex & LEX_NO_CLAIM)
        return FALSE;
      if (!is_aux (a))
        break;
    }
  /* "warned people to stay away", "told residents to leave": directives */
  if (gloss_lex_is (t, "warned") || gloss_lex_is (t, "told") || gloss_lex_is (t, "asked") ||
      gloss_lex_is (t, "warns") || gloss_lex_is (t, "tells") || gloss_lex_is (t, "asks") ||
      gloss_lex_is (t, "advised"))
    {
      for (guint m = v + 1; m < r->end && m <= v + 4; m++)
        {
          GlossTok *u = tok (ctx, m);

          if (gloss_lex_is (u, "that") || u->kind != TOK_WORD)
            break;
          if (gloss_lex_is (u, "to") && m > v + 1 && m <= v + 3)
            return FALSE;
        }
    }
  if (t->lex & LEX_REPORT_THAT)
    return that_follows (ctx, r, v) || quote_after (ctx, r, v) || quote_before (ctx, r, v) ||
           (prev != NULL && is_punct (prev, ',') && next != NULL && (next->flags & TF_CAP));
  if (t->lex & LEX_DENY)
    return gloss_suggest_is_denial_verb (ctx, r->first, r->end, v);
  return TRUE;
}

/* The first token of the clause that ends just before @j. */
static guint
clause_start (GlossSuggestContext *ctx,
              Range               *r,
              guint                j)
{
  guint k = j;

  while (k > r->first)
    {
      GlossTok *t = tok (ctx, k - 1);

      if (is_clause_punct (t))
        break;
      if (is_word (t) && !(t->flags & TF_CAP) && (t->lex & LEX_BREAK))
        {
          /* "Norway and Iceland said": "and" between names joins them */
          if (gloss_lex_is (t, "and") && k - 1 > r->first && (tok (ctx, k - 2)->flags & TF_CAP) &&
              (tok (ctx, k)->flags & TF_CAP))
            {
              k--;
              continue;
            }
          break;
        }
      if (j - k >= 14)
        break;
      k--;
    }
  return k;
}

typedef struct
{
  const char *name;
  GlossEntityKind kind;
  glong start;         /* the mention in the block, or -1 */
  glong end;
  gboolean narrator;   /* "we", "I": the article's own voice */
} Speaker;

static void
set_span (GlossSuggestContext *ctx,
          Speaker             *sp,
          guint                first,
          guint                end)
{
  sp->start = tok (ctx, first)->start;
  sp->end = tok (ctx, end - 1)->end;
}

/* "the ministry" → the organisation last named with "Ministry" in its name,
 * else the last organisation. */
static const char *
resolve_generic_org (GlossSuggestContext *ctx,
                     GlossTok            *head)
{
  const char *named = g_hash_table_lookup (ctx->org_words, head->lower);

  if (named != NULL)
    return named;
  /* a firm is often named without a word that says so ("Huawei") */
  if (gloss_lex_is (head, "company") || gloss_lex_is (head, "firm") ||
      gloss_lex_is (head, "group") || (head->lex & LEX_SPOKES))
    return ctx_last_org (ctx);
  return NULL;
}

/* "Vindman and Williams": each surname in a list of speakers named in
 * full when the article gives the full name. */
static const char *
group_name (GlossSuggestContext *ctx,
            guint                first,
            guint                end)
{
  g_autoptr(GString) out = NULL;
  gboolean joined = FALSE;
  guint block = tok (ctx, first)->block;
  glong pos = tok (ctx, first)->start;

  for (guint k = first; k < end; k++)
    if (gloss_lex_is (tok (ctx, k), "and"))
      joined = TRUE;
  if (!joined)
    return gloss_suggest_intern_span (ctx, first, end);

  out = g_string_new (NULL);
  for (guint k = first; k < end; k++)
    {
      GlossTok *t = tok (ctx, k);
      const char *full;
      g_autofree char *gap = NULL;

      if (!is_word (t) || !(t->flags & TF_CAP) || (t->flags & TF_POSS) ||
          (k > first && (tok (ctx, k - 1)->flags & TF_CAP)) ||
          (k + 1 < end && (tok (ctx, k + 1)->flags & TF_CAP)))
        continue;
      full = g_hash_table_lookup (ctx->surnames, t->lower);
      if (full == NULL)
        continue;
      gap = gloss_suggest_dup_text (ctx, block, pos, t->start);
      g_string_append (out, gap);
      g_string_append (out, full);
      pos = t->end;
    }
  {
    g_autofree char *rest = gloss_suggest_dup_text (ctx, block, pos, tok (ctx, end - 1)->end);

    g_string_append (out, rest);
  }
  return g_string_chunk_insert_const (ctx->strings, out->str);
}

/* The speaker a subject phrase [first, end) names. */
static gboolean
speaker_of_phrase (GlossSuggestContext *ctx,
                   guint                first,
                   guint                end,
                   Speaker             *sp)
{
  guint title_end = 0;
  gboolean has_title = FALSE;
  gboolean has_spokes = FALSE;
  guint k;

  /* relative clauses and participles are not part of the source */
  for (k = first; k < end; k++)
    {
      GlossTok *t = tok (ctx, k);

      if (k > first && !(t->flags & (TF_CAP | TF_ALLCAPS)) &&
          ((t->lex & (LEX_RELATIVE | LEX_BE | LEX_REPORT | LEX_DENY | LEX_DIRECTIVE)) ||
           (k == first + 1 && (gloss_lex_is (tok (ctx, first), "he") ||
                               gloss_lex_is (tok (ctx, first), "she") ||
                               gloss_lex_is (tok (ctx, first), "they") ||
                               gloss_lex_is (tok (ctx, first), "it"))) ||
           (is_verbish (t) && !g_str_has_suffix (t->lower, "ed")) ||
           (is_ing_form (t) && strlen (t->lower) > 5 && !(t->lex & (LEX_TITLE | LEX_GROUP)))))
        {
          end = k;
          break;
        }
    }
  /* leading commas and the like */
  while (first < end && !is_word (tok (ctx, first)) && tok (ctx, first)->kind != TOK_NUMBER)
    first++;
  while (end > first && !is_word (tok (ctx, end - 1)))
    end--;
  if (first >= end)
    return FALSE;

  if (end - first == 1 && !(tok (ctx, first)->flags & TF_CAP))
    {
      GlossTok *t = tok (ctx, first);

      set_span (ctx, sp, first, end);
      if (gloss_lex_is (t, "he") || gloss_lex_is (t, "she"))
        {
          sp->name = ctx->last_person;
          sp->kind = ENTITY_PERSON;
          return TRUE;
        }
      if (gloss_lex_is (t, "they"))
        {
          sp->name = ctx->last_plural;
          sp->kind = ENTITY_GROUP;
          return TRUE;
        }
      if (gloss_lex_is (t, "it"))
        {
          sp->name = ctx_last_org (ctx);
          sp->kind = ENTITY_ORG;
          return TRUE;
        }
      if (gloss_lex_is (t, "we") || gloss_lex_is (t, "i") || gloss_lex_is (t, "you"))
        {
          sp->narrator = TRUE;
          return FALSE;
        }
    }
  if (end - first == 1 && tok (ctx, first)->kind == TOK_WORD && gloss_lex_is (tok (ctx, first), "i"))
    {
      sp->narrator = TRUE;
      return FALSE;
    }

  for (k = first; k < end; k++)
    {
      GlossTok *t = tok (ctx, k);

      if (t->lex & LEX_SPOKES)
        has_spokes = TRUE;
      if ((t->lex & LEX_TITLE) && !(t->flags & TF_ALLCAPS))
        {
          has_title = TRUE;
          title_end = k + 1;
        }
    }

  /* "the governor", "the Wikileaks founder": whoever the article gave that
   * title */
  if (has_title && title_end == end && !(tok (ctx, end - 1)->flags & TF_ALLCAPS))
    {
      const char *holder = g_hash_table_lookup (ctx->titles, tok (ctx, end - 1)->lower);

      if (holder != NULL)
        {
          sp->name = holder;
          sp->kind = ENTITY_PERSON;
          set_span (ctx, sp, first, end);
          return TRUE;
        }
    }

  /* "company spokeswoman Lena Brandt", "NATO Secretary-General Jens
   * Stoltenberg": the name after the last title */
  if (has_title && title_end < end && (tok (ctx, title_end)->flags & TF_CAP))
    {
      guint run_end = gloss_suggest_cap_run_end (ctx, title_end, end);

      if (run_end > title_end)
        {
          guint name_first;
          guint org_first = title_end - 1;
          gboolean org_word = FALSE;

          /* "the Swedish Prosecution Authority": a capitalised title inside
           * an organisation's name is part of the name */
          for (guint m = title_end; m < run_end; m++)
            if ((tok (ctx, m)->lex & LEX_ORG) && !(tok (ctx, m)->lex & LEX_TITLE))
              org_word = TRUE;
          while (org_first > first && is_word (tok (ctx, org_first - 1)) &&
                 (tok (ctx, org_first - 1)->flags & TF_CAP))
            org_first--;
          if (org_word && (tok (ctx, title_end - 1)->flags & TF_CAP) &&
              gloss_suggest_cap_run_end (ctx, org_first, end) == run_end)
            {
              sp->name = gloss_suggest_name_of_run (ctx, org_first, run_end, FALSE, &sp->kind,
                                                    &name_first);
              set_span (ctx, sp, name_first, run_end);
              return sp->name != NULL;
            }

          sp->name = gloss_suggest_name_of_run (ctx, title_end, run_end, TRUE, &sp->kind,
                                                &name_first);
          set_span (ctx, sp, name_first, run_end);
          if (sp->name != NULL)
            gloss_suggest_note_title (ctx, tok (ctx, title_end - 1), sp->name, TRUE);
          return sp->name != NULL;
        }
    }

  /* the first capitalised run */
  for (k = first; k < end; k++)
    {
      GlossTok *t = tok (ctx, k);

      if (is_word (t) && (t->flags & TF_CAP) && !(t->lex & LEX_TIME))
        {
          guint run_start = k;
          guint run_end = gloss_suggest_cap_run_end (ctx, k, end);
          guint name_first;
          gboolean noun_after = FALSE;

          if (run_end <= run_start)
            continue;
          /* "one Washington-based trade expert": an adjective, not a name */
          if (run_end == run_start + 1 && run_end < end &&
              (g_str_has_suffix (t->lower, "-based") || g_str_has_suffix (t->lower, "-born")) &&
              is_word (tok (ctx, run_end)) && !(tok (ctx, run_end)->flags & TF_CAP))
            continue;
          /* "Okafor’s supporters", "Democratic lawmakers": a group */
          for (guint m = run_end; m < end; m++)
            {
              GlossTok *u = tok (ctx, m);

              if (!is_word (u) || (u->flags & TF_CAP))
                break;
              if ((u->lex & (LEX_SPOKES | LEX_TITLE)) &&
                  (m + 1 >= end || (tok (ctx, m + 1)->flags & TF_CAP) || (u->lex & LEX_SPOKES)))
                {
                  noun_after = FALSE;
                  break;
                }
              if (gloss_lex_is (u, "of") || gloss_lex_is (u, "for") || gloss_lex_is (u, "in") ||
                  gloss_lex_is (u, "at") || gloss_lex_is (u, "from") || gloss_lex_is (u, "close"))
                break;
              noun_after = TRUE;
            }
          if (noun_after && !has_spokes)
            {
              guint g = first;

              while (g < end && (tok (ctx, g)->lex & LEX_DET) && !(tok (ctx, g)->flags & TF_CAP))
                g++;
              sp->name = group_name (ctx, g, end);
              sp->kind = ENTITY_GROUP;
              set_span (ctx, sp, g, end);
              return TRUE;
            }
          sp->name = gloss_suggest_name_of_run (ctx, run_start, run_end, FALSE, &sp->kind,
                                                &name_first);
          if (sp->name == NULL)
            {
              k = run_end - 1;
              continue;
            }
          set_span (ctx, sp, name_first, run_end);
          return TRUE;
        }
    }

  /* no name: "the company", "a spokesperson", "officials close to the talks" */
  {
    guint g = first;
    GlossTok *head;

    while (g < end && (tok (ctx, g)->lex & LEX_DET))
      g++;
    if (g >= end)
      {
        /* "many have voiced concerns" */
        if (tok (ctx, first)->lex & LEX_GROUP || gloss_lex_is (tok (ctx, first), "many") ||
            gloss_lex_is (tok (ctx, first), "some") || gloss_lex_is (tok (ctx, first), "others"))
          {
            sp->name = gloss_suggest_intern_span (ctx, first, end);
            sp->kind = ENTITY_GROUP;
            set_span (ctx, sp, first, end);
            return TRUE;
          }
        return FALSE;
      }
    /* "His office said": the office of the person last named */
    if (g == first + 1 && end == g + 1 &&
        (gloss_lex_is (tok (ctx, first), "his") || gloss_lex_is (tok (ctx, first), "her")) &&
        ctx->last_person != NULL)
      {
        g_autofree char *noun = gloss_suggest_dup_text (ctx, tok (ctx, g)->block,
                                                        tok (ctx, g)->start, tok (ctx, g)->end);
        g_autofree char *name = g_strdup_printf ("%s’s %s", ctx->last_person, noun);

        sp->name = g_string_chunk_insert_const (ctx->strings, name);
        sp->kind = ENTITY_GROUP;
        set_span (ctx, sp, first, end);
        return TRUE;
      }
    head = tok (ctx, end - 1);
    /* the head noun is the last word before "of", "close to"… */
    for (guint m = g; m < end; m++)
      {
        GlossTok *u = tok (ctx, m);

        if (gloss_lex_is (u, "of") || gloss_lex_is (u, "close") || gloss_lex_is (u, "in") ||
            gloss_lex_is (u, "at") || gloss_lex_is (u, "from") || gloss_lex_is (u, "with") ||
            gloss_lex_is (u, "familiar") || gloss_lex_is (u, "for") || gloss_lex_is (u, "on"))
          {
            if (m > g)
              head = tok (ctx, m - 1);
            break;
          }
      }
    set_span (ctx, sp, first, end);
    /* "the company", "the ministry", "a spokesperson": the organisation;
     * "the teachers’ union" stays as written */
    if (((head->lex & LEX_ORG) || (head->lex & LEX_SPOKES)) && !(head->lex & LEX_GROUP) &&
        (tok (ctx, first)->lex & LEX_DET) && g + 1 == end)
      {
        sp->name = resolve_generic_org (ctx, head);
        sp->kind = ENTITY_ORG;
        if (sp->name != NULL)
          return TRUE;
      }
    sp->name = gloss_suggest_intern_span (ctx, g, end);
    sp->kind = ENTITY_GROUP;
    set_span (ctx, sp, g, end);
    return TRUE;
  }
}

/* The subject after an inverted verb: "…,” said Maria Keller, the city’s
 * lawyer." or ", reports Wee."  Never the listener of "told". */
static gboolean
speaker_after (GlossSuggestContext *ctx,
               Range               *r,
               guint                v,
               Speaker             *sp)
{
  guint k = v + 1;
  guint e;
  GlossTok *first;

  if (g_str_has_prefix (tok (ctx, v)->lower, "tel") || gloss_lex_is (tok (ctx, v), "told") ||
      is_ing_form (tok (ctx, v)))
    return FALSE;
  while (k < r->end && (tok (ctx, k)->lex & LEX_TIME) && !(tok (ctx, k)->flags & TF_CAP))
    k++;
  if (k >= r->end)
    return FALSE;
  first = tok (ctx, k);
  if (!(first->kind == TOK_WORD &&
        ((first->flags & TF_CAP) || (first->lex & LEX_DET) || gloss_lex_is (first, "he") ||
         gloss_lex_is (first, "she") || gloss_lex_is (first, "they"))))
    return FALSE;
  for (e = k; e < r->end && e < k + 12; e++)
    {
      GlossTok *t = tok (ctx, e);

      if (is_clause_punct (t) || ((t->lex & LEX_TIME) && (t->flags & TF_CAP)) ||
          gloss_lex_is (t, "on") || gloss_lex_is (t, "in") || gloss_lex_is (t, "at") ||
          gloss_lex_is (t, "during") || gloss_lex_is (t, "per"))
        break;
      if (gloss_lex_is (t, "that") || (e > k && is_verbish (t)))
        return FALSE;
    }
  return e > k && speaker_of_phrase (ctx, k, e, sp);
}

/* An apposition after a name: ", a NASA scientist,", ", who consults…,",
 * ", Indiana’s schools chief,", ", 48,". */
static gboolean
is_apposition (GlossSuggestContext *ctx,
               guint                first,
               guint                end)
{
  GlossTok *t;

  if (first >= end)
    return FALSE;
  t = tok (ctx, first);
  if (t->kind == TOK_NUMBER)
    return TRUE;
  if (t->kind != TOK_WORD)
    return FALSE;
  if (t->flags & TF_POSS)
    return TRUE;
  for (guint k = first; k < end; k++)
    if ((tok (ctx, k)->flags & TF_POSS) && (tok (ctx, k)->flags & TF_CAP))
      return TRUE;
  /* "Edmunds’ executive director of industry analysis" */
  if (!(tok (ctx, end - 1)->flags & TF_CAP))
    for (guint k = first; k < end; k++)
      if ((tok (ctx, k)->lex & LEX_TITLE) && !(tok (ctx, k)->flags & TF_CAP))
        return TRUE;
  return !(t->flags & TF_CAP) || (t->lex & (LEX_DET | LEX_RELATIVE | LEX_TITLE));
}

/* "Omar Lamrani, a senior analyst at Stratfor, the intelligence firm, told…":
 * back over the appositions to the name they describe.  @comma is the comma
 * just before the verb. */
static gboolean
speaker_before_appositions (GlossSuggestContext *ctx,
                            Range               *r,
                            guint                comma,
                            Speaker             *sp)
{
  guint seg_end = comma;

  for (int n = 0; n < 4; n++)
    {
      guint seg_start = seg_end;

      while (seg_start > r->first)
        {
          GlossTok *c = tok (ctx, seg_start - 1);

          if (c->kind == TOK_CLOSE_QUOTE || c->kind == TOK_OPEN_QUOTE ||
              (c->kind == TOK_PUNCT && (c->ch == ',' || c->ch == ';' || c->ch == ':' ||
                                        c->ch == 0x2014 || c->ch == '(' || c->ch == ')')))
            break;
          seg_start--;
        }
      if (seg_start >= seg_end)
        return FALSE;
      if (!is_apposition (ctx, seg_start, seg_end) || seg_start == r->first ||
          !is_punct (tok (ctx, seg_start - 1), ','))
        {
          if (is_apposition (ctx, seg_start, seg_end) && seg_start != r->first)
            return FALSE;
          /* "But according to NPR’s Feng, Li Jifeng, a doctor…": the last
           * words of the segment, after any leading phrase */
          return speaker_of_phrase (ctx, clause_start (ctx, r, seg_end), seg_end, sp);
        }
      seg_end = seg_start - 1;
    }
  return FALSE;
}

/* The subject of the first clause of the sentence: "Vietnam … has accused
 * Beijing", the subject of "accused" after "and". */
static gboolean
main_subject (GlossSuggestContext *ctx,
              Range               *r,
              guint                limit,
              Speaker             *sp)
{
  guint k = r->first;

  /* a leading phrase ends at its comma: "On Tuesday, the company said…" */
  if (k < limit && (tok (ctx, k)->lex & LEX_PREP))
    {
      for (guint m = k; m < limit; m++)
        if (is_punct (tok (ctx, m), ','))
          {
            k = m + 1;
            break;
          }
    }
  for (guint m = k + 1; m < limit; m++)
    if (is_verbish (tok (ctx, m)) || is_clause_punct (tok (ctx, m)))
      return speaker_of_phrase (ctx, k, m, sp);
  return FALSE;
}

/* The subject of the verb at @v. */
static gboolean
find_speaker (GlossSuggestContext *ctx,
              Range               *r,
              guint                v,
              Speaker             *sp)
{
  gint j = (gint) v - 1;
  GlossTok *t;
  guint cs;

  while (j >= (gint) r->first && is_aux (tok (ctx, j)))
    j--;
  /* a passive with its agent: "was denied by the harbour master" */
  if (j >= (gint) r->first && (tok (ctx, j)->lex & LEX_BE))
    {
      for (guint k = v + 1; k < r->end && k < v + 10; k++)
        if (gloss_lex_is (tok (ctx, k), "by"))
          {
            guint e = k + 1;

            while (e < r->end && !is_clause_punct (tok (ctx, e)) &&
                   !(tok (ctx, e)->lex & (LEX_BREAK | LEX_RELATIVE)))
              e++;
            return speaker_of_phrase (ctx, k + 1, e, sp);
          }
      return FALSE;
    }
  if (j < (gint) r->first)
    return speaker_after (ctx, r, v, sp);
  t = tok (ctx, j);
  /* "…,” said Keller", ", reports Wee" */
  if (t->kind == TOK_CLOSE_QUOTE || is_punct (t, ',') || is_punct (t, 0x2014))
    {
      if (speaker_after (ctx, r, v, sp))
        return TRUE;
      if (is_punct (t, ','))
        return speaker_before_appositions (ctx, r, (guint) j, sp);
      return FALSE;
    }
  cs = clause_start (ctx, r, (guint) j + 1);
  /* "Assange, who denies the accusation, …" */
  if (cs > r->first + 1 && (tok (ctx, cs - 1)->lex & LEX_RELATIVE) &&
      is_punct (tok (ctx, cs - 2), ','))
    return speaker_before_appositions (ctx, r, cs - 2, sp) ||
           speaker_of_phrase (ctx, clause_start (ctx, r, cs - 2), cs - 2, sp);
  if (cs > r->first && cs == (guint) j + 1 && (tok (ctx, cs - 1)->lex & LEX_RELATIVE))
    return FALSE;
  /* "Independent economists who have studied the figures say": the noun
   * before a restrictive relative clause */
  if (cs > r->first && (tok (ctx, cs - 1)->lex & LEX_RELATIVE) &&
      !(tok (ctx, cs - 1)->flags & TF_ALLCAPS))
    {
      guint rel = cs - 1;

      return speaker_of_phrase (ctx, clause_start (ctx, r, rel), rel, sp);
    }
  /* "Vietnam … and has accused Beijing": the subject of the sentence */
  if (cs > r->first && (guint) j + 1 == cs &&
      (gloss_lex_is (tok (ctx, cs - 1), "and") || gloss_lex_is (tok (ctx, cs - 1), "but")))
    return main_subject (ctx, r, cs - 1, sp);
  /* "the company issued a statement saying …": the subject of the clause */
  if (is_ing_form (tok (ctx, v)))
    {
      for (guint k = cs; k < (guint) j + 1; k++)
        if (is_verbish (tok (ctx, k)) && k > cs)
          return speaker_of_phrase (ctx, cs, k, sp);
      /* ", saying": the clause before the comma */
      if (cs > r->first && is_punct (tok (ctx, cs - 1), ','))
        return main_subject (ctx, r, cs - 1, sp);
    }
  return speaker_of_phrase (ctx, cs, (guint) j + 1, sp);
}

/* "according to X": X up to the end of its phrase; data takes its
 * provider ("figures from the Eastfield Statistics Office"). */
static gboolean
speaker_according_to (GlossSuggestContext *ctx,
                      Range               *r,
                      guint                to,
                      Speaker             *sp)
{
  guint k = to + 1;
  guint e;

  for (e = k; e < r->end; e++)
    {
      GlossTok *t = tok (ctx, e);

      if (is_clause_punct (t) || gloss_lex_is (t, "that") ||
          ((t->lex & LEX_RELATIVE) && !(t->flags & TF_ALLCAPS)))
        break;
    }
  for (guint m = k; m + 1 < e; m++)
    {
      GlossTok *u = tok (ctx, m);

      if ((gloss_lex_is (u, "from") || gloss_lex_is (u, "by")) && m > k)
        {
          if (speaker_of_phrase (ctx, m + 1, e, sp))
            return TRUE;
        }
    }
  return e > k && speaker_of_phrase (ctx, k, e, sp);
}

/* Whether the source named from @k to the end of its phrase is an outlet
 * or a reporter that only relays ("Reuters", "Sui-Lee Wee of the New York
 * Times", "NPR’s Feng"). */
static gboolean
is_channel (GlossSuggestContext *ctx,
            Range               *r,
            guint                k)
{
  for (guint m = k; m < r->end; m++)
    {
      GlossTok *t = tok (ctx, m);

      if (is_clause_punct (t))
        break;
      if (t->kind == TOK_WORD && (t->lex & LEX_OUTLET) &&
          ((t->flags & TF_CAP) || (t->flags & TF_ALLCAPS)))
        return TRUE;
    }
  return FALSE;
}

/* A verb whose clause closes the sentence: ", Okafor testified." */
static gboolean
is_trailing (GlossSuggestContext *ctx,
             Range               *r,
             guint                v)
{
  guint cs = clause_start (ctx, r, v);

  if (cs == r->first || is_ing_form (tok (ctx, v)))
    return FALSE;
  if (!(is_punct (tok (ctx, cs - 1), ',') || tok (ctx, cs - 1)->kind == TOK_CLOSE_QUOTE))
    return FALSE;
  for (guint k = v + 1; k < r->end; k++)
    {
      GlossTok *t = tok (ctx, k);

      if (gloss_lex_is (t, "that") || t->kind == TOK_OPEN_QUOTE || (t->lex & LEX_REPORT))
        return FALSE;
    }
  return TRUE;
}

void
gloss_suggest_attribute (GlossSuggestContext *ctx,
                         guint                index)
{
  GlossSentence *s = ctx_sentence (ctx, index);
  Range r = { s->first_tok, s->first_tok + s->n_toks };
  gint chosen = -1;
  gint according = -1;
  gint deny = -1;
  gint per = -1;
  gboolean chosen_trailing = FALSE;
  Speaker sp = { NULL, ENTITY_NONE, -1, -1, FALSE };
  gboolean found = FALSE;

  s->report_tok = -1;
  s->deny_tok = -1;
  s->answers = -1;
  s->answers_start = s->answers_end = -1;
  s->speaker_start = s->speaker_end = -1;

  /* a question in the article's own voice ("What did the prosecutors
   * say?") reports nobody */
  if (r.end > r.first && is_punct (tok (ctx, r.end - 1), '?') && !s->has_quote)
    r.end = r.first;

  for (guint i = r.first; i < r.end; i++)
    {
      GlossTok *t = tok (ctx, i);

      if (!is_word (t) || (t->flags & TF_QUOTED))
        continue;
      if (gloss_lex_is (t, "according") && i + 1 < r.end && gloss_lex_is (tok (ctx, i + 1), "to"))
        {
          if (according < 0 || is_trailing (ctx, &r, i))
            according = (gint) i + 1;
          continue;
        }
      /* "per the WHO": a source, though often only the channel */
      if (gloss_lex_is (t, "per") && i + 1 < r.end && i > r.first &&
          is_punct (tok (ctx, i - 1), ',') &&
          ((tok (ctx, i + 1)->flags & TF_CAP) || gloss_lex_is (tok (ctx, i + 1), "the")))
        {
          if (per < 0)
            per = (gint) i;
          continue;
        }
      /* "has ruled out arson" */
      if ((gloss_lex_is (t, "ruled") || gloss_lex_is (t, "rules") || gloss_lex_is (t, "rule")) &&
          i + 1 < r.end && gloss_lex_is (tok (ctx, i + 1), "out") && i > r.first &&
          !gloss_lex_is (tok (ctx, i - 1), "to") && !(tok (ctx, i - 1)->lex & (LEX_BE | LEX_NEG)))
        {
          if (deny < 0)
            deny = (gint) i;
          if (chosen < 0)
            chosen = (gint) i;
          continue;
        }
      if (!(t->lex & (LEX_REPORT | LEX_REPORT_THAT | LEX_DENY)))
        continue;
      if (!is_reporting_use (ctx, &r, i))
        continue;
      if ((t->lex & LEX_DENY) && deny < 0)
        deny = (gint) i;
      if (chosen < 0)
        chosen = (gint) i;
      else if (!chosen_trailing && is_trailing (ctx, &r, i))
        {
          chosen = (gint) i;
          chosen_trailing = TRUE;
        }
    }

  /* names before the verb, so "When President Ashraf Ghani announced…, he
   * said" is Ghani */
  {
    gint upto = chosen;

    if (deny >= 0 && (upto < 0 || deny < upto))
      upto = deny;
    if (upto > (gint) r.first)
      gloss_suggest_note_mentions (ctx, r.first, (guint) upto);
  }

  if (deny >= 0)
    {
      found = find_speaker (ctx, &r, (guint) deny, &sp);
      if (found && sp.name != NULL)
        chosen = deny;
      else if (chosen == deny)
        found = FALSE;
    }
  /* the source that reports comes first, unless it is only the channel
   * ("…, according to Reuters") */
  if (!found && according >= 0 &&
      (chosen < 0 || !is_channel (ctx, &r, (guint) according + 1)))
    found = speaker_according_to (ctx, &r, (guint) according, &sp);
  if (!found && chosen >= 0)
    found = find_speaker (ctx, &r, (guint) chosen, &sp);
  if (!found && according >= 0)
    found = speaker_according_to (ctx, &r, (guint) according, &sp);
  if (!found && per >= 0 && chosen < 0)
    {
      found = speaker_according_to (ctx, &r, (guint) per, &sp);
      according = found ? per : according;
    }

  /* names in the sentence, up to the speaker, for "he" and "the company" */
  if (sp.narrator)
    return;

  if (chosen >= 0 || according >= 0)
    {
      s->labels |= GLOSS_SUGGEST_CLAIM;
      s->claim_score = sp.name != NULL ? 0.9 : 0.6;
      s->report_tok = chosen >= 0 ? chosen : according;
    }
  else if (s->has_quote && index > 0)
    {
      /* a quotation that goes on quoting the speaker before it */
      GlossSentence *prev = ctx_sentence (ctx, index - 1);
      GlossTok *first = tok (ctx, r.first);

      if ((prev->labels & GLOSS_SUGGEST_CLAIM) && prev->speaker != NULL &&
          (s->all_quote || first->kind == TOK_OPEN_QUOTE) &&
          (prev->block == s->block || prev->open_at_end || prev->has_quote))
        {
          s->labels |= GLOSS_SUGGEST_CLAIM;
          s->claim_score = 0.7;
          sp.name = prev->speaker;
          sp.kind = prev->speaker_kind;
        }
    }

  gloss_suggest_note_mentions (ctx, r.first, r.end);
  if (s->labels & GLOSS_SUGGEST_CLAIM)
    {
      s->speaker = sp.name != NULL ? g_strdup (sp.name) : NULL;
      s->speaker_kind = sp.kind;
      s->speaker_start = sp.start;
      s->speaker_end = sp.end;
      gloss_suggest_remember (ctx, sp.name, sp.kind);
    }
}
