"""The report's HTML pages: the index of one article (summary, legends, scorecard, one
section per claim) and the method page. Pure text in, text out: ``report.py`` does the I/O."""

from __future__ import annotations

import datetime as dt
import html
import re
from urllib.parse import quote

from ..articles import Article
from ..families import notebook_for
from ..findings import Finding
from ..registry import Claim
from ..scorecard import show_claimed, show_range, show_value, summary
from .prose import conclusion

FINDINGS_ANCHOR = "The-findings"

#: one line per rating, for the legend (docs/METHOD.md has the full definitions)
RATING_MEANINGS = {
    "accurate": "consistent with a defensible reading of the evidence",
    "mostly-accurate": "misses the evidence range by no more than the stated tolerance",
    "misleading": "each part within tolerance, but no consistent set of assumptions gives the whole",
    "inaccurate": "misses the evidence range by more than the tolerance",
    "unverifiable": "what was published by the article's date cannot decide it",
}

#: a font stack that shows Japanese and Cyrillic names (the meetings and islands tables hold both)
FONTS = ('body { font-family: "Noto Sans", "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", "Meiryo", '
         '"Microsoft YaHei", "Source Han Sans", "DejaVu Sans", sans-serif; }')
#: every page is laid out for the device's width (phones render it at their own width, not 980 px)
VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'
#: what keeps any page inside a phone's width: long words and code wrap, wide tables scroll in their box
NARROW = """
img, svg, video { max-width: 100%; height: auto; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; }
table { display: block; max-width: 100%; overflow-x: auto; }
body { overflow-wrap: break-word; }
"""
STYLE = FONTS + NARROW + """
body { margin: 1em auto; padding: 0 0.8em; max-width: 60em; line-height: 1.45; color: #222; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 4px 8px; vertical-align: top; }
th { text-align: left; }
.rating { font-weight: bold; padding: 1px 6px; border-radius: 3px; white-space: nowrap; }
.accurate { background: #d9f2d9; } .mostly-accurate { background: #eef7d0; } .misleading { background: #fde9c8; }
.inaccurate { background: #f8d0d0; } .unverifiable { background: #e6e6e6; } .not-checked { background: #eee; }
section.claim { border-top: 1px solid #ccc; margin-top: 2em; }
section.claim h2 { font-size: 1.2em; margin-bottom: 0.3em; }
blockquote { margin: 0.5em 0; padding-left: 0.8em; border-left: 3px solid #ddd; color: #333; font-size: 1.1em; }
p.verdict { font-size: 1.05em; } .speaker { color: #555; margin-top: 0; }
mark { background: #fff3a8; } figure { margin: 1em 0; } figure img { width: 100%; height: auto; border: 1px solid #eee; }
figcaption, .small { font-size: 90%; color: #555; } dt { font-weight: bold; } dd { margin: 0 0 0.5em 1.5em; }
.review { background: #f6f6fb; padding: 0.4em 0.8em; border-left: 3px solid #99c; }
@media (max-width: 640px) {  /* phones: each scorecard row becomes a small card */
  #scorecard, #scorecard tbody, #scorecard tr, #scorecard td { display: block; }
  #scorecard thead { display: none; }
  #scorecard tr { border-top: 1px solid #ccc; padding: 0.4em 0; }
  #scorecard td { border: 0; padding: 1px 0; }
  #scorecard td:nth-child(2)::before { content: "claimed: "; color: #555; }
  #scorecard td:nth-child(3)::before { content: "evidence: "; color: #555; }
  h1 { font-size: 1.5em; }
}
"""


def sentence_with(text: str, quote: str) -> str:
    """The sentence of ``text`` that holds ``quote`` (the quote itself if none is found)."""
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        if quote in sentence:
            return sentence.strip()
    return quote


def _esc(value) -> str:
    return html.escape(str(value))


def _web(url: str) -> bool:
    """Whether ``url`` is a web address, the only kind of link a page renders."""
    return url.lower().startswith(("http://", "https://"))


def _source_item(sid: str, s) -> str:
    date = s.get("date_published", "") or ""
    quote = s.get("quote", "") or ""
    title = (f'<a href="{_esc(s["url"])}">{_esc(s["title"])}</a>' if _web(s["url"])
             else f'{_esc(s["title"])} (<code>{_esc(s["url"])}</code>)')
    line = f'{title}, {_esc(s["publisher"])}' + (f" ({_esc(date)})" if date else "")
    if quote:
        line += f"<br><q>{_esc(quote)}</q>"
    return f'<li id="src-{_esc(sid)}">{line} <span class="small">[{_esc(sid)}]</span></li>'


