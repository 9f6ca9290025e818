"""Language and place knowledge, loaded from the YAML files in generator/data/.

Every file is checked against a typed schema when it loads (generator/schema.py): a wrong
key, type or reference stops the run with an error naming the file, the key and the value,
instead of a KeyError deep inside extraction.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

import yaml

from generator.schema import CityEntry, DataError, PlaceEntry, check_gazetteer, validate
from generator.text import fold

DATA_FILES = (
    "gazetteer.yaml",
    "cities.yaml",
    "place_rules.yaml",
    "sectors.yaml",
    "boilerplate.yaml",
    "dates.yaml",
    "labels.yaml",
    "ties.yaml",
    "tile_map.yaml",
)
MERGER_DATE = "2025-07-01"  # Vietnam's 63 provinces became 34


@cache
def _parsed(name: str) -> Any:
    text = resources.files("generator").joinpath("data", name).read_text(encoding="utf-8")
    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as error:
        raise DataError(f"generator/data/{name}: not valid YAML: {error}") from error


@cache
def typed(name: str) -> Any:
    """One data file as its schema's types (cached: the files do not change during a run)."""
    return validate(name, _parsed(name))


def load(name: str) -> Any:
    """One data file as parsed YAML, after checking it against its schema."""
    typed(name)
    return _parsed(name)


