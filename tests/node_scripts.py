"""The handbook's browser scripts, run by Node for tests that need no browser.

``NodeScripts("kernel", "timeline")`` starts one Node process that loads the
scripts as they are in the repository (tests/js/load.mjs stands in for the
page) and answers calls of their pure functions, one JSON line each way.
"""
from __future__ import annotations

import json
import shutil
import subprocess

from scripts.build.sitebuild import ROOT


class NodeScripts:
    def __init__(self, *scripts: str) -> None:
        node = shutil.which("node")
        assert node, "Node.js is needed for the script tests (make test installs the npm packages with it)"
        self._process = subprocess.Popen([node, str(ROOT / "tests" / "js" / "call.mjs"), *scripts],
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)

    def __call__(self, path: str, *args):
        """Call window.shb.<path>(*args); a thrown error fails the test with its message."""
        self._process.stdin.write(json.dumps({"path": path, "args": list(args)}) + "\n")
        self._process.stdin.flush()
        answer = json.loads(self._process.stdout.readline())
        assert "error" not in answer, f"{path}{tuple(args)} threw: {answer['error']}"
        return answer["ok"]

    def close(self) -> None:
        self._process.stdin.close()
        self._process.wait(timeout=10)
