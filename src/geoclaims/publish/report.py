"""The HTML report: one self-contained folder per article, and an index of the articles.

``build_report(out, article)`` writes ``out/<slug>/``: the article's notebooks executed with a
local Python kernel (nbclient; no network is used) and exported to HTML with their figures
embedded (nbconvert, external script tags stripped: the notebooks need neither require.js
nor MathJax), ``index.html`` (:mod:`.pages`: the scorecard in the article's words, then a
section per claim leading with the quote, its speaker, the verdict and one plain sentence),
each figure once in ``figures/``, and ``method.html`` (``docs/METHOD.md``). A folder copied
or mailed alone shows everything. ``out/index.html`` lists every article and links the
folders that hold a report.

Each article folder is built in a temporary folder beside it and moved into place only when
complete, and a run replaces only the folders of the articles it builds; ``out`` and each
article folder must be new, empty, or written by geoclaims before
(:mod:`geoclaims.publish.outdir`): nothing else is ever removed or overwritten.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from ..articles import article_slugs, load_article, notebook_path
from ..data import load_sources
from ..families import notebook_stems
from ..paths import method_file
from ..progress import report
from ..errors import GeoclaimsError, InputError
from ..registry import load_claims, load_review
from ..scorecard import check_claims, summary
from .figures import build_figures, caption
from .outdir import MARKER, claim_folder, install, owned, remove_stale, staging_folder
from .pages import FINDINGS_ANCHOR, FONTS, NARROW, VIEWPORT, articles_page, index_page, method_page

__all__ = ["FINDINGS_ANCHOR", "build_report", "execute_notebook"]

#: the one-line summary an article's folder keeps, which the index of articles reads
SUMMARY = "summary.txt"

_EXTERNAL_SCRIPT = re.compile(r"<script[^>]*\bsrc=\"https?://[^\"]*\"[^>]*>\s*</script>", re.I)

# Reports, on load, how many images decoded with a size and whether the page is wider than the
# window; the browser test reads these attributes.
IMAGE_CHECK = """<script>
window.addEventListener("load", function () {
  var imgs = Array.prototype.slice.call(document.images);
  var ok = imgs.filter(function (i) { return i.complete && i.naturalWidth > 0 && i.naturalHeight > 0; }).length;
  document.body.setAttribute("data-images-total", imgs.length);
  document.body.setAttribute("data-images-loaded", ok);
  document.body.setAttribute("data-scroll-width", document.documentElement.scrollWidth);
  document.body.setAttribute("data-inner-width", window.innerWidth);
});
</script>"""


def _finish(page: str) -> str:
    """Add the viewport, the font stack, the narrow-screen rules and the image check to a page."""
    if 'name="viewport"' not in page:
        page = page.replace("<head>", f"<head>{VIEWPORT}", 1)
    page = page.replace("</head>", f"<style>{FONTS}{NARROW}</style></head>", 1)
    return page.replace("</body>", IMAGE_CHECK + "</body>", 1)


def execute_notebook(path: Path, article: str | None = None) -> str:
    """Execute one notebook (in its own folder) for ``article`` (its kernel sees it as
    ``GEOCLAIMS_ARTICLE``, :func:`geoclaims.articles.current_article`) and return it as standalone HTML."""
    import nbformat
    from nbclient import NotebookClient
    from nbconvert import HTMLExporter

    from jupyter_client.manager import AsyncKernelManager

    nb = nbformat.read(path, as_version=4)
    # IPC (Unix sockets in a private temporary folder), not TCP: a local kernel needs no
    # network, and then has no reason to warn about unencrypted TCP. The kernel's connection
    # file (with its HMAC key) goes into the same folder, which a killed run leaves for the
    # next run to remove (its name carries the run's process id).
    remove_stale(Path(tempfile.gettempdir()), "geoclaims-kernel-")
    sockets = Path(tempfile.mkdtemp(prefix=f"geoclaims-kernel-{os.getpid()}-"))
    saved = {k: os.environ.get(k) for k in ("JUPYTER_RUNTIME_DIR", "GEOCLAIMS_ARTICLE")}
    os.environ["JUPYTER_RUNTIME_DIR"] = str(sockets)
    if article:
        os.environ["GEOCLAIMS_ARTICLE"] = article
    try:
        class IpcKernelManager(AsyncKernelManager):
            def __init__(self, **kwargs):
                super().__init__(transport="ipc", ip=str(sockets / "kernel"), **kwargs)

        NotebookClient(nb, timeout=900, kernel_name="python3", kernel_manager_class=IpcKernelManager,
                       resources={"metadata": {"path": str(path.parent)}}).execute()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        shutil.rmtree(sockets, ignore_errors=True)  # the folder and sockets this function made
    body, _ = HTMLExporter(embed_images=True).from_notebook_node(nb)
    return _EXTERNAL_SCRIPT.sub("", body)


def _article_folder(out: Path, article: str, force: bool = False) -> Path:
    """Build one article's report into ``out/<slug>/`` (its own marker; nothing else touched)."""
    art = load_article(article)
    folder = out / art.slug
    claim_folder(folder, "report", force)
    findings = check_claims(article=art.slug)
    claims = {c.claim_id: c for c in load_claims(art.slug)}
    notebooks = notebook_stems(art)
    staging = staging_folder(folder)
    try:
        for i, stem in enumerate(notebooks, 1):
            report(f"{art.slug}: [{i}/{len(notebooks)}] executing {stem}.ipynb")
            page = execute_notebook(notebook_path(stem), art.slug)
            (staging / f"{stem}.html").write_text(_finish(page), encoding="utf-8")
        report(f"{art.slug}: figures and index")
        figures = {}
        for path in build_figures(staging / "figures", article=art.slug):
            for f in findings:
                figures.update({p: (f"figures/{path.name}", caption(path.stem)) for p in f.figures
                                if Path(p).stem == path.stem})
        index = index_page(art, findings, claims, figures, load_sources(), notebooks, load_review(art.slug))
        (staging / "index.html").write_text(_finish(index), encoding="utf-8")
        (staging / SUMMARY).write_text(summary(findings) + "\n", encoding="utf-8")  # for the index of articles
        method = method_file().read_text(encoding="utf-8")
        (staging / "method.html").write_text(_finish(method_page(method)), encoding="utf-8")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    install(staging, folder, force=force)
    return folder / "index.html"


