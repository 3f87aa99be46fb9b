"""The ``geoclaims`` command line.

Every error is printed as one line (``geoclaims: error: …``) with exit status 2: the
package's own errors name the bad value; anything unexpected is one line too, with a hint to
rerun with ``--debug`` for the traceback. Nothing is half-written: outputs are built first
and moved into place, and no file geoclaims did not write is removed or overwritten.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap

from .errors import GeoclaimsError, InputError

EXIT_ERROR = 2


def _article_help() -> str:
    from .articles import DEFAULT_ARTICLE

    return f"article slug from `geoclaims articles` (default {DEFAULT_ARTICLE})"


def _cmd_check(args: argparse.Namespace) -> str:
    from .scorecard import check_claims, format_scorecard

    return format_scorecard(check_claims(args.claim, article=args.article), args.format, article=args.article)


def _cmd_claims(args: argparse.Namespace) -> str:
    from .registry import load_claims
    from .scorecard import terminal_width

    wrap = textwrap.TextWrapper(width=terminal_width(), initial_indent="  ", subsequent_indent="  ")
    lines = []
    for c in load_claims(args.article):
        lines.append(textwrap.shorten(f"{c.claim_id}: {c.claimed_value} {c.unit}", terminal_width(), placeholder="…"))
        lines += wrap.wrap(f"“{c.quote}” — {c.speaker} ({c.kind}); checked by {c.family}/{c.check}")
    return "\n".join(lines)


def _cmd_articles(args: argparse.Namespace) -> str:
    from .articles import article_slugs, load_article

    from .scorecard import terminal_width

    rows = []
    for slug in article_slugs():
        a = load_article(slug)
        rows += [slug] + textwrap.wrap(f"{a.publisher}, {a.published}: {a.title}", terminal_width(),
                                       initial_indent="  ", subsequent_indent="  ")
    return "\n".join(rows)


def _cmd_figures(args: argparse.Namespace) -> str:
    from .articles import article_slugs
    from .errors import InputError
    from .publish.figures import build_figures

    if args.all_articles and (args.article or args.out or args.name):
        raise InputError("--all-articles writes every article's figures to their own folders: "
                         "leave out --article, --out and --name")
    slugs = article_slugs() if args.all_articles else [args.article]
    return "\n".join(str(p) for slug in slugs for p in build_figures(args.out, args.name or None, args.format,
                                                                      article=slug))


def _cmd_meetings(args: argparse.Namespace) -> str:
    from .publish.terminal import meetings_text

    return meetings_text(args.since, args.until, args.format)


def _cmd_voyages(args: argparse.Namespace) -> str:
    from .publish.terminal import voyages_text

    return voyages_text(args.format)


def _cmd_strait(args: argparse.Namespace) -> str:
    from .geo.straits import strait_width

    width = strait_width(args.name, args.resolution)
    if args.format == "json":
        return json.dumps(width.as_dict(), indent=2)
    (lat_a, lon_a), (lat_b, lon_b) = width.point_a, width.point_b
    return (f"{width.strait}: {width.width_km:.2f} km (GSHHS-{width.resolution})\n"
            f"  from {lat_a:.5f}, {lon_a:.5f}\n  to   {lat_b:.5f}, {lon_b:.5f}")


def _cmd_route(args: argparse.Namespace) -> str:
    from .datasets import vessel_profile
    from .geo.routes import sea_route
    from .geo.transit import transit_days

    profile = None if args.profile is None else vessel_profile(args.profile)  # checked before routing
    route = sea_route(args.origin, args.destination, via=args.via, nsr_variant=args.nsr_variant)
    days = None if profile is None else transit_days(route, profile)
    if args.format == "json":
        return json.dumps(route.as_dict(args.profile, days), indent=2)
    nsr = f", {route.nsr_nm:,.0f} nm in the NSR water area" if route.nsr_nm > 0 else ""
    variant = f" ({route.nsr_variant} variant)" if route.nsr_variant else ""
    text = (f"{route.origin.label} → {route.destination.label} via {route.via}{variant}: {route.length_nm:,.0f} nm "
            f"({route.length_km:,.0f} km){nsr}; passages: {', '.join(route.passages)}")
    from .scorecard import terminal_width

    text = "\n".join(textwrap.wrap(text, terminal_width(), subsequent_indent="  "))
    return text + (f"\n{args.profile}: {days:.1f} days" if days is not None else "")


def _cmd_export(args: argparse.Namespace) -> str:
    from .families.timeline import parse_date
    from .publish.export import claimreview_json, reviewer, write_text_atomically
    from .scorecard import check_claims

    date = None if args.date is None else f"{parse_date(args.date, '--date'):%Y-%m-%d}"
    who = reviewer(args.author, args.author_url, args.url_base, draft=args.draft)
    text = claimreview_json(check_claims(article=args.article), **who, date_published=date, article=args.article)
    return str(write_text_atomically(args.out, text + "\n")) if args.out else text


def _cmd_report(args: argparse.Namespace) -> str:
    from .publish.report import build_report

    return str(build_report(args.out, article=args.article))


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line too (the usage is one ``--help`` away)."""

    def error(self, message: str):
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _nonempty(what: str):
    def parse(text: str) -> str:
        if not text.strip():
            raise argparse.ArgumentTypeError(f"{what} must not be empty")
        return text
    return parse


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for tests and documentation)."""
    from . import __version__

    parser = _Parser(prog="geoclaims", description="Fact-check the quantitative claims of news articles against "
                                                   "sourced data, with geodesic computation.")
    parser.add_argument("--version", action="version", version=f"geoclaims {__version__}")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an unexpected error")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)
    article = dict(metavar="SLUG", type=_nonempty("--article"), help=_article_help())

    p = sub.add_parser("check", help="check claims and print the scorecard", description="Check claims and print the scorecard.")
    p.add_argument("--claim", action="append", metavar="ID", type=_nonempty("--claim"),
                   help="check only this claim (repeatable; `geoclaims claims` lists them)")
    p.add_argument("--format", choices=("table", "json", "csv", "markdown"), default="table",
                   help="output format (default: table)")
    p.add_argument("--article", **article)
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("claims", help="list an article's claims", description="List an article's claims with their "
                       "family, kind, speaker and quote.")
    p.add_argument("--article", **article)
    p.set_defaults(func=_cmd_claims)

    p = sub.add_parser("articles", help="list the articles", description="List the articles in data/articles/.")
    p.set_defaults(func=_cmd_articles)

    p = sub.add_parser("figures", help="regenerate an article's figures", description="Regenerate an article's figures.")
    p.add_argument("--out", metavar="DIR", type=_nonempty("--out"),
                   help="output folder (default: figures/, or figures/SLUG/ for another article)")
    p.add_argument("--name", action="append", metavar="NAME", type=_nonempty("--name"),
                   help="only this figure, with or without .png (repeatable)")
    p.add_argument("--format", choices=("png", "svg"), default="png", help="file format (default: png)")
    p.add_argument("--article", **article)
    p.add_argument("--all-articles", action="store_true",
                   help="every article's figures, each into its default folder (figures/ or figures/SLUG/)")
    p.set_defaults(func=_cmd_figures)

    p = sub.add_parser("meetings", help="list Abe–Putin meetings with their ordinals",
                       description="List Abe–Putin meetings with the foreign ministry's running count.")
    p.add_argument("--since", metavar="DATE", help="first day, YYYY-MM-DD")
    p.add_argument("--until", metavar="DATE", help="last day, YYYY-MM-DD")
    p.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    p.set_defaults(func=_cmd_meetings)

    p = sub.add_parser("voyages", help="list documented Northern Sea Route voyages",
                       description="List documented NSR transits between Europe or western Russia and Asia, with sources.")
    p.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    p.set_defaults(func=_cmd_voyages)

    p = sub.add_parser("strait", help="narrowest width of a strait from GSHHS coastlines",
                       description="Narrowest width of a strait of data/straits.csv, from GSHHS coastlines.")
    p.add_argument("name", metavar="NAME", help="la-perouse or nevelskoy")
    p.add_argument("--resolution", choices=("f", "h"), default="f", help="GSHHS resolution (default f, full)")
    p.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    p.set_defaults(func=_cmd_strait)

    p = sub.add_parser("route", help="sea route between two ports along a corridor",
                       description="Sea route between two ports along a corridor, with transit days for a profile.")
    p.add_argument("origin", metavar="ORIGIN", help="UN/LOCODE (NLRTM) or port name")
    p.add_argument("destination", metavar="DESTINATION", help="UN/LOCODE (JPYOK) or port name")
    p.add_argument("--via", choices=("nsr", "suez"), required=True, help="corridor: the Northern Sea Route or Suez")
    p.add_argument("--nsr-variant", choices=("coastal", "high-latitude"), default="coastal",
                   help="NSR track: coastal (Kara Strait, as distance tables use; default) or high-latitude "
                        "(round Cape Zhelaniya)")
    p.add_argument("--profile", metavar="NAME", type=_nonempty("--profile"),
                   help="vessel profile for days: design-speed, slow-steaming, extra-slow-steaming, liner-service")
    p.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    p.set_defaults(func=_cmd_route)

    p = sub.add_parser("export", help="export the findings (schema.org ClaimReview JSON-LD)",
                       description="Export the findings as schema.org ClaimReview JSON-LD.")
    p.add_argument("kind", choices=("claimreview",), help="export format")
    p.add_argument("--out", metavar="FILE", type=_nonempty("--out"), help="write here instead of standard output")
    p.add_argument("--author", type=_nonempty("--author"),
                   help="the reviewing organisation (or `author` in ~/.config/geoclaims/publisher.toml)")
    p.add_argument("--author-url", type=_nonempty("--author-url"), help="the organisation's URL (or `author_url`)")
    p.add_argument("--url-base", type=_nonempty("--url-base"),
                   help="where the review is published; each claim gets #CLAIM_ID (or `url_base`)")
    p.add_argument("--draft", action="store_true", help="export with placeholders for what is not given")
    p.add_argument("--date", metavar="DATE", help="review date, YYYY-MM-DD (default: today)")
    p.add_argument("--article", **article)
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser("report", help="execute the notebooks and write the HTML report",
                       description="Execute an article's notebooks and write the HTML report into a new folder, "
                                   "an empty one, or one a previous report wrote.")
    p.add_argument("--out", metavar="DIR", default="report", type=_nonempty("--out"),
                   help="output folder (default: report/)")
    p.add_argument("--article", **article)
    p.set_defaults(func=_cmd_report)
    return parser


def _emit(text: str) -> None:
    out = sys.stdout
    try:
        out.write(text + "\n")
        out.flush()
    except UnicodeEncodeError:  # e.g. PYTHONIOENCODING=ascii: keep the text, escape what cannot be shown
        out.buffer.write((text + "\n").encode(out.encoding or "ascii", errors="backslashreplace"))
        out.flush()


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        text = args.func(args)
    except GeoclaimsError as exc:
        print(f"geoclaims: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("geoclaims: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 — one line, never a traceback, unless asked for
        if args.debug:
            raise
        print(f"geoclaims: error: unexpected {type(exc).__name__}: {exc} (rerun with --debug for the traceback)",
              file=sys.stderr)
        return EXIT_ERROR
    try:
        _emit(text)
    except BrokenPipeError:  # `geoclaims check | head`
        sys.stdout = None  # nothing more can be written there; silence the flush at exit
    except OSError as exc:  # e.g. `geoclaims meetings > /dev/full`
        print(f"geoclaims: error: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    return 0


if __name__ == "__main__":
    sys.exit(main())
