import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The corpora are not in the repository (their licences forbid shipping some of them), so the
 * eval reads them from the shared folder next to the clone, or from $QUIRE_CORPORA.
 */
export function corporaDir(): string {
  const fromEnv = process.env.QUIRE_CORPORA;
  if (fromEnv) return resolve(fromEnv);
  return fileURLToPath(new URL('../../../shared/corpora/', import.meta.url));
}

/** The first required corpus path that is missing, or null when everything is there. */
export function missingCorpus(dir: string): string | null {
  const required = [
    dir,
    join(dir, 'article-extraction', 'ground-truth.json'),
    join(dir, 'article-extraction', 'html'),
    join(dir, 'readability-pages'),
  ];
  return required.find((path) => !existsSync(path)) ?? null;
}

export interface BodyPage {
  /** Upstream's 64-hex-digit item id. */
  id: string;
  url: string;
  /** The reference article body. */
  truth: string;
  html: string;
}

interface GroundTruthItem {
  articleBody?: string;
  url?: string;
}

/** The article-extraction pages, in ground-truth order. HTML is read as UTF-8 (see its README). */
export function loadBodyPages(dir: string): BodyPage[] {
  const root = join(dir, 'article-extraction');
  const truth = JSON.parse(readFileSync(join(root, 'ground-truth.json'), 'utf8')) as Record<
    string,
    GroundTruthItem
  >;
  return Object.entries(truth).map(([id, item]) => ({
    id,
    url: item.url ?? '',
    truth: item.articleBody ?? '',
    html: readFileSync(join(root, 'html', `${id}.html`), 'utf8'),
  }));
}

export interface MetadataPage {
  /** The folder name, e.g. `nytimes-1`. */
  name: string;
  html: string;
  expected: { title?: string | null; byline?: string | null };
}

/** Mozilla Readability's test pages with the metadata Readability extracted from them. */
export function loadMetadataPages(dir: string): MetadataPage[] {
  const root = join(dir, 'readability-pages');
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({
      name,
      html: readFileSync(join(root, name, 'source.html'), 'utf8'),
      expected: JSON.parse(readFileSync(join(root, name, 'expected-metadata.json'), 'utf8')),
    }));
}
