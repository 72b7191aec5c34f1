"""Issue 13 in the app: the review screen, a past reflection on home, the review offered, due decisions."""

from __future__ import annotations

import shutil
from datetime import UTC, timedelta
from pathlib import Path

import pytest

from tests.app.conftest import DECKS, NOW, SIZE, in_store, screen_text, settle, type_text


@pytest.fixture
def make_app(make_app, tmp_path):
    """The test decks and the review deck (its questions), in a folder of this test's own."""
    decks = tmp_path / "decks"
    shutil.copytree(DECKS, decks)
    shutil.copy(Path(__file__).parent / "review-deck" / "en" / "terugblik.yaml",
                decks / "en" / "terugblik.yaml")

    def make(**options):
        options.setdefault("decks", decks)
        return make_app(**options)

    return make


async def test_the_review_of_this_week_and_a_second_review_opens_the_first(make_app):
    from tui.screens.review import ReviewScreen

    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        in_store(app, lambda store: store.add_entry(
            "journal", "A week with a hard conversation", created=NOW.astimezone(UTC)
            - timedelta(days=2)))
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        text = screen_text(app)
        assert "Week 47" in text and "A week with a hard conversation" in text
        assert app.screen.review.questions  # from the bundled review deck
        answers = list(app.screen.query(".answer"))
        assert len(answers) == len(app.screen.review.questions)
        answers[0].focus()
        await type_text(pilot, "I listened more")
        await pilot.press("ctrl+s")
        await settle(pilot)
        reviews = [e for e in in_store(app, lambda store: store.recent(10)) if e.kind == "review"]
        assert len(reviews) == 1 and "I listened more" in reviews[0].body
        assert reviews[0].link == app.screen.period.link
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert app.screen.query(".answer").first().text == "I listened more"  # the first one
        await pilot.press("alt+left")
        await settle(pilot)
        assert "Week 46" in screen_text(app)
        assert app.screen.query(".answer").first().text == ""


async def test_a_past_reflection_comes_back_on_home_and_can_be_answered(make_app):
    app = make_app()
    old = NOW.astimezone(UTC) - timedelta(days=8)
    in_store(app, lambda store: store.add_entry("journal", "What I learnt from the move",
                                                created=old))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "From your past" in text and "What I learnt from the move" in text
        assert "8 days ago" in text
        app.screen.query_one("#past-changed").press()
        await settle(pilot)
        from tui.screens.editor import EditorScreen

        assert isinstance(app.screen, EditorScreen) and app.screen.link.startswith("entry:")
        await type_text(pilot, "Now I see it differently")
        await pilot.press("ctrl+s")
        await settle(pilot)
        newest = in_store(app, lambda store: store.recent(1))[0]
        assert newest.body == "Now I see it differently" and newest.link.startswith("entry:")


async def test_the_review_is_offered_at_the_start_of_a_new_week_once(make_app):
    monday = NOW + timedelta(days=1)  # NOW is a Sunday: the next day starts a new week
    app = make_app(clock=lambda: monday)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#review-offer").display
        assert str(app.screen.query_one("#review-go").label).startswith("l ")
        await pilot.press("l")  # the key its button names opens the week it offers
        await settle(pilot)
        assert app.screen.period.link == app.screen.app.screen_stack[0].data.offer.link
        assert "Week 47" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        app.screen.query_one("#review-not-now").press()
        await settle(pilot)
        assert not app.screen.query_one("#review-offer").display
    again = make_app(clock=lambda: monday)
    async with again.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert not again.screen.query_one("#review-offer").display


