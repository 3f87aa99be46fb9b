"""The claim registry and the article it quotes."""

from __future__ import annotations

import pytest
from conftest import DW, edit

from geoclaims.articles import load_article
from geoclaims.errors import DataError, UnknownClaimError
from geoclaims.registry import get_claim, load_claims


def test_every_quote_occurs_verbatim_in_the_article():
    text = load_article().text
    for claim in load_claims():
        assert claim.quote in text, claim.claim_id


def test_the_yasukuni_quote_keeps_the_typographic_apostrophe():
    assert "Tokyo’s Yasukuni" in get_claim("yasukuni-visit-month").quote


def test_unknown_claim_id_lists_the_valid_ids():
    with pytest.raises(UnknownClaimError, match="known ids: polar-route-days"):
        get_claim("polar-route-hours")


MALFORMED_REGISTRY = [
    # (what is wrong, text replaced in claims.csv, replacement, the message expected)
    ("missing column", "claim_id,quote,statement,", "claim_id,quote,what,", r"claims\.csv: missing column\(s\) statement"),
    ("repeated id", "suez-route-days,38 days", "polar-route-days,38 days",
     r"claims\.csv, line 3, column 'claim_id': 'polar-route-days' repeats line 2"),
    ("quote not in article", "construct a 35-km-long tunnel", "construct a 53-km-long tunnel",
     r"articles/dw-2014-russo-japanese-ties/claims\.csv, line 6 \(tunnel-length-km\), column 'quote': not found verbatim"),
    ("straight apostrophe", "Tokyo’s Yasukuni", "Tokyo's Yasukuni", "typographic apostrophe"),
    ("unknown family", ",tunnel,link-length,", ",bridge,link-length,", r"line 6 .*column 'family': must be one of"),
    ("empty cell", ",35,km,", ",35,,", r"claims\.csv, line 6, column 'unit': empty value"),
    ("too many fields", "tunnel-length-km,construct", "tunnel-length-km,extra,construct",
     r"claims\.csv, line 6: expected 11 fields, got 12"),
    ("value with its unit", ",35,km,", ",35km,km,", r"line 6 .*column 'claimed_value': must be a number .* got '35km'"),
    ("unknown check kind", ",tunnel,link-length,", ",tunnel,route_checks:x,", r"line 6 .*column 'check': must be one of"),
    ("unknown parameter", "strait=la-perouse;", "strait=la-perouse; colour=red;", r"line 6 .*unknown colour"),
    ("missing parameter", "strait=la-perouse; ", "", r"line 6 .*missing strait"),
    ("unknown kind", ",narration,forecast,", ",narration,rumour,", r"line 6, column 'kind': 'rumour' is not one of"),
    ("month 13", ",2012-12,month,", ",2012-13,month,", r"column 'claimed_value': must be a month YYYY-MM .* got '2012-13'"),
    ("30 February", ",2014-02-07,date,", ",2014-02-30,date,", r"column 'claimed_value': must be a date YYYY-MM-DD .* got '2014-02-30'"),
]


@pytest.mark.parametrize("problem, old, new, message", MALFORMED_REGISTRY, ids=[c[0] for c in MALFORMED_REGISTRY])
def test_a_malformed_registry_fails_naming_file_row_and_reason(data_copy, problem, old, new, message):
    edit(data_copy / DW / "claims.csv", old, new)
    with pytest.raises(DataError, match=message):
        load_claims()


def test_changed_article_fails_its_checksum(data_copy):
    article = data_copy / DW / "article.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("19 days", "18 days"), encoding="utf-8")
    with pytest.raises(DataError, match="the article text has changed"):
        load_article()


def test_every_source_row_is_complete_and_every_data_file_is_named():
    from geoclaims.paths import data_dir
    from geoclaims.data import load_sources

    sources = load_sources()
    named = " ".join(sources["files"])
    for path in data_dir().rglob("*.csv"):
        if path.name != "sources.csv":
            assert path.name in named, f"{path.name} has no row in sources.csv"


def test_every_data_table_has_a_declared_schema():
    from geoclaims.paths import data_dir
    from geoclaims.schemas import SCHEMAS

    assert {p.name for p in data_dir().rglob("*.csv")} == set(SCHEMAS)


def test_an_out_of_range_value_names_file_line_and_column(data_copy):
    from geoclaims.data import load_table

    edit(data_copy / "vessel_profiles.csv", "design-speed,container,25,13.23,", "design-speed,container,25,-13.23,")
    with pytest.raises(DataError, match=r"vessel_profiles\.csv, line 2, column 'nsr_kn': must be > 0, got -13.23"):
        load_table("vessel_profiles.csv")


def test_a_position_that_is_not_one_names_file_line_and_column(data_copy):
    from geoclaims.data import load_table

    edit(data_copy / "capes.csv", "45°47′15″N 142°13′01″E", "45°47′15″N 242°13′01″E")
    with pytest.raises(DataError, match=r"capes\.csv, line 5, column 'position': longitude must be"):
        load_table("capes.csv")


def test_every_sentence_with_a_number_is_a_claim_or_excluded_with_a_reason():
    from geoclaims.articles import article_slugs, has_number, sentences
    from geoclaims.data import load_table
    from geoclaims.paths import data_dir

    for slug in article_slugs():  # every article has an audit (and a second checker's review.csv)
        assert (data_dir() / "articles" / slug / "review.csv").is_file(), f"{slug} has no review.csv"
        audit = load_table(f"articles/{slug}/audit.csv")
        text = load_article(slug).text
        ids = {c.claim_id for c in load_claims(slug)}
        listed = dict(zip(audit["sentence"], zip(audit["claim_ids"], audit["reason"])))
        for sentence in sentences(text):
            if has_number(sentence):
                assert sentence in listed, f"{slug}: sentence not in the audit: {sentence[:80]!r}"
                claims, reason = listed[sentence]
                named = {c for c in claims.split("; ") if c}
                assert named <= ids and (named or reason.strip()), sentence[:80]
        audited = {c for cell in audit["claim_ids"] for c in cell.split("; ") if c}
        assert audited == ids, f"{slug}: claims missing from the audit: {ids - audited}"


def test_the_readme_quotes_only_what_the_article_says():
    # a phrase in quotation marks in the README is either in the article or a quoted source's own words
    import re

    from geoclaims.paths import REPO_ROOT

    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8").split("## Check another article")[0]
    prose = re.sub(r"`[^`]*`", "", re.sub(r"```.*?```", "", readme, flags=re.S))  # code is not a quotation
    text = load_article().text
    quoted = re.findall(r"[\"“]([^\"”]{6,}?)[\"”]", prose)
    assert quoted, "the README quotes the article somewhere"
    for phrase in quoted:
        if phrase.startswith("Russo-Japanese ties thaw"):  # the title
            continue
        assert phrase in text, f"README quotes {phrase!r}, which the article does not say"


@pytest.mark.parametrize("old, new, message", [
    ("months=6-8", "months=summer", r"nsr-summer-months: months must be FIRST-LAST within 1-12, got 'summer'"),
    ("months=6-8", "months=8-6", r"got '8-6'"),
    ("crossing=sakhalin-hokkaido", "crossing=atlantis", r"tunnel-length-km: no fixed link .* 'atlantis'"),
])
def test_a_bad_check_parameter_names_the_claim(data_copy, old, new, message):
    from geoclaims.scorecard import check_claims

    edit(data_copy / DW / "claims.csv", old, new)
    with pytest.raises(DataError, match=message):
        check_claims()
