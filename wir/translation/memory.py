"""Translation memory: earlier translations of similar German texts, scored in percent.

Plain data in, plain data out (no Django, no database): `Memory` is built from
(German text, translation) pairs — the loader in `editor/suggestions.py` gives it only the
pairs of one region and language — and answers the best matches for a new German text.

Score (`similarity`): 100 exactly when the two texts are the same (markup included,
whitespace collapsed); otherwise the share of words that need no edit, from the word-level
edit distance of the lower-cased words, at most 99. The score is symmetric and lies in
[0, 100].

Speed: an inverted index (word → entries) chooses a bounded set of candidates — those
sharing the most distinct words with the text (`CANDIDATES`) — and only these are scored.
Entries sharing no word score 0, so when at most `CANDIDATES` entries share a word the
answer equals a full scan.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

CANDIDATES = 50  # entries scored per query, at most
MINIMUM = 50  # percent below which a match is no help
LIMIT = 3  # suggestions per text

_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Entry:
    source: str  # German HTML of a segment
    target: str  # its translation


@dataclass(frozen=True)
class Suggestion:
    source: str
    target: str
    score: int  # percent, 0..100; 100 = the same German text


def normal(text: str) -> str:
    """The text with whitespace collapsed: equal normal forms are an exact match."""
    return _SPACE.sub(" ", text).strip()


def words(text: str) -> list[str]:
    """The lower-cased words of the text without its markup."""
    return _WORD.findall(_TAG.sub(" ", text).casefold())


def edit_distance(a: list[str], b: list[str]) -> int:
    """Insertions, deletions and substitutions of words turning `a` into `b`."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, word_a in enumerate(a, 1):
        current = [i]
        for j, word_b in enumerate(b, 1):
            cost = 0 if word_a == word_b else 1
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost))
        previous = current
    return previous[-1]


def word_score(a: list[str], b: list[str]) -> int:
    longest = max(len(a), len(b))
    if longest == 0:
        return 0
    return (100 * (longest - edit_distance(a, b))) // longest


def similarity(a: str, b: str) -> int:
    """How alike two German texts are, in percent (see the module's doc)."""
    if normal(a) == normal(b):
        return 100
    return min(99, word_score(words(a), words(b)))


class Memory:
    """The index over one region's and language's earlier translations."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: list[Entry] = list(dict.fromkeys(entries))  # unique, in order
        self.words: list[list[str]] = [words(entry.source) for entry in self.entries]
        self.exact: dict[str, list[int]] = {}
        self.postings: dict[str, list[int]] = {}
        for index, entry in enumerate(self.entries):
            self.exact.setdefault(normal(entry.source), []).append(index)
            for word in set(self.words[index]):
                self.postings.setdefault(word, []).append(index)

    def __len__(self) -> int:
        return len(self.entries)

    def candidates(self, text_words: list[str], bound: int = CANDIDATES) -> list[int]:
        """At most `bound` entries sharing the most distinct words with the text."""
        shared: Counter[int] = Counter()
        for word in set(text_words):
            shared.update(self.postings.get(word, ()))
        return [index for index, _count in shared.most_common(bound)]

    def suggest(self, text: str, *, limit: int = LIMIT, minimum: int = MINIMUM) -> list[Suggestion]:
        """The best earlier translations for the German `text`, best first; exact matches
        (100) always, others from `minimum` percent; one suggestion per translation."""
        exact = self.exact.get(normal(text), [])
        text_words = words(text)
        scored = dict.fromkeys(exact, 100)
        for index in self.candidates(text_words):
            if index not in scored:
                scored[index] = min(99, word_score(text_words, self.words[index]))
        ranked = sorted(scored.items(), key=lambda item: (-item[1], item[0]))
        result: list[Suggestion] = []
        seen: set[str] = set()
        for index, score in ranked:
            entry = self.entries[index]
            if score < minimum or entry.target in seen:
                continue
            seen.add(entry.target)
            result.append(Suggestion(entry.source, entry.target, score))
            if len(result) == limit:
                break
        return result
