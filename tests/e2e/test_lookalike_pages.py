"""The catalogue page: a look-alike name is refused in words, and can be confirmed."""

from __future__ import annotations

from registry.accounts import DEMO_PASSWORD
from tests.e2e.office import API, demo_office
from tests.e2e.web import log_in


def test_the_catalogue_page_refuses_a_look_alike_until_the_facilitator_confirms() -> None:
    for office in demo_office():
        csrf = log_in(office.client, "moderator", DEMO_PASSWORD)
        form = {"csrf": csrf, "name": "fundacja zielony prog", "subtype": "ngo"}
        before = office.facts()
        refused = office.client.post("/gminy/2640013/katalog", data=form, follow_redirects=False)
        assert refused.status_code == 409
        assert "Zielony Próg" in refused.text and "different_stakeholder" in refused.text
        assert office.facts() == before
        confirmed = office.client.post(
            "/gminy/2640013/katalog",
            data={**form, "different_stakeholder": "1"},
            follow_redirects=False,
        )
        assert confirmed.status_code == 303
        names = [s["name"] for s in office.client.get(API + "/stakeholders").json()]
        assert "fundacja zielony prog" in names
