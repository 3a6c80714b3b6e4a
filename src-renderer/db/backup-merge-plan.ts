import { uniqueCitekey } from '../../src-core/citation/citation-key.ts';
import type { ArchiveLibrary } from './backup-archive.ts';
import type { RestoreReport } from './backup.ts';
import type {
  AnnotationRecord,
  ArticleRecord,
  CollectionRecord,
  ImageRecord,
  SettingRecord,
  SourceRecord,
  StoredArticleRecord,
  StyleRecord,
} from './records.ts';

/** What the library holds that a merge decides against (article heads, no bodies). */
export interface LibraryState {
  articles: StoredArticleRecord[];
  collections: CollectionRecord[];
  styles: StyleRecord[];
  settings: SettingRecord[];
  /** The library's annotations with the ids the backup's have. */
  annotations: AnnotationRecord[];
  /** Which of the backup's source hashes and image keys the library already has. */
  sourceHashes: Set<string>;
  imageKeys: Set<string>;
}

/** Tags and collections to add to an article the library already has. */
export interface ArticleUpdate {
  id: string;
  tags: string[];
  collections: string[];
}

export interface MergePlan {
  articles: ArticleRecord[];
  sources: SourceRecord[];
  images: ImageRecord[];
  annotations: AnnotationRecord[];
  collections: CollectionRecord[];
  styles: StyleRecord[];
  settings: SettingRecord[];
  updates: ArticleUpdate[];
  report: RestoreReport;
}

const fold = (text: string) => text.toLocaleLowerCase();
const titleOf = (record: { csl: { title?: string } }) => record.csl.title ?? undefined;
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Parents before children; a parent the backup lacks (or a cycle) puts it at the top. */
function parentsFirst(collections: readonly CollectionRecord[]): CollectionRecord[] {
  const byId = new Map(collections.map((c) => [c.id, c]));
  const ordered: CollectionRecord[] = [];
  const placed = new Set<string>();
  const visit = (c: CollectionRecord, path: Set<string>) => {
    if (placed.has(c.id) || path.has(c.id)) return;
    path.add(c.id);
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    if (parent) visit(parent, path);
    placed.add(c.id);
    ordered.push(c);
  };
  for (const c of collections) visit(c, new Set());
  return ordered;
}

/**
 * Decides a merge without writing: articles the library has (same original bytes) are
 * skipped but lend it their tags, collections and annotations; a record whose id the library
 * uses for something else never replaces it (the library's stays, the conflict is reported);
 * a citation key already taken gets a free one. `newId` names articles whose id is taken.
 */
