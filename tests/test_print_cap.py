"""A locality with many briefs prints its most recent ones in full and lists the older by date."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from generator.cli import main
from generator.link import assign_paths
from generator.model import Paragraph, PartialDate
from generator.pdf import PRINT_FULL_BRIEFS, print_jobs, render_pdf

from .test_reader_render import brief


def many_briefs(count: int) -> list:
    """`count` Gunma briefs, one a month going back from December 2026, each with a body."""
    briefs = []
    for number in range(count):
        year, month = 2026 - number // 12, 12 - number % 12
        briefs.append(
            brief(
                f"b{number:03d}",
                PartialDate(year, month, 1),
                title=f"Report {number:03d} of {year}-{month:02d}",
                paragraphs=(Paragraph(f"Body {number:03d}: the delegations met again."),),
            )
        )
    return assign_paths(briefs)


def gunma_html(count: int, full: int = PRINT_FULL_BRIEFS) -> str:
    jobs = {job.place_id: job.html for job in print_jobs(many_briefs(count), {}, full)}
    return jobs["jp/gunma"]


def test_only_the_most_recent_briefs_print_in_full() -> None:
    html = gunma_html(30, full=5)
    bodies = re.findall(r"Body (\d{3})", html)
    assert bodies == ["000", "001", "002", "003", "004"]  # newest first, five of them
    older = html.split('id="older-1"')[1]
    listed = re.findall(r"Report (\d{3})", older)
    assert listed == [f"{n:03d}" for n in range(5, 30)]  # the other 25, newest first
    assert "Body 005" not in older  # listed by date and title, not printed
    assert "the 5 most recent of 30 briefs. The 25 older ones are listed" in html
    contents = html.split('<ul class="contents">')[1].split("</ul>")[0]
    assert contents.count('href="#brief-') == 5
    assert 'href="#older-1">Older briefs, by date (25)</a>' in contents


def test_a_locality_under_the_cap_prints_everything_and_says_nothing() -> None:
    html = gunma_html(PRINT_FULL_BRIEFS)
    assert len(re.findall(r"Body \d{3}", html)) == PRINT_FULL_BRIEFS
    assert "most recent of" not in html and "older-1" not in html


def test_a_cap_of_zero_lists_every_brief() -> None:
    html = gunma_html(3, full=0)
    assert "Body" not in html
    assert "the 0 most recent of 3 briefs. The 3 older ones" in html


def test_a_capped_pdf_prints_the_note_on_its_cover_and_stays_short(tmp_path: Path) -> None:
    pdf = tmp_path / "gunma.pdf"
    pdf.write_bytes(render_pdf(gunma_html(300, full=10)))
    cover = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    assert "the 10 most recent of 300 briefs" in " ".join(cover.split())
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Report 299 of 2002-01" in text  # the oldest is listed
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages < 20, pages  # 300 briefs in full would be well over a hundred pages


def test_print_full_is_an_option_of_build_and_pdf(capsys) -> None:
    for command in (["build", "--print-full", "-1"], ["pdf", "jp/gunma", "--print-full", "x"]):
        with pytest.raises(SystemExit) as exit_:  # refused before anything is built
            main(command)
        assert exit_.value.code == 2
        assert "not a whole number of at least 0" in capsys.readouterr().err
