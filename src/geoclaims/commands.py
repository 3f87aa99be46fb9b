"""What each ``geoclaims`` subcommand does, given its parsed arguments: one function per
subcommand, returning the text to print. Each imports only what it uses, so that ``--help``,
``--version`` and argument errors never load pandas, matplotlib or the data (:mod:`geoclaims.cli`).
"""

from __future__ import annotations

import argparse
import json
import textwrap

from .errors import InputError


def articles_of(args: argparse.Namespace) -> list[str | None]:
    """The articles a command runs over: every article with ``--all-articles``, else the one named."""
    from .articles import article_slugs

    if not getattr(args, "all_articles", False):
        return [args.article]
    clash = [o for o in ("article", "claim", "name") if getattr(args, o, None)]
    if clash:
        raise InputError(f"--all-articles runs over every article: leave out {', '.join('--' + c for c in clash)}")
    return article_slugs()


def each_article(args: argparse.Namespace, work) -> list:
    """``work(slug)`` for each article the command runs over. Over all articles, one that fails
    with a data error is reported on a line of its own and skipped (``args.skipped``), so that
    a broken folder never breaks another article's output; the command then exits with status 2."""
    from .errors import GeoclaimsError

    slugs = articles_of(args)
    if len(slugs) == 1:
        return [work(slugs[0])]
    out, args.skipped = [], []
    for slug in slugs:
        try:
            out.append(work(slug))
        except GeoclaimsError as exc:
            args.skipped.append(f"article {slug} skipped: {exc}")
    return out


def check(args: argparse.Namespace) -> str:
    from .articles import load_article
    from .scorecard import check_claims, format_scorecard

    fmt = "details" if args.details and args.format == "table" else args.format
    if args.details and args.format != "table":
        raise InputError(f"--details goes with the table format, not --format {args.format}")
    if args.all_articles and fmt not in ("table", "details", "markdown"):
        raise InputError("--all-articles prints tables; for json or csv run one --article at a time")
    if not args.all_articles:
        return format_scorecard(check_claims(args.claim, article=args.article), fmt, article=args.article)

    def one(slug: str) -> str:
        art = load_article(slug)
        return (f"{art.title} ({art.publisher}, {art.published}) [{slug}]\n"
                + format_scorecard(check_claims(article=slug), fmt, article=slug))
    return "\n\n".join(each_article(args, one))


def claims(args: argparse.Namespace) -> str:
    from .registry import load_claims
    from .layout import terminal_width

    wrap = textwrap.TextWrapper(width=terminal_width(), initial_indent="  ", subsequent_indent="  ")
    lines = []
    for c in load_claims(args.article):
        lines.append(textwrap.shorten(f"{c.claim_id}: {c.claimed_value} {c.unit}", terminal_width(), placeholder="…"))
        lines += wrap.wrap(f"“{c.quote}” — {c.speaker} ({c.kind}); checked by {c.family}/{c.check}")
    return "\n".join(lines)


def articles(args: argparse.Namespace) -> str:
    from .articles import load_article
    from .layout import terminal_width

    args.all_articles = True

    def one(slug: str) -> list[str]:
        from .scorecard import check_claims, summary

        a = load_article(slug)
        return [slug] + [line for text in (f"{a.publisher}, {a.published}: {a.title}", summary(check_claims(article=slug)))
                         for line in textwrap.wrap(text, terminal_width(), initial_indent="  ", subsequent_indent="  ")]
    return "\n".join(line for rows in each_article(args, one) for line in rows)


def figures(args: argparse.Namespace) -> str:
    from .publish.figures import build_figures

    if args.all_articles and args.out:
        raise InputError("--all-articles writes every article's figures to their own folders: leave out --out")
    written = each_article(args, lambda slug: build_figures(args.out, args.name or None, args.format, article=slug,
                                                            force=args.force))
    return "\n".join(str(p) for paths in written for p in paths)


def meetings(args: argparse.Namespace) -> str:
    from .publish.terminal import meetings_text

    return meetings_text(args.since, args.until, args.format)


def voyages(args: argparse.Namespace) -> str:
    from .publish.terminal import voyages_text

    return voyages_text(args.format)


def strait(args: argparse.Namespace) -> str:
    from .world.straits import strait_width

    width = strait_width(args.name, args.resolution)
    if args.format == "json":
        return json.dumps(width.as_dict(), indent=2)
    (lat_a, lon_a), (lat_b, lon_b) = width.point_a, width.point_b
    return (f"{width.strait}: {width.width_km:.2f} km (GSHHS-{width.resolution})\n"
            f"  from {lat_a:.5f}, {lon_a:.5f}\n  to   {lat_b:.5f}, {lon_b:.5f}")


#: the data files whose bytes the answer of ``geoclaims route`` depends on (ports, the NSR track and
#: water area, the profiles, and the sources every table's rows cite)
ROUTE_INPUTS = ("ports.csv", "nsr_track.csv", "nsr_area.csv", "vessel_profiles.csv", "sources.csv")


def route(args: argparse.Namespace) -> str:
    """The route and its days. The answer is kept in the disk cache under a hash of the arguments,
    the terminal width, the bytes of :data:`ROUTE_INPUTS`, geoclaims' code and the versions of the
    packages it computes with (:func:`geoclaims.answers.answer_file`): a second identical call prints it
    without loading the data stack."""
    from .answers import answer_file, file_digest, read_answer, read_digest, save_answer
    from .layout import terminal_width
    from .paths import data_file

    width = None if args.format == "json" else terminal_width()  # JSON is not wrapped
    asked = ("route", args.origin, args.destination, args.via, args.nsr_variant, args.profile, args.ship_type,
             args.format, width)
    kept = read_answer(answer_file(asked, [file_digest(data_file(name)) for name in ROUTE_INPUTS]))
    if kept is not None:
        return kept
    text = _route(args)
    read = [read_digest(name) for name in ROUTE_INPUTS]  # the bytes this answer was computed from
    if None not in read:
        save_answer(answer_file(asked, read), text)
    return text


