"""The pipeline: read → clean → extract → link → render → write."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.cache import ExtractionCache, code_version, entry_key
from generator.clean import clean
from generator.extract import extract
from generator.link import brief_ids, link
from generator.model import Brief, Problem, Source
from generator.overrides import apply_overrides
from generator.read import read_seeds
from generator.render import render_site
from generator.write import WriteReport, up_to_date, write_pages

log = logging.getLogger("generator")
LANGUAGE_SHARE_MIN = 0.6  # below this share of its text in one language, a human should look


@dataclass
class Collected:
    """Linked briefs and the problems met on the way."""

    briefs: list[Brief] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class WarningCount(logging.Handler):
    """Counts the warnings logged while it is attached."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        """Count one warning."""
        self.count += 1


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
        date=found.date,
        localities=found.localities,
        cities=found.cities,
        regions=found.regions,
        sectors=found.sectors,
        paragraphs=document.paragraphs,
        ties=found.ties,
        language_share=found.language_share,
    )
    related = source.overrides.get("related")
    if related is not None:
        if isinstance(related, list) and all(isinstance(r, str) for r in related):
            brief = replace(brief, pinned_related=tuple(related))
        else:
            log.warning("%s: override 'related' ignored: must be a list of brief ids", source.path)
    return apply_overrides(brief, source.overrides, source.path)


def collect(seeds_dir: Path, root: Path, use_cache: bool = True) -> Collected:
    """Read, clean, extract and link every seed; one bad seed never stops the others.

    Extractions are cached by content hash under root/.cache/briefing/ (use_cache=False
    extracts everything afresh and leaves the cache alone).
    """
    sources, problems = read_seeds(seeds_dir, root)
    ids = brief_ids([source.name for source in sources])
    cached = ExtractionCache(root) if use_cache else None
    briefs = []
    for source in sources:
        key = entry_key(source, ids[source.name])
        brief = cached.get(key) if cached else None
        if brief is None:
            warnings = WarningCount()
            log.addHandler(warnings)
            try:
                brief = to_brief(source, ids[source.name])
            except Exception as error:  # a bug on one seed must not take the site down
                log.warning("%s: skipped: extraction failed: %r", source.path, error)
                problems.append(Problem(source.path, f"skipped: extraction failed: {error!r}"))
                continue
            finally:
                log.removeHandler(warnings)
            # A brief whose extraction warned is not cached, so the warning comes every run.
            if cached and not warnings.count:
                cached.put(key, brief)
        briefs.append(brief)
    if cached:
        cached.save()
    return Collected(link(briefs), problems)


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
    seeds_dir: Path, docs_dir: Path, root: Path, site_url: str = ""
) -> tuple[Collected, WriteReport]:
    """Seeds to Markdown pages in docs/ (feeds use absolute links when site_url is given).

    When the linked briefs, the site URL and the generator are what the pages were last
    rendered from, nothing is rendered or written.
    """
    collected = collect(seeds_dir, root)
    digest = inputs_digest(collected.briefs, site_url)
    docs_dir.mkdir(parents=True, exist_ok=True)
    unchanged = up_to_date(docs_dir, digest)
    if unchanged is not None:
        return collected, WriteReport(unchanged=unchanged)
    report = write_pages(docs_dir, render_site(collected.briefs, site_url), digest)
    return collected, report


def inputs_digest(briefs: list[Brief], site_url: str) -> str:
    """A digest of everything the generated pages depend on."""
    digest = hashlib.sha256(f"{code_version()}\0{site_url}\0".encode())
    # Canonical JSON, not pickle: pickle's output depends on object identity, so equal
    # briefs (one fresh, one from the cache) could give different digests.
    canonical = [dataclasses.asdict(brief) for brief in briefs]
    digest.update(json.dumps(canonical, sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()
