/**
 * The peer of the benchmark: blast radius, critical suppliers and effective score as a
 * graphology user would write them — a directed multigraph with attributes, one
 * cascade per source with Maps and Sets keyed by id, and the effective score by
 * iterating the fixed-point formula of the README from the own scores downward until
 * nothing changes (which reaches the greatest fixed point: each round can only lower a
 * score, and never below it). Same semantics as the engine, none of its indexing; the
 * benchmark checks that both give the same answers.
 */
import { MultiDirectedGraph } from 'graphology';
import { DEFAULTS, EPSILON } from '../../src/analysis/options.ts';
import type { Network } from '../../src/model/types.ts';

interface NodeAttributes {
  own: number;
  eff: number;
}
interface EdgeAttributes {
  commodity: string;
  share: number;
}

export type PeerGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

/** The network as a graphology graph, shares normalised per (buyer, commodity). */
export function buildGraph(network: Network): PeerGraph {
  const graph: PeerGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  for (const c of network.companies) {
    const own = c.securityScore ?? (c.scsLevel !== null ? DEFAULTS.levelScores[c.scsLevel]! : 0);
    graph.addNode(c.id, { own, eff: own });
  }
  const groups = new Map<string, { count: number; sum: number; given: boolean }>();
  for (const s of network.supplies) {
    const key = `${s.buyer}\u0000${s.commodity}`;
    const group = groups.get(key) ?? { count: 0, sum: 0, given: true };
    group.count += 1;
    if (s.share === null) group.given = false;
    else group.sum += s.share;
    groups.set(key, group);
  }
  for (const s of network.supplies) {
    const group = groups.get(`${s.buyer}\u0000${s.commodity}`)!;
    const share = group.given && group.sum > 0 ? s.share! / group.sum : 1 / group.count;
    graph.addDirectedEdge(s.supplier, s.buyer, { commodity: s.commodity, share });
  }
  return graph;
}

/** The companies disrupted when `source` is hit (source included). */
export function peerCascade(graph: PeerGraph, source: string, theta = DEFAULTS.theta): Set<string> {
  const disrupted = new Set<string>([source]);
  const available = new Map<string, number>();
  const queue = [source];
  for (let head = 0; head < queue.length; head++) {
    graph.forEachOutEdge(queue[head]!, (_edge, attributes, _supplier, buyer) => {
      if (disrupted.has(buyer)) return;
      const key = `${buyer}\u0000${attributes.commodity}`;
      const left = (available.get(key) ?? 1) - attributes.share;
      available.set(key, left);
      if (left < theta - EPSILON) {
        disrupted.add(buyer);
        queue.push(buyer);
      }
    });
  }
  return disrupted;
}

/** Every company's blast radius, and the critical suppliers of every company. */
export function peerSingleFailures(
  graph: PeerGraph,
  theta = DEFAULTS.theta,
): { blast: Map<string, string[]>; critical: Map<string, string[]> } {
  const blast = new Map<string, string[]>();
  const critical = new Map<string, string[]>();
  graph.forEachNode((x) => critical.set(x, []));
  graph.forEachNode((x) => {
    const radius = [...peerCascade(graph, x, theta)].filter((v) => v !== x);
    blast.set(x, radius);
    for (const v of radius) critical.get(v)!.push(x);
  });
  return { blast, critical };
}

/** q_c of a list of (eff, share) suppliers: the highest t whose suppliers with eff ≥ t reach θ. */
function threshold(suppliers: { eff: number; share: number }[], theta: number): number {
  suppliers.sort((a, b) => b.eff - a.eff);
  let reached = 0;
  for (let i = 0; i < suppliers.length; i++) {
    reached += suppliers[i]!.share;
    if (i + 1 < suppliers.length && suppliers[i + 1]!.eff === suppliers[i]!.eff) continue;
    if (reached >= theta - EPSILON) return suppliers[i]!.eff;
  }
  return Number.NEGATIVE_INFINITY;
}

/** Effective scores by iterating eff(v) = min(own(v), min_c q_c(v)) from eff = own until stable; also the rounds taken. */
export function peerEffectiveScores(
  graph: PeerGraph,
  theta = DEFAULTS.theta,
): { eff: Map<string, number>; rounds: number } {
  graph.forEachNode((v, attributes) => graph.setNodeAttribute(v, 'eff', attributes.own));
  let rounds = 0;
  for (let changed = true; changed; rounds++) {
    changed = false;
    graph.forEachNode((v, attributes) => {
      const groups = new Map<string, { eff: number; share: number }[]>();
      graph.forEachInEdge(v, (_edge, edge, supplier) => {
        const list = groups.get(edge.commodity) ?? [];
        list.push({ eff: graph.getNodeAttribute(supplier, 'eff'), share: edge.share });
        groups.set(edge.commodity, list);
      });
      let eff = attributes.own;
      for (const list of groups.values()) eff = Math.min(eff, threshold(list, theta));
      if (eff !== attributes.eff) {
        graph.setNodeAttribute(v, 'eff', eff);
        changed = true;
      }
    });
  }
  const eff = new Map<string, number>();
  graph.forEachNode((v, attributes) => eff.set(v, attributes.eff));
  return { eff, rounds };
}
