"""Translation memory: suggestions for new German texts from a region's earlier
translations, the index (`wir.translation.memory.Memory`) against a full scan scoring every
entry (`similarity` on all of them), in the same run, same data.

Data: deterministic German-like segments of 6–25 words from a 600-word vocabulary
(WIR_BENCH_MEMORY_ENTRIES entries, default 10 000 — more than a district's texts in one
language); queries: 30 texts, a third exact repeats, a third with one or two words
changed, a third new. Figures: median milliseconds per query (3 rounds), the index's
build time, and how often both answer the same best score.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wir.translation import memory

ENTRIES = int(os.environ.get("WIR_BENCH_MEMORY_ENTRIES", "10000"))
QUERIES = 30
ROUNDS = 3


def corpus(rng: random.Random) -> tuple[list[memory.Entry], list[str]]:
    vocabulary = [f"wort{n}" for n in range(600)]
    common = ["der", "die", "und", "im", "für", "mit", "am", "bei", "zum", "Beratung"]
    entries = []
    for number in range(ENTRIES):
        size = rng.randint(6, 25)
        text = " ".join(
            rng.choice(common if rng.random() < 0.3 else vocabulary) for _ in range(size)
        )
        entries.append(memory.Entry(text + ".", f"translation {number}"))
    queries = []
    for number in range(QUERIES):
        words = rng.choice(entries).source.split()
        if number % 3 == 1:
            for _ in range(rng.randint(1, 2)):
                words[rng.randrange(len(words))] = rng.choice(vocabulary)
        elif number % 3 == 2:
            words = [rng.choice(vocabulary) for _ in range(rng.randint(6, 25))]
        queries.append(" ".join(words))
    return entries, queries


def full_scan(entries: list[memory.Entry], text: str) -> int:
    return max((memory.similarity(text, entry.source) for entry in entries), default=0)


def main() -> None:
    entries, queries = corpus(random.Random(14))
    started = time.perf_counter()
    tm = memory.Memory(entries)
    build = time.perf_counter() - started
    indexed: list[float] = []
    scanned: list[float] = []
    same = 0
    for round_number in range(ROUNDS):
        started = time.perf_counter()
        answers = [tm.suggest(text, limit=1, minimum=0) for text in queries]
        indexed.append((time.perf_counter() - started) / QUERIES)
        started = time.perf_counter()
        best = [full_scan(entries, text) for text in queries]
        scanned.append((time.perf_counter() - started) / QUERIES)
        if round_number == 0:
            same = sum(
                1
                for found, score in zip(answers, best, strict=True)
                if (found[0].score if found else 0) == score or score < memory.MINIMUM
            )
    print(
        json.dumps(
            {
                "bench": "translation_memory",
                "entries": len(tm),
                "queries": QUERIES,
                "build_ms": round(build * 1000, 1),
                "index_ms_per_query": round(statistics.median(indexed) * 1000, 2),
                "full_scan_ms_per_query": round(statistics.median(scanned) * 1000, 2),
                "ratio_full_scan_to_index": round(
                    statistics.median(scanned) / statistics.median(indexed), 1
                ),
                "same_best_match_share": round(same / QUERIES, 3),
            }
        )
    )


if __name__ == "__main__":
    main()
