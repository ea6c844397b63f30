"""Relations between actors, read from the store: series, network, profiles, briefs.

Plain functions over an open `Store`, returning dataclasses or JSON-ready dicts; the CLI and
the REST API are thin layers over them.

    >>> from eventwire.store import Store
    >>> from eventwire.analysis import relation_brief, to_markdown
    >>> with Store.open("eventwire.duckdb", read_only=True) as store:  # doctest: +SKIP
    ...     print(to_markdown(relation_brief(store, "RUS", "IRN")))
"""

from __future__ import annotations

from eventwire.analysis.brief import Brief, relation_brief
from eventwire.analysis.browse import actors, document, event, list_documents, places, summary
from eventwire.analysis.items import Page, list_events
from eventwire.analysis.network import Network, actor_network
from eventwire.analysis.profile import ActorProfile, actor_profile, partners
from eventwire.analysis.query import Actor, EventQuery
from eventwire.analysis.render import to_html, to_markdown
from eventwire.analysis.series import SeriesPoint, dyad_series
from eventwire.analysis.snapshot import Snapshot

__all__ = [
    "Actor",
    "ActorProfile",
    "Brief",
    "EventQuery",
    "Network",
    "Page",
    "SeriesPoint",
    "Snapshot",
    "actor_network",
    "actor_profile",
    "actors",
    "document",
    "dyad_series",
    "event",
    "list_documents",
    "list_events",
    "partners",
    "places",
    "relation_brief",
    "summary",
    "to_html",
    "to_markdown",
]
