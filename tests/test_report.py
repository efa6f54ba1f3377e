"""The report: one self-contained page that a real browser renders with every image."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import nbformat
import pytest

from framing import report

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--virtual-time-budget=10000"]
# Appended to a copy of the page: after load, write how many images decoded.
_PROBE = """<script>
window.addEventListener("load", () => {
  const imgs = Array.from(document.images);
  const pre = document.createElement("pre");
  pre.id = "framing-probe";
  pre.textContent = JSON.stringify({
    images: imgs.length,
    broken: imgs.filter(i => !(i.complete && i.naturalWidth > 0)).length,
  });
  document.body.appendChild(pre);
});
</script>"""


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    hint = "install Debian's chromium (`make sysdeps` as root, or `apt-get install chromium`)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"chromium is missing on CI: {hint}")
    pytest.skip(f"chromium is missing: {hint} to run the browser test")


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    """The report of the seed-page notebooks (the fast ones), built as `make figures` does."""
    processed = tmp_path_factory.mktemp("processed")
    figures = tmp_path_factory.mktemp("figures")
    return report.build_all(processed, figures, names=("01_corpus", "03_quotes_and_voices"))


def test_report_embeds_every_image_and_needs_no_network(page):
    text = page.read_text(encoding="utf-8")
    sources = re.findall(r"<img [^>]*src=\"([^\"]*)\"", text)
    assert len(sources) == 3  # corpus_overview, quote_balance, agency_constructions
    assert all(s.startswith("data:image/png;base64,") for s in sources)
    assert not re.search(r"(?:src|href)=[\"']https?://", text)


def test_report_escapes_article_text(seed_articles, tmp_path):
    text = seed_articles.loc[seed_articles["doc_id"] == "a07", "text"].iat[0]
    cell = nbformat.v4.new_code_cell("print(text)")
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout",
                                           text=text + " <script>alert(1)</script>")]
    nb = nbformat.v4.new_notebook(cells=[cell])
    html = report.write_report([nb], tmp_path / "r.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "“act of aggression and support of terrorists”" in html


def test_report_leaves_out_code_and_stderr(tmp_path):
    cell = nbformat.v4.new_code_cell("secret_code_line = 1")
    cell.outputs = [nbformat.v4.new_output("stream", name="stderr", text="read 15, kept 15")]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Title"), cell])
    html = report.write_report([nb], tmp_path / "r.html").read_text(encoding="utf-8")
    assert "secret_code_line" not in html and "kept 15" not in html
    assert ">Title<" in html


def test_report_renders_in_chromium_with_all_images(page, tmp_path):
    browser = _chromium()
    probe = tmp_path / "probe.html"
    probe.write_text(page.read_text(encoding="utf-8").replace("</body>", _PROBE + "</body>"),
                     encoding="utf-8")
    run = subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
                          "--dump-dom", probe.as_uri()],
                         capture_output=True, text=True, timeout=120, check=False)
    found = re.search(r'<pre id="framing-probe">(.*?)</pre>', run.stdout)
    assert found, f"chromium printed no probe result: {run.stderr[-2000:]}"
    result = json.loads(found.group(1))
    assert result == {"images": 3, "broken": 0}


def test_report_images_carry_their_figure_names_as_alt_text():
    from framing.report import _output_html

    output = {"output_type": "display_data",
              "data": {"image/png": "iVBORw0KGgo=",
                       "text/plain": "SavedFigure(quote_balance.svg, quote_balance.png)"}}
    assert '<img alt="quote balance"' in _output_html(output)


def test_corpus_summary_counts_each_outlet_and_leaves_undated_ones_blank(seed_articles):
    summary = report.corpus_summary(seed_articles).set_index("outlet")
    assert summary["articles"].sum() == len(seed_articles)
    assert summary.loc["AFP", ["first_date", "last_date"]].tolist() == ["2017-05-21", "2017-06-20"]
    # AP's repost carries no date: blank, not NaN, in the notebook's table
    assert summary.loc["AP", ["first_date", "last_date"]].tolist() == ["", ""]
    assert summary.loc["WSJ", "kinds"] == "2 excerpt, 1 news"


def test_report_tables_drop_row_numbers_but_keep_a_named_index():
    import pandas as pd

    from framing.report import plain_table

    numbered = plain_table(pd.DataFrame({"outlet": ["AFP", "AP"], "n": [3, 1]})._repr_html_())
    assert "<th>0</th>" not in numbered and "<th>1</th>" not in numbered
    assert "<style" not in numbered and "<td>AFP</td>" in numbered
    named = plain_table(pd.DataFrame({"n": [3]}, index=pd.Index(["AFP"], name="outlet"))
                        ._repr_html_())
    assert "<th>AFP</th>" in named
