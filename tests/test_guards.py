"""Guards at the stage boundaries: dates that exist, printable titles, stable ids, bounded work."""

from __future__ import annotations

import json
import logging
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.cli import main
from generator.extract import language
from generator.link import brief_id, brief_ids, link
from generator.model import Brief, DateInfo, Paragraph, PartialDate
from generator.overrides import parse_overrides
from generator.pdf import PRINT_MAX_CHARS, place_html, printed_text, render_pdf
from generator.pipeline import checked_date, checked_link, checked_title
from generator.render.markdown import escape
from generator.site import source_date_epoch

from .conftest import copy_project
from .hostile_seeds import ALIAS_BOMB
from .test_safety import markdown_to_html

P = PartialDate


@pytest.mark.parametrize(
    ("date", "valid"),
    [
        (P(2024, 2, 29), True),
        (P(2025, 2, 29), False),
        (P(None, 2, 29), True),
        (P(None, 2, 30), False),
        (P(2025, 4, 31), False),
        (P(2025, 0), False),
        (P(2025, 13), False),
        (P(2025), True),
        (P(2025, 12), True),
        (P(0, 3, 12), False),
        (P(1899, 12, 31), False),
        (P(1900, 1, 1), True),
        (P(2100, 12, 31), True),
        (P(2107, 1, 1), False),
        (P(None, None, None), False),
        (P(None, 5, None), False),
        (P(2024, None, 5), False),
    ],
)
def test_a_date_is_valid_when_it_exists_in_the_supported_years(date, valid: bool) -> None:
    assert date.is_valid() is valid


def test_dates_of_any_precision_order_without_error() -> None:
    dates = [P(2024, 4, 3), P(2024), P(None, 2, 29), P(2024, 4), P(2023, 12, 31)]
    assert sorted(dates) == [P(None, 2, 29), P(2023, 12, 31), P(2024), P(2024, 4), P(2024, 4, 3)]
    assert max(dates) == P(2024, 4, 3)


@pytest.mark.parametrize(
    ("start", "end", "before"),
    [
        (P(2024, 4, 3), P(2024, 4, 1), True),
        (P(2024, 4, 3), P(2024, 4, 3), False),
        (P(2024, 4, 3), P(2024, 4), False),  # April contains the 3rd
        (P(2024, 4, 3), P(2024, 3), True),
        (P(None, 4, 3), P(None, 4, 5), False),
        (P(2024), P(2023, 12, 31), True),
    ],
)
def test_an_end_before_its_start_is_recognised(start, end, before: bool) -> None:
    assert DateInfo(start, end, "text").end_before_start() is before


def test_an_impossible_date_is_dropped_with_a_warning_naming_the_file(caplog) -> None:
    assert checked_date(DateInfo(P(2025, 2, 30), None, "text"), "seeds/a.txt") == DateInfo()
    assert "seeds/a.txt: date 2025-02-30 dropped: not a calendar date" in caplog.text
    inferred = checked_date(DateInfo(P(2025, 2, 29), None, "inferred", "stamp"), "seeds/b.txt")
    assert inferred == DateInfo(P(None, 2, 29), None, "none")
    assert "seeds/b.txt: year 2025 dropped: 2025-02-29 is not a calendar date" in caplog.text
    ranged = checked_date(DateInfo(P(2024, 4, 3), P(2024, 4, 1), "text"), "seeds/c.txt")
    assert ranged == DateInfo(P(2024, 4, 3), None, "text")
    assert "seeds/c.txt: end date 2024-04-01 dropped: before the start 2024-04-03" in caplog.text


def brief(brief_id: str, date: DateInfo, **fields) -> Brief:
    return Brief(
        id=brief_id,
        source=f"seeds/{brief_id}.txt",
        source_url=None,
        title=fields.pop("title", "A title"),
        title_generated=False,
        language="vi",
        date=date,
        localities=("jp/gunma", "vn/quang-ninh"),
        cities=(),
        regions=(),
        sectors=(),
        paragraphs=(Paragraph("Ngày 3/4, tỉnh Gunma."),),
        **fields,
    )


def test_a_shared_year_that_makes_an_impossible_date_is_not_used(caplog) -> None:
    a = brief("a", DateInfo(P(None, 2, 29), None, "none"), pinned_related=("b",))
    b = brief("b", DateInfo(P(2025, 3, 1), None, "text"))
    linked = {x.id: x for x in checked_link(link([a, b]), [a, b])}
    assert linked["a"].date == DateInfo(P(None, 2, 29), None, "none")
    assert linked["a"].related == ("b",)
    assert "seeds/a.txt: year of the related briefs not used: 2025-02-29" in caplog.text


@pytest.mark.parametrize("title", ["", " \n\t", "\ufffe\uffff", "\u200b\u202e"])
def test_an_unusable_title_becomes_the_id_with_a_warning(title: str, caplog) -> None:
    fixed = checked_title(brief("x", DateInfo(), title=title))
    assert (fixed.title, fixed.title_generated) == ("x", True)
    assert "seeds/x.txt: no usable title; the brief's id stands for it" in caplog.text


def test_a_title_loses_the_characters_feeds_refuse() -> None:
    assert checked_title(brief("x", DateInfo(), title="A\ufffeB\uffff C")).title == "AB C"


# Permanent ids: from the file name alone.


def test_existing_seed_names_keep_their_ids() -> None:
    names = ["000_a121eda25e29c0ca.txt", "004_63392cce298afa7e.txt", "a.txt", "gunma_visit.txt"]
    assert [brief_id(name) for name in names] == [
        "000-a121eda25e29c0ca",
        "004-63392cce298afa7e",
        "a",
        "gunma-visit",
    ]


