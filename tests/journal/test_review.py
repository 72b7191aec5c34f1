"""The weekly and monthly review ("Terugblik", issue 13): the period, what it holds, its entry, its offer."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from tests.journal.test_cli_journal import ENTRY_KEYS
from tui.journal.model import CardRef
from tui.journal.review import Period, period_from_link, period_of

CET = timezone(timedelta(hours=1))  # Amsterdam in November (the suite's TZ)
CARD = CardRef("volgende-stap", "vraag-terug", "Wat vraag je terug?")
OTHER = CardRef("dagelijkse-reflectie", "goed-gegaan", "Welk moment?")


def local(day: int, hour: int = 10, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=CET)


@pytest.fixture
def core(clock):
    from tui.core.kaart import Kaart

    kaart = Kaart(language="en", clock=clock)
    yield kaart
    kaart.close()


# -- periods ------------------------------------------------------------------


def test_a_week_runs_monday_to_sunday_and_a_month_is_the_calendar_month():
    assert period_of("week", date(2026, 11, 22)) == Period("week", date(2026, 11, 16),
                                                           date(2026, 11, 22))
    assert period_of("week", date(2026, 11, 16)).end == date(2026, 11, 22)
    assert period_of("week", date(2026, 12, 31)) == Period("week", date(2026, 12, 28),
                                                           date(2027, 1, 3))
    assert period_of("month", date(2026, 12, 31)) == Period("month", date(2026, 12, 1),
                                                            date(2026, 12, 31))
    assert period_of("month", date(2028, 2, 10)).end == date(2028, 2, 29)
    assert period_of("week", date.max).end == date.max
    assert period_of("week", date.min).start == date.min
    week = period_of("week", date(2026, 11, 18))
    assert week.link == "week:2026-11-16" and week.previous().link == "week:2026-11-09"
    assert period_of("month", date(2026, 1, 5)).previous().link == "month:2025-12"
    with pytest.raises(ValueError):
        period_of("year", date(2026, 1, 1))


def test_links_name_their_period_and_nothing_else():
    for period in (period_of("week", date(2026, 11, 18)), period_of("month", date(2026, 2, 3))):
        assert period_from_link(period.link) == period
    for link in ("", "entry:0011", "week:2026-11-17", "week:nope", "month:2026-13", "month:2026"):
        assert period_from_link(link) is None


def test_labels_in_both_languages():
    week = period_of("week", date(2026, 11, 18))
    assert week.label("en") == "Week 47 · 16 Nov 2026 – 22 Nov 2026"
    assert week.label("nl") == "Week 47 · 16 nov. 2026 – 22 nov. 2026"
    month = period_of("month", date(2026, 11, 18))
    assert (month.label("en"), month.label("nl")) == ("November 2026", "november 2026")


# -- what a review holds ----------------------------------------------------------


@pytest.fixture
def pinned(store, clock):
    """A journal around the week of Monday 16 to Sunday 22 November 2026 (local days)."""
    made = {}

    def add(name, kind, when, **extra):
        made[name] = store.add_entry(kind, f"{name} tekst", created=when, **extra)
        return made[name]

    def draw(when, deck, card, purpose):
        clock.now = when.astimezone(UTC)
        store.record_draw(deck, card, purpose)

    add("before", "journal", local(15, 23, 30))             # Sunday night before: outside
    add("monday", "journal", local(16, 0, 10))               # the first minutes: inside
    add("note", "note", local(18), card=CARD)
    add("note2", "note", local(19), card=CARD)
    add("other", "note", local(19, 11), card=OTHER)
    add("decided", "decision", local(20), title="Buurman vragen", card=CARD)
    add("sunday", "journal", local(22, 23, 50))              # the last minutes: inside
    add("after", "journal", local(23, 0, 5))                 # Monday after: outside
    add("old_open", "decision", local(10), title="Oud en open")
    add("old_done", "decision", local(11), title="Oud en klaar")
    store.set_outcome(made["old_done"].uid, "Liep goed.")
    add("later", "decision", local(24), title="Later besloten")
    add("earlier_review", "review", local(16, 9), link="week:2026-11-09")
    add("own_review", "review", local(23, 9), link="week:2026-11-16")
    gone = add("trashed", "journal", local(17))
    store.delete_entry(gone.uid)
    draw(local(15, 23, 59), "volgende-stap", "a", "daily")   # outside
    draw(local(16, 0, 1), "volgende-stap", "b", "daily")
    draw(local(18, 12), "volgende-stap", "vraag-terug", "random")
    draw(local(20, 9), "voor-een-besluit", "c", "decision")
    draw(local(22, 23, 59), "volgende-stap", "d", "daily")
    draw(local(23, 0, 1), "volgende-stap", "e", "daily")      # outside
    clock.now = local(25).astimezone(UTC)
    return made


def test_a_review_of_a_pinned_week_holds_exactly_that_weeks_draws_entries_and_decisions(
        core, pinned):
    review = core.review("week", date(2026, 11, 19))
    assert review.period == Period("week", date(2026, 11, 16), date(2026, 11, 22))
    assert [d.ref for d in review.draws] == ["volgende-stap/b", "volgende-stap/vraag-terug",
                                             "voor-een-besluit/c", "volgende-stap/d"]
    assert [d.purpose for d in review.draws] == ["daily", "random", "decision", "daily"]
    names = {entry.uid: name for name, entry in pinned.items()}
    assert [names[e.uid] for e in review.entries] == ["monday", "earlier_review", "note", "note2",
                                                      "other", "sunday"]
    assert [names[e.uid] for e in review.decisions] == ["decided"]
    assert [names[e.uid] for e in review.waiting] == ["old_open", "decided"]
    assert review.days == [date(2026, 11, day) for day in (16, 18, 19, 20, 22)]
    assert review.days_reflected == 5
    assert review.top_card == ("volgende-stap", "vraag-terug", 3)
    assert review.streak == 1  # the week's end (Sunday); Saturday had nothing
    assert names[review.entry.uid] == "own_review"
    assert review.card.id == "week" and len(review.questions) == 4


def test_a_month_review_and_an_empty_period(core, pinned):
    month = core.review("month", date(2026, 11, 3))
    names = {entry.uid: name for name, entry in pinned.items()}
    assert {names[e.uid] for e in month.decisions} == {"old_open", "old_done", "decided", "later"}
    assert len(month.draws) == 6 and month.entry is None and month.card.id == "maand"
    empty = core.review("week", date(2026, 1, 7))
    assert (empty.draws, empty.entries, empty.decisions, empty.days, empty.top_card) == (
        [], [], [], [], None)
    assert empty.waiting == [] and empty.streak == 0


def test_the_streak_of_a_period_still_going_on_counts_up_to_today(core, store, clock):
    for day in (20, 21, 22):
        store.add_entry("journal", "x", created=local(day))
    clock.now = local(22, 12).astimezone(UTC)
    assert core.review("week").streak == 3
    assert core.review("week").period.start == date(2026, 11, 16)


def test_review_json_uses_the_export_entry_shape(kaart, pinned):
    result = kaart("review", "--date", "19-11-2026", "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["period"] == {"kind": "week", "start": "2026-11-16", "end": "2026-11-22",
                              "link": "week:2026-11-16"}
    assert set(data) == {"period", "draws", "entries", "decisions", "waiting", "days_reflected",
                         "days", "streak", "most_written", "review", "questions"}
    for key in ("entries", "decisions", "waiting"):
        assert all(set(item) >= ENTRY_KEYS for item in data[key])
    assert data["draws"][0] == {"at": "2026-11-15T23:01:00.000001Z", "deck": "volgende-stap",
                                "card": "b", "purpose": "daily"}
    assert data["most_written"] == {"deck": "volgende-stap", "card": "vraag-terug", "count": 3}
    assert data["review"]["kind"] == "review" and data["review"]["link"] == "week:2026-11-16"
    month = json.loads(kaart("review", "--month", "--date", "2026-11-01", "--json").out)
    assert month["period"]["link"] == "month:2026-11" and month["review"] is None


def test_review_reads_well_in_both_languages(kaart, pinned):
    text = kaart("review", "--date", "2026-11-19").out
    assert text.startswith("Looking back · Week 47 · 16 Nov 2026 – 22 Nov 2026\n")
    assert "5 days reflected · streak: 1 day · written about most: volgende-stap/vraag-terug (3×)" in text
    assert "Cards drawn (4):" in text and "before a decision" in text
    assert "[volgende-stap/vraag-terug]" in text and "[voor-een-besluit/c]" in text
    assert "Decisions made (1):" in text and "Buurman vragen" in text
    assert "Still waiting for their outcome (2):" in text and "Oud en open" in text
    assert "Oud en klaar" not in text and "before tekst" not in text and "after tekst" not in text
    assert "Questions (The week in review):" in text and "Your review (" in text
    dutch = kaart("--lang", "nl", "review", "--month", "--date", "2026-01-05").out
    assert dutch.startswith("Terugblik · januari 2026\n")
    assert "0 dagen gereflecteerd" in dutch and "Getrokken kaarten (0):" in dutch
    assert "  geen" in dutch and "Vragen (De maand terug):" in dutch
    assert 'kaart review --month --date 2026-01-01 --write "..."' in dutch


# -- the review entry ---------------------------------------------------------------


def test_saving_a_review_links_it_to_its_period_and_a_second_one_opens_the_first(core, clock):
    week = core.period("week", date(2026, 11, 18))
    assert core.review_entry(week) is None
    first = core.save_review(week, ["Veel gesprekken", "", "Eerder bellen"])
    assert first.kind == "review" and first.link == "week:2026-11-16"
    assert first.title == "Looking back: Week 47 · 16 Nov 2026 – 22 Nov 2026"
    questions = core.review_card("week").prompts
    assert first.body == (f"1. {questions[0]}\nVeel gesprekken\n\n3. {questions[2]}\n"
                          "Eerder bellen")
    assert core.review_entry(week).uid == first.uid
    second = core.save_review(week, body="Anders bekeken")
    assert second.uid == first.uid and second.body == "Anders bekeken"
    assert [v.body for v in core.history(first.uid)] == [first.body]
    assert core.count("review") == 1
    month = core.save_review(core.period("month", date(2026, 11, 18)), body="De maand")
    assert month.link == "month:2026-11" and core.count("review") == 2
    assert core.review("week", date(2026, 11, 20)).entry.uid == first.uid
    from tui.errors import KaartError

    for empty in ({"answers": ["", "  "]}, {"body": "\n"}):
        with pytest.raises(KaartError):
            core.save_review(week, **empty)
    assert core.entry(first.uid).body == "Anders bekeken"


def test_saving_a_review_discards_its_draft(core):
    from tui.core.drafts import DraftContext

    week = core.period("week", date(2026, 11, 18))
    context = DraftContext.review(week)
    assert str(context) == "review:week:2026-11-16"
    assert DraftContext.parse(str(context)) == context
    draft = core.save_draft(context, {"answers": ["half"]})
    core.save_review(week, ["heel"], draft=draft)
    assert core.drafts() == []


def test_saving_a_review_discards_every_draft_of_its_period_and_no_other(core):
    """An older draft of the same week would come back at every start, and replace the review."""
    from tui.core.drafts import DraftContext

    week = core.period("week", date(2026, 12, 2))
    other = core.period("week", date(2026, 11, 25))
    old = core.save_draft(DraftContext.review(week), {"answers": ["oud", "concept"]})
    elsewhere = core.save_draft(DraftContext.review(other), {"answers": ["een andere week"]})
    note = core.save_draft(DraftContext.journal(), {"body": "los"})
    core.save_review(week, ["nieuw"])                              # no draft of its own
    assert {draft.id for draft in core.drafts()} == {elsewhere, note}
    core.save_draft(DraftContext.review(week), {"answers": ["later nog"]})
    again = core.save_review(week, ["bijgewerkt"])                 # an update discards them too
    assert "bijgewerkt" in again.body and old not in {draft.id for draft in core.drafts()}
    assert [draft.context for draft in core.drafts(DraftContext.review(week))] == []
    assert {draft.id for draft in core.drafts()} == {elsewhere, note}


def test_kaart_review_write_saves_then_updates(kaart, stdin):
    saved = kaart("review", "--write", "Een", "drukke", "week")
    assert saved.code == 0, saved.err
    assert "Saved your review of Week 47" in saved.out
    again = kaart("review", "--write", "--json", "Toch", "rustig")
    entry = json.loads(again.out)
    assert entry["kind"] == "review" and entry["body"] == "Toch rustig"
    assert entry["link"] == "week:2026-11-16"
    listed = json.loads(kaart("journal", "--kind", "review", "--json").out)
    assert [e["uid"] for e in listed] == [entry["uid"]]
    assert "Your review (" in kaart("review").out
    stdin("")
    assert kaart("review", "--write").code == 1
    assert kaart("review", "losse tekst").code == 2
    assert kaart("review", "--week", "--month").code == 2


@pytest.fixture
def stdin(monkeypatch):
    import io
    import sys

    def use(text: str):
        stream = io.StringIO(text)
        stream.isatty = lambda: False
        monkeypatch.setattr(sys, "stdin", stream)

    return use


def test_reviews_are_their_own_kind_everywhere(kaart, core):
    from tui.vocabulary import ENTRY_KINDS, EntryKind

    assert EntryKind.REVIEW == "review" and "review" in ENTRY_KINDS
    core.save_review(core.period("week"), body="Terug")
    core.close()
    assert [e["kind"] for e in json.loads(kaart("journal", "--kind", "review", "--json").out)] == [
        "review"]
    assert "review" in kaart("journal").out and "terugblik" in kaart("--lang", "nl", "journal").out
    assert "## 2026-11-22 09:30 · review" in kaart("export").out
    assert json.loads(kaart("stats", "--json").out)["by_kind"]["review"] == 1


# -- the offer at the start of a new week ----------------------------------------


def test_last_weeks_review_is_offered_once_at_the_start_of_a_new_week(core, clock):
    clock.now = datetime(2026, 11, 23, 8, tzinfo=UTC)          # Monday
    offered = core.review_offer()
    assert offered is not None and offered.link == "week:2026-11-16"
    assert core.review_offer() == offered                       # the same day: still offered
    clock.now += timedelta(days=1)                               # Tuesday: offered once, gone
    assert core.review_offer() is None
    clock.now = datetime(2026, 12, 2, 8, tzinfo=UTC)            # a Wednesday, first look this week
    offered = core.review_offer()
    assert offered.link == "week:2026-11-23"
    core.dismiss_review_offer(offered)
    assert core.review_offer() is None
    clock.now = datetime(2026, 12, 7, 8, tzinfo=UTC)
    week = core.review_offer()
    core.save_review(week, body="Gedaan")
    assert core.review_offer() is None


def test_an_offer_is_not_made_for_a_week_already_reviewed(core, clock):
    core.save_review(core.period("week", date(2026, 11, 18)), body="Al gedaan")
    clock.now = datetime(2026, 11, 23, 8, tzinfo=UTC)
    assert core.review_offer() is None


def test_l_opens_last_week_in_the_first_days_of_a_week_until_it_has_its_review(core, clock):
    last, this = "week:2026-11-16", "week:2026-11-23"
    for day in (23, 24, 25):                                     # Monday to Wednesday
        clock.now = datetime(2026, 11, day, 8, tzinfo=UTC)
        assert core.review_period().link == last
    for day in (26, 29):                                         # Thursday, Sunday
        clock.now = datetime(2026, 11, day, 8, tzinfo=UTC)
        assert core.review_period().link == this
    clock.now = datetime(2026, 11, 24, 8, tzinfo=UTC)
    core.save_review(core.period("week", date(2026, 11, 18)), body="Geschreven")
    assert core.review_period().link == this                     # written: this week again


def test_the_card_written_about_most_only_when_it_stands_out_and_no_streak_of_0(kaart, core):
    card = core.card("volgende-stap/vraag-terug")
    core.save_entry("note", "een keer", card=card)
    core.save_entry("note", "ook een keer", card=core.card("volgende-stap/oude-logica"))
    review = core.review("week")
    assert review.top_card[2] == 1 and review.most_written is None   # every card once
    core.save_entry("note", "nog een keer", card=card)
    assert core.review("week").most_written == ("volgende-stap", "vraag-terug", 2)
    core.close()
    assert "written about most: volgende-stap/vraag-terug (2×)" in kaart("review").out
    past = kaart("review", "--month", "--date", "2026-01-05").out
    assert "streak" not in past and "0 days reflected\n" in past
    assert "reeks" not in kaart("--lang", "nl", "review", "--month", "--date", "2026-01-05").out


def test_kaart_review_opens_the_week_the_app_opens(kaart, stdin):
    """Bare ``kaart review`` is the app's ``l``: last week on Monday to Wednesday until its
    review is written, this week otherwise; ``--week`` or ``--date`` say which one exactly."""
    monday = datetime(2026, 11, 23, 9, tzinfo=CET)
    thursday = datetime(2026, 11, 26, 9, tzinfo=CET)

    def link(*argv, clock):
        result = kaart("review", "--json", *argv, clock=lambda: clock)
        assert result.code == 0, result.err
        return json.loads(result.out)["period"]["link"]

    assert link(clock=monday) == "week:2026-11-16"
    assert link(clock=thursday) == "week:2026-11-23"
    assert link("--week", clock=monday) == "week:2026-11-23"
    assert link("--date", "2026-11-23", clock=monday) == "week:2026-11-23"
    assert link("--month", clock=monday) == "month:2026-11"
    saved = kaart("review", "--write", "--json", "Terug", "op", "vorige", "week",
                  clock=lambda: monday)
    assert json.loads(saved.out)["link"] == "week:2026-11-16"  # the week it showed
    assert link(clock=monday) == "week:2026-11-23"           # written: this week again


def test_finding_a_periods_review_uses_the_link_index_not_a_scan(store):
    """Home asks it at every start: a scan of every entry cost 47 ms and 16 MiB at 100,000."""
    from tui.journal.review import REVIEW_ENTRY

    with store._read() as conn:
        plan = " ".join(str(row[-1]) for row in conn.execute(
            "EXPLAIN QUERY PLAN " + REVIEW_ENTRY, ("review", "week:2026-11-16")))
    assert "entries_by_link" in plan and "SCAN e" not in plan
