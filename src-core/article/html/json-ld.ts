/**
 * What a page's JSON-LD says about the article and its site: the article node (the most
 * specific article type at the top level), the WebPage it sits on, and the WebSite.
 */
import type { StatedName } from '../document/types.ts';
import {
  isObject,
  readJsonLdGraph,
  types,
  type JsonLdGraph,
  type JsonObject,
} from './json-ld-graph.ts';
import { httpUrl, isUrlLike, jsonText } from './text.ts';

/** How pages spell a schema.org property: `headline`, `schema:headline`, the full IRI. */
const PREFIXES = ['', 'schema:', 'https://schema.org/', 'http://schema.org/'];

/** A property by its schema.org name, however the page spells it. */
function prop(node: JsonObject, name: string): unknown {
  for (const prefix of PREFIXES) {
    const key = prefix + name;
    if (Object.hasOwn(node, key)) return node[key];
  }
  return undefined;
}

/** The properties read from a referenced node, in every spelling. */
const MERGED_KEYS = [
  '@id',
  '@type',
  ...['name', 'givenName', 'familyName', 'alternateName', 'url', 'headline'].flatMap((k) =>
    PREFIXES.map((prefix) => prefix + k),
  ),
];

/**
 * A node with an `@id` completed by the node of that `@id` elsewhere on the page (what the
 * reference itself says wins); a string naming an `@id` becomes that node.
 */
function resolve(graph: JsonLdGraph, value: unknown): unknown {
  if (isObject(value)) {
    const id = value['@id'];
    const target = typeof id === 'string' ? graph.byId.get(id) : undefined;
    if (!target || target === value) return value;
    if (Object.keys(value).every((k) => k === '@id' || k === '@type')) return target;
    // Only the properties read from a referenced node are merged: a bounded copy, however
    // large the node and however often it is referenced.
    const merged: JsonObject = {};
    for (const key of MERGED_KEYS) {
      const own = value[key];
      const v = own === undefined || own === null ? target[key] : own;
      if (v !== undefined) merged[key] = v;
    }
    return merged;
  }
  if (typeof value === 'string' && graph.byId.has(value)) return graph.byId.get(value);
  return value;
}

const asList = (value: unknown): unknown[] =>
  Array.isArray(value)
    ? value.slice(0, 1000)
    : value === undefined || value === null
      ? []
      : [value];

/** The first plain text among a value's strings (a string, or an array of them). */
function text(value: unknown): string {
  for (const v of asList(value)) {
    const t = jsonText(v);
    if (t) return t;
  }
  return '';
}

// Article types by how specific they are: the most specific node on the page is the article.
const RANK: Record<string, number> = {};
const rank = (names: string, value: number): void => {
  for (const n of names.split(/\s+/)) if (n) RANK[n] = value;
};
rank(
  `ReportageNewsArticle OpinionNewsArticle AnalysisNewsArticle BackgroundNewsArticle
  ReviewNewsArticle AskPublicNewsArticle MedicalScholarlyArticle`,
  4,
);
rank(
  `NewsArticle BlogPosting LiveBlogPosting ScholarlyArticle TechArticle Report SatiricalArticle
  AdvertiserContentArticle SocialMediaPosting DiscussionForumPosting APIReference`,
  3,
);
rank('Article', 2);
rank('WebPage ItemPage MedicalWebPage QAPage FAQPage AboutPage', 1);

const PERSON_TYPES = new Set(['Person', 'Patient']);
const ORGANISATION_TYPES = new Set(
  `Organization Organisation NewsMediaOrganization Corporation GovernmentOrganization
  EducationalOrganization CollegeOrUniversity HighSchool School Preschool MiddleSchool
  ElementarySchool NGO ResearchOrganization ResearchProject Project FundingAgency Consortium
  LibrarySystem Library MedicalOrganization Hospital PerformingGroup MusicGroup TheaterGroup
  DanceGroup SportsOrganization SportsTeam WorkersUnion PoliticalParty Airline OnlineBusiness
  OnlineStore LocalBusiness SearchRescueOrganization Cooperative FundingScheme Brand
  GovernmentOffice`.split(/\s+/),
);

/** Person, organisation or unknown, from a node's `@type`. */
export function nameType(node: unknown): StatedName['type'] {
  if (!isObject(node)) return null;
  const list = types(node);
  if (list.some((t) => PERSON_TYPES.has(t))) return 'person';
  if (list.some((t) => ORGANISATION_TYPES.has(t))) return 'organisation';
  return null;
}

