import { readFileSync } from 'node:fs';
import type { MetadataPage } from './corpora.ts';
import { quireByline, quireCapture } from './systems.ts';

/** Readability's tests load every page at this address. */
const PAGE_URL = 'http://fakehost/test/page.html';

export type Verdict = 'quire' | 'readability' | 'both' | 'neither';
export type Judgements = Record<string, { right: Verdict; why: string }>;

export interface TitleDisagreement {
  page: string;
  quire: string | null;
  readability: string;
  /** Whether the titles still agree once case, punctuation and spacing are ignored. */
  looseAgree: boolean;
  /** Why Quire gave no title, when it threw. */
  error: string | null;
  verdict: Verdict | 'unjudged';
  why: string;
}

export interface MetadataResult {
  pages: number;
  failures: number;
  titleAgreement: number;
  titleAgreementLoose: number;
  /**
   * Agreement, or a disagreement judged by hand with Quire right ("quire" or "both"): the
   * expected titles are Readability's output, not the truth.
   */
  titleAgreementOrJudgedRight: number;
  /** Informational: the expected bylines are Readability's output, not a target. */
  bylineAgreementLoose: number;
  titleDisagreements: TitleDisagreement[];
}

/** Whitespace collapsed and trimmed: the strict comparison. */
export function strictForm(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Case, punctuation, symbols and spacing ignored: the loose comparison. */
export function looseForm(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '');
}

export function readJudgements(path: string): Judgements {
  return JSON.parse(readFileSync(path, 'utf8')) as Judgements;
}

/** Compares Quire's title and byline with what Readability extracted from the same page. */
export function evaluateMetadata(
  pages: readonly MetadataPage[],
  judgements: Judgements,
): MetadataResult {
  let strict = 0;
  let loose = 0;
  let bylines = 0;
  let failures = 0;
  const titleDisagreements: TitleDisagreement[] = [];
  for (const page of pages) {
    const capture = quireCapture(page.html, PAGE_URL);
    if (capture.error !== null) failures++;
    // A failed capture never agrees, even with one of the three empty expected titles.
    const title = capture.article ? (capture.article.csl.title ?? '') : null;
    const expected = page.expected.title ?? '';
    const strictAgree = title !== null && strictForm(title) === strictForm(expected);
    const looseAgree = title !== null && looseForm(title) === looseForm(expected);
    if (strictAgree) strict++;
    if (looseAgree) loose++;
    if (!strictAgree) {
      const judgement = judgements[page.name];
      titleDisagreements.push({
        page: page.name,
        quire: title,
        readability: expected,
        looseAgree,
        error: capture.error,
        verdict: judgement?.right ?? 'unjudged',
        why: judgement?.why ?? '',
      });
    }
    const byline = capture.article ? quireByline(capture.article) : null;
    // Readability keeps a leading "By"; Quire's names never have one.
    const expectedByline = (page.expected.byline ?? '').replace(/^\s*by\s+/i, '');
    if (byline !== null && looseForm(byline) === looseForm(expectedByline)) bylines++;
  }
  const share = (n: number) => (pages.length > 0 ? n / pages.length : 0);
  return {
    pages: pages.length,
    failures,
    titleAgreement: share(strict),
    titleAgreementLoose: share(loose),
    titleAgreementOrJudgedRight: share(
      strict +
        titleDisagreements.filter((d) => d.verdict === 'quire' || d.verdict === 'both').length,
    ),
    bylineAgreementLoose: share(bylines),
    titleDisagreements,
  };
}
