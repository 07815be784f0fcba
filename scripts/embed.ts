/**
 * npm run embed -- content/articles/<slug>/index.md <url>
 * Asks the provider's oEmbed endpoint once about <url> and rewrites the article's lines holding
 * just that URL: a video gets its title, a post its text, author and date (src/lib/oembed.ts).
 * Needs the network; the build never does. OEMBED_ENDPOINT replaces the provider's endpoint
 * (tests use a local stand-in).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import {
  EmbedCommandError,
  embedForCommand,
  oembedRequest,
  replacementFor,
  rewriteArticle,
} from '../src/lib/oembed.ts';
import { editorCommand } from './editor-cli.ts';

const { positionals, usage, fail } = editorCommand(
  'embed',
  'usage: npm run embed -- content/articles/<slug>/index.md <url>',
  {},
);
if (positionals.length !== 2) usage();
const [article, url] = positionals as [string, string];

try {
  let markdown: string;
  try {
    markdown = readFileSync(article, 'utf8');
  } catch {
    throw new EmbedCommandError(
      `cannot read ${article}. Give the article's index.md (or .md) file first, then the URL.`,
    );
  }
  const embed = embedForCommand(url);
  rewriteArticle(markdown, url, ''); // fails before asking the network if the line is missing
  const request = oembedRequest(embed, process.env.OEMBED_ENDPOINT);
  let response: Response;
  try {
    response = await fetch(request, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(20_000),
    });
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
    throw new EmbedCommandError(
      `could not reach ${new URL(request).origin} (${cause}). Check ` +
        `that you are online and try again; the article was not changed.`,
    );
  }
  if (!response.ok)
    throw new EmbedCommandError(
      `${new URL(request).origin} answered HTTP ${response.status} for ${embed.url}: ` +
        `is the post or video public? The article was not changed.`,
    );
  const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  writeFileSync(article, rewriteArticle(markdown, url, replacementFor(embed, answer)));
  console.log(`${article}: ${url} now carries what ${new URL(request).hostname} said about it.`);
} catch (error) {
  if (error instanceof EmbedCommandError) fail(error.message);
  throw error;
}
