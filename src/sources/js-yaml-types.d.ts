// What js-yaml 4.3 has and @types/js-yaml does not declare: its built-in types (to build schemas
// from) and the nesting bound of the loader.
import type { Type } from 'js-yaml';

declare module 'js-yaml' {
  export const types: { null: Type; merge: Type };
  interface LoadOptions {
    /** Deeper collections are refused (default 100). */
    maxDepth?: number;
  }
}
