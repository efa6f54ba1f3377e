"""Run the analysis notebooks and gather them into one printable page (end of ``make run``).

:func:`build_all` executes ``notebooks/01_corpus`` … ``05_outlet_profiles`` headless with nbclient,
passing the corpus paths through an injected parameters cell (papermill's convention: the cell
tagged ``parameters`` keeps the defaults, a cell tagged ``injected-parameters`` after it
overrides them). The notebooks write the figures; :func:`write_report` turns the executed
notebooks' narrative and outputs into ``figures/report.html``: one self-contained page, images
embedded as data URIs, every text escaped, no code, laid out to print as a handout.

The notebooks read their tables with :func:`load_tables`, which takes what ``framing run``
wrote and computes (and caches) whatever is missing, so they also run on a fresh clone.
"""

from __future__ import annotations

import base64
import html
import json
import logging
import os
import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import pandas as pd

from framing import config, registry
from framing._errors import FramingError, bad_value

log = logging.getLogger("framing")

NOTEBOOKS = ("01_corpus", "02_terminology", "03_quotes_and_voices", "04_tone_and_readability",
             "05_outlet_profiles")
#: Tables a notebook can ask :func:`load_tables` for: every table of the registered stages.
TABLES = registry.TABLES
#: Every figure the notebooks write (stems; each as .svg, .png and .pdf by default).
FIGURE_NAMES = (
    "corpus_overview", "terminology_heatmap", "regime_share", "fightin_words",
    "quote_balance", "target_tone", "readability", "agency_constructions",
    "fakes_label_over_time", "fakes_known_groups", "outlet_profiles", "tone_validity",
)
CORPUS_LABELS = {
    "seed": "seed page (aggregator blog, June 2017)",
    "fakes": "FA-KES (Salem et al. 2019)",
    "user": "your corpus",
}
REPORT_NAME = "report.html"


# ------------------------------------------------------------------------------ tables
def corpus_label(corpus: str) -> str:
    """Name of a corpus as written on figures (``seed`` -> ``seed page (...)``)."""
    return CORPUS_LABELS.get(corpus, corpus)


