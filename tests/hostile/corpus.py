"""The hostile-input corpus: a few well-chosen payloads per class of attack.

Every class is sent to every input at least once (the payloads rotate across a form's
inputs, see `rotation`), not the full cross product. Payloads that a page could execute set
`window.__pwned`, so that Chromium can tell whether anything ran; payloads meant to be stored
carry a marker (`mark`) so that the campaign finds where they end up.
"""

from __future__ import annotations

import os
import re

# 100,000 characters: one input of a request gets it, the others a shorter long text (a
# form with many inputs would otherwise only meet the request size limit).
OVERLONG = "A" * 100_000
LONG = "B" * 5_000

# The global a payload sets when it runs in a browser.
PWNED = "__pwned"

CLASSES: dict[str, tuple[str, ...]] = {
    "xss": (
        "<script>window.__pwned=1</script>",
        '"><img src=x onerror="window.__pwned=2">',
        "javascript:window.__pwned=3",
    ),
    # SQL, path traversal and header injection in one value each (they do not mask each
    # other: none is refused for the others' sake).
    "injection": (
        "' OR 1=1--/../../etc/passwd\r\nSet-Cookie: pwned=1",
        '1"; DROP TABLE core_region;--%0d%0aSet-Cookie:%20pwned=1..%2F..%2Fetc%2Fpasswd',
    ),
    "overlong": (OVERLONG,),
    "unicode": ("\u202egnp.exe zero\u200bwidth\ufeff", "nul\x00byte"),
    "formula": ('=HYPERLINK("http://x.invalid/","Klick")', "=cmd|' /C calc'!A0", "+1+1", "@SUM(1)"),
    "number": ("-1", "0", "1e309", "9999999999999999999", "NaN", "-0.0000001"),
    "date": ("0000-00-00", "9999-12-31T99:99", "2027-02-30"),
}

NAMES = tuple(CLASSES)

# Rotation rounds per form in `make test` (every class reaches every input position across
# the forms); all len(NAMES) rounds per form with WIR_HOSTILE_FULL=1 (bench/bench_hostile.py).
TEST_ROUNDS = 2


def full_rotation() -> bool:
    return os.environ.get("WIR_HOSTILE_FULL", "") == "1"


def rotation(inputs: int, round_: int) -> list[str]:
    """The payloads of one round for a form with `inputs` inputs: input i gets the class
    (i + round) mod n, so that after len(NAMES) rounds every input had every class once;
    within a class the payloads rotate too."""
    out = []
    for i in range(inputs):
        name = NAMES[(i + round_) % len(NAMES)]
        choices = CLASSES[name]
        payload = choices[(i + round_ // len(NAMES) + i // len(NAMES)) % len(choices)]
        if payload == OVERLONG and OVERLONG in out:
            payload = LONG
        out.append(payload)
    return out


def class_of(payload: str) -> str:
    for name, payloads in CLASSES.items():
        if payload in payloads or (payload == LONG and name == "overlong"):
            return name
    return "stored"


# --- payloads meant to be stored (accepted submissions) -------------------------------

MARK = re.compile(r"WIRQ(\d+)Z")


def mark(number: int) -> str:
    return f"WIRQ{number}Z"


def stored_xss(number: int) -> str:
    """Short enough for most text fields; breaks out of attributes and text alike."""
    return (
        f'{mark(number)}"><script>window.__pwned={number}</script>'
        f'<img src=x onerror="window.__pwned={number}">'
    )


def stored_formula(number: int) -> str:
    return f'=HYPERLINK("http://x.invalid/{mark(number)}";"Klick")'


def stored_unicode(number: int) -> str:
    return f"{mark(number)} \u202eEVIL\u202c zero\u200bwidth"


STORED = (stored_xss, stored_formula, stored_unicode)

# What must never appear raw in an HTML answer: our tags and handlers, unescaped.
RAW = (
    re.compile(r"<script>window\.__pwned"),
    re.compile(r"<img src=x onerror"),
    re.compile(r"""(?:href|src|action)\s*=\s*["']?\s*javascript:window\.__pwned""", re.I),
)

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