NAMES = st.text(alphabet="aAbB0_-. éẢ\udce9", min_size=1, max_size=12).map(lambda s: s + ".txt")


@given(st.lists(NAMES, min_size=1, max_size=8, unique=True), NAMES)
def test_no_other_seed_changes_an_id_and_no_two_seeds_share_one(names, other) -> None:
    ids = brief_ids(names)
    assert len(set(ids.values())) == len(names)
    with_other = brief_ids([*names, other])
    assert all(with_other[name] == ids[name] for name in names if name in with_other)
    for name in names:
        assert len(brief_id(name)) <= 80
        assert brief_id(name).isascii() and "/" not in brief_id(name)


def test_an_id_is_bounded_for_a_long_or_undecodable_name() -> None:
    assert len(brief_id("x" * 250 + ".txt")) <= 80
    assert brief_id("caf\udce9.txt") != brief_id("caf\udce8.txt")
    assert brief_id("Case.txt") != brief_id("case.txt") == "case"


def test_page_paths_come_from_ids_only() -> None:
    linked = link([brief("b", DateInfo(P(2024, 4, 3), None, "text"), title="Gunma")])
    assert linked[0].path == "briefs/b.md"


# Overrides YAML that could explode.


def test_aliases_and_deep_nesting_are_refused(caplog) -> None:
    assert len(ALIAS_BOMB) < 400
    assert parse_overrides(ALIAS_BOMB, "x.meta.yaml") is None
    assert "x.meta.yaml: overrides ignored: not valid YAML (aliases" in caplog.text
    assert parse_overrides("related: " + "[" * 5000 + "]" * 5000, "y.meta.yaml") is None
    assert "nested more than 8 levels deep" in caplog.text
    assert parse_overrides("date: !!timestamp 2025-02-30\n", "z.meta.yaml") is None
    assert parse_overrides("date: 2025-02-29\n", "w.meta.yaml") == {"date": "2025-02-29"}


# Bounded work per document.


def test_language_detection_reads_a_bounded_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    monkeypatch.setattr(language, "paragraph_language", lambda text: seen.append(len(text)))
    language.language_votes(["a" * 400_000] + ["Xin chào các bạn."] * 500)
    assert max(seen) <= language.SAMPLE_CHARS and len(seen) <= language.MAX_PARAGRAPHS


def test_the_text_a_pdf_prints_is_capped_and_the_pdf_says_so(tmp_path: Path) -> None:
    from generator.knowledge import gazetteer

    paragraphs = tuple(Paragraph("hợp tác du lịch " * 500) for _ in range(20))
    long = replace(brief("long", DateInfo(P(2024, 4, 3), None, "text")), paragraphs=paragraphs)
    printed, note = printed_text(long)
    assert sum(len(p.text) for p in printed) <= PRINT_MAX_CHARS
    assert "Text shortened for print" in note and "160,000" in note
    pdf = tmp_path / "gunma.pdf"
    pdf.write_bytes(render_pdf(place_html(gazetteer().places["jp/gunma"], [long], {})))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Text shortened for print" in " ".join(text.split())
    assert printed_text(brief("short", DateInfo()))[1] == ""


# The site builds whatever the dates.


def test_source_date_epoch_fits_a_gzip_header() -> None:
    before_1970 = [brief("a", DateInfo(P(1969, 4, 3), None, "text"))]
    assert source_date_epoch(before_1970) == 0
    latest = [brief("b", DateInfo(P(2100, 12, 31), None, "text"))]
    assert 0 < source_date_epoch(latest) < 2**32


def test_a_site_whose_every_date_is_before_1970_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_project(tmp_path)
    for seed in (project / "seeds").iterdir():
        seed.unlink()
    (project / "seeds" / "old.txt").write_text(
        "Gunma và Quảng Ninh\nNgày 3/4/1969, tỉnh Gunma và tỉnh Quảng Ninh gặp nhau.\n", "utf-8"
    )
    monkeypatch.chdir(project)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert main(["build", "--no-pdf"]) == 0
    assert (project / "site" / "sitemap.xml.gz").is_file()
    record = json.loads((project / "docs" / "briefs.json").read_text(encoding="utf-8"))[0]
    assert record["date"] == "1969-04-03"


def test_an_equals_sign_at_a_line_start_shows_no_backslash() -> None:
    for text in ("= Gunma", "=", "== x"):
        assert "\\" not in escape(text)
        assert markdown_to_html(escape(text)) == f"<p>{text}</p>"


def test_the_year_only_override_builds_a_timeline(caplog) -> None:
    from generator.render.overview import timeline

    page = timeline(link([brief("y", DateInfo(P(2024), None, "override"))]))
    assert "### 2024, month not stated" in page
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_a_seed_whose_id_is_taken_is_skipped_with_a_warning(tree, monkeypatch, caplog) -> None:
    """Two names with one id take a 64-bit hash collision; made on purpose, one seed goes."""
    from generator import link as link_stage
    from generator.pipeline import collect

    root = tree({"seeds/a b.txt": "Tin\nNgày 3/4/2024.\n", "seeds/a-b.txt": "Tin\nNgày 3/4.\n"})
    monkeypatch.setattr(link_stage, "brief_id", lambda name: "same")
    collected = collect(root / "seeds", root, use_cache=False)
    assert [b.source for b in collected.briefs] == ["seeds/a b.txt"]
    assert "a-b.txt: skipped: its id same is the id of a b.txt" in caplog.text
    assert [p.source for p in collected.problems] == ["seeds/a-b.txt"]
