"""Split an aggregator page (a blog reposting many outlets) into a table of articles.

Each article gets its outlet from signatures in ``lexicons/outlets.yaml`` with the evidence
that decided it; furniture (link lists, rules, image alt text, share chrome) is dropped from the
text but kept in a separate table, so nothing is lost; embedded tweets stay in their host's text
and are listed in ``embeds`` so they are not counted as the host's words.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

import pandas as pd

from framing.corpus import ARTICLE_COLUMNS, FURNITURE_COLUMNS
from framing.lexicon_io import check_keys, read_yaml
from framing.topic import register_cache

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE_LINE_RE = re.compile(rf"^(?:Updated )?({_MONTHS})\.? (\d{{1,2}}), (\d{{4}})\b")
_PURE_DATE_RE = re.compile(rf"^({_MONTHS}) \d{{1,2}}, \d{{4}}$")
_ISO_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_URL_DATE_RE = re.compile(r"/(\d{4})/(\d{2}|[a-z]{3})/(\d{1,2})/")
_URL_RE = re.compile(r"^https?://\S+$")
_BYLINE_RE = re.compile(r"^by ([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3})$")
_CAPTION_BYLINE_RE = re.compile(r"^© \w+ / by ([^|]+?) \|")
_REPORTING_RE = re.compile(r"^\(Reporting by ([^;)]+)")
_WRITE_TO_RE = re.compile(r"([A-Z][\w.'-]+ [A-Z][\w.'-]+) at \S+@")
_CLOSING_RE = re.compile(
    r"^(by [A-Z]|\(Reporting by |Write to |\(FRANCE 24 with |Associated Press writers? |https?://)"
)
_QA_RE = re.compile(r"^(Q|A):\s")


@dataclass(frozen=True)
class _Rule:
    id: str
    outlet: str
    pattern: re.Pattern
    confidence: float
    strip: bool
    note: str


@dataclass(frozen=True)
class _Signatures:
    rules: tuple[_Rule, ...]
    relays: tuple[tuple[str, re.Pattern, str, str], ...]  # (id, pattern, relay template, scope)
    furniture: tuple[tuple[str, re.Pattern], ...]
    tweet_start: re.Pattern
    tweet_author: re.Pattern


@register_cache
@lru_cache(maxsize=8)
def load_signatures(path: str = "outlets.yaml") -> _Signatures:
    """Load and validate outlet signatures (bundled ``outlets.yaml`` or a user's copy)."""
    data = read_yaml(path)
    check_keys(path, "(top level)", data, {"version", "rules"}, {"relays", "embeds", "furniture"})
    rules = []
    for i, r in enumerate(data["rules"]):
        check_keys(path, r.get("id", f"rules[{i}]") if isinstance(r, dict) else f"rules[{i}]", r,
                   {"id", "outlet", "pattern", "confidence"}, {"strip", "note"})
        rules.append(_Rule(r["id"], r["outlet"], re.compile(r["pattern"]),
                           float(r["confidence"]), bool(r.get("strip", False)), r.get("note", "")))
    relays = []
    for r in data.get("relays", []):
        check_keys(path, r.get("id", "?"), r, {"id", "pattern", "relay", "scope"}, {"note"})
        relays.append((r["id"], re.compile(r["pattern"]), r["relay"], r["scope"]))
    furniture = []
    for r in data.get("furniture", []):
        check_keys(path, r.get("id", "?"), r, {"id", "pattern"}, {"note"})
        furniture.append((r["id"], re.compile(r["pattern"])))
    tweet = next((e for e in data.get("embeds", []) if e.get("kind") == "tweet"), None)
    if tweet:
        check_keys(path, tweet["id"], tweet, {"id", "kind", "start", "author_line"},
                   {"chrome", "note"})
    return _Signatures(
        tuple(rules), tuple(relays), tuple(furniture),
        re.compile(tweet["start"] if tweet else r"(?!)"),
        re.compile(tweet["author_line"] if tweet else r"(?!)"),
    )


@dataclass
class _Article:
    lines: list[tuple[int, str]] = field(default_factory=list)  # (1-based line, text)

    @property
    def has_body(self) -> bool:
        return bool(self.lines)


@dataclass
class Segmentation:
    """Result of :func:`split_aggregator`: the articles and every line left out of them."""

    articles: pd.DataFrame
    furniture: pd.DataFrame


def _iso(month: str, day: str, year: str) -> str:
    fmt = "%B" if len(month) > 3 else "%b"
    return datetime.strptime(f"{year} {month.title()} {day}", f"%Y {fmt} %d").date().isoformat()


def _is_headline(line: str) -> bool:
    return len(line) <= 200 and not line.rstrip().endswith((".", "?", "!", ":", "…", "”", '"'))


def split_aggregator(
    text: str, *, source: str = "", signatures: str = "outlets.yaml"
) -> Segmentation:
    """Split an aggregator page into articles and a table of dropped lines.

    Parameters
    ----------
    text : str
        The whole page as plain text, one paragraph per line.
    source : str, default=""
        File name written into the ``source`` column.
    signatures : str, default="outlets.yaml"
        Bundled signature lexicon or path to a user's copy.

    Returns
    -------
    Segmentation
        ``articles`` (columns of :data:`framing.corpus.ARTICLE_COLUMNS`) and ``furniture``
        (``source, line, text, rule, doc_id, action``): every non-blank line that is not in an
        article's text, with the rule that removed it.

    See Also
    --------
    segment_aggregator : the articles only.
    """
    sig = load_signatures(signatures)
    raw_lines = text.split("\n")
    blocks: list[_Article] = [_Article()]
    dropped: list[tuple[int, str, str, int]] = []  # (line, text, rule, block index)
    closed = False

    def furniture_rule(line: str) -> str | None:
        return next((rid for rid, pat in sig.furniture if pat.search(line)), None)

    def next_content(i: int) -> str | None:
        for j in range(i + 1, min(i + 8, len(raw_lines))):
            cand = raw_lines[j].strip()
            if cand and not furniture_rule(cand):
                return cand
        return None

    for i, raw in enumerate(raw_lines):
        line = raw.strip().replace("\u00a0", " ").strip()
        lineno = i + 1
        if not line:
            continue
        rule = furniture_rule(line)
        if rule:
            dropped.append((lineno, raw.rstrip("\r"), rule, len(blocks) - 1))
            # A link list or an asterisk rule ends a post; "___" rules sit inside AP copy.
            if rule == "related" or (rule == "rule" and line.startswith("*")):
                closed = True
            continue
        nxt = next_content(i)
        title_before_date = (
            not _PURE_DATE_RE.match(line) and nxt is not None and bool(_PURE_DATE_RE.match(nxt))
            and _is_headline(line)
        )
        is_trailer = bool(_CLOSING_RE.match(line)) and line.startswith(("http", "Write to"))
        editor = any(r.outlet.endswith("(blog)") and r.pattern.search(line) for r in sig.rules)
        starts_new = blocks[-1].has_body and (
            title_before_date or editor or (closed and not is_trailer)
        )
        if starts_new:
            blocks.append(_Article())
            closed = False
        blocks[-1].lines.append((lineno, line))
        if _CLOSING_RE.match(line) or editor:
            closed = True

    rows = []
    doc_ids: list[str] = []
    for b, block in enumerate(blocks):
        if not block.has_body:
            doc_ids.append("")
            continue
        doc_ids.append(f"a{len(rows) + 1:02d}")
        meta: list[tuple[int, str, str]] = []
        rows.append(_build_article(block, doc_ids[-1], source, sig, meta))
        dropped.extend((ln, t, rid, b) for ln, t, rid in meta)
    spans = [(blk.lines[0][0], blk.lines[-1][0]) if blk.has_body else (0, -1) for blk in blocks]
    furniture = pd.DataFrame(
        [
            {"source": source, "line": ln, "text": t, "rule": r,
             # furniture between two posts belongs to neither
             "doc_id": doc_ids[b] if spans[b][0] <= ln <= spans[b][1] else "",
             "action": "metadata" if r.startswith("meta:") else "dropped"}
            for ln, t, r, b in sorted(dropped)
        ],
        columns=FURNITURE_COLUMNS,
    )
    return Segmentation(pd.DataFrame(rows, columns=ARTICLE_COLUMNS), furniture)


def segment_aggregator(text: str, *, source: str = "", signatures: str = "outlets.yaml"
                       ) -> pd.DataFrame:
    """Split an aggregator page into the **articles** table (see :func:`split_aggregator`).

    Examples
    --------
    >>> page = "Title of a post\\n\\nJune 1, 2017\\n\\nBEIRUT (AFP) – Something happened.\\n"
    >>> segment_aggregator(page)[["doc_id", "outlet", "date", "title"]].to_dict("records")
    [{'doc_id': 'a01', 'outlet': 'AFP', 'date': '2017-06-01', 'title': 'Title of a post'}]
    """
    return split_aggregator(text, source=source, signatures=signatures).articles


def _build_article(block: _Article, doc_id: str, source: str, sig: _Signatures,
                   dropped_meta: list) -> dict:
    matches = []  # (confidence, outlet, rule id, line, text)
    kept: list[tuple[int, str]] = []
    date = byline = url = ""
    stamp_date = url_date = ""
    for lineno, line in block.lines:
        strip = False
        for rule in sig.rules:
            rm = rule.pattern.search(line)
            if rm:
                matches.append((rule.confidence, rule.outlet, rule.id, lineno,
                                _snippet(line, *rm.span())))
                strip = strip or rule.strip
        m = DATE_LINE_RE.match(line)
        if m and len(line) < 60:
            iso = _iso(*m.groups())
            if _PURE_DATE_RE.match(line):
                date = date or iso
            else:
                stamp_date = stamp_date or iso
            strip = True
        iso_m = _ISO_RE.search(line) if line.startswith("Latest update") else None
        if iso_m:
            stamp_date = stamp_date or "-".join(iso_m.groups())
        if _URL_RE.match(line):
            url = url or line
            um = _URL_DATE_RE.search(line)
            if um:
                url_date = _iso(um.group(2) if not um.group(2).isdigit()
                                else datetime(2000, int(um.group(2)), 1).strftime("%B"),
                                um.group(3), um.group(1))
            strip = True
        for pat in (_BYLINE_RE, _CAPTION_BYLINE_RE, _REPORTING_RE):
            bm = pat.match(line)
            if bm and not byline:
                byline = bm.group(1).strip()
        if line.startswith("Write to ") and not byline:
            byline = ", ".join(_WRITE_TO_RE.findall(line))
        if _BYLINE_RE.match(line):
            strip = True
        if strip:
            dropped_meta.append((lineno, line, "meta:" + _meta_reason(line, matches, lineno)))
        else:
            kept.append((lineno, line))

    title = kept[0][1] if kept and _is_headline(kept[0][1]) else ""
    if title and any(r.outlet.endswith("(blog)") and r.pattern.search(title) for r in sig.rules):
        title = ""
    parts, para_lines, pos = [], [], 0
    for lineno, line in kept:
        para_lines.append([lineno, pos])
        parts.append(line)
        pos += len(line) + 2
    text = "\n\n".join(parts)

    embeds = _find_embeds(kept, para_lines, sig)
    matches.sort(key=lambda m: (-m[0], m[3]))
    if matches:
        outlet, confidence = matches[0][1], matches[0][0]
        evidence = "; ".join(f"line {ln}: {t!r} [{rid}, {c:.2f}]" for c, _, rid, ln, t in matches)
    else:
        outlet, confidence, evidence = "unknown", 0.0, "no outlet signature matched"
    lead = next((line for _, line in kept if line != title), "")
    relay = ""
    for _rid, pat, template, scope in sig.relays:
        target = title if scope == "title" else lead
        rm = pat.search(target) if target else None
        if rm:
            relay = rm.expand(template)
            break
    if outlet.endswith("(blog)"):
        kind = "commentary"
    elif sum(1 for _, line in kept if _QA_RE.match(line)) >= 2:
        kind = "interview"
    elif kept and kept[-1][1].endswith("…"):
        kind = "excerpt"
    else:
        kind = "news"
    first = block.lines[0][0]
    last = block.lines[-1][0]
    return {
        "doc_id": doc_id,
        "outlet": outlet,
        "relay": relay,
        "title": title,
        "date": date or stamp_date or url_date,
        "byline": byline,
        "url": url,
        "kind": kind,
        "text": text,
        "source": source,
        "source_lines": f"{first}-{last}",
        "outlet_evidence": evidence,
        "outlet_confidence": confidence,
        "embeds": json.dumps(embeds),
        "paragraph_lines": json.dumps(para_lines),
        "flags": "",
    }


def _snippet(line: str, start: int, end: int, context: int = 30) -> str:
    """The matched text with a little context, for the evidence column."""
    left = max(start - context, 0)
    right = min(end + context, len(line))
    return ("…" if left else "") + line[left:right] + ("…" if right < len(line) else "")


def _meta_reason(line: str, matches: list, lineno: int) -> str:
    hit = next((m[2] for m in matches if m[3] == lineno), None)
    if hit:
        return hit
    if _URL_RE.match(line):
        return "url"
    if _BYLINE_RE.match(line):
        return "byline"
    return "date"


def _find_embeds(kept: list[tuple[int, str]], para_lines: list[list[int]], sig: _Signatures
                 ) -> list[list]:
    """Group tweet paragraphs (and the author line between them) into embed spans."""
    embeds: list[list] = []
    i = 0
    while i < len(kept):
        if not sig.tweet_start.search(kept[i][1]):
            i += 1
            continue
        j, author = i, ""
        while j + 1 < len(kept):
            nxt = kept[j + 1][1]
            if sig.tweet_start.search(nxt):
                j += 1
            elif j + 2 < len(kept) and sig.tweet_author.match(nxt) and \
                    sig.tweet_start.search(kept[j + 2][1]):
                author = author or nxt.lstrip("@")
                j += 2
            else:
                break
        if not author:
            am = re.match(r"@(\w+?)(?:_com)?\b", kept[j][1])
            author = am.group(1) if am else ""
        start = para_lines[i][1]
        end = para_lines[j][1] + len(kept[j][1])
        embeds.append([start, end, "tweet", author])
        i = j + 1
    return embeds
