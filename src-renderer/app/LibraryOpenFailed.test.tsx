import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { OpenProblem } from '../db/open-library-safely.ts';
import { LibraryOpenFailed } from './LibraryOpenFailed.tsx';

const problem = (over: Partial<OpenProblem>): OpenProblem => ({
  kind: 'upgrade-failed',
  found: 3,
  expected: 6,
  unchanged: true,
  detail: "TypeError: Cannot read properties of undefined (reading 'map')",
  ...over,
});

/** The screen's text, tags dropped (entities decoded for the quote). */
const text = (p: OpenProblem) =>
  renderToStaticMarkup(<LibraryOpenFailed problem={p} onRetry={() => {}} />)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ');

describe('LibraryOpenFailed', () => {
  it('says an upgrade failed, that nothing changed, both versions, retry, backup and update, with the detail', () => {
    const shown = text(problem({}));
    expect(shown).toContain('Quire could not upgrade your library');
    expect(shown).toContain('library version 3');
    expect(shown).toContain('Nothing was changed');
    expect(shown).toContain('exactly as it was, at version 3');
    expect(shown).toContain('Library on disk version 3');
    expect(shown).toContain('This Quire reads version 6');
    expect(shown).toContain('Try again');
    expect(shown).toContain('restore the backup of your library made before the upgrade');
    expect(shown).toContain('Update Quire');
    expect(shown).toContain("TypeError: Cannot read properties of undefined (reading 'map')");
  });

  it('keeps the technical detail collapsed and the screen announced as an alert', () => {
    const html = renderToStaticMarkup(
      <LibraryOpenFailed problem={problem({})} onRetry={() => {}} />,
    );
    expect(html).toMatch(/<main[^>]*role="alert"/);
    expect(html).toMatch(
      /<details class="open-failed__details"><summary>Technical details<\/summary>/,
    );
    expect(html).not.toMatch(/<details[^>]* open/);
  });

  it('tells a library from a newer Quire to update Quire, and says it was not opened', () => {
    const shown = text(problem({ kind: 'newer-version', found: 7 }));
    expect(shown).toContain('Your library was made by a newer Quire');
    expect(shown).toContain('Your library is at version 7');
    expect(shown).toContain('has not opened it');
    expect(shown).toContain('Nothing was changed: your library is exactly as it was.');
    expect(shown).toContain('Update Quire to its newest version');
  });

  it('never claims nothing changed when that could not be confirmed', () => {
    const shown = text(problem({ unchanged: false }));
    expect(shown).not.toContain('Nothing was changed');
    expect(shown).toContain('could not confirm that your library is unchanged');
  });
});
