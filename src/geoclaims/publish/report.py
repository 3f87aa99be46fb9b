"""The HTML report of one article: its notebooks executed, and an index page.

``build_report(out, article)`` executes the article's notebooks with a local Python kernel
(nbclient; no network is used), exports each to HTML with its figures embedded (nbconvert),
strips the external script tags nbconvert adds (require.js, MathJax from CDNs; the
notebooks need neither), and writes ``index.html``: the scorecard, in which each claim links
to its notebook's findings section and shows its figures, and a list of every article.
Every image is a data URI, so the folder works offline and as a single copy.

The report is built in a temporary folder beside ``out`` and moved into place only when
complete; ``out`` must be new, empty, or a folder a previous report wrote
(:mod:`geoclaims.publish.outdir`): nothing else is ever removed or overwritten.
"""

from __future__ import annotations

import base64
import html
import re
import shutil
from pathlib import Path

from ..articles import article_slugs, load_article
from ..paths import notebooks_dir
from ..progress import report
from ..registry import get_claim
from ..scorecard import check_claims, summary
from .figures import build_figures
from .outdir import claim_folder, install, staging_folder

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


def render_index(findings, figure_files: dict[str, Path], article: str | None = None) -> str:
    """The index page: one row per claim with its rating, rule, notebook link and figures."""
    art = load_article(article)
    rows = []
    for f in findings:
        claim = get_claim(f.claim_id, art.slug)
        page = f"{art.notebook_for(claim.family)}.html#{FINDINGS_ANCHOR}"
        figs = "".join(f'<img alt="{html.escape(p)}" src="{_data_uri(figure_files[Path(p).stem])}" width="320">'
                       for p in f.figures if Path(p).stem in figure_files)
        shown = lambda v: "" if v is None else html.escape(str(v))  # noqa: E731
        rows.append(
            f'<tr id="{f.claim_id}" class="claim"><td><a href="{page}">{f.claim_id}</a></td>'
            f"<td>“{html.escape(claim.quote)}”</td><td>{shown(f.claimed_value)} {html.escape(f.unit)}</td>"
            f"<td>{shown(f.measured)}</td><td>{shown(f.low)} – {shown(f.high)}</td>"
            f'<td class="rating {f.rating}">{f.rating}</td><td>{html.escape(f.rule)}<div>{figs}</div></td></tr>')
    pages = "".join(f'<li><a href="{name}.html">{name}</a></li>' for name in art.notebook_stems())
    articles = "".join(f"<li>{html.escape(load_article(s).title)} ({html.escape(load_article(s).publisher)}): "
                       f"<code>geoclaims report --article {s}</code></li>" for s in article_slugs())
    title = f"{html.escape(art.title)} ({html.escape(art.publisher)}, {art.published[:4]})"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>geoclaims report: {html.escape(art.title)}</title>
<style>
body {{ font-family: sans-serif; margin: 2em; }} table {{ border-collapse: collapse; }}
td, th {{ border: 1px solid #ccc; padding: 4px 8px; vertical-align: top; font-size: 90%; }}
.accurate {{ background: #d9f2d9; }} .mostly-accurate {{ background: #eef7d0; }}
.misleading {{ background: #fde9c8; }} .inaccurate {{ background: #f8d0d0; }}
</style></head>
<body>
<h1>{title}: the scorecard</h1>
<p><a href="{html.escape(art.url)}">The article</a>. {html.escape(summary(findings))}.
Every verdict is computed from the sourced data in the geoclaims repository; each rule states its thresholds.</p>
<table id="scorecard"><thead><tr><th>claim</th><th>quote</th><th>claimed</th><th>measured</th><th>range</th>
<th>rating</th><th>how the rating follows, and the evidence</th></tr></thead><tbody>
{''.join(rows)}
</tbody></table>
<h2>Notebooks</h2><ul>{pages}</ul>
<h2>Articles checked</h2><ul>{articles}</ul>
{_IMAGE_CHECK}
</body></html>
"""


def build_report(out_dir: str | Path = "report", article: str | None = None) -> Path:
    """Execute the article's notebooks and write the report into ``out_dir``; return the index.

    Raises
    ------
    OutputError
        before any work, if ``out_dir`` is a file or a folder holding files geoclaims did not write.
    """
    out = Path(out_dir).absolute()
    claim_folder(out, "report")
    art = load_article(article)
    findings = check_claims(article=art.slug)
    notebooks = [notebooks_dir() / f"{stem}.ipynb" for stem in art.notebook_stems()]
    staging = staging_folder(out)
    try:
        for i, nb in enumerate(notebooks, 1):
            report(f"[{i}/{len(notebooks)}] executing {nb.name}")
            (staging / f"{nb.stem}.html").write_text(execute_notebook(nb), encoding="utf-8")
        report("figures and index")
        figure_dir = staging / "figures"
        figure_dir.mkdir()
        figures = {p.stem: p for p in build_figures(figure_dir, article=art.slug)}
        (staging / "index.html").write_text(render_index(findings, figures, art.slug), encoding="utf-8")
        for p in figures.values():
            p.unlink()
        figure_dir.rmdir()
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    install(staging, out)
    return out / "index.html"
