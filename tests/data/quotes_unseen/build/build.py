"""Build articles.jsonl and gold.jsonl from the hand-written sources part*.txt (of this folder,
or of the build folder given as the first argument)."""
import json
import re
import sys
from pathlib import Path

HERE = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else Path(__file__).resolve().parent
OUT = HERE.parent
KINDS = {"full", "partial", "scare", "title", "indirect"}


def parse(path):
    docs, gold = [], []
    for block in re.split(r"^=== ", path.read_text(encoding="utf-8"), flags=re.M)[1:]:
        head, rest = block.split("\ntext:\n", 1)
        body, gold_part = rest.split("\ngold:\n", 1)
        lines = head.splitlines()
        doc_id = lines[0].strip()
        meta = dict(line.split(": ", 1) for line in lines[1:] if line.strip())
        paras = [p.strip() for p in re.split(r"\n\s*\n", body.strip())]
        text = meta["title"].strip() + "\n\n" + "\n\n".join(paras)
        docs.append({"doc_id": doc_id, "outlet": meta["outlet"].strip(),
                     "style": meta["style"].strip(), "title": meta["title"].strip(),
                     "text": text})
        for line in gold_part.strip().splitlines():
            if not line.strip():
                continue
            kind, speaker, quote = line.split(" | ", 2)
            gold.append({"doc_id": doc_id, "text": quote.replace("¶", "\n\n"),
                         "kind": kind.strip(), "speaker": speaker.strip(), "side": "unknown"})
    return docs, gold


docs, gold = [], []
for part in sorted(HERE.glob("part*.txt")):
    d, g = parse(part)
    docs += d
    gold += g
bad = 0
texts = {d["doc_id"]: d["text"] for d in docs}
for g in gold:
    if g["kind"] not in KINDS or g["text"] not in texts.get(g["doc_id"], ""):
        bad += 1
        print("BAD", g["doc_id"], g["kind"], repr(g["text"][:80]))
if bad:
    sys.exit(1)
with open(OUT / "articles.jsonl", "w", encoding="utf-8") as f:
    for d in docs:
        f.write(json.dumps(d, ensure_ascii=False) + "\n")
with open(OUT / "gold.jsonl", "w", encoding="utf-8") as f:
    for g in gold:
        f.write(json.dumps(g, ensure_ascii=False) + "\n")
print(len(docs), "articles,", len(gold), "quotations")
