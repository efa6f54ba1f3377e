"""What the stage benchmarks share: the bundled corpus at a chosen size, and CPU timing."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

import pandas as pd

from framing.datasets import load_fakes, load_seed


def bundled_corpus(mb: float) -> pd.DataFrame:
    """FA-KES and the seed page's articles, repeated to about ``mb`` megabytes of text."""
    base = pd.concat([load_fakes(), load_seed()], ignore_index=True)
    size = base["text"].str.len().sum()
    reps = max(1, round(mb * 1e6 / size))
    frame = pd.concat([base] * reps, ignore_index=True)
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


def clear_text_caches() -> None:
    """Empty the per-text caches only (:func:`framing.text.clear_text_caches`, as the pipeline
    does after each chunk); per-word and per-phrase caches stay warm, as they are after the
    first few thousand articles of a large corpus."""
    from framing.text import clear_text_caches as clear

    clear()


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
