/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gloss-suggest"

#include "config.h"

#include <string.h>

#include "gloss-suggest-private.h"

/* The words the suggester knows, by class.  They are general English news
 * vocabulary (reporting verbs, titles, organisation words…), never words of
 * one article.  A word may be listed under several classes. */

typedef struct
{
  guint32 lex;
  const char *words;   /* space-separated, lower case */
} LexList;

static const LexList lists[] = {
  { LEX_LANG_DE, "der die das und ist nicht den dem des ein eine einer zu mit sich auf für von im "
                 "auch es sie wir ich wird werden wurde sind hat haben dass oder aber wie nach bei" },
  { LEX_LANG_FR, "le la les et est des une un du dans que qui pour pas sur au aux avec ce cette il "
                 "elle sont ont été mais ou comme par plus nous vous leur" },
  { LEX_LANG_ES, "el la los las y es del una un en que por con para no se su al lo como más pero "
                 "sus le ha este esta" },
  { LEX_LANG_IT, "il la le gli e è del della di una un che per non con si sono al alla come più "
                 "ma anche nel questo" },
  { LEX_LANG_NL, "de het een en is van niet dat op te zijn met voor die er aan ook als bij om" },
  { LEX_LANG_PT, "o a os as e é do da dos das um uma em que para não com por se mais como mas" },
  { LEX_REPORT,
    "said says say saying told tells tell added adds adding warned warns warning insisted "
    "cited cites touted touts "
    "insists insisting claimed claiming argued argues arguing acknowledged acknowledges "
    "acknowledging stated confirmed confirms confirming reported "
    "revealed reveals explained explains explaining noted noting wrote writes declared declares "
    "predicted predicts contended contends asserted asserts accused "
    "accuses accusing described describes describing believe believes fear feared worry worries "
    "worried agree agrees agreed suggested suggests admitted admits admitting conceded concedes "
    "recalled recalls replied replies responded responds countered counters retorted cautioned "
    "stressed stresses stressing emphasised emphasized emphasises emphasizes observed promised "
    "promises vowed vows pledged pledges complained complains criticised criticized criticizing "
    "criticising condemned condemns denounced denounces slammed slams blasted praised praises "
    "welcomed welcomes hailed hails lauded decried decries objected objects questioned "
    "questions acknowledge insist argue claim according tweeted posted wrote writing "
    "announced announces think thinks believed agreed alleged alleges alleging estimated "
    "estimates called calls calling asked asks wondered explained reiterated reiterates reported "
    "repeated repeats contend concluded concludes continued continues conceded boasted "
    "predicted forecast projected expressed expresses thanked apologised apologized "
    "deny denies denied denying reject rejects rejected rejecting dismiss dismisses dismissed "
    "dismissing refute refutes refuted refuting dispute disputes disputed disputing rebut "
    "rebuts rebutted rebutting" },
  /* These report only when "that" follows ("found that", not "found the
   * keys"), or when they come with a quotation. */
  { LEX_REPORT_THAT,
    "announced announces found finds showed shows show indicated indicates concluded "
    "concludes estimated estimates alleged alleges hopes hoped expects expected believed "
    "think thinks thought suggested suggests fears feared worries worried agree agrees agreed "
    "asked asks wondered called calls calling reports report questioned questions posted tweeted "
    "maintained maintains maintain testified testifies testifying voiced voices expect "
    "objected objects expressed expresses repeated repeats continued continues forecast "
    "projected boasted" },
  { LEX_DENY,
    "deny denies denied denying reject rejects rejected rejecting dismiss dismisses dismissed "
    "dismissing refute refutes refuted refuting dispute disputes disputed disputing rebut "
    "rebuts rebutted rebutting contest contests contested disavowed repudiated" },
  { LEX_TITLE,
    "president vice-president secretary-general secretary minister prime chancellor senator sen. "
    "sen rep. rep representative gov. gov governor lt. mayor deputy chief executive ceo cfo coo "
    "director chairman chairwoman chair chairperson spokesman spokeswoman spokesperson "
    "judge justice attorney general gen. col. maj. capt. cmdr. adm. sgt. lt commander "
    "professor prof. dr. dr mr. mr mrs. mrs ms. ms officer commissioner ambassador leader "
    "head founder co-founder editor-in-chief employee teacher administrator nurse doctor "
    "physician pastor priest activist candidate contractor farmer engineer consultant veteran "
    "host anchor actor actress singer player agent investigator ranger driver banker "
    "expert student col lt. gen cmdr capt maj sgt supt insp vice-chair vice-chairman "
    "prosecution envoy negotiator whistleblower worker chef head founder co-founder sheriff detective det. inspector superintendent captain coach "
    "manager rev. reverend pope bishop archbishop cardinal king queen prince princess "
    "chief-executive president-elect premier speaker lawmaker congressman congresswoman "
    "councillor councilor councilman councilwoman alderman economist analyst editor "
    "correspondent reporter columnist author adviser advisor aide strategist lawyer counsel "
    "prosecutor treasurer trustee official scientist researcher chef owner partner "
    "cofounder vice foreign defence defense interior finance health education justice "
    "former acting senior junior assistant associate interim then-president then "
    "state-run chancellor’s minister’s" },
  { LEX_KEPT_TITLE, "lord lady sir dame" },
  { LEX_ORG,
    "ministry department company corp corp. corporation inc inc. ltd ltd. co co. plc llc group "
    "council committee commission agency authority association union party bank university "
    "institute office service services court police board foundation federation organization "
    "organisation administration government church club network center centre league alliance "
    "coalition fund trust society holdings airlines motors house senate congress parliament "
    "assembly bureau force forces army navy command school college hospital firm team "
    "campaign watchdog regulator commission’s ministry’s company’s council’s department’s "
    "government’s agency’s firm’s nations institution secretariat directorate cabinet "
    "embassy consulate kremlin pentagon nato fbi cia eu un who ministries agencies "
    "inspectorate museum library station industries enterprises partners associates "
    "technologies systems labs laboratories media press times post herald journal gazette "
    "tribune news ledger" },
  { LEX_OUTLET,
    "times post herald journal gazette tribune news ledger radio tv television newspaper "
    "magazine reuters ap afp bloomberg bbc cnn nbc cbs abc fox npr guardian telegraph "
    "chronicle observer independent mail express mirror standard daily weekly newsweek "
    "politico axios" },
  { LEX_SPOKES,
    "spokesperson spokesman spokeswoman spokespeople spokespersons spokesmen representative "
    "representatives statement statements release" },
  { LEX_DET,
    "the a an this these those some many several most other others two three four five six "
    "seven eight nine ten dozen dozens hundreds thousands all both few each every one any "
    "more numerous various certain such another one’s its his her their our your my" },
  { LEX_AUX,
    "has have had also later previously again repeatedly publicly recently earlier then "
    "flatly categorically strongly firmly long would will could did does do reportedly "
    "allegedly still further separately initially often once privately only even since "
    "has since already apparently vehemently angrily quickly immediately swiftly openly "
    "simply just herself himself themselves itself subsequently consistently usually "
    "always sharply furiously staunchly forcefully emphatically explicitly "
    "similarly likewise too therefore however meanwhile" },
  { LEX_BE, "is was are were be been being am ’s" },
  { LEX_BREAK,
    "that which who whom whose while because although though as when after before since "
    "if where whereas however yet but so and or nor unless until whether despite "
    "amid following" },
  { LEX_RELATIVE, "who which whose whom" },
  { LEX_DIRECTIVE,
    "urged urges urge urging demanded demands demand demanding implored implores pleaded "
    "pleads appealed appeals requested requests recommended recommends ordered orders "
    "instructed invited encouraged encourages advised advises" },
  { LEX_NEG, "not no never n’t n't nothing none nobody neither nor without cannot" },
  { LEX_ACCUSATION,
    "accusation accusations allegation allegations claim claims charge charges suggestion "
    "suggestions report reports reporting assertion assertions account accounts notion idea "
    "characterization characterisation characterizations characterisations premise "
    "narrative rumor rumors rumour rumours speculation story stories criticism criticisms "
    "findings finding conclusion conclusions version theory theories insinuation insinuations "
    "description portrayal argument arguments contention interpretation assessment "
    "figures numbers comparison comparisons accusation’s wrongdoing responsibility "
    "involvement knowledge link links ties allegation’s assertion’s reports’ claims’ "
    "assessment’s analysis estimate estimates statement statements remarks comments "
    "view views position concerns concern fears" },
  { LEX_TIME,
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december jan. feb. mar. apr. jun. jul. "
    "aug. sep. sept. oct. nov. dec. yesterday today tonight tomorrow week weekend month year "
    "morning afternoon evening night last this next earlier later ago recently" },
  { LEX_GROUP,
    "analysts residents officials experts critics observers economists scientists "
    "researchers lawyers prosecutors investigators police authorities officers doctors "
    "witnesses sources people protesters activists campaigners supporters opponents "
    "lawmakers legislators members leaders diplomats historians teachers parents students "
    "workers employees executives farmers fishermen owners voters citizens locals neighbours "
    "neighbors advocates insiders organizers organisers agencies rescuers firefighters "
    "health officers staff users customers families relatives victims survivors residents’ "
    "republicans democrats conservatives liberals regulators investors traders bankers "
    "scholars specialists engineers inspectors" },
  { LEX_PREP,
    "following after in on at during despite asked speaking writing before since amid "
    "with under from by for as over about earlier later last separately meanwhile still "
    "however but and also yet instead elsewhere today yesterday overall according "
    "responding reacting addressing" },
  { LEX_NO_CLAIM,
    "declined refused refuses declines failed unavailable unreachable" },
  { LEX_ENGLISH,
    "the of and to in is that for it was on with as he she they at by this be are from have "
    "has had not but his her their which an were been said would will its who also more "
    "than there about after into when what other some one two could can we our them only "
    "over new these those such because while where most" },
  /* Frequent words that start sentences: not names when capitalised there. */
  { LEX_COMMON,
    "the a an and but or so yet for nor in on at by to from of with without about after "
    "before during since until while when where why how what who whom whose which that this "
    "these those there here then now today yesterday tomorrow it its he she they we i you "
    "his her their our my your him them us me if as though although because despite "
    "following according asked speaking meanwhile however still also even only just not no "
    "never all some many most more much several few both each every one two three four five "
    "six seven eight nine ten first second third last next another other such instead "
    "elsewhere overall indeed perhaps maybe already again later earlier once over under "
    "against among between into through across around near within outside inside beyond "
    "like unlike is was are were be been has have had do does did will would can could "
    "should may might must shall let let’s it’s that’s there’s here’s what’s he’s she’s "
    "we’re they’re i’m you’re don’t doesn’t didn’t isn’t wasn’t aren’t weren’t can’t "
    "won’t wouldn’t couldn’t shouldn’t haven’t hasn’t hadn’t yes oh well so-called "
    "dear thanks thank please read see watch follow share click sign subscribe "
    "related photo video image file editor’s note update updated advertisement "
    "officials police critics analysts experts residents people many" },
};

