"""Residents: public pages, the API, the offline bundle, and "Was this page helpful?"."""

from __future__ import annotations

from typing import Any

from scenarios import Data, Request, Scenario, letters

REGION = "wetterau"
PAGES = [
    "/",
    f"/{REGION}/de/",
    f"/{REGION}/de/erste-schritte/",
    f"/{REGION}/ar/erste-schritte/",
    f"/{REGION}/de/was-ist-wo/",
    f"/{REGION}/de/was-ist-wo/?kategorie=counselling&kostenlos=1",
    f"/{REGION}/de/suche/?q=Beratung",
]
API = [
    f"/api/v3/{REGION}/de/pages/",
    f"/api/v1/regions/{REGION}/de/pages/?page_size=50",
]
OFFLINE = [
    f"/offline/{REGION}/de/manifest.json",
    f"/offline/{REGION}/de/search-index.json",
]


def _pick(paths: list[str], token: str) -> str:
    return paths[int(token[:8], 16) % len(paths)]


def prepare() -> Data:
    """A page to give feedback on."""
    from wir.portal.models import ContentPage

    page = ContentPage.objects.live().filter(url_path__startswith=f"/{REGION}/de/").first()
    assert page is not None
    return {"page": page.pk}


def bundle() -> None:
    """The offline bundle of the current content, so that the run measures serving it (a
    visitor asking for a missing bundle would start a build in the web process)."""
    from wir.core.models import Region
    from wir.offline.bundles import get_bundle

    get_bundle(Region.objects.get(slug=REGION), "de")  # built and stored unless current


def feedback(data: Data, token: str) -> Request:
    form = {"page": str(data["page"]), "helpful": "ja", "comment": f"bench {letters(token)}"}
    return Request("POST", "/rueckmeldung/", form, headers={"Sec-Fetch-Site": "same-origin"})


def feedback_expect(data: Data, token: str) -> tuple[str, dict[str, Any]]:
    return ("portal.Feedback", {"comment": f"bench {letters(token)}"})


SCENARIOS = [
    Scenario("public_page", 50, lambda data, token: Request("GET", _pick(PAGES, token))),
    Scenario("api", 15, lambda data, token: Request("GET", _pick(API, token))),
    Scenario(
        "offline_bundle",
        5,
        lambda data, token: Request("GET", _pick(OFFLINE, token)),
        settle=bundle,
    ),
    Scenario(
        "feedback",
        8,
        feedback,
        write=True,
        prepare=prepare,
        acknowledged=lambda status, headers, body: (
            status == 302
            and "rueckmeldung=danke" in headers.get("Location", headers.get("location", ""))
        ),
        expect=feedback_expect,
    ),
]
