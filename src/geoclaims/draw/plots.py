"""Charts. Each takes values and a matplotlib ``ax``, draws, and returns the ``ax``; the
numbers come from a family's evidence (:mod:`geoclaims.families`), never from here.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes


def _mark_article(ax: Axes, window: tuple[pd.Timestamp, pd.Timestamp], label: str = "article") -> None:
    ax.axvspan(window[0], window[1] + pd.Timedelta(days=1), color="0.6", alpha=0.35, lw=0)
    ax.annotate(label, (window[1], 1.0), xycoords=("data", "axes fraction"), xytext=(4, -2),
                textcoords="offset points", va="top", fontsize=8, color="0.3")


def plot_meetings_timeline(counted: pd.DataFrame, office: pd.Timestamp, article: tuple[pd.Timestamp, pd.Timestamp],
                           anticipated: pd.Series, since_office: int, ax: Axes) -> Axes:
    """Running count of the officially counted Abe–Putin meetings over time, with Abe's
    return to office and the article's publication window marked; the meeting the article
    anticipates is labelled with its ordinal overall and ``since_office``."""
    ax.step(counted["date"], counted["ordinal"], where="post", color="C0", lw=1.5)
    exact = counted["date_exact"] == "yes"
    ax.plot(counted.loc[exact, "date"], counted.loc[exact, "ordinal"], "o", color="C0", ms=4, label="meeting")
    if (~exact).any():  # no legend entry for a marker that is not drawn
        ax.plot(counted.loc[~exact, "date"], counted.loc[~exact, "ordinal"], "o", mfc="white", color="C0", ms=4,
                label="meeting (day not established)")
    ax.axvline(office, color="C2", lw=1, ls="--", label="Abe takes office again")
    _mark_article(ax, article)
    after, since = anticipated, since_office
    ax.annotate(f"{after['city']} {after['date']:%d %b %Y}: #{int(after['ordinal'])} overall,\n#{since} since Abe took office",
                (after["date"], after["ordinal"]), xytext=(-40, 75), textcoords="offset points", fontsize=8, ha="right",
                arrowprops={"arrowstyle": "->", "color": "0.3"})
    ax.set_ylabel("meetings (foreign ministry count)")
    ax.set_title("Abe–Putin meetings, 2006–2019")
    ax.xaxis.set_major_locator(mdates.YearLocator(2))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.legend(loc="upper left", fontsize=8, frameon=False)
    return ax


def plot_reactors_operating(reactors: pd.DataFrame, disaster: pd.Timestamp,
                            article: tuple[pd.Timestamp, pd.Timestamp], end: pd.Timestamp, notes: list, ax: Axes) -> Axes:
    """Japan's reactors operating (``reactors``: date, operating, placeholder), as a step chart
    from the first sourced row to ``end``, steps at a placeholder date marked hollow, with
    ``notes`` — ``(start, end, count, text)`` spans — labelled above their steps."""
    dates = list(reactors["date"]) + [end]
    counts = list(reactors["operating"]) + [reactors["operating"].iloc[-1]]
    ax.step(dates, counts, where="post", color="C1", lw=1.8)
    ax.fill_between(dates, counts, step="post", color="C1", alpha=0.2)
    unsure = reactors[reactors["placeholder"]]
    if len(unsure):  # a step whose day no source gives is marked, not passed off as dated
        ax.plot(unsure["date"], unsure["operating"], "o", mfc="white", mec="C1", ms=6, zorder=3,
                label="day not established (placeholder date)")
        ax.legend(loc="upper right", fontsize=8, frameon=False)
    ax.axvline(disaster, color="C3", lw=1, ls="--")
    ax.annotate("Fukushima, 11 Mar 2011", (disaster, 0.97), xycoords=("data", "axes fraction"), xytext=(4, 0),
                textcoords="offset points", fontsize=8, va="top")
    _mark_article(ax, article)
    for start, stop, count, text in notes:
        middle = start + (stop - start) / 2
        ax.annotate(text, (middle, count), xytext=(0, 14), textcoords="offset points", ha="center", fontsize=8,
                    arrowprops={"arrowstyle": "-", "color": "0.5", "lw": 0.6})
    ax.set_ylim(0, max(counts) * 1.1 + 1)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_xlim(disaster - pd.Timedelta(days=60), end)
    ax.set_ylabel("reactors operating")
    ax.set_title("Japan's operating commercial reactors after Fukushima")
    return ax


def plot_island_areas(stats: pd.DataFrame, ax: Axes) -> Axes:
    """Land area of each of the four islands (``stats``: index island, columns ``low``,
    ``high`` across sources and ``named`` yes/no, sorted by ``high``), the two named in the
    1956 declaration set apart in colour."""
    colours = ["C0" if n == "yes" else "0.6" for n in stats["named"]]
    ax.barh(stats.index, stats["high"], color=colours)
    ax.errorbar(stats["high"], range(len(stats)), xerr=[stats["high"] - stats["low"], [0] * len(stats)],
                fmt="none", ecolor="k", capsize=3, lw=1)
    total = stats["high"].sum()
    for y, (name, row) in enumerate(stats.iterrows()):
        ax.annotate(f"{row['high']:,.0f} km² ({row['high'] / total:.0%})", (row["high"], y), xytext=(6, 0),
                    textcoords="offset points", va="center", fontsize=8)
    ax.set_xlabel("land area, km² (bar: largest published figure; whisker: spread across sources)")
    share = stats.loc[stats["named"] == "yes", "high"].sum() / total
    ax.set_title(f"The four disputed islands: the two named in 1956 (blue) are {share:.0%} of the land")
    from matplotlib.patches import Patch

    ax.legend(handles=[Patch(color="C0", label="named in the 1956 declaration"), Patch(color="0.6", label="not named")],
              loc="lower right", fontsize=8)
    ax.set_xlim(0, stats["high"].max() * 1.3)
    ax.grid(axis="y", visible=False)
    return ax


def plot_fixed_links(links: pd.DataFrame, claimed_km: float, width_km: float, strait: str, crossing: str,
                     ax: Axes) -> Axes:
    """Horizontal bars: proposed links (``links``: name, year, length_km, undersea_km, group —
    ``this crossing``, ``other crossings`` or ``reference`` — and ``later``: published after the
    article, drawn hollow and hatched) and existing tunnels for scale (undersea part darker), with
    the claimed length and the strait's measured width marked; ``crossing`` names this crossing."""
    from matplotlib.patches import Patch

    order = {"this crossing": 0, "other crossings": 1, "reference": 2}
    shown = links.sort_values(["group", "length_km"], key=lambda s: s.map(order) if s.name == "group" else s)
    colours = {"this crossing": "C0", "other crossings": "C2", "reference": "0.55"}
    y = range(len(shown))
    for i, (_, row) in zip(y, shown.iterrows()):
        colour = colours[row["group"]]
        ax.barh(i, row["length_km"], color="none" if row["later"] else colour, alpha=1 if row["later"] else 0.55,
                edgecolor=colour, hatch="///" if row["later"] else None, lw=1)
        if row["undersea_km"] == row["undersea_km"]:
            ax.barh(i, row["undersea_km"], color=colour)
    labels = [f"{n} ({yr})" if str(yr).isdigit() else n for n, yr in zip(shown["name"], shown["year"])]
    ax.set_yticks(list(y), [f"{lab} — published after the article" if later else lab
                            for lab, later in zip(labels, shown["later"])], fontsize=7)
    legend = [Patch(color=colours[g], alpha=0.55, label=label) for g, label in
              (("this crossing", f"proposed: {crossing}"), ("other crossings", "proposed: other crossings"))
              if (shown["group"] == g).any()]
    legend += [Patch(facecolor="none", edgecolor="0.3", hatch="///", label="published after the article (not used)"),
               Patch(color=colours["reference"], alpha=0.55, label="existing tunnels, for scale"),
               Patch(color=colours["reference"], label="undersea section (where published)")]
    ax.legend(handles=legend, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7.5, frameon=False)
    ax.axvline(claimed_km, color="C3", lw=1.5, ls="--")
    ax.annotate(f"claim: {claimed_km:g} km", (claimed_km, 1.0), xycoords=("data", "axes fraction"), xytext=(-4, 4),
                textcoords="offset points", ha="right", va="bottom", color="C3", fontsize=8)
    ax.axvline(width_km, color="k", lw=1)
    ax.annotate(f"{strait} width (GSHHS-f): {width_km:.1f} km", (width_km, 1.0), xycoords=("data", "axes fraction"),
                xytext=(4, 4), textcoords="offset points", va="bottom", fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("length, km (darker: undersea section where published)")
    ax.set_title(f"Proposed {crossing} links and existing undersea tunnels", pad=18)
    ax.grid(axis="y", visible=False)
    return ax


def plot_days_vs_speed(curves: pd.DataFrame, points: pd.DataFrame, claims: dict, title: str, ax: Axes) -> Axes:
    """Days against open-water speed for each corridor of one port pair (``curves``: via, label,
    speed_kn, days), each vessel profile's days as labelled points (``points``: via, profile,
    speed_kn, days) and the claimed days (``claims``: via -> days) as dashed lines. Voyages of
    other routes are not drawn here: their days are of another route (:func:`plot_voyage_speeds`)."""
    colours = {"nsr": "C0", "suez": "C1"}
    for via, curve in curves.groupby("via", sort=False):
        ax.plot(curve["speed_kn"], curve["days"], color=colours[via], label=curve["label"].iloc[0])
    for _, p in points.iterrows():
        ax.plot(p["speed_kn"], p["days"], "o", color=colours[p["via"]], ms=5, zorder=3)
    for profile, group in points.groupby("profile", sort=False):  # one label per profile, above its Suez point
        top = group.loc[group["days"].idxmax()]
        ax.annotate(profile, (top["speed_kn"], top["days"]), xytext=(4, 6), textcoords="offset points",
                    ha="left", fontsize=7.5, color="0.25")
    for via, days in claims.items():  # in the legend, not on the plot, where labels would collide with points
        ax.axhline(days, color=colours[via], ls="--", lw=1, label=f"claim: {days:g} days via {via.upper()}")
    ax.set_xlabel("open-water speed, knots")
    ax.set_ylabel("days at sea")
    ax.set_title(title, fontsize=10)
    ax.legend(loc="upper right", fontsize=7.5)
    ax.set_ylim(0, None)
    return ax


def plot_voyage_speeds(observed: pd.DataFrame, profiles: pd.DataFrame, ax: Axes) -> Axes:
    """Documented voyages as their average speed over their own route (``observed``: label,
    implied_kn, later), filled if known by the article, hollow if later, beside the profiles'
    open-water speeds (``profiles``: profile, speed_kn) as vertical lines: speeds compared with
    speeds, whatever each voyage's route."""
    v = observed.sort_values("implied_kn").reset_index(drop=True)
    for later, group in v.groupby("later"):
        ax.plot(group["implied_kn"], group.index, "D", ms=5, mec="0.3", mfc="none" if later else "0.5", ls="none",
                label="later than the article" if later else "documented by the article")
    ax.set_yticks(range(len(v)), v["label"], fontsize=6.5)
    for _, p in profiles.iterrows():
        ax.axvline(p["speed_kn"], color="0.75", lw=0.8, ls=":")
    ax.set_xlabel("average speed over own route, knots\n(dotted: the profiles' speeds)")
    ax.set_title("Documented NSR voyages", fontsize=10)
    ax.set_xlim(0, max(float(v["implied_kn"].max()), float(profiles["speed_kn"].max())) * 1.08 if len(v) else None)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), fontsize=7, frameon=False)  # below: covers no point
    ax.grid(axis="y", visible=False)
    return ax


