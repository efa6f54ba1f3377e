#!/usr/bin/env python3
"""Build articles.jsonl and gold.jsonl of the dev4 quote set from build/part*.txt.

Format of a part file: blocks starting with a line `=== <doc_id>`; header lines `key: value`
until a line `text:`; body paragraphs (separated by blank lines) until a line `gold:`; then gold
lines `kind | speaker | exact text` (a `¶` in the text stands for a paragraph break).
Exits non-zero, printing BAD lines, if a gold text is not a substring of its article or has an
unknown kind.  Also prints (without failing) WARN lines for quotation-mark spans of the article
that no marked gold span covers, and word counts of the bodies.
"""
import glob
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
KINDS = {"full", "partial", "indirect", "title", "scare"}


def parse(path):
    docs = []
    cur = None
    mode = None
    for raw in open(path, encoding="utf-8").read().split("\n"):
        line = raw.rstrip()
        if line.startswith("=== "):
            cur = {"doc_id": line[4:].strip(), "hdr": {}, "body": [], "gold": []}
            docs.append(cur)
            mode = "hdr"
            continue
        if cur is None:
            continue
        if mode == "hdr":
            if line.strip() == "text:":
                mode = "body"
            elif line.strip():
                k, _, v = line.partition(":")
                cur["hdr"][k.strip()] = v.strip()
        elif mode == "body":
            if line.strip() == "gold:":
                mode = "gold"
            else:
                cur["body"].append(line)
        elif mode == "gold":
            if line.strip():
                cur["gold"].append(line.strip())
    return docs


def paragraphs(lines):
    paras, buf = [], []
    for line in lines:
        if line.strip():
            buf.append(line.strip())
        elif buf:
            paras.append(" ".join(buf))
            buf = []
    if buf:
        paras.append(" ".join(buf))
    return paras


# quotation-mark spans for the coverage warning
QUOTE_RES = [
    re.compile(r"“[^”]+”"),
    re.compile(r"(?<![A-Za-z])‘[^‘]+?’(?![a-z])"),
    re.compile(r"''.+?''"),
    re.compile(r'"[^"]+"'),
]


def main():
    arts, golds, bad = [], [], []
    seen = set()
    for path in sorted(glob.glob(os.path.join(HERE, "part*.txt"))):
        for d in parse(path):
            did = d["doc_id"]
            if did in seen:
                bad.append(f"BAD {did}: duplicate doc_id")
            seen.add(did)
            paras = paragraphs(d["body"])
            body = "\n\n".join(paras)
            title = d["hdr"].get("title", "")
            text = title + "\n\n" + body
            nwords = len(body.split())
            print(f"{did}: {nwords} words, {len(d['gold'])} gold", file=sys.stderr)
            arts.append({"doc_id": did, "outlet": d["hdr"].get("outlet", ""),
                         "style": d["hdr"].get("style", ""), "title": title, "text": text})
            spans = []
            for g in d["gold"]:
                parts = g.split(" | ", 2)
                if len(parts) != 3:
                    bad.append(f"BAD {did}: malformed gold line: {g}")
                    continue
                kind, speaker, qt = (p.strip() for p in parts)
                qt = qt.replace("¶", "\n\n")
                if kind not in KINDS:
                    bad.append(f"BAD {did}: kind {kind!r}: {qt}")
                if qt not in text:
                    bad.append(f"BAD {did}: not in article: {qt}")
                elif text.count(qt) > 1:
                    print(f"WARN {did}: occurs {text.count(qt)} times: {qt}", file=sys.stderr)
                golds.append({"doc_id": did, "text": qt, "kind": kind,
                              "speaker": speaker, "side": "unknown"})
                if kind != "indirect":
                    spans.append(qt)
            # coverage of marked spans (warning only)
            covered = [(m.start(), m.end()) for s in spans
                       for m in re.finditer(re.escape(s), text)]
            for rx in QUOTE_RES:
                for m in rx.finditer(text):
                    if "\n\n" in m.group(0) and rx.pattern.startswith('"'):
                        continue
                    if not any(a <= m.start() and m.end() <= b or
                               (m.start() <= a and b <= m.end()) or
                               (a <= m.start() < b) for a, b in covered):
                        print(f"WARN {did}: uncovered mark span: {m.group(0)[:80]}",
                              file=sys.stderr)
    with open(os.path.join(OUT, "articles.jsonl"), "w", encoding="utf-8") as f:
        for a in arts:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    with open(os.path.join(OUT, "gold.jsonl"), "w", encoding="utf-8") as f:
        for g in golds:
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
    c = Counter(g["kind"] for g in golds)
    print(f"{len(arts)} articles, {len(golds)} gold: " +
          ", ".join(f"{k} {c[k]}" for k in sorted(c)))
    if bad:
        for b in bad:
            print(b)
        sys.exit(1)


if __name__ == "__main__":
    main()
