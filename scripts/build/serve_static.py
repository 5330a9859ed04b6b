"""Serve a built site on 127.0.0.1 from a background thread."""
from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ics", ".md")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extra_headers: dict[str, str] = {}
    compress = False
    not_found: Path | None = None
    reports: list | None = None
    slow_scripts = 0.0

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def send_head(self):
        """Like a static host: gzip text files when the client accepts it."""
        if self.slow_scripts and "/assets/javascripts/" in self.path and not self.path.endswith("/shb.js") \
                and "/bundle." not in self.path:
            time.sleep(self.slow_scripts)  # a feature script on a slow network (below)
        if not self.compress or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def send_error(self, code, message=None, explain=None):
        """Like GitHub Pages or Netlify: a missing file gets the site's 404
        page, with status 404 (when the server was given one)."""
        if code != 404 or self.not_found is None:
            return super().send_error(code, message, explain)
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_POST(self):
        """Collect the browser's Content-Security-Policy reports (when the
        server was given a list for them); nothing else is posted."""
        if self.reports is None:
            return self.send_error(501, f"Unsupported method ({self.command!r})")
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        try:
            self.reports.append(json.loads(body).get("csp-report", {}))
        except ValueError:
            self.reports.append({"unreadable": body.decode("utf-8", "replace")})
        self.send_response(204)
        self.end_headers()


@contextmanager
def serve(directory: Path, headers: dict[str, str] | None = None, compress: bool = False,
          not_found: Path | None = None, reports: list | None = None, slow_scripts: float | None = None):
    """Yield the base URL (ending in /) of a server for ``directory``.

    ``headers`` go with every response; ``compress`` gzips text files as a
    static host does; ``not_found`` is the page sent, with status 404, for
    any missing address; POSTed policy reports are appended to ``reports``;
    ``slow_scripts`` seconds pass before each feature script (every script of
    the site's own but the kernel) is sent, as on a slow network: the tests
    run so (SHB_SLOW_SCRIPTS) to find what reads the page before a script
    that loads at a press has arrived. Unset, it is SHB_SLOW_SCRIPTS (in
    milliseconds) or none.
    """
    if slow_scripts is None:
        slow_scripts = float(os.environ.get("SHB_SLOW_SCRIPTS") or 0) / 1000
    handler = type("Handler", (_QuietHandler,),
                   {"extra_headers": dict(headers or {}), "compress": compress,
                    "not_found": not_found, "reports": reports, "slow_scripts": slow_scripts})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