def score_tables(articles: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Run every stage on an articles table (:func:`framing.pipeline.score`, in process)."""
    from framing.pipeline import score

    return score(articles, progress=False, n_workers=1)


def load_articles(corpus: str = "seed", processed_dir: str | Path | None = None) -> pd.DataFrame:
    """Articles of a corpus: ``processed_dir/<corpus>/articles.*``, else the bundled table."""
    return _articles(corpus, Path(processed_dir or config.PROCESSED_DIR) / corpus)[0]


def _articles(corpus: str, folder: Path) -> tuple[pd.DataFrame, float]:
    """The corpus's articles and the time they were last written (0 for bundled defaults)."""
    from framing.corpus import read_articles

    for suffix in (".parquet", ".csv", ".jsonl"):
        path = folder / f"articles{suffix}"
        if path.is_file():
            return read_articles(path), path.stat().st_mtime
    if corpus in ("seed", "fakes"):
        from framing.datasets import load_fakes, load_seed

        return (load_seed() if corpus == "seed" else load_fakes()), 0.0
    raise FramingError(f"load_tables: no articles table for corpus {corpus!r} in {folder}; run "
                       f"`framing run --corpus FILE` first, or use corpus='seed' or 'fakes'.")


def load_tables(corpus: str = "seed", processed_dir: str | Path | None = None
                ) -> dict[str, pd.DataFrame]:
    """Load a corpus's tables from ``processed_dir/<corpus>/``, computing the missing ones.

    Tables written by ``framing run`` (Parquet, else CSV) are used when they are newer than the
    articles and were made by the same code and lexicons (``FINGERPRINT``); otherwise every
    stage runs (:func:`score_tables`) and the results are cached there
    as Parquet for the next notebook.

    Parameters
    ----------
    corpus : str, default='seed'
        Sub-folder of ``processed_dir``: ``seed``, ``fakes`` (bundled) or ``user``.
    processed_dir : str or Path, optional
        Default :data:`framing.config.PROCESSED_DIR`.

    Returns
    -------
    dict of str to DataFrame
        Keyed by :data:`TABLES`.
    """
    from framing.corpus import read_table

    folder = Path(processed_dir or config.PROCESSED_DIR) / corpus
    articles, born = _articles(corpus, folder)
    tables = {"articles": articles}
    stamp = folder / config.FINGERPRINT_FILE
    current = stamp.is_file() and stamp.read_text().strip() == config.source_fingerprint()
    for name in TABLES[1:] if current else ():
        for suffix in (".parquet", ".csv"):
            path = folder / f"{name}{suffix}"
            if path.is_file() and path.stat().st_mtime >= born:
                tables[name] = read_table(path)
                break
    if len(tables) < len(TABLES):
        tables = score_tables(articles)
        folder.mkdir(parents=True, exist_ok=True)
        for name in TABLES[1:]:
            tables[name].to_parquet(folder / f"{name}.parquet", index=False)
        stamp.write_text(config.source_fingerprint() + "\n")
    return tables


def corpus_summary(articles: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: articles, words (embedded material left out), first and last date ("" when
    none of its articles is dated), kinds."""
    from framing.text import article_words

    data = articles.assign(n_words=article_words(articles),
                           date=articles["date"].replace("", pd.NA))
    kinds = data.groupby("outlet")["kind"].agg(
        lambda k: ", ".join(f"{n} {c}" for c, n in k.value_counts().sort_index().items()))
    out = data.groupby("outlet").agg(articles=("doc_id", "size"), words=("n_words", "sum"),
                                     first_date=("date", "min"), last_date=("date", "max"))
    out[["first_date", "last_date"]] = out[["first_date", "last_date"]].astype(object).fillna("")
    return out.assign(kinds=kinds).reset_index()


def event_kwic(events: pd.DataFrame, articles: pd.DataFrame, *, width: int = 45):
    """The event mentions behind the agency bars: outlet, voice, construction and context."""
    from framing.agency import counted
    from framing.terms import KwicFrame

    ev = counted(events).merge(articles[["doc_id", "outlet", "text"]], on="doc_id", how="left")
    flat = [(" ".join(t[max(0, s - width):s].split()), " ".join(t[e:e + width].split()))
            for t, s, e in zip(ev["text"], ev["start"], ev["end"], strict=True)]
    table = pd.DataFrame({
        "outlet": ev["outlet"], "doc_id": ev["doc_id"],
        "voice": ev["voice"].where(ev["voice"] == "headline", "body"),
        "construction": ev["construction"], "agent": ev["agent"].fillna(""),
        "left": [f[0] for f in flat], "match": ev["match"], "right": [f[1] for f in flat],
        "start": ev["start"], "end": ev["end"],
    })
    return KwicFrame(table.sort_values(["outlet", "voice", "construction", "doc_id", "start"],
                                       ignore_index=True))


# ------------------------------------------------------------------------------ notebooks
def inject_parameters(nb, params: Mapping[str, object]):
    """Add a cell tagged ``injected-parameters`` after the ``parameters`` cell (papermill style).

    Values are written with ``repr`` (str, numbers, None, lists). A notebook without a
    ``parameters`` cell gets the injected cell first.
    """
    import nbformat

    lines = [f"{k} = {v!r}" for k, v in params.items()]
    cell = nbformat.v4.new_code_cell("# Injected parameters\n" + "\n".join(lines))
    cell.metadata["tags"] = ["injected-parameters"]
    cell.id = "injected-parameters"
    cells = [c for c in nb.cells if "injected-parameters" not in c.metadata.get("tags", [])]
    at = next((i + 1 for i, c in enumerate(cells) if "parameters" in c.metadata.get("tags", [])),
              0)
    cells.insert(at, cell)
    nb.cells = cells
    return nb


def keep_cell(cell, params: Mapping[str, object]) -> bool:
    """Whether a cell applies to these parameters. Cells about one corpus carry a tag
    ``if:corpus=seed``, ``if:stats_corpus=fakes`` (any parameter), or ``if:two_corpora`` (the
    close-reading and statistical corpora differ); other cells always apply."""
    for tag in cell.get("metadata", {}).get("tags", []):
        if tag == "if:two_corpora":
            if params.get("corpus", "seed") == params.get("stats_corpus", "fakes"):
                return False
        elif tag.startswith("if:") and "=" in tag:
            key, _, want = tag[3:].partition("=")
            default = {"corpus": "seed", "stats_corpus": "fakes"}.get(key)
            if str(params.get(key, default)) != want:
                return False
    return True


def execute_notebook(path: str | Path, params: Mapping[str, object] | None = None, *,
                     timeout: int = 900):
    """Execute a notebook headless (nbclient) with ``params`` injected; return it executed.

    The kernel talks to the client over Unix-domain (ipc) sockets where the platform has
    them, so no TCP port is opened; cells run in the notebook's folder.
    """
    import nbformat
    from nbclient import NotebookClient
    from traitlets.config import Config

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    nb.cells = [c for c in nb.cells if keep_cell(c, dict(params or {}))]
    inject_parameters(nb, dict(params or {}))
    # Agg in the kernel: figures reach the page only through save_figure's PNG, byte for byte.
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0"}
    with tempfile.TemporaryDirectory(prefix="framing-kernel-") as tmp:
        km_config = ({"transport": "ipc", "ip": str(Path(tmp) / "kernel")}
                     if os.name == "posix" else {})
        client = NotebookClient(nb, kernel_name="python3", timeout=timeout, allow_errors=False,
                                config=Config({"KernelManager": km_config}),
                                resources={"metadata": {"path": str(path.parent)}})
        client.execute(env=env)
    return nb


def run_notebooks(params: Mapping[str, object], names: Iterable[str] = NOTEBOOKS,
                  notebooks_dir: str | Path | None = None) -> list:
    """Execute the named notebooks in order with the same parameters; return them executed."""
    folder = Path(notebooks_dir or config.NOTEBOOKS_DIR)
    done = []
    for name in names:
        path = folder / f"{name}.ipynb"
        if not path.is_file():
            raise FramingError(bad_value("names", "run_notebooks", NOTEBOOKS, name))
        log.info("running notebook %s", path.name)
        done.append(execute_notebook(path, params))
    return done


# ------------------------------------------------------------------------------ report
_CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 52em; margin: 2em auto;
       padding: 0 1em; color: #222; line-height: 1.45; font-size: 11pt; }
h1 { font-size: 1.6em; } h2 { font-size: 1.3em; border-bottom: 1px solid #ccc; }
h3 { font-size: 1.1em; }
figure { margin: 1em 0; break-inside: avoid; page-break-inside: avoid; }
img { max-width: 100%; height: auto; }
table { border-collapse: collapse; font-size: 8.5pt; margin: 0.5em 0; }
.output { max-width: 100%; overflow-x: auto; }
td, th { border-bottom: 1px solid #ddd; padding: 2px 6px; text-align: left; vertical-align: top;
         max-width: 28em; overflow-wrap: anywhere; }
pre { white-space: pre-wrap; font-size: 8.5pt; background: #f6f6f6; padding: 0.4em; }
.notebook { break-before: page; page-break-before: always; }
.notebook:first-of-type { break-before: auto; page-break-before: auto; }
.anchor-link { display: none; }
@page { size: A4; margin: 14mm; }
@media print { body { max-width: none; margin: 0; font-size: 10pt; } }
"""


_ROW_HEAD = re.compile(r"(<tr[^>]*>\s*)<th>([^<]*)</th>")


def plain_table(fragment: str) -> str:
    """A pandas HTML table for print: without its scoped style block and, when the index is
    just row numbers (0, 1, 2...), without that column; a named index (outlets) is kept."""
    if "class=\"dataframe\"" not in fragment:
        return fragment
    fragment = re.sub(r"<style scoped>.*?</style>", "", fragment, flags=re.S)
    head, sep, body = fragment.partition("<tbody>")
    if not sep:
        return fragment
    labels = [m.group(2) for m in _ROW_HEAD.finditer(body)]
    if labels != [str(i) for i in range(len(labels))] or "<th></th>" not in head:
        return fragment
    head = head.replace("<th></th>", "", 1)
    return head + sep + _ROW_HEAD.sub(r"\1", body)


def _provenance_html(record: Mapping | None) -> str:
    """A figure's provenance (its stable part) as a small collapsed ``<details>``."""
    if not record:
        return ""
    from framing.provenance import stable

    rec = stable(record)
    rows = [("corpus", "; ".join(f"{t['path']}: {t['rows']} rows, sha256 {t['sha256'][:12]}"
                                 for t in rec.get("corpus", []))),
            ("topic", rec.get("topic", {}).get("name", "")),
            *((label, f"sha256 {digest[:12] if digest else 'missing'}")
              for label, digest in rec.get("topic", {}).get("files", {}).items()),
            ("framing", rec.get("framing", {}).get("version", "")),
            ("packages", ", ".join(f"{k} {v}" for k, v in rec.get("packages", {}).items()
                                   if v)),
            ("figure options", json.dumps(rec.get("figure_options", {}), sort_keys=True)),
            ("seeds", ", ".join(f"{k}={v}" for k, v in rec.get("seeds", {}).items()))]
    cells = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>"
                    for k, v in rows)
    return (f"<details class='provenance' style='font-size:7.5pt;color:#555'><summary>"
            f"provenance of "
            f"{html.escape(str(rec.get('figure', 'figure')))}</summary><table>{cells}</table>"
            f"</details>")


def _output_html(output: Mapping, provenance: Mapping | None = None) -> str:
    """One output as HTML; a saved figure gets its entry of ``provenance`` (stem -> record)."""
    kind = output.get("output_type")
    if kind == "stream":
        return "" if output.get("name") == "stderr" else \
            f"<pre>{html.escape(output.get('text', ''))}</pre>"
    if kind not in ("display_data", "execute_result"):
        return ""
    data = output.get("data", {})
    # a saved figure's text form is "SavedFigure(<name>.svg, ...)": its name is the alt text
    named = re.match(r"SavedFigure\(([\w-]+)\.", str(data.get("text/plain", "")))
    alt = html.escape(named.group(1).replace("_", " ") if named else "figure", quote=True)
    about = _provenance_html((provenance or {}).get(named.group(1)) if named else None)
    if "image/png" in data:
        png = data["image/png"]
        png = png if isinstance(png, str) else base64.b64encode(png).decode("ascii")
        return (f'<figure><img alt="{alt}" src="data:image/png;base64,{png.strip()}">'
                f'{about}</figure>')
    if "image/svg+xml" in data:
        svg = base64.b64encode(data["image/svg+xml"].encode("utf-8")).decode("ascii")
        return f'<figure><img alt="{alt}" src="data:image/svg+xml;base64,{svg}">{about}</figure>'
    if "text/html" in data:
        return f"<div class='output'>{plain_table(data['text/html'])}</div>"
    if "text/markdown" in data:
        from nbconvert.filters.markdown import markdown2html

        return markdown2html(data["text/markdown"])
    if "text/plain" in data:
        return f"<pre>{html.escape(data['text/plain'])}</pre>"
    return ""


def notebook_html(nb) -> str:
    """The narrative (markdown) and outputs of an executed notebook as an HTML fragment.

    Figures get their provenance from ``nb.metadata["framing"]["provenance"]`` (stem ->
    record), which :func:`build_all` fills in.
    """
    from nbconvert.filters.markdown import markdown2html

    provenance = nb.metadata.get("framing", {}).get("provenance", {})
    parts = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            parts.append(markdown2html(cell.source))
        elif cell.cell_type == "code":
            parts.extend(_output_html(o, provenance) for o in cell.get("outputs", []))
    return "\n".join(p for p in parts if p)


def write_report(notebooks: Iterable, path: str | Path, *, title: str = "framing: how outlets "
                 "frame the same events", intro: str = "") -> Path:
    """Write executed notebooks as one self-contained, printable HTML page.

    Images are embedded as data URIs, so the page needs no network and no other file; the
    page carries no date, so the same notebooks give the same bytes. ``intro`` (Markdown)
    comes first, e.g. which corpus and study the page is about.
    """
    from nbconvert.filters.markdown import markdown2html

    sections = "\n".join(f"<section class='notebook'>\n{notebook_html(nb)}\n</section>"
                         for nb in notebooks)
    page = (f"<!DOCTYPE html>\n<html lang='en'>\n<head>\n<meta charset='utf-8'>\n"
            f"<title>{html.escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
            f"<h1>{html.escape(title)}</h1>\n{markdown2html(intro) if intro else ''}\n"
            f"{sections}\n</body>\n</html>\n")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8", newline="\n")
    return path


def _newest_articles(folder: Path) -> float | None:
    times = [p.stat().st_mtime for p in folder.glob("articles.*") if p.is_file()]
    return max(times) if times else None


def corpora_in(processed_dir: str | Path | None = None) -> dict[str, str]:
    """Which corpora the notebooks should show: ``{"corpus": ..., "stats_corpus": ...}``.

    A user corpus (``processed_dir/user``, written by ``framing run --corpus``) newer than the
    bundled tables is shown in every notebook; otherwise close reading uses the seed page and
    statistics FA-KES.
    """
    folder = Path(processed_dir or config.PROCESSED_DIR)
    user = _newest_articles(folder / "user")
    seed = _newest_articles(folder / "seed")
    if user is not None and (seed is None or user >= seed):
        return {"corpus": "user", "stats_corpus": "user"}
    return {"corpus": "seed", "stats_corpus": "fakes"}


def build_all(processed_dir: str | Path | None = None, figures_dir: str | Path | None = None,
              *, names: Iterable[str] = NOTEBOOKS, options=None,
              command: Sequence[str] | None = None) -> Path:
    """Execute the analysis notebooks, which write the figures, then write ``report.html``.

    Figures this suite writes (:data:`FIGURE_NAMES`) are removed first, so a figure that no
    longer applies (the FA-KES figures for a user corpus) does not linger. Beside each figure
    goes ``<name>.provenance.json`` (:mod:`framing.provenance`), shown under the figure in the
    report.

    Parameters
    ----------
    processed_dir : str or Path, optional
        Tables of ``framing run`` (default :data:`framing.config.PROCESSED_DIR`).
    figures_dir : str or Path, optional
        Where figures and the report go (default :data:`framing.config.FIGURES_DIR`).
    names : iterable of str
        Notebooks to run, in order (default :data:`NOTEBOOKS`).
    options : framing.plots.FigureOptions, optional
        Size, font, dpi and formats of every figure: passed to the notebook kernels as
        ``$FRAMING_FIGURE_OPTIONS``, which :func:`framing.plots.theme` and
        :func:`framing.plots.save_figure` read.
    command : sequence of str, optional
        The command line, recorded in the provenance (default ``build_all``).

    Returns
    -------
    Path
        The report.
    """
    processed = Path(processed_dir or config.PROCESSED_DIR).resolve()
    if not processed.is_dir():
        raise FramingError(
            f"No folder {processed}: pass the output folder of `framing run` (data/processed "
            f"for the bundled corpora, runs/<name> or -o OUT for yours).")
    figures = Path(figures_dir or config.FIGURES_DIR).resolve()
    figures.mkdir(parents=True, exist_ok=True)
    from framing import provenance
    from framing.plots.style import FORMATS, figure_options, figure_options_env

    for stem in FIGURE_NAMES:
        for suffix in (*(f".{f}" for f in FORMATS), provenance.SUFFIX):
            (figures / f"{stem}{suffix}").unlink(missing_ok=True)
    names = list(names)
    corpora = corpora_in(processed)
    params = {**corpora, "processed_dir": str(processed), "figures_dir": str(figures)}
    with figure_options_env(options):
        opts = figure_options()
        executed = run_notebooks(params, names)
    run = {"argv": list(command or ["build_all"]), "notebooks": names,
           "processed_dir": provenance.relative(processed, figures), "figures_dir": "."}
    records = {}
    with provenance.one_build():
        for stem in FIGURE_NAMES:
            files = sorted(p for p in figures.glob(f"{stem}.*")
                           if p.suffix[1:] in FORMATS and p.name.count(".") == 1)
            if files:
                records[stem] = provenance.figure_provenance(
                    stem, files, corpora=provenance.figure_corpora(stem, corpora),
                    processed_dir=processed, options=opts.to_dict(), command=run)
                provenance.write_provenance(records[stem], figures)
    for nb in executed:
        nb.metadata.setdefault("framing", {})["provenance"] = records
    intro = ""
    if params["corpus"] == "user":
        from framing.narrative import describe_run

        intro = "This report is about " + describe_run("user", processed)
    report = write_report(executed, figures / REPORT_NAME, intro=intro)
    log.info("figures and report -> %s", report)
    return report
