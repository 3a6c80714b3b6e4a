/** Metadata a Markdown clipper wrote at the top of the file (`---` YAML front matter). */
export interface FrontMatter {
  fields: Map<string, string[]>;
  /** Offset of the first character after the closing `---` line. */
  end: number;
}

const unquote = (v: string): string =>
  v
    .trim()
    .replace(/^(["'])(.*)\1$/, '$2')
    .replace(/^\[\[(.*)\]\]$/, '$1')
    .trim();

/**
 * Reads the flat `key: value` and `key:\n  - item` subset of YAML that web clippers write.
 * A full YAML parser would accept far more than metadata needs, including anchors and tags.
 */
export function readFrontMatter(text: string): FrontMatter | null {
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!open) return null;
  const close = /\r?\n---[ \t]*(?:\r?\n|$)/g;
  close.lastIndex = open[0].length - 1;
  const m = close.exec(text);
  if (!m) return null;
  const fields = new Map<string, string[]>();
  let key: string | null = null;
  for (const line of text.slice(open[0].length, m.index).split(/\r?\n/)) {
    const item = /^\s+-\s+(.*)$/.exec(line);
    if (item && key) {
      fields.get(key)!.push(unquote(item[1]!));
      continue;
    }
    const kv = /^([A-Za-z_][\w -]*):\s*(.*)$/.exec(line);
    if (!kv) continue;
    key = kv[1]!.trim().toLowerCase();
    const value = kv[2]!.trim();
    const inline = /^\[(.*)\]$/.exec(value);
    const values = inline ? inline[1]!.split(',').map(unquote) : value ? [unquote(value)] : [];
    fields.set(key, values.filter(Boolean));
  }
  return { fields, end: m.index + m[0].length };
}

export function field(fm: FrontMatter | null, ...keys: string[]): string[] {
  for (const k of keys) {
    const v = fm?.fields.get(k);
    if (v?.length) return v;
  }
  return [];
}
