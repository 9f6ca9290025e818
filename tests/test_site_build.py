"""End to end: the real `mkdocs build --strict` over the seeds, checked in the built HTML."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from generator.knowledge import gazetteer, sectors
from generator.pipeline import generate
from generator.render.paths import locality_page, region_page, sector_page
from generator.text import fold

from .conftest import copy_project, mkdocs_build


class Links(HTMLParser):
    """Collects the href of every <a> in the page's main content."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def html_path(site: Path, docs_path: str) -> Path:
    """Where MkDocs (directory URLs) writes the page of a docs/ Markdown file."""
    stem = docs_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return site / f"{stem}.html"
    return site / stem / "index.html"


def page_url(docs_path: str) -> str:
    stem = docs_path.removesuffix(".md")
    return "/" + ("" if stem == "index" else stem.removesuffix("index") + "/").replace("//", "/")


def links_of(site: Path, docs_path: str) -> set[str]:
    """Absolute site paths linked from a page."""
    parser = Links()
    parser.feed(html_path(site, docs_path).read_text(encoding="utf-8"))
    base = page_url(docs_path)
    return {urlparse(urljoin(base, href)).path for href in parser.hrefs}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list]:
    work = copy_project(tmp_path_factory.mktemp("project"))
    docs = work / "docs"
    collected, _ = generate(work / "seeds", docs, work)
    site = work / "site"
    result = mkdocs_build(docs, site)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site, collected.briefs


def test_every_brief_has_a_page(built: tuple[Path, list]) -> None:
    site, briefs = built
    assert len(briefs) == 5
    for brief in briefs:
        assert html_path(site, brief.path).is_file()


def test_indexes_link_to_their_briefs(built: tuple[Path, list]) -> None:
    site, briefs = built
    for brief in briefs:
        url = page_url(brief.path)
        for locality in brief.localities:
            assert url in links_of(site, locality_page(locality)), (locality, brief.id)
        for region in brief.regions:
            assert url in links_of(site, region_page(region)), (region, brief.id)
        for sector in brief.sectors:
            assert url in links_of(site, sector_page(sector)), (sector, brief.id)
        assert url in links_of(site, "timeline.md")


def test_briefs_link_back_to_their_indexes(built: tuple[Path, list]) -> None:
    site, briefs = built
    for brief in briefs:
        links = links_of(site, brief.path)
        expected = [locality_page(x) for x in brief.localities]
        expected += [region_page(x) for x in brief.regions]
        expected += [sector_page(x) for x in brief.sectors]
        for target in expected:
            assert page_url(target) in links, (brief.id, target)


def test_pages_the_issue_names_exist(built: tuple[Path, list]) -> None:
    site, _ = built
    for docs_path in (
        "localities/jp/gunma.md",
        "localities/vn/quang-ninh.md",
        "localities/jp/kumamoto.md",
        "localities/vn/dak-lak.md",
        "regions/vn/tay-nguyen.md",
        "regions/jp/kyushu.md",
        "timeline.md",
        "index.md",
        "about.md",
        "localities/index.md",
        "sectors/index.md",
    ):
        assert html_path(site, docs_path).is_file(), docs_path


def test_same_event_briefs_link_each_other(built: tuple[Path, list]) -> None:
    site, briefs = built
    by_id = {brief.id: brief for brief in briefs}
    for brief in briefs:
        for other in brief.related:
            assert page_url(by_id[other].path) in links_of(site, brief.path)


def test_search_index_has_one_keywords_entry_per_brief(built: tuple[Path, list]) -> None:
    """Briefs are indexed once each, by title, places, sectors and lead (not section by
    section), with accent-free forms; hand-written pages keep Material's full-text entries."""
    site, briefs = built
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    by_location: dict[str, list[dict]] = {}
    for entry in index["docs"]:
        by_location.setdefault(entry["location"].split("#")[0], []).append(entry)
    places = gazetteer().places
    for brief in briefs:
        entries = by_location[page_url(brief.path).lstrip("/")]
        assert len(entries) == 1, entries
        text = html.unescape(entries[0]["text"])
        for place_id in brief.localities:
            assert places[place_id].name in text
            assert set(fold(places[place_id].name).split()) <= set(text.split())
        for sector_id in brief.sectors:
            assert sectors()[sector_id].name in text
        assert html.unescape(entries[0]["title"]) == brief.title
    # Material's full-text entry for the hand-written page
    assert "the generator never changes it" in by_location["about/"][0]["text"]


def _page_as_read(page: Path, site: Path) -> str:
    """A page's HTML without layout whitespace, its relative links made absolute."""
    base = "/" + page.parent.relative_to(site).as_posix() + "/"
    text = re.sub(r"\s+", "", page.read_text(encoding="utf-8"))
    return re.sub(r'(href|src)="([^"#]*)', lambda m: f'{m[1]}="{urljoin(base, m[2])}', text)


def test_shared_blocks_give_the_pages_material_would_render(
    built: tuple[Path, list], tmp_path: Path
) -> None:
    """Rendering the navigation once per folder (hooks/shared_blocks.py) changes no page."""
    site, _ = built
    plain = copy_project(tmp_path)
    (plain / "overrides" / "main.html").write_text('{% extends "base.html" %}\n', encoding="utf-8")
    config = plain / "mkdocs.yml"
    config.write_text(
        "\n".join(
            line
            for line in config.read_text(encoding="utf-8").splitlines()
            if "shared_blocks" not in line
        ),
        encoding="utf-8",
    )
    result = mkdocs_build(site.parent / "docs", plain / "site", config)
    assert result.returncode == 0, result.stderr
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        expected = plain / "site" / page.relative_to(site)
        assert _page_as_read(page, site) == _page_as_read(expected, plain / "site"), page
