"""MkDocs hook for `briefing serve`: regenerate the pages from seeds/ before each build.

Generation runs in a fresh process, so that an edited data file (gazetteer, sectors...) or
generator module is read again, and with the site URL of mkdocs.yml, as `briefing build`
uses it: an unchanged site is then not rendered again.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys

log = logging.getLogger("generator")


def generate_command() -> list[str]:
    """The `briefing generate` command for the folders `briefing serve` was given."""
    return [
        sys.executable,
        "-P",  # the installed generator, not a folder of that name in the working directory
        "-m",
        "generator",
        "generate",
        "--seeds",
        os.environ["BRIEFING_SEEDS"],
        "--docs",
        os.environ["BRIEFING_DOCS"],
        "--config-file",
        os.environ["BRIEFING_CONFIG"],
    ]


def on_pre_build(config):  # noqa: ARG001 - MkDocs hook signature
    """Regenerate docs/ (unchanged pages are not rewritten, so this does not loop)."""
    result = subprocess.run(generate_command(), check=False)
    if result.returncode != 0:
        log.warning("briefing generate failed (exit status %d)", result.returncode)
