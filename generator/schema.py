"""Typed schemas of the data files under generator/data/, checked when a file loads.

msgspec converts each file's YAML into these structures and reports the first mismatch with
its path (`$.places[12].name`); `validate` adds the file name and the offending value. Checks
that span entries (unique ids, references to existing places) follow in `check_gazetteer`.
"""

from __future__ import annotations

import copy
import re
from typing import Annotated, Any, Literal

import msgspec

Language = Literal["vi", "ja", "en", "fr", "id", "zh", "ko", "de"]
PLACE_ID = re.compile(r"^(jp|vn)/[a-z0-9-]+(/[a-z0-9-]+)?$")


class DataError(ValueError):
    """A data file that does not match its schema; the message names file, key and value."""


class Strict(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """Unknown keys are errors: a typo in a data file must not be silently ignored."""


class PlaceEntry(Strict):
    id: str
    kind: Literal["prefecture", "province", "municipality", "city", "region"]
    name: dict[str, str]
    aliases: list[str] = []
    needs_qualifier: list[str] = []
    parent: str | None = None
    region: str | None = None
    iso: str | None = None
    members: list[str] = []
    merged_into: str | None = None
    merged_on: str | None = None
    formed_from: list[str] = []
    formed_on: str | None = None
    coords: tuple[float, float] | None = None
    scheme: Literal["socio-economic"] | None = None  # Vietnam's six regions of the master plan


class GazetteerFile(Strict):
    places: list[PlaceEntry]


class CityEntry(Strict):
    id: str
    parent: str
    name: str
    latin: list[str] = []
    han: list[str] = []
    zh: list[str] = []
    kana: list[str] = []
    hangul: list[str] = []
    coords: tuple[float, float] | None = None
    population: int = 0
    geonames: int | None = None


class CitiesFile(Strict):
    cities: list[CityEntry]


class Qualifiers(Strict):
    before: list[str]
    after: list[str]


class PlaceContexts(Strict):
    institution_before: list[str]
    institution_after: list[str]
    person_before: list[str]
    given_name_after: str
    dateline_after: str
    nearby_before: list[str]
    nearby_after: list[str]
    list_places: int


class PlaceRules(Strict):
    qualifiers: dict[str, Qualifiers]
    window_before: int
    parent_window: int
    safe_short_names: list[str]
    short_name_qualifiers: dict[
        Literal["han", "hangul"], dict[Literal["locality", "city", "region"], list[str]]
    ]
    name_suffixes: dict[Literal["han", "hangul"], str]
    korean_particles: list[str]
    blocked_phrases: list[str]
    vietnamese_surnames: list[str]
    person_suffixes: list[str]
    contexts: PlaceContexts
    japanese_surnames: list[str]


class SectorEntry(Strict):
    id: str
    name: str
    keywords: dict[Language, list[str]]
    parent: str | None = None
    # "not" is a Python keyword: the YAML key is renamed onto this field.
    excluded: list[str] = msgspec.field(default_factory=list, name="not")


class SectorEvidence(Strict):
    headline: Annotated[int, msgspec.Meta(ge=0)]
    lead: Annotated[int, msgspec.Meta(ge=0)]
    body: Annotated[int, msgspec.Meta(ge=0)]
    cooperation: Annotated[int, msgspec.Meta(ge=0)]
    needed: Annotated[int, msgspec.Meta(ge=1)]
    listed_sectors: Annotated[int, msgspec.Meta(ge=2)]
    listed_with_field_word: Annotated[int, msgspec.Meta(ge=1)]


class SectorsFile(Strict):
    evidence: SectorEvidence
    institutions: dict[Language, list[str]]
    cooperation_frames: dict[Language, list[str]]
    cooperation_words: dict[Language, list[str]]
    field_words: dict[Language, list[str]]

    def __post_init__(self) -> None:
        # A frame is a regular expression around {kw}: check both now, not on the first page.
        for language, frames in self.cooperation_frames.items():
            for frame in frames:
                if "{kw}" not in frame:
                    raise ValueError(f"cooperation_frames.{language}: {frame!r} lacks {{kw}}")
                try:
                    re.compile(frame.replace("{kw}", "x"))
                except re.error as error:
                    raise ValueError(f"cooperation_frames.{language}: {frame!r}: {error}") from None

    sectors: list[SectorEntry]


class StampLine(Strict):
    time: str
    date: str
    max_chars: int


class BoilerplateFile(Strict):
    structural: list[str]
    meta: list[str]
    related_headers: list[str]
    menu_words: list[str]
    language_names: list[str]
    breadcrumb_starts: list[str]
    trailing_noise: list[str]
    caption_patterns: list[str]
    caption_glue: str
    stamp_line: StampLine
    stamp_words: list[str]
    source_url_patterns: list[str]
    outlet_noise: str
    outlet_patterns: list[str]


class AnniversaryBase(Strict):
    year: int
    words: list[str]


class DatesFile(Strict):
    day_patterns: dict[str, list[str]]
    common_day_patterns: list[str]
    month_patterns: dict[str, list[str]]
    day_only: dict[str, list[str]]
    relative_months: dict[str, dict[str, int]]
    report_after: dict[str, str]
    report_after_any: str
    stamp_time: str
    stamp_window: int
    eras: dict[str, int]
    latin_eras: dict[str, int]
    relative_days: dict[str, dict[str, int]]
    weekday_reach: int
    anniversaries: dict[str, list[str]]
    anniversary_bases: list[AnniversaryBase]
    this_year: dict[str, list[str]]
    not_event_names: list[str]


class TiesFile(Strict):
    clause_conjunctions: list[str]
    kinds: dict[Literal["memorandum", "friendship", "agreement"], dict[Language, list[str]]]
    not_kinds: list[str]
    actions: dict[Language, list[str]]
    not_actions: list[str]
    existing: dict[Language, list[str]]
    both_sides: dict[Language, list[str]]
    planned: dict[Language, list[str]]
    organisation_before: str
    organisation_after: str


class TileMapFile(Strict):
    source: str
    licence: str
    countries: dict[Literal["vn", "jp"], dict[str, tuple[int, int]]]
    labels: dict[str, list[str]] = {}


SCHEMAS: dict[str, Any] = {
    "gazetteer.yaml": GazetteerFile,
    "cities.yaml": CitiesFile,
    "place_rules.yaml": PlaceRules,
    "sectors.yaml": SectorsFile,
    "boilerplate.yaml": BoilerplateFile,
    "dates.yaml": DatesFile,
    "labels.yaml": dict[str, str],
    "ties.yaml": TiesFile,
    "tile_map.yaml": TileMapFile,
}


def _steps(path: str) -> list[str | int | None]:
    """A msgspec error path as steps: keys, list indexes, and None for "some dict key"."""
    steps: list[str | int | None] = []
    for key, index, _any in re.findall(r"\.([^.\[]+)|\[(\d+)\]|(\[\.\.\.\])", path[1:]):
        steps.append(key if key else int(index) if index else None)
    return steps


def _locate(name: str, data: Any, path: str) -> tuple[list[str | int], Any]:
    """The keys and the value a msgspec error path points at. msgspec writes `[...]` for a
    dict key: the key is found by validating the file with that dict cut down to each key."""
    keys: list[str | int] = []
    node = data
    for step in _steps(path):
        if step is None and isinstance(node, dict):
            step = next((key for key in node if _fails_with_only(name, data, keys, key)), None)
            if step is None:
                break
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        keys.append(step)
    return keys, node


def _fails_with_only(name: str, data: Any, keys: list[str | int], key: str) -> bool:
    trimmed = copy.deepcopy(data)
    node = trimmed
    for step in keys:
        node = node[step]
    for other in [k for k in node if k != key]:
        del node[other]
    try:
        msgspec.convert(trimmed, SCHEMAS[name])
    except msgspec.ValidationError:
        return True
    return False


def validate(name: str, data: Any) -> Any:
    """The file's data converted to its schema's types; DataError when it does not fit."""
    try:
        return msgspec.convert(data, SCHEMAS[name])
    except msgspec.ValidationError as error:
        message = str(error)
        path = message.rsplit(" - at `", 1)[-1].rstrip("`") if " - at `" in message else "$"
        keys, value = _locate(name, data, path)
        where = "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in keys)
        shown = f" (at {where}, value: {value!r:.120})" if keys else ""
        raise DataError(f"generator/data/{name}: {message}{shown}") from error


def compile_pattern(pattern: str, name: str, where: str, flags: int = 0) -> re.Pattern[str]:
    """A regular expression from a data file; DataError naming the file and key if invalid."""
    try:
        return re.compile(pattern, flags)
    except re.error as error:
        raise DataError(f"generator/data/{name}: {where}: {pattern!r}: {error}") from error


def _fail(place_id: str, key: str, value: Any, reason: str) -> DataError:
    return DataError(
        f"generator/data/gazetteer.yaml: place {place_id!r}: {key} {value!r}: {reason}"
    )


def check_gazetteer(places: dict[str, Any]) -> None:
    """References between places: ids well formed, parents, regions, members and mergers
    pointing at places of the right kind."""
    for place in places.values():
        if not PLACE_ID.match(place.id):
            raise _fail(place.id, "id", place.id, "not of the form jp/<slug> or vn/<slug>")
        refs = {
            "parent": [place.parent] if place.parent else [],
            "region": [place.region] if place.region else [],
            "members": list(place.members),
            "merged_into": [place.merged_into] if place.merged_into else [],
            "formed_from": list(place.formed_from),
        }
        for key, targets in refs.items():
            for target in targets:
                if target not in places:
                    raise _fail(place.id, key, target, "no such place")
        if place.kind == "city" and not (place.parent and places[place.parent].is_locality):
            raise _fail(place.id, "parent", place.parent, "a city needs a locality as parent")
        if place.region and places[place.region].kind != "region":
            raise _fail(place.id, "region", place.region, "not a region")
