"""Benchmark: time to derive areas of control and front lines from 10,000 control claims.

Run ``python -m bench.fronts [--claims N] [--places N] [--repeat N]``. Synthetic claims
(no article text): places scattered over northern Libya, two sides with a front that
moves east over two years, eight sources, a mix of all control actions, some sources
contradicting the others. Prints the time of each stage and the total for one date
(target: at most 1 s for 10,000 claims), then the time per extra date of a timeline.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date, timedelta

import numpy as np
import pandas as pd

from geo.control import control_at, prepare_control_claims
from geo.fronts import derive_fronts
from geo.land import countries

ACTIONS = ("captured", "holds", "holds", "entered", "attacked", "withdrew", "besieged",
           "advanced_towards", "lost")
START = date(2019, 1, 1)


def synthetic_claims(n_claims: int = 10_000, n_places: int = 600, seed: int = 7) -> pd.DataFrame:
    """Return ``n_claims`` control claims in the claims-frame layout."""
    rng = np.random.default_rng(seed)
    lon = rng.uniform(10.5, 22.0, n_places)
    lat = rng.uniform(29.0, 32.8, n_places)
    day = rng.integers(0, 730, n_claims)
    place = rng.integers(0, n_places, n_claims)
    front_lon = 12.0 + 8.0 * day / 730.0  # the front moves east
    west = lon[place] < front_lon
    truthful = rng.random(n_claims) > 0.1
    side_a = np.where(west == truthful, "A", "B")
    actions = rng.choice(ACTIONS, n_claims)
    giving = np.isin(actions, ["captured", "holds", "entered"])
    actor = np.where(giving, side_a, np.where(side_a == "A", "B", "A"))
    return pd.DataFrame({
        "claim_id": [str(i) for i in range(n_claims)],
        "kind": "control",
        "actor_norm": actor,
        "action": actions,
        "place": [f"Place {p}" for p in place],
        "place_id": [f"bench:{p}" for p in place],
        "lat": lat[place], "lon": lon[place],
        "precision": "town", "radius_km": 3.0,
        "event_date": [START + timedelta(days=int(d)) for d in day],
        "published": [START + timedelta(days=int(d) + 1) for d in day],
        "source": [f"source-{s}.example" for s in rng.integers(0, 8, n_claims)],
        "quote": "synthetic claim",
        "conflict": "bench",
    })


def _timed(func, *args, **kwargs):
    start = time.perf_counter()
    result = func(*args, **kwargs)
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--places", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    frame = synthetic_claims(args.claims, args.places)
    _, load_s = _timed(countries)
    print(f"claims: {len(frame):,}  places: {args.places:,}  sources: {frame['source'].nunique()}")
    print(f"one-off load of Natural Earth outlines: {load_s:.3f} s")
    on = START + timedelta(days=400)
    # warm-up: projection and projected-outline caches
    derive_fronts(control_at(frame, on))

    totals, prep_t, ctrl_t, geo_t = [], [], [], []
    for _ in range(args.repeat):
        table, t_prep = _timed(prepare_control_claims, frame)
        state, t_ctrl = _timed(control_at, table, on)
        fronts, t_geo = _timed(derive_fronts, state)
        prep_t.append(t_prep)
        ctrl_t.append(t_ctrl)
        geo_t.append(t_geo)
        totals.append(t_prep + t_ctrl + t_geo)
    median = statistics.median
    print(f"date {on}: {len(state.places)} places, {len(state.held())} held, "
          f"{len(state.contested())} contested; {len(fronts.areas)} areas, "
          f"{len(fronts.lines)} front lines "
          f"({sum(line.length_km for line in fronts.lines):.0f} km)")
    print(f"prepare claims   median {median(prep_t):.3f} s")
    print(f"control at date  median {median(ctrl_t):.3f} s")
    print(f"areas and fronts median {median(geo_t):.3f} s")
    print(f"TOTAL fronts from {len(frame):,} claims: median {median(totals):.3f} s, "
          f"best {min(totals):.3f} s, worst {max(totals):.3f} s (target <= 1 s) -> "
          f"{'OK' if median(totals) <= 1.0 else 'SLOW'}")

    table = prepare_control_claims(frame)
    steps = [START + timedelta(days=d) for d in range(30, 730, 60)]
    start = time.perf_counter()
    for day in steps:
        derive_fronts(control_at(table, day))
    per_step = (time.perf_counter() - start) / len(steps)
    print(f"timeline: {len(steps)} dates, {per_step:.3f} s per date after one preparation")


if __name__ == "__main__":
    main()
