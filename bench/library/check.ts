/**
 * `npm run bench:library -- --check`: prints a generated article and checks the generator in
 * Node, without a browser: paragraph and notice offsets index the source text, the hashes are
 * those of the exact bytes (node:crypto, independently of WebCrypto), the same (seed, index)
 * gives the same article, word frequencies look Zipf-like, and every query matches articles.
 */
import { createHash } from 'node:crypto';
import { composeArticle, generateArticle, type ArticleText } from './generate.ts';
import { parseQuery, scanMatches, type ScanDoc } from './page/query.ts';
import { QUERIES } from './queries.ts';

const hex = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

function scanDoc(a: ArticleText): ScanDoc {
  const authors = a.authors
    .map((n) => n.literal ?? `${n.given} ${n.family}`)
    .join('; ')
    .toLowerCase();
  const title = a.title.toLowerCase();
  const site = `${a.site.title} ${a.url}`.toLowerCase();
  const all = [title, authors, site, a.text.slice(a.paragraphs[0]![0]).toLowerCase()].join('\n');
  return { all, title, authors, site, tags: a.tags, year: a.year };
}

export async function runCheck(seed: number, out: (line: string) => void): Promise<number> {
  const problems: string[] = [];
  const sample = await generateArticle(seed, 0);
  const text = new TextDecoder().decode(sample.bytes);
  out(`Article 0 of seed ${seed} (${sample.bytes.byteLength} bytes):\n`);
  out(text.length > 1600 ? `${text.slice(0, 1200)}\n[…]\n${text.slice(-400)}` : text);
  const { body, rights, source, csl, keywords } = sample.parsed;
  out(
    `\n${body.length} paragraphs, ${rights.length} notices (${rights.map((r) => r.kind).join(', ')}), ` +
      `tags ${keywords.join(', ')}, ${csl.URL}, sha256 ${source.sha256.slice(0, 16)}…\n`,
  );

  const counts = new Map<string, number>();
  let words = 0;
  const checked = 200;
  for (let i = 0; i < checked; i++) {
    const { parsed, bytes } = await generateArticle(seed, i);
    const again = await generateArticle(seed, i);
    const source = new TextDecoder().decode(bytes);
    if (JSON.stringify(again.parsed) !== JSON.stringify(parsed))
      problems.push(`${i}: not deterministic`);
    if (hex(bytes) !== parsed.source.sha256)
      problems.push(`${i}: source.sha256 is not the bytes' hash`);
    if (bytes.byteLength !== parsed.source.byteLength) problems.push(`${i}: byteLength`);
    for (const p of parsed.body) {
      if (source.slice(p.start, p.end) !== p.text) problems.push(`${i}: paragraph ${p.n} offsets`);
      for (const w of p.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
        counts.set(w, (counts.get(w) ?? 0) + 1);
        words++;
      }
    }
    for (const n of parsed.rights) {
      if (source.slice(n.start, n.end) !== n.text) problems.push(`${i}: ${n.kind} notice offsets`);
      if (hex(n.text) !== n.sha256) problems.push(`${i}: ${n.kind} notice sha256`);
    }
  }
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 12);
  out(
    `${checked} articles: ${(words / checked).toFixed(0)} body words each, ${counts.size} distinct words`,
  );
  out(
    `most frequent: ${top.map(([w, c]) => `${w} ${((100 * c) / words).toFixed(1)} %`).join(', ')}\n`,
  );

  const library = 1000;
  const docs = Array.from({ length: library }, (_, i) => scanDoc(composeArticle(seed, i)));
  out(`The 50 queries, matches among ${library} articles (full-scan reading):`);
  for (const { kind, query } of QUERIES) {
    const parsed = parseQuery(query);
    const matched = docs.filter((d) => scanMatches(d, parsed)).length;
    if (matched === 0) problems.push(`query ${query} matches nothing in ${library} articles`);
    out(`  ${kind.padEnd(8)} ${query.padEnd(34)} ${matched}`);
  }
  out(
    problems.length === 0 ? '\nGenerator OK.' : `\nProblems:\n${problems.slice(0, 20).join('\n')}`,
  );
  return problems.length === 0 ? 0 : 1;
}
