"""Readable names for actor keys (`RUS` Russia, `IRNGOV` Iran GOV, `hezbollah` Hezbollah,
`IGONAT` NATO) from the store's actors table, so labels follow the corpus's knowledge base."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from eventwire.actors.knowledge import KnowledgeBase, load_file
from eventwire.datafiles import package_data
from eventwire.store.connection import Store

COUNTRY_ID = "country:"


@dataclass(slots=True)
class Names:
    """Names of countries, groups and codes seen in a store."""

    countries: dict[str, str] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    codes: dict[str, str] = field(default_factory=dict)

    def __call__(self, key: str | None) -> str | None:
        """The name of an actor key at any level; the key itself when nothing better."""
        if key is None:
            return None
        for table in (self.countries, self.groups):
            if key in table:
                return table[key]
        country = self.countries.get(key[:3])
        if country is not None:
            return f"{country} {key[3:]}"
        return self.codes.get(key, key)


def load_names(store: Store) -> Names:
    """Read the actors table once (it holds one row per distinct actor: small); countries
    the corpus never named as such (only their army, say) take the knowledge base's name."""
    names = Names(countries=dict(shipped_countries()))
    rows = store.rows("SELECT code, name, group_id, kb_id FROM actors WHERE name IS NOT NULL")
    for code, name, group, kb_id in sorted(rows, key=lambda r: (len(r[1]), r[1])):
        if kb_id and kb_id.startswith(COUNTRY_ID):
            names.countries[kb_id[len(COUNTRY_ID) :]] = name
        if group and (kb_id or "").endswith(group):
            names.groups[group] = name
        elif group:
            names.groups.setdefault(group, name)
        if code:
            names.codes.setdefault(code, name)
    return names


@cache
def shipped_countries() -> tuple[tuple[str, str], ...]:
    """(code, name) of every country in the shipped countries.yaml, read once."""
    kb = KnowledgeBase()
    load_file(package_data("actors", "countries.yaml"), kb)
    return tuple((e.code or e.id, e.name) for e in kb.of_kind("country"))
