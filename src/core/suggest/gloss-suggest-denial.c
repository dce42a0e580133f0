/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-suggest"

#include "config.h"

#include <string.h>

#include "gloss-suggest-private.h"

/* Denials: a reported party denies, rejects, disputes or dismisses a claim
 * or an accusation.
 *
 * A denial verb counts when what it takes is a claim ("rejects accusations
 * that…", "denied that…", "dismissed the report as…", "denied ever meeting
 * him"), not an offer, a bill or a person ("rejected the offer", "was denied
 * bail").  In a claim, phrases such as "no evidence that", "not true",
 * "baseless" or "categorically" deny too, quoted or not.
 *
 * What a denial answers is the clause it names ("accusations that …", "no
 * evidence that …") when it names one, and the nearest earlier claim by
 * someone else otherwise. */

static inline GlossTok *
tok (GlossSuggestContext *ctx,
     guint                i)
{
  return ctx_tok (ctx, i);
}

/* What a denial verb must not take: "denied bail", "rejected the offer". */
static const char * const not_denied[] = {
  "bail", "entry", "access", "permission", "permit", "permits", "visa", "visas", "request",
  "requests", "application", "applications", "service", "benefits", "care", "treatment",
  "parole", "right", "rights", "chance", "hearing", "offer", "offers", "proposal", "proposals",
  "bill", "bills", "plan", "plans", "deal", "deals", "bid", "bids", "appeal", "appeals",
  "motion", "motions", "case", "cases", "lawsuit", "lawsuits", "suit", "candidate",
  "candidates", "nomination", "nominee", "amendment", "budget", "invitation", "settlement",
  "demand", "demands", "call", "calls", "resignation", "measure", "legislation", "petition",
  "complaint", "complaints", "charges", "charge", "employee", "staff", "coach", "manager",
  "compromise", "terms", "ceasefire", "peace", "talks", "entry", "reforms", "reform",
  "merger", "takeover", "vote", "votes", "ballot", "referendum", "cuts", "increase",
  NULL
};

static gboolean
in_list (const char *word,
         const char * const *list)
{
  for (; *list; list++)
    if (strcmp (word, *list) == 0)
      return TRUE;
  return FALSE;
}

gboolean
gloss_suggest_is_denial_verb (GlossSuggestContext *ctx,
                              guint                first,
                              guint                end,
                              guint                i)
{
  GlossTok *t = tok (ctx, i);
  gboolean deny_word = g_str_has_prefix (t->lower, "den");
  gboolean strong = deny_word || g_str_has_prefix (t->lower, "refut") ||
                    g_str_has_prefix (t->lower, "rebut") || g_str_has_prefix (t->lower, "disavow") ||
                    g_str_has_prefix (t->lower, "repudiat");

  (void) first;
  /* what the verb takes, up to the end of its phrase */
  for (guint k = i + 1; k < end && k <= i + 7; k++)
    {
      GlossTok *u = tok (ctx, k);

      if (u->kind == TOK_OPEN_QUOTE || u->kind == TOK_CLOSE_QUOTE)
        return strong || g_str_has_prefix (t->lower, "dismiss") ||
               g_str_has_prefix (t->lower, "disput");
      if (u->kind == TOK_PUNCT)
        return strong;
      if (u->kind != TOK_WORD)
        continue;
      if (in_list (u->lower, not_denied))
        return FALSE;
      if ((u->lex & LEX_ACCUSATION) || gloss_lex_is (u, "that") || gloss_lex_is (u, "as") ||
          gloss_lex_is (u, "ever") || gloss_lex_is (u, "any") || gloss_lex_is (u, "wrongdoing") ||
          gloss_lex_is (u, "having") || gloss_lex_is (u, "being") || gloss_lex_is (u, "this") ||
          gloss_lex_is (u, "it") || gloss_lex_is (u, "these") || gloss_lex_is (u, "those") ||
          g_str_has_suffix (u->lower, "ing"))
        return TRUE;
      if (k > i + 3)
        break;
    }
  return strong;
}

/* Phrases that deny in a claim, even inside its quotation.  Each is a run of
 * lower-case words. */
