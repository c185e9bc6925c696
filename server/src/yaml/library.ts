// The `yaml` library as the engine uses it: its type guards bound once, and the parse options of every parse.
import * as Y from 'yaml';

// The bundler turns each use of an imported binding of a CommonJS module into a call of one shared getter (a
// megamorphic lookup), and these run millions of times. Import them from here (or from yaml.ts, which re-exports them).
export const isMap: typeof Y.isMap = Y.isMap;
export const isSeq: typeof Y.isSeq = Y.isSeq;
export const isScalar: typeof Y.isScalar = Y.isScalar;
export const isPair: typeof Y.isPair = Y.isPair;
export const isAlias: typeof Y.isAlias = Y.isAlias;
export const isNode: typeof Y.isNode = Y.isNode;
export const isCollection: typeof Y.isCollection = Y.isCollection;
export const isDocument: typeof Y.isDocument = Y.isDocument;

export const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true } as const;
