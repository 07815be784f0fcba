import type { Element, Root as HastRoot } from 'hast';
import { h } from 'hastscript';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { visit, SKIP as VISIT_SKIP } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { SKIP, walkTree } from '../../src/lib/walk-tree.ts';

const markdown = fromMarkdown(
  '# Title\n\nSome *emphasis* and a [link][ref].\n\n> ## Quoted heading\n>\n> - item **one**\n\n[ref]: /there\n',
);
const html = (): HastRoot => ({
  type: 'root',
  children: [
    h('p', ['a ', h('em', 'b'), h('a', { href: '/x' }, ['c ', h('strong', 'd')])]),
    h('details', [h('summary', 'Play'), h('iframe', { src: '/player' })]),
    h('h2', 'End'),
  ],
});

/** What a visit saw: each node's type (and tag), index and parent's type, in order. */
function trace(walker: (tree: never, ...args: never[]) => void, tree: unknown, type?: string) {
  const seen: string[] = [];
  const visitor = (node: { type: string; tagName?: string }, index?: number, parent?: { type: string }) =>
    void seen.push(`${node.type}${node.tagName ? `<${node.tagName}>` : ''}@${index}<${parent?.type}`);
  if (type) (walker as (...args: unknown[]) => void)(tree, type, visitor);
  else (walker as (...args: unknown[]) => void)(tree, visitor);
  return seen;
}

describe('walkTree', () => {
  it('visits what unist-util-visit visits, in the same order, with the same index and parent', () => {
    for (const [tree, type] of [
      [markdown, undefined],
      [markdown, 'heading'],
      [markdown, 'definition'],
      [html(), 'element'],
      [html(), undefined],
    ] as const) {
      expect(trace(walkTree, tree, type)).toEqual(trace(visit, tree, type));
    }
    expect(trace(walkTree, markdown, 'heading')).toEqual(['heading@0<root', 'heading@0<blockquote']);
  });

  it("leaves a node's children unvisited when the visitor returns SKIP, as visit does", () => {
    const tags = (walker: typeof walkTree | typeof visit, skip: unknown) => {
      const tree = html();
      const seen: string[] = [];
      (walker as typeof walkTree)(tree, 'element', (node: Element, index, parent) => {
        seen.push(node.tagName);
        if (node.tagName !== 'details' || !parent || index === undefined) return;
        parent.children[index] = h('p', 'Video: Play');
        return skip as typeof SKIP;
      });
      return { seen, tree };
    };
    const walked = tags(walkTree, SKIP);
    expect(walked).toEqual(tags(visit, VISIT_SKIP));
    expect(walked.seen).toEqual(['p', 'em', 'a', 'strong', 'details', 'h2']);
    expect(walked.tree.children[1]).toMatchObject({ tagName: 'p', children: [{ value: 'Video: Play' }] });
  });

  it('goes into the children of the node it visited when a visitor replaced it without SKIP', () => {
    const tree = html();
    const seen: string[] = [];
    walkTree(tree, 'element', (node, index, parent) => {
      seen.push(node.tagName);
      if (node.tagName === 'details' && parent && index !== undefined) parent.children[index] = h('hr');
    });
    expect(seen).toEqual(['p', 'em', 'a', 'strong', 'details', 'summary', 'iframe', 'h2']);
  });
});
