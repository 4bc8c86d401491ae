"""Chronology benchmark: TempEval-3 scores on TBAQ-cleaned, and words per second.

    .venv/bin/python benchmarks/bench_timeline.py [--corpus DIR] [--errors N] [--speed-words N]

Scoring follows TempEval-3 (citecheck/timeline/scoring.py says how): relaxed and strict F1, value
F1, and "date accuracy", the share of exact values among matched day/week/month/year dates.
--corpus takes any folder of .tml files, e.g. tests/fixtures/timeline/newswire.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from citecheck.load.timeml import GoldTimex, TimeMLDocument, read_timeml
from citecheck.timeline import tag_text
from citecheck.timeline.scoring import Comparison, compare, tempeval_scores

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "temporal" / "TBAQ-cleaned"


def load(corpus: Path) -> list[tuple[str, TimeMLDocument]]:
    return [(p.name, read_timeml(p.read_text(encoding="utf-8"))) for p in sorted(corpus.rglob("*.tml"))]


def score(docs: list[tuple[str, TimeMLDocument]], show_errors: int) -> dict[str, float]:
    comparisons: list[Comparison] = []
    errors: list[str] = []
    for name, doc in docs:
        compared = compare(doc, tag_text(doc.text, doc.dct))
        comparisons.extend(compared)
        for comparison in compared:
            outcome, gold, mention = comparison.outcome, comparison.gold, comparison.mention
            if outcome == "right" or len(errors) >= show_errors:
                continue
            if outcome == "missed" and gold is not None:
                errors.append(f"MISS {name} {gold_text(doc, gold)!r} {gold.type} {gold.value} dct={doc.dct}")
            elif outcome == "wrong value" and gold is not None and mention is not None:
                errors.append(
                    f"VALUE {name} gold={gold_text(doc, gold)!r} {gold.type} {gold.value} "
                    f"sys={mention.text!r} {mention.type} {mention.value} dct={doc.dct} "
                    f"ctx={doc.text[max(0, gold.start - 60) : gold.end + 30]!r}"
                )
            elif mention is not None:
                errors.append(
                    f"EXTRA {name} {mention.text!r} {mention.type} {mention.value} "
                    f"ctx={doc.text[max(0, mention.start - 50) : mention.end + 30]!r}"
                )
    for line in errors:
        print(line)
    return {"documents": len(docs), **tempeval_scores(comparisons)}


def gold_text(doc: TimeMLDocument, gold: GoldTimex) -> str:
    return doc.text[gold.start : gold.end]


def speed(docs: list[tuple[str, TimeMLDocument]], target_words: int) -> dict[str, float]:
    corpus_text = "\n\n".join(doc.text for _, doc in docs)
    copies = max(1, target_words // len(corpus_text.split()))
    long_text = "\n\n".join([corpus_text] * copies)
    words = len(long_text.split())
    published = docs[0][1].dct
    started = time.perf_counter()
    tag_text(long_text, published)
    tagger_seconds = time.perf_counter() - started
    result = {"words": words, "tagger_words_per_s": words / tagger_seconds}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.txt"
        path.write_text(f"date {published}\n\n{long_text}", encoding="utf-8")
        command = command_line(path, published)
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, check=False)
        elapsed = time.perf_counter() - started
        result["command_seconds"] = elapsed
        result["command_words_per_s"] = words / elapsed
        result["command_ok"] = float(done.returncode == 0)
        print("command:", " ".join(str(c) for c in command[:3]), "...", "exit", done.returncode, file=sys.stderr)
    return result


def command_line(path: Path, published: object) -> list[str]:
    """`citecheck timeline` when the CLI has it; else the same work through the library in a fresh process."""
    exe = shutil.which("citecheck", path=str(Path(sys.executable).parent))
    if exe:
        probe = subprocess.run([exe, "timeline", "--help"], capture_output=True, check=False)
        if probe.returncode == 0:
            return [exe, "timeline", str(path), "--published", str(published), "--format", "json"]
    script = (
        "import sys, json, datetime as dt; from citecheck.timeline import tag_text; "
        "t = open(sys.argv[1], encoding='utf-8').read(); "
        "m = tag_text(t, dt.date.fromisoformat(sys.argv[2])); "
        "sys.stdout.write(json.dumps([x.model_dump(mode='json') for x in m]))"
    )
    return [sys.executable, "-c", script, str(path), str(published)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--errors", type=int, default=0, help="print up to N misses, extras and wrong values")
    parser.add_argument("--speed-words", type=int, default=1_000_000)
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus}")
    docs = load(args.corpus)
    results: dict[str, float] = score(docs, args.errors)
    if not args.no_speed:
        results.update(speed(docs, args.speed_words))
    print(json.dumps({k: round(v, 1) if isinstance(v, float) else v for k, v in results.items()}, indent=2))


if __name__ == "__main__":
    main()
