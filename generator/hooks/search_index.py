"""MkDocs hook for `briefing serve`: index each rebuild for search, so the served site's search
box finds what the pages now say (`briefing build` indexes once, in generator/site.py)."""

from __future__ import annotations

from pathlib import Path

from generator.site import index_site


def on_post_build(config):
    """Run Pagefind over the folder MkDocs has just built."""
    index_site(Path(config.site_dir))
