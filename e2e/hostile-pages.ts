import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';

/** One attack from the XSS corpus (src-core/test-fixtures/xss), as the corpus spells it. */
export interface Payload {
  id: string;
  payload: string;
}

function corpus(name: string): Payload[] {
  const path = fileURLToPath(new URL(`../src-core/test-fixtures/xss/${name}`, import.meta.url));
  return (JSON.parse(readFileSync(path, 'utf8')) as Payload[]).map(({ id, payload }) => ({
    id,
    payload,
  }));
}

/** Every payload of both corpora, none left out (blank ones included: they must import too). */
export const PAYLOADS: readonly Payload[] = [
  ...corpus('dompurify-payloads.json'),
  ...corpus('h5sc-vectors.json'),
];

/** The sentence every hostile page carries: the reader must show it whatever the payload did. */
export const knownText = (id: string) =>
  `Known readable text of ${id}: the harbour authority measured the tide twice a day all winter.`;

/** Payloads whose first element belongs in a document's head: those go there as well. */
const HEAD_ELEMENT = /^\s*<(?:meta|link|style|base|script|title|noscript|template)\b/i;

const attribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * A realistic saved page around one payload: a title, a byline, three paragraphs of prose (the
 * first holds the known text), the payload in the article body, a closing paragraph, and the same payload in the head's description (as an attribute
 * value) and, for head elements, raw in the head.
 */
export function hostilePage({ id, payload }: Payload): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>Hostile page ${id} | Tide Tables</title>`,
    `<meta name="description" content="${attribute(payload)}">`,
    '<meta name="author" content="Ann Tide">',
    HEAD_ELEMENT.test(payload) ? payload : '',
    '</head><body>',
    '<article>',
    `<h1>Hostile page ${id}</h1>`,
    '<p class="byline">By Ann Tide</p>',
    `<p>${knownText(id)}</p>`,
    '<p>The harbour lights came back after the winter repairs, and the ferry kept its timetable.</p>',
    '<p>The fishing fleet returned in March, a month earlier than the year before, with full nets.</p>',
    payload,
    '<p>The turbines kept turning through every storm the coast could send that year.</p>',
    '</article>',
    '</body></html>',
  ].join('\n');
}

/** Names of the sinks the probes wrap: a payload that runs calls one of these. */
export const PROBED_SINKS = [
  'alert',
  'confirm',
  'prompt',
  'print',
  'open',
  'setTimeout',
  'setInterval',
] as const;

/**
 * Runs in the page before the app (an init script). Wraps every sink a payload calls so that a
 * call leaves three traces: an entry in the global canary `__quireCanary.hits`, a console
 * message starting "quire-probe:", and (for the dialog sinks) the dialog itself. Also records
 * CSP violations and any <script>, <iframe>, <object> or <embed> element added to the document
 * once it has loaded. The app never calls these sinks with strings, and never opens dialogs
 * while reading. `eval` is not wrapped: Playwright's own evaluation goes through it, and the
 * CSP (no 'unsafe-eval') refuses it to page scripts, which the CSP count would show.
 */
export function installProbes(sinks: readonly string[]) {
  const canary: { hits: string[]; csp: string[]; inserted: string[] } = {
    hits: [],
    csp: [],
    inserted: [],
  };
  Object.defineProperty(window, '__quireCanary', { value: canary, writable: false });
  const w = window as unknown as Record<string, unknown>;
  for (const name of sinks) {
    const original = w[name] as ((...args: unknown[]) => unknown) | undefined;
    if (typeof original !== 'function') continue;
    const probe = function (this: unknown, ...args: unknown[]) {
      // Timers are the app's own; only a string body (code to evaluate) is a payload's.
      const isTimer = name === 'setTimeout' || name === 'setInterval';
      if (!isTimer || typeof args[0] === 'string') {
        const detail = `${name}(${String(args[0]).slice(0, 80)})`;
        canary.hits.push(detail);
        console.log(`quire-probe: ${detail}`);
      }
      return original.apply(this, args);
    };
    w[name] = probe;
  }
  document.addEventListener('securitypolicyviolation', (event) => {
    const where = event.sourceFile
      ? ` at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`
      : '';
    const detail = `${event.violatedDirective} ${event.blockedURI}${where} ${event.sample}`.trim();
    canary.csp.push(detail);
    console.log(`quire-probe: csp ${detail}`);
  });
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) {
        if (!(node instanceof Element)) continue;
        const active = node.matches('script, iframe, object, embed, frame')
          ? [node]
          : Array.from(node.querySelectorAll('script, iframe, object, embed, frame'));
        for (const element of active) canary.inserted.push(element.outerHTML.slice(0, 120));
      }
    }
  });
  // The app's own <script> tags are parsed before DOMContentLoaded; anything added later is not.
  document.addEventListener('DOMContentLoaded', () =>
    observer.observe(document, { childList: true, subtree: true }),
  );
}

export interface Canary {
  hits: string[];
  csp: string[];
  inserted: string[];
}

/**
 * Starts watching `app` for anything a payload could do, then loads the app again (with
 * `query`) with the probes in place before its first script: dialogs, probe messages on the console, CSP
 * messages, uncaught errors, and every request to an origin other than the app's (counted and
 * aborted, from the page and its workers).
 */
export async function watchForExecution(app: Page, query = '') {
  const appOrigin = new URL(app.url()).origin;
  const context = app.context();
  const nonLocal = new Set<string>();
  const isLocal = (url: URL) =>
    url.origin === appOrigin || url.protocol === 'blob:' || url.protocol === 'data:';
  await context.route(
    (url) => !isLocal(url),
    async (route) => {
      nonLocal.add(route.request().url());
      await route.abort('blockedbyclient');
    },
  );
  context.on('request', (request) => {
    if (!isLocal(new URL(request.url()))) nonLocal.add(request.url());
  });
  const dialogs: string[] = [];
  app.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const consoleProbes: string[] = [];
  const cspConsole: string[] = [];
  app.on('console', (message) => {
    const text = message.text();
    if (text.startsWith('quire-probe:')) consoleProbes.push(text);
    else if (/Content Security Policy/i.test(text)) cspConsole.push(text);
  });
  const pageErrors: string[] = [];
  app.on('pageerror', (error) => pageErrors.push(error.message));

  await context.addInitScript(installProbes, PROBED_SINKS);
  // `query` selects a capture path (`?capture=main-thread`); the library stays empty.
  await app.goto(`/${query}`);
  await expect(app.getByRole('heading', { name: /^Library/ })).toBeVisible();
  expect(
    await app.evaluate(() => typeof (window as { __quireCanary?: unknown }).__quireCanary),
  ).toBe('object');

  return {
    nonLocal,
    dialogs,
    consoleProbes,
    cspConsole,
    pageErrors,
    /** The canary, once handlers a render queued (load, error, timers at 0) had their turn. */
    canary: () =>
      app.evaluate(
        () =>
          new Promise<Canary>((resolve) =>
            requestAnimationFrame(() =>
              requestAnimationFrame(() =>
                resolve((window as unknown as { __quireCanary: Canary }).__quireCanary),
              ),
            ),
          ),
      ),
  };
}
