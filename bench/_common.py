"""What the stage benchmarks share: the bundled corpus at a chosen size, and CPU timing."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

import pandas as pd

from framing.datasets import load_fakes, load_seed


def bundled_corpus(mb: float | None = None) -> pd.DataFrame:
    """FA-KES and the seed page's articles, repeated to about ``mb`` megabytes of text.

    With ``mb=None``: one copy, with the datasets' own doc_ids. Otherwise every copy ``k`` after
    the first has ``k`` newlines appended to each text, so no two rows share a text and no
    per-text cache carries one copy's work over to the next, while the stages find the same
    things in each copy; doc_ids are ``b0``, ``b1``, ...
    """
    base = pd.concat([load_fakes(), load_seed()], ignore_index=True)
    if mb is None:
        return base
    size = base["text"].str.len().sum()
    reps = max(1, round(mb * 1e6 / size))
    copies = []
    for k in range(reps):
        copy = base.copy()
        copy["text"] = copy["text"] + "\n" * k
        copies.append(copy)
    frame = pd.concat(copies, ignore_index=True)
    frame["doc_id"] = [f"b{i}" for i in range(len(frame))]
    return frame


def clear_caches() -> None:
    """Start a timed run cold: empty framing's per-text and per-phrase caches.

    Lexicon loaders (caches of one to a few entries) stay warm: they are paid once per process.
    """
    from framing.actors import load_actors

    for name, module in list(sys.modules.items()):
        if name != "framing" and not name.startswith("framing."):
            continue
        for obj in vars(module).values():
            info = getattr(obj, "cache_info", None)
            if info is not None and (info().maxsize is None or info().maxsize > 16):
                obj.cache_clear()
    load_actors()._memo.clear()


def cpu_seconds(func: Callable[[], object]) -> float:
    """CPU seconds of this process: a per-core figure even when other jobs share the cores."""
    t0 = time.process_time()
    func()
    return time.process_time() - t0


def best_of(repeat: int, func: Callable[[], object],
            before: Callable[[], object] | None = None) -> float:
    """Fewest CPU seconds over ``repeat`` runs; ``before`` runs untimed ahead of each."""
    best = float("inf")
    for _ in range(repeat):
        if before is not None:
            before()
        best = min(best, cpu_seconds(func))
    return best
