import { useId, useRef, useState } from 'react';
import { useLibrary } from '../../app/LibraryContext.tsx';
import type { CitationEngine } from './load-engine.ts';
import { DEFAULT_STYLE_KEY, FALLBACK_STYLE, type StyleOption } from './use-styles.ts';

interface Props {
  engine: CitationEngine;
  options: readonly StyleOption[];
  selected: StyleOption;
  defaultStyle: string;
  onSelect(id: string): void;
}

/** Style switcher, "use as default", and import of a custom .csl style. */
export function StylePicker({ engine, options, selected, defaultStyle, onSelect }: Props) {
  const library = useLibrary();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const csl = options.filter((o) => o.kind === 'csl');
  const data = options.filter((o) => o.kind === 'data');

  async function importStyle(file: File) {
    setMessage(null);
    try {
      const xml = await file.text();
      // Tried in the engine first: a style that parses but fails when citing is never stored.
      engine.checkStyle(xml);
      const result = await library.styles.add(xml);
      onSelect(result.style.id);
      setMessage({
        error: false,
        text:
          result.status === 'added'
            ? `Added the style “${result.style.title}”.`
            : `“${result.style.title}” is already in your styles.`,
      });
    } catch (error) {
      setMessage({ error: true, text: `${file.name}: ${(error as Error).message}` });
    }
  }

  return (
    <div className="style-picker">
      <label className="field__label" htmlFor={id}>
        Style
      </label>
      <div className="style-picker__row">
        <select
          id={id}
          className="field__input style-picker__select"
          value={selected.id}
          onChange={(event) => onSelect(event.target.value)}
        >
          <optgroup label="Citation styles">
            {csl.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </optgroup>
          <optgroup label="Data formats">
            {data.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <div className="style-picker__actions">
        {selected.id === defaultStyle ? (
          <span className="style-picker__default">Default style</span>
        ) : (
          <button
            type="button"
            className="button button--small"
            onClick={() => void library.settings.set(DEFAULT_STYLE_KEY, selected.id)}
          >
            Use as default
          </button>
        )}
        <button
          type="button"
          className="button button--small"
          onClick={() => fileInput.current?.click()}
        >
          Add style from file…
        </button>
        {selected.kind === 'csl' && selected.custom && (
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              void library.styles.remove(selected.custom!.id);
              // A removed default gives way to APA, in the settings too.
              if (defaultStyle === selected.id) {
                void library.settings.set(DEFAULT_STYLE_KEY, FALLBACK_STYLE);
                onSelect(FALLBACK_STYLE);
              } else onSelect(defaultStyle);
            }}
          >
            Remove this style
          </button>
        )}
        <input
          ref={fileInput}
          type="file"
          accept=".csl,.xml,application/vnd.citationstyles.style+xml"
          hidden
          aria-label="Choose a CSL style file"
          data-testid="style-file-input"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) void importStyle(file);
          }}
        />
      </div>
      {message && (
        <p
          className={message.error ? 'field__error' : 'field__hint'}
          role={message.error ? 'alert' : 'status'}
          data-testid="style-import-message"
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
