"""The built site as a reader meets it: in headless Chromium, and crawled link by link."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from .browser import chromium, serve
from .conftest import ROOT

SCREENSHOTS = ROOT / "build" / "screenshots"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONE = (375, 812)


@pytest.fixture(scope="module")
def site(built_project: Path) -> Path:
    return built_project / "site"


@pytest.fixture(scope="module")
def pages(built_project: Path) -> dict[str, str]:
    """The pages every check visits, by name."""
    briefs = json.loads((built_project / "docs" / "briefs.json").read_text(encoding="utf-8"))
    return {
        "home": "",
        "locality": "localities/vn/quang-ninh/",
        "sector": "sectors/tourism/",
        "brief": briefs[1]["url"],
        "timeline": "timeline/",
    }


def click_link(driver, text: str) -> None:
    # Material hides its tabs once the page is scrolled; a reader scrolls up to use them.
    driver.execute_script("window.scrollTo(0, 0)")
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.LINK_TEXT, text)).click()


def test_reach_locality_sector_and_brief_by_clicking_and_back(site: Path, tmp_path: Path) -> None:
    with serve(site) as url, chromium(tmp_path) as driver:
        driver.get(url)
        click_link(driver, "Localities")
        assert driver.current_url == url + "localities/"
        click_link(driver, "Gunma")
        assert driver.current_url == url + "localities/jp/gunma/"
        driver.find_element(By.CSS_SELECTOR, "article a[href*='briefs/']").click()
        assert "/briefs/" in driver.current_url
        assert driver.find_element(By.CSS_SELECTOR, ".admonition-title").text == "Fact card"
        driver.back()
        assert driver.current_url == url + "localities/jp/gunma/"
        driver.back()
        assert driver.current_url == url + "localities/"
        click_link(driver, "Sectors")
        click_link(driver, "Tourism")
        assert driver.current_url == url + "sectors/tourism/"
        driver.back()
        assert driver.current_url == url + "sectors/"


def requests_of(driver) -> list[str]:
    """URLs the page requested, from Chromium's network log."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def test_pages_load_only_local_resources_without_console_errors(
    site: Path, pages: dict[str, str], tmp_path: Path
) -> None:
    with serve(site) as url, chromium(tmp_path) as driver:
        for name, path in pages.items():
            driver.get_log("performance")  # drop what earlier pages logged
            driver.get(url + path)
            # Only network schemes count: chrome:// and data: URLs never leave the browser.
            network = [u for u in requests_of(driver) if u.startswith(("http", "ws"))]
            foreign = [u for u in network if not u.startswith(url)]
            assert foreign == [], name
            errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
            assert errors == [], (name, errors)


def test_no_serious_accessibility_violations(
    site: Path, pages: dict[str, str], tmp_path: Path
) -> None:
    axe = AXE.read_text(encoding="utf-8")
    with serve(site) as url, chromium(tmp_path) as driver:
        for name, path in pages.items():
            driver.get(url + path)
            driver.execute_script(axe)
            violations = driver.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "axe.run().then(r => done(r.violations.map("
                "v => [v.id, v.impact, v.nodes.map(n => n.target.join(' ')).slice(0, 3)])));"
            )
            serious = [v for v in violations if v[1] in ("serious", "critical")]
            assert serious == [], (name, serious)


def test_phone_viewport_has_no_horizontal_scrolling_and_screenshots(
    site: Path, pages: dict[str, str], tmp_path: Path
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with serve(site) as url, chromium(tmp_path) as driver:
        for name, path in pages.items():
            driver.set_window_size(1280, 1000)
            driver.get(url + path)
            driver.save_screenshot(str(SCREENSHOTS / f"{name}-desktop.png"))
            driver.set_window_size(*PHONE)
            driver.get(url + path)
            overflow = driver.execute_script(
                "const root = document.documentElement; return root.scrollWidth - root.clientWidth;"
            )
            driver.save_screenshot(str(SCREENSHOTS / f"{name}-phone.png"))
            assert overflow <= 0, (name, overflow)
    assert len(list(SCREENSHOTS.glob("*.png"))) >= 2 * len(pages)


class PageLinks(HTMLParser):
    """The ids a page defines and the internal references it makes."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        for name in ("href", "src"):
            value = attributes.get(name)
            if value and not urlparse(value).scheme and not value.startswith("//"):
                self.refs.append(value)


def parsed(page: Path) -> PageLinks:
    links = PageLinks()
    links.feed(page.read_text(encoding="utf-8"))
    return links


def target_file(site: Path, url_path: str) -> Path:
    path = site / unquote(url_path).lstrip("/")
    return path / "index.html" if url_path.endswith("/") or path.is_dir() else path


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    cache: dict[Path, PageLinks] = {}
    broken = []
    for page in sorted(site.rglob("*.html")):
        base = "/" + page.relative_to(site).as_posix()
        for ref in parsed(page).refs:
            resolved = urlparse(urljoin(base, ref))
            target = target_file(site, resolved.path) if resolved.path else page
            if not target.is_file():
                broken.append((base, ref))
                continue
            if resolved.fragment and target.suffix == ".html":
                ids = cache.setdefault(target, parsed(target)).ids
                if unquote(resolved.fragment) not in ids:
                    broken.append((base, ref))
    assert broken == []
