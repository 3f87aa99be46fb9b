"""The ``geoclaims`` command line.

Every error is printed as one line (``geoclaims: error: …``) with exit status 2: the
package's own errors name the bad value; anything unexpected is one line too, with a hint to
rerun with ``--debug`` for the traceback. Nothing is half-written: outputs are built first
and moved into place, and no file geoclaims did not write is removed or overwritten.
"""

from __future__ import annotations

import argparse
import sys

from .errors import GeoclaimsError

EXIT_ERROR = 2


def _article_help() -> str:
    from .paths import DEFAULT_ARTICLE

    return f"article slug from `geoclaims articles` (default {DEFAULT_ARTICLE})"


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


def _box(text: str) -> tuple[float, ...]:
    parts = text.split(",")
    try:
        if len(parts) != 4:
            raise ValueError
        return tuple(float(p) for p in parts)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a box is WEST,SOUTH,EAST,NORTH (four numbers), got {text!r}") from None


def _ids(table: str, column: str) -> list[str]:
    """The values of one column of a data table, read with the csv module (for --help); [] if unreadable."""
    import csv

    from .paths import data_file

    try:
        with open(data_file(table), encoding="utf-8", newline="") as fh:
            return [r[column] for r in csv.DictReader(fh) if r.get(column)]
    except (GeoclaimsError, OSError, KeyError, UnicodeDecodeError, csv.Error):
        return []


