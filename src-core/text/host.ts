/** The host of an http(s) address without "www.": "https://www.example.org/a" → "example.org". */
export function hostOf(url: string): string | null {
  return /^https?:\/\/(?:www\.)?([^/:?#]+)/i.exec(url)?.[1] ?? null;
}
