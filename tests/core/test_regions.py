from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from wagtail.models import Locale

from wir.core.actions import add_area, create_region, enable_language
from wir.core.languages import CATALOGUE
from wir.core.models import Area, Language, Region

pytestmark = pytest.mark.django_db

BBOX = (Decimal("8.6"), Decimal("50.1"), Decimal("9.3"), Decimal("50.5"))


def new_region(slug: str = "kreis", **overrides: object) -> Region:
    arguments: dict = {
        "slug": slug,
        "name": "Beispielkreis",
        "prefix": Region.Prefix.LANDKREIS,
        "centre": (Decimal("50.3"), Decimal("8.8")),
        "bbox": BBOX,
        "language_codes": ["en", "ar"],
    }
    arguments.update(overrides)
    return create_region(**arguments)


def test_catalogue_is_mirrored_into_the_database_with_directions() -> None:
    assert Language.objects.count() == len(CATALOGUE)
    assert Language.objects.get(code="ar").is_rtl
    assert Language.objects.get(code="fa").is_rtl
    assert not Language.objects.get(code="ti").is_rtl
    assert Language.objects.get(code="uk").native_name == "Українська"


def test_region_always_has_german_first_and_gets_wagtail_locales() -> None:
    region = new_region(language_codes=["ar", "en"])
    codes = list(region.region_languages.values_list("language__code", flat=True))
    assert codes == ["de", "ar", "en"]
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"de", "ar", "en"}
    assert region.full_name == "Landkreis Beispielkreis"


def test_unknown_language_is_refused_and_nothing_is_created() -> None:
    with pytest.raises(ValidationError, match="xx"):
        new_region(language_codes=["en", "xx"])
    assert not Region.objects.exists()
    region = new_region()
    with pytest.raises(ValidationError):
        enable_language(region, "klingon")


def test_centre_outside_bounding_box_is_rejected() -> None:
    with pytest.raises(ValidationError):
        new_region(centre=(Decimal("52.5"), Decimal("13.4")))
    assert not Region.objects.exists()


def test_database_enforces_a_non_empty_bounding_box() -> None:
    region = new_region()
    region.bbox_north = region.bbox_south - 1
    with pytest.raises(IntegrityError), transaction.atomic():
        region.save()


def test_area_tree_municipalities_on_top_districts_below() -> None:
    region = new_region()
    town = add_area(region, "Büdingen", Area.Kind.MUNICIPALITY, Decimal("50.29"), Decimal("9.11"))
    part = add_area(
        region, "Düdelsheim", Area.Kind.DISTRICT, Decimal("50.27"), Decimal("9.06"), parent=town
    )
    assert town.slug == "budingen"
    assert list(town.children.all()) == [part]
    with pytest.raises(ValidationError):  # same name twice in one municipality
        add_area(region, "Düdelsheim", Area.Kind.DISTRICT, Decimal("50"), Decimal("9"), parent=town)
    with pytest.raises(IntegrityError), transaction.atomic():  # a district needs a parent
        Area.objects.create(
            region=region,
            kind=Area.Kind.DISTRICT,
            name="Lose",
            slug="lose",
            latitude=Decimal("50.3"),
            longitude=Decimal("8.8"),
        )


def test_area_parent_must_belong_to_the_same_region() -> None:
    first = new_region("erster")
    second = new_region("zweiter")
    town = add_area(first, "Nidda", Area.Kind.MUNICIPALITY, Decimal("50.41"), Decimal("9.01"))
    with pytest.raises(ValidationError, match="anderen Region"):
        add_area(second, "Ulfa", Area.Kind.DISTRICT, Decimal("50.4"), Decimal("9.0"), parent=town)
