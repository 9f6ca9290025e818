"""Rendering what readers need, on briefs made for each case: dates at every precision,
provenance, mentions, ties with their year, regions, the tile map's data, and feeds whose
`updated` never presents an old story as new (read back with feedparser, from a real git
history)."""

from __future__ import annotations

import datetime
import os
import subprocess
from dataclasses import replace
from pathlib import Path

import feedparser
import pytest

from generator.history import first_commit_dates, seed_dates
from generator.knowledge import gazetteer, load
from generator.link import assign_paths
from generator.model import Brief, DateInfo, Paragraph, PartialDate, Tie
from generator.pdf import print_jobs
from generator.pipeline import generate
from generator.render import render_site, tilemap
from generator.render.feeds import EPOCH, atom_feed
from generator.render.finder import region_of
from generator.render.markdown import html_href

from .conftest import CORPUS


def brief(brief_id: str, start: PartialDate | None, **fields) -> Brief:
    base = Brief(
        id=brief_id,
        source=f"seeds/{brief_id}.txt",
        source_url=None,
        title=f"Title {brief_id}",
        title_generated=False,
        language="en",
        date=DateInfo(start, None, "text" if start and start.year else "none"),
        localities=("jp/gunma", "vn/quang-ninh"),
        cities=(),
        regions=(),
        sectors=("tourism",),
        paragraphs=(Paragraph(f"Lead of {brief_id}."),),
    )
    return replace(base, **fields)


EVERY_PRECISION = [
    brief("full", PartialDate(2024, 3, 12)),
    brief("month", PartialDate(2024, 5)),
    brief("year", PartialDate(2013), date=DateInfo(PartialDate(2013), None, "override")),
    brief("no-year", PartialDate(None, 10, 7)),
    brief("undated", None),
]


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return render_site(assign_paths(EVERY_PRECISION), added={})


def test_every_date_precision_renders_in_lists_timeline_and_feeds(pages: dict[str, str]) -> None:
    gunma = pages["localities/jp/gunma.md"]
    order = [gunma.index(f"Title {i}") for i in ("full", "month", "year", "no-year", "undated")]
    briefs_section = gunma.split("## Briefs")[1]
    order = [briefs_section.index(f"Title {i}") for i in ("month", "full", "year")]
    assert order == sorted(order)  # newest first: May 2024, 12 March 2024, 2013
    quiet = briefs_section.index("Without a stated year (2)")
    assert briefs_section.index("Title no-year") > quiet
    assert briefs_section.index("Title undated") > briefs_section.index("Title no-year")
    for text in ("**12 March 2024**", "**May 2024**", "**2013**", "**7 October**"):
        assert text in briefs_section
    assert "**Date not stated**" in briefs_section
    timeline = pages["timeline.md"]
    assert timeline.index("## 2024") < timeline.index("## 2013") < timeline.index("Year not stated")
    assert "### 2013, month not stated" in timeline
    events = gunma.split("### Timeline of events")[1].split("##")[0]
    assert events.index("2013") < events.index("12 March 2024")  # oldest first, dated only
    assert "7 October" not in events


def test_feed_entries_never_date_an_unknown_year_as_new(pages: dict[str, str]) -> None:
    feed = feedparser.parse(pages["feeds/all.xml"])
    assert not feed.bozo
    updated = {e.id.rsplit(":", 1)[1]: e.updated for e in feed.entries}
    assert updated["full"] == "2024-03-12T00:00:00+00:00"
    assert updated["month"] == "2024-05-01T00:00:00+00:00"
    assert updated["year"] == "2013-01-01T00:00:00+00:00"
    assert updated["no-year"] == updated["undated"] == EPOCH.isoformat()
    assert feed.feed.updated == "2024-05-01T00:00:00+00:00"
    stamps = [e.updated_parsed for e in feed.entries]
    assert stamps == sorted(stamps, reverse=True)  # newest first


def test_provenance_year_evidence_mentions_and_ties() -> None:
    briefs = assign_paths(
        [
            brief(
                "a",
                PartialDate(2024, 3, 12),
                date=DateInfo(PartialDate(2024, 3, 12), None, "inferred", "weekday"),
                source_url="https://www.example-news.vn/article-1",
                mentions=("jp/akita", "vn/yen-bai"),
                ties=(
                    Tie("friendship", "vn/quang-ninh", "jp/gunma", year=2013, at_event=False),
                    Tie("memorandum", "vn/quang-ninh", "jp/gunma"),
                ),
            ),
            brief("b", PartialDate(2024, 4, 1), outlet="Nhân Dân"),
        ]
    )
    pages = render_site(briefs, added={})
    card = pages[briefs[0].path]
    assert "**Outlet:** example-news.vn" in card
    assert "year from the weekday the text gives" in card
    assert "Seed file" not in card and "seeds/a.txt" not in card.split("---")[2]
    assert "friendship or sister-city tie, in place since 2013" in card
    assert "memorandum or agreement, made at this event \\(12 March 2024\\)" in card
    assert "**Outlet:** Nhân Dân" in pages[briefs[1].path]
    assert "Nhân Dân" in pages["localities/jp/gunma.md"]  # listings name the outlet
    akita = pages["localities/jp/akita.md"]
    assert "## Also mentioned in" in akita and "Title a" in akita.split("## Also mentioned in")[1]
    assert "Title a" not in akita.split("## Also mentioned in")[0]
    assert "feeds/localities/jp/akita.xml" not in pages  # mentions feed nothing
    assert "Akita" not in pages["localities/vn/quang-ninh.md"].split("## Briefs")[0]
    yen_bai = pages["localities/vn/yen-bai.md"]  # a former province only mentioned has a page
    assert "## Also mentioned in" in yen_bai
    json_text = pages["briefs.json"]
    assert '"source": "seeds/a.txt"' in json_text  # the seed path is kept for other tools
    jobs = {job.place_id: job.html for job in print_jobs(briefs)}
    assert "jp/akita" not in jobs and "seeds/a.txt" not in jobs["jp/gunma"]


