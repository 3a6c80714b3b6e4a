import { elementsByTag } from './tag-index.ts';

/**
 * The JSON-LD of a page as one graph: every `<script type="application/ld+json">` parsed
 * leniently and within size limits, its top-level nodes (roots, root arrays, `@graph` members)
 * and an index of every node by `@id`, so references resolve across scripts.
 */

/** The largest JSON-LD script parsed; a larger one is skipped whole, not truncated. */
export const MAX_SCRIPT_LENGTH = 1_000_000;
/** The most JSON-LD text parsed from one page, and the most scripts. */
const MAX_TOTAL_LENGTH = 4_000_000;
const MAX_SCRIPTS = 100;
/** The most objects visited and the deepest nesting followed, over the whole page. */
const MAX_NODES = 50_000;
const MAX_DEPTH = 32;

export type JsonObject = Record<string, unknown>;

export const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses one `<script type="application/ld+json">`'s text, or returns undefined. Tolerates the
 * wrappers old templates put around scripts (`<!-- … -->`, `<![CDATA[ … ]]>` in comments), raw
 * line breaks inside strings and trailing commas; skips anything else that is not JSON.
 */
export function parseJsonLdText(text: string): unknown {
  if (text.length > MAX_SCRIPT_LENGTH) return undefined;
  const body = unwrap(text);
  if (!body) return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    // Fall through to the repaired text.
  }
  try {
    return JSON.parse(repair(body)) as unknown;
  } catch {
    return undefined;
  }
}

function unwrap(text: string): string {
  let t = text.trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const open of ['<!--', '//<![CDATA[', '/*<![CDATA[*/', '<![CDATA[']) {
      if (t.startsWith(open)) {
        t = t.slice(open.length).trim();
        changed = true;
      }
    }
    for (const close of ['-->', '//]]>', '/*]]>*/', ']]>']) {
      if (t.endsWith(close)) {
        t = t.slice(0, -close.length).trim();
        changed = true;
      }
    }
  }
  return t;
}

/**
 * One linear scan over JSON text: control characters inside strings become spaces, and a comma
 * directly before `}` or `]` (outside strings) is dropped.
 */
function repair(text: string): string {
  let out = '';
  let inString = false;
  let pendingComma = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') {
        out += c + (text[i + 1] ?? '');
        i++;
      } else if (c === '"') {
        out += c;
        inString = false;
      } else {
        out += c < ' ' ? ' ' : c;
      }
      continue;
    }
    if (c === ',') {
      out += pendingComma;
      pendingComma = ',';
      continue;
    }
    if (pendingComma && !/\s/.test(c)) {
      if (c !== '}' && c !== ']') out += pendingComma;
      pendingComma = '';
    }
    if (c === '"') inString = true;
    out += c;
  }
  return out + pendingComma;
}

/** Every JSON-LD object of the page, the top-level ones (roots, arrays, `@graph`), and `@id`s. */
export interface JsonLdGraph {
  top: JsonObject[];
  all: JsonObject[];
  byId: Map<string, JsonObject>;
}

export function readJsonLdGraph(doc: Document): JsonLdGraph {
  const graph: JsonLdGraph = { top: [], all: [], byId: new Map() };
  const scripts = elementsByTag(doc, 'script');
  let total = 0;
  let parsed = 0;
  for (let i = 0; i < scripts.length && parsed < MAX_SCRIPTS; i++) {
    const script = scripts[i]!;
    const type = (script.getAttribute('type') ?? '').trim().toLowerCase();
    if (!type.startsWith('application/ld+json')) continue;
    const text = script.textContent ?? '';
    total += text.length;
    if (total > MAX_TOTAL_LENGTH) break;
    parsed++;
    const value = parseJsonLdText(text);
    if (value !== undefined) addRoot(graph, value);
  }
  return graph;
}

function addRoot(graph: JsonLdGraph, root: unknown): void {
  // The top level: the root object, the items of a root array, and their @graph members.
  const tops: JsonObject[] = [];
  for (const item of Array.isArray(root) ? root.slice(0, MAX_NODES) : [root]) {
    if (!isObject(item)) continue;
    const inner = item['@graph'];
    if (Array.isArray(inner)) tops.push(...inner.slice(0, MAX_NODES).filter(isObject));
    else if (isObject(inner)) tops.push(inner);
    if (hasType(item)) tops.push(item);
  }
  graph.top.push(...tops);
  // Every object anywhere below, for @id references: iterative, depth- and count-capped.
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0 && graph.all.length < MAX_NODES) {
    const [value, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) continue;
    if (Array.isArray(value)) {
      for (let i = Math.min(value.length, MAX_NODES) - 1; i >= 0; i--)
        stack.push([value[i], depth + 1]);
      continue;
    }
    if (!isObject(value)) continue;
    graph.all.push(value);
    const id = value['@id'];
    if (typeof id === 'string' && id && Object.keys(value).some((k) => k !== '@id')) {
      const earlier = graph.byId.get(id);
      // The same @id described twice: the first typed description wins.
      if (!earlier || (!hasType(earlier) && hasType(value))) graph.byId.set(id, value);
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const child = value[keys[i]!];
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
}

const hasType = (node: JsonObject): boolean => types(node).length > 0;

/** The node's `@type`s without their vocabulary (`schema:NewsArticle`, `https://schema.org/X`). */
export function types(node: JsonObject): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list
    .filter((t): t is string => typeof t === 'string')
    .slice(0, 20)
    .map((t) => t.slice(Math.max(t.lastIndexOf('/'), t.lastIndexOf(':'), t.lastIndexOf('#')) + 1));
}
