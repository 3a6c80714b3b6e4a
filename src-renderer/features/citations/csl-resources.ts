// The CSL styles and locale Quire offers (CC BY-SA 3.0, see resources/csl/README.md), bundled
// as strings so they load offline from http:// and file:// alike.
import apa from '../../../resources/csl/styles/apa.csl?raw';
import mla from '../../../resources/csl/styles/modern-language-association.csl?raw';
import enUS from '../../../resources/csl/locales/locales-en-US.xml?raw';

export const CSL_STYLES = { apa, mla } as const;
export const CSL_LOCALES = { 'en-US': enUS } as const;
