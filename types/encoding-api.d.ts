// The WHATWG Encoding API exists in every runtime src-core runs in (browsers, Node, Electron),
// but TypeScript only declares it in the DOM and Node libraries, which src-core must not see.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
