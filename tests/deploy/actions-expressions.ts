/**
 * Evaluates the small part of GitHub Actions' expression language the workflows use in `env:`
 * (`${{ a.b || c.d }}`, `format('{0}/', x)`, 'literals'), so a test can see the values a step
 * would get. Anything else throws rather than guessing.
 */
type Context = Record<string, unknown>;

export function evaluateExpressions(
  values: Record<string, string>,
  context: Context,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([name, text]) => [
      name,
      text.replace(/\$\{\{(.*?)\}\}/gs, (_, expression: string) => evaluate(expression, context)),
    ]),
  );
}

function evaluate(source: string, context: Context): string {
  const expression = source.trim();
  const alternatives = splitOutside(expression, '||');
  if (alternatives.length > 1) {
    // `||` yields the first truthy operand, else the last one; '' is falsy.
    const values = alternatives.map((alternative) => evaluate(alternative, context));
    return values.find(Boolean) ?? values.at(-1)!;
  }
  const call = /^format\((.*)\)$/s.exec(expression);
  if (call) {
    const [template, ...args] = splitOutside(call[1]!, ',').map((argument) => evaluate(argument, context));
    return template!.replace(/\{(\d+)\}/g, (_, index: string) => args[Number(index)] ?? '');
  }
  const literal = /^'((?:[^']|'')*)'$/.exec(expression);
  if (literal) return literal[1]!.replaceAll("''", "'");
  if (/^[A-Za-z_][\w-]*(\.[\w-]+)*$/.test(expression)) {
    const value = expression
      .split('.')
      .reduce<unknown>((object, key) => (object as Context | undefined)?.[key], context);
    return value == null ? '' : String(value);
  }
  throw new Error(`Expression not supported by this evaluator: ${expression}`);
}

/** Splits on `separator` where it is outside quotes and parentheses. */
function splitOutside(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "'") quoted = !quoted;
    else if (!quoted && char === '(') depth++;
    else if (!quoted && char === ')') depth--;
    else if (!quoted && depth === 0 && text.startsWith(separator, i)) {
      parts.push(text.slice(start, i));
      start = i + separator.length;
      i += separator.length - 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
