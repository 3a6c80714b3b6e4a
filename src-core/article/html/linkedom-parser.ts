import { DOMParser } from 'linkedom';

/**
 * The HTML parser wherever there is no browser DOMParser: the CLI, the app's capture worker
 * (workers have no DOM) and the tests, so all three read a page identically. linkedom is plain
 * JavaScript with no platform dependency; its types are its own, hence the cast to Document.
 */
export function parseHtmlWithLinkedom(html: string): Document {
  // A browser's DOMParser builds <html><body> around a fragment (what a clipboard holds);
  // linkedom does not. Wrapping it only changes the DOM: offsets refer to the original text.
  const whole = /<(?:html|body)[\s>]/i.test(html.slice(0, 4096));
  const wrap = (text: string): Document =>
    new DOMParser().parseFromString(
      `<!doctype html><html><head></head><body>${text}</body></html>`,
      'text/html',
    ) as unknown as Document;
  if (!whole) return wrap(html);
  const doc = new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  // "<html>" inside a comment is no root element: such a page is a fragment too.
  return doc.documentElement ? doc : wrap(html);
}
