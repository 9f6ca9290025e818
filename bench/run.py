"""Benchmark: the generator and the site build at N seeds, against plain MkDocs + Material.

    python bench/run.py [N ...] [--repeat K] [--skip-full-nav-above N] [--skip-pdf-above N]
                        [--corpus corpus|pages]                        (default: 100 1000)

For each N it makes a synthetic corpus (bench/extract_speed.synthetic_sources, deterministic
from N), then prints the median wall time and peak memory (/usr/bin/time -v) of:
  1. briefing generate from scratch      2. briefing generate again, nothing changed
  3. the same with one seed edited
  4. briefing build from scratch (no cache, no generated file), site only (--no-pdf), then
     again with nothing changed, with one seed edited, and with one seed added; the same with
     the per-locality PDFs (rendered on 2 workers)
  5. the peer: plain `mkdocs build` with Material's defaults over the same Markdown,
     (a) with every page in the navigation and (b) with brief pages out of it,
and the ratios, the size of the built site, and search: Pagefind's indexing time alone, the
size of its index (site/pagefind/) and the bytes a reader's browser downloads for a two-word
query typed into the search box of the home page, first query included (headless Chromium,
served uncompressed, so scripts count at full size).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))
from extract_speed import CORPUS, synthetic_sources  # noqa: E402

from generator.write import INPUTS, MANIFEST, read_manifest  # noqa: E402

BIN = Path(sys.executable).parent
SEARCH_QUERIES = ("hop tac", "gunma tourism")  # two words each: Vietnamese unaccented, English

PEER_CONFIG = """site_name: Peer
theme:
  name: material
{nav}
"""
PEER_NAV_OUT = """nav:
  - index.md
  - localities/index.md
  - sectors/index.md
  - timeline.md
