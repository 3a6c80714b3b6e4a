import { useEffect, useState } from 'react';
import type { Library } from '../../db/index.ts';

const NONE: ReadonlyMap<string, string> = new Map();

/**
 * The article's offline images as object URLs, by image id: what the reader shows instead of
 * any remote address. Made when the article opens and revoked when it closes.
 */
export function useImageUrls(library: Library, articleId: string): ReadonlyMap<string, string> {
  const [urls, setUrls] = useState<{ id: string; urls: ReadonlyMap<string, string> } | null>(null);
  useEffect(() => {
    let current = true;
    const made: string[] = [];
    library.articles.images(articleId).then(
      (records) => {
        if (!current) return;
        const byId = new Map<string, string>();
        for (const record of records) {
          const url = URL.createObjectURL(
            new Blob([record.bytes as Uint8Array<ArrayBuffer>], { type: record.mediaType }),
          );
          made.push(url);
          byId.set(record.imageId, url);
        }
        setUrls({ id: articleId, urls: byId });
      },
      (error: unknown) => console.warn(`Could not read the images of ${articleId}:`, error),
    );
    return () => {
      current = false;
      for (const url of made) URL.revokeObjectURL(url);
    };
  }, [library, articleId]);
  return urls?.id === articleId ? urls.urls : NONE;
}
