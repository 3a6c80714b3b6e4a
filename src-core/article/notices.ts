import type { RightsKind } from './model.ts';

interface NoticeRule {
  kind: RightsKind;
  re: RegExp;
  /** Anchored rules match where a notice begins; weak ones only count in the page's footer. */
  strong: boolean;
}

// Order matters: "copyrighted material ... fair use" is a fair-use notice, not a copyright line.
const RULES: NoticeRule[] = [
  {
    kind: 'republication',
    strong: true,
    re: /^(?:the\s+)?original source of this (?:article|story|post|piece) is\b/i,
  },
  {
    kind: 'republication',
    strong: true,
    // "First published in 2015, the report…" is prose: a notice names where, not when.
    re: /^(?:this (?:article|story|post|piece|essay|interview|op-ed|column|commentary|report)\s+(?:was|is|has been)\s+)?(?:originally|first)\s+(?:published|appeared|posted|ran)\s+(?:(?:in|on|at|by|with)\s+)+(?!(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|the (?:\d|early|late|mid|first|same|past)))\S/i,
  },
  {
    kind: 'republication',
    strong: true,
    // "Republished under a Creative Commons licence" is a licence; "reprinted with permission"
    // a permission: both rules below read them.
    re: /^(?:this (?:article|story|post|piece) (?:is|was) )?(?:republished|reprinted|reposted|cross-posted) (?:from|by|courtesy|with (?!(?:the )?(?:kind )?permission\b))/i,
  },
  {
    kind: 'republication',
    strong: false,
    // A notice names where ("first appeared in The Atlantic"), not when ("in 2015").
    re: /\b(?:originally|first) (?:published|appeared) (?:in|on|at|by) (?!\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d|the (?:\d|early|late|mid|first|same|past))/i,
  },
  // "Source: RT" below an article names where it came from.
  { kind: 'republication', strong: false, re: /^(?:source|via)\s*:\s*\S/i },
  // "Fair use notice:" opens a notice; "Fair use of images is contested" is a sentence.
  {
    kind: 'fair-use',
    strong: true,
    re: /^fair use(?: notice| statement| disclaimer| policy)?\s*[:.–—-]|^fair use (?:notice|statement|disclaimer)\b|\bcontains copyrighted material\b/i,
  },
  // Below the article, fair use in the company of copyright words is a notice; a closing
  // sentence about fair use in reviews is prose.
  {
    kind: 'fair-use',
    strong: false,
    re: /\bfair (?:use|dealing)\b.{0,300}\b(?:copyright|permission|copyrighted material|purposes)\b|\b(?:copyright|copyrighted material|permission|provisions)\b.{0,300}\bfair (?:use|dealing)\b|\bsection 107\b/i,
  },
  // "Disclaimer:" labels a notice; "Disclaimer or not, …" opens a sentence.
  { kind: 'disclaimer', strong: true, re: /^disclaimers?\s*(?:[:.–—-]|$)/i },
  {
    kind: 'disclaimer',
    strong: false,
    // About this article and its author, not about what someone else thought.
    re: /\b(?:views|opinions) (?:and opinions )?expressed (?:in (?:this|these|the) (?:article|post|piece|column|blog|site|website|publication|commentary)|on this (?:site|website|blog)|here|herein|by (?:the )?(?:author|writer|contributor)s?|are (?:those|solely|the author))|\bsole responsibility of the author|\bdo(?:es)? not necessarily (?:reflect|represent) (?:the )?(?:views|opinions|position|positions|policy|policies|those)\b/i,
  },
  {
    kind: 'licence',
    strong: true,
    // Licensed under a named licence, not "licensed under a blanket agreement, the stations…".
    re: /^(?:this (?:work|article|story|post|content|piece) is )?licen[cs]ed under (?:the |a |an )?(?:[^,.;]{0,80}\b(?:licen[cs]e|creative commons|CC[ -]BY|CC0|GPL|MIT|Apache|public domain)\b|CC[ -]BY|CC0)/i,
  },
  {
    kind: 'licence',
    strong: true,
    // Government and institutional licences: "All content is available under the Open
    // Government Licence v3.0", "This work is in the public domain".
    re: /^(?:all )?(?:content|material|text|this (?:work|page|article|content|material)) (?:is )?(?:available|published|released|licen[cs]ed|reproduced) under (?:the |a )?.{0,80}\blicen[cs]e\b|^(?:this|the) (?:work|page|article|image|photo|content|material|text|document)s? (?:is|are) in the public domain\b/i,
  },
  {
    kind: 'licence',
    strong: false,
    re: /\bcreative commons\b|\bCC BY(?:-[A-Z]{2})*\b|\blicen[cs]ed under\b|\bpublic domain\b|\bopen government licen[cs]e\b/i,
  },
  {
    kind: 'permission',
    strong: true,
    re: /^(?:reprinted|reproduced|republished|used) (?:here )?(?:with|by) (?:the )?(?:kind )?permission\b/i,
  },
  {
    kind: 'permission',
    strong: false,
    re: /\b(?:grants?|granted|given) permission\b|\bwith (?:the )?(?:kind )?permission of\b/i,
  },
  // Case-sensitive on purpose: "Copyright © 2018 X" opens a notice, "Copyright law…" is prose.
  // "Copyright © 2018 X", "Copyright The Foo Trust, 2019": a mark, a year or a holder's
  // name and a year. "Copyright Office officials said…" is prose.
  {
    kind: 'copyright',
    strong: true,
    re: /^(?:(?:[Cc]opyright|COPYRIGHT)\s*(?:©|\([cC]\)|\d{4}|by\s|$|(?:[\p{Lu}\d][\p{L}\d.&'’-]*,?\s+){1,6}(?:\d{4}|©))|(?:©|\([cC]\))\s*(?:\d{4}|[\p{Lu}\d]))/u,
  },
  {
    kind: 'copyright',
    strong: false,
    re: /\ball rights reserved\b|©|\bcrown copyright\b|\bsubject to copyright\b|\bno part of (?:this|the) (?:\w+ ){0,2}may be (?:reproduced|republished|copied)\b|\bmay not be (?:reproduced|republished|redistributed|rewritten)\b/i,
  },
];

/** The kind of rights notice a line or block opens with, if any; `footer` admits weaker evidence. */
export function noticeKind(text: string, footer: boolean): RightsKind | null {
  const t = text.replace(/^[*_>\s]+/, '');
  for (const rule of RULES) {
    if (rule.strong) {
      if (rule.re.test(t)) return rule.kind;
    } else if (footer) {
      // A notice opens with its formula: a paragraph whose first sentences are prose and that
      // mentions "public domain" or "all rights reserved" later on is the article speaking.
      const m = rule.re.exec(t);
      if (m && m.index < firstSentenceEnd(t)) return rule.kind;
    }
  }
  return null;
}

/** Where the first sentence ends: a full stop, question or exclamation mark before a capital. */
function firstSentenceEnd(text: string): number {
  const m = /[.!?]["”’)]?\s+(?=["“(]?\p{Lu})/u.exec(text);
  return m ? m.index : text.length;
}

const ORIGIN_PATTERNS = [
  /original source of this (?:article|story|post|piece) is\s+(.+)/i,
  /(?:originally|first)\s+(?:published|appeared|posted|ran)\s+(?:(?:on|in|at|by|with)\s+)+(.+)/i,
  /(?:republished|reprinted|reposted|cross-posted)\s+(?:here\s+)?(?:from|courtesy of)\s+(.+)/i,
  /^(?:source|via)\s*:\s*(.+)/i,
];

/** The words after "originally published in", i.e. where the publication's name starts. */
export function originalSourceText(notice: string): string | null {
  for (const re of ORIGIN_PATTERNS) {
    const m = re.exec(notice);
    if (m?.[1]) return m[1];
  }
  return null;
}

/** Where a publication's name ends inside a notice sentence. */
export const NAME_END =
  /(?<=[^A-Z.][.;!?])\s|\s+(?:under|with|by permission|on|in)\s+(?=[a-z\d]|[A-Z][a-z]+ \d)|,\s|\s+\((?=[^)]*\d)/;
