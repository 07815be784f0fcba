/**
 * Reads the shape of the content schema (zod 4) without importing zod: which fields exist at a
 * path (to suggest `title` for `titel`), and every field path (to keep docs/editors.md complete).
 */
import type { FieldPath } from './frontmatter-check-yaml.ts';

interface SchemaDef {
  type: string;
  innerType?: SchemaLike;
  in?: SchemaLike;
  element?: SchemaLike;
  shape?: Record<string, SchemaLike>;
}

/** The part of a zod 4 schema this module reads. */
export interface SchemaLike {
  _zod: { def: SchemaDef };
}

const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional']);

/** The schema under optional/default/pipe wrappers. */
function unwrap(schema: SchemaLike): SchemaLike {
  let current = schema;
  for (;;) {
    const def = current._zod.def;
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

/** The schema of the field at `path` (list indexes step into the element schema). */
export function schemaAt(schema: SchemaLike, path: FieldPath): SchemaLike | undefined {
  let current: SchemaLike | undefined = schema;
  for (const step of path) {
    if (!current) return undefined;
    const def: SchemaDef = unwrap(current)._zod.def;
    current = typeof step === 'number' ? def.element : def.shape?.[step];
  }
  return current;
}

/** The field names an object at `path` accepts. */
export function knownKeysAt(schema: SchemaLike, path: FieldPath): string[] {
  const at = schemaAt(schema, path);
  return Object.keys((at && unwrap(at)._zod.def.shape) ?? {});
}

/** Every field as a dotted path, lists marked with []: title, heroImage.src, corrections[].date, … */
export function fieldPaths(schema: SchemaLike, prefix = ''): string[] {
  const def = unwrap(schema)._zod.def;
  if (def.type === 'array' && def.element) return fieldPaths(def.element, `${prefix}[]`);
  if (def.type !== 'object' || !def.shape) return [];
  return Object.entries(def.shape).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...fieldPaths(child, path)];
  });
}

/** True when the field may be left out (it is optional or has a default). */
export function isOptional(schema: SchemaLike): boolean {
  for (let current = schema; ; ) {
    const def = current._zod.def;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') return true;
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else return false;
  }
}
