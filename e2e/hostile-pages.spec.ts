import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures.ts';
import { fileInput } from './helpers.ts';
import { hostilePage, knownText, PAYLOADS, watchForExecution } from './hostile-pages.ts';

/**
 * DESIGN §3 and issue 12 item 5: every payload of the XSS corpus, imported as its own web page
 * through the file picker and opened in the reader, runs nothing (dialogs, console probes, the
 * global canary, CSP violations), reaches no other origin, and leaves its known text readable.
 * The figures go to docs/security/hostile-pages.md for the closing note.
 */

const RESULTS = fileURLToPath(new URL('../docs/security/hostile-pages.md', import.meta.url));

interface Reading {
  id: string;
  /** The reader showed the known text within the time allowed. */
  readable: boolean;
  /** What in the article's header and body could run or load: must always be empty. */
  live: string[];
}

/**
 * Runs in the page, in one go (a round trip per article cost more than the app's own work):
 * for each saved article, clicks its result line's button, waits until the reader shows its
 * known text, then lists what in the article's header fields and body could run or load.
 */
async function openAndInspect(entries: { row: number; id: string; known: string }[]) {
  const rows = Array.from(
    document.querySelectorAll('[data-testid="batch-results"] > li'),
  ) as HTMLElement[];
  const fields = [
    'reader-body',
    'reader-title',
    'reader-authors',
    'reader-site',
    'reader-date',
    'reader-original-source',
  ];
  const active = 'script, iframe, frame, object, embed, svg, math, style, link, base, form, input';
  const inspect = (): string[] => {
    const found: string[] = [];
    for (const field of fields) {
      const region = document.querySelector(`[data-testid="${field}"]`);
      if (!region) continue;
      for (const element of Array.from(region.querySelectorAll(active))) {
        found.push(`<${element.localName}>`);
      }
      for (const element of [region, ...Array.from(region.querySelectorAll('*'))]) {
        for (const name of element.getAttributeNames()) {
          if (name.toLowerCase().startsWith('on')) found.push(`${element.localName}[${name}]`);
        }
      }
      for (const img of Array.from(region.querySelectorAll('img'))) {
        const src = img.getAttribute('src') ?? '';
        if (!src.startsWith('blob:')) found.push(`img[src=${src.slice(0, 60)}]`);
      }
      for (const a of Array.from(region.querySelectorAll('a[href]'))) {
        const href = a.getAttribute('href') ?? '';
        if (!/^https?:\/\//i.test(href)) found.push(`a[href=${href.slice(0, 60)}]`);
      }
    }
    return found;
  };
  const shows = (known: string) =>
    (
      document.querySelector('[data-testid="reader-body"]') as HTMLElement | null
    )?.innerText.includes(known) ?? false;
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const readings: Reading[] = [];
  for (const { row, id, known } of entries) {
    rows[row]?.querySelector('button')?.click();
    const deadline = performance.now() + 5_000;
    while (!shows(known) && performance.now() < deadline) await frame();
    const readable = shows(known);
    readings.push({ id, readable, live: readable ? inspect() : [] });
  }
  return readings;
}

test('the probes see a script that runs and a request that leaves: the harness can fail', async ({
  app,
}) => {
  const watch = await watchForExecution(app);
  // Stand-ins for a payload that ran: a dialog sink, code from a string, a remote image.
  await app.evaluate(() => {
    window.alert('ran');
    (window.setTimeout as (code: string) => number)('void 0');
    new Image().src = 'https://evil.example/beacon.png';
  });
  await expect.poll(() => watch.nonLocal.size).toBe(1);
  await expect.poll(() => watch.dialogs.length).toBe(1);
  await expect.poll(() => watch.consoleProbes.length).toBeGreaterThanOrEqual(2);
  const canary = await watch.canary();
  expect(canary.hits).toEqual(['alert(ran)', 'setTimeout(void 0)']);
  // The CSP has no 'unsafe-eval': code from a string is refused, and the refusal is seen.
  await expect.poll(async () => (await watch.canary()).csp.length).toBeGreaterThanOrEqual(1);
  expect([...watch.nonLocal]).toEqual(['https://evil.example/beacon.png']);
});

test('every XSS payload, imported as its own page and opened in the reader, runs nothing and fetches nothing', async ({
  app,
}) => {
  // About 2.5 minutes on a quiet 2-core machine; the margin is for a machine shared with others.
  test.setTimeout(360_000);
  const started = Date.now();
  const watch = await watchForExecution(app);

  // One batch through the file picker: a page per payload.
  await fileInput(app).setInputFiles(
    PAYLOADS.map((p) => ({
      name: `${p.id}.html`,
      mimeType: 'text/html',
      buffer: Buffer.from(hostilePage(p), 'utf8'),
    })),
  );
  const panel = app.getByTestId('batch-panel');
  await expect(panel).toHaveAttribute('data-state', 'done', { timeout: 150_000 });
  await expect(panel).toHaveAttribute('data-total', String(PAYLOADS.length));
  const importedAt = Date.now();

  // CSS, not roles: a role query walks all 372 rows' accessibility each time it resolves.
  const rows = panel.getByTestId('batch-results').locator(':scope > li');
  await expect(rows).toHaveCount(PAYLOADS.length);
  const outcomes = await rows.evaluateAll((items) =>
    items.map((li) => ({
      status: li.getAttribute('data-status') ?? '',
      label: li.querySelector('.batch__label')?.textContent ?? '',
      detail: li.querySelector('.batch__detail')?.textContent ?? '',
    })),
  );
  const idOf = (label: string) => label.replace(/\.html$/, '');
  expect(outcomes.map((o) => idOf(o.label)).sort()).toEqual(PAYLOADS.map((p) => p.id).sort());

  const refused = outcomes.filter((o) => o.status !== 'saved');
  const refusedWithMessage = refused.filter(
    (o) => o.status === 'failed' && o.detail.trim().length > 10,
  );
  const saved = outcomes.filter((o) => o.status === 'saved');

  // Open each saved article from its result line, as a user would, and read it. The first with
  // a real mouse click (the button is there for a user), then all of them from the page.
  await rows.first().locator('button').click();
  await expect(app.getByTestId('reader-body')).toBeVisible();
  const readings = await app.evaluate(
    openAndInspect,
    outcomes.flatMap((o, row) =>
      o.status === 'saved' ? [{ row, id: idOf(o.label), known: knownText(idOf(o.label)) }] : [],
    ),
  );
  const opened = readings.filter((r) => r.readable).map((r) => r.id);
  const unreadable = readings.filter((r) => !r.readable).map((r) => r.id);
  const liveMarkup = readings.flatMap((r) => r.live.map((found) => `${r.id}: ${found}`));
  const { dialogs, consoleProbes, cspConsole, pageErrors, nonLocal } = watch;
  const canary = await watch.canary();
  const executions = dialogs.length + consoleProbes.length + canary.hits.length + canary.csp.length;
  const seconds = (Date.now() - started) / 1000;

  const figures = {
    tried: PAYLOADS.length,
    imported: saved.length,
    refused: refused.length,
    refusedWithMessage: refusedWithMessage.length,
    opened: opened.length,
    unreadable: unreadable.length,
    dialogs: dialogs.length,
    consoleProbes: consoleProbes.length,
    canaryHits: canary.hits.length,
    cspViolations: canary.csp.length + cspConsole.length,
    insertedActiveElements: canary.inserted.length,
    liveMarkupInReader: liveMarkup.length,
    pageErrors: pageErrors.length,
    executions,
    nonLocalRequests: nonLocal.size,
  };
  console.log(`hostile pages: ${JSON.stringify(figures)}`);
  writeResults(figures, {
    importSeconds: (importedAt - started) / 1000,
    totalSeconds: seconds,
    refused: refused.map((o) => `${o.label}: ${o.status}: ${o.detail}`),
    details: [
      ...dialogs,
      ...consoleProbes,
      ...canary.hits,
      ...canary.csp,
      ...cspConsole,
      ...pageErrors,
    ],
    inserted: canary.inserted,
    nonLocal: [...nonLocal],
    unreadable,
    liveMarkup,
  });

  expect({ dialogs, consoleProbes, hits: canary.hits, csp: canary.csp, cspConsole }).toEqual({
    dialogs: [],
    consoleProbes: [],
    hits: [],
    csp: [],
    cspConsole: [],
  });
  expect(canary.inserted).toEqual([]);
  expect(pageErrors).toEqual([]);
  expect([...nonLocal]).toEqual([]);
  expect(liveMarkup).toEqual([]);
  expect(unreadable).toEqual([]);
  expect(refused.length).toBe(refusedWithMessage.length);
  expect(opened.length).toBe(saved.length);
});

function writeResults(
  figures: Record<string, number>,
  run: {
    importSeconds: number;
    totalSeconds: number;
    refused: string[];
    details: string[];
    inserted: string[];
    nonLocal: string[];
    unreadable: string[];
    liveMarkup: string[];
  },
) {
  const list = (items: string[]) =>
    items.length ? items.map((item) => `- \`${item.replace(/`/g, "'")}\``).join('\n') : 'none';
  const f = figures;
  const text = `# Hostile pages: figures

Written by \`e2e/hostile-pages.spec.ts\` (web mode, Chromium) on its last run; do not edit by hand.
Every payload of \`src-core/test-fixtures/xss\` (DOMPurify's fixtures and the HTML5 Security
Cheatsheet) is imported as its own HTML page through the file picker, in one batch, then opened
in the reader from its result line.

| what | count |
| --- | --- |
| payloads tried | ${f.tried} |
| imported | ${f.imported} |
| refused, with a message | ${f.refusedWithMessage} of ${f.refused} |
| opened in the reader, known text readable | ${f.opened} |
| known text not readable | ${f.unreadable} |
| script executions (total) | ${f.executions} |
| — dialogs | ${f.dialogs} |
| — console probes | ${f.consoleProbes} |
| — canary hits (alert, confirm, prompt, print, open, string timers) | ${f.canaryHits} |
| — CSP violations | ${f.cspViolations} |
| script, iframe, object or embed elements added to the document | ${f.insertedActiveElements} |
| live markup in the reader (handlers, foreign elements, non-blob images, non-http links) | ${f.liveMarkupInReader} |
| uncaught errors in the page | ${f.pageErrors} |
| requests to a non-local origin | ${f.nonLocalRequests} |

Import of the batch: ${run.importSeconds.toFixed(1)} s; whole run: ${run.totalSeconds.toFixed(1)} s.

## Refused
${list(run.refused)}

## Executions
${list(run.details)}

## Inserted elements
${list(run.inserted)}

## Non-local requests
${list(run.nonLocal)}

## Known text not readable
${list(run.unreadable)}

## Live markup in the reader
${list(run.liveMarkup)}
`;
  mkdirSync(fileURLToPath(new URL('.', `file://${RESULTS}`)), { recursive: true });
  writeFileSync(RESULTS, text);
}
