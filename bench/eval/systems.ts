import { Readability } from '@mozilla/readability';
import { DOMParser } from 'linkedom';
import { captureSource } from '../../src-core/article/capture.ts';
import type { CslName } from '../../src-core/article/model.ts';

/** linkedom stands in for the browser's DOMParser, as in the CLI; its types are its own. */
export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** The reference system: Readability's text, exactly as the corpus README reproduced it. */
export function readabilityText(html: string): string {
  return new Readability(parseHtml(html)).parse()?.textContent ?? '';
}

/** Whatever captureSource returns; the eval reads only `body[].text`, `csl.title`, `csl.author`. */
export type CapturedArticle = ReturnType<typeof captureSource>;

export type QuireResult =
  { article: CapturedArticle; error: null } | { article: null; error: string };

/** Quire's whole capture (it parses its own DOM). A throw is a result, not a crash of the eval. */
export function quireCapture(html: string, url: string): QuireResult {
  try {
    return { article: captureSource(html, 'text/html', { parseHtml, url }), error: null };
  } catch (error) {
    return { article: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The prediction the benchmark scores: every body paragraph's text, one per line. */
export function quireBodyText(article: CapturedArticle | null): string {
  return article?.body.map((paragraph) => paragraph.text).join('\n') ?? '';
}

/** Authors as a byline: "Given Family" for people, the literal for organisations. */
export function quireByline(article: CapturedArticle | null): string {
  return (article?.csl.author ?? []).map(nameText).join(', ');
}

function nameText(name: CslName): string {
  return name.literal ?? [name.given, name.family].filter(Boolean).join(' ');
}
