"""Versions of a welcome-culture concept as text, and a readable diff between two of them.
Plain strings in and out; difflib escapes the text it puts into its HTML table."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ConceptState:
    title: str
    area: str
    status: str
    needs_analysis: str
    goals: str
    public_summary: str
    measures: Sequence[str] = ()


def as_text(state: ConceptState) -> str:
    """The concept as one text, section by section (what a version stores)."""
    parts = [
        f"Titel: {state.title}",
        f"Gebiet: {state.area}",
        f"Stand: {state.status}",
        "",
        "Bedarfsanalyse:",
        state.needs_analysis.strip(),
        "",
        "Ziele:",
        state.goals.strip(),
        "",
        "Öffentliche Zusammenfassung:",
        state.public_summary.strip(),
        "",
        "Maßnahmen:",
        *[f"- {measure}" for measure in state.measures],
    ]
    return "\n".join(parts).replace("\r\n", "\n") + "\n"


def diff_table(old: str, new: str, old_label: str, new_label: str) -> str:
    """Side-by-side HTML table of the changed lines with a little context (escaped)."""
    table = difflib.HtmlDiff(wrapcolumn=60).make_table(
        old.splitlines(),
        new.splitlines(),
        fromdesc=old_label,
        todesc=new_label,
        context=True,
        numlines=2,
    )
    # difflib's table has no class of ours, and navigation links with ids that clash when
    # two tables share a page; keep the table, give it our class.
    return table.replace('<table class="diff"', '<table class="diff wir-diff"', 1)


def changed_lines(old: str, new: str) -> int:
    """How many lines were added or removed."""
    return sum(
        1
        for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    )