def test_no_print_link_unless_pdfs_are_built() -> None:
    briefs = assign_paths(EVERY_PRECISION)
    without = render_site(briefs, added={})
    with_pdf = render_site(briefs, added={}, print_links=True)
    assert "print-pdf" not in "".join(without.values())
    assert (
        '<a href="../../../pdf/jp/gunma.pdf" class="print-pdf">'
        in with_pdf["localities/jp/gunma.md"]
    )
    assert "pdf/regions/jp/kanto.pdf" in with_pdf["regions/jp/kanto.md"]
    assert "print-pdf" not in with_pdf["localities/jp/akita.md"]  # no briefs, no PDF


def test_every_vietnamese_province_has_one_socio_economic_region() -> None:
    places = gazetteer()
    six = [p for p in places.regions() if p.scheme == "socio-economic"]
    assert len(six) == 6
    for province in places.localities("vn"):
        owners = [r.id for r in six if province.id in r.members]
        assert len(owners) == 1, (province.id, owners)
    assert region_of(places.places["vn/ha-noi"]).id == "vn/red-river-delta"
    assert region_of(places.places["vn/ho-chi-minh"]).name == "South East"
    assert places.places["vn/central"].name == "Central Vietnam"  # in the interface language


def test_japanese_regions_have_japanese_names() -> None:
    regions = [r for r in gazetteer().regions() if r.country == "jp"]
    assert len(regions) == 10
    assert all(r.names["ja"].endswith("地方") for r in regions)
    assert gazetteer().places["jp/kansai"].names["ja"] == "近畿地方"


def test_tile_map_covers_every_locality_of_today() -> None:
    maps = tilemap.tile_maps()
    assert len(maps["jp"].cells) == 47 and len(maps["vn"].cells) == 34
    assert load("tile_map.yaml")["licence"] == "CC0-1.0"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["countries"]["vn"].pop("vn/ha-noi"), "no tile for vn/ha-noi"),
        (
            lambda d: d["countries"]["vn"].update({"vn/yen-bai": [9, 9]}),
            "countries.vn.vn/yen-bai: not a current locality",
        ),
        (
            lambda d: d["countries"]["jp"].update({"jp/tokyo": [12, 0]}),
            "countries.jp.jp/tokyo: [12, 0] is also jp/hokkaido's tile",
        ),
        (lambda d: d["countries"]["jp"].update({"jp/tokyo": "here"}), "'here' is not [column"),
        (lambda d: d.pop("licence"), "'licence' must say"),
    ],
)
def test_tile_map_data_is_validated_when_it_loads(monkeypatch, change, message: str) -> None:
    import copy

    data = copy.deepcopy(load("tile_map.yaml"))
    change(data)
    monkeypatch.setattr(tilemap, "load", lambda name: data)
    tilemap.tile_maps.cache_clear()
    try:
        with pytest.raises(tilemap.TileMapError, match=message.replace("[", r"\[")):
            tilemap.tile_maps()
    finally:
        tilemap.tile_maps.cache_clear()


def test_raw_html_links_are_directory_urls() -> None:
    assert html_href("localities/jp/gunma.md", "index.md") == "localities/jp/gunma/"
    assert html_href("localities/jp/gunma.md", "localities/index.md") == "jp/gunma/"
    assert html_href("localities/vn/lao-cai.md", "localities/jp/gunma.md") == "../../vn/lao-cai/"
    assert html_href("index.md", "localities/index.md") == "../"
    assert html_href("pdf/vn/x.pdf", "localities/vn/x.md") == "../../../pdf/vn/x.pdf"


