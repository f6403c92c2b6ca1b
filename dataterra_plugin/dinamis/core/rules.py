"""DINAMIS eligibility rules as data, and the engine that applies them to a profile.

The rules live in ``resources/dinamis_rules.json`` (with the pages they come from) so
that they can follow DINAMIS's conditions without a code change. Every decision carries
the reasons a user can act on.
"""
import json
from dataclasses import dataclass, field
from pathlib import Path

from ....rasterblocks.errors import DataTerraError, Message, QT_TRANSLATE_NOOP

RULES_PATH = Path(__file__).resolve().parents[3] / "resources" / "dinamis_rules.json"


class RulesError(DataTerraError):
    """The rules file is missing or malformed."""


@dataclass
class Profile:
    """What a user states once: who they are and under which conditions they work.

    ``conditions`` holds the requirement ids the user declares as met (for example
    ``"french_partner"``), ``details`` free text for each (partner laboratory, contract
    reference), which goes into the request summary.
    """

    user_type: str
    institution: str
    contact_email: str = ""
    subscribed: bool = True
    conditions: dict = field(default_factory=dict)

    def to_dict(self):
        return {"user_type": self.user_type, "institution": self.institution,
                "contact_email": self.contact_email, "subscribed": self.subscribed,
                "conditions": dict(self.conditions)}

    @classmethod
    def from_dict(cls, data):
        return cls(data["user_type"], data.get("institution", ""), data.get("contact_email", ""),
                   bool(data.get("subscribed", True)), dict(data.get("conditions", {})))


@dataclass
class Entitlement:
    """Whether a profile may obtain a product, and why (or why not)."""

    product_id: str
    label: str
    kind: str
    allowed: bool
    reasons: list


def load_rules(path=None) -> dict:
    """Read and check the rules file; raise :class:`RulesError` naming what is wrong."""
    path = Path(path or RULES_PATH)
    try:
        rules = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise RulesError(QT_TRANSLATE_NOOP("DataTerraError", "The DINAMIS rules file {path} is missing: reinstall "
                                           "the plugin."), path=path) from exc
    except json.JSONDecodeError as exc:
        raise RulesError(QT_TRANSLATE_NOOP("DataTerraError", "The DINAMIS rules file {path} is not valid JSON (line "
                                           "{lineno}): fix it or restore the file shipped with the plugin."),
            path=path,
            lineno=exc.lineno) from exc
    for key in ("user_types", "products", "coverages", "requirements"):
        if key not in rules:
            raise RulesError(QT_TRANSLATE_NOOP("DataTerraError", "The DINAMIS rules file {path} has no '{key}' "
                                               "section."), path=path, key=key)
    for product_id, product in rules["products"].items():
        aoi = product.get("aoi")
        if aoi and aoi.get("coverage") not in rules["coverages"]:
            raise RulesError(QT_TRANSLATE_NOOP("DataTerraError", "Product '{product_id}' names an unknown coverage "
                                               "'{coverage}' in {path}."),
                product_id=product_id,
                coverage=aoi.get('coverage'),
                path=path)
    return rules


def eligibility(profile: Profile, rules: dict) -> list:
    """One :class:`Entitlement` per product of the rules, in the file's order."""
    user_type = rules["user_types"].get(profile.user_type)
    if user_type is None:
        known = ", ".join(rules["user_types"])
        raise RulesError(QT_TRANSLATE_NOOP("DataTerraError", "Unknown DINAMIS user type '{user_type}'; choose one "
                                           "of: {known}."), user_type=profile.user_type, known=known)
    missing = [req for req in user_type.get("requires", []) if not profile.conditions.get(req)]
    return [_entitlement(pid, product, profile, user_type, missing, rules)
            for pid, product in rules["products"].items()]


def group_names(groups, rules):
    """The user groups a product is open to, by their names in the rules file (not their ids),
    as a Message whose values (the names) the plugin translates one by one."""
    names = rules.get("user_groups", {})
    return Message(", ".join(f"{{group{i}}}" for i in range(len(groups))),
                   **{f"group{i}": names.get(group, group) for i, group in enumerate(groups)})


def _entitlement(product_id, product, profile, user_type, missing, rules):
    reasons, allowed = [], True
    group = user_type["group"]
    if group not in product["user_groups"]:
        allowed = False
        reasons.append(Message(QT_TRANSLATE_NOOP("DataTerraError", "Not open to '{user_type}' users (open to: "
                                                 "{groups})."),
                               user_type=user_type["label"], groups=group_names(product["user_groups"], rules)))
    needs_membership = not product.get("open", False)
    if needs_membership and not profile.subscribed:
        allowed = False
        reasons.append(Message(QT_TRANSLATE_NOOP("DataTerraError", "Your organisation must first subscribe to "
                                                 "DINAMIS: {subscription}."),
                               subscription=rules["requirements"]["subscription"]))
    if needs_membership and missing and group in product["user_groups"]:
        allowed = False
        for req in missing:
            reasons.append(Message(QT_TRANSLATE_NOOP("DataTerraError", "'{user_type}' users need {requirement}; "
                                                     "declare it in your profile."),
                                   user_type=user_type["label"], requirement=rules["requirements"][req]))
    if allowed:
        if product.get("open"):
            reasons.append(Message(QT_TRANSLATE_NOOP("DataTerraError", "Open to '{user_type}' users (open access, no "
                                                     "DINAMIS membership needed)."), user_type=user_type["label"]))
        else:
            reasons.append(Message(QT_TRANSLATE_NOOP("DataTerraError", "Open to '{user_type}' users."),
                                   user_type=user_type["label"]))
    return Entitlement(product_id, product["label"], product["kind"], allowed, reasons)


def entitlement_for(profile, product_id, rules) -> Entitlement:
    """The entitlement of one product; unknown products are an error."""
    if product_id not in rules["products"]:
        raise RulesError(QT_TRANSLATE_NOOP("DataTerraError", "Unknown DINAMIS product '{product_id}'; known "
                                           "products: {rules}."),
            product_id=product_id,
            rules=', '.join(rules['products']))
    return next(e for e in eligibility(profile, rules) if e.product_id == product_id)


def quota_estimate(product_id: str, area_km2: float, rules: dict, stereo: bool = False) -> dict:
    """Quota units a request uses: ``max(area, minimum) * factor`` (doubled for stereo).

    Returns a dict with ``billed_km2`` (area charged after the minimum order size),
    ``quota_units`` and ``unit``.
    """
    quota = rules["products"][product_id].get("quota", {"unit": "km2", "factor": 0.0, "minimum_km2": 0})
    billed = max(float(area_km2), float(quota.get("minimum_km2", 0)))
    units = billed * float(quota["factor"]) * (2 if stereo else 1)
    return {"billed_km2": round(billed, 3), "quota_units": round(units, 3), "unit": quota["unit"]}
