import { gfm } from 'micromark-extension-gfm';

/**
 * micromark's GFM extensions with one construct made linear. On every `]` that closes no link,
 * micromark-extension-gfm-footnote (2.1.0, the latest) looks for an `![` that could make it a
 * footnote call (`![^1]`) by walking back over all the paragraph's events, so a paragraph with
 * thousands of stray `]` costs quadratic time: 5,000 `]` after 77 KB of words took 1.6 s, twice
 * the text 6 s (found by fuzzing; autolink literals, which split the text at every `w`, make
 * the walk longer). The walk is the same here, but each paragraph remembers where the last one
 * ended and what it found, so every event is walked over once; what the construct decides is
 * unchanged, as its own code still decides it.
 */
export function linearGfm(): Extension {
  const extension = gfm();
  const text = extension.text ?? {};
  const closers = text[93];
  if (!Array.isArray(closers)) return extension;
  return {
    ...extension,
    text: { ...text, [93]: closers.map((c) => (c.name === POTENTIAL_CALL ? linearCall(c) : c)) },
  };
}

type Extension = ReturnType<typeof gfm>;
type Construct = Extract<NonNullable<Extension['text']>[number], readonly unknown[]>[number];
type Tokenizer = Construct['tokenize'];
type Context = ThisParameterType<Tokenizer>;
export type Event = Context['events'][number];

const POTENTIAL_CALL = 'gfmPotentialFootnoteCall';

/** The tokens the construct's walk stops at: an `![` it may use, or one that ends its search. */
const FOUND = 'labelImage';
const STOPS = new Set(['gfmFootnoteCall', 'labelLink', 'label', 'image', 'link']);

/** The construct, handed a view of the events that holds only what its own walk would find. */
function linearCall(construct: Construct): Construct {
  const tokenize = construct.tokenize;
  return {
    ...construct,
    tokenize(this: Context, effects, ok, nok) {
      const last = lastStop(this.events);
      const view = Object.create(this, { events: { value: last ? [last] : [] } }) as Context;
      return tokenize.call(view, effects, ok, nok);
    },
  };
}

/** What one events array's last walk saw: its length, last event, and the stop it found. */
interface Walked {
  length: number;
  lastEvent: Event | undefined;
  stop: Event | undefined;
}

const walks = new WeakMap<Event[], Walked>();

/**
 * The last event whose token is an `![` or one of STOPS, as a walk back from the end finds it.
 * The walk ends where the previous one started when that part of the array is unchanged: events
 * are only appended, dropped from the end when an attempt fails (then the old last event is no
 * longer at its index, a new one is), or replaced from a label start to the end by a resolved
 * link or call, whose own closing event is a stop and is found first.
 */
export function lastStop(events: Event[]): Event | undefined {
  const walked = walks.get(events);
  const reusable =
    walked !== undefined &&
    events.length >= walked.length &&
    events[walked.length - 1] === walked.lastEvent;
  const floor = reusable ? walked.length : 0;
  let stop: Event | undefined = reusable ? walked.stop : undefined;
  for (let i = events.length - 1; i >= floor; i--) {
    const type = events[i]![1].type;
    if (type === FOUND || STOPS.has(type)) {
      stop = events[i];
      break;
    }
  }
  walks.set(events, { length: events.length, lastEvent: events[events.length - 1], stop });
  return stop;
}
