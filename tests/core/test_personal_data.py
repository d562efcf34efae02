"""Contact data in free text from visitors is removed; ordinary numbers stay."""

from __future__ import annotations

import pytest

from wir.core.personal_data import MAIL_REMOVED, PHONE_REMOVED, without_contact_data


@pytest.mark.parametrize(
    "contact",
    [
        "max.muster@web.de",
        "x.y+z@mail.example.de",
        "max [at] web.de",
        "0151 2345678",
        "+49 (6031) 83-1234",
        "030/1234567",
        "06031831234",
        "0603/1234",
        "0 6 0 3 1 / 8 3 1 2",
        "٠١٥١٢٣٤٥٦٧٨",  # Arabic-Indic digits
    ],
)
def test_contact_data_is_removed(contact: str) -> None:
    cleaned = without_contact_data(f"Bitte melden: {contact} danke")
    assert contact not in cleaned
    assert cleaned.startswith("Bitte melden: [")
    assert MAIL_REMOVED in cleaned or PHONE_REMOVED in cleaned


@pytest.mark.parametrize(
    "text",
    [
        "Am 12.03.2027 um 10:00-12:00 war zu",
        "Kurs 2026-2027, Raum 12, 5 Personen",
        "Termin 2027-03-01, PLZ 61169 Friedberg",
        "Öffnungszeit 9-12 Uhr, Seite 3",
    ],
)
def test_ordinary_numbers_stay(text: str) -> None:
    assert without_contact_data(text) == text
