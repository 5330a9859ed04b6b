"""The browser scripts' pure functions, tested with Node's own test runner:
every *.test.mjs under tests/ (or beside a feature's script under macros/),
run by `node --test`; in the unit tier, so `make test-fast` runs them too."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from scripts.build.sitebuild import ROOT

NODE_TESTS = sorted(p.relative_to(ROOT).as_posix() for folder in ("tests", "macros")
                    for p in (ROOT / folder).rglob("*.test.mjs"))


@pytest.mark.skipif(not NODE_TESTS, reason="no *.test.mjs to run")
def test_the_node_unit_tests_pass():
    node = shutil.which("node")
    assert node, "the JavaScript unit tests need Node.js (`node --test`); install it (.ci/run does)"
    result = subprocess.run([node, "--test", *NODE_TESTS], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, f"node --test failed:\n{result.stdout}\n{result.stderr}"
