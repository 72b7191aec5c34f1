"""The deck loader: the valid sample, every hazard in tests/data/hazards, control characters."""

from __future__ import annotations

import pytest

from tests.conftest import DATA, TEST_DECKS
from tui.decks.loader import MAX_DECK_BYTES, load_deck, parse_deck
from tui.decks.moments import load_moments
from tui.i18n import t

HAZARDS = DATA / "hazards"
MOMENTS = set(load_moments(TEST_DECKS / "moments.yaml")[0])

# file -> (a word the message must contain, line or None)
EXPECTED = {
    "syntax_error.yaml": ("YAML syntax error", None),
    "alias_bomb.yaml": ("anchors and aliases", 2),
    "deep_nesting.yaml": ("nested more than", 2),
    "duplicate_key.yaml": ("appears twice (first on line 8)", 9),
    "duplicate_card_id.yaml": ("card id 'een' is used twice", 9),
    "root_list.yaml": ("not a deck", 1),
    "root_scalar.yaml": ("not a deck", 1),
    "empty.yaml": ("empty", None),
    "several_documents.yaml": ("more than one YAML document", 9),
    "yaml11_no.yaml": ("put it in quotes: \"no\"", 8),
    "yaml11_on.yaml": ("yes/no value", 8),
    "yaml11_version.yaml": ("reads 1.10 as a number", 8),
    "yaml11_time.yaml": ("reads 12:30 as a number", 8),
    "yaml11_date.yaml": ("as a date", 4),
    "unknown_kind.yaml": ("kind 'question' is unknown", 7),
    "empty_text.yaml": ("'text' is empty", 8),
    "bad_id_path.yaml": ("only lower-case letters", 2),
    "bad_card_id.yaml": ("only lower-case letters", 6),
    "non_utf8.yaml": ("not UTF-8", 8),
    "python_tag.yaml": ("tag:yaml.org,2002:python/object/apply:os.system", 8),
    "wrong_types.yaml": ("'format' is 1", 1),
    "prompts_missing.yaml": ("needs 'prompts'", 6),
    "unknown_moment.yaml": ("moment 'nooit' is unknown", 9),
    "unknown_key.yaml": ("unknown key 'txt'", 8),
    "newer_format.yaml": ("newer Kaart", 1),
}


def test_every_hazard_file_has_an_expectation():
    files = {path.name for path in HAZARDS.glob("*.yaml")} - {"control_chars.yaml"}
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hazard_is_refused_with_a_clear_line(name):
    word, line = EXPECTED[name]
    result = load_deck(HAZARDS / name, moments=MOMENTS, display=name)
    assert result.deck is None
    assert result.problems, name
    text = "\n".join(str(problem) for problem in result.problems)
    assert word in text
    assert text.startswith(name)
    if line is not None:
        assert any(problem.line == line for problem in result.problems), text
    assert all("\n" not in problem.message for problem in result.problems)


def test_wrong_types_reports_every_problem():
    result = load_deck(HAZARDS / "wrong_types.yaml")
    messages = [problem.message for problem in result.problems]
    assert any("'format' is 1" in m for m in messages)
    assert any("'title' should be text" in m for m in messages)
    assert any("'tags' should be a list" in m for m in messages)