const char * const gloss_suggest_denial_phrases[] = {
  "no evidence", "not true", "untrue", "baseless", "categorically", "unfounded", "groundless",
  "without merit", "no merit", "without foundation", "no basis", "fake news", "nonsense",
  "not the case", "no truth", "never happened", "did not happen", "didn’t happen",
  "fabricated", "fabrication", "false", "inaccurate", "incorrect", "not accurate", "misleading",
  "no wrongdoing", "did nothing wrong", "had nothing to do", "no link", "no connection",
  "no indication", "not aware of any", "ruled out", "rules out", "rule out", "pushed back",
  "push back", "pushes back", "not involved", "lies", "lie", "smear", "absurd", "ridiculous",
  "mischaracterization", "mischaracterisation", "distortion", "do not indicate",
  "does not indicate", "did not indicate", "no proof", "not supported", "never said",
  "is wrong", "are wrong", "was wrong", "were wrong", "simply wrong", "debunked", "debunk",
  /* what a party calls an accusation it rejects */
  "charade", "hoax", "witch hunt", "witch-hunt", "illegitimate", "politically motivated",
  "conspiracy theory", "conspiracy theories", "falsely", "no role", "nothing to do with",
  NULL
};

/* The phrases, split into words once. */
static GStrv *
split_phrases (void)
{
  static gsize once = 0;
  static GStrv *split;

  if (g_once_init_enter (&once))
    {
      split = g_new0 (GStrv, G_N_ELEMENTS (gloss_suggest_denial_phrases));
      for (guint i = 0; gloss_suggest_denial_phrases[i]; i++)
        split[i] = g_strsplit (gloss_suggest_denial_phrases[i], " ", -1);
      g_once_init_leave (&once, 1);
    }
  return split;
}

/* Whether a phrase starts at token @i; returns its last token, or -1. */
static gint
phrase_at (GlossSuggestContext *ctx,
           guint                i,
           guint                end,
           char               **words)
{
  guint k = i;

  for (char **w = words; *w; w++, k++)
    {
      if (k >= end || tok (ctx, k)->kind != TOK_WORD || strcmp (tok (ctx, k)->lower, *w) != 0)
        return -1;
    }
  return (gint) k - 1;
}

/* "accusations that …", "no evidence that …", "denied that …": the clause
 * from "that" to the end of its sentence or quotation. */
static gboolean
named_clause (GlossSuggestContext *ctx,
              GlossSentence       *s,
              guint                from)
{
  guint end = s->first_tok + s->n_toks;

  for (guint k = from; k < end && k <= from + 4; k++)
    {
      GlossTok *u = tok (ctx, k);

      if (u->kind == TOK_CLOSE_QUOTE || (u->kind == TOK_PUNCT && u->ch != '-'))
        return FALSE;
      if (gloss_lex_is (u, "that") && k + 1 < end)
        {
          guint e = k + 1;

          while (e < end)
            {
              GlossTok *w = tok (ctx, e);

              if (w->kind == TOK_CLOSE_QUOTE || w->kind == TOK_OPEN_QUOTE ||
                  (w->kind == TOK_PUNCT && (w->ch == '.' || w->ch == ';' || w->ch == ',' ||
                                            w->ch == '?' || w->ch == '!' || w->ch == 0x2014)))
                break;
              e++;
            }
          if (e <= k + 1)
            return FALSE;
          s->answers_block = s->block;
          s->answers_start = u->start;
          s->answers_end = tok (ctx, e - 1)->end;
          return TRUE;
        }
    }
  return FALSE;
}

