"""Build a quote set's articles.jsonl and gold.jsonl from its source.txt (markup
⟦K:speaker|span⟧, nestable): python tests/data/build_quote_set.py tests/data/quotes_dev"""
import json
import re
import sys
from pathlib import Path

KINDS = {"F": "full", "P": "partial", "S": "scare", "T": "title", "I": "indirect"}
HERE = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/data/quotes_dev")


def parse(marked):
    out, stack, gold = [], [], []
    i = 0
    while i < len(marked):
        if marked[i] == "⟦":
            head = re.match(r"⟦([FPSTI]):([^|]*)\|", marked[i:])
            stack.append((head.group(1), head.group(2), len("".join(out))))
            i += head.end()
        elif marked[i] == "⟧":
            k, spk, at = stack.pop()
            gold.append((at, len("".join(out)), KINDS[k], spk))
            i += 1
        else:
            out.append(marked[i])
            i += 1
    assert not stack
    return "".join(out), sorted(gold)


arts, golds = [], []
for block in HERE.joinpath("source.txt").read_text("utf-8").split("## ")[1:]:
    head, body = block.split("\n", 1)
    doc, outlet, style, title = (x.strip() for x in head.split("|", 3))
    body = body.strip()
    first = re.sub(r"⟦[FPSTI]:[^|]*\||⟧", "", body.split("\n\n")[0])
    marked = body if first == title else title + "\n\n" + body
    text, gold = parse(marked)
    arts.append({"doc_id": doc, "outlet": outlet, "style": style, "title": title, "text": text})
    for s, e, kind, spk in gold:
        span = text[s:e]
        assert text.find(span) == s, (doc, span)
        golds.append({"doc_id": doc, "text": span, "kind": kind, "speaker": spk, "side": "unknown"})
for name, rows in (("articles.jsonl", arts), ("gold.jsonl", golds)):
    HERE.joinpath(name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
print(len(arts), "articles,", len(golds), "quotes")