static GHashTable *lexicon;

static GHashTable *
build_lexicon (void)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

  for (gsize i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_auto(GStrv) words = g_strsplit (lists[i].words, " ", -1);

      for (char **w = words; *w; w++)
        {
          const char *key;
          guint32 lex;

          if (**w == '\0')
            continue;
          key = g_intern_string (*w);
          lex = GPOINTER_TO_UINT (g_hash_table_lookup (table, key));
          g_hash_table_insert (table, (gpointer) key, GUINT_TO_POINTER (lex | lists[i].lex));
        }
    }
  for (gsize i = 0; gloss_suggest_denial_phrases[i]; i++)
    {
      g_autofree char *first = g_strdup (gloss_suggest_denial_phrases[i]);
      const char *key;
      char *space = strchr (first, ' ');

      if (space)
        *space = '\0';
      key = g_intern_string (first);
      g_hash_table_insert (table, (gpointer) key,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (table, key)) |
                                             LEX_PHRASE));
    }
  return table;
}

guint32
gloss_lex_lookup (const char *lower)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      lexicon = build_lexicon ();
      g_once_init_leave (&once, 1);
    }
  return GPOINTER_TO_UINT (g_hash_table_lookup (lexicon, lower));
}

gboolean
gloss_lex_is (const GlossTok *tok,
              const char     *word)
{
  return tok->lower != NULL && strcmp (tok->lower, word) == 0;
}
