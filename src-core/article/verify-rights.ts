import type { RightsNotice, Sha256 } from './model.ts';

export type NoticeCheck =
  | { notice: RightsNotice; status: 'intact' }
  | { notice: RightsNotice; status: 'text-differs' | 'hash-differs'; detail: string };

const utf8 = new TextEncoder();

/**
 * Proves each stored notice is still exactly the characters of the original source:
 * the stored text equals the source slice, and its SHA-256 equals both the stored hash
 * and a fresh hash of that slice.
 */
export async function verifyRights(
  rights: readonly RightsNotice[],
  sourceText: string,
  sha256: Sha256,
): Promise<NoticeCheck[]> {
  return Promise.all(
    rights.map(async (notice): Promise<NoticeCheck> => {
      const slice = sourceText.slice(notice.start, notice.end);
      if (slice !== notice.text) {
        return { notice, status: 'text-differs', detail: 'stored text differs from the source' };
      }
      const fresh = await sha256(utf8.encode(slice));
      if (fresh !== notice.sha256) {
        return { notice, status: 'hash-differs', detail: 'stored hash does not match the text' };
      }
      return { notice, status: 'intact' };
    }),
  );
}
