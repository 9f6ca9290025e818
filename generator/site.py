"""Site stage: MkDocs renders docs/ into site/, or serves it with live reload."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.config import load_config

from generator.model import Brief

HOOKS_DIR = Path(__file__).parent / "hooks"
SERVE_HOOK = HOOKS_DIR / "regenerate.py"
SAFETY_HOOK = HOOKS_DIR / "escape_meta.py"
SEARCH_HOOK = HOOKS_DIR / "search_entries.py"
SHARED_HOOK = HOOKS_DIR / "shared_blocks.py"
DATA_DIR = Path(__file__).parent / "data"
GZIP_TIME_MAX = 2**32 - 1


def source_date_epoch(briefs: list[Brief]) -> int:
    """Seconds since 1970 of the latest event with a year in the data (0 when none): the
    time MkDocs stamps into sitemap.xml and gzip headers, so that builds are reproducible.

    A gzip header holds 0 to 2**32 - 1, so the time is kept in that span (events before
    1970 give 0)."""
    dated = [b.date.start for b in briefs if b.date.start and b.date.start.year]
    dated = [date for date in dated if date.is_valid()]
    if not dated:
        return 0
    latest = max(dated)
    day = datetime.date(latest.year, latest.month or 1, latest.day or 1)
    seconds = int(datetime.datetime.combine(day, datetime.time(), datetime.UTC).timestamp())
    return min(max(seconds, 0), GZIP_TIME_MAX)


def build_site(
    config_file: Path,
    docs_dir: Path,
    site_dir: Path,
    strict: bool,
    briefs: list[Brief],
    site_url: str | None = None,
) -> None:
    """Render the generated Markdown into a static site (raises on a strict-mode warning);
    a site_url wins over mkdocs.yml's (the 404 page needs it under a sub-path)."""
    # A SOURCE_DATE_EPOCH set by the caller wins; otherwise time comes from the data, never
    # from the clock. It is set for this build only.
    own_epoch = "SOURCE_DATE_EPOCH" not in os.environ
    if own_epoch:
        os.environ["SOURCE_DATE_EPOCH"] = str(source_date_epoch(briefs))
    try:
        options = {"site_url": site_url} if site_url else {}
        config = load_config(
            str(config_file),
            docs_dir=str(docs_dir),
            site_dir=str(site_dir),
            strict=strict,
            **options,
        )
        mkdocs_build(config)
    finally:
        if own_epoch:
            del os.environ["SOURCE_DATE_EPOCH"]


def serve_site(config_file: Path, seeds_dir: Path, docs_dir: Path, dev_addr: str | None) -> None:
    """Serve with live reload; a change in seeds/ or in the generator's data files regenerates
    the pages before each rebuild (the hook runs `briefing generate` in a fresh process)."""
    os.environ["BRIEFING_SEEDS"] = str(seeds_dir.resolve())
    os.environ["BRIEFING_DOCS"] = str(docs_dir.resolve())
    os.environ["BRIEFING_CONFIG"] = str(config_file.resolve())
    mkdocs_serve(
        str(config_file),
        livereload=True,
        watch=[str(seeds_dir), str(DATA_DIR)],
        docs_dir=str(docs_dir),
        hooks=[str(SAFETY_HOOK), str(SEARCH_HOOK), str(SHARED_HOOK), str(SERVE_HOOK)],
        **({"dev_addr": dev_addr} if dev_addr else {}),
    )
