"""Benchmark: documents per second for extraction alone (read → clean → extract, in memory).

    python bench/extract_speed.py [N]     (default N = 10000)

The documents are made deterministically from the test corpus: each is a corpus article
with its place names swapped for other gazetteer places and its years moved by up to nine
years back or one forward (random.Random(N) picks both), so that events spread over time as
a real archive's do; most articles that state no year get a publication stamp line.
"""

from __future__ import annotations

import random
import re
import sys
import time
from pathlib import Path

from generator.knowledge import gazetteer
from generator.model import Source
from generator.pipeline import to_brief

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
YEAR = re.compile(r"(?<!\d)20[0-3]\d(?!\d)")


def synthetic_sources(count: int, corpus: Path = CORPUS) -> list[Source]:
    """`count` varied articles in the corpus's eight languages (`corpus`: tests/corpus, or
    tests/pages for real-shaped pages with their furniture)."""
    rng = random.Random(count)
    articles = sorted(corpus.glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in articles]
    places = gazetteer()
    names = {country: [p.name for p in places.localities(country)] for country in ("jp", "vn")}
    sources = []
    for number in range(count):
        text = texts[number % len(texts)]
        for pool in names.values():
            for place in pool:
                if place in text and rng.random() < 0.5:
                    text = text.replace(place, rng.choice(pool))
        shift = rng.randint(-9, 1)
        if YEAR.search(text):
            text = YEAR.sub(lambda year, shift=shift: str(int(year[0]) + shift), text)
        elif rng.random() < 0.8:  # most saved pages carry a publication stamp with the year
            text = f"{rng.randint(1, 28):02d}/12/{2024 + shift} 09:30\n{text}"
        sources.append(Source(f"seeds/{number:05d}.txt", f"{number:05d}.txt", text, "utf-8"))
    return sources


def main() -> None:
    """Print documents per second."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    sources = synthetic_sources(count)
    to_brief(sources[0], "warm-up")  # load the language models and compile patterns first
    started = time.perf_counter()
    for number, source in enumerate(sources):
        to_brief(source, str(number))
    elapsed = time.perf_counter() - started
    print(f"extraction: {count} documents in {elapsed:.1f} s = {count / elapsed:.0f} documents/s")


if __name__ == "__main__":
    main()
