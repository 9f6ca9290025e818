"""The site as its readers find their way in, on the seeds plus the test corpus (over 40
localities), built with --no-pdf for the address it is served at, under a sub-path: the maps,
the finder, readable lists, the partnerships page on a desktop and a phone, the 404 page."""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from generator.knowledge import gazetteer
from generator.pdf import print_jobs, render_pdf
from generator.pipeline import collect
from generator.render.tilemap import FILLS, NO_BRIEFS_FILL

from .browser import chromium
from .conftest import ROOT, SUB_PATH, CorpusSite

SCREENSHOTS = ROOT / "build" / "screenshots"
DESKTOP = (1366, 900)
PHONE = (390, 844)


@pytest.fixture(scope="module")
def records(corpus_site: CorpusSite) -> list[dict]:
    return json.loads((corpus_site.project / "docs" / "briefs.json").read_text("utf-8"))


def about_counts(records: list[dict]) -> Counter:
    """Briefs per current locality, the former provinces merged into it included."""
    places = gazetteer().places
    counts: Counter = Counter()
    for record in records:
        current = {places[p].merged_into or p for p in record["localities"]}
        counts.update(current)
    return counts


def test_the_site_has_over_forty_localities(records: list[dict]) -> None:
    assert len({p for r in records for p in r["localities"]}) >= 40


def test_map_tiles_link_every_locality_shaded_by_its_count(
    corpus_site: CorpusSite, records: list[dict], tmp_path: Path
) -> None:
    counts = about_counts(records)
    with chromium(tmp_path) as driver:
        driver.set_window_size(*DESKTOP)
        driver.get(corpus_site.url)
        tiles = driver.find_elements(By.CSS_SELECTOR, "svg.tile-map a")
        assert len(tiles) == 47 + 34
        fills: dict[int, set[str]] = {}
        for tile in tiles:
            href = tile.get_dom_attribute("href")  # an SVG link's href is not a string property
            locality_id = href.split("localities/")[1].strip("/")
            count = counts.get(locality_id, 0)
            name = driver.execute_script(
                "return arguments[0].querySelector('title').textContent", tile
            )
            assert name.startswith(gazetteer().places[locality_id].name + ": ")
            assert str(count) in name
            fill = tile.find_element(By.TAG_NAME, "rect").get_attribute("fill")
            fills.setdefault(count, set()).add(fill)
        assert fills[0] == {NO_BRIEFS_FILL}
        # one shade per count, darker for more briefs
        by_count = [next(iter(fills[c])) for c in sorted(fills) if c]
        assert all(len(fills[c]) == 1 for c in fills)
        assert [FILLS.index(f) for f in by_count] == sorted(FILLS.index(f) for f in by_count)
        assert len(set(by_count)) >= 3
        # a former province leads to the province it joined: Yên Bái's brief darkens Lào Cai
        lao_cai = driver.find_element(By.CSS_SELECTOR, "svg.tile-map a[href$='vn/lao-cai/']")
        assert lao_cai.find_element(By.TAG_NAME, "rect").get_attribute("fill") != NO_BRIEFS_FILL
        # keyboard: tabbing reaches the tiles, and Enter follows one
        body = driver.find_element(By.TAG_NAME, "body")
        for _ in range(80):
            body.send_keys(Keys.TAB)
            active = driver.switch_to.active_element
            if driver.execute_script("return !!document.activeElement.closest('svg.tile-map')"):
                break
        else:
            pytest.fail("no map tile is reachable with the Tab key")
        target = urljoin(corpus_site.url, active.get_dom_attribute("href"))
        active.send_keys(Keys.ENTER)
        assert driver.current_url == target
        assert driver.find_element(By.TAG_NAME, "h1").text


def visible_entries(driver) -> list[str]:
    return [
        e.find_element(By.TAG_NAME, "a").text
        for e in driver.find_elements(By.CSS_SELECTOR, "li[data-names]")
        if e.is_displayed()
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("quang ninh", "Quảng Ninh"),
        ("Quảng Ninh", "Quảng Ninh"),
        ("QUANG-NINH", "Quảng Ninh"),
        ("群馬", "Gunma"),
        ("군마", "Gunma"),
        ("ホーチミン", "Hồ Chí Minh"),
        ("yen bai", "Lào Cai"),  # a former province finds the province it joined
        ("da nang", "Đà Nẵng"),
        ("akita", "Akita"),  # no briefs yet: folded away, found all the same
    ],
)
def test_finder_filters_by_any_name_with_or_without_accents(
    corpus_site: CorpusSite, tmp_path: Path, query: str, expected: str
) -> None:
    with chromium(tmp_path) as driver:
        driver.get(corpus_site.url + "localities/")
        shown = visible_entries(driver)
        assert "Quảng Ninh" in shown and "Akita" not in shown  # with briefs, by default
        box = driver.find_element(By.ID, "finder-query")
        box.send_keys(query)
        assert expected in visible_entries(driver)
        assert len(visible_entries(driver)) <= 3
        assert "match" in driver.find_element(By.CSS_SELECTOR, ".finder-status").text
        box.clear()
        box.send_keys("zzzz")
        assert visible_entries(driver) == []
        assert "No locality matches" in driver.find_element(By.CSS_SELECTOR, ".finder-status").text


