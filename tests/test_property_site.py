"""Whole random articles through the whole pipeline: a site (with warnings), never a traceback.

Random stamps, dates (impossible ones too), place names, control characters, file names and
overrides go through reading, extraction, linking, every page, the feeds, briefs.json, the
MkDocs build and one locality's PDF.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import feedparser
import frontmatter
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.pdf import print_jobs, render_pdf
from generator.pipeline import generate
from generator.site import build_site

from .conftest import copy_project

PLACES = [
    "tỉnh Gunma",
    "tỉnh Quảng Ninh",
    "tỉnh Đắk Lắk",
    "Kumamoto",
    "群馬県",
    "Hà Nội",
    "Saitama",
]
NASTY = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs",)),
        st.sampled_from("\x00\x07\x1b\u202e\u200b\ufeff\ufffe\uffff\ufdd0=-#*_[](){}<>&|\\`!"),
    ),
    max_size=60,
)
NUMBERS = st.integers(0, 40)
YEARS = st.sampled_from([0, 1, 99, 1899, 1900, 1969, 1970, 2024, 2025, 2100, 2106, 2107, 9999])
DATE = st.one_of(
    st.builds("{}/{}/{}".format, NUMBERS, NUMBERS, YEARS),
    st.builds("{}/{}".format, NUMBERS, NUMBERS),
    st.builds("ngày {} tháng {} năm {}".format, NUMBERS, NUMBERS, YEARS),
)
STAMP = st.builds("Cập nhật 10:30 {}/{}/{}".format, NUMBERS, NUMBERS, YEARS)
OVERRIDE_VALUE = st.one_of(
    st.builds("{}-{:02d}-{:02d}".format, YEARS, NUMBERS, NUMBERS),
    st.builds("'--{:02d}-{:02d}'".format, NUMBERS, NUMBERS),
    st.sampled_from(["2024", "'2025-00'", "[vi]", "{a: 1}", "&a x", "*a", "null", "[[[[]]]]"]),
)
OVERRIDES = st.dictionaries(
    st.sampled_from(["date", "date_end", "title", "language", "related", "sectors"]),
    OVERRIDE_VALUE,
    max_size=3,
).map(lambda fields: "".join(f"{key}: {value}\n" for key, value in fields.items()))


@st.composite
def article(draw: st.DrawFn) -> tuple[str, str, str | None]:
    """(file name, text, sidecar text or None)."""
    name = draw(st.text(alphabet="aAbB0_-. é", min_size=1, max_size=8)) + ".txt"
    lines = [draw(st.one_of(NASTY, st.sampled_from([".", "", "= Gunma", "\ufffe\uffff"])))]
    if draw(st.booleans()):
        lines.append(draw(STAMP))
    places = draw(st.lists(st.sampled_from(PLACES), max_size=3))
    lines.append(f"Ngày {draw(DATE)}, {' và '.join(places) or 'đoàn'} {draw(NASTY)} hợp tác.")
    lines += draw(st.lists(NASTY, max_size=3))
    sidecar = draw(st.one_of(st.none(), OVERRIDES))
    return name, "\n".join(lines) + "\n", sidecar


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(article(), min_size=1, max_size=4, unique_by=lambda a: a[0]))
def test_random_articles_give_a_site_not_a_traceback(articles) -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder))
        shutil.rmtree(project / "seeds")
        seeds = project / "seeds"
        seeds.mkdir()
        for name, text, sidecar in articles:
            (seeds / name).write_text(text, encoding="utf-8")
            if sidecar is not None:
                (seeds / name).with_name(Path(name).stem + ".meta.yaml").write_text(
                    sidecar, "utf-8"
                )
        docs, site = project / "docs", project / "site"
        collected, report = generate(seeds, docs, project)
        assert report.refused == []
        for brief in collected.briefs:
            assert brief.title.strip()
            assert all(d is None or d.is_valid() for d in (brief.date.start, brief.date.end))
            page = frontmatter.loads((docs / brief.path).read_text(encoding="utf-8"))
            assert page["id"] == brief.id
        assert len(json.loads((docs / "briefs.json").read_text(encoding="utf-8"))) == len(
            collected.briefs
        )
        for feed in (docs / "feeds").rglob("*.xml"):
            assert not feedparser.parse(feed.read_bytes()).bozo, feed
        with pytest.MonkeyPatch.context() as patch:  # the build's caches go under the project
            patch.chdir(project)
            build_site(project / "mkdocs.yml", docs, site, strict=False, briefs=collected.briefs)
        assert (site / "index.html").is_file()
        jobs = print_jobs(collected.briefs)
        if jobs:
            assert render_pdf(jobs[0].html).startswith(b"%PDF")
