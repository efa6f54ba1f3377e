"""Check the agency stage against hand-annotated mentions: ``python -m framing.agency_eval``.

Two gold sets live in ``tests/data/``: ``agency_seed_gold.csv`` (every event mention of the
bundled seed page, article by article) and ``agency_fakes_gold.csv`` (105 mentions sampled
from FA-KES state-aligned, opposition and wire outlets). A gold row names its mention by
``doc_id``, ``match`` and ``occurrence`` (the n-th word-bounded occurrence of ``match`` in the
article text). The script prints, per gold construction, how often the system found the
mention and gave the same construction, agent side and "counted" status (neither negated nor
hypothetical), then who FA-KES outlets name as the doer of killings.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd

from framing.agency import CONSTRUCTIONS, counted, find_events
from framing.datasets import FAKES_DOER_GROUPS, load_fakes, load_seed

GOLD_DIR = Path(__file__).resolve().parents[2] / "tests" / "data"
SEED_GOLD = GOLD_DIR / "agency_seed_gold.csv"
FAKES_GOLD = GOLD_DIR / "agency_fakes_gold.csv"
#: Lemmas that report a killing.
KILL_VERBS = ("kill", "massacre", "murder", "execute", "assassinate", "behead")


def read_gold(path: str | Path) -> pd.DataFrame:
    """Read a gold file, with booleans parsed and empty sides kept as ""."""
    gold = pd.read_csv(path, dtype=str, keep_default_na=False)
    for col in ("negated", "hypothetical"):
        gold[col] = gold[col].str.lower().eq("true")
    gold["occurrence"] = gold["occurrence"].astype(int)
    return gold


def locate(gold: pd.DataFrame, articles: pd.DataFrame) -> pd.Series:
    """Start offset of each gold mention in its article text (-1 when not found)."""
    texts = dict(zip(articles["doc_id"], articles["text"], strict=False))
    starts = []
    for doc_id, match, n in zip(gold["doc_id"], gold["match"], gold["occurrence"], strict=False):
        pattern = r"(?<!\w)" + re.escape(match) + r"(?!\w)"
        found = [m.start() for m in re.finditer(pattern, texts.get(doc_id, ""))]
        starts.append(found[n - 1] if 0 < n <= len(found) else -1)
    return pd.Series(starts, index=gold.index, dtype="int64")


def compare(gold: pd.DataFrame, events: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Join gold rows to the system's events by (doc_id, start); one row per gold mention."""
    g = gold.assign(start=locate(gold, articles))
    if (g["start"] < 0).any():
        bad = g.loc[g["start"] < 0, ["doc_id", "match", "occurrence"]].to_dict("records")
        raise ValueError(f"gold mentions not in the text: {bad}")
    sys_cols = ["doc_id", "start", "construction", "agent", "agent_side", "negated",
                "hypothetical"]
    out = g.merge(events[sys_cols], on=["doc_id", "start"], how="left", suffixes=("", "_sys"))
    out["found"] = out["construction_sys"].notna()
    out["construction_ok"] = out["construction"] == out["construction_sys"]
    out["side_ok"] = out["agent_side"] == out["agent_side_sys"].fillna("")
    gold_counted = ~(out["negated"] | out["hypothetical"])
    sys_counted = ~(out["negated_sys"].fillna(False).astype(bool)
                    | out["hypothetical_sys"].fillna(False).astype(bool))
    out["counted_ok"] = out["found"] & (gold_counted == sys_counted)
    return out


def accuracy_table(joined: pd.DataFrame) -> pd.DataFrame:
    """Per gold construction: n, found, and the share right of construction, side, counted."""
    rows = []
    for c in [*CONSTRUCTIONS, "all"]:
        part = joined if c == "all" else joined[joined["construction"] == c]
        if part.empty:
            continue
        rows.append({
            "construction": c, "n": len(part), "found": int(part["found"].sum()),
            "construction_acc": part["construction_ok"].mean(),
            "agent_side_acc": part["side_ok"].mean(),
            "counted_acc": part["counted_ok"].mean(),
        })
    return pd.DataFrame(rows)


def doer_report(events: pd.DataFrame, articles: pd.DataFrame,
                groups: dict[str, tuple[str, ...]] = FAKES_DOER_GROUPS) -> pd.DataFrame:
    """Who is named as the doer of killings, per outlet group (counted mentions); ``groups``
    maps a label to its outlets (default: FA-KES's, from :mod:`framing.datasets`)."""
    ev = counted(events.merge(articles[["doc_id", "outlet"]], on="doc_id"))
    ev = ev[ev["verb"].isin(KILL_VERBS)]
    rows = []
    for group, outlets in groups.items():
        part = ev[ev["outlet"].isin(outlets)]
        named = part[part["agent"] != ""]
        sides = named["agent_side"].value_counts()
        heads = named["agent"].str.lower().str.replace(r"^(the|a|an)\s+", "", regex=True)
        rows.append({
            "group": group,
            "killing_mentions": len(part),
            "doer_named_share": len(named) / len(part) if len(part) else float("nan"),
            "doer_sides": ", ".join(f"{s} {n}" for s, n in sides.head(5).items()),
            "top_doers": ", ".join(f"{h} {n}" for h, n in heads.value_counts().head(5).items()),
        })
    return pd.DataFrame(rows)


def main() -> int:
    """Print accuracy per construction on both gold sets and the FA-KES doer report."""
    pd.set_option("display.width", 200)
    pd.set_option("display.max_colwidth", 80)
    seed = load_seed()
    seed_events = find_events(seed)
    joined = compare(read_gold(SEED_GOLD), seed_events, seed)
    extra = len(seed_events) - int(joined["found"].sum())
    print(f"== seed page: {len(joined)} gold mentions, {len(seed_events)} found by the system "
          f"({extra} not in the gold: false alarms)")
    print(accuracy_table(joined).to_string(index=False, float_format="{:.2f}".format))
    fakes = load_fakes()
    fakes_events = find_events(fakes)
    joined = compare(read_gold(FAKES_GOLD), fakes_events, fakes)
    print(f"\n== FA-KES: {len(joined)} gold mentions (sampled from the system's hits, so this "
          "measures classification, not recall)")
    print(accuracy_table(joined).to_string(index=False, float_format="{:.2f}".format))
    print("\n== FA-KES: who is named as the doer of killings")
    print(doer_report(fakes_events, fakes).to_string(index=False,
                                                      float_format="{:.2f}".format))
    return 0


if __name__ == "__main__":
    sys.exit(main())
