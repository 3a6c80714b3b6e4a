// Bundled as a string at build time, so it works from http:// and from file:// alike.
import sampleText from '../../../resources/sample/reference-article.txt?raw';
import type { BatchSource } from './batch.ts';
import { bytesSource } from './sources.ts';

/** The reference article (a Global Research republication of a South Front piece). */
export function sampleArticle(): BatchSource {
  return bytesSource(
    'the sample article',
    'reference-article.txt',
    new TextEncoder().encode(sampleText),
  );
}
