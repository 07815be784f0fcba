/**
 * What a URL fragment points at. A text fragment (`#:~:text=harbour`, `#the-vote:~:text=yes`)
 * asks the browser to highlight text; the part before its `:~:` delimiter, if any, is an element
 * id like any other fragment's. Link checks (src/lib/link-check.ts, src/lib/article-links.ts) and
 * src/markdown/rehype-fragment-links.ts read fragments with this, so a text fragment is never
 * taken for an id.
 */

import { decodePercent } from './urls.ts';

/** The delimiter of fragment directives (text fragments), per the URL Fragment Text Directives spec. */
const DIRECTIVE = ':~:';

export interface Fragment {
  /** The element id, percent-decoded: '' for a bare `#` or a text fragment alone. */
  id: string;
  /** The directive as written, from `:~:` on, or ''. */
  directive: string;
}

/** Splits a fragment as written (without its `#`) into the id it targets and its directive. */
export function readFragment(fragment: string): Fragment {
  const at = fragment.indexOf(DIRECTIVE);
  return at === -1
    ? { id: decodePercent(fragment), directive: '' }
    : { id: decodePercent(fragment.slice(0, at)), directive: fragment.slice(at) };
}