def plot_port_matrix(matrix: pd.DataFrame, names: dict, ax: Axes) -> Axes:
    """Heatmap of days saved by the NSR over Suez (positive: NSR faster) per port pair, ports
    named (``names``: UN/LOCODE -> name), whole days in the cells."""
    table = matrix.pivot(index="origin", columns="destination", values="days_saved")
    table = table.loc[matrix["origin"].unique(), matrix["destination"].unique()]
    values = table.to_numpy()
    limit = np.nanmax(np.abs(values))
    im = ax.imshow(values, cmap="RdBu", vmin=-limit, vmax=limit, aspect="auto")
    ax.set_xticks(range(table.shape[1]), [f"{names[c]} ({c})" for c in table.columns], rotation=90, fontsize=7.5)
    ax.set_yticks(range(table.shape[0]), [f"{names[c]} ({c})" for c in table.index], fontsize=7.5)
    for (i, j), value in np.ndenumerate(values):
        if value == value:
            whole = int(round(value)) or 0  # never "-0"
            ax.text(j, i, f"{whole:d}", ha="center", va="center", fontsize=6.5,
                    color="white" if abs(value) > 0.6 * limit else "k")
    ax.figure.colorbar(im, ax=ax, label="days saved by the NSR (negative: Suez is faster)", shrink=0.8)
    ax.set_xlabel("Far East")
    ax.set_ylabel("Europe")
    ax.grid(False)
    ax.set_title(f"NSR against Suez: days saved, {matrix['profile'].iloc[0]} profile")
    return ax


