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
  for (guint k = r->first; k < v; k++)
    if (tok (ctx, k)->kind == TOK_CLOSE_QUOTE)
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

  if ((t->flags & (TF_QUOTED | TF_CAP)) && !(v == r->first && !(t->flags & TF_QUOTED)))
    return FALSE;
  if (prev != NULL && !(is_ing_form (t) && !gloss_lex_is (prev, "to")) &&
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
          /* "was said to", "is seen as", but "was denied by the harbour master" */
          return next != NULL && gloss_lex_is (next, "by");
        }
      if (a->lex & LEX_NO_CLAIM)
        return FALSE;
      if (!is_aux (a))
        break;
    }
  if (t->lex & LEX_REPORT_THAT)
    return that_follows (ctx, r, v) || quote_after (ctx, r, v) || quote_before (ctx, r, v);
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
  (void) head;
  return ctx_last_org (ctx);
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

      if (k > first && ((t->lex & LEX_RELATIVE) || (is_verbish (t) && !(t->flags & TF_CAP))))
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

  /* "company spokeswoman Lena Brandt", "NATO Secretary-General Jens
   * Stoltenberg": the name after the last title */
  if (has_title && title_end < end && (tok (ctx, title_end)->flags & TF_CAP))
    {
      guint run_end = gloss_suggest_cap_run_end (ctx, title_end, end);

      if (run_end > title_end)
        {
          guint name_first;

          sp->name = gloss_suggest_name_of_run (ctx, title_end, run_end, TRUE, &sp->kind,
                                                &name_first);
          set_span (ctx, sp, name_first, run_end);
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
          /* "Okafor’s supporters", "Democratic lawmakers": a group */
          for (guint m = run_end; m < end; m++)
            {
              GlossTok *u = tok (ctx, m);

              if (!is_word (u) || (u->flags & TF_CAP))
                break;
              if (u->lex & (LEX_SPOKES | LEX_TITLE))
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
              sp->name = gloss_suggest_intern_span (ctx, g, end);
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
      return FALSE;
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
    if (((head->lex & LEX_ORG) || (head->lex & LEX_SPOKES)) && !(head->lex & LEX_GROUP) &&
        ctx_last_org (ctx) != NULL && (tok (ctx, first)->lex & LEX_DET))
      {
        sp->name = resolve_generic_org (ctx, head);
        sp->kind = ENTITY_ORG;
        return TRUE;
      }
    sp->name = gloss_suggest_intern_span (ctx, g, end);
    sp->kind = ENTITY_GROUP;
    set_span (ctx, sp, g, end);
    return TRUE;
  }
}

/* The subject after an inverted verb: "…,” said Maria Keller, the city’s
 * lawyer." */
static gboolean
speaker_after (GlossSuggestContext *ctx,
               Range               *r,
               guint                v,
               Speaker             *sp)
{
  guint k = v + 1;
  guint e;

  while (k < r->end && (tok (ctx, k)->lex & LEX_TIME) && !(tok (ctx, k)->flags & TF_CAP))
    k++;
  for (e = k; e < r->end && e < k + 12; e++)
    {
      GlossTok *t = tok (ctx, e);

      if (is_clause_punct (t) || gloss_lex_is (t, "that") || gloss_lex_is (t, "on") ||
          ((t->lex & LEX_TIME) && (t->flags & TF_CAP)))
        break;
    }
  return e > k && speaker_of_phrase (ctx, k, e, sp);
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
  if (j < (gint) r->first)
    return speaker_after (ctx, r, v, sp);
  t = tok (ctx, j);
  /* "…,” said Keller" and ", said Keller" */
  if (t->kind == TOK_CLOSE_QUOTE || is_punct (t, ',') || is_punct (t, 0x2014))
    {
      if (v + 1 < r->end && speaker_after (ctx, r, v, sp))
        return TRUE;
      /* "Maria Keller, the city’s lawyer, said": the name before the
       * apposition */
      if (is_punct (t, ','))
        {
          for (gint k = j - 1; k > (gint) r->first && k > j - 25; k--)
            {
              GlossTok *c = tok (ctx, k);

              if (c->kind == TOK_CLOSE_QUOTE || c->kind == TOK_OPEN_QUOTE)
                break;
              if (is_punct (c, ','))
                {
                  cs = clause_start (ctx, r, (guint) k);
                  if ((guint) k > cs && speaker_of_phrase (ctx, cs, (guint) k, sp))
                    return TRUE;
                  break;
                }
            }
        }
      return FALSE;
    }
  /* "the company issued a statement saying …": the subject of the clause */
  cs = clause_start (ctx, r, (guint) j + 1);
  if (is_ing_form (tok (ctx, v)))
    {
      for (guint k = cs; k < (guint) j + 1; k++)
        if (is_verbish (tok (ctx, k)) && k > cs)
          return speaker_of_phrase (ctx, cs, k, sp);
      /* ", saying": the clause before the comma */
      if (cs > r->first && is_punct (tok (ctx, cs - 1), ','))
        {
          guint cs2 = clause_start (ctx, r, cs - 1);

          for (guint k = cs2; k < cs - 1; k++)
            if (is_verbish (tok (ctx, k)) && k > cs2)
              return speaker_of_phrase (ctx, cs2, k, sp);
        }
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

      if (is_clause_punct (t) || gloss_lex_is (t, "that") || (t->lex & LEX_RELATIVE))
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

/* A verb whose clause closes the sentence: ", Okafor testified." */
static gboolean
is_trailing (GlossSuggestContext *ctx,
             Range               *r,
             guint                v)
{
  guint cs = clause_start (ctx, r, v);

  if (cs == r->first)
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
  gboolean chosen_trailing = FALSE;
  Speaker sp = { NULL, ENTITY_NONE, -1, -1, FALSE };
  gboolean found = FALSE;

  s->report_tok = -1;
  s->deny_tok = -1;
  s->answers = -1;
  s->answers_start = s->answers_end = -1;
  s->speaker_start = s->speaker_end = -1;

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

  if (deny >= 0)
    {
      found = find_speaker (ctx, &r, (guint) deny, &sp);
      if (found && sp.name != NULL)
        chosen = deny;
      else if (chosen == deny)
        found = FALSE;
    }
  if (!found && according >= 0 &&
      (chosen < 0 || is_trailing (ctx, &r, (guint) according - 1)))
    found = speaker_according_to (ctx, &r, (guint) according, &sp);
  if (!found && chosen >= 0)
    found = find_speaker (ctx, &r, (guint) chosen, &sp);

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
