"""Pure parts of the Integreat API: scrubbing comments, tags, rules, plain text."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wir.api.integreat.feedback import FeedbackError, parse_feedback, without_personal_data
from wir.api.integreat.serializers import bcp47, item_slug, plain_text, recurrence_rule

BERLIN = ZoneInfo("Europe/Berlin")


def test_contact_line_mail_and_phone_are_removed() -> None:
    text = "Die Seite ist veraltet. Tel. +49 6031 83-1234    Kontaktadresse: a.b@example.org"
    assert without_personal_data(text) == "Die Seite ist veraltet. Tel. [Telefonnummer entfernt]"
    assert without_personal_data("Schreibt an x.y+z@mail.example.de bitte") == (
        "Schreibt an [E-Mail entfernt] bitte"
    )
    assert without_personal_data("Öffnungszeit 9-12 Uhr, Raum 3") == "Öffnungszeit 9-12 Uhr, Raum 3"


@given(
    st.text(max_size=200),
    st.emails(),
    st.from_regex(r"\+?49 ?\d{3,5} ?\d{4,8}", fullmatch=True),
)
def test_no_address_or_number_survives(prefix: str, mail: str, phone: str) -> None:
    cleaned = without_personal_data(f"{prefix} {mail} {phone}")
    assert mail not in cleaned
    assert phone not in cleaned
    assert len(cleaned) <= 1000


def test_feedback_input_rules() -> None:
    assert parse_feedback("categories", {"rating": "up"}).helpful is True
    assert parse_feedback("search", {"comment": "x", "query": "Kita"}).comment == "[Suche: Kita] x"
    with pytest.raises(FeedbackError) as error:
        parse_feedback("categories", {"rating": "sideways"})
    assert error.value.parameter == "rating"
    with pytest.raises(FeedbackError):
        parse_feedback("categories", {"comment": "   Kontaktadresse: a@b.de"})  # nothing left
    with pytest.raises(FeedbackError) as unknown:
        parse_feedback("extras", {"rating": "up"})
    assert unknown.value.parameter == "type"


def test_language_tags_and_slugs() -> None:
    assert bcp47("de") == "de"
    assert bcp47("zh-hans") == "zh-Hans"
    assert bcp47("pt-br") == "pt-BR"
    assert item_slug("Sprachcafé im Rathaus", 7) == "sprachcafé-im-rathaus-7"
    assert item_slug("مقهى اللغة", 8) == "مقهى-اللغة-8"
    assert item_slug("!!!", 9) == "eintrag-9"


def test_plain_text_separates_blocks() -> None:
    assert plain_text("<h2>Titel</h2><p>A &amp; B</p><ul><li>eins</li><li>zwei</li></ul>") == (
        "Titel A & B eins zwei"
    )


def event(start: datetime, rule: str) -> SimpleNamespace:
    return SimpleNamespace(start=start, recurrence=rule, zone=BERLIN)


def test_rules_in_integreats_form() -> None:
    summer = datetime(2027, 6, 1, 18, 0, tzinfo=BERLIN)
    assert recurrence_rule(event(summer, "")) is None  # type: ignore[arg-type]
    assert recurrence_rule(event(summer, "FREQ=WEEKLY;BYDAY=TU")) == (  # type: ignore[arg-type]
        "DTSTART:20270601T160000\nRRULE:FREQ=WEEKLY;BYDAY=TU"
    )
    # UNTIL as a date means the end of that day in Berlin, written in UTC without "Z".
    assert recurrence_rule(event(summer, "FREQ=DAILY;UNTIL=20270630")).endswith(  # type: ignore[arg-type]
        "UNTIL=20270630T215959"
    )
    assert recurrence_rule(event(summer, "FREQ=DAILY;UNTIL=20270630T100000Z")).endswith(  # type: ignore[arg-type]
        "UNTIL=20270630T100000"
    )