def _write_articles_index(out: Path, force: bool = False) -> None:
    """``out/index.html``: every article, linked where its folder holds a report geoclaims wrote."""
    entries = []
    for slug in article_slugs():
        try:
            art = load_article(slug)
        except GeoclaimsError:
            continue  # a broken article folder is reported by the commands that use it
        folder = out / slug
        built = (folder / SUMMARY).is_file() and SUMMARY in owned(folder)
        entries.append((art, (folder / SUMMARY).read_text(encoding="utf-8").strip() if built else None))
    staging = staging_folder(out)
    try:
        (staging / "index.html").write_text(_finish(articles_page(entries)), encoding="utf-8")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    install(staging, out, force=force)  # its own files are the index; each article folder has its own marker


def build_report(out_dir: str | Path = "report", article: str | None = None,
                 articles: list[str] | None = None, force: bool = False) -> Path:
    """Write the report of ``article`` (or of each of ``articles``) into ``out_dir/<slug>/``,
    and ``out_dir/index.html`` listing the articles; return the (last) article's index page.

    Each article's folder holds its pages, its figures and the method, and works when copied
    alone; a run replaces only the folders of the articles it builds.

    Raises
    ------
    OutputError
        before any work, if ``out_dir`` is a file or a folder holding files geoclaims did not
        write, or a page or figure there was edited since geoclaims wrote it (``force`` replaces it).
    """
    if out_dir is None or not isinstance(out_dir, (str, Path)) or not str(out_dir).strip():
        raise InputError(f"out_dir must be a folder path, got {out_dir!r}")
    out = Path(out_dir).absolute()
    slugs = [load_article(article).slug] if articles is None else [load_article(a).slug for a in articles]
    claim_folder(out, "report", force)
    if out.exists():
        for slug in slugs:
            claim_folder(out / slug, "report", force)
    out.mkdir(exist_ok=True)
    if not (out / MARKER).exists():
        (out / MARKER).write_text('{"files": []}\n', encoding="utf-8")
    index = None
    for slug in slugs:
        index = _article_folder(out, slug, force)
    _write_articles_index(out, force)
    return index
