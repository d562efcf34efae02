"""Migration 0010 splits the leisure category into families and young people."""

import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models.signals import post_save
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale, Revision
from wagtail_localize.models import TranslatableObject, TranslationSource

from wir.portal import search_index
from wir.portal.models import Offer, TargetGroup

BEFORE = [("portal", "0009_feedback_on_places_and_events")]
AFTER = [("portal", "0010_leisure_for_families_and_young_people")]


def migrate(targets) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def migrate_to_latest() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_existing_leisure_offers_are_split_with_revisions_and_sources(region, towns) -> None:
    # The search index (portal 0014) does not exist in the schema of 0009: offers saved
    # there are not indexed.
    post_save.disconnect(search_index.snippet_saved, sender=Offer)
    migrate(BEFORE)
    try:
        _check_split(region, towns)
    finally:
        post_save.connect(search_index.snippet_saved, sender=Offer)
        migrate_to_latest()  # later tests expect the current schema


def _check_split(region, towns) -> None:
    german, arabic = Locale.objects.get(language_code="de"), Locale.objects.get(language_code="ar")
    groups = {group.code: group.pk for group in TargetGroup.objects.all()}
    through = Offer.target_groups.through
    offer_type = ContentType.objects.get_for_model(Offer)

    def old_offer(title: str, codes: tuple[str, ...], category: str = "leisure", **fields):
        offer = Offer(
            region=region,
            locale=fields.pop("locale", german),
            category="counselling",
            title=title,
            summary=title,
            provider="Verein",
            area=towns["Nidda"],
            **fields,
        )
        offer.save()
        # The old value, written as the schema before the migration allowed it.
        Offer.objects.filter(pk=offer.pk).update(category=category)
        through.objects.bulk_create(
            through(offer_id=offer.pk, targetgroup_id=groups[code]) for code in codes
        )
        Revision.objects.create(
            content_type=offer_type,
            base_content_type=offer_type,
            object_id=str(offer.pk),
            created_at=timezone.now(),
            content={"pk": offer.pk, "title": title, "category": category},
            object_str=title,
        )
        return offer

    youth = old_offer("Jugendtreff", ("youth",))
    youth_ar = old_offer(
        "نادي الشباب", (), locale=arabic, translation_key=youth.translation_key
    )  # a translation without target groups follows its original
    family = old_offer("Familiencafé", ("families", "children"))
    both = old_offer("Ferienspiele", ("youth", "children"))  # for families too: families
    none = old_offer("Spielplatzfest", ())
    young_adults = old_offer("Kletterkurs", ("young_adults", "women"))
    course = old_offer("Integrationskurs", ("youth",), category="language_course")
    source_object = TranslatableObject.objects.create(
        translation_key=youth.translation_key, content_type=offer_type
    )
    TranslationSource.objects.create(
        object=source_object,
        specific_content_type=offer_type,
        locale=german,
        object_repr="Jugendtreff",
        content_json=json.dumps({"pk": youth.pk, "title": "Jugendtreff", "category": "leisure"}),
        last_updated_at=timezone.now(),
    )

    migrate(AFTER)

    def category(offer) -> str:
        return Offer.objects.values_list("category", flat=True).get(pk=offer.pk)

    assert category(youth) == category(youth_ar) == "leisure_youth"
    assert category(young_adults) == "leisure_youth"
    assert category(family) == category(both) == category(none) == "leisure_families"
    assert category(course) == "language_course"
    revision = Revision.objects.get(object_id=str(youth.pk), base_content_type=offer_type)
    assert revision.content["category"] == "leisure_youth"
    assert Revision.objects.get(object_id=str(course.pk)).content["category"] == "language_course"
    source = TranslationSource.objects.get(object=source_object)
    assert json.loads(source.content_json)["category"] == "leisure_youth"

    migrate(BEFORE)  # and back: one category again
    assert {category(o) for o in (youth, youth_ar, family, both)} == {"leisure"}
    assert category(course) == "language_course"


@pytest.mark.django_db
def test_old_links_to_the_leisure_category_show_both_without_a_notice(
    region, directory, towns, make_offer
) -> None:
    make_offer("Jugendtreff", towns["Nidda"], category="leisure_youth")
    make_offer("Familiencafé", towns["Nidda"], category="leisure_families")
    make_offer("Migrationsberatung", towns["Nidda"])
    response = Client().get("/testkreis/de/was-ist-wo/?kategorie=leisure")
    assert "Familiencafé" in response.text
    assert "Jugendtreff" in response.text
    assert "Migrationsberatung" not in response.text
    assert "Unbekannter Filterwert" not in response.text
    assert 'value="leisure_families" id="kategorie-leisure_families" checked' in response.text
    api = Client().get("/api/v1/regions/testkreis/de/offers/?category=leisure").json()
    assert sorted(o["title"] for o in api["results"]) == ["Familiencafé", "Jugendtreff"]
    youth = Client().get("/api/v1/regions/testkreis/de/offers/?category=leisure_youth").json()
    assert [o["title"] for o in youth["results"]] == ["Jugendtreff"]
