"""Printed briefs per locality: a print template rendered to PDF by WeasyPrint.

PDFs are made by `briefing build` (into site/pdf/) and `briefing pdf <locality-id>`; a cache
keyed by the HTML's hash means an unchanged locality's PDF is not rendered again.
"""

from __future__ import annotations

import hashlib
import logging
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from babel.numbers import format_decimal
from jinja2 import Environment, PackageLoader, select_autoescape

from generator.knowledge import Place, gazetteer, label, load, sectors
from generator.model import Brief, Paragraph
from generator.render import summary
from generator.render.indexes import briefs_by_locality, locality_pages
from generator.render.markdown import format_date, language_name, newest_first
from generator.text import shorten
from generator.write import write_if_changed

log = logging.getLogger("generator")
# WeasyPrint logs every layout step at INFO; only its warnings matter here.
logging.getLogger("weasyprint").setLevel(logging.WARNING)
logging.getLogger("fontTools").setLevel(logging.WARNING)

PDF_ROOT = "pdf"
WORKERS = 2
# Text printed per brief: a news article is a few thousand characters; a 5 MB seed would keep
# WeasyPrint busy for hours. The rest is on the brief's page, and the PDF says so.
PRINT_MAX_CHARS = 20_000
TITLE_MAX_CHARS = 300


def pdf_path(locality_id: str) -> str:
    """Site path of a locality's PDF, e.g. pdf/vn/quang-ninh.pdf."""
    return f"{PDF_ROOT}/{locality_id}.pdf"


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("generator", "templates"), autoescape=select_autoescape(["html"])
    )


def _date_text(brief: Brief) -> str:
    return format_date(brief.date.start) if brief.date.start else label("date_unknown")


def _card(brief: Brief) -> list[tuple[str, str]]:
    places = gazetteer().places
    rows = [
        (label("date"), _date_text(brief)),
        (label("language"), language_name(brief.language)),
        (label("localities"), ", ".join(places[p].name for p in brief.localities)),
        (label("cities"), ", ".join(summary.place_label(c) for c in brief.cities)),
        (label("regions"), ", ".join(places[r].name for r in brief.regions)),
        (label("sectors"), ", ".join(sectors()[s].name for s in brief.sectors)),
        (label("source"), brief.source_url or ""),
        (label("source_file"), brief.source),
    ]
    return [(name, value) for name, value in rows if value]


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


def _brief_entry(brief: Brief) -> dict:
    paragraphs, shortened = printed_text(brief)
    return {
        "title": shorten(brief.title, TITLE_MAX_CHARS),
        "language": brief.language,
        "date_text": _date_text(brief),
        "card": _card(brief),
        "paragraphs": paragraphs,
        "shortened": shortened,
    }


@dataclass(frozen=True)
class PrintJob:
    """What one locality's PDF needs: its HTML, and where it goes."""

    locality_id: str
    html: str

    @property
    def digest(self) -> str:
        """Hash of the HTML (content, template and styles), the cache key."""
        return hashlib.sha256(self.html.encode("utf-8")).hexdigest()[:24]


def locality_html(place: Place, briefs: list[Brief]) -> str:
    """The print page of a locality (its briefs and those of its former provinces)."""
    places = gazetteer().places
    ordered = sorted(briefs, key=newest_first)
    dated = [b.date.start for b in briefs if b.date.start and b.date.start.year]
    merged_note = ""
    if place.merged_into:
        merged_note = label("merged_note").format(
            name=place.name, parent=places[place.merged_into].name, date=place.merged_on
        )
    other = "partners_vn" if place.country == "jp" else "partners_jp"
    return (
        _environment()
        .get_template("print.html")
        .render(
            labels=load("labels.yaml"),
            place_name=place.name,
            other_names=list(dict.fromkeys(n for n in place.names.values() if n != place.name)),
            merged_note=merged_note,
            period=summary.period(briefs),
            data_as_of=format_date(max(dated)) if dated else label("date_unknown"),
            partners=[
                f"{places[p].name} ({count})"
                for p, count in summary.partner_counts(briefs, place.country)
            ],
            partners_label=label(other),
            ties=[
                f"{summary.place_label(t.vn_place)} – {summary.place_label(t.jp_place)}: "
                f"{label('tie_' + t.kind)} ({_date_text(b)})"
                for b in ordered
                for t in b.ties
                if summary.tie_concerns(t, {place.id, *place.formed_from})
            ],
            sector_rows=summary.sector_counts(briefs),
            briefs=[_brief_entry(b) for b in ordered],
        )
    )


def print_jobs(briefs: list[Brief]) -> list[PrintJob]:
    """One job per locality page (a merged province's briefs also go to its successor's)."""
    places = gazetteer().places
    return [
        PrintJob(locality_id, locality_html(places[locality_id], listed.own + listed.history))
        for locality_id, listed in locality_pages(briefs_by_locality(briefs)).items()
    ]


def render_pdf(html: str) -> bytes:
    """The PDF of a print page (WeasyPrint is imported here: it is slow to load)."""
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


def build_pdfs(briefs: list[Brief], site_dir: Path, cache_dir: Path) -> list[str]:
    """Write every locality's PDF under site_dir, rendering only those whose HTML changed."""
    jobs = print_jobs(briefs)
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
        target = site_dir / pdf_path(job.locality_id)
        if write_if_changed(target, (cache_dir / f"{job.digest}.pdf").read_bytes()):
            written.append(pdf_path(job.locality_id))
    log.info("PDFs: %d localities, %d rendered, %d written", len(jobs), len(missing), len(written))
    return written