async def test_home_asks_for_the_outcome_on_the_day_to_look_back(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        decision = in_store(app, lambda store: store.add_entry(
            "decision", "", title="Call the GP first", look_back=NOW.date() + timedelta(days=1)))
        app.screen.reload()
        await settle(pilot)
        assert app.screen.query_one("#pending").current_key is None  # not before its day
    later = make_app(clock=lambda: NOW + timedelta(days=1))
    async with later.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert later.screen.query_one("#pending").current_key == decision.uid


async def _answers(app) -> list[str]:
    return [editor.text for editor in app.screen.query(".answer")]


async def test_review_answers_come_back_after_another_period_and_after_closing(make_app):
    from tui.screens.review import ReviewScreen

    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        editors = list(app.screen.query(".answer"))
        editors[0].focus()
        await type_text(pilot, "Listened more")
        editors[1].focus()
        await type_text(pilot, "The planning")
        await pilot.press("alt+left")
        await settle(pilot)
        assert "Week 46" in screen_text(app) and set(await _answers(app)) == {""}
        await pilot.press("alt+right")
        await settle(pilot)
        assert "Week 47" in screen_text(app)
        assert (await _answers(app))[:3] == ["Listened more", "The planning", ""]
        assert any("not saved yet are back" in n.message for n in app._notifications)
        await pilot.press("escape")
        await settle(pilot)
        app.screen.query_one("#keep").press()  # the close dialog: keep as a draft
        await settle(pilot)
        assert not isinstance(app.screen, ReviewScreen)
        await pilot.press("l")
        await settle(pilot)
        assert (await _answers(app))[:2] == ["Listened more", "The planning"]
        drafts = in_store(app, lambda store: store.drafts())
        assert [draft.context for draft in drafts] == ["review:week:2026-11-16"]  # one, not two
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert in_store(app, lambda store: store.drafts()) == []


async def test_a_draft_older_than_the_saved_review_never_replaces_it(make_app):
    from tui.core.drafts import DraftContext
    from tui.journal.review import period_of
    from tui.screens.review import ReviewScreen

    moment = [NOW - timedelta(days=1)]
    app = make_app(clock=lambda: moment[0])
    week = period_of("week", NOW.date())
    context = str(DraftContext.review(week))
    old = in_store(app, lambda store: store.save_draft(context, {"answers": ["Old draft"]}))
    moment[0] = NOW
    in_store(app, lambda store: store.add_entry("review", "Saved answer", link=week.link))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        from tui.screens.dialogs.drafts import DraftsDialog

        assert isinstance(app.screen, DraftsDialog)  # offered at the start
        app.screen.query_one("#restore").press()  # "Open"
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert (await _answers(app))[0] == "Saved answer"
        assert not app.screen.has_unsaved_text()
        assert any("older than the review you saved" in n.message for n in app._notifications)
        await pilot.press("escape")
        await settle(pilot)
        assert in_store(app, lambda store: store.get_draft(old)) is not None  # left alone
        await pilot.press("l")
        await settle(pilot)
        assert (await _answers(app))[0] == "Saved answer"
        moment[0] = NOW + timedelta(minutes=5)
        newer = in_store(app, lambda store: store.save_draft(context, {"answers": ["Newer"]}))
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert (await _answers(app))[0] == "Newer" and app.screen.slot.id == newer


@pytest.mark.parametrize("answer", ("still", "changed", "never"))
async def test_a_past_reflection_answered_does_not_come_back_on_home_today(make_app, answer):
    app = make_app()
    in_store(app, lambda store: store.add_entry("journal", "What I learnt from the move",
                                                created=NOW.astimezone(UTC) - timedelta(days=8)))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#past-box").display
        app.screen.query_one(f"#past-{answer}").press()
        await settle(pilot)
        if answer == "changed":
            await type_text(pilot, "Now I see it differently")
            await pilot.press("ctrl+s")
            await settle(pilot)
        app.screen.reload()  # what saving an outcome, or coming back to home, does
        await settle(pilot)
        assert app.screen.id == "home" and not app.screen.query_one("#past-box").display
        assert "From your past" not in screen_text(app)
    again = make_app()  # a restart, the same day
    async with again.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert not again.screen.query_one("#past-box").display


async def test_an_offer_later_in_the_week_does_not_name_the_key_l(make_app):
    thursday = NOW + timedelta(days=4)  # the first look this week is a Thursday
    app = make_app(clock=lambda: thursday)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#review-offer").display
        assert str(app.screen.query_one("#review-go").label) == "Look back"
        await pilot.press("l")
        await settle(pilot)
        assert "Week 48" in screen_text(app)  # l: this week
        await pilot.press("escape")
        await settle(pilot)
        app.screen.query_one("#review-go").press()
        await settle(pilot)
        assert "Week 47" in screen_text(app)  # the offer: last week


async def test_the_review_says_no_streak_of_0_nor_the_card_written_about_once(make_app):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        from tui.journal.store import CardRef

        card = CardRef("proef", "luisteren", "Who did you really listen to today?")
        in_store(app, lambda store: store.add_entry(
            "note", "Once", card=card, created=NOW.astimezone(UTC) - timedelta(days=1)))
        await pilot.press("l")
        await settle(pilot)
        await pilot.press("alt+left")  # a week without a streak at its end
        await settle(pilot)
        summary = str(app.screen.query_one("#review-summary").render())
        assert "0 days reflected" in summary and "streak" not in summary
        await pilot.press("alt+right")
        await settle(pilot)
        summary = str(app.screen.query_one("#review-summary").render())
        assert "streak: 1 day" in summary and "Written about most" not in summary
        in_store(app, lambda store: store.add_entry("note", "Twice", card=card))
        app.screen.reload()
        await settle(pilot)
        assert "Written about most (2×)" in str(app.screen.query_one("#review-summary").render())


async def test_help_counts_the_review_questions_and_drafts_are_not_said_to_be_lost(make_app):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        questions = len(app.core.review_card().prompts)
        await pilot.press("question_mark")
        await settle(pilot)
        about = " ".join(str(widget.render()) for widget in app.screen.query(".help-about"))
        assert f"and {questions} questions to answer" in about and "three" not in about
        in_store(app, lambda store: store.save_draft("journal", {"body": "Kept on purpose"}))
    again = make_app()
    async with again.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert "Text not yet in your journal" in screen_text(again)
        detail = str(again.screen.query_one(".dialog-detail").render())
        assert "or you kept the text as a draft" in detail  # not only "Kaart closed"


async def test_the_review_wraps_drawn_cards_under_their_text_and_is_one_scrolling_page(make_app):
    from tui.widgets.entry_list import EntryList

    app = make_app()
    async with app.run_test(size=(60, 24)) as pilot:
        await settle(pilot)
        in_store(app, lambda store: store.record_draw("proef", "luisteren", "daily"))
        in_store(app, lambda store: [store.add_entry(
            "journal", f"Entry {n}", created=NOW.astimezone(UTC) - timedelta(hours=n + 1))
            for n in range(12)])
        await pilot.press("l")
        await settle(pilot)
        lines = screen_text(app).splitlines()
        texts = [row.query_one(".hanging-text").region for row in
                 app.screen.query("#review-draws HangingRow")]
        wrapped = [region for region in texts if region.height > 1]
        assert wrapped  # "Who did you really listen to today?" does not fit in 60 columns
        for region in wrapped:
            assert "card of the day" in lines[region.y][:region.x]
            assert lines[region.y + 1][:region.x].strip() == ""  # a hanging indent
            assert lines[region.y + 1][region.x] != " "          # the text goes on right there
        written = app.screen.query_one("#review-entries", EntryList)
        assert written.size.height == 12 * 2 and written.max_scroll_y == 0  # no inner scrolling
        page = app.screen.query_one("#review-body")
        written.focus()
        await pilot.press("end")
        await settle(pilot)
        assert written.cursor == 11 and page.scroll_y > 0
        bottom = written.virtual_region.bottom - page.scroll_y
        assert bottom <= page.scrollable_content_region.height  # the last entry is in sight


async def test_the_period_select_keeps_a_sensible_width(make_app):
    from textual.widgets import Select

    app = make_app()
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert app.screen.query_one("#period-kind", Select).size.width <= 20


async def test_changed_quotes_the_earlier_entry_and_a_worksheet_opens_its_form(make_app):
    from tui.journal.store import CardRef
    from tui.screens.worksheet import WorksheetScreen

    app = make_app()
    old = NOW.astimezone(UTC) - timedelta(days=8)
    earlier = in_store(app, lambda store: store.add_entry(
        "note", "1. What went well?\nThe team meeting [b]listened[/b]", created=old,
        card=CardRef("proef", "terugblik", "Looking back on the week")))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        app.screen.query_one("#past-changed").press()
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, WorksheetScreen) and screen.link == f"entry:{earlier.uid}"
        quoted = screen.query_one("#earlier").text
        assert "You wrote on 14 Nov 2026:" in quoted
        assert "The team meeting [b]listened[/b]" in quoted  # plain text, never markup
        assert len(screen.query(".answer")) == 2             # one answer per question
        await type_text(pilot, "Now we plan together")
        await pilot.press("escape")
        await settle(pilot)
        app.screen.query_one("#keep").press()  # keep as a draft, then open it again
        await settle(pilot)
        draft = in_store(app, lambda store: store.drafts())[0]
        app.open_draft(draft)
        await settle(pilot)
        assert isinstance(app.screen, WorksheetScreen) and app.screen.query("#earlier")
        await pilot.press("ctrl+s")
        await settle(pilot)
        newest = in_store(app, lambda store: store.recent(1))[0]
        assert newest.link == f"entry:{earlier.uid}" and "Now we plan together" in newest.body
        assert newest.card.card == "terugblik"


async def test_changed_on_a_plain_note_quotes_it_above_the_editor(make_app):
    from tui.journal.store import CardRef
    from tui.screens.editor import EditorScreen

    app = make_app()
    in_store(app, lambda store: store.add_entry(
        "note", "Listening is hard", card=CardRef("proef", "luisteren", "Who?"),
        created=NOW.astimezone(UTC) - timedelta(days=8)))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        app.screen.query_one("#past-changed").press()
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        assert "What has changed since?" in screen_text(app)
        quoted = app.screen.query_one("#earlier").text
        assert "You wrote on 14 Nov 2026:" in quoted and "Listening is hard" in quoted
        assert app.screen.query_one("#body").has_focus  # the new text is typed at once