def plot_reference_deviations(deviations: pd.DataFrame, ax: Axes) -> Axes:
    """Each published distance's deviation (``deviations``: pair_id, via, origin, destination,
    length_nm, geoclaims_nm, deviation, publisher) as a horizontal bar, NSR and Suez apart, the
    mean absolute deviation of each marked."""
    colours = {"nsr": "C0", "suez": "C1"}
    d = deviations.sort_values(["via", "deviation"]).reset_index(drop=True)
    y = np.arange(len(d))
    ax.barh(y, d["deviation"] * 100, color=[colours[v] for v in d["via"]])
    labels = [f"{o}–{t} ({s}, {n:,.0f} nm)" for o, t, s, n in
              zip(d["origin"], d["destination"], d["publisher"], d["length_nm"])]
    ax.set_yticks(y, labels, fontsize=6.5)
    ax.axvline(0, color="k", lw=0.8)
    for via, group in d.groupby("via"):
        mad = group["deviation"].abs().mean() * 100
        ax.plot([], [], color=colours[via], lw=6, label=f"via {via.upper()}: mean |deviation| {mad:.1f}%, "
                                                          f"median {group['deviation'].median() * 100:+.1f}%")
    ax.set_xlabel("geoclaims' length against the published figure, % (positive: ours is longer)")
    ax.set_title("Route lengths against published distance tables")
    ax.legend(loc="lower right", fontsize=8)
    ax.grid(axis="y", visible=False)
    return ax


