"""Printed briefs per locality and region: a print template rendered to PDF by WeasyPrint.

PDFs are made by `briefing build` (into site/pdf/) and `briefing pdf <id>`; a cache keyed by
the HTML's hash means an unchanged locality's PDF is not rendered again.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from babel.numbers import format_decimal

from generator.knowledge import Place, gazetteer, label, load, sectors
from generator.model import Brief, Paragraph, PartialDate
from generator.render import summary
from generator.render.indexes import group_briefs, print_jobs_of
from generator.render.markdown import (
    date_text,
    format_date,
    has_year,
    language_name,
    newest_first,
    outlet_name,
    year_note,
)
from generator.render.paths import pdf_path
from generator.text import shorten
from generator.write import write_if_changed

if TYPE_CHECKING:
    import jinja2

__all__ = ["PrintJob", "build_pdfs", "pdf_path", "print_jobs", "render_pdf"]

log = logging.getLogger("generator")
# WeasyPrint logs every layout step at INFO; only its warnings matter here.
logging.getLogger("weasyprint").setLevel(logging.WARNING)
logging.getLogger("fontTools").setLevel(logging.WARNING)

WORKERS = 2
# Text printed per brief: a news article is a few thousand characters; a 5 MB seed would keep
# WeasyPrint busy for hours. The rest is on the brief's page, and the PDF says so.
PRINT_MAX_CHARS = 20_000
TITLE_MAX_CHARS = 300
# Briefs printed in full per PDF, the most recent first; older ones are listed by date. A
# locality with hundreds of briefs would otherwise print a book nobody reads, and keep
# WeasyPrint busy for minutes. `briefing build --print-full N` changes it; the cover says it.
PRINT_FULL_BRIEFS = 40


def _environment() -> jinja2.Environment:
    # Imported here: the command line imports this module for its options on every run, and
    # only PDF builds need Jinja (25 ms to load).
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        autoescape=jinja2.select_autoescape(["html"]),
    )


def _date_line(brief: Brief) -> str:
    note = year_note(brief.date)
    return date_text(brief.date) + (f" ({note})" if note else "")


def _card(brief: Brief) -> list[tuple[str, str]]:
    places = gazetteer().places
    rows = [
        (label("date"), _date_line(brief)),
        (label("language"), language_name(brief.language)),
        (label("outlet"), outlet_name(brief) or ""),
        (label("source"), brief.source_url or ""),
        (label("localities"), ", ".join(places[p].name for p in brief.localities)),
        (label("cities"), ", ".join(summary.place_label(c) for c in brief.cities)),
        (label("regions"), ", ".join(places[r].name for r in brief.regions)),
        (label("sectors"), ", ".join(sectors()[s].name for s in brief.sectors)),
        (
            label("formal_ties_card"),
            "; ".join(
                f"{summary.place_label(t.vn_place)} – {summary.place_label(t.jp_place)}: "
                f"{summary.tie_words(t, brief)}"
                for t in brief.ties
            ),
        ),
    ]
    return [(name, value) for name, value in rows if value]


def issue_date(briefs: list[Brief], added: Mapping[str, datetime.datetime]) -> str:
    """The date of issue: the latest day the data knows of (a full event date, or a seed's
    first commit), so the same data gives the same cover; never the clock."""
    days = [
        datetime.date(b.date.start.year, b.date.start.month, b.date.start.day)
        for b in briefs
        if has_year(b) and b.date.start.month and b.date.start.day
    ]
    days += [when.date() for when in added.values()]
    if not days:
        return label("date_unknown")
    latest = max(days)
    return format_date(PartialDate(latest.year, latest.month, latest.day))


@dataclass(frozen=True)
class PrintJob:
    """What one locality's or region's PDF needs: its HTML, and where it goes."""

    place_id: str
    html: str

    @property
    def digest(self) -> str:
        """Hash of the HTML (content, template and styles), the cache key."""
        return hashlib.sha256(self.html.encode("utf-8")).hexdigest()[:24]


def _day(iso_date: str) -> str:
    day = datetime.date.fromisoformat(iso_date)
    return format_date(PartialDate(day.year, day.month, day.day))


def _merger_notes(place: Place) -> list[str]:
    places = gazetteer().places
    notes = []
    if place.merged_into:
        notes.append(
            label("merged_note").format(
                name=place.name,
                parent=places[place.merged_into].name,
                date=_day(place.merged_on),
            )
        )
    formers = [places[f] for f in place.formed_from if f != place.id]
    if formers:
        notes.append(
            label("formed_from_note").format(
                name=place.name,
                date=_day(formers[0].merged_on),
                names=", ".join(f.name for f in formers),
            )
            + " "
            + label("history_note")
        )
    return notes


def printed_text(brief: Brief) -> tuple[list[Paragraph], str]:
    """The paragraphs a PDF prints, at most PRINT_MAX_CHARS in all, and the note saying the
    text was shortened ("" when it was not)."""
    total = sum(len(paragraph.text) for paragraph in brief.paragraphs)
    if total <= PRINT_MAX_CHARS:
        return list(brief.paragraphs), ""
    printed: list[Paragraph] = []
    room = PRINT_MAX_CHARS
    for paragraph in brief.paragraphs:
        if room <= 0:
            break
        text = paragraph.text if len(paragraph.text) <= room else shorten(paragraph.text, room)
        printed.append(Paragraph(text, paragraph.caption))
        room -= len(text)
    shown = sum(len(paragraph.text) for paragraph in printed)
    locale = label("locale")
    note = label("print_shortened").format(
        shown=format_decimal(shown, locale=locale), total=format_decimal(total, locale=locale)
    )
    return printed, note


def _brief_entry(brief: Brief, anchor: str) -> dict:
    paragraphs, shortened = printed_text(brief)
    return {
        "anchor": anchor,
        "title": shorten(brief.title, TITLE_MAX_CHARS),
        "language": brief.language,
        "date_text": date_text(brief.date),
        "card": _card(brief),
        "paragraphs": paragraphs,
        "shortened": shortened,
    }


def place_html(
    place: Place,
    briefs: list[Brief],
    added: Mapping[str, datetime.datetime],
    full: int = PRINT_FULL_BRIEFS,
) -> str:
    """The print page of a locality (its briefs, then those of its former provinces) or of a
    region: cover, contents, summary, then its `full` most recent briefs one after another and
    the older ones as a dated list."""
    places = gazetteer().places
    member_ids = {place.id, *place.formed_from, *place.members}
    newest = sorted(briefs, key=newest_first)
    recent = {b.id for b in newest[: max(full, 0)]}
    own = [b for b in newest if not _history(b, place)]
    history = [b for b in newest if _history(b, place)]
    sections = [("", own)] + ([(label("history"), history)] if history else [])
    numbered = iter(range(1, len(briefs) + 1))
    sections_out = [
        {
            "heading": heading,
            "briefs": [
                _brief_entry(b, f"brief-{next(numbered)}") for b in listed if b.id in recent
            ],
            "older": [_older_entry(b) for b in listed if b.id not in recent],
        }
        for heading, listed in sections
    ]
    other = "partners_vn" if place.country == "jp" else "partners_jp"
    counts = [(label("count_briefs"), str(len(briefs)))]
    if history:
        counts.append((label("count_history"), str(len(history))))
    return (
        _environment()
        .get_template("print.html")
        .render(
            labels=load("labels.yaml"),
            lang=label("locale").split("_")[0],
            place_name=place.name,
            kind=label(f"kind_{place.kind}"),
            other_names=list(dict.fromkeys(n for n in place.names.values() if n != place.name)),
            merger_notes=_merger_notes(place),
            issued=issue_date(briefs, added),
            period_lines=summary.period_lines(briefs),
            counts=counts,
            capped=_cap_note(len(recent), len(briefs)) if len(recent) < len(briefs) else "",
            partners=[
                f"{places[p].name} ({count})"
                for p, count in summary.partner_counts(briefs, place.country)
            ]
            if place.kind != "region"
            else [],
            partners_label=label(other),
            # one line per tie: a tie reported in many briefs is printed once, newest first
            ties=list(
                dict.fromkeys(
                    f"{summary.place_label(t.vn_place)} – {summary.place_label(t.jp_place)}: "
                    f"{summary.tie_words(t, b)}"
                    for b in newest
                    for t in b.ties
                    if summary.tie_concerns(t, member_ids)
                )
            ),
            sector_rows=summary.sector_counts(briefs),
            sections=sections_out,
        )
    )


def _cap_note(full: int, total: int) -> str:
    """The cover's note that only the `full` most recent of `total` briefs are printed whole."""
    locale = label("locale")
    return label("print_cap_note").format(
        full=format_decimal(full, locale=locale),
        total=format_decimal(total, locale=locale),
        older=format_decimal(total - full, locale=locale),
    )


