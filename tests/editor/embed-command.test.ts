/**
 * `npm run embed`, spawned as editors run it, against a local HTTP server standing in for the
 * providers' oEmbed endpoints (OEMBED_ENDPOINT): nothing here touches the internet.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from '../markdown/astro-processor.ts';
import { projectRoot } from '../helpers/build-site.ts';
import { EMBED_SAMPLES } from '../helpers/embed-samples.ts';

const TWEET = EMBED_SAMPLES.find((sample) => sample.provider === 'x')!;
let server: Server;
let endpoint: string;
const asked: string[] = [];
let folder: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url!, 'http://stand-in');
    asked.push(url.searchParams.get('url')!);
    const answers: Record<string, object> = {
      'https://www.youtube.com/watch?v=aBcDeFgHiJk': {
        type: 'video',
        title: 'The Kelmouth harbour light [lit again]',
        thumbnail_url: 'https://i.ytimg.com/vi/aBcDeFgHiJk/hqdefault.jpg',
      },
      [TWEET.original]: { type: 'rich', html: `${TWEET.code}\n` },
    };
    const answer = answers[url.searchParams.get('url')!];
    response.writeHead(answer ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(answer ?? { error: 'not found' }));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oembed`;
  folder = mkdtempSync(join(tmpdir(), 'embed-command-'));
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
  rmSync(folder, { recursive: true, force: true });
});

function run(
  args: string[],
  env: Record<string, string> = { OEMBED_ENDPOINT: endpoint },
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(projectRoot, 'scripts/embed.ts'), ...args], {
      cwd: projectRoot,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => done({ status, stdout: stdout.trim(), stderr: stderr.trim() }));
  });
}

function article(name: string, body: string): string {
  const path = join(folder, name);
  writeFileSync(path, `---\ntitle: Test\n---\n\nBefore.\n\n${body}\n\nAfter.\n`);
  return path;
}

// Each case spawns Node (up to five times): generous bounds, so a busy machine slows it and never fails it.
describe('npm run embed', { timeout: 120_000 }, () => {
  it("writes a video's title into the article as the link text, once asked", async () => {
    const path = article('video.md', 'https://youtu.be/aBcDeFgHiJk');
    const result = await run([path, 'https://youtu.be/aBcDeFgHiJk']);
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(path, 'utf8')).toContain(
      '\n[The Kelmouth harbour light \\[lit again\\]](https://www.youtube.com/watch?v=aBcDeFgHiJk)\n',
    );
    expect(asked.at(-1)).toBe('https://www.youtube.com/watch?v=aBcDeFgHiJk');
    const { body } = await render(readFileSync(path, 'utf8').split('---\n').slice(2).join('---\n'));
    expect(body.querySelector('summary')!.textContent).toBe(
      'Play video: The Kelmouth harbour light [lit again] (YouTube)',
    );
  });

  it("writes a post's embed code (its text, author and date) in place of its URL", async () => {
    const path = article('post.md', TWEET.url);
    const result = await run([path, TWEET.url]);
    expect(result.status, result.stderr).toBe(0);
    const { body } = await render(readFileSync(path, 'utf8').split('---\n').slice(2).join('---\n'));
    for (const kept of TWEET.kept) expect(body.querySelector('figure.embed')!.textContent).toContain(kept);
  });

  it('says clearly when the endpoint cannot be reached, and leaves the article as it was', async () => {
    const path = article('offline.md', 'https://youtu.be/aBcDeFgHiJk');
    const before = readFileSync(path, 'utf8');
    const result = await run([path, 'https://youtu.be/aBcDeFgHiJk'], {
      OEMBED_ENDPOINT: 'http://127.0.0.1:9/oembed',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        /^embed: could not reach http:\/\/127\.0\.0\.1:9 \(.+\)\. /.source +
          /Check that you are online and try again; the article was not changed\.$/.source,
      ),
    );
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('refuses unknown URLs, missing lines and Instagram (no token-free oEmbed) before asking anything', async () => {
    const path = article('refusals.md', 'Nothing to embed.');
    const count = asked.length;
    expect((await run([path, 'https://example.org/video'])).stderr).toMatch(
      /^embed: "https:\/\/example\.org\/video" is not a post or video this site can embed \(YouTube, Vimeo, X/,
    );
    expect((await run([path, 'https://youtu.be/aBcDeFgHiJk'])).stderr).toMatch(
      /has no line with just https:\/\/youtu\.be\/aBcDeFgHiJk\. Put the URL on a line of its own/,
    );
    const instagram = article('instagram.md', 'https://www.instagram.com/p/DAbCdEfGhIj/');
    expect((await run([instagram, 'https://www.instagram.com/p/DAbCdEfGhIj/'])).stderr).toMatch(
      /Instagram has no oEmbed endpoint .* Paste the embed code/,
    );
    expect((await run([])).stderr).toBe(
      'embed: usage: npm run embed -- content/articles/<slug>/index.md <url>',
    );
    expect(asked.length).toBe(count);
  });
});
