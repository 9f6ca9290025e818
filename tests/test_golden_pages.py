"""Golden files: every page generated from the five seeds, compared with tests/golden/.

Regenerate on purpose only: `pytest tests/test_golden_pages.py --update-golden`, then review
the diff before committing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.pipeline import generate

from .conftest import SEEDS

GOLDEN = Path(__file__).parent / "golden"


def generated_files(docs: Path) -> dict[str, bytes]:
    return {
        path.relative_to(docs).as_posix(): path.read_bytes()
        for path in sorted(docs.rglob("*"))
        if path.is_file() and not path.name.startswith(".")  # the generator's bookkeeping
    }


def test_generated_pages_match_golden(tmp_path: Path, update_golden: bool) -> None:
    docs = tmp_path / "docs"
    # No commit dates: the feeds' fallback is recorded, whatever the clone's history holds.
    shutil.copytree(SEEDS, tmp_path / "seeds")  # shown as seeds/NAME, cached under tmp_path
    generate(tmp_path / "seeds", docs, tmp_path, added={})
    actual = generated_files(docs)
    if update_golden:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(docs, GOLDEN, ignore=shutil.ignore_patterns(".*"))
    expected = generated_files(GOLDEN)
    assert sorted(actual) == sorted(expected)
    for path, content in expected.items():
        assert actual[path].decode() == content.decode(), path
