"""The YAML knowledge under generator/data/ is valid and complete."""

from __future__ import annotations

import re
from collections import Counter

from generator.extract.language import SUPPORTED
from generator.extract.places import fold, matcher
from generator.knowledge import gazetteer, load, sectors

ID_PATTERN = re.compile(r"^(jp|vn)/[a-z0-9-]+(/[a-z0-9-]+)?$")


def test_place_ids_are_unique_and_well_formed() -> None:
    ids = [entry["id"] for entry in load("gazetteer.yaml")["places"]]
    assert len(ids) == len(set(ids))
    assert all(ID_PATTERN.match(place_id) for place_id in ids)


def test_all_prefectures_and_provinces_are_there() -> None:
    places = gazetteer()
    assert len(places.localities("jp")) == 47
    vietnam = places.localities("vn")
    assert len(vietnam) == 63
    assert len([p for p in vietnam if not p.merged_into]) == 34
    assert all(p.iso for p in places.localities("jp") + vietnam)


def test_references_point_to_existing_places() -> None:
    places = gazetteer().places
    for place in places.values():
        if place.kind == "city":
            assert places[place.parent].is_locality, place.id
            assert place.id.startswith(place.parent + "/"), place.id
        for member in place.members:
            assert places[member].is_locality, (place.id, member)
        if place.region:
            assert places[place.region].kind == "region", place.id
        if place.merged_into:
            target = places[place.merged_into]
            assert not target.merged_into and place.id in target.formed_from, place.id
        for former in place.formed_from:
            assert places[former].merged_into in (None, place.id), (place.id, former)


def test_every_prefecture_belongs_to_one_primary_region() -> None:
    assert all(p.region for p in gazetteer().localities("jp"))


def test_every_alias_resolves_to_one_place() -> None:
    owners: dict[str, set[str]] = {}
    for place in gazetteer().places.values():
        for alias in (*place.aliases, *place.needs_qualifier):
            owners.setdefault(alias, set()).add(place.id)
    ambiguous = {alias: ids for alias, ids in owners.items() if len(ids) > 1}
    assert ambiguous == {}


def test_every_alias_is_found_by_the_matcher() -> None:
    for place in gazetteer().places.values():
        for alias in place.aliases:
            found = {m.place_id for m in matcher().mentions(f"Tin: {alias} .")}
            assert place.id in found, (place.id, alias)


def test_folded_aliases_do_not_collide_across_places() -> None:
    owners = Counter()
    for place in gazetteer().places.values():
        for alias in set(map(fold, place.aliases)):
            owners[alias] += 1
    assert [alias for alias, count in owners.items() if count > 1] == []


def test_sector_taxonomy_is_complete() -> None:
    taxonomy = sectors()
    assert len(taxonomy) == 20
    for sector in taxonomy.values():
        assert sector.parent is None or taxonomy[sector.parent].parent is None
        assert set(sector.keywords) == set(SUPPORTED), sector.id
        assert all(words for words in sector.keywords.values()), sector.id


def test_labels_cover_every_key_the_code_uses() -> None:
    import pathlib

    used = set()
    for path in pathlib.Path(__file__).parent.parent.joinpath("generator").rglob("*.py"):
        used |= set(re.findall(r'label\("([a-z_]+)"\)', path.read_text(encoding="utf-8")))
        used |= set(re.findall(r"label\('([a-z_]+)'\)", path.read_text(encoding="utf-8")))
    assert used and used <= set(load("labels.yaml"))
