"""``kaart resurface``: today's entry from the past, and your answer to it.

One earlier entry comes back a day, on a spaced ladder (about a week, a
month, three months and a year after it was written; see
:mod:`tui.journal.resurface`), the same all day. ``--answer still`` (still
true) and ``--answer changed TEXT`` (saves TEXT as a new note linked to it)
keep it on the ladder; ``--answer never`` takes it off for good.
"""

from __future__ import annotations

from tui.commands import add_command, json_flag
from tui.errors import NotFound, UsageError
from tui.i18n import t
from tui.vocabulary import ANSWERS, Answer


def register(sub) -> None:
    resurface = add_command(sub, "resurface", "cli.help.resurface")
    resurface.add_argument("--answer", choices=ANSWERS, help=t("cli.resurface.help.answer"))
    resurface.add_argument("text", nargs="*", metavar=t("cli.metavar.text"),
                           help=t("cli.resurface.help.text"))
    json_flag(resurface)
    resurface.set_defaults(func=cmd_resurface)


def cmd_resurface(args, kaart, out) -> int:
    if args.answer is None:
        if args.text:
            raise UsageError(t("cli.resurface.text_needs_changed"))
        found = kaart.resurfaced()
        if args.json:
            out.json(resurfaced_json(found, kaart.today()))
        elif found is None:
            out.line(t("cli.resurface.nothing"))
        else:
            out.lines(resurfaced_lines(found, kaart.language))
        return 0
    return _answer(args, kaart, out)


def _answer(args, kaart, out) -> int:
    text = ""
    if args.answer == Answer.CHANGED:
        from tui.commands.editor import gather_text

        text = gather_text(args.text)
        if not text:
            raise UsageError(t("cli.resurface.changed_needs_text"))
    elif args.text:
        raise UsageError(t("cli.resurface.text_needs_changed"))
    found = kaart.resurfaced()
    if found is None:
        raise NotFound(t("resurface.nothing_to_answer"))
    changed = kaart.answer_resurfaced(args.answer, found.entry.uid)
    note = None
    if changed is not None:
        note = kaart.save_entry(changed.kind, text, card=changed.card, link=changed.link)
    if args.json:
        out.json({"answer": args.answer, "entry": found.entry.to_json(),
                  "note": note.to_json() if note is not None else None})
    elif note is not None:
        out.line(t("cli.resurface.answered.changed", uid=found.entry.short_uid,
                   note=note.short_uid))
    else:
        out.line(t(f"cli.resurface.answered.{args.answer}", uid=found.entry.short_uid))
    return 0


def resurfaced_json(found, today) -> dict:
    """``kaart resurface --json``: the day, and the entry in the export's shape (or null)."""
    return {"date": today.isoformat(),
            "entry": found.entry.to_json() if found else None,
            "age_days": found.age if found else None,
            "ladder": found.state.to_json() if found else None}


def resurfaced_lines(found, lang: str) -> list:
    """Today's entry from the past: when, what kind, its first lines, its card, how to answer."""
    from tui.commands.render import kind_names
    from tui.dates import format_date
    from tui.output import Bold

    entry = found.entry
    kind = kind_names().get(entry.kind, entry.kind)
    lines: list = [(Bold(t("cli.resurface.heading")), "  " + t(
        "cli.resurface.when", when=format_date(entry.created, lang), count=found.age,
        kind=kind, uid=entry.short_uid))]
    if entry.title:
        lines.append(("  ", Bold(entry.title)))
    body = [line.rstrip() for line in entry.body.strip().splitlines()]
    shown = body[:4]
    lines += [f"  {line}" for line in shown]
    if len(body) > len(shown):
        lines.append("  …")
    if entry.card is not None:
        text = " ".join(entry.card.text.split())
        lines.append(f"  {t('cli.outcome.card')}: {text} [{entry.card.ref}]")
    if entry.kind == "decision" and entry.outcome:
        lines.append(f"  {t('cli.resurface.outcome')}: {' '.join(entry.outcome.split())}")
    lines.append("")
    lines.append(t("cli.resurface.how"))
    return lines
