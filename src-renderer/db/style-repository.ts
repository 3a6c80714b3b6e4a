import { checkCslStyle } from '../../src-core/citation/custom-style.ts';
import type { QuireDatabase } from './database.ts';
import type { StyleRecord } from './records.ts';

export type AddStyleResult =
  { status: 'added'; style: StyleRecord } | { status: 'duplicate'; style: StyleRecord };

export interface StyleRepository {
  /** Custom styles, in the order they were added. */
  list(): Promise<StyleRecord[]>;
  /**
   * Stores a .csl file after checking it (CslStyleError, nothing stored). A style whose CSL id is
   * already stored is not stored twice: the existing one is returned.
   */
  add(xml: string): Promise<AddStyleResult>;
  remove(id: string): Promise<void>;
}

export interface SettingsRepository {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}

export function createStyleRepository(db: QuireDatabase, now: () => number): StyleRepository {
  return {
    list: () => db.styles.orderBy('addedAt').toArray(),
    async add(xml) {
      const checked = checkCslStyle(xml); // throws before anything is written
      return db.transaction('rw', db.styles, async () => {
        const existing = await db.styles.filter((s) => s.cslId === checked.cslId).first();
        if (existing) return { status: 'duplicate', style: existing };
        const style: StyleRecord = {
          id: `custom-${crypto.randomUUID()}`,
          title: checked.title,
          cslId: checked.cslId,
          xml,
          addedAt: now(),
        };
        await db.styles.add(style);
        return { status: 'added', style };
      });
    },
    remove: (id) => db.styles.delete(id),
  };
}

export function createSettingsRepository(db: QuireDatabase): SettingsRepository {
  return {
    get: async (key) => (await db.settings.get(key))?.value,
    set: async (key, value) => {
      await db.settings.put({ key, value });
    },
  };
}
