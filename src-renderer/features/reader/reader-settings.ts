/**
 * The reader's typography and theme, kept in localStorage and applied to the document root as
 * data attributes (`data-theme`, `data-para-numbers`) and custom properties (`--read-size`,
 * `--read-measure`) that the style sheets read. Stored JSON is read back field by field: a
 * missing or bad field takes its default.
 */

export type Theme = 'system' | 'light' | 'dark';
export type LineWidth = 'narrow' | 'medium' | 'wide';

export interface ReaderSettings {
  /** An index into TEXT_SIZES. */
  textSize: number;
  lineWidth: LineWidth;
  theme: Theme;
  paragraphNumbers: boolean;
}

/** The reading text's size in pixels, smallest to largest. */
export const TEXT_SIZES = [15, 16, 17, 19, 21] as const;

/** The text column's measure (its longest line) in characters. */
export const LINE_WIDTHS: Record<LineWidth, number> = { narrow: 58, medium: 68, wide: 82 };

export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];
export const LINE_WIDTH_NAMES: readonly LineWidth[] = ['narrow', 'medium', 'wide'];

export const SETTINGS_KEY = 'quire.reader.settings';

export const DEFAULT_SETTINGS: ReaderSettings = {
  textSize: 2,
  lineWidth: 'medium',
  theme: 'system',
  paragraphNumbers: true,
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseSettings(raw: string | null | undefined): ReaderSettings {
  let data: unknown;
  try {
    data = raw ? JSON.parse(raw) : null;
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
  if (!isRecord(data)) return { ...DEFAULT_SETTINGS };
  const { textSize, lineWidth, theme, paragraphNumbers } = data;
  return {
    textSize:
      typeof textSize === 'number' &&
      Number.isInteger(textSize) &&
      textSize >= 0 &&
      textSize < TEXT_SIZES.length
        ? textSize
        : DEFAULT_SETTINGS.textSize,
    lineWidth: LINE_WIDTH_NAMES.includes(lineWidth as LineWidth)
      ? (lineWidth as LineWidth)
      : DEFAULT_SETTINGS.lineWidth,
    theme: THEMES.includes(theme as Theme) ? (theme as Theme) : DEFAULT_SETTINGS.theme,
    paragraphNumbers:
      typeof paragraphNumbers === 'boolean' ? paragraphNumbers : DEFAULT_SETTINGS.paragraphNumbers,
  };
}

export function loadSettings(storage: Pick<Storage, 'getItem'> | null): ReaderSettings {
  try {
    return parseSettings(storage?.getItem(SETTINGS_KEY));
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export function saveSettings(storage: Pick<Storage, 'setItem'> | null, settings: ReaderSettings) {
  try {
    storage?.setItem(SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // Denied or full storage: the settings still apply to this session.
  }
}

/** What the root element carries for a set of settings (attributes and custom properties). */
export function rootStyle(settings: ReaderSettings): {
  attributes: Record<string, string>;
  properties: Record<string, string>;
} {
  return {
    attributes: {
      'data-theme': settings.theme,
      'data-para-numbers': settings.paragraphNumbers ? 'on' : 'off',
    },
    properties: {
      '--read-size': `${TEXT_SIZES[settings.textSize] ?? TEXT_SIZES[DEFAULT_SETTINGS.textSize]}px`,
      '--read-measure': `${LINE_WIDTHS[settings.lineWidth]}ch`,
    },
  };
}

/** Sets the settings on an element (the document root). */
export function applySettings(root: HTMLElement, settings: ReaderSettings) {
  const { attributes, properties } = rootStyle(settings);
  for (const [name, value] of Object.entries(attributes)) root.setAttribute(name, value);
  for (const [name, value] of Object.entries(properties)) root.style.setProperty(name, value);
}