def _older_entry(brief: Brief) -> dict:
    """A line of the dated list of briefs not printed in full."""
    source = ", ".join(part for part in (outlet_name(brief), language_name(brief.language)) if part)
    return {
        "date_text": _date_line(brief),
        "title": shorten(brief.title, TITLE_MAX_CHARS),
        "language": brief.language,
        "source": source,
    }


def _history(brief: Brief, place: Place) -> bool:
    """True when a brief is on the page only through a former province of the place."""
    return place.kind != "region" and place.id not in brief.localities


def print_jobs(
    briefs: list[Brief],
    added: Mapping[str, datetime.datetime] | None = None,
    full: int = PRINT_FULL_BRIEFS,
) -> list[PrintJob]:
    """One job per locality and region with briefs (a merged province's briefs also go to its
    successor's), each printing its `full` most recent briefs in full."""
    places = gazetteer().places
    return [
        PrintJob(place_id, place_html(places[place_id], listed, added or {}, full))
        for place_id, listed in print_jobs_of(group_briefs(briefs)).items()
    ]


def render_pdf(html: str) -> bytes:
    """The PDF of a print page (WeasyPrint is imported here: it is slow to load)."""
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


def build_pdfs(
    briefs: list[Brief],
    site_dir: Path,
    cache_dir: Path,
    added: Mapping[str, datetime.datetime] | None = None,
    full: int = PRINT_FULL_BRIEFS,
) -> list[str]:
    """Write every locality's and region's PDF under site_dir, rendering only those whose HTML
    changed."""
    jobs = print_jobs(briefs, added, full)
    cache_dir.mkdir(parents=True, exist_ok=True)
    missing = [job for job in jobs if not (cache_dir / f"{job.digest}.pdf").exists()]
    if missing:
        with ProcessPoolExecutor(max_workers=WORKERS) as pool:
            for job, pdf in zip(
                missing, pool.map(render_pdf, [j.html for j in missing]), strict=True
            ):
                write_if_changed(cache_dir / f"{job.digest}.pdf", pdf)
    written = []
    for job in jobs:
        target = site_dir / pdf_path(job.place_id)
        if write_if_changed(target, (cache_dir / f"{job.digest}.pdf").read_bytes()):
            written.append(pdf_path(job.place_id))
    log.info("PDFs: %d pages, %d rendered, %d written", len(jobs), len(missing), len(written))
    return written
