"""Accuracy gate: the scorer's figures on the annotated corpora, held at the level reached.

Raise a threshold when extraction improves; never lower one to make a change pass. Four
corpora, kept apart because they prove different things: the five seeds the product was
designed from, the short corpus written alongside the first extractor (tests/corpus), the
page-shaped corpus that extraction is developed on (tests/pages) and the held-out pages that
nobody tunes on (tests/heldout).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.evaluate import Scores, evaluate, main

from .conftest import ROOT

TESTS = Path(__file__).parent
CORPORA = {
    "seeds": (ROOT / "seeds", TESTS / "gold_seeds.yaml"),
    "corpus": (TESTS / "corpus", TESTS / "corpus" / "annotations.yaml"),
    "pages": (TESTS / "pages", TESTS / "pages"),
    "heldout": (TESTS / "heldout", TESTS / "heldout"),
}

# F1 per field reached on 2026-11-23. The short corpus annotates every sector a text names
# even once in passing (its annotations were written alongside a keyword matcher); since
# sectors need evidence (a headline, a lead confirmed, a sentence about the cooperation, a
# list of fields or repeated words) its sector F1 is 0.919, and the page corpora's rose from
# 0.59-0.64 to 0.86-0.90 under the seeds' convention.
# The page corpus grew from 72 to 96 documents on 2026-11-23 (24 written and annotated by
# people who never saw the extractor); its thresholds were set again from the figures on all
# 96, which are lower for cities, regions, sectors and tie precision because the new pages
# were not tuned on (on the new 24 alone: cities 0.74, regions 0.74, sectors 0.87, tie
# precision 0.71). Titles, dates and cleaning were then fixed on them: titles 16 → 24 of 24,
# dates 17 → 21 of 24, furniture left 10 → 0 of 501 lines.
REACHED_F1 = {
    "seeds": {"localities": 1.0, "cities": 1.0, "regions": 1.0, "sectors": 0.98},
    "corpus": {"localities": 1.0, "cities": 1.0, "regions": 1.0, "sectors": 0.91},
    "pages": {
        "localities": 0.98,
        "mentions": 0.87,
        "cities": 0.83,
        "regions": 0.82,
        "sectors": 0.89,
    },
    "heldout": {
        "localities": 0.98,
        "mentions": 0.86,
        "cities": 0.85,
        "regions": 0.82,
        "sectors": 0.85,
    },
}
# A wrong tie is misinformation: precision is held, recall is reported.
REACHED_TIE_PRECISION = {"pages": 0.78, "heldout": 0.82}
REACHED_DATES = {"seeds": 1.0, "corpus": 1.0, "pages": 0.96, "heldout": 0.79}
REACHED_TITLES = {"seeds": 1.0, "corpus": 1.0, "pages": 0.98, "heldout": 0.95}
# Furniture lines left in briefs, and phrases of article text lost, at most.
REACHED_CLEANING = {"pages": (1, 1), "heldout": (6, 1)}


@pytest.fixture(scope="module")
def scores() -> dict[str, Scores]:
    return {name: evaluate(*paths) for name, paths in CORPORA.items()}


def test_corpora_are_big_and_multilingual() -> None:
    for name in ("corpus", "pages", "heldout"):
        languages = [path.name.split("_", 1)[0] for path in CORPORA[name][0].glob("*.txt")]
        assert set(languages) == {"vi", "ja", "en", "fr", "id", "zh", "ko", "de"}, name
        assert len(languages) >= 24, name
    pages = [path.name for path in CORPORA["pages"][0].glob("*.txt")]
    assert len(pages) >= 96


@pytest.mark.parametrize("corpus", list(CORPORA))
def test_scores_hold(corpus: str, scores: dict[str, Scores]) -> None:
    found = scores[corpus]
    for field, reached in REACHED_F1[corpus].items():
        assert found.fields[field].f1 >= reached, (field, found.errors)
    if corpus in REACHED_TIE_PRECISION:
        assert found.fields["ties"].precision >= REACHED_TIE_PRECISION[corpus], found.errors
    assert found.language_accuracy == 1.0, found.errors
    assert found.date_accuracy >= REACHED_DATES[corpus], found.errors
    assert found.title_accuracy >= REACHED_TITLES[corpus], found.errors
    assert found.invented_years == 0, found.errors
    if corpus in REACHED_CLEANING:
        furniture, lost = REACHED_CLEANING[corpus]
        assert found.furniture_left <= furniture and found.keep_lost <= lost, found.errors


def test_scorer_prints_its_table(capsys) -> None:
    assert (
        main(
            [
                "--corpus",
                str(ROOT / "seeds"),
                "--annotations",
                str(ROOT / "tests" / "gold_seeds.yaml"),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "localities       1.000   1.000  1.000" in out
    assert "invented years: 0" in out


def test_optional_items_count_neither_way() -> None:
    from generator.evaluate import Counts

    counts = Counts()
    counts.add({"a", "b", "x"}, frozenset({"a", "c"}), frozenset({"b"}))
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 1)
    assert counts.precision == counts.recall == counts.f1 == 0.5
