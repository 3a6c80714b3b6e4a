import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSL_RESOURCES, REFERENCE_CSL } from '../testing/fixtures.ts';
import { casingOfStyle } from './csl-styles.ts';
import { checkCslStyle, CslStyleError } from './custom-style.ts';
import { createCitationEngine } from './engine.ts';
import { BUILT_IN_STYLES } from './styles.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../e2e/fixtures/${name}`, import.meta.url), 'utf8');

const SHORT = fixture('quire-short.csl');

const style = (body: string, attrs = ''): string =>
  `<?xml version="1.0"?><style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"${attrs}><info><title>T</title><id>urn:t</id></info>${body}</style>`;

describe('checkCslStyle', () => {
  it('reads a usable style: title, id, layouts and default locale', () => {
    expect(checkCslStyle(SHORT)).toEqual({
      cslId: 'https://quire.example/styles/short',
      title: 'Quire Test Short Style',
      hasBibliography: true,
      hasCitation: true,
      defaultLocale: null,
      kind: 'author-date',
    });
    expect(
      checkCslStyle(style('<bibliography><layout/></bibliography>', ' default-locale="en-GB"')),
    ).toMatchObject({ hasBibliography: true, hasCitation: false, defaultLocale: 'en-GB' });
    const notes = style('<citation><layout/></citation>', '').replace(
      '</title>',
      '</title><category citation-format="note"/><category field="history"/>',
    );
    expect(checkCslStyle(notes).kind).toBe('note');
  });

  it.each(BUILT_IN_STYLES.map((s) => [s.id, s.file]))('accepts the shipped %s style', (_, file) => {
    const xml = readFileSync(
      new URL(`../../resources/csl/styles/${file}`, import.meta.url),
      'utf8',
    );
    expect(checkCslStyle(xml).hasBibliography).toBe(true);
  });

  it.each([
    ['an empty file', '', 'This file is empty, not a CSL style'],
    ['plain text', fixture('not-a-style.csl'), 'This file is not well-formed XML'],
    ['binary junk', '\u0000\u0001PK\u0003\u0004', 'This file is not well-formed XML'],
    ['unclosed tags', '<style><citation>', 'This file is not well-formed XML'],
    ['an HTML page', '<html><body><p>hi</p></body></html>', 'its root is <html>, not <style>'],
    [
      'a style outside the CSL namespace',
      '<style><citation><layout/></citation></style>',
      'not in the CSL namespace',
    ],
    [
      'a style with nothing to print',
      style('<macro name="m"/>'),
      'no citation or bibliography layout',
    ],
    [
      'a dependent style',
      `<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><info><title>D</title><link href="http://www.zotero.org/styles/apa" rel="independent-parent"/></info></style>`,
      'This is a dependent style: it only points to http://www.zotero.org/styles/apa',
    ],
  ])('refuses %s with a message for the user', (_, xml, message) => {
    expect(() => checkCslStyle(xml)).toThrow(CslStyleError);
    expect(() => checkCslStyle(xml)).toThrow(message);
  });

  it('refuses a file over 2 MB unread', () => {
    expect(() => checkCslStyle(`<style>${' '.repeat(2 * 1024 * 1024)}</style>`)).toThrow(
      'too large',
    );
  });
});

describe('custom styles in the engine', () => {
  const article = {
    csl: REFERENCE_CSL,
    originalSource: null,
    body: Array.from({ length: 6 }, () => ({ text: 'The Taliban and ISIS in Afghanistan.' })),
  };

  it('lists an added style after the shipped ones and cites with it', () => {
    const engine = createCitationEngine(CSL_RESOURCES);
    const info = engine.addStyle({ id: 'custom-1', xml: SHORT });
    expect(info).toMatchObject({ id: 'custom-1', label: 'Quire Test Short Style', builtIn: false });
    expect(engine.styles().map((s) => s.id)).toEqual([
      ...BUILT_IN_STYLES.map((s) => s.id),
      'custom-1',
    ]);
    expect(engine.reference(article, 'custom-1')).toBe(
      'South Front — Video: Taliban pushes back against ISIS expansion in Afghanistan. Increased US troops deployed — Global Research — 2018.',
    );
    expect(engine.inText(article, 'custom-1', { locator: 'para. 2' })).toBe(
      '<South Front 2018, para. 2>',
    );
    expect(engine.removeStyle('apa')).toBe(false);
    expect(engine.removeStyle('custom-1')).toBe(true);
    expect(engine.styles().map((s) => s.id)).toEqual(BUILT_IN_STYLES.map((s) => s.id));
    expect(() => engine.reference(article, 'custom-1')).toThrow('Unknown citation style');
  });

  it('checkStyle tries a style without listing it; a style that fails when citing is refused', () => {
    const engine = createCitationEngine(CSL_RESOURCES);
    expect(engine.checkStyle(SHORT).label).toBe('Quire Test Short Style');
    expect(engine.styles().some((s) => !s.builtIn)).toBe(false);
    const broken = style('<citation><layout><text macro="no-such-macro"/></layout></citation>');
    expect(() => engine.checkStyle(broken)).toThrow(CslStyleError);
    expect(() => engine.addStyle({ id: 'bad', xml: broken })).toThrow(CslStyleError);
    expect(engine.styles().some((s) => s.id === 'bad')).toBe(false);
  });

  it('gives a style that title-cases its titles headline case, and any other sentence case', () => {
    expect(casingOfStyle(SHORT)).toBe('sentence');
    expect(
      casingOfStyle(
        style('<citation><layout><text variable="title" text-case="title"/></layout></citation>'),
      ),
    ).toBe('chicago');
  });
});
