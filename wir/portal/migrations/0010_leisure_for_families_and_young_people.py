"""Split the leisure category into "families" and "young people".

An offer of the old category "leisure" becomes "leisure_youth" when it is for young people
(target groups "youth" or "young_adults") and not for families or children; every other one
becomes "leisure_families". All translations of an offer (one translation_key) get the same
category, decided on the target groups of all of them. The offers' revisions and their
wagtail-localize source snapshots are changed alike, so that publishing an older draft or a
translation does not bring the old value back. Backwards, both become "leisure" again.
"""

import json

from django.db import migrations, models

OLD = "leisure"
FAMILIES = "leisure_families"
YOUTH = "leisure_youth"
YOUNG = {"youth", "young_adults"}
FAMILY = {"families", "children"}


def new_categories(apps):
    """translation_key → new category, for every offer of the old category."""
    Offer = apps.get_model("portal", "Offer")
    through = Offer.target_groups.through
    rows = Offer.objects.filter(category=OLD).values_list("pk", "translation_key")
    key_of = dict(rows)
    groups = {key: set() for key in key_of.values()}
    for offer_id, code in through.objects.filter(offer_id__in=list(key_of)).values_list(
        "offer_id", "targetgroup__code"
    ):
        groups[key_of[offer_id]].add(code)
    return {
        key: YOUTH if codes & YOUNG and not codes & FAMILY else FAMILIES
        for key, codes in groups.items()
    }


def change(apps, decide):
    """Set the category of offers, their revisions and localize sources to decide(key, old)."""
    Offer = apps.get_model("portal", "Offer")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    offers = list(Offer.objects.values_list("pk", "translation_key", "category"))
    changed = {}
    for pk, key, category in offers:
        new = decide(key, category)
        if new is not None and new != category:
            changed[pk] = (key, new)
    for pk, (_key, new) in changed.items():
        Offer.objects.filter(pk=pk).update(category=new)
    content_type = ContentType.objects.filter(app_label="portal", model="offer").first()
    if content_type is None:
        return
    revisions = Revision.objects.filter(
        base_content_type=content_type, object_id__in=[str(pk) for pk in changed]
    )
    for revision in revisions.iterator():
        content = revision.content or {}
        _key, new = changed[int(revision.object_id)]
        if content.get("category") not in (None, new):
            content["category"] = new
            revision.content = content
            revision.save(update_fields=["content"])
    try:
        Source = apps.get_model("wagtail_localize", "TranslationSource")
    except LookupError:  # wagtail-localize not installed
        return
    keys = {key: new for key, new in changed.values()}
    for source in Source.objects.filter(
        specific_content_type=content_type, object_id__in=list(keys)
    ).iterator():
        data = json.loads(source.content_json)
        if data.get("category") not in (None, keys[source.object_id]):
            data["category"] = keys[source.object_id]
            source.content_json = json.dumps(data)  # parsed JSON holds only JSON types
            source.save(update_fields=["content_json"])


def split(apps, schema_editor):
    categories = new_categories(apps)
    change(apps, lambda key, category: categories.get(key) if category == OLD else None)


def merge(apps, schema_editor):
    change(apps, lambda key, category: OLD if category in (FAMILIES, YOUTH) else None)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0009_feedback_on_places_and_events"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.AlterField(
            model_name="offer",
            name="category",
            field=models.CharField(
                choices=[
                    ("first_contact", "Erste Anlaufstelle"),
                    ("counselling", "Beratung"),
                    ("language_course", "Sprachkurs"),
                    ("vocational_training", "Ausbildung und Weiterbildung"),
                    ("apprenticeship_exchange", "Ausbildungsstellenbörse"),
                    ("leisure_families", "Freizeit für Familien"),
                    ("leisure_youth", "Freizeit für Jugendliche"),
                ],
                max_length=30,
                verbose_name="Kategorie",
            ),
        ),
        migrations.RunPython(split, merge),
    ]
