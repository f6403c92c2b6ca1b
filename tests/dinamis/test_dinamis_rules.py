import json

import pytest

from dataterra.dataterra_plugin.dinamis.core.rules import (
    Profile,
    RulesError,
    eligibility,
    entitlement_for,
    load_rules,
    quota_estimate,
)


def allowed(profile, rules):
    return {e.product_id for e in eligibility(profile, rules) if e.allowed}


def test_rules_file_names_its_sources(rules):
    assert any("dinamis.data-terra.org" in s["url"] for s in rules["sources"])


def test_uia_research_gets_everything_but_nothing_is_open_twice(rules):
    got = allowed(Profile("uia_research", "INRAE UMR TETIS"), rules)
    assert got == set(rules["products"])


def test_foreign_scientist_without_partner_is_told_why(rules):
    profile = Profile("foreign_scientist", "University of Liège")
    archive = entitlement_for(profile, "pleiades_archive", rules)
    assert not archive.allowed
    assert any("cooperation or collaborative project with a French institutional user" in r
               for r in archive.reasons)
    # open relays and the open SPOT archive stay available
    assert allowed(profile, rules) == {"relay_swh", "relay_peps", "spot67_open_archive"}


def test_foreign_scientist_with_partner(rules):
    profile = Profile("foreign_scientist", "University of Liège", conditions={"french_partner": "UMR TETIS"})
    assert allowed(profile, rules) == {"dinamis_catalogue", "pleiades_archive", "relay_swh",
                                       "relay_peps", "relay_kalideos", "spot67_open_archive"}
    tasking = entitlement_for(profile, "pleiades_tasking", rules)
    assert not tasking.allowed and "Not open to 'Foreign institutional scientist'" in tasking.reasons[0]


def test_private_public_contract_needs_the_contract(rules):
    without = Profile("french_private_public_contract", "Bureau d'études X")
    assert not entitlement_for(without, "spot67_archive", rules).allowed
    with_contract = Profile("french_private_public_contract", "Bureau d'études X",
                            conditions={"public_contract": "DREAL Occitanie 2026-17"})
    got = allowed(with_contract, rules)
    assert "spot67_archive" in got and "pleiades_archive" in got
    assert "pleiades_tasking" not in got and "spot67_tasking" not in got


def test_unsubscribed_uia_only_gets_open_relays(rules):
    profile = Profile("uia_public_actor", "Communauté de communes du Clermontais", subscribed=False)
    assert allowed(profile, rules) == {"relay_swh", "relay_peps", "spot67_open_archive"}
    reasons = entitlement_for(profile, "pleiades_archive", rules).reasons
    assert any("subscribe to DINAMIS" in r for r in reasons)


def test_unknown_user_type(rules):
    with pytest.raises(RulesError, match="Unknown DINAMIS user type 'student'"):
        eligibility(Profile("student", "X"), rules)


def test_quota_estimate_applies_minimum_and_factor(rules):
    # Pléiades tasking: factor 1.5, minimum 100 km²
    assert quota_estimate("pleiades_tasking", 40.0, rules) == {"billed_km2": 100.0, "quota_units": 150.0, "unit": "km2"}
    assert quota_estimate("pleiades_archive", 437.2, rules, stereo=True)["quota_units"] == pytest.approx(874.4)
    assert quota_estimate("dinamis_catalogue", 437.2, rules)["quota_units"] == 0.0


def test_malformed_rules_file_is_reported(tmp_path):
    bad = tmp_path / "rules.json"
    bad.write_text('{"user_types": {}, ')
    with pytest.raises(RulesError, match="not valid JSON"):
        load_rules(bad)
    bad.write_text(json.dumps({"user_types": {}, "products": {"p": {"aoi": {"coverage": "moon"}}},
                               "coverages": {}, "requirements": {}}))
    with pytest.raises(RulesError, match="unknown coverage 'moon'"):
        load_rules(bad)
