/**
 * Where the reader was, kept across reloads: the open article, the paragraph at the top of its
 * viewport, the aside's tab and the drawers. Stored as JSON in localStorage and read back field
 * by field: anything missing, of the wrong type or unreadable falls back to its default.
 */

export type AsideTab = 'cite' | 'notes';

export interface ReaderSession {
  /** The open article (it may since have been deleted: the shell then opens nothing). */
  articleId: string | null;
  /** The paragraph (its number) at the top of the reader's viewport; null: the top. */
  paragraph: number | null;
  asideTab: AsideTab;
  /** Below the wide layout the aside is a drawer: whether it is open. */
  asideOpen: boolean;
  /** Below the medium layout the library is a drawer: whether it is open. */
  libraryOpen: boolean;
}

export const SESSION_KEY = 'quire.reader.session';

export const DEFAULT_SESSION: ReaderSession = {
  articleId: null,
  paragraph: null,
  asideTab: 'cite',
  asideOpen: false,
  libraryOpen: false,
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isAsideTab = (value: unknown): value is AsideTab =>
  value === 'cite' || value === 'notes';

/** Reads a stored session; null, bad JSON or bad fields give the defaults (field by field). */
export function parseSession(raw: string | null | undefined): ReaderSession {
  let data: unknown;
  try {
    data = raw ? JSON.parse(raw) : null;
  } catch {
    return { ...DEFAULT_SESSION };
  }
  if (!isRecord(data)) return { ...DEFAULT_SESSION };
  const articleId =
    typeof data.articleId === 'string' && data.articleId.length > 0 && data.articleId.length < 200
      ? data.articleId
      : null;
  const paragraph =
    articleId !== null &&
    typeof data.paragraph === 'number' &&
    Number.isInteger(data.paragraph) &&
    data.paragraph > 0
      ? data.paragraph
      : null;
  return {
    articleId,
    paragraph,
    asideTab: isAsideTab(data.asideTab) ? data.asideTab : DEFAULT_SESSION.asideTab,
    asideOpen: typeof data.asideOpen === 'boolean' ? data.asideOpen : DEFAULT_SESSION.asideOpen,
    libraryOpen:
      typeof data.libraryOpen === 'boolean' ? data.libraryOpen : DEFAULT_SESSION.libraryOpen,
  };
}

/** The storage the renderer has, or null (private modes and tests can deny it). */
export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadSession(storage: Pick<Storage, 'getItem'> | null): ReaderSession {
  try {
    return parseSession(storage?.getItem(SESSION_KEY));
  } catch {
    return { ...DEFAULT_SESSION };
  }
}

export function saveSession(storage: Pick<Storage, 'setItem'> | null, session: ReaderSession) {
  try {
    storage?.setItem(SESSION_KEY, JSON.stringify(session));
  } catch {
    // Full or denied storage: the session is a convenience, never worth an error.
  }
}
