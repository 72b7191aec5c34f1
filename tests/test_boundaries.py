"""Architecture rules: domain modules and plain commands never import Textual;
the catalogs are complete in both languages; paths are private."""

from __future__ import annotations

import ast
import os
import string
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# The layers of ../shared/DESIGN.md ("arrows point down"): a module imports only its own layer
# or a lower one. Checked on the source (every import, also inside functions), so a lazy import
# cannot hide an arrow pointing up.
LAYERS = {
    "base": ("tui", "tui.paths", "tui.errors", "tui.i18n", "tui.textclean", "tui.fileio",
             "tui.dates", "tui.vocabulary"),
    "domain": ("tui.decks", "tui.journal", "tui.drawing", "tui.daily", "tui.settings",
               "tui.owncards"),
    "core": ("tui.core",),
    "faces": ("tui.cli", "tui.__main__", "tui.commands", "tui.output", "tui.app", "tui.screens",
              "tui.widgets"),
}
ORDER = ["base", "domain", "core", "faces"]
CLI_FACE = ("tui.cli", "tui.commands", "tui.output")
APP_FACE = ("tui.app", "tui.screens", "tui.widgets")  # the only places Textual is imported
# What screens share and may import: their bases and the dialogs (small modal screens that
# answer one question). A screen never imports another screen.
SHARED = ("tui.screens.base", "tui.screens.writing", "tui.screens.dialogs")
# The one arrow between the faces: a bare `kaart` starts the app.
ALLOWED_BETWEEN_FACES = {("tui.cli", "tui.app")}


def _within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)


def layer_of(name: str) -> str:
    best, length = "", -1
    for layer, prefixes in LAYERS.items():
        for prefix in prefixes:
            if (name == prefix or name.startswith(prefix + ".")) and len(prefix) > length:
                best, length = layer, len(prefix)
    return best


def modules() -> dict[str, Path]:
    found = {}
    for path in (ROOT / "tui").rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports(path: Path) -> set[str]:
    """Every module ``path`` imports, as a full dotted name."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    known = modules()
    return {name for name in names if name in known or name.split(".")[0] == "textual"}


def test_every_module_has_a_layer():
    assert {name for name in modules() if not layer_of(name)} == set()


@pytest.mark.parametrize("name", sorted(modules()))
def test_arrows_point_down(name):
    mine = ORDER.index(layer_of(name))
    for other in imports(modules()[name]):
        if other.split(".")[0] == "textual":
            assert _within(name, APP_FACE), f"{name} imports {other}: Textual is for the app only"
            continue
        theirs = ORDER.index(layer_of(other))
        assert theirs <= mine, f"{name} ({ORDER[mine]}) imports {other} ({ORDER[theirs]})"
        if _within(name, CLI_FACE) and _within(other, APP_FACE):
            assert (name, other) in ALLOWED_BETWEEN_FACES, f"{name} imports {other}"
        if _within(name, APP_FACE):
            assert not _within(other, ("tui.commands", "tui.cli")), (name, other)


@pytest.mark.parametrize("name", sorted(n for n in modules() if n.startswith("tui.screens.")))
def test_screens_do_not_import_each_other(name):
    others = {other for other in imports(modules()[name])
              if other.startswith("tui.screens.") and not _within(other, SHARED)}
    assert others == set(), f"{name} imports {others}: ask the app to open a screen instead"


@pytest.mark.parametrize("name", sorted(n for n in modules() if _within(n, SHARED)))
def test_what_screens_share_knows_no_screen(name):
    """The bases and the dialogs import only each other (a dialog is a ``KaartModal``)."""
    others = {other for other in imports(modules()[name])
              if _within(other, ("tui.screens", "tui.app")) and not _within(other, SHARED)}
    assert others == set(), f"{name} imports {others}"


@pytest.mark.parametrize("name", sorted(n for n in modules() if n.startswith("tui.widgets.")))
def test_widgets_know_no_screens(name):
    others = {other for other in imports(modules()[name])
              if _within(other, ("tui.screens", "tui.app"))}
    assert others == set(), f"{name} imports {others}"


def test_the_domain_runs_without_textual():
    """Import every module below the app face in one process: Textual stays out."""
    below = sorted(name for name in modules() if not _within(name, APP_FACE)
                   and name not in ("tui.__main__",))
    code = ("import importlib, sys\n"
            f"for name in {below!r}: importlib.import_module(name)\n"
            "leaked = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]\n"
            "sys.exit(1 if leaked else 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr


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


def _fields(template) -> set[str]:
    if isinstance(template, dict):
        return set().union(*(_fields(form) for form in template.values()))
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _forms(template) -> list[str]:
    return list(template.values()) if isinstance(template, dict) else [template]


def test_catalogs_have_the_same_keys_and_placeholders():
    from tui.i18n import catalog

    nl, en = catalog("nl"), catalog("en")
    assert set(nl) == set(en), sorted(set(nl) ^ set(en))
    for key in en:
        assert _fields(nl[key]) == _fields(en[key]), key
        assert all(form.strip() for form in _forms(nl[key]) + _forms(en[key])), key
        if isinstance(en[key], dict) or isinstance(nl[key], dict):
            assert isinstance(en[key], dict) and isinstance(nl[key], dict), key
            assert set(en[key]) == set(nl[key]) == {"one", "other"}, key
            assert "count" in _fields(en[key]), key


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
    from tui.cli import build_parser
    from tui.commands import COMMANDS

    parser = build_parser()
    sub = next(action for action in parser._actions if action.dest == "command")
    assert set(sub.choices) == set(COMMANDS)
    for name, module in COMMANDS.items():
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


def test_every_count_has_real_plural_forms():
    """No "1 kaarten", no "card(s)": a message with {count} has a form for one and for more."""
    from tui.i18n import catalog

    for lang in ("nl", "en"):
        for key, template in catalog(lang).items():
            if "{count}" in str(template):
                assert isinstance(template, dict), (lang, key)
            for form in (template.values() if isinstance(template, dict) else [template]):
                assert not any(mark in form for mark in ("(s)", "(en)", "(len)", "(men)")), (lang, key)


def test_plural_forms_are_chosen_by_count():
    from tui.i18n import set_language, t

    set_language("nl")
    assert t("app.decks.count", count=1) == "1 kaart"
    assert t("app.decks.count", count=2) == "2 kaarten"
    assert t("app.home.streak", count=1).startswith("Reeks: 1 dag.")
    set_language("en")
    assert t("app.home.streak", count=3) == "Streak: 3 days in a row"
    assert t("app.journal.count", count=1) == "1 entry"


def test_kaart_tightens_its_folders_but_never_gives_itself_a_right(tmp_path):
    """Group and others lose their access; a folder the user made read-only stays so
    (mode bits only: this holds for root too)."""
    from tui.paths import ensure_private_dir

    open_folder, read_only = tmp_path / "open", tmp_path / "read-only"
    open_folder.mkdir(mode=0o755)
    open_folder.chmod(0o755)
    read_only.mkdir()
    read_only.chmod(0o500)
    try:
        ensure_private_dir(open_folder)
        ensure_private_dir(read_only)
        assert open_folder.stat().st_mode & 0o777 == 0o700
        assert read_only.stat().st_mode & 0o777 == 0o500
    finally:
        read_only.chmod(0o700)
