/**
 * Visits the nodes of a markdown (mdast) or HTML (hast) tree, depth first in document order, as
 * `visit` from unist-util-visit does for the calls this project makes: `walkTree(tree, type,
 * visitor)` or `walkTree(tree, visitor)`, the visitor given the node, its index and its parent,
 * returning SKIP to leave that node's children unvisited (after replacing it, say).
 *
 * Why not unist-util-visit: it names a function for every node it visits (Object.defineProperty,
 * for stack traces), which made it ten times slower than this walk over the same trees (scratch
 * measurement over 500 article bodies), and each article body is walked by a dozen plugins:
 * ~14 of the body thread's 77 profiled seconds at N = 10,000. With this walk an article body
 * renders with 15 % less CPU (2,000 bodies, five rounds each, both in one process; docs/performance.md).
 *
 * Children are read as the walk reaches them, so a visitor may replace its node in `parent`; the
 * walk then goes on into the children of the node it visited (return SKIP if that is not wanted),
 * and to the next index. Recursion is bounded: bodies nested deeper than the limits
 * (src/lib/body-limits.ts) are reported before any plugin runs.
 */
import type { Nodes as HastNodes, Parents as HastParents, Root as HastRoot } from 'hast';
import type { Nodes as MdastNodes, Parents as MdastParents, Root as MdastRoot } from 'mdast';

export const SKIP = 'skip';

type NodesOf<Tree> = Tree extends HastNodes ? HastNodes : MdastNodes;
type ParentsOf<Tree> = Tree extends HastNodes ? HastParents : MdastParents;
type Visitor<Node, Parent> = (
  node: Node,
  index: number | undefined,
  parent: Parent | undefined,
) => typeof SKIP | void;

export function walkTree<Tree extends HastRoot | HastNodes | MdastRoot, Type extends NodesOf<Tree>['type']>(
  tree: Tree,
  type: Type,
  visitor: Visitor<Extract<NodesOf<Tree>, { type: Type }>, ParentsOf<Tree>>,
): void;
export function walkTree<Tree extends HastRoot | HastNodes | MdastRoot>(
  tree: Tree,
  visitor: Visitor<NodesOf<Tree>, ParentsOf<Tree>>,
): void;
export function walkTree(
  tree: { type: string },
  typeOrVisitor: string | Visitor<never, never>,
  maybeVisitor?: Visitor<never, never>,
): void {
  const type = typeof typeOrVisitor === 'string' ? typeOrVisitor : undefined;
  const visitor = (maybeVisitor ?? typeOrVisitor) as Visitor<unknown, unknown>;
  const walk = (node: { type: string; children?: unknown[] }, index?: number, parent?: unknown) => {
    if ((type === undefined || node.type === type) && visitor(node, index, parent) === SKIP) return;
    const children = node.children;
    if (!children) return;
    for (let at = 0; at < children.length; at++) walk(children[at] as typeof node, at, node);
  };
  walk(tree);
}
