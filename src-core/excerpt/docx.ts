import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { decodeEntities } from '../text/entities.ts';
import {
  docTitle,
  EXACT_TEXT_LABEL,
  groupBySource,
  noticeLabel,
  NOTICES_HEADING,
  quoteParagraphs,
} from './render.ts';
import type { ExcerptDocument, ExcerptNotice, Formatted } from './types.ts';

/**
 * Annotated excerpts as a Word document: the content and order of the text format (render.ts),
 * quotes indented, citations and references with the style's italics, notices one paragraph per
 * line so their line breaks survive. Packed as a Uint8Array, which works in Node and browsers.
 */

type RunStyle = { italics?: boolean; bold?: boolean; smallCaps?: boolean };

/** XML 1.0 cannot carry these control characters: Word would refuse the whole file. */
const xmlSafe = (text: string): string =>
  // eslint-disable-next-line no-control-regex
  text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/gu, '\ufffd');

/** One paragraph's text as runs, a line break for each newline inside it. */
function lines(text: string, style: RunStyle = {}): TextRun[] {
  return xmlSafe(text)
    .split(/\r\n|[\r\n]/u)
    .map((line, i) => new TextRun({ text: line, ...style, ...(i ? { break: 1 } : {}) }));
}

/**
 * citeproc's inline HTML (i, b, em, strong, small-caps spans) as styled runs; the plain text
 * when the markup is anything else.
 */
function inlineRuns(formatted: Formatted): TextRun[] {
  const html = formatted.html.replace(/<\/?div[^>]*>/gu, ' ').trim();
  const runs: TextRun[] = [];
  const stack: RunStyle[] = [{}];
  for (const m of html.matchAll(/<(\/?)([a-z]+)([^>]*)>|[^<]+/giu)) {
    const [token, closing, tag, attributes = ''] = m;
    const style = stack[stack.length - 1]!;
    if (tag === undefined) {
      runs.push(new TextRun({ text: xmlSafe(decodeEntities(token)), ...style }));
    } else if (closing) {
      if (stack.length > 1) stack.pop();
    } else if (/^(?:i|em)$/iu.test(tag)) stack.push({ ...style, italics: !style.italics });
    else if (/^(?:b|strong)$/iu.test(tag)) stack.push({ ...style, bold: true });
    else if (/^span$/iu.test(tag)) {
      const smallCaps = attributes.includes('small-caps') || style.smallCaps;
      const normal = attributes.includes('font-style:normal');
      stack.push({
        ...style,
        ...(smallCaps ? { smallCaps } : {}),
        ...(normal ? { italics: false } : {}),
      });
    } else return lines(formatted.text);
  }
  return runs;
}

const QUOTE_INDENT = { left: 720, right: 720 }; // half an inch each side, in twentieths of a point

const para = (children: TextRun[], options: { indent?: typeof QUOTE_INDENT } = {}): Paragraph =>
  new Paragraph({ children, ...options, spacing: { after: 120 } });
const labelled = (label: string, children: TextRun[]): Paragraph =>
  para([new TextRun({ text: `${label} `, bold: true }), ...children]);
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ heading: level, children: [new TextRun(xmlSafe(text))] });

/** Each line of the notice's text as its own paragraph, exactly (blank lines included). */
const verbatim = (text: string): Paragraph[] =>
  text.split(/\r\n|[\r\n]/u).map((line) => para([new TextRun(xmlSafe(line))]));

/** Said under a notice that holds characters a Word file cannot (never silently changed). */
const UNSAFE_NOTE =
  'This notice contains control characters a Word document cannot hold, shown here as \ufffd; the Markdown, HTML and text exports carry it exactly.';

function notice(n: ExcerptNotice): Paragraph[] {
  const exact =
    n.text === n.display ? [] : [para(lines(`${EXACT_TEXT_LABEL}:`)), ...verbatim(n.text)];
  const unsafe = xmlSafe(n.text) !== n.text || xmlSafe(n.display) !== n.display;
  return [
    para([new TextRun({ text: `${noticeLabel(n.kind)}:`, bold: true })]),
    ...verbatim(n.display),
    ...exact,
    ...(unsafe ? [para([new TextRun({ text: UNSAFE_NOTE, italics: true })])] : []),
    para(lines(`Notice SHA-256: ${n.sha256}`)),
  ];
}

function body(doc: ExcerptDocument): Paragraph[] {
  const out = [
    heading(docTitle(doc), HeadingLevel.HEADING_1),
    para(lines(`Created ${doc.created}`)),
  ];
  for (const { source, excerpts } of groupBySource(doc.excerpts)) {
    out.push(heading(source.title, HeadingLevel.HEADING_2));
    for (const e of excerpts) {
      const quote = quoteParagraphs(e.quote);
      quote.forEach((p, i) => {
        const cite = i === quote.length - 1 ? [new TextRun(' '), ...inlineRuns(e.inText)] : [];
        out.push(para([...lines(p), ...cite], { indent: QUOTE_INDENT }));
      });
      if (e.note) out.push(labelled('Note:', lines(e.note)));
      if (e.tags.length) out.push(labelled('Tags:', lines(e.tags.join(', '))));
      out.push(para(lines(`Quote SHA-256: ${e.quoteSha256}`)));
    }
    out.push(labelled('Reference:', inlineRuns(source.reference)));
    if (source.notices.length) {
      out.push(heading(NOTICES_HEADING, HeadingLevel.HEADING_3), ...source.notices.flatMap(notice));
    }
    out.push(para(lines(`Source SHA-256: ${source.sourceSha256}`)));
  }
  return out;
}

/** The excerpts as a .docx file. */
export async function excerptsToDocx(doc: ExcerptDocument): Promise<Uint8Array> {
  const file = new Document({
    title: xmlSafe(docTitle(doc)),
    creator: 'Quire',
    sections: [{ children: body(doc) }],
  });
  return Packer.pack(file, 'uint8array');
}
