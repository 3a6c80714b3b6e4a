import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures.ts';
import { fileInput } from './helpers.ts';
import { hostilePage, knownText, PAYLOADS, watchForExecution } from './hostile-pages.ts';
import { summary, writeResults, type Run } from './hostile-results.ts';

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

/**
 * The two ways the web app captures a page (ADR 0009, 0016). Both store the same model, which
 * the same reader shows: the UI-thread run checks the capture alone (it runs in the app's own
 * window), and leaves the reader to the worker run, to keep the spec near two minutes.
 */
const CAPTURE_PATHS = [
  { name: 'capture worker', query: '', open: true },
  { name: 'UI thread (?capture=main-thread)', query: '?capture=main-thread', open: false },
] as const;

const runs: Run[] = [];
test.afterAll(() => {
  if (runs.length) writeResults(RESULTS, runs);
});

for (const path of CAPTURE_PATHS) {
  const what = path.open
    ? 'imported as its own page and opened in the reader'
    : 'imported as its own page';
  test(`${path.name}: every XSS payload, ${what}, runs nothing and fetches nothing`, async ({
    app,
  }) => {
    // About a minute each on a quiet 2-core machine; the margin is for a machine shared with others.
    test.setTimeout(300_000);
    const started = Date.now();
    const watch = await watchForExecution(app, path.query);

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
    const saved = outcomes.filter((o) => o.status === 'saved');

    // Open each saved article from its result line, as a user would, and read it. The first
    // with a real mouse click (the button is there for a user), then all of them from the page.
    let readings: Reading[] = [];
    if (path.open) {
      await rows.first().locator('button').click();
      await expect(app.getByTestId('reader-body')).toBeVisible();
      readings = await app.evaluate(
        openAndInspect,
        outcomes.flatMap((o, row) =>
          o.status === 'saved' ? [{ row, id: idOf(o.label), known: knownText(idOf(o.label)) }] : [],
        ),
      );
    }
    const canary = await watch.canary();
    const run: Run = {
      name: path.name,
      openedInReader: path.open,
      tried: PAYLOADS.length,
      saved: saved.length,
      refused: refused.map((o) => `${o.label}: ${o.status}: ${o.detail}`),
      refusedWithMessage: refused.filter(
        (o) => o.status === 'failed' && o.detail.trim().length > 10,
      ).length,
      opened: readings.filter((r) => r.readable).map((r) => r.id),
      unreadable: readings.filter((r) => !r.readable).map((r) => r.id),
      dialogs: watch.dialogs,
      consoleProbes: watch.consoleProbes,
      canaryHits: canary.hits,
      csp: [...canary.csp, ...watch.cspConsole],
      inserted: canary.inserted,
      liveMarkup: readings.flatMap((r) => r.live.map((found) => `${r.id}: ${found}`)),
      pageErrors: watch.pageErrors,
      nonLocal: [...watch.nonLocal],
      importSeconds: (importedAt - started) / 1000,
      totalSeconds: (Date.now() - started) / 1000,
    };
    runs.push(run);
    console.log(`hostile pages, ${path.name}: ${JSON.stringify(summary(run))}`);

    expect({
      dialogs: run.dialogs,
      consoleProbes: run.consoleProbes,
      canaryHits: run.canaryHits,
      csp: run.csp,
      inserted: run.inserted,
      pageErrors: run.pageErrors,
      nonLocal: run.nonLocal,
      liveMarkup: run.liveMarkup,
      unreadable: run.unreadable,
    }).toEqual({
      dialogs: [],
      consoleProbes: [],
      canaryHits: [],
      csp: [],
      inserted: [],
      pageErrors: [],
      nonLocal: [],
      liveMarkup: [],
      unreadable: [],
    });
    expect(run.refusedWithMessage).toBe(refused.length);
    expect(run.opened.length).toBe(path.open ? saved.length : 0);
  });
}
