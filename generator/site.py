"""Site stage: MkDocs renders docs/ into site/, or serves it with live reload."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.config import load_config

HOOKS_DIR = Path(__file__).parent / "hooks"
SERVE_HOOK = HOOKS_DIR / "regenerate.py"
SAFETY_HOOK = HOOKS_DIR / "escape_meta.py"


def build_site(config_file: Path, docs_dir: Path, site_dir: Path, strict: bool) -> None:
    """Render the generated Markdown into a static site (raises on a strict-mode warning)."""
    config = load_config(
        str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir), strict=strict
    )
    mkdocs_build(config)


def serve_site(config_file: Path, seeds_dir: Path, docs_dir: Path, dev_addr: str | None) -> None:
    """Serve with live reload; a change in seeds/ regenerates the pages before each rebuild."""
    os.environ["BRIEFING_SEEDS"] = str(seeds_dir.resolve())
    os.environ["BRIEFING_DOCS"] = str(docs_dir.resolve())
    mkdocs_serve(
        str(config_file),
        livereload=True,
        watch=[str(seeds_dir)],
        docs_dir=str(docs_dir),
        hooks=[str(SAFETY_HOOK), str(SERVE_HOOK)],
        **({"dev_addr": dev_addr} if dev_addr else {}),
    )
