"""Language and place knowledge, loaded from the YAML files in generator/data/."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

DATA_FILES = (
    "gazetteer.yaml",
    "place_rules.yaml",
    "sectors.yaml",
    "boilerplate.yaml",
    "dates.yaml",
    "labels.yaml",
    "ties.yaml",
)


@cache
def load(name: str) -> Any:
    """Parse one data file (cached: the files do not change during a run)."""
    text = resources.files("generator").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml: faster


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
    aliases: tuple[str, ...]
    needs_qualifier: tuple[str, ...]
    parent: str | None
    region: str | None
    iso: str | None
    members: tuple[str, ...]
    merged_into: str | None
    merged_on: str | None
    formed_from: tuple[str, ...]
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


def _place(entry: dict[str, Any]) -> Place:
    return Place(
        id=entry["id"],
        kind=entry["kind"],
        names=dict(entry["name"]),
        aliases=tuple(entry.get("aliases") or ()),
        needs_qualifier=tuple(entry.get("needs_qualifier") or ()),
        parent=entry.get("parent"),
        region=entry.get("region"),
        iso=entry.get("iso"),
        members=tuple(entry.get("members") or ()),
        merged_into=entry.get("merged_into"),
        merged_on=entry.get("merged_on"),
        formed_from=tuple(entry.get("formed_from") or ()),
        scheme=entry.get("scheme"),
    )


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer as typed places."""
    return Gazetteer({entry["id"]: _place(entry) for entry in load("gazetteer.yaml")["places"]})


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
