import { parentPort } from 'node:worker_threads';
import { captureSource } from '../../article/capture.ts';
import { findDate } from '../../article/dates.ts';
import {
  bylineText,
  isAuthorBio,
  isBoilerplate,
  taxonomyValues,
} from '../../article/boilerplate.ts';
import { isOrganisation, parseByline, properCase } from '../../article/names.ts';
import { noticeKind } from '../../article/notices.ts';
import { readDateline } from '../../article/rules/dateline.ts';
import { parseHtml } from '../capture.ts';
import { anchorTarget } from '../../excerpt/anchor.ts';
import { findQuote } from '../../excerpt/find-quote.ts';
import { chooseLocator } from '../../excerpt/locator.ts';
import { renderExcerpts } from '../../excerpt/render.ts';
import type { ExcerptDocument } from '../../excerpt/types.ts';
import {
  hostileInput,
  LOOPS_FOREVER,
  READY,
  type CaseRequest,
  type CaseResult,
  type Target,
} from './inputs.ts';

// Test-only: runs in a worker thread (worker.mjs), so a call that never returns can be stopped
// from outside without stalling the test run. Each message names a target and an input shape;
// the input is built here, the call made, and the outcome posted back.

const context = { organisations: ['Harbour Times'] };

/** The input as an article body, and a 2,000-character quote of it with one character changed. */
function quoteCase(s: string) {
  const body = [{ n: 1, id: 'p1', text: s }];
  const exact = s.slice(1000, 3000);
  return { body, quote: `${exact.slice(0, 1000)}\u00a7${exact.slice(1001)}` };
}

/** A highlight of the input whose words changed and whose position is stale: the full search. */
function staleTarget(s: string) {
  const { body, quote } = quoteCase(s);
  const paragraphs = { firstId: 'p1', firstN: 1, lastId: 'p1', lastN: 1 };
  return anchorTarget(body, {
    quote: { type: 'TextQuoteSelector', exact: quote, prefix: s.slice(968, 1000), suffix: '' },
    position: { type: 'TextPositionSelector', start: s.length - 10, end: s.length },
    paragraphs,
  });
}

/** An excerpt whose every string from the article or the user is the input. */
function excerptOf(s: string): ExcerptDocument {
  const formatted = { text: s, markdown: s, html: s };
  const paragraphs = { firstId: 'p1', firstN: 1, lastId: 'p1', lastN: 1 };
  const notice = { kind: 'copyright', display: s, text: s, sha256: '0'.repeat(64) };
  const source = { id: 'a', title: s, reference: formatted, notices: [notice], sourceSha256: '' };
  const excerpt = { quote: s, quoteSha256: '', paragraphs, locator: s, inText: formatted };
  return {
    style: { id: 'apa', title: s },
    excerpts: [{ ...excerpt, note: s, tags: [s], source }],
    created: s,
  };
}

const CALLS: Record<Target, (input: string) => unknown> = {
  'captureSource text/plain': (s) => captureSource(s, 'text/plain'),
  'captureSource text/markdown': (s) => captureSource(s, 'text/markdown'),
  'captureSource text/html': (s) => captureSource(s, 'text/html', { parseHtml }),
  'noticeKind (body)': (s) => noticeKind(s, false),
  'noticeKind (footer)': (s) => noticeKind(s, true),
  'isBoilerplate (body)': (s) => isBoilerplate(s, false),
  'isBoilerplate (outside the body)': (s) => isBoilerplate(s, true),
  bylineText: (s) => bylineText(s),
  taxonomyValues: (s) => taxonomyValues(s),
  isAuthorBio: (s) => isAuthorBio(s, ['Jane Smith']),
  readDateline: (s) => readDateline(s),
  findDate: (s) => findDate(s),
  parseByline: (s) => parseByline(s, context),
  isOrganisation: (s) => isOrganisation(s, context),
  properCase: (s) => properCase(s),
  anchorTarget: (s) => staleTarget(s),
  'renderExcerpts markdown': (s) => renderExcerpts(excerptOf(s), 'markdown'),
  'chooseLocator section': (s) =>
    chooseLocator(
      { firstId: 'a', firstN: 2, lastId: 'a', lastN: 2 },
      [{ text: s, before: 1 }],
      'section',
    ),
  findQuote: (s) => {
    const { body, quote } = quoteCase(s);
    return findQuote(body, quote);
  },
  [LOOPS_FOREVER]: () => {
    for (;;);
  },
};

parentPort?.on('message', (request: CaseRequest) => {
  let result: CaseResult;
  try {
    CALLS[request.target](hostileInput(request.char, request.shape));
    result = { returned: true };
  } catch (error) {
    result = { returned: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(result);
});

parentPort?.postMessage(READY);
