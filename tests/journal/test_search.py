"""Full-text search: ranking, phrases, prefixes, odd input, filters and snippets."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.journal.model import CardRef
from tui.journal.search import MARK_END, MARK_START, fts_query, strip_marks

CARD = CardRef("volgende-stap", "vraag-terug", "Wat vraag je terug?")


@pytest.fixture
def filled(store, clock):
    made = {}
    made["keuken"] = store.add_entry(
        "note", "Gesprek aan de keukentafel met mevrouw Jansen over de boodschappen.",
        card=CARD, tags=["wmo"], created=datetime(2026, 10, 1, 9, tzinfo=UTC))
    made["luisteren"] = store.add_entry(
        "journal", "Ik luisterde langer dan anders. Luisteren zonder meteen een aanbod te doen.",
        title="Luisteren", created=datetime(2026, 11, 2, 9, tzinfo=UTC))
    made["besluit"] = store.add_entry(
        "decision", "De kaart liet zien dat de buurman kan helpen.",
        title="Buurman vragen", card=CARD, created=datetime(2026, 11, 10, 9, tzinfo=UTC))
    made["idee"] = store.add_entry(
        "journal", "Nieuwe ideeën voor het café in de wijk. #buurt",
        created=datetime(2026, 11, 20, 9, tzinfo=UTC))
    return made


def uids(hits):
    return [hit.entry.uid for hit in hits]


def test_a_word_finds_and_ranks_title_first(store, filled):
    store.add_entry("journal", "Over luisteren gesproken.", created=datetime(2026, 11, 21, tzinfo=UTC))
    hits = store.search("luisteren")
    assert hits[0].entry.uid == filled["luisteren"].uid
    assert len(hits) == 2
    assert hits[0].rank <= hits[1].rank


def test_all_words_must_match(store, filled):
    assert uids(store.search("mevrouw boodschappen")) == [filled["keuken"].uid]
    assert store.search("mevrouw buurman") == []


def test_phrase_prefix_or_and_not(store, filled):
    assert uids(store.search('"zonder meteen"')) == [filled["luisteren"].uid]
    assert store.search('"meteen zonder"') == []
    assert uids(store.search("keuken*")) == [filled["keuken"].uid]
    assert set(uids(store.search("buurman OR keukentafel"))) == {filled["besluit"].uid,
                                                                 filled["keuken"].uid}
    assert uids(store.search("de -buurman -wijk")) == [filled["keuken"].uid]


def test_diacritics_and_case_do_not_matter(store, filled):
    assert uids(store.search("IDEEEN")) == [filled["idee"].uid]
    assert uids(store.search("cafe")) == [filled["idee"].uid]


@pytest.mark.parametrize("query", ['"', 'AND(', "-", "*", "NOT", "OR", "a OR", "OR b", '"unclosed',
                                   "col:umn", "^start", "NEAR(a b)", "(", ")", "'", "\\", "🌱",
                                   "___", "a AND", "-luisteren", '""', "\x00"])
def test_odd_input_never_fails(store, filled, query):
    assert isinstance(store.search(query), list)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture],
          deadline=None)
@given(st.text(max_size=40))
def test_any_text_is_a_valid_query(store, query):
    if not store.count():
        store.add_entry("journal", "een zin met woorden en tekens: [ ] ( ) * \" - ^ : ok")
    hits = store.search(query)
    assert isinstance(hits, list) and len(hits) <= 1
    assert store.search(query, kind="note", tag="x", date_from=date(2026, 1, 1)) == []


def test_fts_query_quotes_everything():
    assert fts_query('a "b c" d*') == '"a" AND "b c" AND "d"*'
    assert fts_query('say "hi""') == '"say" AND "hi"'
    assert fts_query("x -y") == '("x") NOT "y"'
    assert fts_query("-y") == ""
    assert fts_query('"a""b"') == '"a" AND "b"'


def test_filters(store, filled):
    assert uids(store.search("de", kind="decision")) == [filled["besluit"].uid]
    assert set(uids(store.search("de", deck="volgende-stap"))) == {filled["keuken"].uid,
                                                                  filled["besluit"].uid}
    assert uids(store.search("de", card="vraag-terug", kind="note")) == [filled["keuken"].uid]
    assert uids(store.search("", tag="#BUURT")) == [filled["idee"].uid]
    assert uids(store.search("", tag="wmo")) == [filled["keuken"].uid]
    in_november = store.search("", date_from=date(2026, 11, 1), date_to=date(2026, 11, 10))
    assert uids(in_november) == [filled["besluit"].uid, filled["luisteren"].uid]
    assert store.search("de", date_to=date(2026, 9, 30)) == []


def test_empty_query_lists_newest_first(store, filled):
    hits = store.search("", kind="journal")
    assert uids(hits) == [filled["idee"].uid, filled["luisteren"].uid]
    assert all(MARK_START not in hit.snippet for hit in hits)
    assert hits[0].snippet.startswith("Nieuwe ideeën")


def test_limit_and_offset(store, clock):
    for number in range(12):
        store.add_entry("journal", f"woord nummer {number}")
    everything = store.search("woord", limit=None)
    assert len(everything) == 12
    assert uids(store.search("woord", limit=5)) == uids(everything[:5])
    assert uids(store.search("woord", limit=5, offset=10)) == uids(everything[10:])


def test_snippet_marks_the_match(store, filled):
    hit = store.search("boodschappen")[0]
    assert f"{MARK_START}boodschappen{MARK_END}" in hit.snippet
    assert "boodschappen" in strip_marks(hit.snippet)
    long = store.add_entry("journal", " ".join(["vulling"] * 200) + " speld " +
                           " ".join(["vulling"] * 200))
    snippet = store.search("speld")[0].snippet
    assert len(snippet) < 200 and "…" in snippet and f"{MARK_START}speld{MARK_END}" in snippet
    assert store.search("speld")[0].entry.uid == long.uid


def test_trash_is_not_searched(store, filled):
    store.delete_entry(filled["idee"].uid)
    assert store.search("ideeën") == []
    assert store.search("", tag="buurt") == []


def test_pending_decisions_use_their_index(tmp_path):
    from tui.journal.store import open_store

    store = open_store(tmp_path / "j.sqlite3")
    try:
        store.add_entry("decision", "waarom", title="Wel of niet verwijzen")
        with store._read() as conn:
            plan = " ".join(str(row) for row in conn.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM entries e WHERE e.deleted IS NULL AND "
                "e.kind = 'decision' AND e.outcome = '' ORDER BY e.created, e.uid"))
        assert "entries_pending" in plan
        assert [e.title for e in store.pending_decisions()] == ["Wel of niet verwijzen"]
    finally:
        store.close()


def test_a_page_ranks_the_newest_matches_and_every_match_is_ranked_exactly(store, monkeypatch):
    """With more matches than the ranking window, a page ranks the most recently written
    ones (best first) and the older ones follow, newest first; asking for every match ranks
    all of them. Pages put together are that same order, across the window's edge."""
    import tui.journal.search as search

    monkeypatch.setattr(search, "RANK_WINDOW", 5)
    strong = store.add_entry("journal", "kachel kachel kachel kachel", title="kachel kachel")
    weak = [store.add_entry("journal", f"Een lang verhaal over van alles, ook de kachel, {n}. "
                            + "En nog veel meer woorden zonder het woord. " * 3) for n in range(9)]
    newest_strong = store.add_entry("journal", "kachel kachel", title="kachel")

    every = uids(store.search("kachel", limit=None))
    assert every[0] == strong.uid and len(every) == 11  # exact bm25: the strongest first
    page = uids(store.search("kachel", limit=3))
    assert page[0] == newest_strong.uid and strong.uid not in page
    windowed = uids(store.search("kachel", limit=11))
    newest_five = {newest_strong.uid, *(entry.uid for entry in weak[-4:])}
    assert set(windowed[:5]) == newest_five
    assert windowed[5:] == [entry.uid for entry in reversed(weak[:5])] + [strong.uid]
    pages = [uid for start in range(0, 11, 3)
             for uid in uids(store.search("kachel", limit=3, offset=start))]
    assert pages == windowed
    assert store.search_count("kachel") == 11


def test_equally_good_matches_come_newest_first(store):
    older = store.add_entry("journal", "De tuin van Ans.", created=datetime(2025, 3, 1, tzinfo=UTC))
    newer = store.add_entry("journal", "De tuin van Ans.", created=datetime(2026, 3, 1, tzinfo=UTC))
    middle = store.add_entry("journal", "De tuin van Ans.", created=datetime(2025, 9, 1, tzinfo=UTC))
    assert uids(store.search("tuin", limit=None)) == [newer.uid, middle.uid, older.uid]
    assert uids(store.search("tuin", limit=2)) == [newer.uid, middle.uid]
