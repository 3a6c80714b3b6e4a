import type { BlockView } from './view.ts';

/**
 * What sharing, like and sign-up widgets leave behind when a page is flattened: their labels and
 * counters, alone or in rows ("Share", "Like 12", "Tweet", "0 Comments", "1.2K shares").
 */
const WIDGET_WORD =
  /^(?:share|shares|shared|like|likes|liked|tweet|tweets|retweet|pin|pin it|email|e-mail|print|save|saved|copy|copy link|link copied|comment|comments|reply|follow|following|subscribe|subscribed|sign up|log in|login|sign in|register|loading|loading\.\.\.|more|menu|close|share this|share on \w+|facebook|twitter|x|linkedin|reddit|whatsapp|telegram|pinterest|flipboard|pocket|messenger|sms|mail|bookmark|gift|gift article|listen|play|pause|mute|read more|show more|see more|view comments|\d[\d.,]*\s*[kmb]?|\d[\d.,]*\s*[kmb]?\s+(?:shares?|likes?|comments?|views?|reads?))$/i;

/** A block made only of widget labels and counters. */
export function isWidgetText(view: BlockView): boolean {
  const { flat } = view;
  if (flat.length > 120) return false;
  const parts = flat.split(/\s*[|·•,/]\s*|\s{2,}|\n/).filter(Boolean);
  if (!parts.length) return false;
  // "Share Tweet Email" without separators: every word a widget label.
  const words = parts.length === 1 ? splitWords(flat) : parts;
  return words.every((w) => WIDGET_WORD.test(w.trim()));
}

function splitWords(text: string): string[] {
  const words = text.split(' ');
  // Two-word labels ("Copy link", "Sign up") are tried before single words.
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const pair = i + 1 < words.length ? `${words[i]} ${words[i + 1]}` : '';
    if (pair && WIDGET_WORD.test(pair)) {
      out.push(pair);
      i++;
    } else out.push(words[i]!);
  }
  return out;
}

const CREDIT =
  /^(?:(?:photo|image|picture|video|illustration|graphic|credit|source)s?\b.{0,120}$|.{0,120}\b(?:getty images|afp|reuters|associated press|ap photo|shutterstock|istock|alamy|epa|pa images|pa wire)\)?\.?$)/i;

/**
 * HTML evidence that a block is page furniture rather than the article's prose: it sits in a
 * share, related, comments or navigation widget, is mostly links, or is a photo credit.
 */
export function isPageFurniture(view: BlockView): boolean {
  const context = view.block.context;
  if (!context) return false;
  const { flat } = view;
  const landmark = context.landmark;
  if (landmark === 'share' || landmark === 'comments' || landmark === 'nav') return true;
  if (landmark === 'related' && context.linkDensity > 0.3) return true;
  if (context.linkDensity > 0.5 && flat.length < 200) return true;
  if (flat.length < 160 && CREDIT.test(flat) && !/[.!?]["”’]?$/.test(flat.replace(/\)\.?$/, '')))
    return true;
  return false;
}
