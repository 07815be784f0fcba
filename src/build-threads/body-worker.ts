/**
 * The thread that renders article bodies ahead of the pages that show them (bodies-ahead.ts).
 * Node runs this file itself (type stripping), so its imports name their .ts files.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { workThrough } from './work-ahead.ts';
import { renderArticle } from '../markdown/render-article.ts';
import type { RenderedSource } from './rendered-ahead.ts';

const { board, paths, lead } = workerData as { board: SharedArrayBuffer; paths: string[]; lead: number };

async function render(path: string): Promise<RenderedSource> {
  const source = readFileSync(path, 'utf8');
  return { source, rendered: await renderArticle(path, source) };
}

await workThrough(board, paths, render, parentPort!, { lead });