def data_version() -> str:
    """A digest of every data file, so caches can tell when knowledge changed."""
    digest = hashlib.sha256()
    for name in DATA_FILES:
        digest.update(resources.files("generator").joinpath("data", name).read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: prefecture, province, municipality, city or region."""

    id: str
    kind: str
    names: dict[str, str]
    aliases: tuple[str, ...]  # written forms that count on their own
    needs_qualifier: tuple[str, ...]  # forms that count only beside a qualifier word
    parent: str | None
    region: str | None
    iso: str | None
    members: tuple[str, ...]
    merged_into: str | None
    merged_on: str | None
    formed_from: tuple[str, ...]
    coords: tuple[float, float] | None = None
    population: int = 0
    curated: bool = True  # False for cities written by tools/build_cities.py
    scheme: str | None = None  # of a region: "socio-economic" for Vietnam's six, else None

    @property
    def country(self) -> str:
        """'jp' or 'vn'."""
        return self.id.split("/", 1)[0]

    @property
    def name(self) -> str:
        """The usual name: Vietnamese with diacritics for Vietnam's localities and cities,
        romaji for Japan's; a region's name in the interface language."""
        if self.kind == "region":
            return self.names.get(label("locale").split("_")[0]) or self.names["en"]
        if self.country == "vn":
            return self.names.get("vi") or self.names["en"]
        return self.names["en"]

    @property
    def is_locality(self) -> bool:
        """Prefecture/province level (what goes into `localities`)."""
        return self.kind in ("prefecture", "province", "municipality")


@dataclass(frozen=True)
class Gazetteer:
    """All places by id."""

    places: dict[str, Place]

    def localities(self, country: str) -> list[Place]:
        """Prefecture/province-level places of one country, by id."""
        return sorted(
            (p for p in self.places.values() if p.is_locality and p.country == country),
            key=lambda p: p.id,
        )

    def regions(self) -> list[Place]:
        """Every region, by id."""
        return sorted((p for p in self.places.values() if p.kind == "region"), key=lambda p: p.id)

    def cities(self) -> list[Place]:
        """Every city, by id."""
        return sorted((p for p in self.places.values() if p.kind == "city"), key=lambda p: p.id)

    def parent_on(self, city_id: str, iso_date: str | None) -> str:
        """A city's locality on a date: Vietnamese cities moved to the merged province on
        1 July 2025 (no date: as the gazetteer records them, before the merger)."""
        parent = self.places[self.places[city_id].parent or ""]
        return (parent.merged_into or parent.id) if after_merger(iso_date) else parent.id


def after_merger(iso_date: str | None) -> bool:
    """True when a date (at any precision) falls on or after Vietnam's merger of provinces;
    a date that may fall either side ("2025") is taken as before."""
    if not iso_date or iso_date.startswith("--"):
        return False
    if len(iso_date) == 4:
        return iso_date > MERGER_DATE[:4]
    return iso_date >= MERGER_DATE[: len(iso_date)]


def _script_of(char: str) -> str | None:
    if "\uac00" <= char <= "\ud7a3":
        return "hangul"
    return "han" if "\u4e00" <= char <= "\u9fff" else None


def _with_stems(entry: PlaceEntry) -> tuple[str, ...]:
    """A prefecture's or province's aliases, and each Hangul or Chinese one's stem without
    its suffix (Hangul only when its Japanese name has a suffix too: the 도 of 홋카이도 is
    part of 北海道)."""
    aliases = list(entry.aliases)
    if entry.kind not in ("prefecture", "province", "municipality"):
        return tuple(aliases)
    suffixes = typed("place_rules.yaml").name_suffixes  # see place_rules.yaml
    suffixed = entry.name.get("ja", "")[-1:] in suffixes["han"]
    stems = [
        alias[:-1]
        for alias in aliases
        if len(alias) >= 3
        and (kind := _script_of(alias[0]))
        and alias[-1] in suffixes[kind]
        and (kind == "han" or suffixed)
    ]
    return tuple(dict.fromkeys([*aliases, *stems]))


def _place(entry: PlaceEntry) -> Place:
    return Place(
        id=entry.id,
        kind=entry.kind,
        names=dict(entry.name),
        aliases=_with_stems(entry),
        needs_qualifier=tuple(entry.needs_qualifier),
        parent=entry.parent,
        region=entry.region,
        iso=entry.iso,
        members=tuple(entry.members),
        merged_into=entry.merged_into,
        merged_on=entry.merged_on,
        formed_from=tuple(entry.formed_from),
        coords=tuple(entry.coords) if entry.coords else None,
        scheme=entry.scheme,
    )


LONG_NAME = 7  # letters of a Latin town name that is not also a common word


def _generated_city(entry: CityEntry, surnames: frozenset[str]) -> Place:
    """A city written by the tool. Short names, and names that are also Japanese family
    names, count only beside a qualifier or the city's prefecture or province; long names,
    Vietnamese names and long non-Latin forms count on their own."""
    country = entry.id.split("/", 1)[0]
    latin = [entry.name, *entry.latin]
    bare = [
        n
        for n in latin
        if country == "vn"
        and " " in n  # two syllables or more: "Châu Đốc", not "Chũ"
        or country == "jp"
        and len(fold(n)) >= LONG_NAME
        and fold(n).casefold() not in surnames
    ]
    vietnamese = next((n for n in latin if not n.isascii()), entry.name)
    names = {"en": min(latin, key=lambda n: (not n.isascii(), len(n)))}
    names["vi"] = vietnamese if country == "vn" else names["en"]
    if entry.han:
        names["ja" if country == "jp" else "zh"] = entry.han[0]
    if entry.zh:
        names["zh"] = entry.zh[0]
    if entry.kana and country == "vn":
        names["ja"] = entry.kana[0]
    if entry.hangul:
        names["ko"] = entry.hangul[0]
    # Kana readings of Japanese towns are not how texts write them; Vietnamese towns are.
    other = [*entry.han, *entry.zh, *entry.hangul, *(entry.kana if country == "vn" else [])]
    return Place(
        id=entry.id,
        kind="city",
        names=names,
        aliases=tuple([*bare, *(n for n in other if len(n) >= 3)]),
        needs_qualifier=tuple(
            dict.fromkeys([*(n for n in latin if n not in bare), *(n for n in other if len(n) < 3)])
        ),
        parent=entry.parent,
        region=None,
        iso=None,
        members=(),
        merged_into=None,
        merged_on=None,
        formed_from=(),
        coords=tuple(entry.coords) if entry.coords else None,
        population=entry.population,
        curated=False,
    )


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer as typed places: the curated file, then the generated cities that no
    curated place already covers (same id, or same name under the same parent)."""
    curated = typed("gazetteer.yaml")
    places = {entry.id: _place(entry) for entry in curated.places}
    covered = {(p.parent, p.names["en"].casefold()) for p in places.values() if p.kind == "city"}
    rules = typed("place_rules.yaml")
    surnames = frozenset(fold(name).casefold() for name in rules.japanese_surnames)
    for entry in typed("cities.yaml").cities:
        city = _generated_city(entry, surnames)
        if city.id not in places and (city.parent, city.names["en"].casefold()) not in covered:
            places[city.id] = city
    check_gazetteer(places)
    return Gazetteer(_shared_forms_qualified(_capitals_qualified(places)))


def _capitals_qualified(places: dict[str, Place]) -> dict[str, Place]:
    """A city named like its prefecture or province (Osaka, Akita) is that city only beside
    a city word ("ville d'Osaka", "thành phố Akita"); alone, the name is the prefecture's."""
    for place_id, place in places.items():
        parent = places.get(place.parent or "")
        if place.kind == "city" and parent and place.names["en"] == parent.names["en"]:
            bare = (place.names["en"], fold(place.names["en"]))
            extra = tuple(n for n in dict.fromkeys(bare) if n not in place.needs_qualifier)
            places[place_id] = replace(place, needs_qualifier=place.needs_qualifier + extra)
    return places


def _shared_forms_qualified(places: dict[str, Place]) -> dict[str, Place]:
    """A generated city's form that another place also bears (富士見 is a town in Nagano and
    in Saitama) counts only where the text says which: beside a qualifier or its locality."""
    owners: dict[str, int] = {}
    for place in places.values():
        for form in place.aliases:
            owners[form] = owners.get(form, 0) + 1
    shared = {form for form, count in owners.items() if count > 1}
    for place_id, place in places.items():
        if not place.curated and shared & set(place.aliases):
            places[place_id] = replace(
                place,
                aliases=tuple(a for a in place.aliases if a not in shared),
                needs_qualifier=place.needs_qualifier
                + tuple(a for a in place.aliases if a in shared),
            )
    return places


@dataclass(frozen=True)
class Sector:
    """A sector of cooperation with its keywords per language."""

    id: str
    name: str
    parent: str | None
    keywords: dict[str, tuple[str, ...]]
    excluded: tuple[str, ...]  # phrases that use a keyword in passing


@cache
def sectors() -> dict[str, Sector]:
    """The sector taxonomy by id, in file order."""
    return {
        entry["id"]: Sector(
            id=entry["id"],
            name=entry["name"],
            parent=entry.get("parent"),
            keywords={lang: tuple(words) for lang, words in entry["keywords"].items()},
            excluded=tuple(entry.get("not") or ()),
        )
        for entry in load("sectors.yaml")["sectors"]
    }


def label(key: str) -> str:
    """An interface string (all of them live in data/labels.yaml)."""
    return load("labels.yaml")[key]
