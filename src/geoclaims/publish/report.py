"""The HTML report of one article: its notebooks executed, the method, and an index page.

``build_report(out, article)`` executes the article's notebooks with a local Python kernel
(nbclient; no network is used), exports each to HTML with its figures embedded (nbconvert),
strips the external script tags nbconvert adds (require.js, MathJax from CDNs; the
notebooks need neither), and writes ``index.html`` (:mod:`.pages`): a summary, legends for
the ratings and the range, the scorecard, and a section per claim with the sentence in
context, its speaker, verdict, rule, sources with their quotes and its figures at full width.
Each figure is stored once, in ``figures/``; ``method.html`` is ``docs/METHOD.md``.

The report is built in a temporary folder beside ``out`` and moved into place only when
complete; ``out`` must be new, empty, or a folder a previous report wrote
(:mod:`geoclaims.publish.outdir`): nothing else is ever removed or overwritten.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from ..articles import article_slugs, load_article, notebook_path
from ..data import load_sources
from ..families import FAMILIES
from ..paths import REPO_ROOT
from ..progress import report
from ..registry import load_claims
from ..scorecard import check_claims
from .figures import build_figures
from .outdir import claim_folder, install, staging_folder
from .pages import FINDINGS_ANCHOR, FONTS, index_page, method_page

__all__ = ["FINDINGS_ANCHOR", "build_report", "execute_notebook"]

_EXTERNAL_SCRIPT = re.compile(r"<script[^>]*\bsrc=\"https?://[^\"]*\"[^>]*>\s*</script>", re.I)

# Reports, on load, how many images decoded with a size; the browser test reads these attributes.
IMAGE_CHECK = """<script>
window.addEventListener("load", function () {
  var imgs = Array.prototype.slice.call(document.images);
  var ok = imgs.filter(function (i) { return i.complete && i.naturalWidth > 0 && i.naturalHeight > 0; }).length;
  document.body.setAttribute("data-images-total", imgs.length);
  document.body.setAttribute("data-images-loaded", ok);
});
</script>"""


def _finish(page: str) -> str:
    """Add the font stack and the image check to a page."""
    page = page.replace("</head>", f"<style>{FONTS}</style></head>", 1)
    return page.replace("</body>", IMAGE_CHECK + "</body>", 1)


def execute_notebook(path: Path) -> str:
    """Execute one notebook (in its own folder) and return it as standalone HTML."""
    import nbformat
    from nbclient import NotebookClient
    from nbconvert import HTMLExporter

    from jupyter_client.manager import AsyncKernelManager

    nb = nbformat.read(path, as_version=4)
    # IPC (Unix sockets in a private temporary folder), not TCP: a local kernel needs no
    # network, and then has no reason to warn about unencrypted TCP
    sockets = Path(tempfile.mkdtemp(prefix="geoclaims-kernel-"))
    try:
        class IpcKernelManager(AsyncKernelManager):
            def __init__(self, **kwargs):
                super().__init__(transport="ipc", ip=str(sockets / "kernel"), **kwargs)

        NotebookClient(nb, timeout=900, kernel_name="python3", kernel_manager_class=IpcKernelManager,
                       resources={"metadata": {"path": str(path.parent)}}).execute()
    finally:
        shutil.rmtree(sockets, ignore_errors=True)  # the folder and sockets this function made
    body, _ = HTMLExporter(embed_images=True).from_notebook_node(nb)
    return _EXTERNAL_SCRIPT.sub("", body)


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
    claims = {c.claim_id: c for c in load_claims(art.slug)}
    notebooks = art.notebook_stems()
    staging = staging_folder(out)
    try:
        for i, stem in enumerate(notebooks, 1):
            report(f"[{i}/{len(notebooks)}] executing {stem}.ipynb")
            page = execute_notebook(notebook_path(stem))
            (staging / f"{stem}.html").write_text(_finish(page), encoding="utf-8")
        report("figures and index")
        captions = {name: spec.caption for f in FAMILIES.values() for name, spec in f.figures.items()}
        figures = {}
        for path in build_figures(staging / "figures", article=art.slug):
            for f in findings:
                figures.update({p: (f"figures/{path.name}", captions[path.stem]) for p in f.figures
                                if Path(p).stem == path.stem})
        index = index_page(art, findings, claims, figures, load_sources(), notebooks,
                           [load_article(s) for s in article_slugs()])
        (staging / "index.html").write_text(_finish(index), encoding="utf-8")
        method = (REPO_ROOT / "docs" / "METHOD.md").read_text(encoding="utf-8")
        (staging / "method.html").write_text(method_page(method), encoding="utf-8")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    install(staging, out)
    return out / "index.html"
