/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-suggest"

#include "config.h"

#include <string.h>

#include "gloss-suggest-private.h"

/* Names of people and organisations, as the article gives them.
 *
 * A name is a run of capitalised words ("NATO Secretary-General Jens
 * Stoltenberg", "Ministry of Transport", "Daniel R. Whitfield Jr.").  Titles
 * in front are not part of a person's name, and a person is named in full
 * wherever the article gives the full name once (Stoltenberg → Jens
 * Stoltenberg).  An organisation named by its acronym takes its full name
 * when the article spells it out.  The last person and organisation named
 * are kept for "he", "she", "it", "they" and "the company". */

static gboolean
is_name_word (const GlossTok *t)
{
  return t->kind == TOK_WORD && (t->flags & TF_CAP) && !(t->lex & LEX_TIME);
}

static gboolean
is_joiner (const GlossTok *t)
{
  return t->kind == TOK_WORD && !(t->flags & TF_CAP) &&
         (gloss_lex_is (t, "of") || gloss_lex_is (t, "for") || gloss_lex_is (t, "de") ||
          gloss_lex_is (t, "von") || gloss_lex_is (t, "van") || gloss_lex_is (t, "der") ||
          gloss_lex_is (t, "al") || gloss_lex_is (t, "bin") || gloss_lex_is (t, "del") ||
          gloss_lex_is (t, "da") || gloss_lex_is (t, "la") || gloss_lex_is (t, "le") ||
          gloss_lex_is (t, "the"));
}

/* One past the last token of the capitalised run that starts at @i.  "of"
 * and the like join two capitalised words ("Bank of England"); the dot of
 * an initial or of "Jr." stays in the run. */
guint
gloss_suggest_cap_run_end (GlossSuggestContext *ctx,
                           guint                i,
                           guint                limit)
{
  guint j = i;

  while (j < limit)
    {
      GlossTok *t = ctx_tok (ctx, j);

      if (is_name_word (t))
        {
          j++;
          if (t->flags & TF_POSS)
            break;   /* "Stoltenberg’s remarks" */
          continue;
        }
      if (j > i && t->kind == TOK_PUNCT && t->ch == '.' && j + 1 < limit)
        {
          GlossTok *prev = ctx_tok (ctx, j - 1);

          if ((prev->end - prev->start == 1 || gloss_lex_is (prev, "jr") ||
               gloss_lex_is (prev, "sr") || (prev->lex & LEX_TITLE)) &&
              is_name_word (ctx_tok (ctx, j + 1)))
            {
              j++;
              continue;
            }
        }
      if (j > i && is_joiner (t) && j + 1 < limit && is_name_word (ctx_tok (ctx, j + 1)))
        {
          j++;
          continue;
        }
      break;
    }
  /* a run does not end on a joiner or a dot */
  while (j > i && (is_joiner (ctx_tok (ctx, j - 1)) || ctx_tok (ctx, j - 1)->kind == TOK_PUNCT))
    j--;
  return j;
}

const char *
gloss_suggest_intern_span (GlossSuggestContext *ctx,
                           guint                first,
                           guint                end)
{
  GlossTok *a = ctx_tok (ctx, first);
  GlossTok *b = ctx_tok (ctx, end - 1);
  g_autofree char *text = gloss_suggest_dup_text (ctx, a->block, a->start, b->end);

  return g_string_chunk_insert_const (ctx->strings, text);
}

/* The initials of an organisation's name: "Regional Transport Authority" →
 * "rta". */
static char *
initials (const char *name)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);
  GString *out = g_string_new (NULL);

  for (char **w = words; *w; w++)
    {
      if (**w == '\0' || g_str_equal (*w, "of") || g_str_equal (*w, "for") ||
          g_str_equal (*w, "the") || g_str_equal (*w, "and"))
        continue;
      g_string_append_unichar (out, g_unichar_tolower (g_utf8_get_char (*w)));
    }
  return g_string_free (out, FALSE);
}

