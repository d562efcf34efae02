"""/api/v1/: what an app developer sees, bad input included."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import Page

from tests.api.openapi import check_answer
from tests.conftest import CapturedQueries, QueryCount, translate_offer
from wir.portal.actions import publish
from wir.portal.models import Contact, ContentPage, Event, Feedback, PageOffer

pytestmark = pytest.mark.django_db

BASE = "/api/v1/regions/testkreis"
BERLIN = ZoneInfo("Europe/Berlin")


def get(path: str, **headers: str) -> Any:
    response = Client().get(path, headers=headers)
    check_answer("get", path, response)
    return response


def data(path: str) -> Any:
    response = get(path)
    assert response.status_code == 200, response.content
    return response.json()


# --- regions and languages -------------------------------------------------------------


def test_regions_list_and_detail(region: Any) -> None:
    listed = data("/api/v1/regions/")
    assert listed["count"] == 1
    assert listed["results"][0]["slug"] == "testkreis"
    detail = data(f"{BASE}/")
    assert [lang["code"] for lang in detail["languages"]] == ["de", "en", "ar"]
    assert detail["languages"][2]["direction"] == "rtl"
    assert detail["bbox"] == [8.6, 50.1, 9.3, 50.5]


def test_unknown_region_and_language_are_404_json(region: Any) -> None:
    for path in ("/api/v1/regions/nirgendwo/", f"{BASE}/xx/pages/", "/api/v1/gibtsnicht/"):
        response = get(path)
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"
        assert response.json()["detail"]


# --- pages -------------------------------------------------------------------------------


def test_pages_in_tree_order_with_parents_and_translations(tree: dict[str, Page]) -> None:
    pages = data(f"{BASE}/de/pages/")
    by_title = {page["title"]: page for page in pages["results"]}
    assert list(by_title) == ["Erste Schritte", "Anmelden"]  # no draft
    assert by_title["Erste Schritte"]["parent"] is None
    assert by_title["Erste Schritte"]["depth"] == 1
    assert by_title["Anmelden"]["parent"] == tree["first"].pk
    assert by_title["Anmelden"]["path"] == "/testkreis/de/erste-schritte/anmelden/"
    assert by_title["Erste Schritte"]["available_languages"] == {
        "de": tree["first"].pk,
        "ar": tree["arabic"].pk,
    }
    arabic = data(f"{BASE}/ar/pages/")
    assert [page["title"] for page in arabic["results"]] == ["الخطوات الأولى"]


def test_page_detail_children_ancestors_tree(tree: dict[str, Page]) -> None:
    first, child = tree["first"], tree["child"]
    detail = data(f"{BASE}/de/pages/{child.pk}/")
    assert "<b>Bürgerbüro</b>" in detail["body"]
    assert detail["embedded_offers"] == []
    children = data(f"{BASE}/de/pages/{first.pk}/children/")
    assert [page["id"] for page in children["results"]] == [child.pk]
    ancestors = data(f"{BASE}/de/pages/{child.pk}/ancestors/")
    assert [page["id"] for page in ancestors["results"]] == [first.pk]
    tree_out = data(f"{BASE}/de/pages/tree/?depth=2")
    assert tree_out[0]["children"][0]["title"] == "Anmelden"
    assert data(f"{BASE}/de/pages/tree/?depth=1")[0]["children"] == []


def test_page_of_other_language_draft_or_region_is_404(tree: dict[str, Page]) -> None:
    assert get(f"{BASE}/ar/pages/{tree['child'].pk}/").status_code == 404
    assert get(f"{BASE}/de/pages/{tree['draft'].pk}/").status_code == 404
    assert get(f"{BASE}/de/pages/999999/").status_code == 404


def test_embedded_offers_in_page(
    tree: dict[str, Page], directory: Any, towns: Any, make_offer: Any
) -> None:
    course = make_offer("Integrationskurs Nidda", towns["Nidda"], category="language_course")
    draft = make_offer("Entwurf", towns["Nidda"], publish_it=False)
    for position, offer in enumerate((course, draft)):
        PageOffer.objects.create(page=tree["first"], offer=offer, sort_order=position)
    detail = data(f"{BASE}/de/pages/{tree['first'].pk}/")
    assert [offer["title"] for offer in detail["embedded_offers"]] == ["Integrationskurs Nidda"]
    assert detail["embedded_offers"][0]["path"] == f"/testkreis/de/was-ist-wo/angebot/{course.pk}/"


# --- offers and places -------------------------------------------------------------------


def test_offers_with_filters_language_fallback_and_distance(
    directory: Any, towns: Any, make_offer: Any, make_place: Any
) -> None:
    town_hall = make_place(towns["Büdingen"], name="Rathaus Büdingen")
    course = make_offer(
        "Sprachkurs Büdingen", towns["Büdingen"], category="language_course", place=town_hall
    )
    make_offer("Beratung Friedberg", towns["Friedberg"])
    make_offer(
        "Beratung alt", towns["Friedberg"], valid_until=timezone.localdate() - timedelta(days=1)
    )
    make_offer("Entwurf", towns["Friedberg"], publish_it=False)
    translate_offer(course, "ar", "دورة لغة")

    everything = data(f"{BASE}/de/offers/")
    assert sorted(o["title"] for o in everything["results"]) == [
        "Beratung Friedberg",
        "Sprachkurs Büdingen",
    ]
    courses = data(f"{BASE}/de/offers/?category=language_course")
    assert [o["title"] for o in courses["results"]] == ["Sprachkurs Büdingen"]
    place = courses["results"][0]["place"]
    assert [day["weekday"] for day in place["opening_hours"]] == list(range(7))
    assert place["path"] == f"/testkreis/de/was-ist-wo/ort/{town_hall.pk}/"

    arabic = data(f"{BASE}/ar/offers/?near={towns['Friedberg'].pk}")
    assert [(o["title"], o["language"]) for o in arabic["results"]] == [
        ("Beratung Friedberg", "de"),
        ("دورة لغة", "ar"),
    ]
    assert arabic["results"][0]["distance_km"] == 0.0
    assert 20 < arabic["results"][1]["distance_km"] < 30


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("category=sport", "category"),
        ("target_group=aliens", "target_group"),
        ("language=klingon", "language"),
        ("municipality=abc", "municipality"),
        ("municipality=999999", "municipality"),
        ("near=999999", "near"),
        ("free=vielleicht", "free"),
        ("page=abc", "page"),
        ("page=0", "page"),
        ("page_size=100000", "page_size"),
    ],
)
def test_bad_offer_filters_are_400_with_the_parameter(
    directory: Any, query: str, parameter: str
) -> None:
    response = get(f"{BASE}/de/offers/?{query}")
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter
    assert parameter in response.json()["detail"]


def test_pagination_links(directory: Any, towns: Any, make_offer: Any) -> None:
    for n in range(5):
        make_offer(f"Beratung {n}", towns["Nidda"])
    first = data(f"{BASE}/de/offers/?page_size=2")
    assert first["count"] == 5
    assert first["next"] == f"{BASE}/de/offers/?page=2&page_size=2"
    last = data(f"{BASE}/de/offers/?page=3&page_size=2")
    assert [o["title"] for o in last["results"]] == ["Beratung 4"]
    assert last["next"] is None
    assert last["previous"] == f"{BASE}/de/offers/?page=2&page_size=2"


def test_offer_and_place_detail(
    directory: Any, towns: Any, make_offer: Any, make_place: Any
) -> None:
    place = make_place(towns["Nidda"], name="Bürgerhaus Nidda")
    offer = make_offer("Beratung", towns["Nidda"], place=place)
    draft = make_offer("Entwurf", towns["Nidda"], publish_it=False)
    assert data(f"{BASE}/de/offers/{offer.pk}/")["place"]["name"] == "Bürgerhaus Nidda"
    assert get(f"{BASE}/de/offers/{draft.pk}/").status_code == 404
    assert data(f"{BASE}/de/places/{place.pk}/")["municipality"] == "Nidda"
    listed = data(f"{BASE}/de/places/?municipality={towns['Nidda'].pk}")
    assert [p["name"] for p in listed["results"]] == ["Bürgerhaus Nidda"]


# --- events ------------------------------------------------------------------------------


def make_event(region: Any, town: Any, title: str, start: datetime, rule: str = "") -> Event:
    from wagtail.models import Locale

    event = Event(
        region=region,
        locale=Locale.objects.get(language_code="de"),
        title=title,
        summary="Kurz",
        organiser="Verein",
        area=town,
        start=start,
        end=start + timedelta(hours=2),
        recurrence=rule,
    )
    event.save()
    event.save_revision().publish()
    return event


def test_events_expand_occurrences_in_the_window(region: Any, towns: Any) -> None:
    start = datetime(2027, 3, 1, 18, 0, tzinfo=BERLIN)  # a Monday
    weekly = make_event(region, towns["Nidda"], "Sprachcafé", start, "FREQ=WEEKLY;BYDAY=MO")
    make_event(region, towns["Nidda"], "Fest", datetime(2027, 3, 10, 15, 0, tzinfo=BERLIN))
    listed = data(f"{BASE}/de/events/?from=2027-03-01&to=2027-03-14")
    assert [(o["title"], o["start"][:10]) for o in listed["results"]] == [
        ("Sprachcafé", "2027-03-01"),
        ("Sprachcafé", "2027-03-08"),
        ("Fest", "2027-03-10"),
    ]
    detail = data(f"{BASE}/de/events/{weekly.pk}/")
    assert detail["recurrence"] == (
        "DTSTART;TZID=Europe/Berlin:20270301T180000\nRRULE:FREQ=WEEKLY;BYDAY=MO"
    )


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("from=morgen", "from"),
        ("from=2027-03-10&to=2027-03-01", "to"),
        ("from=2027-01-01&to=2028-06-01", "to"),
        ("from=9999-12-31", "from"),
        ("from=9999-12-30&to=9999-12-31", "from"),
        ("from=2027-01-01&to=9999-12-31", "to"),
        ("from=0001-01-01", "from"),
    ],
)
def test_bad_event_window(region: Any, query: str, parameter: str) -> None:
    response = get(f"{BASE}/de/events/?{query}")
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter
    assert parameter in response.json()["detail"]


# --- contacts, search -------------------------------------------------------------------


def test_contacts_by_topic(region: Any) -> None:
    from wagtail.models import Locale

    Contact.objects.create(
        region=region,
        locale=Locale.objects.get(language_code="de"),
        topic="volunteering",
        role="WIR-Koordination — Ehrenamt",
        phone="+49 6031 000-1",
    )
    listed = data(f"{BASE}/de/contacts/?topic=volunteering")
    assert [c["role"] for c in listed["results"]] == ["WIR-Koordination — Ehrenamt"]
    assert data(f"{BASE}/de/contacts/?topic=health")["count"] == 0
    response = get(f"{BASE}/de/contacts/?topic=sport")
    assert response.status_code == 400
    assert response.json()["parameter"] == "topic"


def test_search(tree: dict[str, Page]) -> None:
    found = data(f"{BASE}/de/search/?q=Anmelden")
    assert [hit["title"] for hit in found["results"]] == ["Anmelden"]
    assert found["results"][0]["path"] == "/testkreis/de/erste-schritte/anmelden/"
    missing = get(f"{BASE}/de/search/")
    assert missing.status_code == 400
    assert missing.json()["parameter"] == "q"
    # Paginated like every list: one hit per page, the next page, the page after the end.
    for number in range(3):
        extra = ContentPage(title=f"Sprechstunde {number}", slug=f"sprechstunde-{number}")
        tree["first"].add_child(instance=extra)
        publish(extra)
    everything = data(f"{BASE}/de/search/?q=Sprechstunde")
    assert everything["count"] == 3
    first = data(f"{BASE}/de/search/?q=Sprechstunde&page_size=1")
    assert first["count"] == 3
    assert len(first["results"]) == 1
    assert first["next"].endswith("page=2&page_size=1&q=Sprechstunde")
    second = data(f"{BASE}/de/search/?q=Sprechstunde&page_size=1&page=2")
    assert second["results"] == everything["results"][1:2]
    assert data(f"{BASE}/de/search/?q=Sprechstunde&page=99")["results"] == []
    bad = get(f"{BASE}/de/search/?q=Sprechstunde&page_size=0")
    assert bad.status_code == 400
    assert bad.json()["parameter"] == "page_size"


# --- feedback ----------------------------------------------------------------------------


def post(path: str, body: Any, address: str = "192.0.2.1") -> Any:
    response = Client(REMOTE_ADDR=address).post(
        path,
        json.dumps(body) if not isinstance(body, str) else body,
        content_type="application/json",
    )
    check_answer("post", path, response)
    return response


def test_feedback_is_stored_anonymously(tree: dict[str, Page]) -> None:
    response = post(
        f"{BASE}/de/feedback/", {"page": tree["first"].pk, "helpful": False, "comment": "Zu lang"}
    )
    assert response.status_code == 201
    stored = Feedback.objects.get()
    assert (stored.page_id, stored.helpful, stored.comment) == (tree["first"].pk, False, "Zu lang")


def test_feedback_keeps_no_contact_data(tree: dict[str, Page]) -> None:
    comment = "Ruf an: +49 6031 83-1234, Mail a.b@example.org"
    body = {"page": tree["first"].pk, "helpful": False, "comment": comment}
    assert post(f"{BASE}/de/feedback/", body).status_code == 201
    assert Feedback.objects.get().comment == (
        "Ruf an: [Telefonnummer entfernt], Mail [E-Mail entfernt]"
    )


@pytest.mark.parametrize(
    ("body", "parameter"),
    [
        ({"helpful": True}, "page"),
        ({"page": "x", "helpful": True}, "page"),
        ({"page": 999999, "helpful": True}, "page"),
        ({"page": 1, "helpful": True, "comment": "x" * 1001}, "comment"),
        ("{kein json", None),
    ],
)
def test_bad_feedback_changes_nothing(
    tree: dict[str, Page], body: Any, parameter: str | None
) -> None:
    response = post(f"{BASE}/de/feedback/", body)
    assert response.status_code == 400
    if parameter:
        assert response.json()["parameter"] == parameter
    assert not Feedback.objects.exists()


def test_feedback_on_a_place_or_an_event(tree: dict[str, Page], towns, make_place) -> None:
    from datetime import timedelta

    from django.utils import timezone
    from wagtail.models import Locale

    from wir.portal.models import Event

    place = make_place(towns["Nidda"], "Familienzentrum")
    soon = timezone.now() + timedelta(days=1)
    event = Event.objects.create(
        region=place.region,
        locale=Locale.objects.get(language_code="de"),
        title="Sprachcafé",
        summary="Deutsch üben",
        organiser="Initiative",
        area=towns["Nidda"],
        start=soon,
        end=soon + timedelta(hours=1),
    )
    event.save_revision().publish()
    page = tree["first"].pk
    assert (
        post(f"{BASE}/de/feedback/", {"page": page, "place": place.pk, "helpful": True}).status_code
        == 201
    )
    assert (
        post(
            f"{BASE}/de/feedback/", {"page": page, "event": event.pk, "helpful": False}
        ).status_code
        == 201
    )
    assert [(f.place, f.event) for f in Feedback.objects.order_by("pk")] == [
        (place, None),
        (None, event),
    ]
    Event.objects.filter(pk=event.pk).update(expire_at=timezone.now())  # expired, still live
    for body, parameter in (
        ({"place": 999999}, "place"),
        ({"event": event.pk}, "event"),
        ({"event": "x"}, "event"),
    ):
        response = post(f"{BASE}/de/feedback/", {"page": page, "helpful": True, **body})
        assert response.status_code == 400, body
        assert response.json()["parameter"] == parameter
    assert Feedback.objects.count() == 2


def test_feedback_rate_limit(tree: dict[str, Page]) -> None:
    body = {"page": tree["first"].pk, "helpful": True}
    statuses = [post(f"{BASE}/de/feedback/", body, "192.0.2.9").status_code for _ in range(11)]
    assert statuses == [201] * 10 + [429]
    assert post(f"{BASE}/de/feedback/", body, "192.0.2.10").status_code == 201


# --- caching, privacy, documents ---------------------------------------------------------


def test_conditional_requests_and_invalidation(tree: dict[str, Page]) -> None:
    first = get(f"{BASE}/de/pages/")
    assert first["Access-Control-Allow-Origin"] == "*"
    assert get(f"{BASE}/de/pages/", If_None_Match=first["ETag"]).status_code == 304
    assert get(f"{BASE}/de/pages/", If_Modified_Since=first["Last-Modified"]).status_code == 304
    tree["first"].title = "Erste Schritte im Kreis"
    publish(tree["first"])
    changed = get(f"{BASE}/de/pages/", If_None_Match=first["ETag"])
    assert changed.status_code == 200
    assert "Erste Schritte im Kreis" in changed.text


def test_compressed_answers(tree: dict[str, Page]) -> None:
    import brotli

    plain = get(f"{BASE}/de/pages/")
    assert len(plain.content) >= 512  # big enough to be compressed
    response = get(f"{BASE}/de/pages/", Accept_Encoding="gzip, br")
    assert response["Content-Encoding"] == "br"
    assert brotli.decompress(response.content) == plain.content


def test_no_personal_data_anywhere(tree: dict[str, Page], make_user: Any, region: Any) -> None:
    editor = make_user("redakteurin.geheim", "editor", region)
    editor.email = "geheim@example.org"
    editor.save()
    tree["first"].save_revision(user=editor).publish(user=editor)
    post(
        f"{BASE}/de/feedback/",
        {"page": tree["first"].pk, "helpful": True, "comment": "Privat-Kommentar"},
    )
    answers = "".join(
        get(path).text
        for path in (
            "/api/v1/regions/",
            f"{BASE}/",
            f"{BASE}/de/pages/",
            f"{BASE}/de/pages/{tree['first'].pk}/",
            f"{BASE}/de/search/?q=Erste",
        )
    )
    for secret in ("redakteurin", "geheim@example.org", "Privat-Kommentar"):
        assert secret not in answers


def test_query_count_does_not_grow_with_rows(
    directory: Any, towns: Any, make_offer: Any, make_place: Any, query_count: QueryCount
) -> None:
    def count(path: str) -> CapturedQueries:
        with query_count.capture() as queries:
            assert get(path).status_code == 200
        return queries

    place = make_place(towns["Nidda"])
    make_offer("Eins", towns["Nidda"], place=place, groups=("families",), languages=("ar",))
    few = (
        count(f"{BASE}/de/offers/?x=1"),
        count(f"{BASE}/de/places/?x=1"),
        count(f"{BASE}/de/pages/?x=1"),
    )
    for n in range(6):
        place = make_place(towns["Büdingen"], name=f"Haus {n}")
        make_offer(
            f"Angebot {n}",
            towns["Büdingen"],
            place=place,
            groups=("families",),
            languages=("ar", "fa"),
        )
    many = (
        count(f"{BASE}/de/offers/?x=2"),
        count(f"{BASE}/de/places/?x=2"),
        count(f"{BASE}/de/pages/?x=2"),
    )
    for before, after in zip(few, many, strict=True):
        query_count.assert_same(before, after)


def test_openapi_document_and_docs_page(region: Any) -> None:
    spec = data("/api/v1/openapi.json")
    assert spec["openapi"].startswith("3.1")
    assert "/api/v1/regions/{region}/{language}/offers/" in spec["paths"]
    offers = spec["paths"]["/api/v1/regions/{region}/{language}/offers/"]["get"]
    assert {"category", "near", "open_now"} <= {p["name"] for p in offers["parameters"]}
    # links from each list to its items, for clients and the fuzzing (test_v1_fuzz.py)
    link = offers["responses"]["200"]["links"]["offer_detail"]
    assert link["parameters"]["offer_id"] == "$response.body#/results/0/id"
    docs = get("/api/v1/docs/")
    assert docs.status_code == 200
    assert "swagger-ui" in docs.text
