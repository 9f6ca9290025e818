"""Benchmark: the clean stage against jusText on the annotated page corpora.

    .venv/bin/pip install -e ".[bench]"
    .venv/bin/python bench/cleaning.py [corpus folder ...]   (default tests/pages tests/heldout)

jusText (PyPI `justext`) classes the paragraphs of an HTML page as boilerplate or text by
their length, link density and share of stop words, with stop lists for about 100 languages.
A saved page here is text, one line per block, so each line becomes one <p> of a page it
reads. Both are scored the way `generator.evaluate` scores a brief: annotated furniture lines
left in the text, annotated phrases of the article lost, and whether the headline comes first
(jusText has no notion of a headline: its first kept paragraph is taken as one). Prints the
figures per corpus and per language; nothing is written.
"""

from __future__ import annotations

import html
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import justext

from generator.clean import clean
from generator.evaluate import Expected, left_in, load_annotations, normal_title
from generator.read import read_seed

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = [ROOT / "tests" / "pages", ROOT / "tests" / "heldout"]
# jusText's stop lists by our language codes; it has none for Japanese and Chinese, where a
# text has no spaces to count words by.
STOPLISTS = {
    "vi": "Vietnamese",
    "en": "English",
    "fr": "French",
    "id": "Indonesian",
    "de": "German",
    "ko": "Korean",
}


@dataclass
class Tally:
    """Furniture left, article text lost and headlines right, over some documents."""

    documents: int = 0
    furniture: int = 0
    furniture_left: int = 0
    phrases: int = 0
    phrases_lost: int = 0
    headlines: int = 0
    headlines_right: int = 0
    seconds: float = 0.0

    def add(self, gold: Expected, title: str, paragraphs: list[str], seconds: float) -> None:
        """Score one document's kept title and paragraphs against its annotation."""
        kept = [_spaced(p) for p in paragraphs]
        everything = " ".join([_spaced(title), *kept])
        self.documents += 1
        self.seconds += seconds
        self.furniture += len(gold.furniture)
        self.furniture_left += sum(left_in(_spaced(line), kept) for line in gold.furniture)
        self.phrases += len(gold.keep)
        self.phrases_lost += sum(_spaced(phrase) not in everything for phrase in gold.keep)
        if gold.title is not None:
            self.headlines += 1
            self.headlines_right += normal_title(title) == normal_title(gold.title)

    def row(self, name: str) -> str:
        """One line of the table."""
        furniture = f"{self.furniture_left}/{self.furniture}"
        lost = f"{self.phrases_lost}/{self.phrases}"
        headlines = f"{self.headlines_right}/{self.headlines}"
        per_document = 1000 * self.seconds / max(self.documents, 1)
        counts = f"{self.documents:>4} {furniture:>9} {lost:>7} {headlines:>8}"
        return f"{name:<20} {counts} {per_document:7.1f}"


@dataclass
class Comparison:
    """Both cleaners' tallies, overall and per language."""

    ours: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    justext: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))


def _spaced(text: str) -> str:
    return " ".join(text.split())


def ours(path: Path, language: str) -> tuple[str, list[str]]:
    """The clean stage's headline and body paragraphs (captions aside, as a brief shows them)."""
    document = clean(read_seed(path, path.parent))
    return document.headline or "", [p.text for p in document.paragraphs if not p.caption]


def with_justext(path: Path, language: str) -> tuple[str, list[str]]:
    """jusText's kept paragraphs of the page, each line a paragraph; the first is the title."""
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    page = "<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in lines if line)
    stoplist = justext.get_stoplist(STOPLISTS[language]) if language in STOPLISTS else frozenset()
    kept = [
        p.text for p in justext.justext(page + "</body></html>", stoplist) if not p.is_boilerplate
    ]
    return (kept[0], kept[1:]) if kept else ("", [])


def compare(folders: list[Path]) -> dict[str, Comparison]:
    """Run both cleaners over every annotated document of each folder."""
    results = {}
    for folder in folders:
        comparison = Comparison()
        for gold in load_annotations(folder):
            path = folder / gold.file
            for tallies, cleaner in ((comparison.ours, ours), (comparison.justext, with_justext)):
                start = time.perf_counter()
                title, paragraphs = cleaner(path, gold.language)
                seconds = time.perf_counter() - start
                for key in ("all", gold.language):
                    tallies[key].add(gold, title, paragraphs, seconds)
        results[folder.name] = comparison
    return results


def main(argv: list[str]) -> int:
    """Print the comparison table."""
    folders = [Path(arg) for arg in argv] or DEFAULT_CORPORA
    header = "cleaner / language   docs furniture    lost headline  ms/doc"
    for name, comparison in compare(folders).items():
        print(f"\n{name}\n{header}")
        for label, tallies in (("clean stage", comparison.ours), ("jusText", comparison.justext)):
            print(tallies["all"].row(label))
            for language in sorted(k for k in tallies if k != "all"):
                print(tallies[language].row(f"  {language}"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
