"""The actor network: who deals with whom, how cooperatively, and who sits at its centre.

Edges are undirected and carry counts of counted events (cooperation = quad classes 1-2,
conflict = 3-4) and their mean Goldstein score; an actor's dealings with itself at the
chosen level (a government and its own army at country level) are no edge.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from eventwire.analysis.names import Names, load_names
from eventwire.analysis.query import (
    CONFLICT,
    COOPERATION,
    COUNTED,
    EventQuery,
    Level,
    actor_key,
    from_where,
    known,
)
from eventwire.store.connection import Store

if TYPE_CHECKING:
    import networkx as nx


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    cooperation: int
    conflict: int
    events: int
    goldstein: float


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    label: str
    events: int
    centrality: float
    community: int


@dataclass(frozen=True, slots=True)
class Network:
    """Nodes and edges as plain records, and the networkx graph they were read from."""

    level: Level
    nodes: list[Node]
    edges: list[Edge]
    graph: Any


def edge_counts(
    store: Store, level: Level, query: EventQuery, *, min_events: int = 1
) -> list[Edge]:
    """Counted events per unordered pair of actors at `level` (pair keys sorted)."""
    source_key, target_key = actor_key("source", level), actor_key("target", level)
    first, second = f"least({source_key}, {target_key})", f"greatest({source_key}, {target_key})"
    source, params = from_where(
        store, query, COUNTED, known("source", level), known("target", level),
        f"{source_key} <> {target_key}",
    )  # fmt: skip
    sql = (
        f"SELECT {first}, {second}, sum(CASE WHEN {COOPERATION} THEN 1 ELSE 0 END), "
        f"sum(CASE WHEN {CONFLICT} THEN 1 ELSE 0 END), count(*), avg(e.goldstein) "
        f"{source} GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY 5 DESC, 1, 2"
    )
    return [
        Edge(a, b, int(coop), int(conflict), int(n), round(float(g), 3))
        for a, b, coop, conflict, n, g in store.rows(sql, [*params, min_events])
    ]


def actor_network(
    store: Store,
    *,
    level: Level = "country",
    since: dt.date | None = None,
    until: dt.date | None = None,
    min_events: int = 1,
    names: Names | None = None,
) -> Network:
    """The network of a period: degree centrality, and communities found by greedy
    modularity over event counts (deterministic, so the same store draws the same map)."""
    edges = edge_counts(store, level, EventQuery(since=since, until=until), min_events=min_events)
    import networkx as nx  # here, not at the top: `eventwire code` starts without it

    graph = nx.Graph()
    for edge in edges:
        graph.add_edge(edge.source, edge.target, **_attributes(edge))
    names = names or load_names(store)
    centrality = nx.degree_centrality(graph) if len(graph) > 1 else dict.fromkeys(graph, 0.0)
    community = _communities(graph)
    nodes = [
        Node(
            node,
            names(node) or node,
            int(graph.degree(node, weight="events")),
            round(centrality[node], 4),
            community[node],
        )
        for node in sorted(graph, key=lambda n: (-graph.degree(n, weight="events"), n))
    ]
    for node in nodes:
        graph.nodes[node.id].update(label=node.label, events=node.events)
        graph.nodes[node.id].update(centrality=node.centrality, community=node.community)
    return Network(level, nodes, edges, graph)


def _attributes(edge: Edge) -> dict[str, Any]:
    return {k: getattr(edge, k) for k in ("cooperation", "conflict", "events", "goldstein")}


def _communities(graph: nx.Graph) -> dict[str, int]:
    """Community numbers, largest community first (0); an empty graph has none."""
    if graph.number_of_edges() == 0:
        return {}
    from networkx.algorithms.community import greedy_modularity_communities

    found = greedy_modularity_communities(graph, weight="events")
    ordered = sorted(found, key=lambda c: (-len(c), min(c)))
    return {node: index for index, members in enumerate(ordered) for node in members}
