"""The report's HTML pages: the index of one article (summary, legends, scorecard, one
section per claim) and the method page. Pure text in, text out: ``report.py`` does the I/O."""

from __future__ import annotations

import datetime as dt
import html
import re

from ..articles import Article
from ..findings import Finding
from ..registry import Claim
from ..scorecard import show_range, show_value, summary

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
STYLE = FONTS + """
body { margin: 2em auto; max-width: 60em; line-height: 1.45; color: #222; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 4px 8px; vertical-align: top; }
.rating { font-weight: bold; padding: 1px 6px; border-radius: 3px; white-space: nowrap; }
.accurate { background: #d9f2d9; } .mostly-accurate { background: #eef7d0; } .misleading { background: #fde9c8; }
.inaccurate { background: #f8d0d0; } .unverifiable { background: #e6e6e6; }
section.claim { border-top: 1px solid #ccc; margin-top: 2em; } blockquote { margin: 0.5em 0; color: #444; }
mark { background: #fff3a8; } figure { margin: 1em 0; } figure img { width: 100%; height: auto; border: 1px solid #eee; }
figcaption, .small { font-size: 90%; color: #555; } dt { font-weight: bold; } dd { margin: 0 0 0.5em 1.5em; }
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


def _sources(ids, sources) -> str:
    items = []
    for sid in ids:
        if sid not in sources.index:
            continue
        s = sources.loc[sid]
        date = s.get("date_published", "") or ""
        quote = s.get("quote", "") or ""
        title = (f'<a href="{_esc(s["url"])}">{_esc(s["title"])}</a>' if _web(s["url"])
                 else f'{_esc(s["title"])} (<code>{_esc(s["url"])}</code>)')
        line = f'{title}, {_esc(s["publisher"])}' + (f" ({_esc(date)})" if date else "")
        if quote:
            line += f"<br><q>{_esc(quote)}</q>"
        items.append(f'<li id="src-{_esc(sid)}">{line} <span class="small">[{_esc(sid)}]</span></li>')
    return "<ul>" + "".join(items) + "</ul>"


def claim_section(f: Finding, claim: Claim, article: Article, figures: dict, notebook: str, sources) -> str:
    """One claim: the sentence in context, who says it, the verdict, the rule, sources, figures
    (``figures``: a finding's figure path -> (the file in the report, its caption))."""
    context = _esc(sentence_with(article.text, claim.quote)).replace(_esc(claim.quote), f"<mark>{_esc(claim.quote)}</mark>")
    figs = "".join(f'<figure><a href="{figures[p][0]}"><img src="{figures[p][0]}" alt="{_esc(figures[p][1])}"></a>'
                   f"<figcaption>{_esc(figures[p][1])} (click to enlarge)</figcaption></figure>"
                   for p in f.figures if p in figures)
    measured = (f"<dt>measured</dt><dd>{_esc(show_value(f.measured))}</dd>"
                f"<dt>evidence range</dt><dd>{_esc(show_range(f.low, f.high))}</dd>") if f.checked else ""
    decided = f"<dt>decided by</dt><dd>{_esc(f.decided_by)}</dd>" if f.decided_by else ""
    later = ("<dt>later evidence (shown, not used)</dt><dd><ul>" + "".join(f"<li>{_esc(v)}</li>" for v in f.later_evidence)
             + "</ul></dd>") if f.later_evidence else ""
    return f"""<section class="claim" id="{_esc(f.claim_id)}">
<h2>{_esc(claim.quantity[:1].upper() + claim.quantity[1:])} <span class="rating {f.rating}">{f.rating}</span></h2>
<blockquote>“{context}”</blockquote>
<dl><dt>who says it</dt><dd>{_esc(claim.speaker)} ({_esc(claim.kind)})</dd>
<dt>claimed</dt><dd>{_esc(show_value(f.claimed_value))} {_esc(f.unit)}</dd>{measured}
<dt>how the rating follows</dt><dd>{_esc(f.rule)}</dd>{decided}{later}</dl>
{figs}
<h3>Sources</h3>{_sources(f.sources, sources)}
<p class="small">Claim id <code>{_esc(f.claim_id)}</code>; the evidence step by step:
<a href="{notebook}.html#{FINDINGS_ANCHOR}">{notebook}</a>.</p>
</section>"""


def index_page(article: Article, findings: list[Finding], claims: dict[str, Claim], figures: dict,
               sources, notebooks: list[str], articles: list[Article], today: dt.date | None = None) -> str:
    """The index page of an article's report."""
    rows = "".join(
        f'<tr><td><a href="#{_esc(f.claim_id)}">{_esc(f.claim_id)}</a></td>'
        f"<td>{_esc(show_value(f.claimed_value))} {_esc(f.unit)}</td><td>{_esc(show_value(f.measured))}</td>"
        f'<td>{_esc(show_range(f.low, f.high))}</td><td><span class="rating {f.rating}">{f.rating}</span></td></tr>'
        for f in findings)
    legend = "".join(f'<dt><span class="rating {r}">{r}</span></dt><dd>{_esc(m)}</dd>' for r, m in RATING_MEANINGS.items())
    sections = "".join(claim_section(f, claims[f.claim_id], article, figures, article.notebook_for(claims[f.claim_id].family),
                                     sources) for f in findings)
    pages = "".join(f'<li><a href="{n}.html">{n}</a></li>' for n in notebooks)
    others = "".join(f"<li>{_esc(a.title)} ({_esc(a.publisher)}, {_esc(a.published)}): "
                     f"<code>geoclaims report --article {_esc(a.slug)}</code></li>" for a in articles)
    today = today or dt.date.today()
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>geoclaims: {_esc(article.title)}</title>
<style>{STYLE}</style></head>
<body>
<h1>{_esc(article.title)}</h1>
<p>{_esc(article.publisher)}, {_esc(article.published)}. <a href="{_esc(article.url)}">Read the article</a>.
Report generated by geoclaims on {today.isoformat()}.</p>
<p><strong>{_esc(summary(findings))}.</strong> Every verdict is computed from sourced data by one
<a href="method.html">written method</a>.</p>
<h2>How to read this</h2>
<dl>{legend}</dl>
<p class="small"><b>measured</b>: the conventional reading of the evidence, named in each rule;
<b>range</b>: every value a defensible reading of the evidence gives (all profiles, all sources, the article's
whole publication window); the claim is rated against the range.</p>
<table id="scorecard"><thead><tr><th>claim</th><th>claimed</th><th>measured</th><th>range</th><th>rating</th></tr>
</thead><tbody>{rows}</tbody></table>
{sections}
<h2>Notebooks</h2><ul>{pages}</ul>
<h2>Articles checked</h2><ul>{others}</ul>
</body></html>
"""


def method_page(markdown_text: str) -> str:
    """``docs/METHOD.md`` as an HTML page."""
    import mistune

    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>geoclaims: the method</title>'
            f"<style>{STYLE}</style></head><body>{mistune.html(markdown_text)}"
            f'<p><a href="index.html">Back to the report</a></p></body></html>\n')
