/**
 * Which URLs are embeds (src/markdown/embed-providers.ts): every URL that comes out is rebuilt
 * from checked ids, so look-alikes and odd characters never reach a link or an iframe.
 */
import { describe, expect, it } from 'vitest';
import { embedFromUrl, frameOrigins } from '../../src/markdown/embed-providers.ts';
import { oembedRequest, replacementFor, rewriteArticle } from '../../src/lib/oembed.ts';

describe('embedFromUrl', () => {
  it.each([
    [
      'https://www.youtube.com/watch?v=aBcDeFgHiJk&t=30s',
      'youtube',
      'https://www.youtube.com/watch?v=aBcDeFgHiJk',
    ],
    ['https://m.youtube.com/shorts/aBcDeFgHiJk', 'youtube', 'https://www.youtube.com/watch?v=aBcDeFgHiJk'],
    [
      'https://www.youtube-nocookie.com/embed/aBcDeFgHiJk?rel=0',
      'youtube',
      'https://www.youtube.com/watch?v=aBcDeFgHiJk',
    ],
    ['https://player.vimeo.com/video/123456789?h=abc', 'vimeo', 'https://vimeo.com/123456789'],
    [
      'https://twitter.com/kelmouthtrust/status/1864000000000000001?s=20',
      'x',
      'https://x.com/kelmouthtrust/status/1864000000000000001',
    ],
    ['https://instagram.com/reel/DAbCdEfGhIj', 'instagram', 'https://www.instagram.com/reel/DAbCdEfGhIj/'],
    [
      'https://www.tiktok.com/@kelmouthkitchen/video/7300000000000000001?lang=en',
      'tiktok',
      'https://www.tiktok.com/@kelmouthkitchen/video/7300000000000000001',
    ],
    [
      'https://bsky.app/profile/orrangazette.bsky.social/post/3kabcdefghi2x',
      'bluesky',
      'https://bsky.app/profile/orrangazette.bsky.social/post/3kabcdefghi2x',
    ],
    [
      'https://Mastodon.Example/@kelmouthlight/113000000000000001',
      'mastodon',
      'https://mastodon.example/@kelmouthlight/113000000000000001',
    ],
    // What the URL parser reads as https:// despite a control character before it or a line break in it.
    ['\u0001https://youtu.be/aBcDeFgHiJk', 'youtube', 'https://www.youtube.com/watch?v=aBcDeFgHiJk'],
    ['HT\nTPS://youtu.be/aBcDeFgHiJk', 'youtube', 'https://www.youtube.com/watch?v=aBcDeFgHiJk'],
  ])('%s is a %s embed of %s', (url, provider, canonical) => {
    expect(embedFromUrl(url)).toMatchObject({ provider, url: canonical });
  });

  it.each([
    'https://www.youtube.com.evil.example/watch?v=aBcDeFgHiJk',
    'https://evil.example/?u=https://youtu.be/aBcDeFgHiJk',
    'https://www.youtube.com/watch?v=aBcDeFgHiJ"',
    'https://www.youtube.com/channel/UCabc',
    'https://vimeo.com/channels/staffpicks',
    'http://mastodon.example/@a/1',
    'https://mastodon.example:8443/@a/1',
    'javascript:alert(1)//https://youtu.be/aBcDeFgHiJk',
    'not a url',
    'youtu.be/aBcDeFgHiJk',
    'ftp://youtu.be/aBcDeFgHiJk',
  ])('%s is not an embed', (url) => {
    expect(embedFromUrl(url)).toBeUndefined();
  });

  it('gives videos a privacy-mode player and the page one frame origin per provider', () => {
    expect(embedFromUrl('https://youtu.be/aBcDeFgHiJk')?.playerUrl).toBe(
      'https://www.youtube-nocookie.com/embed/aBcDeFgHiJk',
    );
    expect(embedFromUrl('https://vimeo.com/123456789')?.playerUrl).toBe(
      'https://player.vimeo.com/video/123456789?dnt=1',
    );
    expect(embedFromUrl('https://x.com/a/status/1')?.playerUrl).toBeUndefined();
    expect(frameOrigins([{ provider: 'youtube' }, { provider: 'x' }, { provider: 'youtube' }])).toEqual([
      'https://www.youtube-nocookie.com',
    ]);
  });
});

describe('npm run embed, its pure parts', () => {
  const video = embedFromUrl('https://youtu.be/aBcDeFgHiJk')!;
  it('asks the provider about the canonical URL, as JSON', () => {
    expect(oembedRequest(video)).toBe(
      'https://www.youtube.com/oembed?url=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3DaBcDeFgHiJk&format=json',
    );
    expect(oembedRequest(embedFromUrl('https://mastodon.example/@a/1')!)).toMatch(
      /^https:\/\/mastodon\.example\/api\/oembed\?/,
    );
  });

  it("escapes a title's brackets and refuses answers without what it needs", () => {
    expect(replacementFor(video, { title: ' A [draft]\ntitle ' })).toBe(
      '[A \\[draft\\] title](https://www.youtube.com/watch?v=aBcDeFgHiJk)',
    );
    expect(() => replacementFor(video, {})).toThrow(/without a title/);
    expect(() =>
      replacementFor(embedFromUrl('https://x.com/a/status/1')!, { html: '<script>x</script>' }),
    ).toThrow(/without the post's embed code/);
  });

  it('rewrites only lines that are just the URL', () => {
    expect(
      rewriteArticle(
        'a\nhttps://youtu.be/x\n  https://youtu.be/x  \nsee https://youtu.be/x',
        'https://youtu.be/x',
        'B',
      ),
    ).toBe('a\nB\nB\nsee https://youtu.be/x');
  });
});
