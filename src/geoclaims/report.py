"""The HTML report: every notebook executed, plus an index page with the scorecard.

``build_report(out)`` executes each notebook of ``notebooks/`` with a local Python kernel
(nbclient; no network is used), exports it to HTML with its figures embedded (nbconvert),
strips the external script tags nbconvert adds (require.js, MathJax from CDNs; the
notebooks need neither), and writes an ``index.html`` with the scorecard in which each
claim links to its notebook's findings section and shows its figures inline. Every image is
a data URI, so the folder works offline and as a single copy. The report is built in a
temporary folder and moved into place at the end: a failure leaves the old report intact.
"""

from __future__ import annotations

import base64
import html
import re
import shutil
import tempfile
from pathlib import Path

from .figures import build_figures
from .paths import REPO_ROOT, notebooks_dir
from .progress import report
from .registry import load_claims
from .scorecard import check_claims

#: the notebook that holds each claim family's findings (its "## The findings" section)
NOTEBOOK_FOR_FAMILY = {"route": "01-polar-route", "tunnel": "02-sakhalin-tunnel",
                       "meetings": "03-meetings", "history": "04-history"}
FINDINGS_ANCHOR = "The-findings"
_EXTERNAL_SCRIPT = re.compile(r"<script[^>]*\bsrc=\"https?://[^\"]*\"[^>]*>\s*</script>", re.I)

# Reports, on load, how many images decoded; a browser test reads these attributes.
_IMAGE_CHECK = """<script>
window.addEventListener("load", function () {
  var imgs = Array.prototype.slice.call(document.images);
  var ok = imgs.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length;
  document.body.setAttribute("data-images-total", imgs.length);
  document.body.setAttribute("data-images-loaded", ok);
});
</script>"""


def execute_notebook(path: Path) -> str:
    """Execute one notebook (in its own folder) and return it as standalone HTML."""
    import nbformat
    from nbclient import NotebookClient
    from nbconvert import HTMLExporter

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    body, _ = HTMLExporter(embed_images=True).from_notebook_node(nb)
    return _EXTERNAL_SCRIPT.sub("", body)


def _data_uri(png: Path) -> str:
    return "data:image/png;base64," + base64.b64encode(png.read_bytes()).decode("ascii")


def render_index(findings, figure_files: dict[str, Path]) -> str:
    """The index page: one row per claim with its rating, rule, notebook link and figures."""
    claims = {c.claim_id: c for c in load_claims()}
    rows = []
    for f in findings:
        claim = claims[f.claim_id]
        page = f"{NOTEBOOK_FOR_FAMILY[claim.family]}.html#{FINDINGS_ANCHOR}"
        figs = "".join(f'<img alt="{html.escape(p)}" src="{_data_uri(figure_files[Path(p).name])}" width="320">'
                       for p in f.figures if Path(p).name in figure_files)
        shown = lambda v: "" if v is None else html.escape(str(v))  # noqa: E731
        rows.append(
            f'<tr id="{f.claim_id}" class="claim"><td><a href="{page}">{f.claim_id}</a></td>'
            f"<td>“{html.escape(claim.quote)}”</td><td>{shown(f.claimed_value)} {html.escape(f.unit)}</td>"
            f"<td>{shown(f.measured)}</td><td>{shown(f.low)} – {shown(f.high)}</td>"
            f'<td class="rating {f.rating}">{f.rating}</td><td>{html.escape(f.rule)}<div>{figs}</div></td></tr>')
    pages = "".join(f'<li><a href="{name}.html">{name}</a></li>' for name in sorted(NOTEBOOK_FOR_FAMILY.values()))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>geoclaims report</title>
<style>
body {{ font-family: sans-serif; margin: 2em; }} table {{ border-collapse: collapse; }}
td, th {{ border: 1px solid #ccc; padding: 4px 8px; vertical-align: top; font-size: 90%; }}
.accurate {{ background: #d9f2d9; }} .mostly-accurate {{ background: #eef7d0; }}
.misleading {{ background: #fde9c8; }} .inaccurate {{ background: #f8d0d0; }}
</style></head>
<body>
<h1>Russo-Japanese ties thaw after long freeze (DW, 2014): the scorecard</h1>
<p>Every verdict is computed from the sourced data in the geoclaims repository; each rule states its thresholds.</p>
<table id="scorecard"><thead><tr><th>claim</th><th>quote</th><th>claimed</th><th>measured</th><th>range</th>
<th>rating</th><th>how the rating follows, and the evidence</th></tr></thead><tbody>
{''.join(rows)}
</tbody></table>
<h2>Notebooks</h2><ul>{pages}</ul>
{_IMAGE_CHECK}
</body></html>
"""


def build_report(out_dir: str | Path = "report") -> Path:
    """Execute every notebook and write the report into ``out_dir``; return the index path."""
    out = Path(out_dir)
    if not out.is_absolute():
        out = Path.cwd() / out
    notebooks = sorted(notebooks_dir().glob("*.ipynb"))
    staging = Path(tempfile.mkdtemp(prefix=".report-", dir=out.parent if out.parent.exists() else REPO_ROOT))
    try:
        for i, nb in enumerate(notebooks, 1):
            report(f"[{i}/{len(notebooks)}] executing {nb.name}")
            (staging / f"{nb.stem}.html").write_text(execute_notebook(nb), encoding="utf-8")
        report("figures and index")
        figures = {p.name: p for p in build_figures(staging / "_figures")}
        (staging / "index.html").write_text(render_index(check_claims(), figures), encoding="utf-8")
        shutil.rmtree(staging / "_figures")
        if out.exists():
            shutil.rmtree(out)
        staging.chmod(0o755)  # mkdtemp makes it private; a report is for reading
        staging.rename(out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return out / "index.html"
