"""Removing contact data (e-mail addresses, phone numbers) from free text that visitors
send anonymously, e.g. feedback comments: every channel stores it only through here."""

from __future__ import annotations

import re

# Generous on purpose: rather too much removed than an address kept.
MAIL = re.compile(
    r"[^\s@]+@[^\s@]+\.[^\s@]*\w"  # trailing punctuation stays text
    r"|[^\s@]+\s*[\[(]\s*at\s*[\])]\s*[^\s@]+\.[^\s@]*\w"
)
PHONE_CANDIDATE = re.compile(r"(?<![\w+])\+?\(?\d[\d ()/.\-–]{4,30}\d(?!\w)")
# Numbers that look like phone numbers but are not: dates, year ranges, times.
NOT_A_PHONE = re.compile(
    r"\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}"
    r"|\d{4}-\d{2}-\d{2}"
    r"|(?:19|20)\d{2}\s*[-–/]\s*(?:19|20)?\d{2}"
    r"|\d{1,2}[.:]\d{2}\s*[-–]\s*\d{1,2}[.:]\d{2}"
)
MIN_PHONE_DIGITS = 6
MAIL_REMOVED = "[E-Mail entfernt]"
PHONE_REMOVED = "[Telefonnummer entfernt]"


def _phone_or_keep(match: re.Match[str]) -> str:
    text = match.group(0)
    digits = sum(character.isdigit() for character in text)
    if digits < MIN_PHONE_DIGITS or NOT_A_PHONE.fullmatch(text.strip()):
        return text
    return PHONE_REMOVED


def without_contact_data(text: str) -> str:
    """`text` with e-mail addresses and phone numbers replaced by a marker."""
    text = MAIL.sub(MAIL_REMOVED, text)
    return PHONE_CANDIDATE.sub(_phone_or_keep, text)
