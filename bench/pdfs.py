"""Benchmark: every locality's and region's PDF at N seeds, as `briefing build` makes them.

    python bench/pdfs.py [N] [--corpus corpus|pages] [--print-full K]     (default N: 10000)

Makes the synthetic project of bench/run.py, generates it (not timed), then prints the wall
time and peak memory (/usr/bin/time -v, worker processes included) of rendering every PDF from
scratch on 2 workers and again with nothing changed, the number of PDFs, their size, and the
pages of the longest one.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import ROOT, project_for, size_mib, timed  # noqa: E402

from generator.pdf import PRINT_FULL_BRIEFS  # noqa: E402

RENDER = """
import sys
from pathlib import Path
from generator.pdf import build_pdfs
from generator.pipeline import collect

if __name__ == "__main__":
    briefs = collect(Path("seeds"), Path.cwd()).briefs
    build_pdfs(briefs, Path("site"), Path(".cache/briefing/pdf"), {}, int(sys.argv[1]))
"""


def pages_of(pdf: Path) -> int:
    """The page count pdfinfo reports."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"Pages:\s+(\d+)", info.stdout)[1])


def main() -> None:
    """Run the benchmark and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", nargs="?", type=int, default=10_000)
    parser.add_argument("--corpus", choices=("corpus", "pages"), default="corpus")
    parser.add_argument("--print-full", type=int, default=PRINT_FULL_BRIEFS)
    args = parser.parse_args()
    print("| N | step | seconds | peak MiB |\n|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="briefing-pdfs-") as work:
        project = project_for(args.size, Path(work), ROOT / "tests" / args.corpus)
        timed([sys.executable, "-P", "-m", "generator", "generate"], project)
        script = project / "render_pdfs.py"
        script.write_text(RENDER, encoding="utf-8")
        command = [sys.executable, "-P", str(script), str(args.print_full)]
        for step in ("every PDF from scratch (2 workers)", "again, nothing changed"):
            wall, peak = timed(command, project)
            print(f"| {args.size} | {step} | {wall:.1f} | {peak:.0f} |", flush=True)
        pdfs = sorted((project / "site" / "pdf").rglob("*.pdf"))
        longest = max(pages_of(pdf) for pdf in pdfs)
        print(f"| {args.size} | PDFs written | {len(pdfs)} | |")
        print(f"| {args.size} | their size (MiB) | {size_mib(project / 'site' / 'pdf'):.1f} | |")
        print(f"| {args.size} | pages of the longest | {longest} | |")


if __name__ == "__main__":
    main()
