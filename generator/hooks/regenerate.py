"""MkDocs hook for `briefing serve`: regenerate the pages from seeds/ before each build."""

from __future__ import annotations

import os
from pathlib import Path

from generator.pipeline import generate


def on_pre_build(config):  # noqa: ARG001 - MkDocs hook signature
    """Regenerate docs/ (unchanged pages are not rewritten, so this does not loop)."""
    generate(Path(os.environ["BRIEFING_SEEDS"]), Path(os.environ["BRIEFING_DOCS"]), Path.cwd())
