"""The pipeline: read → clean → extract → link → render → write."""

from __future__ import annotations

import datetime
import hashlib
import logging
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from multiprocessing import get_context
from pathlib import Path

from generator.cache import (
    ExtractionCache,
    Linked,
    SeedIndex,
    code_version,
    entry_key,
    load_linked,
    load_page_keys,
    save_linked,
    save_page_keys,
)
from generator.clean import clean
from generator.extract import extract
from generator.history import seed_dates
from generator.link import brief_ids, link
from generator.model import (
    FIRST_YEAR,
    LAST_YEAR,
    Brief,
    DateInfo,
    PartialDate,
    Problem,
    Seed,
    Source,
)
from generator.overrides import apply_overrides
from generator.read import normalise, read_seed, read_seeds
from generator.render import render_site
from generator.render.memo import PageMemo, brief_digests
from generator.write import (
    WriteReport,
    docs_lock,
    file_signature,
    read_manifest,
    up_to_date,
    write_pages,
)

log = logging.getLogger("generator")
LANGUAGE_SHARE_MIN = 0.6  # below this share of its text in one language, a human should look
PARALLEL_FROM = 200  # fewer fresh seeds are extracted in this process: workers take ~1 s to start
MAX_WORKERS = 4
CHUNK = 25  # seeds sent to a worker at a time


@dataclass
class Collected:
    """Linked briefs and the problems met on the way."""

    briefs: list[Brief] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    extraction_keys: tuple[str, ...] = ()  # one per seed read, in order: what the briefs came from
    added: dict[str, datetime.datetime] = field(default_factory=dict)  # first commit per seed


def _date_text(date: PartialDate) -> str:
    """A date as written in a warning, even one that cannot exist (2025-02-29, 0000-12-03)."""
    parts = [f"{date.year:04d}" if date.year is not None else "-"]
    parts += [f"{part:02d}" for part in (date.month, date.day) if part is not None]
    return "-".join(parts)


def checked_date(info: DateInfo, shown: str) -> DateInfo:
    """The date with what cannot exist dropped, with a warning naming the file: a start
    outside the calendar or the supported years takes its end with it; an end that cannot
    exist, or lies before the start, goes alone."""
    reason = f"not a calendar date between {FIRST_YEAR} and {LAST_YEAR}"
    if info.start is not None and not info.start.is_valid():
        day = PartialDate(None, info.start.month, info.start.day)
        if info.year_source in ("inferred", "related") and day.is_valid():
            # 29 February in a year found elsewhere: the day stands, the year was a guess.
            log.warning(
                "%s: year %d dropped: %s is %s",
                shown,
                info.start.year,
                _date_text(info.start),
                reason,
            )
            end = PartialDate(None, info.end.month, info.end.day) if info.end else None
            return checked_date(DateInfo(day, end), shown)
        log.warning("%s: date %s dropped: %s", shown, _date_text(info.start), reason)
        return DateInfo()
    if info.end is None:
        return info
    if info.start is not None and info.start.year and info.end.year is None:
        info = replace(info, end=info.end.with_year(info.start.year))  # a range is in one year
    if info.start is None:
        why = "there is no start date"
    elif not info.end.is_valid():
        why = reason
    elif info.end_before_start():
        why = f"before the start {info.date}"
    else:
        return info
    log.warning("%s: end date %s dropped: %s", shown, _date_text(info.end), why)
    return replace(info, end=None)


def checked_title(brief: Brief) -> Brief:
    """A title that can be printed: cleaned of characters feeds and pages refuse; an empty
    one becomes the brief's id, with a warning (feed readers need a title)."""
    title = " ".join(normalise(brief.title).split())
    if not title:
        log.warning("%s: no usable title; the brief's id stands for it", brief.source)
        return replace(brief, title=brief.id, title_generated=True)
    return brief if title == brief.title else replace(brief, title=title)


def to_brief(source: Source, brief_id: str) -> Brief:
    """Clean and extract one seed into a brief (no page path yet); editors' overrides win."""
    document = clean(source)
    found = extract(document)
    brief = Brief(
        id=brief_id,
        source=source.path,
        source_url=document.source_url,
        title=found.title,
        title_generated=found.title_generated,
        language=found.language,
        date=checked_date(found.date, source.path),
        localities=found.localities,
        cities=found.cities,
        regions=found.regions,
        sectors=found.sectors,
        paragraphs=document.paragraphs,
        ties=found.ties,
        language_share=found.language_share,
        mentions=found.mentions,
        outlet=document.outlet,
    )
    brief = apply_overrides(brief, source.overrides, source.path)
    return checked_title(replace(brief, date=checked_date(brief.date, source.path)))


