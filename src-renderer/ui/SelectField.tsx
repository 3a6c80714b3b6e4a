import { useId } from 'react';

interface Props<T extends string> {
  label: string;
  value: T;
  options: readonly { id: T; label: string }[];
  onChange(value: T): void;
}

/** A labelled drop-down of fixed choices, in the dialogs' field style. */
export function SelectField<T extends string>({ label, value, options, onChange }: Props<T>) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="field__input"
        value={value}
        onChange={(event) => onChange(event.target.value as T)}
      >
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
