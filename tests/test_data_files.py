"""The YAML knowledge under generator/data/ is valid and complete."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import replace

import pytest

from generator.extract.language import SUPPORTED
from generator.extract.places import SHORT_NAME_CHARS, matcher, script
from generator.knowledge import gazetteer, load, sectors, typed
from generator.schema import DataError, check_gazetteer, validate
from generator.text import fold

from .conftest import ROOT

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


def test_no_form_that_counts_alone_is_shared_by_two_places() -> None:
    owners: dict[str, set[str]] = {}
    for place in gazetteer().places.values():
        for alias in place.aliases:
            owners.setdefault(fold(alias), set()).add(place.id)
    assert {alias: ids for alias, ids in owners.items() if len(ids) > 1} == {}


def _needs_script_qualifier(alias: str) -> bool:
    rules = typed("place_rules.yaml")
    return (
        script(alias[0]) in ("han", "hangul")
        and len(alias) <= SHORT_NAME_CHARS
        and alias not in rules.safe_short_names
    )


def test_every_alias_is_found_by_the_matcher() -> None:
    qualifiers = typed("place_rules.yaml").short_name_qualifiers
    for place in gazetteer().places.values():
        for alias in place.aliases:
            if _needs_script_qualifier(alias):
                alone = {m.place_id for m in matcher().mentions(f"Tin: {alias} .")}
                assert place.id not in alone, (place.id, alias)
                kind = place.kind if place.kind in ("city", "region") else "locality"
                alias += qualifiers[script(alias[0])][kind][0]
            found = {m.place_id for m in matcher().mentions(f"Tin: {alias} .")}
            assert place.id in found, (place.id, alias)


def test_generated_cities_are_what_the_tool_writes() -> None:
    """Running tools/build_cities.py again would change nothing (and loses no curated edit,
    because it never writes gazetteer.yaml)."""
    result = subprocess.run(
        [sys.executable, "tools/build_cities.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_cities_cover_both_countries_with_coordinates() -> None:
    cities = gazetteer().cities()
    japan = [c for c in cities if c.country == "jp"]
    vietnam = [c for c in cities if c.country == "vn"]
    assert len(japan) > 1500 and len(vietnam) > 120
    generated = [c for c in cities if not c.curated]
    assert all(c.coords for c in generated if c.country == "jp")
    assert {"jp/osaka/izumisano", "jp/tochigi/nasushiobara", "jp/gifu/takayama"} <= {
        c.id for c in cities
    }


def test_a_city_moves_to_the_merged_province_on_1_july_2025() -> None:
    places = gazetteer()
    assert places.parent_on("vn/binh-dinh/quy-nhon", "2024-05-01") == "vn/binh-dinh"
    assert places.parent_on("vn/binh-dinh/quy-nhon", "2025-07-01") == "vn/gia-lai"
    assert places.parent_on("vn/binh-dinh/quy-nhon", "2026") == "vn/gia-lai"
    assert places.parent_on("vn/binh-dinh/quy-nhon", "2025") == "vn/binh-dinh"
    assert places.parent_on("vn/binh-dinh/quy-nhon", None) == "vn/binh-dinh"
    assert places.parent_on("jp/osaka/izumisano", "2026-01-01") == "jp/osaka"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "gazetteer.yaml",
            {"places": [{"id": "jp/x", "kind": "prefecture", "name": {"en": 3}}]},
            "`$.places[0].name[...]` (at .places[0].name.en, value: 3)",
        ),
        (
            "gazetteer.yaml",
            {"places": [{"id": "jp/x", "kind": "town", "name": {}}]},
            "(at .places[0].kind, value: 'town')",
        ),
        (
            "sectors.yaml",
            {"sectors": [{"id": "x", "name": "X", "keywords": {"xx": []}}]},
            "Invalid enum value 'xx' - at `key` in `$.sectors[0].keywords`",
        ),
        ("place_rules.yaml", {"qualifiers": {}}, "missing required field"),
        ("labels.yaml", {"title": ["a"]}, "(at .title, value: ['a'])"),
    ],
)
def test_a_bad_data_file_names_file_key_and_value(name: str, data: object, message: str) -> None:
    with pytest.raises(DataError) as error:
        validate(name, data)
    assert str(error.value).startswith(f"generator/data/{name}: ")
    assert message in str(error.value)


def test_a_reference_to_a_missing_place_is_named() -> None:
    places = dict(gazetteer().places)
    city = places["jp/osaka/izumisano"]
    places[city.id] = replace(city, parent="jp/atlantis")
    with pytest.raises(DataError, match=r"'jp/osaka/izumisano': parent 'jp/atlantis': no such"):
        check_gazetteer(places)


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
