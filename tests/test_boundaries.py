"""Architecture rules: domain modules and plain commands never import Textual;
the catalogs are complete in both languages; paths are private."""

from __future__ import annotations

import os
import pkgutil
import string
import subprocess
import sys
from pathlib import Path

import pytest

import tui

UI_PACKAGES = ("tui.app", "tui.screens", "tui.widgets")
ROOT = Path(__file__).resolve().parent.parent


def domain_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(tui.__path__, "tui."):
        if info.name.startswith(UI_PACKAGES) or info.name == "tui.__main__":
            continue
        names.append(info.name)
    return sorted(names)


def test_there_are_domain_modules_to_check():
    assert {"tui.cli", "tui.drawing", "tui.decks.loader", "tui.paths"} <= set(domain_modules())


@pytest.mark.parametrize("name", domain_modules())
def test_domain_module_does_not_import_textual(name):
    code = f"import sys, {name}; sys.exit(1 if any(m == 'textual' or m.startswith('textual.') for m in sys.modules) else 0)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, f"{name} imports textual" + done.stderr


PLAIN_COMMANDS = [["today"], ["draw", "--json"], ["decks"], ["deck", "validate", "decks/nl/volgende-stap.yaml"],
                  ["deck", "print", "volgende-stap"], ["--help"], ["journal"], ["search", "x"], ["stats"]]


@pytest.mark.parametrize("argv", PLAIN_COMMANDS, ids=lambda a: " ".join(a))
def test_plain_command_does_not_import_textual(argv, kaart_home):
    code = ("import sys, runpy; sys.argv = ['kaart'] + sys.argv[1:];\n"
            "from tui.cli import run\n"
            "code = run()\n"
            "sys.stdout.flush()\n"
            "leaked = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]\n"
            "sys.exit(90 if leaked else code)")
    env = dict(os.environ, KAART_HOME=str(kaart_home))
    done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True,
                          cwd=ROOT, env=env)
    assert done.returncode != 90, f"kaart {' '.join(argv)} imported textual"
    assert "Traceback" not in done.stderr, done.stderr


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_catalogs_have_the_same_keys_and_placeholders():
    from tui.i18n import catalog

    nl, en = catalog("nl"), catalog("en")
    assert set(nl) == set(en), sorted(set(nl) ^ set(en))
    for key in en:
        assert _fields(nl[key]) == _fields(en[key]), key
        assert nl[key].strip() and en[key].strip(), key


def test_every_message_key_used_in_the_code_exists():
    import re

    from tui.i18n import catalog

    keys = set(catalog("en"))
    used = set()
    for path in (ROOT / "tui").rglob("*.py"):
        if path.parent.name == "i18n":
            continue
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"\bt\(\s*\"([a-z0-9_.]+)\"\s*[,)]", text))
    assert used - keys == set()


def test_language_from_the_locale(monkeypatch):
    from tui.i18n import detect_language

    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    assert detect_language() == "nl"
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert detect_language() == "en"
    monkeypatch.setenv("LC_ALL", "nl_BE.UTF-8")
    assert detect_language() == "nl"


def test_kaart_home_puts_everything_in_one_private_folder(kaart_home):
    from tui import paths

    folders = [paths.data_dir(), paths.config_dir(), paths.own_decks_dir(), paths.backups_dir()]
    for folder in folders:
        assert kaart_home in folder.parents
        assert folder.stat().st_mode & 0o777 == 0o700
    assert paths.database_path().parent == paths.data_dir()


def test_bundled_decks_are_found_from_the_checkout():
    from tui import paths

    assert (paths.bundled_decks_dir() / "moments.yaml").is_file()


def test_settings_are_written_privately_and_a_broken_file_is_set_aside(kaart_home):
    from tui.settings import load_settings, save_settings

    settings = load_settings()
    settings.default_deck = "volgende-stap"
    save_settings(settings)
    path = kaart_home / "config" / "settings.json"
    assert path.stat().st_mode & 0o777 == 0o600
    assert load_settings().default_deck == "volgende-stap"
    assert load_settings().user_seed == settings.user_seed
    path.write_text("{ not json")
    fresh = load_settings()
    assert fresh.notice and "set" not in fresh.default_deck
    assert (kaart_home / "config" / "settings.json.broken").read_text() == "{ not json"


def test_every_command_is_mapped_to_its_module():
    from tui.cli import COMMAND_MODULES, build_parser

    parser = build_parser()
    sub = next(action for action in parser._actions if action.dest == "command")
    assert set(sub.choices) == set(COMMAND_MODULES)
    for name, module in COMMAND_MODULES.items():
        only = build_parser([name])
        chosen = next(action for action in only._actions if action.dest == "command")
        assert name in chosen.choices, (name, module)


def test_bare_kaart_builds_no_subcommand_parsers():
    from tui.cli import build_parser

    for argv in ([], ["--lang", "nl"]):
        sub = next(a for a in build_parser(argv)._actions if a.dest == "command")
        assert sub.choices == {}
    sub = next(a for a in build_parser(["--help"])._actions if a.dest == "command")
    assert "today" in sub.choices and "search" in sub.choices
    sub = next(a for a in build_parser(["nonsense"])._actions if a.dest == "command")
    assert "today" in sub.choices  # a mistyped command lists every valid one
