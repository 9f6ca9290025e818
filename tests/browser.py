"""Headless Chromium (Debian's chromium and chromium-driver) against a site served locally."""

from __future__ import annotations

import functools
import io
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = os.environ.get("BRIEFING_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("BRIEFING_CHROMEDRIVER", "/usr/bin/chromedriver")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (a free port) for the duration of the block."""
    with serve_under(site, "/") as url:
        yield url


@contextmanager
def chromium(tmp_path: Path) -> Iterator[webdriver.Chrome]:
    """A headless Chromium with no background network traffic and a fresh profile."""
    if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
        raise RuntimeError(
            f"Chromium not found ({CHROMIUM}, {CHROMEDRIVER}): run `make test`, which installs "
            "Debian's chromium and chromium-driver, or set BRIEFING_CHROMIUM/BRIEFING_CHROMEDRIVER"
        )
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ):
        options.add_argument(flag)
    # Keep the network log and the console for the checks that read them.
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


class PrefixHandler(QuietHandler):
    """Serves the site under a path prefix, and its 404.html (status 404) for any missing
    page, as GitHub Pages serves a project site."""

    prefix = "/"

    def send_head(self):  # noqa: ANN201 - stdlib override
        if not self.path.startswith(self.prefix):
            self.send_error(404)
            return None
        self.path = "/" + self.path[len(self.prefix) :]
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            target = target / "index.html"
        if not target.exists():
            not_found = Path(self.directory) / "404.html"
            body = not_found.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()


@contextmanager
def serve_under(site: Path, prefix: str) -> Iterator[str]:
    """A server for `site` under `prefix` ("/vn-jp/"); yields its root URL. The server is
    started first, so that a site can be built for its address before it is browsed."""
    handler = functools.partial(
        type("Handler", (PrefixHandler,), {"prefix": prefix}), directory=str(site)
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
