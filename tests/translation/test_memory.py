"""The translation memory's matching (pure): scores, the index against a full scan, and
which texts count as no prose (verbatim)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wir.translation import memory, verbatim

# A loaded CI machine makes generation look slow; the examples themselves are small.
CALM = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORDS = st.sampled_from(["Termin", "beim", "Amt", "Sprachkurs", "für", "Kinder", "am", "Montag"])
TEXTS = st.lists(WORDS, min_size=1, max_size=8).map(" ".join)


def test_exact_match_is_100_and_a_changed_word_less() -> None:
    assert memory.similarity("Termin beim Amt", "Termin  beim Amt") == 100
    assert memory.similarity("Termin beim Amt", "Termin beim Jobcenter") == 66
    assert memory.similarity("Termin beim Amt", "termin beim amt") == 99  # not the same text
    assert memory.similarity('Im <a id="a1">Amt</a>', "Im Amt") == 99  # markup differs


@CALM
@given(TEXTS, TEXTS)
def test_scores_lie_between_0_and_100_and_are_symmetric(a: str, b: str) -> None:
    score = memory.similarity(a, b)
    assert 0 <= score <= 100
    assert score == memory.similarity(b, a)
    assert (score == 100) == (memory.normal(a) == memory.normal(b))
    assert memory.similarity(a, a) == 100


@CALM
@given(st.lists(st.tuples(TEXTS, TEXTS), max_size=30), TEXTS)
def test_the_index_answers_like_a_full_scan(pairs: list[tuple[str, str]], text: str) -> None:
    tm = memory.Memory(memory.Entry(source, target) for source, target in pairs)
    assert len(tm) <= memory.CANDIDATES  # every entry sharing a word is a candidate
    found = tm.suggest(text, limit=len(pairs) + 1, minimum=0)
    best = max((memory.similarity(text, s) for s, _t in pairs), default=None)
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)
    if found and best is not None and best > 0:
        assert found[0].score == best
    for suggestion in found:
        assert suggestion.score == memory.similarity(text, suggestion.source)


def test_suggestions_best_first_without_weak_or_repeated_ones() -> None:
    tm = memory.Memory(
        [
            memory.Entry("Sprachkurs für Kinder am Montag", "Language course for children"),
            memory.Entry("Sprachkurs für Kinder am Dienstag", "Course on Tuesday"),
            memory.Entry("Sprachkurs für Kinder am Montag", "Language course for children"),
            memory.Entry("Termin beim Amt", "Appointment"),
        ]
    )
    found = tm.suggest("Sprachkurs für Kinder am Montag")
    assert [(s.target, s.score) for s in found] == [
        ("Language course for children", 100),
        ("Course on Tuesday", 80),
    ]
    assert tm.suggest("Sommerfest im Park") == []


def test_what_is_no_prose() -> None:
    assert verbatim.is_verbatim("phone", "Sprechzeiten") is True  # by field
    assert verbatim.is_verbatim("contact_phone", "06031 83-1234") is True
    assert verbatim.is_verbatim("recurrence", "FREQ=WEEKLY;BYDAY=TH") is True
    assert verbatim.is_verbatim("slug", "de") is True
    assert verbatim.is_verbatim("office_hours", "+49 6031 83-1234") is True  # no letter
    assert verbatim.is_verbatim("summary", "FREQ=WEEKLY;BYDAY=TH;COUNT=4") is True
    assert verbatim.is_verbatim("body.4f2a", "<b>12.05.</b> &amp; 13:00") is True
    assert verbatim.is_verbatim("title", "Sprachcafé") is False
    assert verbatim.is_verbatim("body.4f2a", "Termine unter 06031 83-1234") is False
    assert verbatim.is_verbatim("title", "Café 2026") is False
