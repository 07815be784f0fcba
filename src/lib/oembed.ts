/**
 * What `npm run embed` (scripts/embed.ts) does with one article and one URL: asks the provider's
 * oEmbed endpoint once and rewrites the lines of the article that hold just that URL into the
 * richest form the build reads without the network:
 * - a video becomes `[Its title](url)` (the link text is the title readers see on the button);
 * - a post becomes the embed code the provider returned (its text, author and date, which the
 *   build keeps; the provider's script is dropped by the build).
 * The build itself never fetches (src/markdown/ has no network access); this command is the one
 * place that does, run by an editor, with a clear error when it cannot.
 */
import { embedFromUrl, providerOf, PROVIDERS, type Embed } from '../markdown/embed-providers.ts';

export class EmbedCommandError extends Error {}

interface OEmbedResponse {
  title?: unknown;
  html?: unknown;
}

/** The oEmbed request for `embed`; `endpoint` replaces the provider's (tests' stand-in, a proxy). */
export function oembedRequest(embed: Embed, endpoint?: string): string {
  const provider = providerOf(embed);
  const own = typeof provider.oembed === 'function' ? provider.oembed(new URL(embed.url)) : provider.oembed;
  if (!own) {
    throw new EmbedCommandError(
      `${provider.name} has no oEmbed endpoint this command can use without an account. ` +
        `Paste the embed code from ${provider.name}'s "Embed" menu into the article instead.`,
    );
  }
  const request = new URL(endpoint ?? own);
  request.searchParams.set('url', embed.url);
  request.searchParams.set('format', 'json');
  return request.href;
}

/** The markdown that replaces the URL's line, from the provider's oEmbed answer. */
export function replacementFor(embed: Embed, answer: OEmbedResponse): string {
  const provider = providerOf(embed);
  if (provider.kind === 'video') {
    const title = typeof answer.title === 'string' ? answer.title.replace(/\s+/g, ' ').trim() : '';
    if (!title) throw new EmbedCommandError(`${provider.name} answered without a title for ${embed.url}.`);
    return `[${title.replace(/([\\[\]])/g, '\\$1')}](${embed.url})`;
  }
  const html = typeof answer.html === 'string' ? answer.html.trim() : '';
  if (!/^<blockquote\b/i.test(html))
    throw new EmbedCommandError(`${provider.name} answered without the post's embed code for ${embed.url}.`);
  // One line: a blank line inside would end the HTML block in markdown.
  return html.replace(/\s*\n\s*/g, ' ');
}

/** The article with every line that is just `url` (bare or as <url>) replaced; throws if there is none. */
export function rewriteArticle(markdown: string, url: string, replacement: string): string {
  let found = 0;
  const lines = markdown.split('\n').map((line) => {
    if (line.trim() !== url && line.trim() !== `<${url}>`) return line;
    found++;
    return replacement;
  });
  if (!found)
    throw new EmbedCommandError(
      `the article has no line with just ${url}. Put the URL on a line ` +
        `of its own where the embed should go, then run the command again.`,
    );
  return lines.join('\n');
}

/** The embed a command-line URL stands for, or a friendly error listing what is supported. */
export function embedForCommand(url: string): Embed {
  const embed = embedFromUrl(url);
  if (!embed)
    throw new EmbedCommandError(
      `"${url}" is not a post or video this site can embed ` +
        `(${PROVIDERS.map((provider) => provider.name).join(', ')}). ` +
        `Copy the address from the post's or video's own page.`,
    );
  return embed;
}
