// The CSL styles and locales Quire offers (CC BY-SA 3.0, see resources/csl/README.md), bundled
// as strings so they load offline from http:// and file:// alike. Vite's glob import bundles
// every file under resources/csl; core picks the ones its style list names.
import { cslResourcesFrom, type CslResources } from '../../../src-core/citation/index.ts';

const FILES = import.meta.glob<string>(
  ['../../../resources/csl/styles/*.csl', '../../../resources/csl/locales/*.xml'],
  { query: '?raw', import: 'default', eager: true },
);

export const CSL_RESOURCES: CslResources = cslResourcesFrom((path) => {
  const text = FILES[`../../../resources/csl/${path}`];
  if (text === undefined) throw new Error(`resources/csl/${path} is not bundled`);
  return text;
});
