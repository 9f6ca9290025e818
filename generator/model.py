"""The nouns of the pipeline: plain dataclasses passed from stage to stage."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Source:
    """A seed file as read from disk."""

    path: str  # as shown to people and written to front matter, e.g. seeds/000_x.txt
    name: str  # file name
    text: str
    encoding: str
    overrides: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of cleaned article text."""

    text: str
    caption: bool = False


@dataclass(frozen=True)
class Document:
    """A seed after cleaning: headline, body paragraphs and source address."""

    source: Source
    headline: str | None
    paragraphs: tuple[Paragraph, ...]
    source_url: str | None
    stamps: tuple[str, ...] = ()  # publication date lines: a year source, not article text
    page_dates: tuple[str, ...] = ()  # date lines of the page's header: the day it was read
    outlet: str | None = None  # the publishing site's name or domain, when the page shows it


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to some precision: any of year, month and day may be missing."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        """ISO 8601 at the known precision: YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD."""
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def with_year(self, year: int) -> PartialDate:
        """The same date in the given year."""
        return PartialDate(year, self.month, self.day)


@dataclass(frozen=True)
class DateInfo:
    """The event date of a brief, with how its year is known."""

    start: PartialDate | None = None
    end: PartialDate | None = None
    year_source: str = "none"
    # How an inferred year is known: stamp | weekday | anniversary | event-name | era |
    # other-date | related (None when the year is written with the date, or unknown).
    year_evidence: str | None = None

    @property
    def date(self) -> str | None:
        """Front-matter form of the start date."""
        return self.start.iso() if self.start else None

    @property
    def date_end(self) -> str | None:
        """Front-matter form of the end date."""
        return self.end.iso() if self.end else None


@dataclass(frozen=True)
class Tie:
    """A formal tie the text states between a Vietnamese and a Japanese place."""

    kind: str  # friendship | memorandum
    vn_place: str  # a locality or city id
    jp_place: str
    year: int | None = None  # the year the tie was made, as the text gives it
    at_event: bool = True  # made at the reported event (False: it existed before)


@dataclass(frozen=True)
class Extraction:
    """What the extract stage found in one document."""

    language: str
    date: DateInfo
    localities: tuple[str, ...]
    cities: tuple[str, ...]
    regions: tuple[str, ...]
    sectors: tuple[str, ...]
    title: str
    title_generated: bool
    ties: tuple[Tie, ...] = ()
    language_share: float = 1.0  # share of the text in the main language
    mentions: tuple[str, ...] = ()  # localities only named in passing


@dataclass(frozen=True)
class Brief:
    """One article ready to render: front-matter fields plus the cleaned text."""

    id: str
    source: str
    source_url: str | None
    title: str
    title_generated: bool
    language: str
    date: DateInfo
    localities: tuple[str, ...]
    cities: tuple[str, ...]
    regions: tuple[str, ...]
    sectors: tuple[str, ...]
    paragraphs: tuple[Paragraph, ...]
    ties: tuple[Tie, ...] = ()
    related: tuple[str, ...] = ()
    pinned_related: tuple[str, ...] = ()  # set by an editor's `related:` override
    language_share: float = 1.0
    path: str = ""  # page path inside docs/, set by the link stage
    mentions: tuple[str, ...] = ()  # localities only named in passing, not what it is about
    outlet: str | None = None  # the publishing site's name or domain

    @property
    def lead(self) -> str:
        """The first body paragraph, used in listings."""
        for paragraph in self.paragraphs:
            if not paragraph.caption:
                return paragraph.text
        return ""


@dataclass(frozen=True)
class Problem:
    """Something in a seed that needs a human."""

    source: str
    message: str
