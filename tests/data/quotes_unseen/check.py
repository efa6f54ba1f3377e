"""Check gold.jsonl against articles.jsonl: ids exist, texts are exact substrings; print counts."""
import collections
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
docs = {d["doc_id"]: d for d in map(json.loads, open(HERE / "articles.jsonl", encoding="utf-8"))}
gold = [json.loads(line) for line in open(HERE / "gold.jsonl", encoding="utf-8")]
errors = [g for g in gold if g["doc_id"] not in docs or g["text"] not in docs[g["doc_id"]]["text"]]
fields = {"doc_id", "text", "kind", "speaker", "side"}
errors += [g for g in gold if set(g) != fields or g["kind"] not in
           {"full", "partial", "scare", "title", "indirect"} or g["side"] != "unknown"]
for g in errors:
    print("ERROR", g)
print(f"{len(docs)} articles, {len(gold)} quotations, {sum(bool(g['speaker']) for g in gold)} with a speaker, "
      f"{len(errors)} errors")
print("by kind:", dict(collections.Counter(g["kind"] for g in gold)))
print("articles by style:", dict(collections.Counter(d["style"] for d in docs.values())))
print("quotations by style:", dict(collections.Counter(docs[g["doc_id"]]["style"] for g in gold)))
print("articles without quotations:", sorted(set(docs) - {g["doc_id"] for g in gold}))
