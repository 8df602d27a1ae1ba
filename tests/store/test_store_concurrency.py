"""Two processes ingesting into one SQLite file at once lose nothing and store each once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from store import open_store

WORKER = r"""
import json, sys, time
from types import SimpleNamespace
from claims.model import ControlClaim, Provenance
from gazetteer.model import Candidate, Mention, Place
from store import ArticleInput, open_store

url, start_at, ids = sys.argv[1], float(sys.argv[2]), json.loads(sys.argv[3])
place = Place("test:p", "Sirte", 31.2, 16.6, "PPL")

def analyze(text, **meta):
    mention = Mention(0, 5, "Sirte", (Candidate(place, 1.0, ()),))
    claim = ControlClaim(Provenance(text[:10], 0, 10, 0, len(text)), "LNA", "LNA",
                         "captured", "Sirte", place)
    return SimpleNamespace(mentions=[mention] * 3, claims=[claim] * 2)

while time.time() < start_at:
    time.sleep(0.005)
store = open_store(url, merge_places=False)   # both may migrate a brand-new file at once
counts = {"stored": 0, "duplicate": 0, "failed": 0}
for i in ids:
    text = f"Sirte report number {i}. " + "The front was quiet today. " * 40
    result = store.ingest_article(ArticleInput(text=text, source=f"S{i % 3}"),
                                  analyzer=analyze)
    counts[result.status] += 1
print(json.dumps(counts))
"""


def test_two_processes_on_one_sqlite_file(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'shared.sqlite'}"
    start_at = time.time() + 1.5
    batches = [list(range(0, 40)), list(reversed(range(20, 60)))]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, url, str(start_at), json.dumps(b)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=env) for b in batches]
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (_out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
    counts = [json.loads(out.strip().splitlines()[-1]) for out, _ in outputs]
    assert sum(c["failed"] for c in counts) == 0
    assert sum(c["stored"] for c in counts) == 60
    assert sum(c["duplicate"] for c in counts) == 20
    store = open_store(url, merge_places=False)
    stats = store.stats()
    assert (stats["articles"], stats["mentions"], stats["claims"]) == (60, 180, 120)
    assert store.sources() == ["S0", "S1", "S2"]
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
