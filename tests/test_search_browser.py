"""Search as a reader uses it: the header's search box in headless Chromium, on a site built
(`briefing build`: MkDocs, then Pagefind) from the seeds and the 32-article test corpus."""

from __future__ import annotations

import dataclasses
import json
import shutil
import time
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from generator.pipeline import collect
from generator.render import render_site
from generator.site import build_site
from generator.write import write_pages

from .browser import chromium, serve
from .conftest import ROOT, SEEDS, copy_project

CORPUS = ROOT / "tests" / "corpus"
PHONE = (375, 812)
# Two briefs made for ranking: one about Quảng Ninh, one that only mentions it as often.
ABOUT = "ranking-about"
MENTIONS = "ranking-mentions"
RANKING_SEEDS = {
    f"{ABOUT}.txt": "Quảng Ninh and Gunma plan a tea exchange\n"
    "Officials of Quảng Ninh and Gunma discussed a tea exchange on 3 March 2024.\n",
    f"{MENTIONS}.txt": "Gunma and Đồng Nai plan a tea exchange\n"
    "Officials of Gunma and Đồng Nai, like Quảng Ninh before them, discussed a tea exchange on "
    "4 March 2024.\n",
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds, the test corpus and the two ranking briefs, built into site/."""
    project = copy_project(tmp_path_factory.mktemp("search"))
    for article in CORPUS.glob("*.txt"):
        shutil.copy(article, project / "seeds" / article.name)
    for name, text in RANKING_SEEDS.items():
        (project / "seeds" / name).write_text(text, encoding="utf-8")
    briefs = collect(project / "seeds", project).briefs
    # Extraction names Quảng Ninh a locality of both; the second brief only mentions it.
    briefs = [
        dataclasses.replace(
            brief,
            localities=tuple(p for p in brief.localities if p != "vn/quang-ninh"),
            mentions=("vn/quang-ninh",),
        )
        if brief.source == f"seeds/{MENTIONS}.txt"
        else brief
        for brief in briefs
    ]
    write_pages(project / "docs", render_site(briefs))
    with pytest.MonkeyPatch.context() as patch:  # the build's caches go under the project
        patch.chdir(project)
        build_site(project / "mkdocs.yml", project / "docs", project / "site", True, briefs)
    return project


@pytest.fixture(scope="module")
def briefs(project: Path) -> dict[str, dict]:
    """briefs.json by seed file name without .txt."""
    listed = json.loads((project / "docs" / "briefs.json").read_text(encoding="utf-8"))
    return {Path(brief["source"]).stem: brief for brief in listed}


def url_of(briefs: dict[str, dict], seed_stem: str) -> str:
    """The page URL of the brief made from seeds/<seed_stem>.txt."""
    return briefs[seed_stem]["url"]


def wait_for_results(driver, previous: object = None) -> list:
    """The result items once the status line reports a finished search."""

    def finished(d):
        status = d.find_element(By.CSS_SELECTOR, ".md-search-result__meta").text
        items = d.find_elements(By.CSS_SELECTOR, ".md-search-result__item")
        done = "matching" in status and (items or status.startswith("No"))
        return (status, items) if done and (status, len(items)) != previous else False

    return WebDriverWait(driver, 30).until(finished)[1]


def all_result_links(driver) -> list[str]:
    """Every result's path (pressing "Show more results" until all are shown)."""
    wait_for_results(driver)
    while (more := driver.find_element(By.CSS_SELECTOR, ".search-more")).is_displayed():
        count = len(driver.find_elements(By.CSS_SELECTOR, ".md-search-result__item"))
        more.click()
        WebDriverWait(driver, 20).until(
            lambda d, shown=count: (
                len(d.find_elements(By.CSS_SELECTOR, ".md-search-result__item")) > shown
            )
        )
    links = driver.find_elements(By.CSS_SELECTOR, ".md-search-result__item a")
    return [link.get_attribute("href").split("/", 3)[3] for link in links]


def search(driver, url: str, query: str, page: str = "") -> list[str]:
    """Open a page, type the query into the header's search box, read every result's path."""
    driver.get(url + page)
    box = WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "input.md-search__input")
    )
    box.click()
    box.send_keys(query)
    time.sleep(0.3)  # the box waits for typing to pause
    return all_result_links(driver)