/** A stated value with where it came from. */
export interface Found<T> {
  value: T;
  from: string;
}

/** What the page's JSON-LD says about the article and its site. */
export interface JsonLdFacts {
  /** The article node's most specific type, for the record. */
  type?: string;
  headline?: Found<string>;
  /** The article node's `name`: usually the headline again, sometimes the better title. */
  name?: Found<string>;
  authors: { name: string; type: StatedName['type'] }[];
  published?: Found<string>;
  modified?: Found<string>;
  publisher?: Found<StatedName>;
  basedOn?: Found<{ name: string | null; url: string | null }>;
  keywords?: Found<string[]>;
  language?: Found<string>;
  url?: Found<string>;
  license?: Found<string>;
  description?: Found<string>;
  /** The WebSite node's name. */
  siteName?: Found<string>;
}

const articleRank = (node: JsonObject): number =>
  Math.max(0, ...types(node).map((t) => RANK[t] ?? 0));

const comparable = (url: string | null): string | null =>
  url ? url.replace(/[?#].*$/, '').replace(/\/+$/, '') : null;

/** Reads the article node (the most specific article type on the page) and the WebSite node. */
export function readJsonLd(doc: Document, pageUrl?: string | null): JsonLdFacts {
  return readJsonLdFacts(readJsonLdGraph(doc), pageUrl ?? null);
}

export function readJsonLdFacts(graph: JsonLdGraph, pageUrl: string | null): JsonLdFacts {
  const facts: JsonLdFacts = { authors: [] };
  const page = comparable(httpUrl(pageUrl));

  // Candidates: top-level nodes and the mainEntity of top-level pages. Nodes nested as values
  // (an isBasedOn article, a list of related articles) are never the article.
  const candidates: JsonObject[] = [];
  for (const node of graph.top) {
    candidates.push(node);
    for (const entity of asList(prop(node, 'mainEntity'))) {
      const resolved = resolve(graph, entity);
      if (isObject(resolved)) candidates.push(resolved);
    }
  }
  const score = (node: JsonObject): number => {
    const r = articleRank(node);
    if (r === 0) return 0;
    const addresses = [node['@id'], prop(node, 'url'), mainEntityUrl(graph, node)]
      .filter((u): u is string => typeof u === 'string')
      .map((u) => comparable(httpUrl(u, pageUrl)));
    return r * 2 + (page && addresses.includes(page) ? 1 : 0);
  };
  let article: JsonObject | null = null;
  let pageNode: JsonObject | null = null;
  let best = 0;
  for (const node of candidates) {
    const s = score(node);
    if (s > best) {
      best = s;
      article = node;
    }
    if (!pageNode && articleRank(node) === 1) pageNode = node;
  }
  if (article === pageNode) pageNode = null;

  const website = graph.top.find(isWebSite) ?? graph.all.find(isWebSite);
  const siteName = website && text(prop(website, 'name'));
  if (siteName) facts.siteName = { value: siteName, from: 'json-ld WebSite name' };
  if (!article) return facts;

  const label = 'json-ld';
  facts.type = types(article).find((t) => RANK[t] === articleRank(article)) ?? 'Article';

  const headline = text(prop(article, 'headline'));
  const name = text(prop(article, 'name'));
  if (headline) facts.headline = { value: headline, from: `${label} headline` };
  if (name) facts.name = { value: name, from: `${label} name` };

  const authorValue = prop(article, 'author') ?? prop(article, 'creator');
  for (const entry of asList(authorValue)) {
    const node = resolve(graph, entry);
    const name = personOrOrgName(node);
    if (name) facts.authors.push({ name, type: nameType(node) });
  }

  // Dates, language, address and description fall back to the WebPage the article sits on.
  const fromEither = (name: string): Found<string> | undefined => {
    const own = text(prop(article, name));
    if (own) return { value: own, from: `${label} ${name}` };
    const onPage = pageNode ? text(prop(pageNode, name)) : '';
    if (onPage) return { value: onPage, from: `${label} WebPage ${name}` };
    return undefined;
  };
  facts.published = fromEither('datePublished');
  facts.modified = fromEither('dateModified');
  facts.description = fromEither('description');

  const publisher = resolve(graph, asList(prop(article, 'publisher'))[0]);
  const publisherName = personOrOrgName(publisher);
  if (publisherName) {
    facts.publisher = {
      value: { name: publisherName, type: nameType(publisher) },
      from: `${label} publisher`,
    };
  }

  const basedOn = readBasedOn(graph, prop(article, 'isBasedOn'), pageUrl);
  const basedOnUrl = readBasedOn(graph, prop(article, 'isBasedOnUrl'), pageUrl);
  if (basedOn) facts.basedOn = { value: basedOn, from: `${label} isBasedOn` };
  else if (basedOnUrl) facts.basedOn = { value: basedOnUrl, from: `${label} isBasedOnUrl` };

  const keywords = readKeywords(prop(article, 'keywords'));
  if (keywords.length) facts.keywords = { value: keywords, from: `${label} keywords` };

  const language =
    readLanguage(prop(article, 'inLanguage')) ||
    (pageNode ? readLanguage(prop(pageNode, 'inLanguage')) : '');
  if (language) facts.language = { value: language, from: `${label} inLanguage` };

  const urls: [unknown, string][] = [
    [prop(article, 'url'), 'url'],
    [mainEntityUrl(graph, article), 'mainEntityOfPage'],
    [pageNode ? prop(pageNode, 'url') : undefined, 'WebPage url'],
  ];
  for (const [value, field] of urls) {
    const url = firstUrl(value, pageUrl);
    if (url) {
      facts.url = { value: url, from: `${label} ${field}` };
      break;
    }
  }

  const license = resolve(graph, asList(prop(article, 'license'))[0]);
  const licenseText = isObject(license)
    ? (firstUrl(prop(license, 'url') ?? license['@id'], pageUrl) ?? text(prop(license, 'name')))
    : (firstUrl(license, pageUrl) ?? text(license));
  if (licenseText) facts.license = { value: licenseText, from: `${label} license` };

  return facts;
}

const isWebSite = (node: JsonObject): boolean =>
  types(node).includes('WebSite') && Boolean(text(prop(node, 'name')));

function mainEntityUrl(graph: JsonLdGraph, node: JsonObject): string | undefined {
  const value = resolve(graph, asList(prop(node, 'mainEntityOfPage'))[0]);
  if (typeof value === 'string') return value;
  if (isObject(value)) {
    const url = prop(value, 'url') ?? value['@id'];
    if (typeof url === 'string') return url;
  }
  return undefined;
}

function firstUrl(value: unknown, base: string | null): string | null {
  for (const v of asList(value)) {
    if (typeof v !== 'string') continue;
    const url = httpUrl(v, base);
    if (url) return url;
  }
  return null;
}

/** A Person's or Organization's name: `name`, else given + family name. Never an address. */
function personOrOrgName(node: unknown): string {
  if (typeof node === 'string') {
    const t = jsonText(node);
    return t && !isUrlLike(t) ? t : '';
  }
  if (!isObject(node)) return '';
  const name = text(prop(node, 'name'));
  if (name && !isUrlLike(name)) return name;
  const given = text(prop(node, 'givenName'));
  const family = text(prop(node, 'familyName'));
  return [given, family].filter(Boolean).join(' ');
}

function readBasedOn(
  graph: JsonLdGraph,
  value: unknown,
  base: string | null,
): { name: string | null; url: string | null } | null {
  for (const entry of asList(value)) {
    const node = resolve(graph, entry);
    if (typeof node === 'string') {
      const url = isUrlLike(node) ? httpUrl(node, base) : null;
      if (url) return { name: null, url };
      const name = jsonText(node);
      if (name && !isUrlLike(name)) return { name, url: null };
      continue;
    }
    if (!isObject(node)) continue;
    const name = text(prop(node, 'name')) || text(prop(node, 'headline')) || null;
    const url =
      firstUrl(prop(node, 'url'), base) ??
      firstUrl(typeof node['@id'] === 'string' ? node['@id'] : undefined, base);
    if (name || url) return { name, url };
  }
  return null;
}

/** Keywords from a comma-separated string, an array of strings or of DefinedTerms. */
export function readKeywords(value: unknown): string[] {
  const out: string[] = [];
  for (const entry of asList(value)) {
    const raw = isObject(entry) ? text(prop(entry, 'name')) : jsonText(entry);
    for (const k of raw.split(/[,;]/)) {
      const t = k.trim();
      if (t) out.push(t);
    }
  }
  return out;
}

function readLanguage(value: unknown): string {
  for (const entry of asList(value)) {
    if (typeof entry === 'string') return jsonText(entry);
    if (isObject(entry)) {
      const code = text(prop(entry, 'alternateName'));
      if (code) return code;
      const name = text(prop(entry, 'name'));
      if (name) return name;
    }
  }
  return '';
}