def git(folder: Path, *args: str, date: str | None = None) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org")
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """Two corpus articles without a year, committed on known days, and one not committed."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    git(tmp_path, "init", "-q", "-b", "main")
    for name, date in (
        ("fr_02_osaka-hanoi.txt", "2026-01-05T10:00:00+07:00"),
        ("ko_02_hanoi-fukuoka.txt", "2026-03-01T09:30:00+00:00"),
        ("en_02_nara-hanoi.txt", "2026-03-02T00:00:00+00:00"),
    ):
        (seeds / name).write_bytes((CORPUS / name).read_bytes())
        git(tmp_path, "add", ".")
        git(tmp_path, "commit", "-q", "-m", name, date=date)
    (seeds / "en_02_nara-hanoi.txt").write_text(
        "edited later\n" + (CORPUS / "en_02_nara-hanoi.txt").read_text()
    )
    git(tmp_path, "commit", "-qam", "edit", date="2026-06-01T00:00:00+00:00")
    (seeds / "vi_02_hcm-osaka.txt").write_bytes((CORPUS / "vi_02_hcm-osaka.txt").read_bytes())
    return tmp_path


def test_seed_dates_come_from_the_first_commit_in_one_git_call(repository: Path) -> None:
    dates = seed_dates(
        repository / "seeds",
        repository,
        [
            f"seeds/{n}"
            for n in ("fr_02_osaka-hanoi.txt", "en_02_nara-hanoi.txt", "vi_02_hcm-osaka.txt")
        ],
    )
    assert dates == {
        "seeds/fr_02_osaka-hanoi.txt": datetime.datetime(2026, 1, 5, 3, tzinfo=datetime.UTC),
        "seeds/en_02_nara-hanoi.txt": datetime.datetime(2026, 3, 2, tzinfo=datetime.UTC),
    }
    assert first_commit_dates(repository.parent) == {}  # not a repository: no dates


def test_shallow_clone_leaves_its_boundary_seeds_undated(repository: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", f"file://{repository}", str(clone)],
        check=True,
        capture_output=True,
    )
    dates = first_commit_dates(clone / "seeds")
    # The clone holds the last two commits: the first of them is its boundary.
    assert [p.name for p in dates] == []
    full = first_commit_dates(repository / "seeds")
    assert sorted(p.name for p in full) == [
        "en_02_nara-hanoi.txt",
        "fr_02_osaka-hanoi.txt",
        "ko_02_hanoi-fukuoka.txt",
    ]


def test_feed_of_a_real_history(repository: Path) -> None:
    _, report = generate(repository / "seeds", repository / "docs", repository)
    feed = feedparser.parse((repository / "docs" / "feeds" / "all.xml").read_bytes())
    assert not feed.bozo
    by_title = {e.title: e for e in feed.entries}
    assert len(by_title) == 4
    updated = sorted((e.updated, e.summary.split(".")[0]) for e in feed.entries)
    assert updated == [
        ("1970-01-01T00:00:00+00:00", "5 June (year not stated)"),  # not committed yet
        ("2023-10-10T00:00:00+00:00", "10 October 2023"),  # its event, not its commit
        ("2026-01-05T03:00:00+00:00", "18 September (year not stated)"),
        ("2026-03-01T09:30:00+00:00", "12 September (year not stated)"),
    ]
    stamps = [e.updated_parsed for e in feed.entries]
    assert stamps == sorted(stamps, reverse=True)
    assert feed.feed.updated == "2026-03-01T09:30:00+00:00"
    # Committing the last seed changes its feed date: the next generation renders again.
    git(repository, "add", ".")
    git(repository, "commit", "-qm", "add", date="2026-07-01T00:00:00+00:00")
    _, again = generate(repository / "seeds", repository / "docs", repository)
    assert "feeds/all.xml" in again.written


def test_atom_feed_keeps_the_newest_fifty_by_updated() -> None:
    many = assign_paths(
        [brief(f"d{n:03d}", PartialDate(2000 + n % 25, 1 + n % 12, 1)) for n in range(60)]
        + [brief("late", None)]
    )
    added = {"seeds/late.txt": datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)}
    feed = feedparser.parse(atom_feed("feeds/all.xml", "t", many, "", added))
    assert len(feed.entries) == 50
    assert feed.entries[0].id.endswith(":late")  # newest on the site: added in 2030


def test_editors_give_the_source_address_and_outlet(tree) -> None:
    root = tree(
        {
            "seeds/a.txt": (CORPUS / "en_02_nara-hanoi.txt").read_text("utf-8"),
            "seeds/a.meta.yaml": "source_url: https://news.example.vn/a\noutlet: Example News\n",
            "seeds/b.txt": (CORPUS / "fr_02_osaka-hanoi.txt").read_text("utf-8"),
            "seeds/b.meta.yaml": "source_url: not an address\n",
        }
    )
    collected, _ = generate(root / "seeds", root / "docs", root, added={})
    by_id = {b.id: b for b in collected.briefs}
    assert (by_id["a"].source_url, by_id["a"].outlet) == (
        "https://news.example.vn/a",
        "Example News",
    )
    assert by_id["b"].source_url is None
    card = (root / "docs" / by_id["a"].path).read_text("utf-8")
    assert "**Outlet:** Example News" in card
    assert "[https://news.example.vn/a](https://news.example.vn/a)" in card