def test_file_over_the_size_cap_is_refused(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"format: 1\n" + b"# padding\n" * (MAX_DECK_BYTES // 10 + 1))
    result = load_deck(big)
    assert result.deck is None
    assert "larger than" in result.problems[0].message


def test_deep_nesting_does_not_crash_a_separate_process():
    import subprocess
    import sys

    code = (
        "from tui.decks.loader import load_deck; from pathlib import Path;"
        f"r = load_deck(Path({str(HAZARDS / 'deep_nesting.yaml')!r})); print(r.problems[0])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith(t("yaml.too_deep", depth=16))


def _nested_flow(depth: int) -> str:
    return "format: 1\ncards: " + "[" * depth + "]" * depth + "\n"


def _nested_block(depth: int) -> str:
    return "format: 1\ncards:\n  " + "- " * depth + "x\n"  # compact block sequences


@pytest.mark.parametrize("parser", ["libyaml", "pure"])
@pytest.mark.parametrize("shape", [_nested_flow, _nested_block])
@pytest.mark.parametrize("depth", [17, 100, 999, 1001, 5000])
def test_too_deep_gets_kaarts_own_line_whichever_parser_stops_first(
        tmp_path, monkeypatch, parser, shape, depth):
    """libyaml has a nesting limit of its own (about 1,000 levels); the message is still Kaart's."""
    import yaml

    from tui.decks import yamlsafe

    if parser == "libyaml" and not hasattr(yaml, "CBaseLoader"):
        pytest.skip("PyYAML was built without libyaml here")
    monkeypatch.setattr(yamlsafe, "_Parser", yaml.CBaseLoader if parser == "libyaml" else yaml.BaseLoader)
    path = tmp_path / "deep.yaml"
    path.write_text(shape(depth), encoding="utf-8")
    result = load_deck(path, display="deep.yaml")
    assert result.deck is None
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert str(problem).startswith("deep.yaml:")
    assert problem.message == t("yaml.too_deep", depth=yamlsafe.MAX_DEPTH)
    assert problem.line is not None and problem.column is not None


def test_sixteen_levels_are_still_read():
    from tui.decks import yamlsafe

    root = yamlsafe.parse("a: " + "[" * (yamlsafe.MAX_DEPTH - 1) + "]" * (yamlsafe.MAX_DEPTH - 1))
    assert root is not None and root.tag == "map"


def test_an_ordinary_syntax_error_keeps_its_place_with_the_fast_parser():
    result = parse_deck("format: 1\ncards: [a, b\n", "broken.yaml")
    assert result.deck is None and len(result.problems) == 1
    assert result.problems[0].message != t("yaml.too_deep", depth=16)
    assert result.problems[0].line is not None


def test_python_tag_is_never_executed(tmp_path, monkeypatch):
    import os

    calls = []
    monkeypatch.setattr(os, "system", lambda *a: calls.append(a))
    load_deck(HAZARDS / "python_tag.yaml")
    assert calls == []


def test_control_characters_are_stripped_on_load():
    result = load_deck(HAZARDS / "control_chars.yaml")
    assert result.ok, result.problems
    card = result.deck.cards[0]
    assert "\x1b" not in card.text and "\x07" not in card.text and "\x9b" not in card.text
    assert card.text == "Rood[31m en bel en [@click=app.quit]klik[/]"
    assert card.back == "regel een\nregel\ttwee"


def test_sample_deck_loads_with_all_fields():
    result = load_deck(TEST_DECKS / "nl" / "proef.yaml", moments=MOMENTS)
    assert result.ok, result.problems
    deck = result.deck
    assert (deck.id, deck.language, deck.title) == ("proef", "nl", "Proefstapel")
    first, second, sheet = deck.cards
    assert first.tags == ("gesprek", "luisteren")  # the '#' sigil is dropped
    assert first.moments == ("keukentafel",)
    assert second.kind == "do" and second.back == ""
    assert sheet.prompts == ("Wat ging goed?", "Wat ging minder goed?", "Wat doe je anders?")
    assert first.key == ("proef", "luisteren") and first.ref == "proef/luisteren"


def test_file_name_must_match_the_id(tmp_path):
    path = tmp_path / "other-name.yaml"
    path.write_bytes((TEST_DECKS / "nl" / "proef.yaml").read_bytes())
    result = load_deck(path, in_library=True)
    assert "rename the file to 'proef.yaml'" in result.problems[0].message


def test_quoted_yaml11_words_are_text():
    text = 'format: 1\nid: q\nlanguage: en\ntitle: "no"\ncards:\n  - {id: a, kind: think, text: "12:30"}\n'
    result = parse_deck(text, "q.yaml")
    assert result.ok, result.problems
    assert result.deck.title == "no" and result.deck.cards[0].text == "12:30"


def test_problems_are_in_dutch_when_asked():
    from tui.i18n import set_language

    set_language("nl")
    result = load_deck(HAZARDS / "unknown_kind.yaml")
    assert "soort 'question' is onbekend" in result.problems[0].message
