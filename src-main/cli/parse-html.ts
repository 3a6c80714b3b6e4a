import { DOMParser } from 'linkedom';

/**
 * The CLI's HTML parser: linkedom stands in for the browser's DOMParser (the renderer hands in
 * its own). linkedom's types are its own, hence the cast to the DOM's Document.
 */
export function parseHtml(html: string): Document {
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
