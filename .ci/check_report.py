"""Fail unless a pytest JUnit report shows tests that ran and none that failed.

pytest's exit code already says "failed" or "nothing collected"; this is the
second lock, for a run that exits 0 without having tested anything (a wrong
test path, a conftest that skips everything, a stubbed pytest).
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def verdict(path: Path) -> tuple[bool, str]:
    if not path.is_file():
        return False, f"no test report at {path}: pytest did not run"
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        return False, f"the test report {path} is not readable: {error}"
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for suite in suites:
        for name in counts:
            counts[name] += int(suite.get(name, "0"))
    ran = counts["tests"] - counts["skipped"]
    summary = ", ".join(f"{value} {name}" for name, value in counts.items())
    if counts["failures"] or counts["errors"]:
        return False, f"tests failed: {summary}"
    if ran <= 0:
        return False, f"no test ran: {summary}"
    return True, summary


def main(argv: list[str]) -> int:
    ok, message = verdict(Path(argv[0]) if argv else Path(".ci/pytest-report.xml"))
    print(f"ci: {message}", file=sys.stdout if ok else sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