void
gloss_suggest_find_denial (GlossSuggestContext *ctx,
                           guint                index)
{
  GlossSentence *s = ctx_sentence (ctx, index);
  guint first = s->first_tok;
  guint end = first + s->n_toks;
  gint deny = -1;
  gint after = -1;

  if (!(s->labels & GLOSS_SUGGEST_CLAIM))
    return;

  if (s->report_tok >= 0 && ((tok (ctx, (guint) s->report_tok)->lex & LEX_DENY) ||
                              gloss_lex_is (tok (ctx, (guint) s->report_tok + 1), "out")))
    {
      deny = s->report_tok;
      after = deny + 1;
    }
  for (guint i = first; deny < 0 && i < end; i++)
    {
      GlossTok *t = tok (ctx, i);

      if (t->kind != TOK_WORD)
        continue;
      /* quoted too: "“I rejected his tampering story,” Keller testified." */
      if ((t->lex & LEX_DENY) && gloss_suggest_is_denial_verb (ctx, first, end, i))
        {
          gint p = (gint) i - 1;

          /* not "was denied bail", not "the disputed" */
          if (p >= (gint) first && ((tok (ctx, p)->lex & (LEX_DET | LEX_BE)) ||
                                    gloss_lex_is (tok (ctx, p), "to")))
            continue;
          deny = (gint) i;
          after = deny + 1;
          break;
        }
      /* "“Not the U.S. nor its allies are preventing …”": a list of those
       * accused, each denied */
      if (gloss_lex_is (t, "nor"))
        {
          for (gint m = (gint) i - 1; m >= (gint) first && m >= (gint) i - 12; m--)
            if (gloss_lex_is (tok (ctx, (guint) m), "not") ||
                gloss_lex_is (tok (ctx, (guint) m), "neither"))
              {
                deny = m;
                after = (gint) i + 1;
                break;
              }
          if (deny >= 0)
            break;
        }
      /* "no epidemiological evidence", "no such proof" */
      if (gloss_lex_is (t, "no"))
        {
          for (guint m = i + 2; m < end && m <= i + 3; m++)
            {
              GlossTok *u = tok (ctx, m);

              if (gloss_lex_is (u, "evidence") || gloss_lex_is (u, "proof") ||
                  gloss_lex_is (u, "indication") || gloss_lex_is (u, "basis"))
                {
                  deny = (gint) i;
                  after = (gint) m + 1;
                  break;
                }
              if (u->kind != TOK_WORD)
                break;
            }
          if (deny >= 0)
            break;
        }
      for (GStrv *ph = split_phrases (); (t->lex & LEX_PHRASE) && *ph; ph++)
        {
          gint last = phrase_at (ctx, i, end, *ph);

          if (last >= 0)
            {
              /* "false" describes an accusation in "false claims" when a
               * noun follows it */
              if (g_str_equal ((*ph)[0], "false") && (guint) last + 1 < end &&
                  (tok (ctx, last + 1)->lex & LEX_ACCUSATION))
                continue;
              deny = (gint) i;
              after = last + 1;
              break;
            }
        }
    }
  if (deny < 0)
    {
      /* a denier going on denying: "“The U.S. does not control anyone
       * there,” Simpson said." after Simpson called the allegations false */
      for (gint k = (gint) index - 1; k >= 0 && k >= (gint) index - 3; k--)
        {
          GlossSentence *e = ctx_sentence (ctx, (guint) k);

          if (!(e->labels & GLOSS_SUGGEST_CLAIM) || e->speaker == NULL || s->speaker == NULL ||
              strcmp (e->speaker, s->speaker) != 0)
            break;
          if (e->labels & GLOSS_SUGGEST_DENIAL)
            {
              for (guint i = first; i < end; i++)
                if (tok (ctx, i)->lex & LEX_NEG)
                  {
                    s->labels |= GLOSS_SUGGEST_DENIAL;
                    s->denial_score = 0.6;
                    s->answers = e->answers;
                    s->answers_block = e->answers_block;
                    s->answers_start = e->answers_start;
                    s->answers_end = e->answers_end;
                    return;
                  }
              break;
            }
        }
      return;
    }

  s->labels |= GLOSS_SUGGEST_DENIAL;
  s->denial_score = s->report_tok == deny ? 0.85 : 0.7;
  s->deny_tok = deny;

  /* what it answers: the clause it names, and the earlier claim */
  named_clause (ctx, s, (guint) after);
  for (gint k = (gint) index - 1; k >= 0 && k >= (gint) index - 8; k--)
    {
      GlossSentence *e = ctx_sentence (ctx, (guint) k);

      if ((e->labels & GLOSS_SUGGEST_CLAIM) && !(e->labels & GLOSS_SUGGEST_DENIAL) &&
          (e->speaker == NULL || s->speaker == NULL || strcmp (e->speaker, s->speaker) != 0))
        {
          s->answers = k;
          if (s->answers_start < 0)
            {
              s->answers_block = e->block;
              s->answers_start = e->start;
              s->answers_end = e->end;
            }
          break;
        }
    }
}
