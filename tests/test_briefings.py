"""Briefings people read, follow and print: the issue's checks on the five seeds."""

from __future__ import annotations

import json
import logging
import subprocess
from pathlib import Path

import feedparser
import pytest

from generator.cli import main
from generator.knowledge import gazetteer
from generator.pdf import pdf_path


@pytest.fixture(scope="module")
def built(built_project: Path) -> Path:
    return built_project


def read(project: Path, docs_path: str) -> str:
    return (project / "docs" / docs_path).read_text(encoding="utf-8")


def test_quang_ninh_shows_its_partners(built: Path) -> None:
    page = read(built, "localities/vn/quang-ninh.md")
    partners = page.split("**Partners in Japan:**")[1].split("\n")[0]
    assert "[Gunma](../jp/gunma.md) (2)" in partners
    assert "[Hokkaido](../jp/hokkaido.md) (1)" in partners
    # The prefectures whose leaders the forum's list names are only mentioned: not partners,
    # but their pages list the brief under "Also mentioned in".
    for prefecture in ("Yamanashi", "Niigata", "Tokushima", "Wakayama"):
        assert f"[{prefecture}]" not in partners
        mentioned = read(built, f"localities/jp/{prefecture.lower()}.md").split("Also mentioned")
        assert len(mentioned) == 2 and "Pada kesempatan menghadiri Forum" in mentioned[1]


def test_okayama_shows_the_mimasaka_yen_bai_tie(built: Path) -> None:
    tie = "Yên Bái – Mimasaka \\(Okayama\\): friendship or sister-city tie"
    assert tie in read(built, "localities/jp/okayama.md")
    assert tie in read(built, "partnerships/index.md")


def test_lao_cai_carries_yen_bais_history(built: Path) -> None:
    lao_cai = read(built, "localities/vn/lao-cai.md")
    assert "Merged into Lào Cai on 1 July 2025: [Yên Bái](yen-bai.md)." in lao_cai
    assert "## History: briefs on its former provinces" in lao_cai
    assert "Les localités vietnamiennes cherchent" in lao_cai.split("## History")[1]
    yen_bai = read(built, "localities/vn/yen-bai.md")
    assert "Yên Bái — part of [Lào Cai](lao-cai.md) since 1 July 2025" in yen_bai


def test_partnership_matrix_counts_pairs(built: Path) -> None:
    matrix = read(built, "partnerships/index.md")
    assert '<a href="quang-ninh--gunma/" title="Quảng Ninh and Gunma: 2 briefs"' in matrix
    assert (built / "docs" / "partnerships" / "quang-ninh--gunma.md").is_file()


def test_sector_chart_is_an_svg_with_a_bar_per_sector(built: Path) -> None:
    svg = read(built, "localities/vn/quang-ninh-sectors.svg")
    assert svg.startswith("<svg") and svg.count("<rect") == 13
    assert "![Sectors of the briefs on Quảng Ninh](quang-ninh-sectors.svg)" in read(
        built, "localities/vn/quang-ninh.md"
    )


def test_feeds_validate_and_are_linked(built: Path) -> None:
    for feed_path in (
        "feeds/all.xml",
        "feeds/localities/vn/quang-ninh.xml",
        "feeds/sectors/ai.xml",
    ):
        feed = feedparser.parse((built / "site" / feed_path).read_bytes())
        assert not feed.bozo, (feed_path, feed.bozo_exception)
        assert feed.version == "atom10" and feed.entries
        assert all(entry.id.startswith("urn:briefing:brief:") for entry in feed.entries)
    quang_ninh = (built / "site" / "localities/vn/quang-ninh/index.html").read_text("utf-8")
    assert 'href="../../../feeds/localities/vn/quang-ninh.xml">Atom feed</a>' in quang_ninh
    assert len(feedparser.parse(read(built, "feeds/all.xml")).entries) == 5


def test_briefs_json_lists_every_brief_with_its_url(built: Path) -> None:
    records = json.loads(read(built, "briefs.json"))
    assert [r["id"] for r in records] == sorted(r["id"] for r in records)
    assert len(records) == 5
    for record in records:
        assert (built / "site" / record["url"] / "index.html").is_file()
    tie = {"kind": "friendship", "vn": "vn/yen-bai", "jp": "jp/okayama/mimasaka"}
    assert tie | {"year": None, "at_event": True} in [
        tie for record in records for tie in record["ties"]
    ]


def test_every_locality_page_with_briefs_links_to_its_pdf(built: Path) -> None:
    records = json.loads(read(built, "briefs.json"))
    named = {locality for record in records for locality in record["localities"]}
    pages = list((built / "site" / "localities").glob("*/*/index.html"))
    assert len(pages) == 47 + 34 + 4  # every locality of today, and Yên Bái, Hà Giang, ...
    linked = 0
    for page in pages:
        locality_id = "/".join(page.parts[-3:-1])
        text = page.read_text("utf-8")
        place = gazetteer().places[locality_id]
        about = {locality_id, *place.formed_from} & named
        if not about:  # no briefs: no printed brief, and no link to one
            assert "pdf/" not in text and not (built / "site" / pdf_path(locality_id)).exists()
            continue
        linked += 1
        assert f'href="../../../{pdf_path(locality_id)}"' in text
        assert (built / "site" / pdf_path(locality_id)).stat().st_size > 10_000
    assert linked == 8


def test_pdf_renders_vietnamese_and_japanese_names(built: Path) -> None:
    text = subprocess.run(
        ["pdftotext", str(built / "site" / pdf_path("jp/gunma")), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for name in ("Gunma", "群馬県", "군마현", "Quảng Ninh", "Bí thư Trung ương Đảng", "Thống đốc"):
        assert name in text, name
    fonts = subprocess.run(
        ["pdffonts", str(built / "site" / pdf_path("jp/gunma"))],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Noto-Sans" in fonts and "CJK" in fonts


def test_unchanged_pdfs_are_not_rendered_again(built: Path, caplog) -> None:
    caplog.set_level(logging.INFO, logger="generator")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(built)
        assert main(["build", "--strict"]) == 0
    assert "PDFs: 18 pages, 0 rendered" in caplog.text  # copied back from the cache


def test_pdf_command_makes_one_locality(built: Path, tmp_path: Path, capsys) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(built)
        assert main(["pdf", "jp/okayama", "-o", str(tmp_path / "o.pdf")]) == 0
        assert main(["pdf", "jp/nowhere"]) == 2
    assert (tmp_path / "o.pdf").read_bytes().startswith(b"%PDF")
