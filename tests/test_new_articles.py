"""The two articles of round four, checked with data files alone: their findings against the
sourced facts each rests on (the quotes are in data/sources.csv)."""

from __future__ import annotations

import pytest

from geoclaims.scorecard import check_claims

CDM, FB = "guardian-2017-christophe-de-margerie", "guardian-2024-fehmarnbelt"


@pytest.fixture(scope="module")
def cdm():
    return {f.claim_id: f for f in check_claims(article=CDM)}


@pytest.fixture(scope="module")
def fb():
    return {f.claim_id: f for f in check_claims(article=FB)}


def test_a_crossing_time_is_the_published_one_six_days_12_hours_15_minutes_is_six_and_a_half(cdm):
    # Sovcomflot (Seatrade, 23 Aug 2017): "six days, 12 hours and 15 minutes" = 6.51 days
    f = cdm["cdm-nsr-section-days"]
    assert f.low == pytest.approx(6 + 12 / 24 + 15 / 1440, abs=1e-3) and f.rating == "accurate"


def test_a_voyage_s_disagreeing_days_are_both_kept(cdm):
    # Sovcomflot: 19 days; its press service to TASS: 22 days in total
    assert (cdm["cdm-voyage-days"].low, cdm["cdm-voyage-days"].high) == (19, 22)
    assert cdm["cdm-caption-days"].rating == "accurate"


def test_two_statements_of_one_article_that_differ_are_reported_as_such(cdm):
    f = cdm["cdm-caption-vs-text"]
    assert f.rating == "misleading" and "contradicts itself" in f.rule and f.measured == 19


def test_the_percent_saving_of_a_voyage_is_her_days_against_her_own_speed_via_suez(cdm):
    # 100 x (Suez days - her days) / Suez days, her Suez days being the Suez route over her own average speed
    # (her route over her stated 19 or 22 days) plus the canal hours: computed here apart from the check
    from geoclaims.world.routing import sea_route
    from geoclaims.world.routing import vessel_profile

    nsr = sea_route("NOHFT", "KRBOR", via="nsr", nsr_variant="high-latitude").length_nm
    suez = sea_route("NOHFT", "KRBOR", via="suez").length_nm
    canal = vessel_profile("slow-steaming")
    shares = [100 * (1 - d / (suez / (nsr / d) + (canal.suez_transit_h + canal.suez_wait_h) / 24)) for d in (19, 22)]
    f = cdm["cdm-percent-quicker"]
    assert (f.low, f.high) == (pytest.approx(min(shares), abs=0.05), pytest.approx(max(shares), abs=0.05))


def test_a_published_value_and_a_thousandfold_slip(cdm):
    # Korea Herald (4 Jun 2017): about $320m per ship; Offshore Energy (Jun 2017): $27 billion
    assert cdm["cdm-price"].rating == "mostly-accurate" and cdm["cdm-yamal-cost"].rating == "inaccurate"


def test_the_busiest_year_and_an_unpublished_measure(cdm):
    assert cdm["cdm-busiest-2013"].rating == "accurate"  # 71 (or 36) transits in 2013 against 31 in 2014
    assert cdm["cdm-crossings-2013"].rating == "unverifiable" and "full-transits" in cdm["cdm-crossings-2013"].rule


def test_a_forecast_is_rated_on_what_was_stated_and_its_outcome_is_shown_apart(cdm):
    f = cdm["cdm-tenfold"]
    assert f.rating == "accurate" and any("cargo-mt 31.5 in 2019" in e for e in f.later_evidence)


def test_a_link_s_rank_among_links_of_its_kind(fb):
    # Femern A/S (2021): "the world's longest immersed tunnel"; GRR (2013): "for combined rail and road"
    assert fb["fb-longest-immersed"].low == 1 and fb["fb-longest-immersed"].rating == "accurate"
    assert fb["fb-drogden-record"].rating == "accurate"


def test_a_length_in_miles_and_a_ratio(fb):
    # Drogden: 4,050 m = 2.52 mi in all, 3,510 m enclosed = 2.18 mi
    f = fb["fb-drogden-length"]
    assert (f.low, f.high) == (pytest.approx(3.51 / 1.609344, abs=0.01), pytest.approx(4.05 / 1.609344, abs=0.01))
    assert f.rating == "accurate" and fb["fb-eclipse"].low > 4


def test_the_distance_between_two_places_reads_unqualified_miles_both_ways(fb):
    # ZDF (2020): "rund 18 Kilometer"; 11 statute miles = 17.7 km, 11 nautical miles = 20.4 km
    f = fb["fb-distance"]
    assert f.low * 1.609344 == pytest.approx(18, abs=0.01) and f.rating == "accurate"


def test_a_plan_is_rated_on_what_its_proposers_stated_by_the_article(fb):
    f = fb["fb-opens-2029"]
    assert f.rating == "accurate" and any("2031" in e for e in f.later_evidence)
