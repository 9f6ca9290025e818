"""Command line: briefing generate | build | serve | check."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Sequence
from pathlib import Path

import yaml

from generator.cache import CACHE_ROOT
from generator.overrides import suggestion
from generator.pdf import PRINT_FULL_BRIEFS
from generator.pipeline import Collected, collect, generate, needs_human
from generator.read import WarningCount

log = logging.getLogger("generator")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefing", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, summary in (
        ("generate", "seeds → Markdown pages in docs/"),
        ("build", "generate, then render the site with MkDocs"),
        ("serve", "generate, then serve with live reload (regenerates when a seed changes)"),
        ("check", "list what needs a human in each seed"),
        ("pdf", "make one locality's or region's printed brief (PDF) on demand"),
    ):
        command = commands.add_parser(name, help=summary, description=summary)
        command.add_argument("--seeds", type=Path, default=Path("seeds"), help="seed folder")
        command.add_argument("--strict", action="store_true", help="fail on any warning")
        if name == "pdf":
            command.add_argument("locality", help="locality or region id, e.g. vn/quang-ninh")
            command.add_argument("-o", "--output", type=Path, help="PDF file to write")
        if name not in ("check", "pdf"):
            command.add_argument("--docs", type=Path, default=Path("docs"), help="docs folder")
            command.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
        if name == "build":
            command.add_argument("--site", type=Path, default=Path("site"), help="output folder")
            command.add_argument(
                "--site-url",
                default=None,
                help="the published address (wins over mkdocs.yml's site_url): feeds' links, "
                "and the 404 page when the site is served under a sub-path",
            )
            command.add_argument(
                "--no-pdf", action="store_true", help="skip the per-locality PDFs (site only)"
            )
        if name in ("build", "pdf"):
            command.add_argument(
                "--print-full",
                type=_count,
                default=PRINT_FULL_BRIEFS,
                metavar="N",
                help="briefs printed in full per PDF, the most recent; older ones are listed by "
                f"date (default {PRINT_FULL_BRIEFS})",
            )
        if name == "serve":
            command.add_argument("--dev-addr", default=None, help="IP:PORT to serve on")
    return parser


def _count(text: str) -> int:
    """A whole number of at least 0 (an argparse type)."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"not a whole number of at least 0: {text!r}")
    return int(text)


def _check_seeds(folder: Path) -> bool:
    if folder.is_dir():
        return True
    log.error("%s: seed folder not found", folder)
    return False


def site_url_of(config_file: Path) -> str:
    """The site_url of mkdocs.yml with a final slash, or "" when it has none."""
    try:
        config = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return ""
    url = str(config.get("site_url") or "")
    return url if not url or url.endswith("/") else url + "/"


def _site_url(args: argparse.Namespace) -> str:
    url = getattr(args, "site_url", None)
    if url:
        return url if url.endswith("/") else url + "/"
    return site_url_of(args.config_file)


def run_generate(args: argparse.Namespace) -> Collected:
    """Generate pages and report what was written (build: with print links unless --no-pdf)."""
    print_links = args.command == "build" and not args.no_pdf
    collected, report = generate(args.seeds, args.docs, Path.cwd(), _site_url(args), print_links)
    print(
        f"{len(collected.briefs)} briefs; {len(report.written)} pages written, "
        f"{len(report.unchanged)} unchanged, {len(report.deleted)} deleted, "
        f"{len(report.refused)} refused, {len(collected.problems)} seeds skipped"
    )
    return collected


def run_check(args: argparse.Namespace) -> None:
    """Print every seed that needs a human, and why."""
    collected = collect(args.seeds, Path.cwd())  # unusable seeds are logged as they are read
    for brief in collected.briefs:
        for reason in needs_human(brief):
            fix = suggestion(brief, reason)
            sidecar = brief.source.rsplit(".", 1)[0] + ".meta.yaml"
            log.warning(
                "%s: %s; to settle it, write in %s:  %s", brief.source, reason, sidecar, fix
            )
    print(f"{len(collected.briefs)} briefs checked, {len(collected.problems)} seeds unusable")


def run_pdf(args: argparse.Namespace) -> int:
    """Write one locality's PDF."""
    from generator.history import seed_dates
    from generator.pdf import pdf_path, print_jobs, render_pdf

    briefs = collect(args.seeds, Path.cwd()).briefs
    added = seed_dates(args.seeds, Path.cwd(), [brief.source for brief in briefs])
    jobs = {job.place_id: job for job in print_jobs(briefs, added, args.print_full)}
    if args.locality not in jobs:
        log.error("%s: no briefs name this place; known: %s", args.locality, ", ".join(jobs))
        return 2
    output = args.output or Path("site") / pdf_path(args.locality)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(render_pdf(jobs[args.locality].html))
    print(f"{output}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `briefing` command; returns the exit status."""
    args = _parser().parse_args(argv)
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO)
    counter = WarningCount()
    log.addHandler(counter)
    if not _check_seeds(args.seeds):
        return 2
    if args.command == "pdf":
        return run_pdf(args)
    if args.command == "check":
        run_check(args)
        collected = None
    else:
        collected = run_generate(args)
    if args.command == "build":
        from generator.pdf import build_pdfs
        from generator.site import build_site

        build_site(
            args.config_file, args.docs, args.site, args.strict, collected.briefs, args.site_url
        )
        if not args.no_pdf:
            build_pdfs(
                collected.briefs, args.site, CACHE_ROOT / "pdf", collected.added, args.print_full
            )
    elif args.command == "serve":
        from generator.site import serve_site

        serve_site(args.config_file, args.seeds, args.docs, args.dev_addr)
    if args.strict and counter.count:
        log.error("%d warning(s) in strict mode", counter.count)
        return 1
    return 0