def _source_links(ids, sources) -> str:
    """A claim's sources as short links to the page's one list of sources."""
    known = [sid for sid in ids if sid in sources.index]
    return "; ".join(f'<a href="#src-{_esc(sid)}">{_esc(sources.at[sid, "publisher"])}'
                     + (f" {_esc(str(sources.at[sid, 'date_published'])[:4])}"
                        if sources.at[sid, "date_published"] else "") + "</a>" for sid in known)


def _figure_id(path: str) -> str:
    return "fig-" + re.sub(r"[^A-Za-z0-9_-]", "-", path.rsplit("/", 1)[-1].rsplit(".", 1)[0])


def claim_section(f: Finding, claim: Claim, article: Article, figures: dict, notebook: str, sources,
                  review: dict | None = None) -> str:
    """One claim, as a reader meets it: the claim's words (in context) and who says it, the
    verdict with one plain sentence, then the numbers, the rule, links to the figures and
    sources (each shown once, further down the page), and the second checker's rating where
    it differs (``figures``: a finding's figure path -> (the file in the report, its caption);
    ``review``: the second checker's row for this claim, if any)."""
    context = _esc(sentence_with(article.text, claim.quote)).replace(_esc(claim.quote), f"<mark>{_esc(claim.quote)}</mark>")
    figs = "; ".join(f'<a href="#{_figure_id(p)}">{_esc(figures[p][1])}</a>' for p in f.figures if p in figures)
    measured = (f"<dt>measured</dt><dd>{_esc(show_value(f.measured))}</dd>"
                f"<dt>evidence range</dt><dd>{_esc(show_range(f.low, f.high))}</dd>") if f.checked else ""
    decided = f"<dt>decided by</dt><dd>{_esc(f.decided_by)}</dd>" if f.decided_by else ""
    later = (f"<dt>later evidence</dt><dd><details><summary>{len(f.later_evidence)} item(s) published after the "
             "article: shown, not used</summary><ul>" + "".join(f"<li>{_esc(v)}</li>" for v in f.later_evidence)
             + "</ul></details></dd>") if f.later_evidence else ""
    second = ""
    if review and review["reviewer_rating"] != f.rating:
        second = (f'<p class="review"><b>A second checker differs:</b> <span class="rating {_esc(review["reviewer_rating"])}">'
                  f'{_esc(review["reviewer_rating"])}</span> — {_esc(review["reviewer_reason"])} '
                  f'<i>How it stands:</i> {_esc(review["resolution"])}: {_esc(review["resolution_note"])}</p>')
    speaker = "the article" if claim.speaker == "narration" else claim.speaker
    return f"""<section class="claim" id="{_esc(f.claim_id)}">
<h2>{_esc(claim.statement)}</h2>
<blockquote>“{context}”</blockquote>
<p class="speaker">— {_esc(speaker)} ({_esc(claim.kind)})</p>
<p class="verdict"><span class="rating {f.rating}">{f.rating}</span> {_esc(conclusion(f, claim))}</p>
{second}<dl><dt>claimed</dt><dd>{_esc(show_claimed(f))}</dd>{measured}
<dt>how the rating follows</dt><dd>{_esc(f.rule)}</dd>{decided}{later}
{f"<dt>figures</dt><dd>{figs}</dd>" if figs else ""}
<dt>sources</dt><dd>{_source_links(f.sources, sources) or "none"}</dd></dl>
<p class="small">Claim id <code>{_esc(f.claim_id)}</code>; the evidence step by step:
<a href="{notebook}.html#{FINDINGS_ANCHOR}">{notebook}</a>.</p>
</section>"""