@pytest.fixture(scope="module")
def browser(project: Path, tmp_path_factory: pytest.TempPathFactory):
    with serve(project / "site") as url, chromium(tmp_path_factory.mktemp("chromium")) as driver:
        yield url, driver


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Accent-free, and as written: the province's page first, then briefs in any script.
        (
            "quang ninh",
            ["localities/vn/quang-ninh/", "ja_01_gunma-quang-ninh", "ko_01_gunma-quang-ninh"],
        ),
        ("Quảng Ninh", ["localities/vn/quang-ninh/", "zh_01_quang-ninh-gunma", ABOUT]),
        ("hop tac", ["vi_01_bac-ninh-saitama", "vi_05_da-nang-yokohama"]),
        # Japanese segmented as Japanese, on the Gunma page and its briefs in every language.
        ("群馬", ["localities/jp/gunma/", "ja_01_gunma-quang-ninh", "ko_01_gunma-quang-ninh"]),
        ("群馬県", ["ja_01_gunma-quang-ninh", "zh_01_quang-ninh-gunma", ABOUT]),
        # Korean: in the Korean brief's text, and as a name of Fukuoka on a Vietnamese brief.
        ("후쿠오카", ["localities/jp/fukuoka/", "ko_02_hanoi-fukuoka", "vi_04_long-an-fukuoka"]),
        # The French name of Hồ Chí Minh City (a gazetteer alias): the city and briefs about it.
        (
            "Hô Chi Minh-Ville",
            ["localities/vn/ho-chi-minh/", "vi_02_hcm-osaka", "id_02_aichi-hcm", "zh_03_osaka-hcm"],
        ),
        # A word only in the last paragraph of a brief.
        ("wreath", ["en_02_nara-hanoi"]),
    ],
)
def test_searches_find_every_word_in_every_script(
    browser, briefs: dict[str, dict], query: str, expected: list[str]
) -> None:
    url, driver = browser
    found = search(driver, url, query)
    for item in expected:
        page = item if item.endswith("/") else url_of(briefs, item)
        assert page in found, (query, page, found)
    if expected[0].endswith("/"):
        assert found[0] == expected[0], (query, found)


def test_the_last_paragraph_word_is_only_in_the_last_paragraph(project: Path) -> None:
    """The page the "wreath" search must find says it only in its last paragraph."""
    text = (CORPUS / "en_02_nara-hanoi.txt").read_text(encoding="utf-8").strip().splitlines()
    assert "wreath" in text[-1] and not any("wreath" in line for line in text[:-1])
    others = [p for p in CORPUS.glob("*.txt") if "nara-hanoi" not in p.name] + list(
        SEEDS.glob("*.txt")
    )
    assert not any("wreath" in p.read_text(encoding="utf-8") for p in others)


def test_a_brief_about_a_place_ranks_above_one_that_only_mentions_it(
    browser, briefs: dict[str, dict]
) -> None:
    url, driver = browser
    found = search(driver, url, "quang ninh tea")
    about, mentions = url_of(briefs, ABOUT), url_of(briefs, MENTIONS)
    assert about in found and mentions in found, found
    assert found.index(about) < found.index(mentions), found
    assert briefs[ABOUT]["localities"] != briefs[MENTIONS]["localities"]
    assert briefs[MENTIONS]["mentions"] == ["vn/quang-ninh"]

    # Pages with every word of the query first: hợp tác, not a close form of one word (hoa).
    found = search(driver, url, "hop tac")
    titles = {b["url"]: b["title"].lower() for b in briefs.values()}
    assert "hợp tác" in titles[found[0]], found[0]


def test_results_show_title_date_places_and_highlighted_excerpt_not_keywords(
    browser, briefs: dict[str, dict]
) -> None:
    url, driver = browser
    search(driver, url, "후쿠오카")
    page = url_of(briefs, "vi_04_long-an-fukuoka")
    item = next(
        i
        for i in driver.find_elements(By.CSS_SELECTOR, ".md-search-result__item")
        if i.find_element(By.TAG_NAME, "a").get_attribute("href").endswith(page)
    )
    brief = next(b for b in briefs.values() if b["url"] == page)
    assert item.find_element(By.TAG_NAME, "h1").text == brief["title"]
    facts = item.find_element(By.CSS_SELECTOR, ".search-result__facts").text
    assert "2023" in facts and "Fukuoka" in facts and "Long An" in facts, facts
    # Found by a hidden name of Fukuoka: no list of names in any script is shown.
    assert "후쿠오카" not in item.text and "福岡" not in item.text, item.text
    # An excerpt of the text, the match highlighted.
    found = search(driver, url, "hop tac")
    item = driver.find_elements(By.CSS_SELECTOR, ".md-search-result__item")[
        found.index(url_of(briefs, "vi_01_bac-ninh-saitama"))
    ]
    marks = item.find_elements(By.CSS_SELECTOR, "p mark")
    assert marks and {m.text.lower().strip(".,") for m in marks} <= {"hợp", "tác"}