not_in_nav: |
  /briefs/
  /localities/*/
  /regions/
  /sectors/*.md
  /partnerships/
"""


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of one run."""
    result = subprocess.run(
        ["/usr/bin/time", "-v", *command], cwd=cwd, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"{command} failed:\n{result.stderr[-2000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", result.stderr)
    hours, minutes, seconds = wall.groups()
    elapsed = int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)[1])
    return elapsed, peak / 1024


def median_of(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def size_mib(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def project_for(count: int, work: Path, corpus: Path = CORPUS) -> Path:
    """A project folder with `count` synthetic seeds made from `corpus`, and the hand-written
    files."""
    project = work / f"n{count}-{corpus.name}"
    seeds = project / "seeds"
    seeds.mkdir(parents=True)
    for source in synthetic_sources(count, corpus):
        (seeds / source.name).write_text(source.text, encoding="utf-8")
    for name in ("mkdocs.yml", "overrides", "docs/about.md", "docs/stylesheets"):
        target = project / name
        target.parent.mkdir(parents=True, exist_ok=True)
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy
        copy(ROOT / name, target)
    shutil.copytree(ROOT / "generator" / "hooks", project / "generator" / "hooks")
    return project


def peer_build(project: Path, nav: str, name: str) -> tuple[float, float, Path]:
    """Plain MkDocs + Material over a copy of the generated Markdown."""
    peer = project.parent / f"{project.name}-{name}"
    shutil.rmtree(peer, ignore_errors=True)
    shutil.copytree(project / "docs", peer / "docs", ignore=shutil.ignore_patterns(".*"))
    (peer / "mkdocs.yml").write_text(PEER_CONFIG.format(nav=nav), encoding="utf-8")
    wall, peak = timed([str(BIN / "mkdocs"), "build", "-q"], peer)
    return wall, peak, peer / "site"


class CountingHandler(SimpleHTTPRequestHandler):
    """Serves the site quietly and counts the bytes of the files it sends (a web worker's
    requests are not in the page's network log)."""

    sent: list[tuple[str, int]] = []

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass

    def copyfile(self, source, outputfile) -> None:
        data = source.read()
        # Pagefind's index files are gzip already; a host compresses its scripts and JSON.
        compressible = self.path.split("?")[0].endswith((".js", ".json"))
        zipped = len(gzip.compress(data)) if compressible else len(data)
        CountingHandler.sent.append((self.path, len(data), zipped))
        outputfile.write(data)


def query_bytes(site: Path, query: str, work: Path) -> tuple[int, int, int, int]:
    """Bytes the server sends for one query typed on the home page (after the page itself has
    loaded), the same with HTTP compression of scripts and JSON, requests, and results."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from tests.browser import chromium

    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(CountingHandler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with chromium(work) as driver:
            driver.get(url)
            WebDriverWait(driver, 30).until(
                lambda d: d.execute_script("return document.readyState") == "complete"
            )
            CountingHandler.sent.clear()  # the page's own load is not the query's
            box = driver.find_element(By.CSS_SELECTOR, "input.md-search__input")
            box.click()
            box.send_keys(query)
            WebDriverWait(driver, 120).until(
                lambda d: d.find_elements(By.CSS_SELECTOR, ".md-search-result__item")
            )
            driver.execute_script("return new Promise(done => setTimeout(done, 2000))")
            status = driver.find_element(By.CSS_SELECTOR, ".md-search-result__meta").text
    finally:
        server.shutdown()
        server.server_close()
    sent = list(CountingHandler.sent)
    results = int((re.findall(r"\d+", status) or ["0"])[0])
    raw = sum(size for _, size, _ in sent)
    return raw, sum(zipped for _, _, zipped in sent), len(sent), results


def search_rows(count: int, site: Path, work: Path) -> list[str]:
    """Pagefind's indexing time alone, its index size, and the bytes of one query."""
    index = [
        sys.executable,
        "-P",
        "-c",
        "import sys; from generator.site import index_site; index_site(sys.argv[1])",
        str(site),
    ]
    wall, peak = timed(index, site.parent)
    rows = [f"| {count} | search: Pagefind indexing of the built site | {wall:.2f} | {peak:.0f} |"]
    rows.append(
        f"| {count} | search index, site/pagefind (MiB) | {size_mib(site / 'pagefind'):.1f} | |"
    )
    for query in SEARCH_QUERIES:
        raw, zipped, requests, results = query_bytes(site, query, work / "chromium")
        rows.append(
            f'| {count} | search: KiB downloaded for "{query}", first query ({requests} '
            f"requests, {results} results; {zipped / 1024:.0f} KiB if the host compresses "
            f"scripts) | {raw / 1024:.0f} | |"
        )
    return rows


def from_scratch(project: Path) -> None:
    """Remove every cache and generated file (those in the generator's manifest), as on a
    fresh clone."""
    shutil.rmtree(project / ".cache", ignore_errors=True)
    shutil.rmtree(project / "site", ignore_errors=True)
    docs = project / "docs"
    for path in read_manifest(docs) or ():
        (docs / path).unlink(missing_ok=True)
    for name in (MANIFEST, INPUTS):
        (docs / name).unlink(missing_ok=True)


def bench(
    count: int, repeat: int, full_nav: bool, pdfs: bool, work: Path, corpus: Path = CORPUS
) -> list[str]:
    """Rows of the results table for one corpus size."""
    project = project_for(count, work, corpus)
    briefing = [sys.executable, "-P", "-m", "generator"]
    rows = []

    def row(step: str, wall: float, peak: float) -> None:
        rows.append(f"| {count} | {step} | {wall:.2f} | {peak:.0f} |")

    def scratch_runs(*args: str) -> tuple[float, float]:
        runs = []
        for _ in range(repeat):
            from_scratch(project)
            runs.append(timed([*briefing, *args], project))
        return median_of(runs)

    def again(*args: str) -> tuple[float, float]:
        return median_of([timed([*briefing, *args], project) for _ in range(repeat)])

    row("generate, from scratch", *scratch_runs("generate"))
    row("generate, nothing changed", *again("generate"))
    edited = sorted((project / "seeds").iterdir())[0]

    def edit(number: int) -> None:  # a closing paragraph that shows in the brief
        closing = f"Both sides agreed to exchange {number + 2} delegations of students next year."
        edited.write_text(edited.read_text(encoding="utf-8") + f"\n{closing}\n", "utf-8")

    edits = []
    for number in range(repeat):
        edit(number)
        edits.append(timed([*briefing, "generate"], project))
    row("generate, one seed edited", *median_of(edits))
    build_wall, build_peak = scratch_runs("build", "--no-pdf")
    row("briefing build from scratch, site (generate + MkDocs + Pagefind)", build_wall, build_peak)
    row("briefing build, nothing changed, site", *again("build", "--no-pdf"))
    builds = []
    for number in range(repeat):
        edit(repeat + number)
        builds.append(timed([*briefing, "build", "--no-pdf"], project))
    row("briefing build, one seed edited, site", *median_of(builds))
    builds = []
    for number in range(repeat):  # a second report of an event: its related pages change too
        added = project / "seeds" / f"zz_added_{number}.txt"
        added.write_text(edited.read_text(encoding="utf-8"), encoding="utf-8")
        builds.append(timed([*briefing, "build", "--no-pdf"], project))
    row("briefing build, one seed added, site", *median_of(builds))
    if pdfs:
        row("briefing build from scratch, site + PDFs (2 workers)", *scratch_runs("build"))
        row("briefing build, nothing changed, site + PDFs", *again("build"))
    out_wall, out_peak, _ = peer_build(project, PEER_NAV_OUT, "peer-nav-out")
    row("peer: mkdocs build, briefs out of nav", out_wall, out_peak)
    if full_nav:
        all_wall, all_peak, _ = peer_build(project, "", "peer-full-nav")
        row("peer: mkdocs build, every page in nav", all_wall, all_peak)
        rows.append(
            f"| {count} | ratio site build / peer (full nav) | {build_wall / all_wall:.2f} | |"
        )
    rows.append(f"| {count} | ratio site build / peer (nav out) | {build_wall / out_wall:.2f} | |")
    site = project / "site"
    rows.append(f"| {count} | site size (MiB) | {size_mib(site):.1f} | |")
    return rows + search_rows(count, site, project.parent)


def main() -> None:
    """Run the benchmark and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--skip-full-nav-above",
        type=int,
        default=2000,
        help="every-page-in-nav peer grows with N²: skip it above this N",
    )
    parser.add_argument(
        "--skip-pdf-above",
        type=int,
        default=1000,
        help="builds with PDFs render every locality's briefs: skip them above this N",
    )
    parser.add_argument(
        "--corpus",
        choices=("corpus", "pages"),
        default="corpus",
        help="make the seeds from tests/corpus (articles) or tests/pages (real-shaped saved "
        "pages, furniture included)",
    )
    args = parser.parse_args()
    corpus = ROOT / "tests" / args.corpus
    print(f"Seeds made from {corpus.relative_to(ROOT)}/\n")
    print("| N | step | median seconds | peak MiB |\n|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as work:
        for count in args.sizes:
            full_nav = count <= args.skip_full_nav_above
            pdfs = count <= args.skip_pdf_above
            for line in bench(count, args.repeat, full_nav, pdfs, Path(work), corpus):
                print(line, flush=True)


if __name__ == "__main__":
    main()