static GlossEntityKind
classify (GlossSuggestContext *ctx,
          guint                first,
          guint                end,
          gboolean             after_title)
{
  guint n_words = 0;
  gboolean all_caps = TRUE;
  GlossTok *last = ctx_tok (ctx, end - 1);

  for (guint i = first; i < end; i++)
    {
      GlossTok *t = ctx_tok (ctx, i);

      if (t->kind != TOK_WORD)
        continue;
      if (t->lex & (LEX_ORG | LEX_OUTLET))
        return ENTITY_ORG;
      if (!(t->flags & TF_ALLCAPS))
        all_caps = FALSE;
      n_words++;
    }
  if (after_title)
    return ENTITY_PERSON;
  if (all_caps)
    return ENTITY_ORG;
  /* "Maria Lindqvist" or "Rivera Shipping"?  People are named again by
   * their surname alone, firms not by their last word. */
  if (n_words >= 2)
    return g_hash_table_contains (ctx->kinds, last->lower) ? ENTITY_PERSON : ENTITY_NONE;
  if (g_hash_table_contains (ctx->surnames, last->lower))
    return ENTITY_PERSON;
  return ENTITY_ORG;
}

/**
 * gloss_suggest_name_of_run:
 *
 * The name a capitalised run gives, without the titles before it, named in
 * full when the article gives the full name elsewhere.  Returns %NULL when
 * the run is only titles ("the President").
 */
const char *
gloss_suggest_name_of_run (GlossSuggestContext *ctx,
                           guint                first,
                           guint                end,
                           gboolean             after_title,
                           GlossEntityKind     *out_kind,
                           guint               *out_first)
{
  guint name_first = first;
  GlossEntityKind kind;
  const char *name;

  /* "NATO Secretary-General Jens Stoltenberg", "Secretary of State Mike
   * Pompeo", but "Lady Harcourt" keeps hers. */
  for (guint i = first; i < end; i++)
    {
      GlossTok *t = ctx_tok (ctx, i);
      gboolean org_after = FALSE;

      for (guint m = i + 1; m < end; m++)
        if ((ctx_tok (ctx, m)->lex & LEX_ORG) && !(ctx_tok (ctx, m)->lex & LEX_TITLE))
          org_after = TRUE;
      if ((t->lex & LEX_TITLE) && !(t->lex & LEX_KEPT_TITLE) && !(t->flags & TF_ALLCAPS) &&
          !org_after)
        {
          name_first = i + 1;
          after_title = TRUE;
        }
      else if (after_title && name_first == i && (is_joiner (t) || t->kind == TOK_PUNCT))
        {
          /* "Secretary of State …": skip "of State" */
          if (i + 2 < end && is_joiner (t))
            name_first = i + 2;
          else
            name_first = i + 1;
          i = name_first - 1;
        }
    }
  /* "Australian-born Assange", "Texas-based …", "Edmunds’ …" */
  while (name_first + 1 < end &&
         (g_str_has_suffix (ctx_tok (ctx, name_first)->lower, "-born") ||
          g_str_has_suffix (ctx_tok (ctx, name_first)->lower, "-based") ||
          (ctx_tok (ctx, name_first)->flags & TF_POSS)))
    name_first++;
  if (name_first >= end)
    return NULL;
  /* a run that holds an organisation word keeps everything from its start
   * that is not a title: "Northfield Water", "Ministry of Transport" */
  kind = classify (ctx, name_first, end, after_title);
  /* "Director of Public Prosecution Eva-Marie Persson": a person is the
   * last two names of the run (an initial or "Jr." kept) */
  if (kind == ENTITY_PERSON && after_title)
    {
      guint words = 0;
      guint k = end;

      while (k > name_first)
        {
          GlossTok *t = ctx_tok (ctx, k - 1);

          if (t->kind == TOK_WORD && t->end - t->start > 1 && !gloss_lex_is (t, "jr") &&
              !gloss_lex_is (t, "sr"))
            {
              if (words == 2)
                break;
              words++;
            }
          else if (is_joiner (t))
            break;
          k--;
        }
      name_first = k;
    }
  name = gloss_suggest_intern_span (ctx, name_first, end);
  if (kind == ENTITY_ORG && (ctx_tok (ctx, name_first)->flags & TF_ALLCAPS) &&
      name_first + 1 == end)
    {
      const char *full = g_hash_table_lookup (ctx->acronyms, ctx_tok (ctx, name_first)->lower);

      if (full != NULL)
        name = full;
    }
  else if (kind == ENTITY_ORG && name_first + 1 == end)
    {
      /* "The Chronicle" for the San Francisco Chronicle named before */
      GlossTok *t = ctx_tok (ctx, name_first);
      const char *full = g_hash_table_lookup (ctx->org_words, t->lower);

      if (full != NULL && g_str_has_suffix (full, name) && !(t->lex & LEX_ORG))
        {
          g_autofree char *of = g_strconcat (" of ", name, NULL);
          g_autofree char *for_ = g_strconcat (" for ", name, NULL);

          if (!g_str_has_suffix (full, of) && !g_str_has_suffix (full, for_))
            name = full;
        }
    }
  else if (kind == ENTITY_PERSON || kind == ENTITY_NONE)
    {
      const char *full = g_hash_table_lookup (ctx->surnames, ctx_tok (ctx, end - 1)->lower);

      if (full != NULL && strlen (full) > strlen (name) && g_str_has_suffix (full, name))
        name = full;
      else if (full != NULL && name_first + 1 == end)
        name = full;
    }
  if (out_kind)
    *out_kind = kind;
  if (out_first)
    *out_first = name_first;
  return name;
}

