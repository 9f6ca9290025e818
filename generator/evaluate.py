"""Score extraction against annotations in the form of tests/gold_seeds.yaml.

    python -m generator.evaluate [--corpus DIR] [--annotations FILE] [--verbose]

Prints precision, recall and F1 for localities, cities, regions and sectors (places and
sectors marked optional count neither way), language accuracy, date accuracy, and the number
of invented years (a year given where the annotation says the text has none).
"""

from __future__ import annotations

import argparse
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.extract.places import fold
from generator.knowledge import Place, gazetteer
from generator.model import Brief
from generator.pipeline import collect

DEFAULT_CORPUS = Path("seeds")
FIELDS = ("localities", "cities", "regions", "sectors")
DEFAULT_ANNOTATIONS = Path("tests/gold_seeds.yaml")


def _names(place: Place) -> set[str]:
    return {fold(name) for name in (*place.names.values(), place.name)}


def place_id(name: str, country: str | None = None) -> str:
    """The id of a prefecture, province or region as annotations name it ("Đắk Lắk")."""
    matches = [
        place.id
        for place in gazetteer().places.values()
        if place.kind != "city"
        and (country is None or place.country == country)
        and fold(name) in _names(place)
    ]
    if len(matches) != 1:
        raise ValueError(f"annotation names {name!r}, which matches {matches or 'no place'}")
    return matches[0]


def city_id(annotation: str) -> str:
    """The id of a city annotated as "Buôn Ma Thuột (Đắk Lắk)"."""
    city, parent = annotation.rstrip(")").split(" (")
    parent_id = place_id(parent)
    for place in gazetteer().cities():
        if place.parent == parent_id and fold(city) in _names(place):
            return place.id
    raise ValueError(f"annotation names the city {annotation!r}, which is not in the gazetteer")


@dataclass(frozen=True)
class Expected:
    """One annotated document, with names resolved to ids."""

    file: str
    language: str
    date: str | None
    date_end: str | None
    year: str
    title: str | None  # None: the text has no headline, the title must be generated
    localities: frozenset[str]
    cities: frozenset[str]
    regions: frozenset[str]
    optional_places: frozenset[str]
    sectors: frozenset[str]
    optional_sectors: frozenset[str]


def _iso(value: Any) -> str | None:
    return None if value is None else str(value)  # YAML reads 2025-11-25 as a date


def expected(annotation: dict[str, Any]) -> Expected:
    """Resolve an annotation's names to gazetteer ids."""
    full_date = annotation.get("full_date") if annotation["year"] == "related" else None
    return Expected(
        file=annotation["file"],
        language=annotation["language"],
        date=_iso(full_date or annotation.get("date")),
        date_end=_iso(annotation.get("date_end")),
        year=annotation["year"],
        title=annotation.get("title"),
        localities=frozenset(
            [place_id(n, "vn") for n in annotation["vn"]]
            + [place_id(n, "jp") for n in annotation["jp"]]
        ),
        cities=frozenset(city_id(c) for c in annotation["cities"]),
        regions=frozenset(place_id(n) for n in annotation["regions"]),
        optional_places=frozenset(place_id(n) for n in annotation.get("optional", [])),
        sectors=frozenset(annotation["sectors"]),
        optional_sectors=frozenset(annotation.get("optional_sectors", [])),
    )


def load_annotations(path: Path) -> list[Expected]:
    """Every annotation of a file."""
    return [expected(a) for a in yaml.safe_load(path.read_text(encoding="utf-8"))]


