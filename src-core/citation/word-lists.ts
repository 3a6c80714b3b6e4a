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

/**
 * The first words of two-word prepositions, with the word that must follow ("according to",
 * "because of"). MLA lowercases a preposition "no matter how many words compose it" (MLA Style
 * Center, "Two-Word Prepositions in Titles"): "The World according to Garp".
 */
export const PHRASAL_PREPOSITIONS: ReadonlyMap<string, string> = new Map([
  ['according', 'to'],
  ['ahead', 'of'],
  ['apart', 'from'],
  ['because', 'of'],
  ['instead', 'of'],
  ['other', 'than'],
  ['owing', 'to'],
  ['prior', 'to'],
  ['regardless', 'of'],
]);

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

/** CMOS 18 8.160 rule 4: the coordinating conjunctions Chicago lowercases ("yet" and "so" are capitalised). */
export const CHICAGO_CONJUNCTIONS = set('and but for nor or');

/**
 * CMOS 18 8.160: a preposition "that is part of a Latin expression used adjectivally or
 * adverbially" is capitalised ("In Vitro", "Per Se", "A Priori"). The second words of those
 * expressions; the first is a preposition or article the style would otherwise lowercase.
 */
export const LATIN_AFTER_PREPOSITION = set(`
  vitro vivo situ silico utero vacuo toto absentia extremis memoriam loco se annum diem
  priori posteriori fortiori propos`);

/**
 * Prefixes and combining forms that cannot stand alone as words (CMOS 18 8.161 rule 3): in title
 * case the element after them stays lower case ("Anti-inflammatory", "Pre-war", "Non-profit")
 * unless it is a proper noun ("Anti-American"). Words that can stand alone ("Self", "Ex", "Pro",
 * "Counter", "Over") are not prefixes here: "Self-Sustaining" keeps its capital.
 */
export const PREFIXES = set(`
  anti bi bio co cyber de e eco extra geo hyper infra inter intra macro mega meta micro mid mini
  multi neo non post pre proto pseudo quasi re semi socio sub super supra trans tri ultra un`);

/** Lower-case parts of personal names ("Charles de Gaulle", "Osama bin Laden"). */
export const NAME_PARTICLES = set(`
  al bin da das de del della den der di dos du el ibn la le ter van von`);

/**
 * Titles and offices written before a person's name ("President Trump", "Senator Elizabeth
 * Warren", "Taliban leader"): the name starts after them. Never a given name or surname themselves.
 */
export const ROLE_WORDS = set(`
  president vice prime minister secretary senator sen congressman congresswoman representative
  rep governor gov mayor chancellor premier king queen prince princess emperor empress pope
  cardinal archbishop bishop imam ayatollah sheikh mullah emir sultan rabbi pastor reverend rev
  father general gen colonel col major maj captain capt lieutenant lt sergeant sgt admiral
  commander marshal chief judge justice ambassador envoy commissioner inspector director chairman
  chairwoman chair ceo founder leader spokesman spokeswoman spokesperson deputy officer agent
  detective professor prof doctor dr mr mrs ms mx miss sir dame lord lady saint st speaker coach
  attorney counsel treasurer`);

/**
 * Words that end or head the names of organisations, places, events and things ("Human Rights
 * Watch", "Cold War", "Middle East", "New York", "Wall Street") but are never a person's given
 * name or surname. A multi-word name containing one is not read as a person's name, so its last
 * word does not become a proper noun on its own ("War" from "Cold War").
 */
export const NON_PERSON_WORDS = set(`
  academy agency alliance army assembly association authority bank board books bureau cabinet
  campaign center centre channel coalition collective college commission committee company
  congress corp corporation council court daily department desk directorate division editorial
  editors embassy federation force forces forum foundation front fund gazette group guard guardian
  herald hospital house inc initiative institute institution international journal lab labs league
  legion limited ltd magazine media ministry monitor movement museum navy network news newsroom
  observatory office organisation organization parliament partners party police post press
  project publications publishing radio regime report reporters republic research review school
  senate service services society staff state states station studies team television times
  tribunal trust tv union university watch wire world blog bulletin chronicle courier digest
  dispatch examiner express insider intercept mail mirror nation observer online quarterly
  register sentinel spectator standard telegraph tribune voice weekly monthly today
  airport avenue bay beach bridge canal capital city coast county desert district island islands
  isle kingdom lake mountain mountains ocean palace peninsula plaza port province region
  river road sea square strait street territory tower valley village wall gulf
  east west north south eastern western northern southern central middle upper lower inner outer
  far near new old great greater grand united royal national federal supreme holy san santa los
  las fort mount cape
  accord act agreement award cup day games olympics prize war wars treaty revolution summit
  conference festival index exchange market reserve crisis protocol plan program programme`);

/**
 * Words that open a sentence without belonging to a name after them ("The Taliban said",
 * "When Trump spoke"): a sentence-initial word outside this list may be the head of the name that
 * follows ("Donald Trump said", "Public Radio is"), so that name's words are not learned alone.
 */
export const SENTENCE_OPENERS = new Set([
  ...ARTICLES,
  ...PREPOSITIONS,
  ...COORDINATING_CONJUNCTIONS,
  ...SUBJECT_PRONOUNS,
  ...DETERMINERS,
  ...set(`
    then thus hence however meanwhile also still now when while where whereas if although though
    because once unless whether as both either neither only even all many most several few other
    another such what which who whom whose why how yesterday today tonight tomorrow last next
    earlier later recently lastly finally first second third according instead indeed moreover
    furthermore unlike like`),
]);
