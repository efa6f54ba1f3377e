"""Compare outlet_scores written before and after the stage contract (issue 15).

    python bench/schema_changes.py OLD_DIR NEW_DIR [--markdown]

OLD_DIR holds an outlet_scores.csv with the old measure names (framing 1a903f3), NEW_DIR one
with the tidy schema. Old names are mapped with :func:`framing.measures.legacy_measure`. Prints
how many rows differ in each column and, per outlet, the old ``n_words`` values (with the
stages that carried them) beside the one new value.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from framing.measures import legacy_measure, parse_measure

COMPARED = ["value", "ci_low", "ci_high", "n_docs", "n_events", "small_sample"]


def compare(old_dir: Path, new_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Rows joined on (outlet, measure), and the per-outlet n_words summary."""
    old = pd.read_csv(old_dir / "outlet_scores.csv", keep_default_na=False, na_values=[""])
    new = pd.read_csv(new_dir / "outlet_scores.csv", keep_default_na=False, na_values=[""])
    old["measure"] = old["measure"].map(legacy_measure)
    both = old.merge(new, on=["outlet", "measure"], how="outer", suffixes=("_old", "_new"),
                     indicator=True)
    both["stage"] = both["measure"].map(lambda m: parse_measure(m)["stage"])
    summary = []
    for outlet, rows in both.groupby("outlet", sort=True):
        parts = []
        for stage, values in rows.groupby("stage")["n_words_old"]:
            values = sorted({int(v) for v in values.dropna()})
            parts.append(f"{stage}: " + (", ".join(map(str, values)) if len(values) <= 3 else
                                         f"{len(values)} values, {values[0]}–{values[-1]}"))
        summary.append({"outlet": outlet, "old n_words by stage": "; ".join(parts),
                        "new n_words": ", ".join(str(int(n)) for n in
                                                 sorted(rows["n_words_new"].dropna().unique()))})
    return both, pd.DataFrame(summary)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old", type=Path)
    ap.add_argument("new", type=Path)
    args = ap.parse_args(argv)
    both, summary = compare(args.old, args.new)
    print(f"rows: {len(both)}; only old: {(both['_merge'] == 'left_only').sum()}, "
          f"only new: {(both['_merge'] == 'right_only').sum()}")
    inner = both[both["_merge"] == "both"]
    for col in [*COMPARED, "n_words"]:
        a, b = inner[f"{col}_old"], inner[f"{col}_new"]
        same = (a == b) | (a.isna() & b.isna())
        if a.dtype.kind == "f":
            same |= np.isclose(a, b, rtol=0, atol=0)
        print(f"{col:>12}: {int((~same).sum())} rows differ")
    print()
    cols = list(summary.columns)
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for row in summary.itertuples(index=False):
        print("| " + " | ".join(map(str, row)) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