@dataclass
class Counts:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, found: set[str], wanted: frozenset[str], optional: frozenset[str]) -> None:
        """Count one document (optional items count neither way)."""
        self.tp += len(found & wanted)
        self.fp += len(found - wanted - optional)
        self.fn += len(wanted - found)

    @property
    def precision(self) -> float:
        """Share of found items that were wanted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of wanted items that were found."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    """Every figure the scorer prints."""

    documents: int = 0
    fields: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in FIELDS})
    language_correct: int = 0
    date_correct: int = 0
    title_correct: int = 0
    invented_years: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def language_accuracy(self) -> float:
        """Share of documents whose language is right."""
        return self.language_correct / self.documents if self.documents else 1.0

    @property
    def title_accuracy(self) -> float:
        """Share of documents whose headline is found, or generated when there is none."""
        return self.title_correct / self.documents if self.documents else 1.0

    @property
    def date_accuracy(self) -> float:
        """Share of documents whose date and end date are exactly right."""
        return self.date_correct / self.documents if self.documents else 1.0


def _has_year(iso_date: str | None) -> bool:
    return bool(iso_date) and not iso_date.startswith("--")


def score_document(scores: Scores, brief: Brief, gold: Expected) -> None:
    """Add one document's comparison to the scores."""
    scores.documents += 1
    regions = frozenset(p for p in gold.optional_places if gazetteer().places[p].kind == "region")
    checks = {
        "localities": (set(brief.localities), gold.localities, gold.optional_places),
        "cities": (set(brief.cities), gold.cities, frozenset()),
        "regions": (set(brief.regions), gold.regions, regions),
        "sectors": (set(brief.sectors), gold.sectors, gold.optional_sectors),
    }
    for name, (found, wanted, optional) in checks.items():
        scores.fields[name].add(found, wanted, optional)
        wrong = (found - wanted - optional) | (wanted - found)
        if wrong:
            scores.errors.append(
                f"{gold.file}: {name}: found {sorted(found)} want {sorted(wanted)}"
            )
    if brief.language == gold.language:
        scores.language_correct += 1
    else:
        scores.errors.append(f"{gold.file}: language {brief.language} want {gold.language}")
    if (brief.date.date, brief.date.date_end) == (gold.date, gold.date_end):
        scores.date_correct += 1
    else:
        scores.errors.append(
            f"{gold.file}: date {brief.date.date}..{brief.date.date_end} "
            f"want {gold.date}..{gold.date_end}"
        )
    if (brief.title_generated, None if brief.title_generated else brief.title) == (
        gold.title is None,
        gold.title,
    ):
        scores.title_correct += 1
    else:
        scores.errors.append(f"{gold.file}: title {brief.title!r} want {gold.title!r}")
    if _has_year(brief.date.date) and gold.year == "none":
        scores.invented_years += 1


def evaluate(corpus: Path, annotations: Path) -> Scores:
    """Run the pipeline on a corpus folder and score it against its annotations."""
    golds = load_annotations(annotations)
    # Always extract afresh: a score must measure the extractor, not a cache.
    briefs = {Path(b.source).name: b for b in collect(corpus, corpus, use_cache=False).briefs}
    scores = Scores()
    for gold in golds:
        if gold.file not in briefs:
            raise ValueError(f"{corpus / gold.file}: annotated but not turned into a brief")
        score_document(scores, briefs[gold.file], gold)
    return scores


def report(scores: Scores) -> str:
    """The scores as a small table."""
    lines = [f"documents: {scores.documents}", "field        precision  recall   F1"]
    for name, counts in scores.fields.items():
        lines.append(f"{name:<12} {counts.precision:9.3f} {counts.recall:7.3f} {counts.f1:6.3f}")
    lines += [
        f"language accuracy: {scores.language_accuracy:.3f}",
        f"date accuracy: {scores.date_accuracy:.3f}",
        f"title accuracy: {scores.title_accuracy:.3f}",
        f"invented years: {scores.invented_years}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the scores of a corpus."""
    parser = argparse.ArgumentParser(prog="python -m generator.evaluate", description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--annotations", type=Path, default=DEFAULT_ANNOTATIONS)
    parser.add_argument("--verbose", action="store_true", help="list every disagreement")
    args = parser.parse_args(argv)
    logging.basicConfig(format="%(levelname)-7s -  %(message)s")
    scores = evaluate(args.corpus, args.annotations)
    print(report(scores))
    if args.verbose:
        print("\n".join(scores.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
