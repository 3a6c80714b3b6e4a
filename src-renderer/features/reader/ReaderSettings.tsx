import { useEffect, useId, useRef, useState } from 'react';
import {
  LINE_WIDTH_NAMES,
  TEXT_SIZES,
  THEMES,
  type LineWidth,
  type Theme,
} from './reader-settings.ts';
import { useReaderSettings } from './use-reader-settings.ts';

const THEME_LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };
const WIDTH_LABELS: Record<LineWidth, string> = {
  narrow: 'Narrow',
  medium: 'Medium',
  wide: 'Wide',
};

/**
 * The reader's "Aa" button and its popover: text size, line width, theme and paragraph
 * numbers. Changes apply at once and are kept (see use-reader-settings). Escape or a click
 * elsewhere closes it; Escape puts focus back on the button.
 */
export function ReaderSettings() {
  const [settings, update] = useReaderSettings();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    root.current?.querySelector<HTMLElement>('input')?.focus();
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  return (
    <div
      ref={root}
      className="reader-settings"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
      onBlur={(event) => {
        // Tabbing out of the popover closes it.
        if (open && !root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="button reader-settings__button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        aria-label="Reader settings"
        title="Reader settings"
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">Aa</span>
      </button>
      <div
        id={`${id}-panel`}
        className="reader-settings__panel"
        role="group"
        aria-label="Reader settings"
        hidden={!open}
        data-testid="reader-settings"
      >
        <label className="reader-settings__row">
          <span className="reader-settings__label">Text size</span>
          <span className="reader-settings__size">
            <span aria-hidden="true" className="reader-settings__small-a">
              A
            </span>
            <input
              type="range"
              min={0}
              max={TEXT_SIZES.length - 1}
              step={1}
              value={settings.textSize}
              aria-valuetext={`${TEXT_SIZES[settings.textSize]} pixels`}
              onChange={(event) => update({ textSize: Number(event.currentTarget.value) })}
            />
            <span aria-hidden="true" className="reader-settings__big-a">
              A
            </span>
          </span>
        </label>
        <fieldset className="reader-settings__row">
          <legend className="reader-settings__label">Line width</legend>
          <div className="reader-choice">
            {LINE_WIDTH_NAMES.map((width) => (
              <label key={width} className="reader-choice__option">
                <input
                  type="radio"
                  name={`${id}-width`}
                  value={width}
                  checked={settings.lineWidth === width}
                  onChange={() => update({ lineWidth: width })}
                />
                <span>{WIDTH_LABELS[width]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="reader-settings__row">
          <legend className="reader-settings__label">Theme</legend>
          <div className="reader-choice">
            {THEMES.map((theme) => (
              <label key={theme} className="reader-choice__option">
                <input
                  type="radio"
                  name={`${id}-theme`}
                  value={theme}
                  checked={settings.theme === theme}
                  onChange={() => update({ theme })}
                />
                <span>{THEME_LABELS[theme]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <label className="reader-settings__check">
          <input
            type="checkbox"
            checked={settings.paragraphNumbers}
            onChange={(event) => update({ paragraphNumbers: event.currentTarget.checked })}
          />
          Paragraph numbers
        </label>
      </div>
    </div>
  );
}