def _route(args: argparse.Namespace) -> str:
    from .datasets import load_vessel_profiles
    from .layout import columns, terminal_width
    from .world.routing import sea_route, transit_days, vessel_profile

    if args.profile is not None and args.ship_type is not None:
        raise InputError("--profile names one profile; --ship-type all profiles of a type: give one of them")
    if args.profile is not None:
        names = [vessel_profile(args.profile).name]  # checked before routing
    else:
        profiles = load_vessel_profiles()
        names = list(profiles.index[profiles["ship_type"] == (args.ship_type or "container")])
    route = sea_route(args.origin, args.destination, via=args.via, nsr_variant=args.nsr_variant)
    days = {name: transit_days(route, vessel_profile(name)) for name in names}
    if args.format == "json":
        out = route.as_dict(args.profile, days[names[0]] if args.profile else None)
        out["days_by_profile"] = {name: round(d, 2) for name, d in days.items()}
        return json.dumps(out, indent=2)
    nsr = f", {route.nsr_nm:,.0f} nm in the NSR water area" if route.nsr_nm > 0 else ""
    variant = f" ({route.nsr_variant} variant)" if route.nsr_variant else ""
    text = (f"{route.origin.label} → {route.destination.label} via {route.via}{variant}: {route.length_nm:,.0f} nm "
            f"({route.length_km:,.0f} km){nsr}; passages: {', '.join(route.passages)}")
    width = terminal_width()
    rows = [("profile", "days")] + [(name, f"{d:.1f}") for name, d in days.items()]
    return "\n".join(textwrap.wrap(text, width, subsequent_indent="  ") + [""] + columns(rows, width, (0,), right=(1,)))


def export(args: argparse.Namespace) -> str:
    from .families.timeline import parse_date
    from .publish.export import claimreview_json, reviewer, write_text_atomically
    from .scorecard import check_claims

    date = None if args.date is None else f"{parse_date(args.date, '--date'):%Y-%m-%d}"
    who = reviewer(args.author, args.author_url, args.url_base, draft=args.draft)
    text = claimreview_json(check_claims(article=args.article), **who, date_published=date, article=args.article)
    return str(write_text_atomically(args.out, text + "\n")) if args.out else text


def report(args: argparse.Namespace) -> str:
    from .publish.report import build_report

    pages = each_article(args, lambda slug: build_report(args.out, article=slug, force=args.force))
    return "\n".join(str(p) for p in pages)


def kinds(args: argparse.Namespace) -> str:
    from .families.catalogue import kinds as catalogue, kinds_markdown, param_text
    from .layout import columns, terminal_width

    if args.format == "json":
        return json.dumps(catalogue(), ensure_ascii=False, indent=2)
    if args.format == "markdown":
        return kinds_markdown()
    width = terminal_width()
    head = columns([("family", "kind", "value", "tolerance")] + [(r["family"], r["kind"], r["value"], r["tolerance"])
                                                                 for r in catalogue()], width, shrink=(3,))
    lines = [head[0]]
    for line, row in zip(head[1:], catalogue()):  # the parameters wrap under their kind: none is cut
        params = ", ".join(param_text(p) for p in row["params"]) or "none"
        lines += [line, *textwrap.wrap(f"parameters: {params}", width, initial_indent="  ", subsequent_indent="    ")]
    return "\n".join(lines)


def width(args: argparse.Namespace) -> str:
    from .geo import second_coastline
    from .geo.crossing import END_MARGIN_M
    from .world import globe
    from .world.straits import width as width_between

    crossing = width_between(args.shore_a, args.shore_b, args.resolution)
    second = second_coastline.land_km(crossing.point_a, crossing.point_b, globe.on_land)
    if args.format == "json":
        return json.dumps({**crossing.as_dict(), "second_coastline": {
            "source": second_coastline.SOURCE, "land_km": second, "end_margin_m": second_coastline.END_MARGIN_M}},
            indent=2)
    (lat_a, lon_a), (lat_b, lon_b) = crossing.point_a, crossing.point_b
    lines = [f"{crossing.width_km:.2f} km (GSHHS-{crossing.resolution})",
             f"  from {lat_a:.5f}, {lon_a:.5f}", f"  to   {lat_b:.5f}, {lon_b:.5f}",
             "  land on the crossing: "
             + (f"not tested on GSHHS-{crossing.resolution} (under {2 * END_MARGIN_M / 1000:g} km)"
                if crossing.width_km * 1000 <= 2 * END_MARGIN_M else f"{crossing.land_km:.1f} km on GSHHS-{crossing.resolution}")
             + ", " + ("not tested on the GLOBE mask (under 2 km)" if second is None else f"{second:.1f} km on the GLOBE mask")]
    if crossing.crosses_land and second:
        lines.append("  both coastlines find land on it: not a water crossing")
    elif crossing.crosses_land or second:
        lines.append(f"  {'GSHHS' if crossing.crosses_land else 'the GLOBE mask'} alone finds land on it: look at a map")
    if crossing.on_box_edge:
        lines.append("  a point lies on its box's edge: the box cuts a coast; widen it to be sure")
    return "\n".join(lines)
