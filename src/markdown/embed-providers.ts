/**
 * The providers an article may embed, and how a post's or video's URL is recognised.
 *
 * This module owns the embed concept's data: what an embed is (Embed), which URLs belong to which
 * provider, the link to the original, and, for videos, the privacy-preserving player URL and the
 * origin the page's CSP must allow in `frame-src`. Only URLs that parse into a known shape are
 * embeds: every URL this module returns is rebuilt from checked parts (ids of known characters),
 * never copied from the editor's text, so nothing an editor writes can reach an iframe's `src`.
 *
 * Adding a provider: add it to PROVIDERS with a `match` that rebuilds the canonical URL, a test in
 * tests/markdown/embed-providers.test.ts, and a line in docs/editors.md ("Embeds").
 */

export type ProviderId = 'youtube' | 'vimeo' | 'x' | 'instagram' | 'tiktok' | 'bluesky' | 'mastodon';

/**
 * One embed, whichever way the editor wrote it (embed code or a URL on its own line). Plain data: it
 * travels in the tree's `data`.
 */
export interface Embed {
  provider: ProviderId;
  /** The original post or video, rebuilt from its checked id. */
  url: string;
  /** For videos: the player the reader may choose to load (privacy mode), rebuilt from its checked id. */
  playerUrl?: string;
  /** The video's title (iframe title, link text, or written by `npm run embed`). */
  title?: string;
  /** The post's text as the editor pasted it, one string per paragraph. */
  text?: string[];
  /** Who posted it, as the embed code says (e.g. "Harbour Council (@harbourcouncil)"). */
  author?: string;
  /** When, as the embed code says it (e.g. "March 3, 2026"). */
  date?: string;
  /** The editor's caption. */
  caption?: string;
}

