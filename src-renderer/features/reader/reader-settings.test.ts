import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  LINE_WIDTHS,
  SETTINGS_KEY,
  TEXT_SIZES,
  loadSettings,
  parseSettings,
  rootStyle,
  saveSettings,
} from './reader-settings.ts';

describe('reader settings', () => {
  it('round-trips through storage', () => {
    const map = new Map<string, string>();
    const storage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
    };
    const settings = {
      textSize: 4,
      lineWidth: 'wide' as const,
      theme: 'dark' as const,
      paragraphNumbers: false,
    };
    saveSettings(storage, settings);
    expect(map.has(SETTINGS_KEY)).toBe(true);
    expect(loadSettings(storage)).toEqual(settings);
  });

  it('falls back to the defaults for missing or bad JSON', () => {
    for (const raw of [null, '', 'not json', '[]', 'true', '{"textSize":']) {
      expect(parseSettings(raw)).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('replaces each bad field by its default and keeps the good ones', () => {
    expect(
      parseSettings(
        JSON.stringify({ textSize: 9, lineWidth: 'huge', theme: 'dark', paragraphNumbers: 1 }),
      ),
    ).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(parseSettings(JSON.stringify({ textSize: -1 })).textSize).toBe(
      DEFAULT_SETTINGS.textSize,
    );
    expect(parseSettings(JSON.stringify({ textSize: 1.5 })).textSize).toBe(
      DEFAULT_SETTINGS.textSize,
    );
    expect(parseSettings(JSON.stringify({ textSize: 0, lineWidth: 'narrow' }))).toEqual({
      ...DEFAULT_SETTINGS,
      textSize: 0,
      lineWidth: 'narrow',
    });
  });

  it('maps to the root attributes and custom properties the style sheets read', () => {
    expect(rootStyle(DEFAULT_SETTINGS)).toEqual({
      attributes: { 'data-theme': 'system', 'data-para-numbers': 'on' },
      properties: {
        '--read-size': `${TEXT_SIZES[DEFAULT_SETTINGS.textSize]}px`,
        '--read-measure': `${LINE_WIDTHS.medium}ch`,
      },
    });
    const style = rootStyle({
      textSize: 0,
      lineWidth: 'narrow',
      theme: 'light',
      paragraphNumbers: false,
    });
    expect(style.attributes).toEqual({ 'data-theme': 'light', 'data-para-numbers': 'off' });
    expect(style.properties['--read-size']).toBe('15px');
    expect(style.properties['--read-measure']).toBe('58ch');
  });

  it('keeps a measure of at least 45 characters and sizes in order', () => {
    expect(Math.min(...Object.values(LINE_WIDTHS))).toBeGreaterThanOrEqual(45);
    expect([...TEXT_SIZES]).toEqual([...TEXT_SIZES].sort((a, b) => a - b));
  });
});
