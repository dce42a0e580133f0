/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What one line of copied page text looks like on its own, before its
 * neighbours are taken into account. */
typedef enum
{
  GLOSS_LINE_SHORT,     /* too little text to tell: titles, names, menu items */
  GLOSS_LINE_CONTENT,   /* reads like running prose */
  GLOSS_LINE_BOILER,    /* page furniture: share buttons, labels, copyright */
} GlossLineClass;

typedef enum
{
  GLOSS_LINE_ENDS_SENTENCE = 1 << 0,
  GLOSS_LINE_ENDS_COLON    = 1 << 1,
  GLOSS_LINE_BULLET        = 1 << 2,  /* starts with a list marker */
  GLOSS_LINE_URL           = 1 << 3,  /* a bare address or handle */
  GLOSS_LINE_LABEL         = 1 << 4,  /* "Trending:", "Related: …" */
  GLOSS_LINE_END_MARKER    = 1 << 5,  /* "Tags", "Comments": the article is over */
  GLOSS_LINE_PUBLISHER     = 1 << 6,  /* the site talking about itself */
  GLOSS_LINE_MENU          = 1 << 7,  /* one of a run of short items */
  GLOSS_LINE_CREDIT        = 1 << 8,  /* photo credit */
  GLOSS_LINE_BYLINE        = 1 << 9,
  GLOSS_LINE_ALL_CAPS      = 1 << 10,
  GLOSS_LINE_DATE          = 1 << 11, /* mostly a date or a time */
  GLOSS_LINE_INTERRUPTION  = 1 << 12, /* "Advertisement", "Continue reading" */
  GLOSS_LINE_COMMENTS      = 1 << 13, /* "12 comments", "Jane says:": readers from here on */
  GLOSS_LINE_FOOTER        = 1 << 14, /* "© 2019 …": the page is over */
} GlossLineFlags;

typedef struct
{
  char           *text;          /* normalised, never empty */
  guint           group;         /* lines between two blank lines share a group */
  guint           n_chars;
  guint           n_words;
  guint           n_stop;        /* function words of several languages */
  guint           n_capital;     /* words that start with a capital letter */
  guint           n_alpha;       /* words with at least one letter */
  guint           n_sentences;   /* sentence ends inside the line */
  guint           n_publisher;   /* words sites use about themselves */
  guint           n_unspaced;    /* characters of scripts written without spaces */
  guint           n_letters;     /* letters, in any script */
  guint           n_uncovered;   /* letters of scripts the function-word list lacks */
  guint           weight;        /* words, counting unspaced scripts by characters */
  guint           flags;
  GlossLineClass  klass;
  double          value;         /* evidence for being article text; see gloss-extract-text.c */
} GlossTextLine;

GArray   *gloss_text_lines_split      (const char          *utf8,
                                       gsize                length);
void      gloss_text_lines_classify   (GArray              *lines);

gboolean  gloss_text_line_is_title    (const GlossTextLine *line);
char     *gloss_text_line_dup_byline  (const GlossTextLine *line);
char     *gloss_text_line_dup_agency  (const GlossTextLine *line);
double    gloss_text_line_stop_ratio  (const GlossTextLine *line);

G_END_DECLS