class ListItems(HTMLParser):
    """The items of the list that follows a heading with a given id."""

    def __init__(self, heading_id: str) -> None:
        super().__init__()
        self.heading_id, self.state, self.depth = heading_id, "before", 0
        self.items: list[dict] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if self.state == "before" and tag == "h2" and attributes.get("id") == self.heading_id:
            self.state = "heading"
        elif self.state in ("heading", "list") and tag == "ul" and self.depth == 0:
            self.state, self.depth = "list", 1
        elif self.state == "list" and tag == "ul":
            self.depth += 1
        elif self.state == "list" and tag == "li" and self.depth == 1:
            self.items.append({"links": [], "meta": False, "paragraphs": 0})
        elif self.state == "list" and self.items:
            if tag == "a":
                self.items[-1]["links"].append(attributes.get("href"))
            if tag == "span" and attributes.get("class") == "brief-meta":
                self.items[-1]["meta"] = True
            if tag == "p":
                self.items[-1]["paragraphs"] += 1
        elif self.state in ("heading", "list") and tag == "h2":
            self.state = "after"

    def handle_endtag(self, tag: str) -> None:
        if self.state == "list" and tag == "ul":
            self.depth -= 1
            if self.depth == 0:
                self.state = "heading"  # a second list (those without a year) may follow


def test_every_brief_is_one_list_item_with_places_and_lead(
    corpus_site: CorpusSite, records: list[dict]
) -> None:
    for locality in ("vn/ha-noi", "jp/osaka", "vn/da-nang"):
        page = corpus_site.site / "localities" / locality / "index.html"
        parser = ListItems("briefs")
        parser.feed(page.read_text("utf-8"))
        expected = [r for r in records if locality in r["localities"]]
        assert len(parser.items) == len(expected), locality
        for item in parser.items:
            assert len(item["links"]) == 1 and "/briefs/" in item["links"][0]
            assert item["meta"] and item["paragraphs"] == 3  # title, places..., lead
    for page in ("index.html", "sectors/tourism/index.html"):
        html = (corpus_site.site / page).read_text("utf-8")
        assert 'class="brief-meta"' in html


def test_briefs_without_a_year_come_last_in_lists_and_timeline(
    corpus_site: CorpusSite,
) -> None:
    page = (corpus_site.site / "localities/vn/ha-noi/index.html").read_text("utf-8")
    briefs = page.split('id="briefs"')[1].split("<h2")[0]  # not the briefs that only mention it
    dates = re.findall(r"<strong>([^<]+)</strong>", briefs)
    with_year = [bool(re.search(r"\d{4}", d)) for d in dates]
    assert with_year == sorted(with_year, reverse=True) and True in with_year
    assert False in with_year
    assert briefs.index("quiet-group") > briefs.index(dates[0])
    timeline = (corpus_site.site / "timeline/index.html").read_text("utf-8")
    headings = re.findall(r'<h2 id="([^"]+)"', timeline)
    assert headings[0] == "2025" and headings[-1] == "year-not-stated"
    assert "··" not in timeline


def test_no_print_link_in_a_no_pdf_build(corpus_site: CorpusSite) -> None:
    assert not (corpus_site.site / "pdf").exists()
    for page in corpus_site.site.rglob("*.html"):
        assert 'class="print-pdf"' not in page.read_text("utf-8"), page


def test_partnerships_on_desktop_and_phone(corpus_site: CorpusSite, tmp_path: Path) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with chromium(tmp_path) as driver:
        for name, size in (("desktop", DESKTOP), ("phone", PHONE)):
            driver.set_window_size(*size)
            driver.get(corpus_site.url + "partnerships/")
            ranked = driver.find_elements(By.CSS_SELECTOR, "article ol > li")
            assert len(ranked) > 30 and ranked[0].text.startswith("Quảng Ninh and Gunma")
            overflow = driver.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, name
            box = driver.find_element(By.CSS_SELECTOR, ".pair-matrix")
            driver.execute_script("arguments[0].scrollIntoView()", box)
            driver.save_screenshot(str(SCREENSHOTS / f"reader-matrix-{name}.png"))
            fits = driver.execute_script(
                "return arguments[0].scrollWidth <= arguments[0].clientWidth", box
            )
            if name == "desktop":
                assert fits, "every partner column in view at 1366 px"
            # Rows and columns of localities with partners only, the busiest first.
            rows = box.find_elements(By.CSS_SELECTOR, "tbody tr")
            assert all(row.find_elements(By.CSS_SELECTOR, "td a") for row in rows)
            # Headers stay in view while the matrix scrolls both ways.
            driver.execute_script("arguments[0].scrollTo(10000, 10000)", box)
            top = driver.execute_script(
                "const box = arguments[0], b = box.getBoundingClientRect();"
                "const h = box.querySelector('thead th:last-child').getBoundingClientRect();"
                "const r = box.querySelector('tbody tr:last-child th').getBoundingClientRect();"
                "return [h.top - b.top, r.left - b.left, r.bottom <= b.bottom];",
                box,
            )
            assert abs(top[0]) <= 2 and abs(top[1]) <= 2 and top[2], (name, top)


class Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        for name in ("href", "src"):
            value = dict(attrs).get(name)
            if value and not urlparse(value).scheme and not value.startswith(("#", "//")):
                self.refs.append(value)


def test_every_link_resolves_under_the_sub_path(corpus_site: CorpusSite) -> None:
    site, broken = corpus_site.site, []
    for page in sorted(site.rglob("*.html")):
        base = SUB_PATH + page.relative_to(site).as_posix()
        parser = Refs()
        parser.feed(page.read_text("utf-8"))
        for ref in parser.refs:
            path = urlparse(urljoin(base, ref)).path
            if not path.startswith(SUB_PATH):
                broken.append((base, ref))
                continue
            target = site / unquote(path[len(SUB_PATH) :])
            target = target / "index.html" if path.endswith("/") else target
            if not target.is_file():
                broken.append((base, ref))
    assert broken == []


def test_404_page_works_under_the_sub_path(corpus_site: CorpusSite, tmp_path: Path) -> None:
    with chromium(tmp_path) as driver:
        driver.get(corpus_site.url + "no/such/page/")
        assert "404" in driver.find_element(By.TAG_NAME, "h1").text
        styled = driver.execute_script(
            "return getComputedStyle(document.querySelector('.md-header')).position"
        )
        assert styled in ("sticky", "fixed")  # Material's stylesheet loaded
        driver.find_element(By.LINK_TEXT, "Localities").click()
        assert driver.current_url == corpus_site.url + "localities/"
        assert driver.find_elements(By.CSS_SELECTOR, "svg.tile-map a")


def test_screenshots_of_home_locality_and_partnerships(
    corpus_site: CorpusSite, tmp_path: Path
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with chromium(tmp_path) as driver:
        for name, path in (
            ("home", ""),
            ("locality", "localities/vn/lao-cai/"),
            ("partnerships", "partnerships/"),
        ):
            for size_name, size in (("desktop", DESKTOP), ("phone", PHONE)):
                driver.set_window_size(*size)
                driver.get(corpus_site.url + path)
                shot = SCREENSHOTS / f"reader-{name}-{size_name}.png"
                driver.save_screenshot(str(shot))
                assert shot.stat().st_size > 10_000


def test_pdf_cover_contents_merger_note_and_flowing_briefs(corpus_site: CorpusSite) -> None:
    project = corpus_site.project
    collected = collect(project / "seeds", project)
    jobs = {job.place_id: job for job in print_jobs(collected.briefs)}
    pdf = project / "lao-cai.pdf"
    pdf.write_bytes(render_pdf(jobs["vn/lao-cai"].html))
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    first_page = text.split("\f")[0]
    for expected in ("Issued", "Period covered", "Number of briefs", "Contents"):
        assert expected in first_page, expected
    assert "Merged into Lào Cai on 1 July 2025: Yên Bái" in first_page
    assert "without a stated year" not in first_page.split("Period covered")[1].split("\n")[0]
    briefs = [b for b in collected.briefs if {"vn/lao-cai", "vn/yen-bai"} & set(b.localities)]
    contents = first_page.split("Contents")[1]
    start_pages = [int(n) for n in re.findall(r"\.{3,}\s*(\d+)", contents)]
    assert len(start_pages) == len(briefs) == 2
    # briefs flow one after another: the two short ones start on the same page
    assert len(set(start_pages)) == 1 and start_pages[0] <= 2
    assert text.count("\f") <= 3  # no page of furniture: cover, contents, summary, briefs
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "2",
            str(pdf),
            str(SCREENSHOTS / "pdf-lao-cai"),
        ],
        check=True,
    )
    assert len(list(SCREENSHOTS.glob("pdf-lao-cai*.png"))) == 2
    region = project / "kyushu.pdf"
    region.write_bytes(render_pdf(jobs["jp/kyushu"].html))
    region_text = subprocess.run(
        ["pdftotext", str(region), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Kyushu" in region_text and "Contents" in region_text
