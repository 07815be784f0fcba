/**
 * What the content schema says about its fields, read through zod's public JSON Schema export:
 * which fields exist at a path (to suggest `title` for `titel`), whether a field may be left out,
 * its description and example (from `.meta()` in src/content.config.ts), and every field path
 * (to keep docs/editors.md complete).
 */
import { z } from 'astro/zod';
import type { FieldPath } from './frontmatter-check-yaml.ts';

/** Any zod schema: the checker is handed the schemas, it does not build them. */
export type SchemaLike = z.core.$ZodType;

/** The part of a JSON Schema (draft 2020-12, as z.toJSONSchema writes it) this module reads. */
interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  description?: string;
  examples?: unknown[];
}

const exported = new WeakMap<SchemaLike, JsonSchema>();

/**
 * The schema as JSON Schema, made once per schema. `io: 'input'` describes what an editor writes
 * (a field with a default may be left out); dates, which JSON Schema cannot express, become `{}`
 * that still carries their description and example.
 */
function jsonSchemaOf(schema: SchemaLike): JsonSchema {
  let json = exported.get(schema);
  if (!json) {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    exported.set(schema, json);
  }
  return json;
}

/** The JSON Schema of the field at `path` (list indexes step into the element schema). */
function fieldAt(schema: SchemaLike, path: FieldPath): JsonSchema | undefined {
  let current: JsonSchema | undefined = jsonSchemaOf(schema);
  for (const step of path) current = typeof step === 'number' ? current?.items : current?.properties?.[step];
  return current;
}

/** The field names an object at `path` accepts. */
export function knownKeysAt(schema: SchemaLike, path: FieldPath): string[] {
  return Object.keys(fieldAt(schema, path)?.properties ?? {});
}

/** The field's first example from its `.meta()`, when it has one. */
export function exampleAt(schema: SchemaLike, path: FieldPath): unknown {
  return fieldAt(schema, path)?.examples?.[0];
}

/** The field's description from its `.meta()`, when it has one. */
export function descriptionAt(schema: SchemaLike, path: FieldPath): string | undefined {
  return fieldAt(schema, path)?.description;
}

/** True when the field may be left out (it is optional or has a default). */
export function isOptionalAt(schema: SchemaLike, path: FieldPath): boolean {
  const key = path.at(-1);
  if (typeof key !== 'string') return false;
  return !fieldAt(schema, path.slice(0, -1))?.required?.includes(key);
}

/** Every field as a dotted path, lists marked with []: title, heroImage.src, corrections[].date, … */
export function fieldPaths(schema: SchemaLike): string[] {
  const walk = (json: JsonSchema, prefix: string): string[] => {
    if (json.items) return walk(json.items, `${prefix}[]`);
    return Object.entries(json.properties ?? {}).flatMap(([key, child]) => {
      const path = prefix ? `${prefix}.${key}` : key;
      return [path, ...walk(child, path)];
    });
  };
  return walk(jsonSchemaOf(schema), '');
}

/** An example value as an editor writes it on one line: `[Coast, Heritage]`, `{ relationship: original }`. */
export function writtenExample(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(writtenExample).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const fields = Object.entries(value).map(([key, field]) => `${key}: ${writtenExample(field)}`);
    return `{ ${fields.join(', ')} }`;
  }
  return String(value);
}
