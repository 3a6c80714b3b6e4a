import { hostOf } from '../../text/host.ts';
import type { CslName, OriginalSource } from '../model.ts';
import { NAME_END, originalSourceText } from '../notices.ts';
import { isOrganisation, nameKey, type NameContext } from '../names.ts';
import type { FoundNotice } from './notice-spans.ts';
import { collapse, linksWithin } from './view.ts';

/** The original publisher a republication notice names ("The original source … is South Front"). */
export function readOriginalSource(notices: readonly FoundNotice[]): OriginalSource | null {
  for (const notice of notices) {
    if (notice.kind !== 'republication') continue;
    const block = notice.view.block;
    const text = block.text.slice(notice.textStart, notice.textEnd);
    const firstLine = text.split('\n')[0]!;
    const tail = originalSourceText(firstLine);
    if (!tail) continue;
    const tailStart = notice.textStart + firstLine.length - tail.length;
    // A name written as a link is exactly the link's label.
    const link = linksWithin(block, tailStart, notice.textEnd)[0];
    if (link && link.start === tailStart) {
      const name = block.text.slice(link.start, link.end).trim();
      const url = link.href && /^https?:\/\//i.test(link.href) ? link.href : null;
      if (name) return { name: /^https?:\/\//i.test(name) ? (hostOf(name) ?? name) : name, url };
    }
    const segment = tail.split(NAME_END)[0]!;
    const url = /https?:\/\/[^\s)\]]+/.exec(segment)?.[0] ?? null;
    let name = collapse(segment)
      .replace(/[.,;:]+$/, '')
      .trim();
    if (/^https?:\/\//i.test(name)) name = hostOf(name) ?? name;
    if (name) return { name, url };
  }
  return null;
}

/** "© 2021 The Northern Review. All rights reserved." names the site when nothing else does. */
export function copyrightHolder(
  notices: readonly FoundNotice[],
  authors: readonly CslName[],
  context: NameContext,
): string | null {
  const notice = notices.find((n) => n.kind === 'copyright');
  if (!notice) return null;
  const holder = collapse(notice.view.block.text.slice(notice.textStart, notice.textEnd))
    .replace(/\ball rights reserved\b.*$/i, '')
    .replace(/^(?:copyright|©|\(c\)|\s|\d{4}(?:\s*[-–]\s*\d{4})?|,)+/i, '')
    .replace(/[\s,.]*\d{4}[\s.]*$/, '')
    .replace(/[\s,.;]+$/, '')
    .trim();
  if (!holder || holder.includes(',') || holder.split(/\s+/).length > 8) return null;
  if (authors.some((a) => nameKey(a) === nameKey({ literal: holder }))) return null;
  return isOrganisation(holder, context) ? holder : null;
}

const CC = /\bCC[ -]?(BY(?:[ -](?:NC|SA|ND)){0,3}|0)(?:[ -](\d\.\d))?\b/;
const CC_WORDS =
  /creative commons (attribution(?:[- ](?:non-?commercial|share-?alike|no-?derivatives|no-?derivs))*)(?: (\d\.\d))?/i;
const CC_URL = /https?:\/\/creativecommons\.org\/(?:licenses|publicdomain)\/[a-z-]+\/\d\.\d\/?/i;

/** The licence a licence notice grants, as CSL `license` wants it: a name with version, or a URL. */
export function licenceOf(notices: readonly FoundNotice[]): string | null {
  for (const notice of notices) {
    if (notice.kind !== 'licence') continue;
    const block = notice.view.block;
    const text = block.text.slice(notice.textStart, notice.textEnd);
    const href = linksWithin(block, notice.textStart, notice.textEnd)
      .map((l) => l.href ?? '')
      .find((h) => CC_URL.test(h));
    const url = href ?? CC_URL.exec(text)?.[0] ?? null;
    const short = CC.exec(text);
    if (short)
      return withUrl(`CC ${short[1]!.replace(/ /g, '-')}${short[2] ? ` ${short[2]}` : ''}`, url);
    const words = CC_WORDS.exec(text);
    if (words)
      return withUrl(
        `Creative Commons ${titleCase(words[1]!)}${words[2] ? ` ${words[2]}` : ''}`,
        url,
      );
    if (url) return url;
    const named = /licen[cs]ed under (?:the |a )?([^.;]{3,80})/i.exec(text)?.[1];
    if (named) return collapse(named);
  }
  return null;
}

function withUrl(name: string, url: string | null): string {
  return url ? `${name} (${url})` : name;
}

function titleCase(words: string): string {
  return words.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());
}
