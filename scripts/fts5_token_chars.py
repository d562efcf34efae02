"""Write wir/portal/fts5_chars.py: the code points that SQLite's FTS5 tokenizer
`unicode61 remove_diacritics 2` keeps inside a word, as ranges.

The SQLite search (wir/portal/search_index.py) splits texts into words in Python, so that
it can give every word its region's mark, and must split exactly where FTS5 would. The
tokenizer's tables are fixed (Unicode 6.1, hence its name); this asks the tokenizer itself,
one code point at a time, and is run again only if a SQLite release changed them
(tests/portal/test_search_words.py compares the table with the SQLite in use).

    .venv/bin/python scripts/fts5_token_chars.py
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "wir" / "portal" / "fts5_chars.py"
LAST = 0x10FFFF


def code_points() -> list[int]:
    """Every code point a Python string may hold in a UTF-8 text (no surrogates, no NUL)."""
    return [cp for cp in range(1, LAST + 1) if not 0xD800 <= cp <= 0xDFFF]


def token_chars(points: list[int]) -> set[int]:
    """The code points that FTS5 keeps inside a word: `a<c>b` stays one token."""
    db = sqlite3.connect(":memory:")
    try:
        db.execute("CREATE VIRTUAL TABLE f USING fts5(t, tokenize='unicode61 remove_diacritics 2')")
        db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(f, 'instance')")
        rows = ((cp, f"a{chr(cp)}b") for cp in points)
        db.executemany("INSERT INTO f(rowid, t) VALUES (?, ?)", rows)
        tokens: dict[int, int] = {}
        for (row,) in db.execute("SELECT doc FROM v"):
            tokens[row] = tokens.get(row, 0) + 1
    finally:
        db.close()
    return {cp for cp in points if tokens.get(cp) == 1}


def ranges(points: set[int]) -> list[tuple[int, int]]:
    found: list[list[int]] = []
    for cp in sorted(points):
        if found and found[-1][1] == cp - 1:
            found[-1][1] = cp
        else:
            found.append([cp, cp])
    return [(start, end) for start, end in found]


def module(found: list[tuple[int, int]]) -> str:
    """The module's text, one range a line (as `ruff format` keeps it)."""
    body = "".join(f"    (0x{start:X}, 0x{end:X}),\n" for start, end in found)
    return (
        '"""The code points that SQLite\'s FTS5 tokenizer `unicode61 remove_diacritics 2` keeps\n'
        "inside a word (ranges, inclusive). Written by scripts/fts5_token_chars.py with SQLite "
        f'{sqlite3.sqlite_version};\ndo not edit by hand."""\n\n'
        f"TOKEN_CHARS: tuple[tuple[int, int], ...] = (\n{body})\n"
    )


def main() -> int:
    TARGET.write_text(module(ranges(token_chars(code_points()))), encoding="utf-8")
    print(f"written: {TARGET.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