def _profiles() -> list[tuple[str, str]]:
    """(profile, ship type) of every row of ``vessel_profiles.csv``, read with the csv module so
    that ``--help`` lists what exists without loading the data layer; [] if it cannot be read."""
    import csv

    from .paths import data_file

    try:
        with open(data_file("vessel_profiles.csv"), encoding="utf-8", newline="") as fh:
            return [(r["profile"], r["ship_type"]) for r in csv.DictReader(fh) if r.get("profile")]
    except (GeoclaimsError, OSError, KeyError, UnicodeDecodeError, csv.Error):
        return []


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
                   help="output format (default: table, one line per claim)")
    p.add_argument("--details", action="store_true", help="with the table: each claim's rule and evidence in prose")
    p.add_argument("--article", **article)
    p.add_argument("--all-articles", action="store_true", help="every article, one table each")
    p.set_defaults(func="check")

    p = sub.add_parser("claims", help="list an article's claims", description="List an article's claims with their "
                       "family, kind, speaker and quote.")
    p.add_argument("--article", **article)
    p.set_defaults(func="claims")

    p = sub.add_parser("articles", help="list the articles", description="List the articles in data/articles/.")
    p.set_defaults(func="articles")

    p = sub.add_parser("kinds", help="list the check kinds and their parameters",
                       description="List every check kind a claim can name: family, parameters (required, or "
                                   "optional with their default), the claimed value's form and what it checks.")
    p.add_argument("--format", choices=("table", "json", "markdown"), default="table",
                   help="output format (default: table)")
    p.set_defaults(func="kinds")

    p = sub.add_parser("figures", help="regenerate an article's figures", description="Regenerate an article's figures.")
    p.add_argument("--out", metavar="DIR", type=_nonempty("--out"),
                   help="output folder (default: figures/, or figures/SLUG/ for another article)")
    p.add_argument("--name", action="append", metavar="NAME", type=_nonempty("--name"),
                   help="only this figure, with or without .png (repeatable)")
    p.add_argument("--format", choices=("png", "svg"), default="png", help="file format (default: png)")
    p.add_argument("--article", **article)
    p.add_argument("--all-articles", action="store_true",
                   help="every article's figures, each into its default folder (figures/ or figures/SLUG/)")
    p.add_argument("--force", action="store_true", help="replace figures edited since geoclaims wrote them")
    p.set_defaults(func="figures")

    p = sub.add_parser("meetings", help="list Abe–Putin meetings with their ordinals",
                       description="List Abe–Putin meetings with the foreign ministry's running count.")
    p.add_argument("--since", metavar="DATE", help="first day, YYYY-MM-DD")
    p.add_argument("--until", metavar="DATE", help="last day, YYYY-MM-DD")
    p.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    p.set_defaults(func="meetings")

    p = sub.add_parser("voyages", help="list documented Northern Sea Route voyages",
                       description="List documented NSR transits between Europe or western Russia and Asia, with sources.")
    p.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    p.set_defaults(func="voyages")

    p = sub.add_parser("strait", help="narrowest width of a strait from GSHHS coastlines",
                       description="Narrowest width of a strait of data/straits.csv, from GSHHS coastlines.")
    p.add_argument("name", metavar="NAME", help="a strait of data/straits.csv: " + ", ".join(_ids("straits.csv", "strait_id")))
    p.add_argument("--resolution", choices=("f", "h"), default="f", help="GSHHS resolution (default f, full)")
    p.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    p.set_defaults(func="strait")

    p = sub.add_parser("width", help="narrowest water crossing between two shores (any strait)",
                       description="Narrowest crossing between the GSHHS coastline inside box A and the coastline "
                                   "inside box B (each WEST,SOUTH,EAST,NORTH in degrees), whether or not the two "
                                   "shores are one polygon; says whether the crossing passes over land.")
    p.add_argument("--shore-a", required=True, metavar="W,S,E,N", type=_box, help="box around one shore")
    p.add_argument("--shore-b", required=True, metavar="W,S,E,N", type=_box, help="box around the other shore")
    p.add_argument("--resolution", choices=("f", "h"), default="f", help="GSHHS resolution (default f, full)")
    p.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    p.set_defaults(func="width")

    p = sub.add_parser("route", help="sea route between two ports along a corridor",
                       description="Sea route between two ports along a corridor, with transit days for a profile.")
    p.add_argument("origin", metavar="ORIGIN", help="UN/LOCODE (NLRTM) or port name")
    p.add_argument("destination", metavar="DESTINATION", help="UN/LOCODE (JPYOK) or port name")
    p.add_argument("--via", choices=("nsr", "suez", "cape", "panama", "open"), required=True,
                   help="corridor: the Northern Sea Route, Suez, round the Cape of Good Hope, Panama, or open "
                        "(the shortest way by any passage but the Arctic ones)")
    p.add_argument("--nsr-variant", choices=("coastal", "high-latitude"), default="coastal",
                   help="NSR track: coastal (Kara Strait, as distance tables use; default) or high-latitude "
                        "(round Cape Zhelaniya)")
    profiles = _profiles()
    p.add_argument("--profile", metavar="NAME", type=_nonempty("--profile"),
                   help="days for this vessel profile only: " + ", ".join(n for n, _ in profiles))
    p.add_argument("--ship-type", choices=sorted({t for _, t in profiles}),
                   help="days for every profile of this ship type (default: container)")
    p.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    p.set_defaults(func="route")

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
    p.set_defaults(func="export")

    p = sub.add_parser("report", help="execute the notebooks and write the HTML report",
                       description="Execute an article's notebooks and write the HTML report into a new folder, "
                                   "an empty one, or one a previous report wrote.")
    p.add_argument("--out", metavar="DIR", default="report", type=_nonempty("--out"),
                   help="output folder (default: report/); each article gets OUT/SLUG/, and OUT/index.html lists them")
    p.add_argument("--article", **article)
    p.add_argument("--all-articles", action="store_true", help="every article's report")
    p.add_argument("--force", action="store_true", help="replace pages and figures edited since geoclaims wrote them")
    p.set_defaults(func="report")
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
        from . import commands

        text = getattr(commands, args.func)(args)
    except GeoclaimsError as exc:
        print(f"geoclaims: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("geoclaims: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:  # a full disk, a name too long, a folder that vanished: say which file
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"geoclaims: error: cannot write or read {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 — one line, never a traceback, unless asked for
        if args.debug:
            raise
        print(f"geoclaims: error: unexpected {type(exc).__name__}: {exc} (rerun with --debug for the traceback)",
              file=sys.stderr)
        return EXIT_ERROR
    for line in getattr(args, "skipped", []):
        print(f"geoclaims: error: {line}", file=sys.stderr)
    try:
        _emit(text)
    except BrokenPipeError:  # `geoclaims check | head`
        sys.stdout = None  # nothing more can be written there; silence the flush at exit
    except OSError as exc:  # e.g. `geoclaims meetings > /dev/full`
        print(f"geoclaims: error: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_ERROR if getattr(args, "skipped", []) else 0


if __name__ == "__main__":
    sys.exit(main())