def choose_filter(driver, name: str, value: str) -> None:
    filters = driver.find_element(By.CSS_SELECTOR, ".search-filters")
    if not filters.get_attribute("open"):
        filters.find_element(By.TAG_NAME, "summary").click()
    select = WebDriverWait(driver, 20).until(
        lambda d: d.find_element(By.CSS_SELECTOR, f".search-filters select[name={name}]")
    )
    option = next(
        o for o in select.find_elements(By.TAG_NAME, "option") if o.get_attribute("value") == value
    )
    Select(select).select_by_value(option.get_attribute("value"))


def test_filters_by_sector_and_by_year(browser, briefs: dict[str, dict]) -> None:
    url, driver = browser
    by_url = {b["url"]: b for b in briefs.values()}
    driver.get(url)
    driver.find_element(By.CSS_SELECTOR, "input.md-search__input").click()
    choose_filter(driver, "sector", "Tourism")
    tourism = {u for u, b in by_url.items() if "tourism" in b["sectors"]}
    assert set(all_result_links(driver)) == tourism
    choose_filter(driver, "year", "2024")
    both = {u for u in tourism if (by_url[u]["date"] or "").startswith("2024")}
    assert both and set(all_result_links(driver)) == both, both
    # Words and filters together: Osaka in 2024's tourism briefs only.
    box = driver.find_element(By.CSS_SELECTOR, "input.md-search__input")
    box.send_keys("osaka")
    time.sleep(0.3)
    found = all_result_links(driver)
    assert found and set(found) <= both, (found, both)


def test_keyboard_shortcuts_open_and_close_the_search(browser) -> None:
    url, driver = browser
    for key in ("/", "s"):
        driver.get(url)
        driver.find_element(By.TAG_NAME, "body").send_keys(key)
        box = driver.find_element(By.CSS_SELECTOR, "input.md-search__input")
        assert driver.switch_to.active_element == box
        assert driver.execute_script("return document.getElementById('__search').checked")
        box.send_keys("gunma", Keys.ESCAPE)
        assert not driver.execute_script("return document.getElementById('__search').checked")


def test_phone_sized_search(browser, briefs: dict[str, dict]) -> None:
    url, driver = browser
    driver.set_window_size(*PHONE)
    try:
        driver.get(url + url_of(briefs, "ja_01_gunma-quang-ninh"))
        # The header's magnifier opens the search over the page.
        driver.find_element(By.CSS_SELECTOR, ".md-header label[for=__search]").click()
        box = driver.find_element(By.CSS_SELECTOR, "input.md-search__input")
        WebDriverWait(driver, 5).until(lambda d: box.is_displayed())
        box.send_keys("quang ninh")
        items = wait_for_results(driver)
        first = items[0].find_element(By.TAG_NAME, "a")
        assert first.get_attribute("href") == url + "localities/vn/quang-ninh/"
        rect = items[0].rect
        assert items[0].is_displayed() and rect["x"] >= 0 and rect["x"] + rect["width"] <= PHONE[0]
        overflow = driver.execute_script(
            "const root = document.documentElement; return root.scrollWidth - root.clientWidth;"
        )
        assert overflow <= 0
        first.click()
        assert driver.current_url == url + "localities/vn/quang-ninh/"
    finally:
        driver.set_window_size(1280, 900)


def test_search_requests_only_the_site_and_logs_no_error(browser) -> None:
    url, driver = browser
    driver.get_log("performance")
    driver.get_log("browser")
    search(driver, url, "hợp tác")
    requests = [
        json.loads(entry["message"])["message"]["params"]["request"]["url"]
        for entry in driver.get_log("performance")
        if json.loads(entry["message"])["message"]["method"] == "Network.requestWillBeSent"
    ]
    network = [u for u in requests if u.startswith(("http", "ws"))]
    assert any("/pagefind/" in u for u in network)
    assert [u for u in network if not u.startswith(url)] == []
    assert [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")] == []
