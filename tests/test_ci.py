""".ci/run passes only when every step passed: install, tests (some ran, none failed), ruff.

Each case runs the real script in a copy of the repository. The tool steps are
stand-ins (a fake ``python3`` on PATH that makes a ``.venv`` of small scripts),
so a case takes a second and needs no network; one case runs the real pip
against a package index that cannot be reached.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SKIP = shutil.ignore_patterns(".venv", ".git", "__pycache__", ".pytest_cache", ".ruff_cache",
                              ".hypothesis", "*.egg-info", "build", "dist", "pytest-report.xml")

REPORT = """<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest" tests="{tests}" failures="{failures}" errors="0"
 skipped="{skipped}"></testsuite></testsuites>
"""


def copy_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(ROOT, repo, ignore=SKIP, symlinks=True)
    return repo


def fake_toolchain(tmp_path: Path, *, pip=0, pytest_code=0, report=None, ruff=0) -> dict:
    """A PATH whose ``python3 -m venv`` makes a .venv of stand-ins with these exit codes."""
    bin_dir = tmp_path / "fakebin"
    bin_dir.mkdir()
    report_line = "" if report is None else f"cat > \"$report\" <<'XML'\n{report}XML\n"
    venv_maker = f"""#!/usr/bin/env bash
# stand-in for `python3 -m venv --clear .venv`
target="${{@: -1}}"
mkdir -p "$target/bin"
ln -sf {sys.executable} "$target/bin/python"
printf '#!/usr/bin/env bash\\nexit {pip}\\n' > "$target/bin/pip"
cat > "$target/bin/pytest" <<'SH'
#!/usr/bin/env bash
report="${{1#--junitxml=}}"
{report_line}exit {pytest_code}
SH
printf '#!/usr/bin/env bash\\nexit {ruff}\\n' > "$target/bin/ruff"
chmod +x "$target/bin/pip" "$target/bin/pytest" "$target/bin/ruff"  # not the python link: its target is not ours
"""
    (bin_dir / "python3").write_text(venv_maker)
    (bin_dir / "python3").chmod(0o755)
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}


def run_ci(repo: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", ".ci/run"], cwd=repo, env=env, capture_output=True, text=True,
                          timeout=300)


PASSING = REPORT.format(tests=3, failures=0, skipped=0)


@pytest.mark.parametrize("case, tools", [
    ("install fails", {"pip": 1, "report": PASSING}),
    ("a test fails", {"pytest_code": 1, "report": REPORT.format(tests=3, failures=1, skipped=0)}),
    ("pytest says 0 but a test failed", {"report": REPORT.format(tests=3, failures=1, skipped=0)}),
    ("no test collected", {"pytest_code": 5, "report": REPORT.format(tests=0, failures=0, skipped=0)}),
    ("pytest says 0 but nothing ran", {"report": REPORT.format(tests=0, failures=0, skipped=0)}),
    ("everything skipped", {"report": REPORT.format(tests=4, failures=0, skipped=4)}),
    ("no report written", {"report": None}),
    ("ruff fails", {"report": PASSING, "ruff": 1}),
])
def test_ci_fails_when_any_step_fails(tmp_path, case, tools):
    repo = copy_repo(tmp_path)
    done = run_ci(repo, fake_toolchain(tmp_path, **tools))
    assert done.returncode != 0, (case, done.stdout, done.stderr)
    assert "passed" not in done.stdout.splitlines()[-1], case


def test_ci_fails_after_a_failed_install_even_with_an_old_venv(tmp_path):
    """The bug this guards: `a && b && c` under `set -e` went on with a stale .venv."""
    repo = copy_repo(tmp_path)
    old = repo / ".venv" / "bin"
    old.mkdir(parents=True)
    for tool in ("pip", "pytest", "ruff"):
        (old / tool).write_text("#!/usr/bin/env bash\nexit 0\n")
        (old / tool).chmod(0o755)
    done = run_ci(repo, fake_toolchain(tmp_path, pip=1, report=PASSING))
    assert done.returncode != 0, done.stdout


def test_ci_passes_when_every_step_passes(tmp_path):
    repo = copy_repo(tmp_path)
    done = run_ci(repo, fake_toolchain(tmp_path, report=PASSING))
    assert done.returncode == 0, (done.stdout, done.stderr)
    assert done.stdout.splitlines()[-1] == "ci: tests and ruff passed"


def test_ci_fails_when_the_package_index_cannot_be_reached(tmp_path):
    """The real python3 and pip, with every index and wheel folder out of reach."""
    repo = copy_repo(tmp_path)
    env = {**os.environ, "PIP_CONFIG_FILE": os.devnull, "PIP_INDEX_URL": "http://127.0.0.1:9/simple",
           "PIP_EXTRA_INDEX_URL": "", "PIP_FIND_LINKS": "", "PIP_RETRIES": "0", "PIP_TIMEOUT": "2",
           "PIP_NO_CACHE_DIR": "1"}
    env.pop("VIRTUAL_ENV", None)
    done = run_ci(repo, env)
    assert done.returncode != 0, done.stdout
    assert "ci: running the tests" not in done.stdout
    assert "passed" not in done.stdout
