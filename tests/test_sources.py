"""Every number in data/ can be found again in the sentence its source row quotes."""

from __future__ import annotations

import re

import pytest

from geoclaims.data import load_sources, load_table, split_ids


WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
         "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15, "seventeen": 17, "twenty": 20}
KM_PER_MILE = 1.609344  # statute mile, exact


def _numbers(text: str) -> set[str]:
    """Numbers as written (digits or number words), thousands separators removed; a figure in
    miles also counts as its kilometres, rounded to 0.1 km, as data/ converts it."""
    text = re.sub(r"(?<=\d)[,.\u202f\u00a0 ](?=\d{3}\b)", "", str(text))
    text = re.sub(r"(?<=\d),(?=\d{1,2}\b)", ".", text)  # a decimal comma: "14,5 kn", "7,6 knots"
    found = {m.lstrip("0") or "0" for m in re.findall(r"\d+(?:\.\d+)?", text)}
    found |= {str(n) for w, n in WORDS.items() if re.search(rf"\b{w}\b", text.lower())}
    for number in re.findall(r"(\w+)[- ]miles?\b", text.lower()):
        miles = WORDS.get(number) or (float(number) if number.replace(".", "").isdigit() else None)
        if miles:
            found.add(f"{miles * KM_PER_MILE:.1f}".rstrip("0").rstrip("."))
    return found


def _value_in_quotes(value, source_ids: str) -> bool:
    quotes = " | ".join(load_sources().loc[s, "quote"] for s in split_ids(source_ids))
    found = _numbers(quotes)
    number = f"{float(value):g}"
    return number in found or number.replace(".0", "") in found


CASES = [
    # (table, column holding the number as the source prints it, rows to check)
    ("reference_distances.csv", "as_published", None),
    ("strait_widths.csv", "width_km", None),
    ("islands.csv", "area_km2", None),
    ("fixed_links.csv", "length_km", None),
    ("facts.csv", "value", lambda f: f["value"].str.fullmatch(r"\d+(\.\d+)?")),
    ("voyages.csv", "days", lambda f: f["days_basis"] == "stated"),
    ("vessel_profiles.csv", "open_water_kn", None),
    ("vessel_profiles.csv", "nsr_kn", None),
]


@pytest.mark.parametrize("table, column, rows", CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_each_number_appears_in_the_quote_of_a_source_it_cites(table, column, rows):
    frame = load_table(table)
    if rows is not None:
        frame = frame[rows(frame)]
    missing = []
    for _, row in frame.iterrows():
        value = row[column]
        if value != value or value == "":
            continue
        if column == "as_published":
            value = sorted(_numbers(value), key=len)[-1]
        if not _value_in_quotes(value, row["source_ids"]):
            missing.append(f"{row.iloc[0]}: {value}")
    assert not missing, f"{table}: not in the quoted sentence of any cited source: {missing}"


def test_every_source_row_has_a_publisher_url_and_a_quote():
    sources = load_sources()
    from geoclaims.paths import REPO_ROOT

    for sid, url in sources["url"].items():  # the publisher's page, or for this project's own work its file
        assert re.match(r"https?://", url) or (REPO_ROOT / url.split()[0]).exists(), (sid, url)
    assert (sources["quote"].str.len() > 10).all()


def test_every_shared_table_is_validated_by_the_data_tests(monkeypatch):
    # a run validates only the tables its claims read; load_all validates every one, and these tests call it
    import geoclaims.data as data
    import geoclaims.datasets as datasets
    import geoclaims.published as published
    from geoclaims.data import clear_caches
    from geoclaims.paths import data_dir

    read: list[str] = []
    table = data.load_table
    for module in (data, datasets, published):
        monkeypatch.setattr(module, "load_table", lambda name, *a, **k: read.append(name) or table(name, *a, **k))
    clear_caches()
    datasets.load_all()
    load_sources()
    clear_caches()
    assert {p.name for p in data_dir().glob("*.csv")} <= set(read)
