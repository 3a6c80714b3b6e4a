import { createArticleRepository, type RepositoryOptions } from './article-repository.ts';
import { QuireDatabase } from './database.ts';
import type { ArticleRepository } from './records.ts';
import {
  createSettingsRepository,
  createStyleRepository,
  type SettingsRepository,
  type StyleRepository,
} from './style-repository.ts';

export type {
  AddResult,
  ArticleRecord,
  ArticleRepository,
  ArticleSummary,
  DeletedArticle,
  MetadataPatch,
  SettingRecord,
  SourceRecord,
  StyleRecord,
} from './records.ts';
export type { AddStyleResult, SettingsRepository, StyleRepository } from './style-repository.ts';
export type { NoticeCheck } from '../../src-core/article/verify-rights.ts';
export type { RepositoryOptions } from './article-repository.ts';
export { QuireDatabase } from './database.ts';
export { useArticle, useArticleSummaries } from './hooks.ts';

/** The one handle features receive: the database plus its repositories. */
export interface Library {
  db: QuireDatabase;
  articles: ArticleRepository;
  styles: StyleRepository;
  settings: SettingsRepository;
  close(): void;
}

/** Opens (lazily, on first query) the IndexedDB library `name`. */
export function openLibrary(name: string, options: RepositoryOptions): Library {
  const db = new QuireDatabase(name);
  return {
    db,
    articles: createArticleRepository(db, options),
    styles: createStyleRepository(db, options.now ?? Date.now),
    settings: createSettingsRepository(db),
    close: () => db.close(),
  };
}
