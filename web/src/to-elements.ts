/**
 * API graph → Cytoscape elements. Everything the stylesheet needs is precomputed into
 * element data (fill and border colours, size, label) and classes, so style lookups stay
 * cheap with thousands of elements. Labels read like "Kanazawa Interior Trim ★1 +3":
 * the name without its legal suffix, the own ★ level (a `?` when unassessed) and the
 * number of suppliers not in the view. Positions are not set here (see layout.ts).
 *
 * @example
 *   cy.add(toElements(await api.graph({ depth: 3 })));
 */
import type { ElementDefinition } from 'cytoscape';
import type { GraphEdge, GraphNode, GraphResponse } from '../../src/contract/api-types.ts';
import { NODE_SIZE, nodeSize, scoreColour } from './style.ts';

export interface NodeData {
  id: string;
  name: string;
  label: string;
  tier: number | null;
  country: string | null;
  own: number;
  eff: number;
  level: number;
  risk: number;
  unassessed: boolean;
  focal: boolean;
  critical: boolean;
  hidden: number;
  fill: string;
  border: string;
  size: number;
  /** Label size in px: larger for larger nodes, so the riskiest names stay legible longest when zooming out. */
  font: number;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  commodity: string;
  share: number;
  access: GraphEdge['access'];
  singleSource: boolean;
  bufferDays: number;
}

const LEGAL_SUFFIX =
  /[\s,]+(co\.?,?\s*ltd\.?|company,?\s*limited|corporation|corp\.?|inc\.?|ltd\.?|limited|k\.k\.|kk|gmbh|ag|llc|plc|s\.a\.|co\.)$/i;
/** Japanese legal forms, before or after the name: 株式会社, 有限会社, 合同会社, 合名会社, 合資会社 and their short forms (株), (有), ㈱, ㈲. */
const JAPANESE_FORM =
  /^\s*(?:株式会社|有限会社|合同会社|合名会社|合資会社|[(（]株[)）]|[(（]有[)）]|㈱|㈲)\s*|\s*(?:株式会社|有限会社|合同会社|合名会社|合資会社|[(（]株[)）]|[(（]有[)）]|㈱|㈲)\s*$/u;

/**
 * The display name without its legal form ("Kanazawa Interior Trim Co., Ltd." →
 * "Kanazawa Interior Trim"; "株式会社小島プレス" and "小島プレス(株)" → "小島プレス").
 */
export function shortName(name: string): string {
  let short = name.trim();
  for (let i = 0; i < 3; i++) {
    const next = short.replace(LEGAL_SUFFIX, '').replace(JAPANESE_FORM, '').trim();
    if (next === short || next === '') break;
    short = next;
  }
  return short;
}

/** The map label of a company: short name, ★ level or `?`, and `+N` for suppliers not in view. */
export function nodeLabel(node: Pick<GraphNode, 'name' | 'ownLevel' | 'unassessed'>, hiddenSuppliers: number): string {
  const level = node.unassessed ? ' ?' : node.ownLevel > 0 ? ` ★${node.ownLevel}` : '';
  const more = hiddenSuppliers > 0 ? `  +${hiddenSuppliers}` : '';
  return `${shortName(node.name)}${level}${more}`;
}

/** The element data of one company; `maxRisk` is the largest risk contribution in view (for the size scale). */
export function nodeData(node: GraphNode, maxRisk: number, hiddenSuppliers = node.hiddenSuppliers): NodeData {
  const size = nodeSize(node.riskContribution, maxRisk);
  return {
    id: node.id,
    name: node.name,
    label: nodeLabel(node, hiddenSuppliers),
    tier: node.tier,
    country: node.country,
    own: node.ownScore,
    eff: node.effectiveScore,
    level: node.ownLevel,
    risk: node.riskContribution,
    unassessed: node.unassessed,
    focal: node.focal,
    critical: node.criticalToFocal,
    hidden: hiddenSuppliers,
    fill: scoreColour(node.effectiveScore),
    border: scoreColour(node.ownScore),
    size: size + (node.focal ? 8 : 0),
    font: node.focal ? 16 : Math.round(11 + (4 * (size - NODE_SIZE.min)) / (NODE_SIZE.max - NODE_SIZE.min)),
  };
}

/** The classes of a company node. */
export function nodeClasses(node: GraphNode, hiddenSuppliers = node.hiddenSuppliers): string[] {
  const classes: string[] = [];
  if (node.focal) classes.push('focal');
  if (node.unassessed) classes.push('unassessed');
  if (node.criticalToFocal) classes.push('critical');
  if (hiddenSuppliers > 0) classes.push('expandable');
  return classes;
}

/** The element data and classes of one supply edge. */
export function edgeElement(edge: GraphEdge): ElementDefinition {
  const data: EdgeData = {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    commodity: edge.commodity,
    share: edge.share,
    access: edge.access,
    singleSource: edge.singleSource,
    bufferDays: edge.bufferDays,
  };
  const classes: string[] = [];
  if (edge.singleSource) classes.push('single');
  if (edge.access !== 'none') classes.push(`access-${edge.access}`);
  return { group: 'edges', data: { ...data }, classes };
}

/** The largest risk contribution of the nodes (0 for none). */
export function maxRiskOf(nodes: readonly GraphNode[]): number {
  let max = 0;
  for (const n of nodes) if (n.riskContribution > max) max = n.riskContribution;
  return max;
}

/** All elements of an API graph: nodes first, then the edges whose two ends are among the nodes. */
export function toElements(graph: GraphResponse, maxRisk = maxRiskOf(graph.nodes)): ElementDefinition[] {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const nodes: ElementDefinition[] = graph.nodes.map((n) => ({
    group: 'nodes',
    data: { ...nodeData(n, maxRisk) },
    classes: nodeClasses(n),
  }));
  const edges = graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map(edgeElement);
  return [...nodes, ...edges];
}
