import { DOMParser } from 'linkedom';

/**
 * The CLI's HTML parser: linkedom stands in for the browser's DOMParser (the renderer hands in
 * its own). linkedom's types are its own, hence the cast to the DOM's Document.
 */
export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}