def checked_link(linked: list[Brief], extracted: list[Brief]) -> list[Brief]:
    """Linked briefs whose shared year gives a date that cannot exist (29 February of a year
    that has none) keep the date they had, with a warning."""
    before = {brief.id: brief.date for brief in extracted}
    checked = []
    for brief in linked:
        dates = (brief.date.start, brief.date.end)
        if brief.date != before[brief.id] and not all(d is None or d.is_valid() for d in dates):
            log.warning(
                "%s: year of the related briefs not used: %s is not a calendar date",
                brief.source,
                " – ".join(_date_text(d) for d in dates if d is not None),
            )
            brief = replace(brief, date=before[brief.id])
        checked.append(brief)
    return checked


@dataclass(frozen=True)
class Extraction:
    """One seed's extraction: the brief (None when it failed) and what it logged."""

    brief: Brief | None
    messages: tuple[tuple[int, str], ...]  # (level, message), in the order logged
    error: str | None = None


class _Recorder(logging.Handler):
    """Keeps the messages logged while it is attached."""

    def __init__(self) -> None:
        super().__init__(level=logging.INFO)
        self.messages: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep one message."""
        self.messages.append((record.levelno, record.getMessage()))


def extract_one(job: tuple[Source, str]) -> Extraction:
    """Clean and extract one seed, recording its log messages instead of printing them
    (so that messages from worker processes come out in seed order)."""
    source, brief_id = job
    recorder = _Recorder()
    log.addHandler(recorder)
    propagate, log.propagate = log.propagate, False
    try:
        return Extraction(to_brief(source, brief_id), tuple(recorder.messages))
    except Exception as error:  # a bug on one seed must not take the site down
        return Extraction(None, tuple(recorder.messages), repr(error))
    finally:
        log.propagate = propagate
        log.removeHandler(recorder)


def extract_all(jobs: list[tuple[Source, str]]) -> list[Extraction]:
    """Extract seeds in order; many are shared out between the machine's cores."""
    workers = min(len(os.sched_getaffinity(0)), MAX_WORKERS)
    if len(jobs) < PARALLEL_FROM or workers < 2:
        return [extract_one(job) for job in jobs]
    # spawn, not fork: `briefing serve` regenerates from a process that runs threads
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
        return list(pool.map(extract_one, jobs, chunksize=CHUNK))


def collect(seeds_dir: Path, root: Path, use_cache: bool = True) -> Collected:
    """Read, clean, extract and link every seed; one bad seed never stops the others.

    Under root/.cache/briefing/ (use_cache=False reads and extracts everything afresh and
    leaves the caches alone), unchanged seed files are not read again, extractions are cached
    by content hash, and a run over the very extractions of the last run takes its linked
    briefs and repeats its messages instead of linking again.
    """
    seeds, problems = read_seeds(seeds_dir, root, SeedIndex(root) if use_cache else None)
    ids = brief_ids([seed.name for seed in seeds])
    for seed in seeds:
        if seed.name not in ids:  # its id is another seed's (brief_ids warned)
            problems.append(Problem(seed.path, "skipped: its id is another seed's"))
    seeds = [seed for seed in seeds if seed.name in ids]
    keys = tuple(entry_key(seed.content, ids[seed.name]) for seed in seeds)
    linked = load_linked(root, keys) if use_cache else None
    if linked is None:
        linked = extract_and_link(seeds, ids, keys, root, use_cache)
        if use_cache:
            save_linked(root, linked)
    else:
        for level, message in linked.messages:
            log.log(level, "%s", message)
    return Collected(linked.briefs, problems + linked.problems, keys)


def _source_of(seed: Seed, root: Path) -> Source:
    """A seed's text: read now when the index let the read stage skip it."""
    return seed.source or read_seed(seed.file, root, seed.file.parent.resolve())


