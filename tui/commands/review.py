"""``kaart review``: look back on a week or a month ("Terugblik"), and write its review.

It gathers one period (the ISO week or the calendar month holding ``--date``;
with neither flag nor date, the week the app's ``l`` opens: last week on Monday
to Wednesday until it has its review, else this one): the cards drawn and why, what was written, the decisions made
and those still waiting for their outcome, the days reflected, the streak and
the card written about most, with the review deck's questions. ``--write``
saves the review (from TEXT, stdin or the editor); a period that has its
review already gets it updated, the earlier version kept.
"""

from __future__ import annotations

from tui.commands import add_command, day, json_flag
from tui.errors import InputError, StoreError, UsageError
from tui.i18n import t


def register(sub) -> None:
    review = add_command(sub, "review", "cli.help.review")
    period = review.add_mutually_exclusive_group()
    period.add_argument("--week", dest="period", action="store_const", const="week",
                        help=t("cli.review.help.week"))
    period.add_argument("--month", dest="period", action="store_const", const="month",
                        help=t("cli.review.help.month"))
    review.add_argument("--date", type=day, metavar=t("cli.metavar.date"),
                        help=t("cli.review.help.date"))
    review.add_argument("--write", action="store_true", help=t("cli.review.help.write"))
    review.add_argument("text", nargs="*", metavar=t("cli.metavar.text"),
                        help=t("cli.review.help.text"))
    json_flag(review)
    review.set_defaults(func=cmd_review)


def cmd_review(args, kaart, out) -> int:
    if args.write:
        return _write(args, kaart, out)
    if args.text:
        raise UsageError(t("cli.review.text_needs_write"))
    review = kaart.review(_period(args, kaart))
    if args.json:
        out.json(review.to_json())
    else:
        out.lines(review_lines(review, kaart))
    return 0


def _period(args, kaart):
    """``--week``/``--month`` and ``--date`` as given; neither: the week the app's ``l`` opens."""
    if args.period is None and args.date is None:
        return kaart.review_period()
    return kaart.period(args.period or "week", args.date)


def _write(args, kaart, out) -> int:
    from tui.commands.editor import gather_text
    from tui.core.drafts import DraftContext

    period = _period(args, kaart)
    text = gather_text(args.text)
    if not text:
        raise InputError(t("cli.journal.write.empty"))
    try:
        entry = kaart.save_review(period, body=text)
    except StoreError as error:
        from tui.commands.write import _kept

        how, where = kaart.keep_unsaved(DraftContext.review(period), {"body": text}, error)
        raise StoreError(error.message + " " + _kept(how, where, out, text),
                         error.reason) from None
    if args.json:
        out.json(entry.to_json())
    else:
        out.line(t("cli.review.saved", period=period.label(kaart.language), uid=entry.short_uid))
    return 0


def review_lines(review, kaart) -> list:
    """The review as lines for the terminal."""
    from tui.commands.render import entry_line, first_line, kind_names
    from tui.output import Bold

    lang = kaart.language
    kinds = kind_names()
    lines: list = [Bold(t("cli.review.heading", period=review.period.label(lang)))]
    facts = [t("cli.review.days", count=review.days_reflected)]
    if review.streak:  # no "streak: 0 days"
        facts.append(t("cli.review.streak", count=review.streak))
    if review.most_written:  # not when every card was written about once
        deck, card, count = review.most_written
        facts.append(t("cli.review.most_written", ref=f"{deck}/{card}", count=count))
    lines.append(" · ".join(facts))

    def section(key: str, rows: list) -> None:
        lines.append("")
        lines.append(Bold(t(key, count=len(rows))))
        lines.extend(rows or ["  " + t("cli.review.none")])

    section("cli.review.draws", _draw_rows(review.draws, kaart))
    section("cli.review.entries", ["  " + entry_line(e, lang, kinds) for e in review.entries])
    section("cli.review.decisions", ["  " + entry_line(e, lang, kinds) for e in review.decisions])
    section("cli.review.waiting", ["  " + entry_line(e, lang, kinds) for e in review.waiting])
    if review.questions:
        lines.append("")
        lines.append(Bold(t("cli.review.questions", card=review.card.text.partition(":")[0])))
        lines += [f"  {number}. {question}" for number, question in
                  enumerate(review.questions, 1)]
    lines.append("")
    flag = " --month" if review.period.kind == "month" else ""
    when = f" --date {review.period.start.isoformat()}"
    if review.entry is not None:
        lines.append(t("cli.review.written", uid=review.entry.short_uid,
                       line=first_line(review.entry._replace(title=""), 50)))
        lines.append(t("cli.review.again", command=f"kaart review{flag}{when} --write"))
    else:
        lines.append(t("cli.review.write_it", command=f"kaart review{flag}{when} --write"))
    return lines


def _draw_rows(draws, kaart) -> list[str]:
    """One row per card and purpose (``3×`` when it came more than once), first draw first."""
    from tui.dates import format_date

    grouped: dict[tuple[str, str], list] = {}
    for draw in draws:
        grouped.setdefault((draw.ref, draw.purpose), []).append(draw)
    rows = []
    for (ref, purpose), same in grouped.items():
        first = same[0]
        card = kaart.library.card(first.deck, first.card)
        text = " ".join(card.text.split()) if card is not None else ""
        if len(text) > 44:
            text = text[:43] + "…"
        times = f"{len(same)}× " if len(same) > 1 else ""
        label = t(f"cli.review.purpose.{purpose}")
        rows.append(f"  {format_date(first.at, kaart.language, short=True)}  {label:<17} "
                    f"{times}{text}  [{ref}]".rstrip())
    return rows
