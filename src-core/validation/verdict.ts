/** What every check returns: the cleaned value, or why it was refused in words for the user. */
export type Verdict<T, Code extends string = string> =
  { ok: true; value: T } | { ok: false; code: Code; message: string };

export const accept = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const refuse = <Code extends string>(
  code: Code,
  message: string,
): { ok: false; code: Code; message: string } => ({ ok: false, code, message });

/**
 * C0 and C1 controls, DEL included. In a one-line field they mean a paste went wrong, and in a
 * URL the parser would silently drop a tab or newline, so the address checked would not be the
 * address written.
 */
export function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}
