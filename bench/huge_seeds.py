"""Benchmark: the largest seeds the reader accepts (just under 5 MB), generated and printed.

    python bench/huge_seeds.py

Makes two seeds in a temporary project, one 4.9 MB "word" (no space at all) and 4.9 MB of
words, and prints the wall time of `generate` (reading, extraction, linking, every page) and of
each locality's PDF. Language detection reads a sample of each document and a PDF prints at
most PRINT_MAX_CHARS of a brief's text, so both stay bounded whatever the seed.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from generator.pdf import PRINT_MAX_CHARS, print_jobs, render_pdf
from generator.pipeline import generate

SIZE = 4_900_000
HEADLINE = "Gunma và Quảng Ninh thúc đẩy hợp tác du lịch\n"
LEAD = "Ngày 3/4/2024, đoàn công tác tỉnh Gunma đã làm việc với tỉnh Quảng Ninh.\n"
SEEDS = {
    "one-word": HEADLINE + LEAD + "a" * SIZE + "\n",
    "words": HEADLINE + LEAD + ("hợp tác du lịch Gunma Quảng Ninh " * (SIZE // 40)) + "\n",
}


def main() -> int:
    """Print the figures for each huge seed."""
    print(f"PDFs print at most {PRINT_MAX_CHARS:,} characters of a brief's text.")
    print("| seed | bytes | generate (s) | PDFs (s) |")
    print("|---|---|---|---|")
    for name, text in SEEDS.items():
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            seeds = root / "seeds"
            seeds.mkdir()
            (seeds / f"{name}.txt").write_text(text, encoding="utf-8")
            started = time.perf_counter()
            collected, _ = generate(seeds, root / "docs", root)
            generated = time.perf_counter() - started
            started = time.perf_counter()
            jobs = print_jobs(collected.briefs)
            for job in jobs:
                render_pdf(job.html)
            printed = time.perf_counter() - started
            size = len(text.encode("utf-8"))
            print(f"| {name} | {size:,} | {generated:.1f} | {printed:.1f} ({len(jobs)} PDFs) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
