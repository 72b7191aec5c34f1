"""The card commands, run through ``tui.cli.run`` as a user would type them."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import DATA, TEST_DECKS
from tui import __version__

HAZARDS = DATA / "hazards"
CARD_KEYS = {"deck", "id", "kind", "text", "back", "prompts", "tags", "moments"}


@pytest.fixture
def own_decks(kaart_home):
    folder = kaart_home / "data" / "decks"
    folder.mkdir(parents=True)
    return folder


def test_version(kaart, capsys):
    with pytest.raises(SystemExit) as stop:
        kaart("--version")
    assert stop.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_unknown_command_is_one_line_and_exit_2(kaart):
    result = kaart("shuffle-everything")
    assert result.code == 2
    assert result.err.count("\n") == 1 and result.err.startswith("kaart: ")
    assert "Traceback" not in result.err


def test_today_is_the_same_card_all_day(kaart):
    first = json.loads(kaart("today", "--json").out)
    second = json.loads(kaart("today", "--json").out)
    assert first == second
    assert set(first) == CARD_KEYS
    assert first["kind"] in ("think", "do")


def test_today_box_and_plain(kaart):
    box = kaart("today").out
    assert box.startswith("╭─") and "Card of the day" in box
    plain = kaart("today", "--plain").out
    card = json.loads(kaart("today", "--json").out)
    assert card["text"].split()[0] in plain and "╭" not in plain
    assert f"card {card['deck']}/{card['id']}" in plain


def test_today_in_dutch(kaart):
    out = kaart("--lang", "nl", "today").out
    assert "Kaart van de dag" in out


def test_draw_json_has_the_documented_keys(kaart):
    result = kaart("draw", "--deck", "voor-een-besluit", "--json")
    assert result.code == 0, result.err
    card = json.loads(result.out)
    assert set(card) == CARD_KEYS and card["deck"] == "voor-een-besluit"


@pytest.mark.parametrize("flag,value,check", [
    ("--kind", "worksheet", lambda c: c["kind"] == "worksheet" and c["prompts"]),
    ("--moment", "einde-dag", lambda c: "einde-dag" in c["moments"]),
    ("--deck", "volgende-stap", lambda c: c["deck"] == "volgende-stap"),
])
def test_draw_filters(kaart, flag, value, check):
    for _ in range(5):
        card = json.loads(kaart("draw", flag, value, "--json").out)
        assert check(card)


def test_draw_by_tag(kaart):
    tag = json.loads(kaart("draw", "--deck", "volgende-stap", "--json").out)["tags"][0]
    card = json.loads(kaart("draw", "--tag", tag, "--json").out)
    assert tag in card["tags"]


def test_draw_without_replacement_across_runs(kaart):
    deck_size = len(json.loads(kaart("decks", "--json").out)[0:1]) and None
    rows = {row["id"]: row for row in json.loads(kaart("decks", "--json").out)}
    size = rows["voor-een-besluit"]["cards"]
    seen = [json.loads(kaart("draw", "--deck", "voor-een-besluit", "--json").out)["id"]
            for _ in range(size)]
    assert deck_size is None
    assert len(set(seen)) == size


@pytest.mark.parametrize("argv,word", [
    (["draw", "--deck", "nope"], "no deck 'nope'"),
    (["draw", "--moment", "nooit"], "no moment 'nooit'"),
    (["draw", "--deck", "voor-een-besluit", "--kind", "worksheet"], "no card matches"),
    (["draw", "--kind", "question"], "invalid choice"),
    (["draw", "--json", "--plain"], "not allowed with"),
])
def test_draw_user_errors_are_one_line(kaart, argv, word):
    result = kaart(*argv)
    assert result.code != 0
    assert word in result.err and result.err.count("\n") == 1


def test_decks_lists_the_bundled_decks(kaart):
    out = kaart("decks").out
    for deck_id in ("legpuzzel-ecosysteem", "anders-organiseren", "volgende-stap",
                    "gelijkwaardig-samenwerken", "vanuit-de-bedoeling", "dagelijkse-reflectie",
                    "voor-een-besluit"):
        assert deck_id in out


def test_decks_json_shape_and_problems(kaart, own_decks):
    (own_decks / "nl").mkdir()
    shutil.copy(HAZARDS / "unknown_kind.yaml", own_decks / "nl" / "unknown-kind.yaml")
    shutil.copy(TEST_DECKS / "nl" / "proef.yaml", own_decks / "nl" / "proef.yaml")
    rows = json.loads(kaart("decks", "--json").out)
    for row in rows:
        assert set(row) == {"id", "title", "languages", "cards", "source", "path", "problems"}
    by_id = {row["id"]: row for row in rows}
    assert by_id["volgende-stap"]["languages"] == ["en", "nl"]
    assert by_id["volgende-stap"]["source"] == "bundled" and by_id["volgende-stap"]["problems"] == []
    assert by_id["proef"]["source"] == "own" and by_id["proef"]["cards"] == 3
    broken = by_id["unknown-kind"]
    assert broken["cards"] == 0 and "kind 'question' is unknown" in broken["problems"][0]
    text = kaart("decks").out
    assert "Problems (1):" in text and "unknown-kind.yaml:7:11" in text


def test_validate_ok_and_failing(kaart):
    good = kaart("deck", "validate", str(TEST_DECKS / "nl" / "proef.yaml"))
    assert good.code == 0 and "ok (3 cards)" in good.out
    bad = kaart("deck", "validate", str(TEST_DECKS / "nl" / "proef.yaml"),
                str(HAZARDS / "duplicate_key.yaml"), "missing.yaml")
    assert bad.code == 1
    assert f"{HAZARDS / 'duplicate_key.yaml'}:9:5: the key 'text' appears twice" in bad.out
    assert "missing.yaml: no such file" in bad.out


def test_validate_every_bundled_deck(kaart):
    from tui.paths import bundled_decks_dir

    files = sorted(str(p) for p in bundled_decks_dir().glob("*/*.yaml"))
    assert len(files) == 16  # the seven toolkit decks and the review deck, in two languages
    assert kaart("deck", "validate", *files).code == 0


def test_add_yaml_deck_then_draw_from_it(kaart, kaart_home):
    result = kaart("deck", "add", str(TEST_DECKS / "nl" / "proef.yaml"))
    assert result.code == 0, result.err
    target = kaart_home / "data" / "decks" / "nl" / "proef.yaml"
    assert target.read_bytes() == (TEST_DECKS / "nl" / "proef.yaml").read_bytes()
    assert target.stat().st_mode & 0o777 == 0o600
    assert json.loads(kaart("draw", "--deck", "proef", "--json").out)["deck"] == "proef"
    again = kaart("deck", "add", str(TEST_DECKS / "nl" / "proef.yaml"))
    assert again.code == 1 and "--force" in again.err
    assert kaart("deck", "add", "--force", str(TEST_DECKS / "nl" / "proef.yaml")).code == 0


def test_add_refuses_a_broken_deck_and_keeps_nothing(kaart, kaart_home):
    result = kaart("deck", "add", str(HAZARDS / "alias_bomb.yaml"))
    assert result.code == 1 and "anchors and aliases" in result.err
    assert not list((kaart_home / "data").glob("decks/*/*.yaml"))


def test_add_never_shadows_a_bundled_deck(kaart, tmp_path):
    from tui.paths import bundled_decks_dir

    copy = tmp_path / "volgende-stap.yaml"
    shutil.copy(bundled_decks_dir() / "nl" / "volgende-stap.yaml", copy)
    result = kaart("deck", "add", "--force", str(copy))
    assert result.code == 1 and "bundled deck" in result.err


def test_add_csv_with_semicolons(kaart, kaart_home):
    result = kaart("deck", "add", str(DATA / "cards_semicolon.csv"), "--id", "team-vragen",
                   "--title", "Onze vragen", "--language", "nl")
    assert result.code == 0, result.err
    cards = [json.loads(kaart("draw", "--deck", "team-vragen", "--json").out) for _ in range(2)]
    by_kind = {card["kind"]: card for card in cards}
    assert by_kind["think"]["text"] == "Wat zag je vandaag; echt?"
    assert by_kind["think"]["tags"] == ["gesprek", "buurt"]
    assert by_kind["think"]["moments"] == ["keukentafel"]
    assert by_kind["do"]["moments"] == ["nee-zeggen"]
    assert (kaart_home / "data" / "decks" / "nl" / "team-vragen.yaml").is_file()


def test_add_csv_with_commas_in_windows_encoding(kaart, kaart_home):
    result = kaart("--lang", "en", "deck", "add", str(DATA / "cards_comma.csv"))
    assert result.code == 0, result.err
    path = kaart_home / "data" / "decks" / "en" / "cards-comma.yaml"
    from tui.decks.loader import load_deck

    deck = load_deck(path).deck
    assert [card.id for card in deck.cards] == ["koffie", "wat-ging-er-mis"]
    assert deck.cards[0].text == "Drink koffie met een buur, zonder agenda."


def test_add_csv_without_text_column(kaart):
    result = kaart("deck", "add", str(DATA / "cards_no_text.csv"))
    assert result.code == 1 and "column named 'text'" in result.err and ":1:" in result.err


def test_add_missing_file(kaart):
    result = kaart("deck", "add", "nowhere.yaml")
    assert result.code == 1 and "cannot read nowhere.yaml" in result.err


def test_print_writes_html(kaart, tmp_path):
    target = tmp_path / "deck.html"
    result = kaart("deck", "print", "volgende-stap", "-o", str(target))
    assert result.code == 0, result.err
    page = target.read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html")
    assert "The next step" in page
    again = kaart("deck", "print", "volgende-stap", "-o", str(target))
    assert again.code == 1 and "--force" in again.err
    assert kaart("deck", "print", "nope").code == 1


def test_print_to_stdout(kaart):
    result = kaart("--lang", "nl", "deck", "print", "voor-een-besluit")
    assert result.code == 0 and "Vóór een besluit" in result.out


def test_lang_works_after_the_command_too(kaart):
    before = kaart("--lang", "nl", "today")
    after = kaart("today", "--lang", "nl")
    assert before.code == after.code == 0 and before.out == after.out
    assert "Kaart van de dag" in after.out
    assert "Card of the day" in kaart("today", "--lang=en").out


def test_argparse_mistakes_are_in_dutch(kaart, capsys):
    import pytest as _pytest

    wrong = kaart("--lang", "nl", "today", "--plain", "--zoveel")
    assert wrong.code == 2 and "onbekende argumenten: --zoveel" in wrong.err
    assert "unrecognized" not in wrong.err and wrong.err.count("\n") == 1
    missing = kaart("--lang", "nl", "deck", "validate")
    assert missing.code == 2 and "deze argumenten zijn nodig" in missing.err
    with _pytest.raises(SystemExit):
        kaart("--lang", "nl", "deck", "validate", "--help")
    out = capsys.readouterr().out
    assert "argumenten:" in out and "positional arguments" not in out
