"""Accent-free and Japanese searches in a real browser (headless Chromium) on the built site."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from .browser import chromium, serve

SEARCHES = [
    # (query, a page that must be among the results)
    ("quang ninh", "localities/vn/quang-ninh/"),
    ("dak lak", "localities/vn/dak-lak/"),
    ("hop tac", "briefs/000-a121eda25e29c0ca/"),
    ("群馬", "localities/jp/gunma/"),
    # A title word of a Vietnamese brief, found through its keywords entry.
    ("yamamoto", "briefs/001-c2f22e9898d78eb3/"),
    # Both words are written only with accents in this brief ("coopération", "localités").
    ("cooperation localites", "briefs/002-773cfc2c257ea76a/"),
]


@pytest.fixture(scope="module")
def site(built_project: Path) -> Path:
    return built_project / "site"


def result_links(driver, url: str, query: str) -> list[str]:
    """Type the query into Material's search box and read the result links."""
    driver.get(url)
    box = WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "input.md-search__input")
    )
    box.click()
    box.send_keys(query)
    WebDriverWait(driver, 15).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".md-search-result__item")
    )
    # Material renders results ten at a time as the list scrolls: scroll until all are there.
    count = -1
    while count != (count := len(driver.find_elements(By.CSS_SELECTOR, ".md-search-result__item"))):
        last = driver.find_elements(By.CSS_SELECTOR, ".md-search-result__item")[-1]
        driver.execute_script("arguments[0].scrollIntoView()", last)
        time.sleep(0.3)
    return [
        link.get_attribute("href")
        for link in driver.find_elements(By.CSS_SELECTOR, ".md-search-result__item a")
    ]


def test_searches_find_the_right_pages(site: Path, tmp_path: Path) -> None:
    with serve(site) as url, chromium(tmp_path) as driver:
        for query, expected in SEARCHES:
            links = result_links(driver, url, query)
            pages = [link.split("#")[0].split("?")[0] for link in links]
            assert url + expected in pages, (query, pages)
