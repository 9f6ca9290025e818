"""What Pagefind reads on a page: the generator's filter and meta block (escaped), and the
search_page hook's language and scope."""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.hooks.search_page import with_language, with_scope
from generator.model import Brief, DateInfo, Paragraph, PartialDate
from generator.pipeline import generate
from generator.render.pagefind import brief_block, names_block, place_names, sort_key

from .conftest import copy_project, mkdocs_build
from .hostile_seeds import write_corpus

PAGEFIND_ATTRIBUTES = {"data-pagefind-filter", "data-pagefind-meta", "data-pagefind-sort"}
BLOCK = re.compile(r'<div class="search-data".*?</div>', re.DOTALL)


class Block(HTMLParser):
    """The elements of a search-data block, and the (attribute, key, text) they carry."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.values: list[tuple[str, str, str]] = []
        self._open: tuple[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        found = [(name, value or "") for name, value in attrs if name in PAGEFIND_ATTRIBUTES]
        if tag == "span":
            assert len(found) == 1 and len(attrs) == 1, attrs
            self._open = found[0]
            self.values.append((*found[0], ""))

    def handle_data(self, data: str) -> None:
        if self._open:
            self.values[-1] = (*self._open, self.values[-1][2] + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self._open = None


def parsed(html_text: str) -> Block:
    block = Block()
    block.feed(html_text)
    block.close()
    return block


def brief(**changes) -> Brief:
    base = Brief(
        id="x",
        source="seeds/x.txt",
        source_url=None,
        title="Gunma and Quảng Ninh",
        title_generated=False,
        language="ja",
        date=DateInfo(PartialDate(2025, 11, 25), None, "text"),
        localities=("jp/gunma", "vn/quang-ninh"),
        cities=(),
        regions=("jp/kanto",),
        sectors=("tourism",),
        paragraphs=(Paragraph("本文"),),
        mentions=("jp/fukuoka",),
    )
    return dataclasses.replace(base, **changes)


def values(block: Block, attribute: str, key: str) -> list[str]:
    return [text for name, k, text in block.values if name == attribute and k == key]


def test_a_brief_block_carries_its_front_matter_as_filters_meta_and_sort() -> None:
    block = parsed(brief_block(brief()))
    assert block.tags[0] == "div" and set(block.tags[1:]) == {"span"}
    assert values(block, "data-pagefind-filter", "country") == ["Japan", "Vietnam"]
    assert values(block, "data-pagefind-filter", "locality") == ["Gunma", "Quảng Ninh"]
    assert values(block, "data-pagefind-filter", "sector") == ["Tourism"]
    assert values(block, "data-pagefind-filter", "language") == ["Japanese"]
    assert values(block, "data-pagefind-filter", "year") == ["2025"]
    assert values(block, "data-pagefind-meta", "date") == ["25 November 2025"]
    assert values(block, "data-pagefind-meta", "places") == ["Gunma, Quảng Ninh"]
    names = values(block, "data-pagefind-meta", "names")[0].split()
    # Every script of the places it is about, Korean included, and of their region.
    assert {"群馬県", "群馬", "군마현", "꽝닌", "广宁省", "Quảng", "Quang", "Kanto"} <= set(names)
    mentions = values(block, "data-pagefind-meta", "mentions")[0].split()
    assert {"Fukuoka", "福岡県", "후쿠오카현"} <= set(mentions) and "群馬県" not in mentions
    assert values(block, "data-pagefind-sort", "date") == ["2025-11-25"]


def test_a_brief_without_year_or_date_sorts_last_and_has_no_year_filter() -> None:
    no_year = brief(date=DateInfo(PartialDate(None, 10, 7), None, "none"))
    assert sort_key(no_year) == "0000-10-07"
    assert values(parsed(brief_block(no_year)), "data-pagefind-filter", "year") == []
    undated = brief(date=DateInfo())
    assert sort_key(undated) == "0000"
    assert values(parsed(brief_block(undated)), "data-pagefind-meta", "date") == ["Date not stated"]


@pytest.mark.parametrize(
    "hostile",
    [
        '"><script>alert(1)</script>',
        'x</span><span data-pagefind-filter="sector">Injected',
        "a, year:1999",
        "<img src=x onerror=alert(1)>",
        "line\nbreak & ampersand",
    ],
)
def test_values_are_escaped_and_cannot_add_markup_or_filters(hostile: str, monkeypatch) -> None:
    # The language name is the one value that can fall back to raw text (an unknown code).
    monkeypatch.setattr("generator.render.pagefind.language_name", lambda code: code)
    block = parsed(brief_block(brief(language=hostile)))
    assert block.tags[0] == "div" and set(block.tags[1:]) == {"span"}
    assert values(block, "data-pagefind-filter", "language") == [" ".join(hostile.split())]
    assert values(block, "data-pagefind-filter", "sector") == ["Tourism"]
    assert values(block, "data-pagefind-filter", "year") == ["2025"]
    listing = parsed(names_block([hostile, "Gunma"]))
    assert set(listing.tags[1:]) == {"span"}
    assert values(listing, "data-pagefind-meta", "subject") == [
        " ".join([*hostile.split(), "Gunma"])
    ]


def test_place_names_are_every_name_and_alias_once() -> None:
    names = place_names(["jp/gunma", "jp/gunma"])
    assert len(names) == len(set(names))
    assert {"Gunma", "群馬県", "群馬", "군마현", "群马县", "ぐんまけん"} <= set(names)
    assert names_block([]) == ""


PAGE = (
    '<!doctype html>\n<html lang="en" class="no-js"><body><nav><ul><li>x</li></ul></nav>'
    '<article class="md-content__inner md-typeset"><h1>T</h1><p>Text</p><ul><li>b</li></ul>'
    "<table><tr><td>c</td></tr></table></article></body></html>"
)


def test_the_page_language_replaces_the_site_language_when_it_is_a_language_code() -> None:
    assert '<html lang="vi" class="no-js">' in with_language(PAGE, "vi", "en")
    assert '<html lang="zh-Hant"' in with_language(PAGE, "zh-Hant", "en")
    for bad in ('en" onload="alert(1)', "<script>", "", None, 42, "english language"):
        assert with_language(PAGE, bad, "en") == PAGE


def test_summary_pages_leave_their_lists_and_tables_out_of_the_index() -> None:
    summary = with_scope(PAGE, "summary")
    assert "<nav><ul><li>" in summary  # outside the article: untouched
    assert "<ul data-pagefind-ignore><li>b" in summary
    assert "<table data-pagefind-ignore><tr>" in summary
    assert "<h1>T</h1><p>Text</p>" in summary
    excluded = with_scope(PAGE, "none")
    assert '<article class="md-content__inner md-typeset" data-pagefind-ignore>' in excluded
    assert with_scope(PAGE, None) == PAGE


def test_hostile_seeds_give_search_blocks_of_plain_values(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    for seed in (project / "seeds").iterdir():
        seed.unlink()
    write_corpus(project / "seeds")
    collected, _ = generate(project / "seeds", project / "docs", project)
    build = mkdocs_build(project / "docs", project / "site")
    assert build.returncode == 0, build.stderr
    pages = [project / "site" / b.path.removesuffix(".md") / "index.html" for b in collected.briefs]
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        blocks = BLOCK.findall(text)
        assert len(blocks) == 1, page
        block = parsed(blocks[0])
        assert block.tags[0] == "div" and set(block.tags[1:]) <= {"span"}, page
        keys = {key for _, key, _ in block.values}
        assert keys <= {
            "country", "locality", "sector", "language", "year",
            "date", "places", "names", "mentions", "sectors",
        }, page  # fmt: skip
        assert re.search(r'<html lang="[a-z]{2,3}" ', text), page
