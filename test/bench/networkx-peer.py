"""networkx peer of the benchmark: nx.descendants for a sample of companies.

Usage: python3 networkx-peer.py EDGES SAMPLE
EDGES: one "supplier buyer" pair of company indices per line. SAMPLE: one index per line.
Prints one JSON object: build and query seconds and the number of descendants of each
sampled company (plain reachability along supply edges, no threshold).
"""
import json
import sys
import time

import networkx as nx


def main() -> None:
    edges_file, sample_file = sys.argv[1], sys.argv[2]
    started = time.perf_counter()
    graph = nx.DiGraph()
    with open(edges_file) as f:
        graph.add_edges_from((int(a), int(b)) for a, b in (line.split() for line in f))
    built = time.perf_counter()
    with open(sample_file) as f:
        sample = [int(line) for line in f if line.strip()]
    counts = [len(nx.descendants(graph, x)) if x in graph else 0 for x in sample]
    done = time.perf_counter()
    print(json.dumps({"version": nx.__version__, "buildSeconds": built - started, "querySeconds": done - built, "counts": counts}))


if __name__ == "__main__":
    main()