export interface Provider {
  id: ProviderId;
  /** The name readers see. */
  name: string;
  /** Videos get a player behind a button; posts are shown as text only. */
  kind: 'video' | 'post';
  /** The origin the player is framed from (videos only): the page's CSP allows it in frame-src. */
  frameOrigin?: string;
  /**
   * The provider's oEmbed endpoint (`npm run embed` asks it for a title or the post's embed code); a
   * function for per-server ones.
   */
  oembed?: string | ((url: URL) => string);
  /** The canonical URL and player URL of a recognised URL, or undefined. */
  match(url: URL): Pick<Embed, 'url' | 'playerUrl'> | undefined;
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const DIGITS = /^\d{1,25}$/;
const HANDLE = /^[A-Za-z0-9_.-]{1,64}$/;

function youtube(id: string | null | undefined) {
  if (!id || !YOUTUBE_ID.test(id)) return undefined;
  return {
    url: `https://www.youtube.com/watch?v=${id}`,
    playerUrl: `https://www.youtube-nocookie.com/embed/${id}`,
  };
}

const hostIs = (url: URL, ...hosts: string[]) =>
  hosts.includes(url.hostname.toLowerCase().replace(/^(www|m|mobile)\./, ''));
const segments = (url: URL) => url.pathname.split('/').filter(Boolean);

export const PROVIDERS: Provider[] = [
  {
    id: 'youtube',
    name: 'YouTube',
    kind: 'video',
    frameOrigin: 'https://www.youtube-nocookie.com',
    oembed: 'https://www.youtube.com/oembed',
    match(url) {
      const [first, second] = segments(url);
      if (hostIs(url, 'youtu.be')) return youtube(first);
      if (!hostIs(url, 'youtube.com', 'youtube-nocookie.com')) return undefined;
      if (first === 'watch') return youtube(url.searchParams.get('v'));
      if (first === 'embed' || first === 'shorts' || first === 'live') return youtube(second);
      return undefined;
    },
  },
  {
    id: 'vimeo',
    name: 'Vimeo',
    kind: 'video',
    frameOrigin: 'https://player.vimeo.com',
    oembed: 'https://vimeo.com/api/oembed.json',
    match(url) {
      const parts = segments(url);
      const id =
        hostIs(url, 'player.vimeo.com') && parts[0] === 'video'
          ? parts[1]
          : hostIs(url, 'vimeo.com') && parts.length === 1
            ? parts[0]
            : undefined;
      if (!id || !DIGITS.test(id)) return undefined;
      // dnt=1: Vimeo's "do not track" mode, no cookies or analytics for the reader.
      return { url: `https://vimeo.com/${id}`, playerUrl: `https://player.vimeo.com/video/${id}?dnt=1` };
    },
  },
  {
    id: 'x',
    name: 'X',
    kind: 'post',
    oembed: 'https://publish.twitter.com/oembed',
    match(url) {
      const [user, status, id] = segments(url);
      if (
        !hostIs(url, 'x.com', 'twitter.com') ||
        status !== 'status' ||
        !user ||
        !HANDLE.test(user) ||
        !id ||
        !DIGITS.test(id)
      )
        return undefined;
      return { url: `https://x.com/${user}/status/${id}` };
    },
  },
  {
    id: 'instagram',
    name: 'Instagram',
    kind: 'post',
    // No oembed: Instagram's needs a Meta app token. Editors paste Instagram's embed code instead.
    match(url) {
      const [type, code] = segments(url);
      if (
        !hostIs(url, 'instagram.com') ||
        !['p', 'reel', 'tv'].includes(type ?? '') ||
        !code ||
        !/^[A-Za-z0-9_-]{1,64}$/.test(code)
      )
        return undefined;
      return { url: `https://www.instagram.com/${type}/${code}/` };
    },
  },
  {
    id: 'tiktok',
    name: 'TikTok',
    kind: 'post',
    oembed: 'https://www.tiktok.com/oembed',
    match(url) {
      const [user, video, id] = segments(url);
      if (
        !hostIs(url, 'tiktok.com') ||
        !user?.startsWith('@') ||
        !HANDLE.test(user.slice(1)) ||
        video !== 'video' ||
        !id ||
        !DIGITS.test(id)
      )
        return undefined;
      return { url: `https://www.tiktok.com/${user}/video/${id}` };
    },
  },
  {
    id: 'bluesky',
    name: 'Bluesky',
    kind: 'post',
    oembed: 'https://embed.bsky.app/oembed',
    match(url) {
      const [profile, handle, post, key] = segments(url);
      if (
        !hostIs(url, 'bsky.app') ||
        profile !== 'profile' ||
        post !== 'post' ||
        !handle ||
        !/^[A-Za-z0-9_.:-]{1,253}$/.test(handle) ||
        !key ||
        !/^[a-z0-9]{1,64}$/.test(key)
      )
        return undefined;
      return { url: `https://bsky.app/profile/${handle}/post/${key}` };
    },
  },
  {
    id: 'mastodon',
    name: 'Mastodon',
    kind: 'post',
    oembed: (url) => `https://${url.hostname}/api/oembed`,
    // Mastodon runs on many servers: any https host with a /@user/<digits> path.
    match(url) {
      const [user, id, embed] = segments(url);
      if (
        url.protocol !== 'https:' ||
        url.port ||
        !user?.startsWith('@') ||
        !HANDLE.test(user.slice(1)) ||
        !id ||
        !DIGITS.test(id)
      )
        return undefined;
      if (embed !== undefined && embed !== 'embed') return undefined;
      return { url: `https://${url.hostname.toLowerCase()}/${user}/${id}` };
    },
  },
];

const byId = new Map(PROVIDERS.map((provider) => [provider.id, provider]));

export function providerOf(embed: Pick<Embed, 'provider'>): Provider {
  return byId.get(embed.provider)!;
}

const HTTP_URL = /^https?:/i;

/** The embed a URL points at (only its provider and URLs), or undefined if no provider knows it. */
export function embedFromUrl(text: string, only?: ProviderId): Embed | undefined {
  const written = text.trim();
  // Every one-line paragraph is asked (src/markdown/remark-embed-urls.ts), and a parse that throws
  // is costly: ~2 % of the body thread's time at N = 10,000. Only an http(s) URL can be an embed,
  // so text that the URL parser (which drops tabs and line breaks, and leading control
  // characters) would not read as one is turned away first.
  if (!HTTP_URL.test(written.replace(/[\t\n\r]/g, '').replace(/^[\x00-\x20]+/, ''))) return undefined;
  let url: URL;
  try {
    url = new URL(written);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  for (const provider of only ? [byId.get(only)!] : PROVIDERS) {
    const found = provider.match(url);
    if (found) return { provider: provider.id, ...found };
  }
  return undefined;
}

/** The origins a page with these embeds must allow in `frame-src`, sorted, without repeats. */
export function frameOrigins(embeds: Pick<Embed, 'provider'>[]): string[] {
  return [...new Set(embeds.flatMap((embed) => providerOf(embed).frameOrigin ?? []))].sort();
}