def extract_and_link(
    seeds: list[Seed], ids: dict[str, str], keys: tuple[str, ...], root: Path, use_cache: bool
) -> Linked:
    """Extract the seeds the extraction cache lacks, link all, and record what extraction and
    linking logged (shown now, and kept for a next run that takes the linked briefs)."""
    messages: list[tuple[int, str]] = []

    def note(level: int, message: str) -> None:
        log.log(level, "%s", message)
        messages.append((level, message))

    cached = ExtractionCache(root) if use_cache else None
    found = [cached.get(key) if cached else None for key in keys]
    problems: list[Problem] = []
    fresh: list[tuple[int, Source]] = []
    for number, seed in enumerate(seeds):
        if found[number] is None:
            try:
                fresh.append((number, _source_of(seed, root)))
            except Exception as error:  # it changed or went away since it was listed
                note(logging.WARNING, f"{seed.path}: skipped: {error}")
                problems.append(Problem(seed.path, f"skipped: {error}"))
    jobs = [(source, ids[source.name]) for _, source in fresh]
    for (number, source), extraction in zip(fresh, extract_all(jobs), strict=True):
        for level, message in extraction.messages:
            note(level, message)
        if extraction.error is not None:
            reason = f"skipped: extraction failed: {extraction.error}"
            note(logging.WARNING, f"{source.path}: {reason}")
            problems.append(Problem(source.path, reason))
            continue
        found[number] = extraction.brief
        # A brief whose extraction warned is not cached, so the warning comes every run.
        warned = any(level >= logging.WARNING for level, _ in extraction.messages)
        if cached and not warned:
            cached.put(keys[number], extraction.brief)
    if cached:
        cached.save()
    briefs = [brief for brief in found if brief is not None]
    recorder = _Recorder()
    log.addHandler(recorder)
    try:
        linked = checked_link(link(briefs), briefs)
    finally:
        log.removeHandler(recorder)
    return Linked(keys, linked, problems, (*messages, *recorder.messages))


def needs_human(brief: Brief) -> list[str]:
    """What a person should check or override in a brief."""
    reasons = []
    if brief.date.start is None:
        reasons.append("no date found")
    elif brief.date.year_source == "none":
        reasons.append("year not stated")
    if not brief.localities:
        reasons.append("no locality found")
    if brief.language == "und":
        reasons.append("language not recognised")
    elif brief.language_share < LANGUAGE_SHARE_MIN:
        reasons.append("language uncertain")
    return reasons


def generate(
    seeds_dir: Path,
    docs_dir: Path,
    root: Path,
    site_url: str = "",
    print_links: bool = False,
    added: dict[str, datetime.datetime] | None = None,
) -> tuple[Collected, WriteReport]:
    """Seeds to Markdown pages in docs/ (feeds use absolute links when site_url is given;
    locality and region pages link their PDFs when print_links is set, for builds that make
    them). `added` maps seed paths to their first commit; by default git is asked.

    When the linked briefs, the site URL, the options and the commit dates are what the pages
    were last rendered from, nothing is rendered or written.
    """
    collected = collect(seeds_dir, root)
    if added is None:
        added = seed_dates(seeds_dir, root, [brief.source for brief in collected.briefs])
    collected.added = added
    digest = inputs_digest(collected, f"{site_url}\0{print_links}")
    with docs_lock(docs_dir):  # a second run waits: its cleanup must not meet this one's files
        unchanged = up_to_date(docs_dir, digest)
        if unchanged is not None:
            return collected, WriteReport(unchanged=unchanged)
        memo = page_memo(collected.briefs, docs_dir, root)
        pages = render_site(collected.briefs, site_url, added, print_links, memo)
        report = write_pages(docs_dir, pages, digest, memo.kept)
        remember_pages(root, docs_dir, memo, report)
    return collected, report


def page_memo(briefs: list[Brief], docs_dir: Path, root: Path) -> PageMemo:
    """A memo that keeps the pages whose inputs are unchanged and whose file is still the one
    written from them (same size, time and inode; owned by the generator)."""
    stored = load_page_keys(root)
    owned = read_manifest(docs_dir) or set()

    def reusable(path: str, key: str) -> bool:
        entry = stored.get(path)
        return (
            entry is not None
            and entry[0] == key
            and path in owned
            and file_signature(docs_dir / path) == entry[1]
        )

    return PageMemo(code_version(), brief_digests(briefs), reusable)


def remember_pages(root: Path, docs_dir: Path, memo: PageMemo, report: WriteReport) -> None:
    """Record the key of every page now on disk as this run wrote or kept it."""
    keys = {}
    for path in (*report.written, *report.unchanged):
        signature = file_signature(docs_dir / path)
        if path in memo.keys and signature is not None:
            keys[path] = (memo.keys[path], signature)
    save_page_keys(root, keys)


def inputs_digest(collected: Collected, options: str) -> str:
    """A digest of everything the generated pages depend on."""
    # Linking is a pure function of the seeds' extractions, and each extraction key already
    # covers a seed's text, overrides, id and the generator's code and data: hashing the keys
    # is as exact as hashing the linked briefs, and far cheaper.
    digest = hashlib.sha256(f"{code_version()}\0{options}\0".encode())
    for key in collected.extraction_keys:
        digest.update(key.encode())
    for source, when in sorted(collected.added.items()):
        digest.update(f"{source}\0{when.isoformat()}\0".encode())
    return digest.hexdigest()
