"""Analysis speed in CPU time: ``python -m bench.analysis [--articles N] [--rounds R]``.

Prints :func:`claims.analyze_article` throughput as articles of 500 words per CPU second
(``time.process_time``, so other processes on shared cores count little), best of R rounds:

- on N generated ``bench.ingest`` articles (fixed seeds; their filler sentences repeat
  across articles, so per-sentence caches help them more than real news);
- on the LGL and GeoWebNews development texts (``shared/eval/geoparse``), real news
  normalised to 500 words;
- on the Arabic geoparse development texts (``tests/data/arabic``), the same way, and
  their speed relative to the English texts (issue 16 wants it within 2x);
- on articles of comparable length in both languages: the Arabic development and tune
  probe texts (never the holdout or blind ones) and the LGL + GeoWebNews texts, each
  joined in file order into articles of about :data:`ASSEMBLED_WORDS` words
  (:func:`assembled`), per word and per article. The Arabic texts are about 40 words
  each, so on the lines above an article's fixed costs weigh on Arabic far more than on
  English; the assembled articles compare the languages at one length.

The target of issue 15 is 200 per core. ``--stages`` also prints each corpus's CPU shares
per analysis stage (:mod:`bench.analysis_stages`, from stack samples); ``python -m
bench.ingest --profile`` gives the functions.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Sequence
from pathlib import Path

from core.paths import eval_dir

CORPORA = ("lgl_dev.jsonl", "geowebnews_dev.jsonl")
ARABIC = Path(__file__).resolve().parent.parent / "tests" / "data" / "arabic" / \
    "geoparse_ar_dev.jsonl"
#: The Arabic texts joined into articles of comparable length: development and tune probes.
ARABIC_ASSEMBLED = (ARABIC, ARABIC.parent / "probes_tune" / ARABIC.name)
#: Words of an assembled article (texts are joined until it has at least this many).
ASSEMBLED_WORDS = 500
#: Texts longer than this many times :data:`ASSEMBLED_WORDS` are not joined into articles.
LONGEST_TEXT = 1.5
#: The issue 16 target: Arabic at most this many times slower than English.
TARGET_RATIO = 2.0

#: One text to analyse: ``(text, title, published)``.
Text = tuple[str, str | None, object]


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def assembled(docs: Sequence[dict], words: int = ASSEMBLED_WORDS) -> list[Text]:
    """Join whole texts, in order, into articles of about ``words`` words each.

    A text joins the article while that brings the article nearer ``words`` words (the
    first always does); a text longer than :data:`LONGEST_TEXT` times ``words`` is left
    out and a last article under half of ``words`` is dropped, so all are of comparable
    length. An article is its texts separated by a blank line, untitled, dated as its
    first text.

    >>> docs = [{"text": "a b c"}] * 5 + [{"text": "x " * 20}]
    >>> [len(t.split()) for t, _, _ in assembled(docs, words=7)]
    [6, 6]
    """
    out: list[Text] = []
    parts: list[str] = []
    size, date = 0, None
    for doc in docs:
        n = len(doc["text"].split())
        if n > LONGEST_TEXT * words:
            continue
        if parts and abs(size + n - words) >= abs(size - words):
            out.append(("\n\n".join(parts), None, date))
            parts, size = [], 0
        if not parts:
            date = doc.get("date")
        parts.append(doc["text"])
        size += n
    if parts and size >= words / 2:
        out.append(("\n\n".join(parts), None, date))
    return out


def _rate(texts: Sequence[tuple[str, str | None, object]], rounds: int) -> float:
    """Return the best CPU seconds of analysing every ``(text, title, published)`` once."""
    from claims import analyze_article

    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for text, title, published in texts:
            analyze_article(text, title=title, published=published)
        best = min(best, time.process_time() - start)
    return best


def _print_stages(texts: Sequence[tuple[str, str | None, object]]) -> None:
    """Print the stage shares of one more round over ``texts``."""
    from bench.analysis_stages import stage_shares

    print("  stages: " + stage_shares(lambda: _rate(texts, 1)))


def _print_arabic(args: argparse.Namespace, english: float) -> None:
    """Print the Arabic development texts' speed, and its ratio to ``english``'s."""
    docs = _read(ARABIC)
    texts = [(d["text"], d.get("title") or None, d.get("date")) for d in docs]
    words = sum(len(d["text"].split()) for d in docs)
    arabic = words / 500 / _rate(texts, args.rounds)
    print(f"Arabic development texts ({len(docs)}, {words} words): {arabic:.1f} articles of "
          f"500 words per CPU second ({english / arabic:.1f}x slower than the English texts)")
    if args.stages:
        _print_stages(texts)


def _speed(label: str, texts: Sequence[Text], rounds: int) -> tuple[float, float]:
    """Print and return the words and articles per CPU second of ``texts``."""
    words = sum(len(t.split()) for t, _, _ in texts)
    cpu = _rate(texts, rounds)
    print(f"{label} ({len(texts)} articles, {words / len(texts):.0f} words on average): "
          f"{words / cpu:.0f} words, {len(texts) / cpu:.1f} articles per CPU second")
    return words / cpu, len(texts) / cpu


def _print_comparable(args: argparse.Namespace, english_docs: Sequence[dict]) -> None:
    """Print Arabic against English on assembled articles of one length (:func:`assembled`)."""
    arabic_docs = [d for path in ARABIC_ASSEMBLED if path.is_file() for d in _read(path)]
    if not arabic_docs or not english_docs:
        return
    print(f"comparable length: texts joined into articles of about {ASSEMBLED_WORDS} words")
    ar_texts = assembled(arabic_docs)
    ar_words, ar_articles = _speed("  Arabic dev + tune probe texts", ar_texts, args.rounds)
    if args.stages:
        _print_stages(ar_texts)
    en_texts = assembled([{"text": d["text"]} for d in english_docs])
    en_words, en_articles = _speed("  LGL + GeoWebNews texts", en_texts, args.rounds)
    per_word, per_article = en_words / ar_words, en_articles / ar_articles
    verdict = "meets" if max(per_word, per_article) <= TARGET_RATIO else "misses"
    print(f"  Arabic is {per_word:.2f}x slower per word, {per_article:.2f}x per article "
          f"at comparable length ({verdict} the issue 16 target of <= {TARGET_RATIO:.0f}x)")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--stages", action="store_true",
                        help="also print the CPU share of each analysis stage")
    args = parser.parse_args(argv)
    from bench.ingest import generate_articles, place_names
    from claims import analyze_article

    articles = generate_articles(args.articles, place_names())
    analyze_article(articles[0].text, published=articles[0].published)  # load the models
    generated = [(a.text, a.title, a.published) for a in articles]
    words = sum(len(a.text.split()) for a in articles)
    cpu = _rate(generated, args.rounds)
    print(f"generated articles ({len(articles)}, {words / len(articles):.0f} words on "
          f"average): {words / 500 / cpu:.1f} articles of 500 words per CPU second "
          f"[target >= 200]")
    if args.stages:
        _print_stages(generated)
    base = eval_dir()
    docs = []
    for name in CORPORA if base else ():
        path = base / "geoparse" / name
        if path.is_file():
            with path.open(encoding="utf-8") as handle:
                docs += [json.loads(line) for line in handle if line.strip()]
    if docs:
        real = [(d["text"], d.get("title") or None, None) for d in docs]
        words = sum(len(d["text"].split()) for d in docs)
        cpu = _rate(real, args.rounds)
        english = words / 500 / cpu
        print(f"LGL + GeoWebNews development texts ({len(docs)}, {words} words): "
              f"{english:.1f} articles of 500 words per CPU second")
        if args.stages:
            _print_stages(real)
        _print_arabic(args, english)
        _print_comparable(args, docs)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (CPU time is "
          "inflated too when the cores are shared)")


if __name__ == "__main__":
    main()
