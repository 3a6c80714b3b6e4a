/** A value one source states for a field, and that source ("og:title", "json-ld headline"). */
export interface Candidate {
  value: string | null | undefined;
  from: string;
}

/** Every candidate `accept` turns into something (non-empty), in order, with its source. */
export function allOf<T>(
  candidates: Candidate[],
  accept: (value: string) => T | null,
): { value: T; from: string }[] {
  const out: { value: T; from: string }[] = [];
  for (const c of candidates) {
    if (!c.value) continue;
    const value = accept(c.value);
    if (value !== null && value !== undefined && value !== '') out.push({ value, from: c.from });
  }
  return out;
}

/** The first candidate whose value `accept` turns into something (non-empty), with its source. */
export function firstOf<T>(
  candidates: Candidate[],
  accept: (value: string) => T | null,
): { value: T; from: string } | null {
  for (const c of candidates) {
    if (!c.value) continue;
    const value = accept(c.value);
    if (value !== null && value !== undefined && value !== '') return { value, from: c.from };
  }
  return null;
}