def index_page(article: Article, findings: list[Finding], claims: dict[str, Claim], figures: dict,
               sources, notebooks: list[str], reviews: dict | None = None, today: dt.date | None = None) -> str:
    """The index page of an article's report (``reviews``: the second checker's rows by claim id)."""
    reviews = reviews or {}
    rows = "".join(
        f'<tr><td><a href="#{_esc(f.claim_id)}">{_esc(claims[f.claim_id].quote)}</a></td>'
        f"<td>{_esc(show_claimed(f))}</td>"
        f'<td>{_esc(show_range(f.low, f.high))}</td><td><span class="rating {f.rating}">{f.rating}</span></td></tr>'
        for f in findings)
    legend = "".join(f'<dt><span class="rating {r}">{r}</span></dt><dd>{_esc(m)}</dd>' for r, m in RATING_MEANINGS.items())
    sections = "".join(claim_section(f, claims[f.claim_id], article, figures, notebook_for(article, claims[f.claim_id].family),
                                     sources, reviews.get(f.claim_id)) for f in findings)
    shown: dict[str, tuple[str, str]] = {}
    for f in findings:
        shown.update({p: figures[p] for p in f.figures if p in figures and p not in shown})
    figs = "".join(f'<figure id="{_figure_id(p)}"><a href="{_esc(src)}"><img src="{_esc(src)}" alt="{_esc(cap)}"></a>'
                   f"<figcaption>{_esc(cap)} (click to enlarge)</figcaption></figure>" for p, (src, cap) in shown.items())
    cited = list(dict.fromkeys(sid for f in findings for sid in f.sources if sid in sources.index))
    source_list = (f"<details><summary>{len(cited)} sources, each with the sentence it is cited for</summary><ul>"
                   + "".join(_source_item(sid, sources.loc[sid]) for sid in cited) + "</ul></details>")
    pages = "".join(f'<li><a href="{n}.html">{n}</a></li>' for n in notebooks)
    differ = sum(1 for f in findings if f.claim_id in reviews and reviews[f.claim_id]["reviewer_rating"] != f.rating)
    second = (f"<p>A second checker rated the claims without reading these findings: "
              f"{len(findings) - differ} of {len(findings)} the same, {differ} differently (shown under each claim).</p>"
              if reviews else "")
    today = today or dt.date.today()
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">{VIEWPORT}<title>geoclaims: {_esc(article.title)}</title>
<style>{STYLE}</style></head>
<body>
<p class="small"><a href="../index.html">All articles</a></p>
<h1>{_esc(article.title)}</h1>
<p>{_esc(article.publisher)}, {_esc(article.published)}. {f'<a href="{_esc(article.url)}">Read the article</a>.' if _web(article.url) else ""}
Report generated by geoclaims on {today.isoformat()}.</p>
<p><strong>{_esc(summary(findings))}.</strong> Every verdict is computed from sourced data by one
<a href="method.html">written method</a>.</p>{second}
<table id="scorecard"><thead><tr><th>what the article says</th><th>claimed</th><th>evidence</th><th>rating</th></tr>
</thead><tbody>{rows}</tbody></table>
<details><summary>How to read this</summary>
<dl>{legend}</dl>
<p class="small"><b>measured</b>: the conventional reading of the evidence, named in each rule;
<b>range</b>: every value a defensible reading of the evidence gives (all profiles, all sources, the article's
whole publication window); the claim is rated against the range.</p></details>
{sections}
<h2 id="figures">Figures</h2>{figs or "<p>None.</p>"}
<h2 id="sources">Sources</h2>{source_list}
<h2>Notebooks</h2><ul>{pages}</ul>
</body></html>
"""


def articles_page(entries: list[tuple[Article, str | None]], today: dt.date | None = None) -> str:
    """``report/index.html``: every article, linked to its own folder where its report was
    built (``entries``: (article, the summary line, or None if its report is not built))."""
    items = []
    for a, line in entries:
        head = (f'<a href="{_esc(quote(a.slug))}/index.html">{_esc(a.title)}</a>' if line is not None
                else _esc(a.title))
        tail = (f"<br><strong>{_esc(line)}</strong>" if line else
                f"<br><span class=\"small\">not built here: <code>geoclaims report --article {_esc(a.slug)}</code></span>")
        items.append(f"<li>{head} — {_esc(a.publisher)}, {_esc(a.published)}{tail}</li>")
    today = today or dt.date.today()
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">{VIEWPORT}<title>geoclaims: articles checked</title>
<style>{STYLE}</style></head>
<body><h1>Articles checked by geoclaims</h1>
<p>Each article's report is a folder of its own that works when copied alone.</p>
<ul>{"".join(items)}</ul>
<p class="small">Index written on {today.isoformat()}.</p>
</body></html>
"""


def method_page(markdown_text: str) -> str:
    """``docs/METHOD.md`` as an HTML page."""
    import mistune

    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{VIEWPORT}<title>geoclaims: the method</title>'
            f"<style>{STYLE}</style></head><body>{mistune.html(markdown_text)}"
            f'<p><a href="index.html">Back to the report</a></p></body></html>\n')
