"""The link stage: same-event relations between briefs."""

from __future__ import annotations

import datetime
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.link import find_related, link, reports_agree
from generator.model import Brief, DateInfo, Paragraph, PartialDate
from generator.render.brief import render_brief

LOCALITIES = ["jp/mie", "jp/nara", "vn/hue", "vn/long-an"]


def _days(info: DateInfo) -> set[tuple[int, int]]:
    start = info.start
    if start is None or start.day is None:
        return set()
    first = datetime.date(start.year or 2024, start.month, start.day)
    end = info.end or start
    last = datetime.date(end.year or first.year, end.month, end.day)
    count = max((last - first).days, 0) + 1
    return {((d := first + datetime.timedelta(n)).month, d.day) for n in range(count)}


def _same_event(a: Brief, b: Brief) -> bool:
    """The definition, pair by pair: a common day (years not in conflict), a common locality."""
    if a.date.start is None or b.date.start is None:
        return False
    years = (a.date.start.year, b.date.start.year)
    if None not in years and years[0] != years[1]:
        return False
    shared = bool(_days(a.date) & _days(b.date)) and bool(set(a.localities) & set(b.localities))
    return shared and reports_agree(a, b)


dates = st.one_of(
    st.none(),
    st.builds(
        PartialDate,
        year=st.sampled_from([None, 2023, 2024]),
        month=st.integers(1, 2),
        day=st.sampled_from([None, 1, 2, 28]),
    ),
)


@st.composite
def briefs(draw: st.DrawFn) -> list[Brief]:
    """A handful of briefs on a few days and places, some with multi-day events."""
    made = []
    for number in range(draw(st.integers(0, 8))):
        start = draw(dates)
        end = None
        if start is not None and start.day is not None and draw(st.booleans()):
            end = PartialDate(start.year, start.month, min(start.day + 2, 28))
        places = tuple(sorted(draw(st.sets(st.sampled_from(LOCALITIES), max_size=2))))
        made.append(
            Brief(
                id=f"{number:05d}",
                source=f"seeds/{number}.txt",
                source_url=None,
                title="t",
                title_generated=False,
                language="en",
                date=DateInfo(start, end, "text"),
                localities=places,
                cities=(),
                regions=(),
                sectors=(),
                paragraphs=(),
            )
        )
    return made


@settings(max_examples=200, deadline=None)
@given(briefs())
def test_related_briefs_are_exactly_the_pairs_about_the_same_event(made: list[Brief]) -> None:
    """Bucketing by day and locality finds every same-event pair and no other."""
    expected = {
        a.id: tuple(sorted(b.id for b in made if b is not a and _same_event(a, b))) for a in made
    }
    found = find_related(made)
    assert {a.id: found.get(a.id, ()) for a in made} == expected


def test_a_brief_page_links_ten_reports_of_its_event_and_counts_the_rest() -> None:
    """Dozens of reports of one event: the fact card links ten, the front matter lists all."""
    made = [
        Brief(
            id=f"{number:05d}",
            source=f"seeds/{number}.txt",
            source_url=None,
            title=f"Report {number}",
            title_generated=False,
            language="en",
            date=DateInfo(PartialDate(2024, 5, 1), None, "text"),
            localities=("jp/mie",),
            cities=(),
            regions=(),
            sectors=(),
            paragraphs=(),
        )
        for number in range(13)
    ]
    linked = link(made)
    page = render_brief(linked[0], {brief.id: brief for brief in linked})
    card_line = next(line for line in page.splitlines() if "Also reported in" in line)
    assert card_line.count("](") == 10
    assert card_line.endswith("; and 2 more")
    assert page.count("\n- '000") + page.count("\n- 000") == 12  # related ids in front matter


def _report(number: int, title: str, lead: str, localities: tuple[str, ...]) -> Brief:
    return Brief(
        id=f"{number:05d}",
        source=f"seeds/{number}.txt",
        source_url=None,
        title=title,
        title_generated=False,
        language="en",
        date=DateInfo(PartialDate(None, 9, 19), None, "none"),
        localities=localities,
        cities=(),
        regions=(),
        sectors=(),
        paragraphs=(Paragraph(lead),),
    )


def test_reports_of_one_event_agree_across_languages() -> None:
    vietnamese = _report(
        1,
        "Quảng Ninh tiếp đoàn tỉnh Gunma",
        "Sáng 19/9, Chủ tịch tỉnh Quảng Ninh tiếp Thống đốc Yamamoto Ichita và 16.000 lao động.",
        ("jp/gunma", "vn/quang-ninh"),
    )
    indonesian = _report(
        2,
        "Gubernur Gunma bertemu pemimpin Quang Ninh",
        "Pada 19 September, Gubernur Yamamoto Ichita dari Gunma tiba di Quang Ninh.",
        ("jp/gunma", "vn/quang-ninh"),
    )
    assert reports_agree(vietnamese, indonesian)


def test_aid_from_two_prefectures_on_one_day_is_two_events() -> None:
    okayama = _report(
        1, "Okayama sends aid to Quang Ninh", "Okayama sent pumps.", ("jp/okayama", "vn/quang-ninh")
    )
    hiroshima = _report(
        2,
        "Hiroshima sends aid to Quang Ninh",
        "Hiroshima sent tents.",
        ("jp/hiroshima", "vn/quang-ninh"),
    )
    assert not reports_agree(okayama, hiroshima)
    assert find_related([okayama, hiroshima]) == {}


def test_a_year_is_lent_only_by_a_report_of_the_same_event() -> None:
    dated = replace(
        _report(
            1,
            "Seminar in Hue",
            "The Mie delegation met Hue officials on 19 September 2024.",
            ("jp/mie", "vn/hue"),
        ),
        date=DateInfo(PartialDate(2024, 9, 19), None, "text"),
    )
    unrelated = _report(
        2, "Students from Nara visit Hue", "Fifty pupils toured the citadel.", ("jp/nara", "vn/hue")
    )
    linked = {b.id: b for b in link([dated, unrelated])}
    assert linked["00002"].date.start == PartialDate(None, 9, 19)
    assert linked["00002"].related == ()
