// Bundled as a string at build time, so it works from http:// and from file:// alike.
import sampleText from '../../../resources/sample/reference-article.txt?raw';
import type { IncomingFile } from './use-importer.ts';

/** The reference article (a Global Research republication of a South Front piece). */
export function sampleArticle(): IncomingFile {
  return {
    name: 'reference-article.txt',
    label: 'the sample article',
    bytes: new TextEncoder().encode(sampleText),
  };
}
