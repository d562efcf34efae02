"""Checks of the demo district's network, run on the one shared demo build of
tests/demo/test_load_demo.py (building the demo takes most of a minute; a second build
only for these checks doubled that): organisations of every type, opening processes at
every stage with two years of self-assessments, concepts, meetings with minutes and tasks;
no people; the partner account sees its club."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tests.conftest import verified_client
from wir.accounts.models import User
from wir.core.models import Region
from wir.network.models import (
    ContactRole,
    Meeting,
    NetworkTask,
    OpeningProcess,
    OpeningStage,
    Organisation,
    OrganisationKind,
    SelfAssessment,
    WelcomeConcept,
)


def check_network(region: Region, output: str) -> list[str]:
    """Assert what the demo's network holds; return its organisations' names."""
    assert "Netzwerk: 62 Organisationen" in output
    organisations = Organisation.objects.filter(region=region)
    assert 55 <= organisations.count() <= 65
    assert set(organisations.values_list("kind", flat=True)) == set(OrganisationKind.values)
    assert organisations.values("town").distinct().count() >= 15
    stages = set(OpeningProcess.objects.values_list("stage", flat=True))
    assert stages == set(OpeningStage.values)
    days = SelfAssessment.objects.values_list("assessed_on", flat=True)
    assert min(days) <= timezone.localdate() - timedelta(days=730)
    assert WelcomeConcept.objects.count() >= 4
    assert WelcomeConcept.objects.filter(is_public=True).exclude(public_summary="").exists()
    assert Meeting.objects.exclude(minutes="").count() >= 4
    assert NetworkTask.objects.count() >= 10
    assert not ContactRole.objects.exclude(person_name="").exists()  # roles, no people
    partner = verified_client(User.objects.get(username="partner"))
    response = partner.get("/netzwerk/", follow=True)
    assert response.status_code == 200
    own = response.context["organisation"]
    assert own.kind == "sports_club"
    assert partner.get(f"/netzwerk/organisation/{own.pk}/oeffnung/").status_code == 200
    coordination = verified_client(User.objects.get(username="koordination"))
    overview = coordination.get("/netzwerk/wetterau/oeffnung/")
    assert overview.status_code == 200
    assert sum(count for _label, count in overview.context["stages"]) >= 16
    return sorted(organisations.values_list("name", flat=True))
