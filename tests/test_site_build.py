"""End to end: the real `mkdocs build --strict` over the seeds, checked in the built HTML."""

from __future__ import annotations

import pickle
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from mkdocs.structure.pages import Page

from generator import site as site_stage
from generator.knowledge import gazetteer, sectors
from generator.pipeline import generate
from generator.render.paths import locality_page, region_page, sector_page

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


class SearchData(HTMLParser):
    """What Pagefind reads from a page: <html lang>, filters, meta, sort keys, ignored tags."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.filters: dict[str, list[str]] = {}
        self.meta: dict[str, str] = {}
        self.sorts: dict[str, str] = {}
        self.ignored: list[str] = []
        self._open: tuple[dict, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang") or ""
        if "data-pagefind-ignore" in attributes:
            self.ignored.append(tag)
        for kind, target in (("filter", self.filters), ("meta", self.meta), ("sort", self.sorts)):
            if f"data-pagefind-{kind}" in attributes:
                self._open = (target, attributes[f"data-pagefind-{kind}"])

    def handle_data(self, data: str) -> None:
        if self._open:
            target, key = self._open
            if isinstance(target.get(key, []), list) and target is self.filters:
                target.setdefault(key, []).append(data)
            else:
                target[key] = data
            self._open = None


def search_data(page: Path) -> SearchData:
    parser = SearchData()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_brief_pages_declare_their_language_filters_and_meta(built: tuple[Path, list]) -> None:
    """Pagefind segments and stems a brief in its own language and files it under the
    filters and names of its front matter (escaped: see test_safety)."""
    site, briefs = built
    places = gazetteer().places
    for brief in briefs:
        data = search_data(html_path(site, brief.path))
        assert data.lang == brief.language
        names = [places[p].name for p in brief.localities]
        assert data.filters.get("locality", []) == names
        assert data.filters["sector"] == [sectors()[s].name for s in brief.sectors]
        assert bool(data.filters.get("country")) == bool(names)
        assert data.meta.get("places", "") == ", ".join(names)
        assert set(data.meta.get("names", "").split()) >= {
            word for p in brief.localities for word in places[p].names["en"].split()
        }
        iso = brief.date.date or "0000"  # undated last, then year unknown (--MM-DD)
        assert data.sorts["date"] == ("0000" + iso[1:] if iso.startswith("--") else iso)
        if brief.date.start and brief.date.start.year:
            assert data.filters["year"] == [str(brief.date.start.year)]
    # Hand-written and listing pages keep the site's language.
    assert search_data(html_path(site, "about.md")).lang == "en"
    assert search_data(html_path(site, "localities/jp/gunma.md")).lang == "en"


def test_listing_pages_are_searched_by_summary_and_names_not_their_lists(
    built: tuple[Path, list],
) -> None:
    site, _ = built
    gunma = search_data(html_path(site, "localities/jp/gunma.md"))
    assert "ul" in gunma.ignored
    assert "群馬" in gunma.meta["subject"].split()
    timeline = search_data(html_path(site, "timeline.md"))
    assert "ul" in timeline.ignored and "article" not in timeline.ignored
    about = search_data(html_path(site, "about.md"))
    assert about.ignored == []  # a hand-written page is indexed whole
    pair = next(site.glob("partnerships/*--*/index.html"))
    assert "article" in search_data(pair).ignored  # pair pages stay out of search


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
    main = plain / "overrides" / "main.html"
    # Each shared block rendered as Material renders it, the rest of main.html (search) kept.
    main.write_text(
        re.sub(r'shared_block\("\w+", page, (\w+)\)', r"\1()", main.read_text(encoding="utf-8")),
        encoding="utf-8",
    )
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


def _html_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))}


def test_markdown_cache_gives_the_pages_a_clean_build_gives(
    built: tuple[Path, list], tmp_path: Path
) -> None:
    """Pages taken from the Markdown cache (hooks/markdown_cache.py) are byte for byte those a
    conversion writes; the cache is really used, and an edited page is converted again."""
    site, briefs = built
    work = copy_project(tmp_path / "project")
    shutil.rmtree(work / "docs")
    shutil.copytree(site.parent / "docs", work / "docs")
    config = work / "mkdocs.yml"
    cache = work / ".cache" / "briefing" / "markdown"
    cold = mkdocs_build(work / "docs", work / "cold", config)
    assert cold.returncode == 0, cold.stderr
    entries = [p for p in cache.rglob("*") if p.is_file()]
    assert len(entries) > 100  # every page converted without a warning is kept
    warm = mkdocs_build(work / "docs", work / "warm", config)
    assert warm.returncode == 0 and "WARNING" not in warm.stderr, warm.stderr
    assert _html_files(work / "warm") == _html_files(work / "cold")

    brief = briefs[0]
    page = work / "docs" / brief.path
    page.write_text(page.read_text(encoding="utf-8") + "\nAn added closing line.\n", "utf-8")
    for entry in entries:  # a cached page says so; a converted one does not
        stored = pickle.loads(entry.read_bytes())
        stored["content"] = stored["content"].replace("</p>", " [cached]</p>", 1)
        entry.write_bytes(pickle.dumps(stored))
    edited = mkdocs_build(work / "docs", work / "edited", config)
    assert edited.returncode == 0, edited.stderr
    edited_page = html_path(work / "edited", brief.path).read_text(encoding="utf-8")
    assert "An added closing line." in edited_page and "[cached]" not in edited_page
    other = html_path(work / "edited", briefs[1].path).read_text(encoding="utf-8")
    assert "[cached]" in other
    # One entry a page: the edited page's entry replaced the old one.
    assert len([p for p in cache.rglob("*") if p.is_file()]) == len(entries)


def test_a_build_after_an_edit_renders_what_a_clean_build_renders(tmp_path: Path) -> None:
    """`briefing build` after one seed is edited and one removed renders only the changed
    pages (a dirty build), and gives the site a clean build of the same docs gives."""
    from generator.cli import main

    work = copy_project(tmp_path / "project")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(work)
        assert main(["build", "--strict", "--no-pdf"]) == 0
        seeds = sorted((work / "seeds").iterdir())
        text = seeds[0].read_text(encoding="utf-8")
        seeds[0].write_text(text + "\nHai bên cũng bàn về đào tạo nghề.\n", encoding="utf-8")
        seeds[-1].unlink()
        rendered = []
        original = site_stage.mkdocs_build

        def recording(config, **options) -> None:
            rendered.append(options)
            original(config, **options)

        patch.setattr(site_stage, "mkdocs_build", recording)
        assert main(["build", "--strict", "--no-pdf"]) == 0
        assert rendered == [{"dirty": True}]
    clean = copy_project(tmp_path / "clean")  # the same seeds, no cache, no docs, no site
    shutil.rmtree(clean / "seeds")
    shutil.copytree(work / "seeds", clean / "seeds")
    cache_before = _tree(work / ".cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(clean)
        assert main(["build", "--strict", "--no-pdf"]) == 0
    assert _tree(work / "site") == _tree(clean / "site")
    # A second build in the same process uses its own project's cache, not the first one's,
    # and MkDocs' own Page.render is wrapped once, not once per build.
    assert _tree(work / ".cache") == cache_before
    assert _tree(clean / ".cache" / "briefing" / "markdown")
    assert Page._briefing_original_render.__qualname__ == "Page.render"


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }
