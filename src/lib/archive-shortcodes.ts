/**
 * Jekyll (Liquid), Hugo and Eleventy template tags in a post body -> plain markdown, for the
 * archive importer (src/lib/archive-markdown.ts). Those tags only mean something to the old site's
 * generator; left alone they would show readers `{% highlight ruby %}` as text. So:
 * - `{% highlight x %}…{% endhighlight %}` and Hugo's `{{< highlight x >}}…{{< /highlight >}}` become
 *   a fenced code block with language x (its contents kept verbatim);
 * - video and post shortcodes (`{{< youtube ID >}}`, `{% youtube ID %}`, vimeo, tweet, instagram)
 *   become the URL alone on its own line, which is how this site recognises an embed;
 * - `{{< figure src= alt= caption= >}}` becomes a markdown image, its caption an emphasised line under it;
 * - `{% raw %}…{% endraw %}` keeps its contents verbatim, without the tags;
 * - `{{ site.baseurl }}`, `{{ site.url }}` and `{{ "/x" | relative_url }}` in addresses become the
 *   site-absolute path they stood for (the importer then finds the file);
 * - `<!--more-->` (the excerpt mark) is dropped;
 * - links to other posts (`{% post_url %}`, `{% link %}`, `{{< ref >}}`, `{{< relref >}}`) become the
 *   imported article's address, when the importer says which (a LinkResolver).
 * Anything else in `{% %}`, `{{ }}`, `{{< >}}` or `{{% %}}` is left as it was and listed with its
 * line, so an editor decides. Fenced code and inline code are never touched: they show tags on purpose.
 */
import { embedFromUrl } from '../markdown/embed-providers.ts';

export interface BodyNote {
  /** Line in the source file (1-based). */
  line: number;
  message: string;
}

/** A line of the converted body (it may have become several lines) and the source line it came from. */
export interface ConvertedLine {
  text: string;
  line: number;
  /** True inside fenced code: shown as written, so no image or link in it is rewritten. */
  code?: boolean;
}