/* Remembers who holds a title, under its full spelling ("gov" → "governor"). */
void
gloss_suggest_note_title (GlossSuggestContext *ctx,
                          GlossTok            *title,
                          const char          *name,
                          gboolean             overwrite)
{
  static const char * const full[][2] = {
    { "gov", "governor" }, { "sen", "senator" }, { "rep", "representative" },
    { "gen", "general" }, { "col", "colonel" }, { "lt", "lieutenant" }, { "prof", "professor" },
    { "dr", "doctor" }, { "supt", "superintendent" }, { "insp", "inspector" },
  };
  const char *key = title->lower;

  if (name == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (full); i++)
    if (g_str_equal (key, full[i][0]))
      key = full[i][1];
  if (g_str_equal (key, "mr") || g_str_equal (key, "mrs") || g_str_equal (key, "ms"))
    return;
  if (!overwrite && g_hash_table_contains (ctx->titles, key))
    return;
  g_hash_table_insert (ctx->titles, (gpointer) g_string_chunk_insert_const (ctx->strings, key),
                       (gpointer) name);
}

static void
register_run (GlossSuggestContext *ctx,
              guint                first,
              guint                end,
              guint                limit)
{
  GlossEntityKind kind;
  guint name_first;
  const char *name;
  guint n;

  /* The title-stripping is done without the article's names yet: register
   * the text as written. */
  name = gloss_suggest_name_of_run (ctx, first, end, FALSE, &kind, &name_first);
  if (name == NULL)
    return;
  n = end - name_first;
  if ((kind == ENTITY_PERSON || kind == ENTITY_NONE) && n >= 2)
    {
      const char *last = ctx_tok (ctx, end - 1)->lower;
      const char *given = ctx_tok (ctx, name_first)->lower;
      const char *old = g_hash_table_lookup (ctx->surnames, last);
      const char *text = gloss_suggest_intern_span (ctx, name_first, end);

      for (guint i = name_first; i < end; i++)
        if (is_joiner (ctx_tok (ctx, i)))
          return;
      if (old == NULL || strlen (text) > strlen (old))
        g_hash_table_insert (ctx->surnames, (gpointer) last, (gpointer) text);
      /* "Li Jifeng" is "Li" later: family names first */
      if (!g_hash_table_contains (ctx->surnames, given))
        g_hash_table_insert (ctx->surnames, (gpointer) given, (gpointer) text);
      /* "Joel Schlabach, a teacher at…", "Ruth Adler, 48," "Ann Lee, who…":
       * described as a person */
      if (kind == ENTITY_NONE && end + 1 < limit && ctx_tok (ctx, end)->kind == TOK_PUNCT &&
          ctx_tok (ctx, end)->ch == ',')
        {
          GlossTok *next = ctx_tok (ctx, end + 1);

          if (next->kind == TOK_NUMBER || gloss_lex_is (next, "a") || gloss_lex_is (next, "an") ||
              gloss_lex_is (next, "who"))
            g_hash_table_add (ctx->kinds, (gpointer) last);
        }
    }
  else if (kind == ENTITY_ORG && n >= 2)
    {
      const char *text = gloss_suggest_intern_span (ctx, name_first, end);
      g_autofree char *acr = initials (text);

      /* "Regional Transport Authority (RTA)" or the initials used later */
      if (end + 2 < limit && ctx_tok (ctx, end)->ch == '(' &&
          (ctx_tok (ctx, end + 1)->flags & TF_ALLCAPS))
        g_hash_table_insert (ctx->acronyms, (gpointer) ctx_tok (ctx, end + 1)->lower,
                             (gpointer) text);
      if (strlen (acr) >= 2)
        g_hash_table_insert (ctx->acronyms,
                             (gpointer) g_string_chunk_insert_const (ctx->strings, acr),
                             (gpointer) text);
      for (guint i = name_first; i < end; i++)
        {
          GlossTok *t = ctx_tok (ctx, i);
          const char *old = g_hash_table_lookup (ctx->org_words, t->lower);

          if (t->kind == TOK_WORD && (t->flags & TF_CAP) &&
              (old == NULL || strlen (text) > strlen (old)))
            g_hash_table_insert (ctx->org_words, (gpointer) t->lower, (gpointer) text);
        }
    }
  /* "Gov. Eric Holcomb" makes "the governor" Eric Holcomb */
  if (kind == ENTITY_PERSON && name_first > first)
    {
      for (guint i = name_first; i > first; i--)
        {
          GlossTok *t = ctx_tok (ctx, i - 1);

          if (t->kind == TOK_WORD && (t->lex & LEX_TITLE))
            {
              gloss_suggest_note_title (ctx, t, gloss_suggest_name_of_run (ctx, name_first, end,
                                                                           TRUE, NULL, NULL),
                                        FALSE);
              break;
            }
        }
    }
}

