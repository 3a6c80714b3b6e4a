import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../src-core/excerpt/annotation.ts';
import { COLOR_LABELS } from './colors.ts';

interface Props {
  /** The accessible name ("Colour", "Show colour"). */
  label: string;
  value: HighlightColor | '';
  onChange(value: HighlightColor | ''): void;
}

/** A filter by highlight colour: any, or one of them. */
export function ColorSelect({ label, value, onChange }: Props) {
  return (
    <select
      className="field__input"
      aria-label={label}
      value={value}
      onChange={(event) => onChange(event.target.value as HighlightColor | '')}
    >
      <option value="">Any colour</option>
      {HIGHLIGHT_COLORS.map((c) => (
        <option key={c} value={c}>
          {COLOR_LABELS[c]}
        </option>
      ))}
    </select>
  );
}
