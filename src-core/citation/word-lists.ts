/** Word classes the casing rules need. All entries are lower case. */

const set = (text: string): ReadonlySet<string> => new Set(text.split(/\s+/).filter(Boolean));

export const ARTICLES = set('a an the');

export const COORDINATING_CONJUNCTIONS = set('and but for nor or so yet');

/**
 * English single-word prepositions that MLA 9 lowercases mid-title "regardless of length"
 * (MLA Handbook 1.2.1: against, as, between, in, of, to, ...). Words that are far more often a
 * verb, adjective or noun in titles (save, round, worth, minus, plus, opposite, following,
 * considering, given) are left out: capitalising a rare preposition is the smaller error.
 * "like" is handled separately (preposition or verb).
 */
export const PREPOSITIONS = set(`
  aboard about above across after against along alongside amid amidst among amongst around as
  astride at atop before behind below beneath beside besides between beyond but by ca circa
  concerning despite down during except excluding for from in including inside into mid midst near
  notwithstanding of off on onto out outside over past per regarding since than through throughout
  thru till to toward towards under underneath unlike until unto up upon v versus via vs with within
  without`);

/**
 * Prepositions that double as verb particles ("Giving Up on Love", "Log In to Your Account").
 * As particles they are principal words and take a capital.
 */
export const PARTICLES = set(`
  about across along around behind by down in off on out over past through under up`);

/** Words that are prepositions before a noun but subordinating conjunctions before a clause. */
export const PREPOSITION_OR_CONJUNCTION = set('after before since till until');

/** A clause starts with one of these: "After We Left" (conjunction) vs "After the War". */
export const SUBJECT_PRONOUNS = set(`
  i we you he she it they there this everyone everything someone something nobody nothing`);

/** Before a word, these make it a noun or adjective: "The Inside Story", "Our Past". */
export const DETERMINERS = set(`
  a an the this that these those my your his her its our their no every each some any`);

/** Before "like", these make it a verb: "Why We Like Cats", "What It Would Like". */
export const LIKE_AS_VERB_AFTER = set(`
  i we you they people to do does did don't doesn't didn't would will can could might should`);

/**
 * Words that cannot begin the object of a preposition. A particle followed by one of these
 * ("Up on", "Out of", "In to", "Down and") is acting on its verb, not governing a noun.
 */
export const NOT_OBJECT_START = set(`
  about across after against along among around as at before behind below between beyond by
  down during for from in into of off on onto out over since than through to toward towards
  under until up upon via with within without and but nor or so yet because if when while
  whether although though unless again now here together already soon today tonight tomorrow
  forever anymore too`);

/** APA 7 6.17: minor words are articles, short conjunctions and prepositions of three letters or fewer. */
export const APA_MINOR = set(`
  a an the and as but for if nor or so yet at by in of off on out per to up via v vs`);

/** APA 7 6.17: "nouns followed by numerals or letters" keep their capital (Table 2, Phase II). */
export const NUMBERED_NOUNS = set(`
  act appendix article book chapter class day episode experiment figure game grade level part
  phase round season section stage step study table title trial type volume week`);

/** Titles before a name; they keep their capital in sentence case ("Dr. Smith", "Gen. Miller"). */
export const HONORIFICS = set(`
  mr mrs ms mx dr prof gen sen rep gov pres lt col sgt capt adm rev fr hon st`);