void
gloss_suggest_collect_names (GlossSuggestContext *ctx)
{
  /* the words that stand alone as a name somewhere: surnames, mostly */
  for (guint s = 0; s < ctx->sentences->len; s++)
    {
      GlossSentence *sentence = ctx_sentence (ctx, s);
      guint limit = sentence->first_tok + sentence->n_toks;

      for (guint i = sentence->first_tok; i < limit; i++)
        {
          GlossTok *t = ctx_tok (ctx, i);

          if (is_name_word (t) && !(t->flags & TF_ALLCAPS) &&
              gloss_suggest_cap_run_end (ctx, i, limit) == i + 1 &&
              (i == sentence->first_tok || !is_name_word (ctx_tok (ctx, i - 1))))
            g_hash_table_add (ctx->kinds, (gpointer) t->lower);
        }
    }
  for (guint s = 0; s < ctx->sentences->len; s++)
    {
      GlossSentence *sentence = ctx_sentence (ctx, s);
      guint limit = sentence->first_tok + sentence->n_toks;

      for (guint i = sentence->first_tok; i < limit;)
        {
          if (is_name_word (ctx_tok (ctx, i)))
            {
              guint end = gloss_suggest_cap_run_end (ctx, i, limit);

              if (end > i)
                {
                  register_run (ctx, i, end, limit);
                  i = end;
                  continue;
                }
            }
          i++;
        }
    }
}

void
gloss_suggest_remember (GlossSuggestContext *ctx,
                        const char          *name,
                        GlossEntityKind      kind)
{
  if (name == NULL)
    return;
  if (kind == ENTITY_PERSON)
    {
      ctx->last_person = name;
      if (ctx->last_unknown != NULL && g_str_equal (ctx->last_unknown, name))
        ctx->last_org_is_unknown = FALSE;
    }
  else if (kind == ENTITY_ORG)
    {
      ctx->last_org = name;
      ctx->last_plural = name;
      ctx->last_org_is_unknown = FALSE;
    }
  else if (kind == ENTITY_GROUP)
    ctx->last_plural = name;
  else
    {
      /* a person or a firm: "he" takes a known person first, "it" and
       * "the company" the latest of the two */
      ctx->last_unknown = name;
      ctx->last_org_is_unknown = TRUE;
      if (ctx->last_person == NULL)
        ctx->last_person = name;
    }
}

/* People and organisations named in tokens [first, end) outside
 * quotations, in order, so the last one is remembered. */
void
gloss_suggest_note_mentions (GlossSuggestContext *ctx,
                             guint                first,
                             guint                end)
{
  for (guint i = first; i < end;)
    {
      GlossTok *t = ctx_tok (ctx, i);

      if (is_name_word (t) && !(t->flags & TF_QUOTED))
        {
          guint run_end = gloss_suggest_cap_run_end (ctx, i, end);

          if (run_end > i)
            {
              GlossEntityKind kind;
              guint name_first;
              const char *name = gloss_suggest_name_of_run (ctx, i, run_end, FALSE, &kind,
                                                            &name_first);

              gloss_suggest_remember (ctx, name, kind);
              if (name != NULL && kind == ENTITY_PERSON && name_first > i &&
                  (ctx_tok (ctx, name_first - 1)->lex & LEX_TITLE))
                gloss_suggest_note_title (ctx, ctx_tok (ctx, name_first - 1), name, TRUE);
              i = run_end;
              continue;
            }
        }
      i++;
    }
}
