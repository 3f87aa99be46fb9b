"""The ``geoclaims`` command line.

Every error the package raises on purpose is printed as one line (``geoclaims: error: …``)
with exit status 2; nothing is half-written (figures are written only after all names
are known, reports are built before they are printed).
"""

from __future__ import annotations

import argparse
import json
import sys

from .errors import GeoclaimsError

EXIT_ERROR = 2


def _cmd_check(args: argparse.Namespace) -> None:
    from .scorecard import check_claims, format_scorecard

    print(format_scorecard(check_claims(args.claim), args.format))


def _cmd_claims(args: argparse.Namespace) -> None:
    from .registry import load_claims

    for c in load_claims():
        print(f"{c.claim_id:<23} {c.family:<9} {c.claimed_value:>10} {c.unit:<20} “{c.quote}”")


def _cmd_figures(args: argparse.Namespace) -> None:
    from .figures import build_figures

    for path in build_figures(args.out, args.name or None, args.format):
        print(path)


def _int_or_none(value) -> int | None:
    import pandas as pd

    return None if pd.isna(value) else int(value)


def _cmd_meetings(args: argparse.Namespace) -> None:
    from .timeline import load_meetings, meetings_between

    window = meetings_between(load_meetings(), args.since, args.until)
    rows = [
        {
            "date": f"{r['date']:%Y-%m-%d}",
            "city": r["city"],
            "country": r["country"],
            "occasion": r["occasion"],
            "ordinal": _int_or_none(r["ordinal"]),
            "ordinal_in_window": _int_or_none(r["ordinal_in_window"]),
            "sources": list(r["sources"]),
        }
        for _, r in window.iterrows()
    ]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    print(f"{'date':<10}  {'#':>3}  {'#win':>4}  {'city':<16} {'country':<15} occasion")
    for r in rows:
        print(f"{r['date']:<10}  {r['ordinal'] or '':>3}  {r['ordinal_in_window'] or '':>4}  "
              f"{r['city']:<16} {r['country']:<15} {r['occasion']}")
    print(f"\n{len(rows)} meetings")


def _cmd_strait(args: argparse.Namespace) -> None:
    from .straits import strait_width

    width = strait_width(args.name, args.resolution)
    if args.format == "json":
        print(json.dumps(width.as_dict(), indent=2))
        return
    (lat_a, lon_a), (lat_b, lon_b) = width.point_a, width.point_b
    print(f"{width.strait}: {width.width_km:.2f} km (GSHHS-{width.resolution})\n"
          f"  from {lat_a:.5f}, {lon_a:.5f}\n  to   {lat_b:.5f}, {lon_b:.5f}")


def _cmd_route(args: argparse.Namespace) -> None:
    from .routes import sea_route, transit_days

    route = sea_route(args.origin, args.destination, via=args.via)
    days = transit_days(route, args.profile) if args.profile else None
    if args.format == "json":
        print(json.dumps(route.as_dict(args.profile, days), indent=2))
        return
    print(f"{route.origin.name} ({route.origin.locode}) → {route.destination.name} ({route.destination.locode}) "
          f"via {route.via}: {route.length_nm:,.0f} nm ({route.length_km:,.0f} km), "
          f"{route.nsr_nm:,.0f} nm in the NSR water area; passages: {', '.join(route.passages)}")
    if days is not None:
        print(f"{args.profile}: {days:.1f} days")


def _cmd_export(args: argparse.Namespace) -> None:
    from .export import claimreview_json, write_text_atomically
    from .scorecard import check_claims
    from .timeline import parse_date

    if args.date:
        parse_date(args.date, "--date")
    text = claimreview_json(check_claims(), author=args.author, author_url=args.author_url, url_base=args.url_base,
                            date_published=args.date)
    if args.out:
        print(write_text_atomically(args.out, text + "\n"))
    else:
        print(text)


def _cmd_report(args: argparse.Namespace) -> None:
    from .report import build_report

    print(build_report(args.out))


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line too (the usage is one ``--help`` away)."""

    def error(self, message: str):
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for tests and documentation)."""
    parser = _Parser(prog="geoclaims", description="Fact-check the claims of the DW article "
                                     "'Russo-Japanese ties thaw after long freeze' against sourced data.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("check", help="check claims and print the scorecard")
    p.add_argument("--claim", action="append", metavar="ID", help="check only this claim (repeatable)")
    p.add_argument("--format", choices=("table", "json", "csv", "markdown"), default="table")
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("claims", help="list the claim registry")
    p.set_defaults(func=_cmd_claims)

    p = sub.add_parser("figures", help="regenerate every figure")
    p.add_argument("--out", metavar="DIR", help="output folder (default: figures/)")
    p.add_argument("--name", action="append", metavar="FILE", help="only this figure (repeatable)")
    p.add_argument("--format", choices=("png", "svg"), default="png")
    p.set_defaults(func=_cmd_figures)

    p = sub.add_parser("meetings", help="list Abe–Putin meetings with their ordinals")
    p.add_argument("--since", metavar="DATE", help="first day, YYYY-MM-DD")
    p.add_argument("--until", metavar="DATE", help="last day, YYYY-MM-DD")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=_cmd_meetings)

    p = sub.add_parser("strait", help="narrowest width of a strait from GSHHS coastlines")
    p.add_argument("name", metavar="NAME", help="la-perouse or nevelskoy")
    p.add_argument("--resolution", choices=("f", "h"), default="f", help="GSHHS resolution (default f, full)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=_cmd_strait)

    p = sub.add_parser("route", help="sea route between two ports along a corridor")
    p.add_argument("origin", metavar="ORIGIN", help="UN/LOCODE (NLRTM) or port name")
    p.add_argument("destination", metavar="DESTINATION", help="UN/LOCODE (JPYOK) or port name")
    p.add_argument("--via", choices=("nsr", "suez"), required=True)
    p.add_argument("--profile", metavar="NAME", help="vessel profile from data/vessel_profiles.csv, for days")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=_cmd_route)

    p = sub.add_parser("export", help="export the findings (schema.org ClaimReview JSON-LD)")
    p.add_argument("kind", choices=("claimreview",))
    p.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    p.add_argument("--author", default="geoclaims", help="the reviewing organisation")
    p.add_argument("--author-url", default="https://github.com/geoclaims/geoclaims")
    p.add_argument("--url-base", default="https://geoclaims.github.io/report/index.html",
                   help="where the review is published; each claim gets #CLAIM_ID")
    p.add_argument("--date", metavar="DATE", help="review date, YYYY-MM-DD (default: today)")
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser("report", help="execute every notebook and write the HTML report")
    p.add_argument("--out", metavar="DIR", default="report", help="output folder (default: report/)")
    p.set_defaults(func=_cmd_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        args.func(args)
    except GeoclaimsError as exc:
        print(f"geoclaims: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # `geoclaims check | head`
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