export interface ConvertedBody {
  lines: ConvertedLine[];
  notes: BodyNote[];
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const RAW_OPEN = /\{%-?\s*raw\s*-?%\}/;
const RAW_CLOSE = /\{%-?\s*endraw\s*-?%\}/;
const HIGHLIGHT_OPEN =
  /^\s*(?:\{%-?\s*highlight\s+([\w+#.-]+)[^%]*-?%\}|\{\{[<%]\s*highlight\s+"?([\w+#.-]+)"?[^>%]*[>%]\}\})\s*$/;
const HIGHLIGHT_CLOSE = /^\s*(?:\{%-?\s*endhighlight\s*-?%\}|\{\{[<%]\s*\/highlight\s*[>%]\}\})\s*$/;
/** One shortcode or Liquid tag: `{{< name args >}}`, `{{% name args %}}` or `{% name args %}`. */
const TAG =
  /\{\{<\s*([\w/-]+)([^>]*?)\s*>\}\}|\{\{%\s*([\w/-]+)([^%]*?)\s*%\}\}|\{%-?\s*([\w/-]+)([^%]*?)\s*-?%\}/g;
const SITE_URL = /\{\{\s*site\.url\s*\}\}|\{\{\s*site\.baseurl\s*\}\}/g;
const RELATIVE_URL = /\{\{\s*["']([^"']+)["']\s*\|\s*(?:relative_url|absolute_url|url)\s*\}\}/g;
const LEFTOVER = /\{%.*?%\}|\{\{.*?\}\}/g;

/** Arguments of a tag: `id="x" caption='y' z` -> { id: 'x', caption: 'y', 0: 'z' }. */
export function tagArguments(text: string): Record<string, string> {
  const args: Record<string, string> = {};
  let position = 0;
  for (const match of text.matchAll(/(\w+)=(?:"([^"]*)"|'([^']*)'|(\S+))|"([^"]*)"|'([^']*)'|([^\s,]+)/g)) {
    if (match[1]) args[match[1]] = match[2] ?? match[3] ?? match[4] ?? '';
    else args[String(position++)] = match[5] ?? match[6] ?? match[7] ?? '';
  }
  return args;
}

/** The URL an embed shortcode stands for, or undefined when its arguments do not say. */
function embedUrl(name: string, args: Record<string, string>): string | undefined {
  const first = args.id ?? args['0'];
  if (!first) return undefined;
  if (/^https?:\/\//.test(first)) return first;
  if (name === 'youtube') return `https://www.youtube.com/watch?v=${first}`;
  if (name === 'vimeo') return `https://vimeo.com/${first}`;
  if (name === 'instagram') return `https://www.instagram.com/p/${first}/`;
  // Hugo's old `{{< tweet 123 >}}` gives no user, and X's post URL needs one.
  if ((name === 'tweet' || name === 'twitter' || name === 'x') && args.user)
    return `https://x.com/${args.user}/status/${first}`;
  return undefined;
}

const EMBEDS = new Set(['youtube', 'vimeo', 'instagram', 'tweet', 'twitter', 'x']);

/** A markdown image for a figure shortcode; a caption or title becomes an emphasised line under it. */
function figure(args: Record<string, string>): string | undefined {
  const src = args.src ?? args['0'];
  if (!src) return undefined;
  const alt = (args.alt ?? args.title ?? '').replace(/[[\]\\]/g, '\\$&');
  const caption = args.caption ?? (args.alt ? args.title : undefined);
  const image = `![${alt}](${/[\s()]/.test(src) ? `<${src}>` : src})`;
  return caption ? `${image}\n\n*${caption.replace(/[*_\\]/g, '\\$&')}*` : image;
}

/** Whether a block-level replacement (an embed URL, a figure) must be split from the words around it. */
const onItsOwnLine = (before: string, replacement: string, after: string) =>
  (before.trim() ? `${before.trimEnd()}\n\n` : before) +
  replacement +
  (after.trim() ? `\n\n${after.trimStart()}` : '');

/**
 * The address of another imported post for a link tag's target (`{% post_url 2019-03-04-name %}`,
 * `{{< ref "name.md" >}}`), e.g. `../name/`; undefined when the post is not among the imported.
 */
export type LinkResolver = (target: string) => string | undefined;

interface Conversion {
  notes: BodyNote[];
  resolveLink?: LinkResolver | undefined;
}

const LINKS = new Set(['post_url', 'ref', 'relref', 'link']);

/** Converts the tags of one line of prose; reports what it could not convert. */
function convertLine(line: string, lineNumber: number, conversion: Conversion): string {
  const { notes } = conversion;
  let text = line
    .replace(RELATIVE_URL, '$1')
    .replace(SITE_URL, '')
    .replace(/<!--\s*more\s*-->/g, '');
  for (const match of [...text.matchAll(TAG)].reverse()) {
    const name = (match[1] ?? match[3] ?? match[5] ?? '').toLowerCase();
    const args = tagArguments(match[2] ?? match[4] ?? match[6] ?? '');
    const before = text.slice(0, match.index);
    const after = text.slice(match.index + match[0].length);
    if (EMBEDS.has(name)) {
      const url = embedUrl(name, args);
      if (url && embedFromUrl(url)) {
        text = onItsOwnLine(before, url, after);
        continue;
      }
    } else if (LINKS.has(name)) {
      const target = args['0'] ?? args.path;
      const url = target === undefined ? undefined : conversion.resolveLink?.(target);
      if (url) {
        text = `${before}${url}${after}`;
        continue;
      }
    } else if (name === 'figure') {
      const image = figure(args);
      if (image) {
        text = onItsOwnLine(before, image, after);
        continue;
      }
    }
  }
  const prose = text.replace(/`[^`]*`/g, '');
  for (const leftover of prose.match(LEFTOVER) ?? []) {
    notes.push({ line: lineNumber, message: `template tag not converted, left as text: ${leftover}` });
  }
  return text;
}

/**
 * Converts a post body. `firstLine` is the body's first line in the source file, so notes give
 * the line an editor sees in the original.
 */
export function convertShortcodes(body: string, firstLine = 1, resolveLink?: LinkResolver): ConvertedBody {
  const notes: BodyNote[] = [];
  const conversion: Conversion = { notes, resolveLink };
  const out: ConvertedLine[] = [];
  let fence: string | undefined;
  let inRaw = false;
  let inHighlight = false;
  body.split('\n').forEach((line, index) => {
    const lineNumber = firstLine + index;
    const push = (text: string, code = false) =>
      out.push(code ? { text, line: lineNumber, code } : { text, line: lineNumber });
    if (fence) {
      push(line, true);
      if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') fence = undefined;
    } else if (inHighlight) {
      if (HIGHLIGHT_CLOSE.test(line)) {
        push('```');
        inHighlight = false;
      } else push(line, true);
    } else if (inRaw) {
      const close = RAW_CLOSE.exec(line);
      if (close) {
        inRaw = false;
        push(
          line.slice(0, close.index) +
            convertLine(line.slice(close.index + close[0].length), lineNumber, conversion),
        );
      } else push(line);
    } else if (FENCE.test(line)) {
      fence = FENCE.exec(line)![1]!;
      push(line, true);
    } else if (HIGHLIGHT_OPEN.test(line)) {
      const match = HIGHLIGHT_OPEN.exec(line)!;
      push(`\`\`\`${match[1] ?? match[2] ?? ''}`);
      inHighlight = true;
    } else {
      push(convertRawSpans(line, lineNumber, conversion, (open) => (inRaw = open)));
    }
  });
  if (inHighlight) {
    out.push({ text: '```', line: firstLine + body.split('\n').length - 1 });
    notes.push({
      line: firstLine,
      message: 'a highlight block is never closed; it was closed at the end of the post',
    });
  }
  return { lines: out, notes };
}

/** A line with `{% raw %}` spans: their contents kept verbatim, the rest converted. */
function convertRawSpans(
  line: string,
  lineNumber: number,
  conversion: Conversion,
  setRaw: (open: boolean) => void,
): string {
  let rest = line;
  let result = '';
  for (;;) {
    const open = RAW_OPEN.exec(rest);
    if (!open) return result + convertLine(rest, lineNumber, conversion);
    result += convertLine(rest.slice(0, open.index), lineNumber, conversion);
    rest = rest.slice(open.index + open[0].length);
    const close = RAW_CLOSE.exec(rest);
    if (!close) {
      setRaw(true);
      return result + rest;
    }
    result += rest.slice(0, close.index);
    rest = rest.slice(close.index + close[0].length);
  }
}