def plot_link_ranking(links: pd.DataFrame, subject: str, title: str, ax: Axes) -> Axes:
    """Horizontal bars of links ranked by whole length (``links``: link_id, name, mode, opened,
    length_km, undersea_km, counted), the undersea part darker where published; ``subject`` (a
    link_id) in colour, the others grey; links not ``counted`` (another mode) hatched and
    labelled so; a link not open yet is labelled "planned"."""
    shown = links.sort_values("length_km").reset_index(drop=True)
    for i, row in shown.iterrows():
        colour = "C0" if row["link_id"] == subject else "0.6"
        hatch = None if row["counted"] else "///"
        ax.barh(i, row["length_km"], color="none" if hatch else colour, edgecolor=colour, hatch=hatch,
                alpha=1 if hatch else 0.5)
        if row["undersea_km"] == row["undersea_km"] and not hatch:
            ax.barh(i, row["undersea_km"], color=colour)
        ax.annotate(f"{row['length_km']:g} km", (row["length_km"], i), xytext=(3, 0), textcoords="offset points",
                    va="center", fontsize=7)
    labels = [f"{n} ({o[:4] if o else 'planned'}; {m or 'mode not given'})"
              + ("" if c else " — not counted") for n, o, m, c in
              zip(shown["name"], shown["opened"], shown["mode"], shown["counted"])]
    ax.set_yticks(range(len(shown)), labels, fontsize=7.5)
    ax.set_xlabel("length, km (darker: undersea or immersed part, where published; hatched: another mode)")
    ax.set_title(title, fontsize=10)
    ax.set_xlim(0, float(shown["length_km"].max()) * 1.15)
    ax.grid(axis="y", visible=False)
    return ax
