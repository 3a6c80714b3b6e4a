import { createAnnotationRepository, type AnnotationRepository } from './annotation-repository.ts';
import { createArticleRepository, type RepositoryOptions } from './article-repository.ts';
import { createReferenceRepository, type ReferenceRepository } from './reference-repository.ts';
import { QuireDatabase } from './database.ts';
import type { ArticleRepository } from './records.ts';
import { createCollectionRepository, type CollectionRepository } from './collection-repository.ts';
import {
  createSettingsRepository,
  createStyleRepository,
  type SettingsRepository,
  type StyleRepository,
} from './style-repository.ts';

export type {
  AddResult,
  AnnotationRecord,
  ArticleCheck,
  ArticleRecord,
  ArticleRepository,
  ArticleSummary,
  CollectionRecord,
  DeletedArticle,
  MetadataPatch,
  SettingRecord,
  SourceCheck,
  SourceRecord,
  StyleRecord,
} from './records.ts';
export type { CollectionRepository } from './collection-repository.ts';
export type { ReferenceImportReport, ReferenceRepository } from './reference-repository.ts';
export { isReferenceOnly } from './records.ts';
export type { AnnotationFilter, AnnotationRepository } from './annotation-repository.ts';
export type { AddStyleResult, SettingsRepository, StyleRepository } from './style-repository.ts';
export type { NoticeCheck } from '../../src-core/article/verify-rights.ts';
export type { RepositoryOptions } from './article-repository.ts';
export { QuireDatabase } from './database.ts';
export { useArticle } from './hooks.ts';

/** The one handle features receive: the database plus its repositories. */
export interface Library {
  db: QuireDatabase;
  articles: ArticleRepository;
  styles: StyleRepository;
  settings: SettingsRepository;
  collections: CollectionRepository;
  annotations: AnnotationRepository;
  /** Entries imported from reference files (BibTeX, RIS, CSL-JSON) and their pages. */
  references: ReferenceRepository;
  close(): void;
}

/** Opens (lazily, on first query) the IndexedDB library `name`. */
export function openLibrary(name: string, options: RepositoryOptions): Library {
  const db = new QuireDatabase(name);
  const articles = createArticleRepository(db, options);
  return {
    db,
    articles,
    collections: createCollectionRepository(db, articles, options.now ?? Date.now),
    annotations: createAnnotationRepository(db, options.now ?? Date.now),
    references: createReferenceRepository(db, options),
    styles: createStyleRepository(db, options.now ?? Date.now),
    settings: createSettingsRepository(db),
    close: () => db.close(),
  };
}
