/**
 * What a URL fragment points at. A text fragment (`#:~:text=harbour`, `#the-vote:~:text=yes`)
 * asks the browser to highlight text; the part before its `:~:` delimiter, if any, is an element
 * id like any other fragment's. Link checks (src/lib/link-check.ts, src/lib/article-links.ts) and
 * src/markdown/rehype-fragment-links.ts read fragments with this, so a text fragment is never
 * taken for an id.
 */

/** The delimiter of fragment directives (text fragments), per the URL Fragment Text Directives spec. */
const DIRECTIVE = ':~:';

/** Percent-decoded text, or the text as written when it is not valid percent-encoding. */
export const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

export interface Fragment {
  /** The element id, percent-decoded: '' for a bare `#` or a text fragment alone. */
  id: string;
  /** The directive as written, from `:~:` on, or ''. */
  directive: string;
}

/** Splits a fragment as written (without its `#`) into the id it targets and its directive. */
export function readFragment(fragment: string): Fragment {
  const at = fragment.indexOf(DIRECTIVE);
  return at === -1 ? { id: decode(fragment), directive: '' } : { id: decode(fragment.slice(0, at)), directive: fragment.slice(at) };
}
