/**
 * Each provider's embed code as the provider hands it out (fictional accounts and posts), and the
 * same post's URL, for the markdown, integration and browser tests of embeds.
 */
import type { ProviderId } from '../../src/markdown/embed-providers.ts';

export interface EmbedSample {
  provider: ProviderId;
  /** The provider's embed code, as pasted. */
  code: string;
  /** The post's or video's address, as an editor copies it from the address bar. */
  url: string;
  /** The link to the original the figure must show. */
  original: string;
  /** Text the figure must keep (post text, author, date, or the video's title). */
  kept: string[];
}

export const EMBED_SAMPLES: EmbedSample[] = [
  {
    provider: 'youtube',
    code:
      '<iframe width="560" height="315" src="https://www.youtube.com/embed/aBcDeFgHiJk?si=Xy12" ' +
      'title="The Kelmouth harbour light is lit again" frameborder="0" allow="accelerometer; ' +
      'autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; ' +
      'web-share" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>',
    url: 'https://youtu.be/aBcDeFgHiJk',
    original: 'https://www.youtube.com/watch?v=aBcDeFgHiJk',
    kept: ['The Kelmouth harbour light is lit again'],
  },
  {
    provider: 'vimeo',
    code:
      '<iframe src="https://player.vimeo.com/video/123456789?h=abc123&amp;' +
      'badge=0" width="640" height="360" frameborder="0" allow="autoplay; fullscreen; ' +
      'picture-in-picture" title="Night ferry to Orran Isle"></iframe>',
    url: 'https://vimeo.com/123456789',
    original: 'https://vimeo.com/123456789',
    kept: ['Night ferry to Orran Isle'],
  },
  {
    provider: 'x',
    code:
      '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">The Kelmouth harbour light shines ' +
      'again tonight after forty years. <a href="https://t.co/AbCdEf">pic.twitter.com/AbCdEf</a>' +
      '</p>&mdash; Kelmouth Harbour Trust (@kelmouthtrust) <a ' +
      'href="https://twitter.com/kelmouthtrust/status/1864000000000000001?ref_src=twsrc%5Etfw">December ' +
      '1, 2026</a></blockquote> <script async src="https://platform.twitter.com/widgets.js" ' +
      'charset="utf-8"></script>',
    url: 'https://x.com/kelmouthtrust/status/1864000000000000001',
    original: 'https://x.com/kelmouthtrust/status/1864000000000000001',
    kept: [
      'shines again tonight after forty years',
      'Kelmouth Harbour Trust (@kelmouthtrust)',
      'December 1, 2026',
    ],
  },
  {
    provider: 'instagram',
    code:
      '<blockquote class="instagram-media" data-instgrm-captioned ' +
      'data-instgrm-permalink="https://www.instagram.com/p/DAbCdEfGhIj/?utm_source=ig_embed&amp;' +
      'utm_campaign=loading" data-instgrm-version="14" style="background:#FFF; border:0;"><div ' +
      'style="padding:16px;"><a href="https://www.instagram.com/p/DAbCdEfGhIj/?utm_source=ig_embed&amp;' +
      'utm_campaign=loading" style="background:#FFFFFF;" target="_blank"><div style="padding: 19% 0;">' +
      '</div><div style="padding-top: 8px;"><div style="color:#3897f0;">View this post on ' +
      'Instagram</div></div></a><p style="margin:8px 0 0 0;">Sunrise over the Orran Isle ferry pier, ' +
      'first crossing of the winter timetable.</p><p style="color:#c9c8cd;"><a ' +
      'href="https://www.instagram.com/p/DAbCdEfGhIj/?utm_source=ig_embed&amp;utm_campaign=loading" ' +
      'style="color:#c9c8cd;" target="_blank">A post shared by Mara Quillon (@maraquillon)</a></p></div>' +
      '</blockquote> <script async src="//www.instagram.com/embed.js"></script>',
    url: 'https://www.instagram.com/p/DAbCdEfGhIj/',
    original: 'https://www.instagram.com/p/DAbCdEfGhIj/',
    kept: ['Sunrise over the Orran Isle ferry pier', 'Mara Quillon (@maraquillon)'],
  },
  {
    provider: 'tiktok',
    code:
      '<blockquote class="tiktok-embed" ' +
      'cite="https://www.tiktok.com/@kelmouthkitchen/video/7300000000000000001" ' +
      'data-video-id="7300000000000000001" style="max-width: 605px;min-width: 325px;"> <section> <a ' +
      'target="_blank" title="@kelmouthkitchen" ' +
      'href="https://www.tiktok.com/@kelmouthkitchen?refer=embed">@kelmouthkitchen</a> Harbour chowder ' +
      'for the lighting night <a title="kelmouth" target="_blank" ' +
      'href="https://www.tiktok.com/tag/kelmouth?refer=embed">#kelmouth</a> <a target="_blank" title="♬ ' +
      'original sound - Kelmouth Kitchen" ' +
      'href="https://www.tiktok.com/music/original-sound-1?refer=embed">♬ original sound - Kelmouth ' +
      'Kitchen</a> </section> </blockquote> <script async src="https://www.tiktok.com/embed.js">' +
      '</script>',
    url: 'https://www.tiktok.com/@kelmouthkitchen/video/7300000000000000001',
    original: 'https://www.tiktok.com/@kelmouthkitchen/video/7300000000000000001',
    kept: ['Harbour chowder for the lighting night', '@kelmouthkitchen'],
  },
  {
    provider: 'bluesky',
    code:
      '<blockquote class="bluesky-embed" ' +
      'data-bluesky-uri="at://did:plc:abcdefghijklmnop/app.bsky.feed.post/3kabcdefghi2x" ' +
      'data-bluesky-cid="bafyreiabc"><p lang="en">Volunteers have repainted all 212 steps of the ' +
      'Kelmouth light.</p>&mdash; Orran Isle Gazette (<a ' +
      'href="https://bsky.app/profile/did:plc:abcdefghijklmnop?ref_src=embed">@orrangazette.bsky.social</a>) ' +
      '<a href="https://bsky.app/profile/did:plc:abcdefghijklmnop/post/3kabcdefghi2x?ref_src=embed">' +
      'December 2, 2026 at 9:14 AM</a></blockquote>' +
      '<script async src="https://embed.bsky.app/static/embed.js" charset="utf-8"></script>',
    url: 'https://bsky.app/profile/did:plc:abcdefghijklmnop/post/3kabcdefghi2x',
    original: 'https://bsky.app/profile/did:plc:abcdefghijklmnop/post/3kabcdefghi2x',
    kept: [
      'repainted all 212 steps',
      'Orran Isle Gazette (@orrangazette.bsky.social)',
      'December 2, 2026 at 9:14 AM',
    ],
  },
  {
    provider: 'mastodon',
    code:
      '<blockquote class="mastodon-embed" ' +
      'data-embed-url="https://mastodon.example/@kelmouthlight/113000000000000001/embed" ' +
      'style="background: #FCF8FF; border-radius: 8px;"> <a ' +
      'href="https://mastodon.example/@kelmouthlight/113000000000000001" target="_blank" ' +
      'style="align-items: center;"> <div style="margin-top: 16px;">Post by ' +
      '@kelmouthlight@mastodon.example</div> <div style="font-weight: 500;">View on Mastodon</div> </a> ' +
      '</blockquote> <script data-allowed-prefixes="https://mastodon.example/" async ' +
      'src="https://mastodon.example/embed.js"></script>',
    url: 'https://mastodon.example/@kelmouthlight/113000000000000001',
    original: 'https://mastodon.example/@kelmouthlight/113000000000000001',
    kept: ['@kelmouthlight@mastodon.example'],
  },
];
