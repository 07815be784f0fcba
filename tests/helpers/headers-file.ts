/**
 * Reads the `_headers` file Netlify and Cloudflare Pages apply (dist/_headers, written by
 * src/integrations/security-headers.ts): a URL pattern line, where `*` is a splat, followed by
 * indented `Name: value` lines; `#` starts a comment.
 */
export interface HeaderRule {
  path: string;
  headers: Record<string, string>;
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: {} });
    else {
      const [name, value] = line.trim().split(/:\s(.*)/s);
      rules.at(-1)!.headers[name!] = value!;
    }
  }
  return rules;
}

/** Whether a rule's pattern applies to a request path, as the hosts match them. */
export function ruleMatches(pattern: string, path: string): boolean {
  const regex = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*');
  return new RegExp(`^${regex}$`).test(path);
}