export function planMerge(
  library: LibraryState,
  archive: ArchiveLibrary,
  articles: readonly ArticleRecord[],
  newId: () => string,
): MergePlan {
  const report: RestoreReport = {
    mode: 'merge',
    added: { articles: 0, annotations: 0, collections: 0, styles: 0, settings: 0 },
    skipped: [],
    conflicts: [],
  };
  const plan: MergePlan = {
    articles: [],
    sources: [],
    images: [],
    annotations: [],
    collections: [],
    styles: [],
    settings: [],
    updates: [],
    report,
  };

  // Collections: by id, else by name under the same parent.
  const collectionIds = new Map<string, string>();
  const libraryCollections = new Map(library.collections.map((c) => [c.id, c]));
  const byName = new Map(library.collections.map((c) => [`${c.parentId}\n${fold(c.name)}`, c]));
  for (const c of parentsFirst(archive.collections)) {
    const parentId = c.parentId ? (collectionIds.get(c.parentId) ?? null) : null;
    const existing = libraryCollections.get(c.id);
    if (existing) {
      collectionIds.set(c.id, c.id);
      if (existing.name !== c.name || existing.parentId !== parentId) {
        report.conflicts.push({
          kind: 'collection',
          id: c.id,
          title: c.name,
          resolution: `kept the library's collection “${existing.name}” where it is; the backup's articles in it are added to it`,
        });
      }
      continue;
    }
    const same = byName.get(`${parentId}\n${fold(c.name)}`);
    if (same) {
      collectionIds.set(c.id, same.id);
      continue;
    }
    const added = { ...c, parentId };
    plan.collections.push(added);
    libraryCollections.set(c.id, added);
    byName.set(`${parentId}\n${fold(c.name)}`, added);
    collectionIds.set(c.id, c.id);
    report.added.collections++;
  }
  const mapCollections = (ids: readonly string[]) =>
    ids.map((id) => collectionIds.get(id)).filter((id): id is string => id !== undefined);

  // Articles: by the hash of their original bytes.
  const bySource = new Map(library.articles.map((a) => [a.source.sha256, a]));
  const ids = new Set(library.articles.map((a) => a.id));
  const keys = new Map(library.articles.map((a) => [a.citekey, a]));
  const articleIds = new Map<string, string>();
  const updates = new Map<string, ArticleUpdate>();
  const sources = new Map(archive.sources.map((s) => [s.sha256, s]));
  const imagesOf = new Map<string, ImageRecord[]>();
  for (const image of archive.images) {
    imagesOf.set(image.articleId, [...(imagesOf.get(image.articleId) ?? []), image]);
  }
  for (const article of articles) {
    const existing = bySource.get(article.source.sha256);
    if (existing) {
      articleIds.set(article.id, existing.id);
      const known = new Set(existing.tags.map(fold));
      const tags = article.tags.filter((t) => !known.has(fold(t)));
      const collections = mapCollections(article.collections).filter(
        (c) => !existing.collections.includes(c),
      );
      const gained = [
        ...(tags.length ? [`tags ${tags.join(', ')}`] : []),
        ...(collections.length ? [`${collections.length} collection(s)`] : []),
      ];
      if (gained.length) updates.set(existing.id, { id: existing.id, tags, collections });
      report.skipped.push({
        kind: 'article',
        id: article.id,
        title: titleOf(article),
        reason: `already in the library (same original bytes)${gained.length ? `; added its ${gained.join(' and ')} to the library's copy` : ''}`,
      });
      continue;
    }
    let id = article.id;
    if (ids.has(id)) {
      id = newId();
      report.conflicts.push({
        kind: 'article',
        id: article.id,
        title: titleOf(article),
        resolution: `the library has another article under this id; added under the new id ${id}`,
      });
    }
    let citekey = article.citekey;
    const holder = keys.get(citekey);
    if (holder) {
      citekey = uniqueCitekey(article.citekey, new Set(keys.keys()));
      report.conflicts.push({
        kind: 'citekey',
        id,
        title: titleOf(article),
        resolution: `its key ${article.citekey} is taken by “${titleOf(holder) ?? holder.id}”; it gets ${citekey}`,
      });
    }
    const record = { ...article, id, citekey, collections: mapCollections(article.collections) };
    ids.add(id);
    keys.set(citekey, record);
    bySource.set(record.source.sha256, record);
    articleIds.set(article.id, id);
    plan.articles.push(record);
    report.added.articles++;
    const source = sources.get(article.source.sha256);
    if (source && !library.sourceHashes.has(source.sha256)) plan.sources.push(source);
    for (const image of imagesOf.get(article.id) ?? []) {
      const key = `${id}:${image.imageId}`;
      if (!library.imageKeys.has(key)) plan.images.push({ ...image, key, articleId: id });
    }
  }
  // Annotations: by id, onto the article they now belong to.
  const libraryAnnotations = new Map(library.annotations.map((a) => [a.id, a]));
  for (const annotation of archive.annotations) {
    const articleId = articleIds.get(annotation.articleId);
    if (!articleId) {
      report.skipped.push({
        kind: 'annotation',
        id: annotation.id,
        title: annotationTitle(annotation),
        reason: 'its article is not in the backup',
      });
      continue;
    }
    const record = { ...annotation, articleId };
    const existing = libraryAnnotations.get(annotation.id);
    if (!existing) {
      plan.annotations.push(record);
      report.added.annotations++;
    } else if (sameJson(existing, record)) {
      report.skipped.push({
        kind: 'annotation',
        id: annotation.id,
        title: annotationTitle(annotation),
        reason: 'already in the library',
      });
    } else {
      report.conflicts.push({
        kind: 'annotation',
        id: annotation.id,
        title: annotationTitle(annotation),
        resolution: "the library's version differs and was kept",
      });
    }
  }
  // Their article's search entry must include their notes and tags.
  const added = new Set(plan.articles.map((r) => r.id));
  for (const { articleId } of plan.annotations) {
    if (!added.has(articleId) && !updates.has(articleId)) {
      updates.set(articleId, { id: articleId, tags: [], collections: [] });
    }
  }
  plan.updates = [...updates.values()];

  // Custom styles: by id, then by the style's own CSL id.
  const styles = new Map(library.styles.map((s) => [s.id, s]));
  const byCslId = new Map(library.styles.map((s) => [s.cslId, s]));
  for (const style of archive.styles) {
    const existing = styles.get(style.id) ?? byCslId.get(style.cslId);
    if (!existing) {
      plan.styles.push(style);
      styles.set(style.id, style);
      byCslId.set(style.cslId, style);
      report.added.styles++;
    } else if (existing.id === style.id && !sameJson(existing, style)) {
      report.conflicts.push({
        kind: 'style',
        id: style.id,
        title: style.title,
        resolution: "kept the library's version",
      });
    } else {
      report.skipped.push({
        kind: 'style',
        id: style.id,
        title: style.title,
        reason: `already in the library as “${existing.title}”`,
      });
    }
  }

  // Settings: the library's value stays.
  const settings = new Map(library.settings.map((s) => [s.key, s.value]));
  for (const setting of archive.settings) {
    const value = settings.get(setting.key);
    if (value === undefined) {
      plan.settings.push(setting);
      report.added.settings++;
    } else if (value !== setting.value) {
      report.conflicts.push({
        kind: 'setting',
        id: setting.key,
        resolution: `kept the current value (${value}); the backup had ${setting.value}`,
      });
    }
  }
  return plan;
}

/** How a report names a highlight: the start of its quote (or of a whole-article note). */
export function annotationTitle(annotation: AnnotationRecord): string {
  const words = (annotation.target?.quote.exact ?? annotation.note).replace(/\s+/g, ' ').trim();
  return words.length > 60 ? `${words.slice(0, 59)}…` : words;
}
