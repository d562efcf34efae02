"""Admin views of machine translation: batch page, single object, job progress, review.

Thin: the work is in `machine`, permissions in `wir.accounts.permissions`. Every region
is checked for `Perm.TRANSLATE_CONTENT`; missing and forbidden look alike (404).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from wir.accounts.permissions import can, can_translate, region_id_of, regions_where
from wir.accounts.roles import Perm
from wir.core.models import Region, RegionLanguage
from wir.translation.machine import actions, jobs, providers
from wir.translation.machine.tasks import run_machine_job
from wir.translation.models import MachineTranslation, TranslationJob

NO_MACHINE = {jobs.SOURCE_LANGUAGE, jobs.EASY_GERMAN}


def machine_languages(region: Region) -> list[tuple[str, str]]:
    """(code, German name) of the region's languages a machine may translate into."""
    rows = (
        RegionLanguage.objects.filter(region=region)
        .exclude(language__code__in=NO_MACHINE)
        .select_related("language")
        .order_by("position", "language__code")
    )
    return [(row.language.code, row.language.name_de) for row in rows]


def _region(request: HttpRequest, slug: str | None) -> Region | None:
    allowed = regions_where(request.user, Perm.TRANSLATE_CONTENT).order_by("name")
    if slug:
        region = allowed.filter(slug=slug).first()
        if region is None:
            raise Http404
        return region
    return allowed.first()


def _language(request: HttpRequest, region: Region, code: str) -> str | None:
    """`code` if the region has it and machines may translate into it; else a message."""
    if not code:
        return None
    if code in dict(machine_languages(region)) and not can_translate(request.user, region, code):
        messages.error(
            request, _("Sie dürfen nicht in diese Sprache übersetzen: %(code)s") % {"code": code}
        )
        return None
    if code not in dict(machine_languages(region)):
        messages.error(
            request,
            _("In diese Sprache wird hier nicht maschinell übersetzt: %(code)s") % {"code": code},
        )
        return None
    return code


def _key(instance: Any) -> str:
    return f"{ContentType.objects.get_for_model(instance).pk}:{instance.pk}"


def _start(request: HttpRequest, region: Region, code: str, objects: list[Any]) -> HttpResponse:
    try:
        providers.get_provider()
    except providers.ProviderError as error:
        messages.error(request, str(error))
        return redirect(f"{reverse('translation_machine')}?region={region.slug}&language={code}")
    if not objects:
        messages.info(request, _("Nichts zu übersetzen."))
        return redirect(f"{reverse('translation_machine')}?region={region.slug}&language={code}")
    job = jobs.create_job(region, code, objects, request.user)
    if not settings.WIR_MT_BACKGROUND:
        # The immediate backend runs the job here; publishing happens on commit.
        transaction.on_commit(lambda: run_machine_job.enqueue(job.pk))
    return redirect("translation_machine_job", job.pk)


@require_http_methods(["GET", "HEAD", "POST"])
def batch(request: HttpRequest) -> HttpResponse:
    region = _region(request, request.GET.get("region") or request.POST.get("region"))
    if region is None:
        raise Http404
    languages = machine_languages(region)
    code = _language(
        request, region, request.GET.get("language") or request.POST.get("language", "")
    )
    candidates = jobs.outdated(region, code) if code else []
    if request.method == "POST" and code:
        chosen = set(request.POST.getlist("item"))
        objects = [c for c in candidates if _key(c) in chosen] if chosen else candidates
        return _start(request, region, code, objects)
    unreviewed = (
        MachineTranslation.objects.filter(region=region, reviewed_at=None)
        .select_related("content_type")
        .prefetch_related("target")
        .order_by("language_code", "-translated_at")[:200]
    )
    context = {
        "region": region,
        "regions": regions_where(request.user, Perm.TRANSLATE_CONTENT).order_by("name"),
        "languages": languages,
        "language": code,
        "candidates": [(_key(c), jobs.label_of(c), c._meta.verbose_name) for c in candidates],
        "provider": settings.WIR_MT_PROVIDER,
        "configured": providers.configured(),
        "unreviewed": [(row, row.target) for row in unreviewed],
        "jobs": TranslationJob.objects.filter(region=region, kind=TranslationJob.Kind.MACHINE)[:10],
    }
    return TemplateResponse(request, "translation/machine_batch.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def translate_page(request: HttpRequest, page_id: int) -> HttpResponse:
    """From the page listing: translate one page (its German original) into one language."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not can(request.user, Perm.TRANSLATE_CONTENT, page):
        raise Http404
    region_id = region_id_of(page)
    region = Region.objects.filter(pk=region_id).first() if region_id else None
    if region is None:
        raise Http404
    try:
        original = jobs.german_original(page)
    except jobs.MachineTranslationError as error:
        messages.error(request, str(error))
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    if request.method == "POST":
        code = _language(request, region, request.POST.get("language", ""))
        if code:
            return _start(request, region, code, [original])
    context = {
        "page": original,
        "region": region,
        "languages": machine_languages(region),
        "configured": providers.configured(),
    }
    return TemplateResponse(request, "translation/machine_page.html", context)


def _job(request: HttpRequest, job_id: int) -> TranslationJob:
    job = TranslationJob.objects.filter(pk=job_id, kind=TranslationJob.Kind.MACHINE).first()
    if job is None or not can(request.user, Perm.TRANSLATE_CONTENT, job):
        raise Http404
    return job


def job_detail(request: HttpRequest, job_id: int) -> HttpResponse:
    job = _job(request, job_id)
    template = (
        "translation/machine_progress.html"
        if request.headers.get("HX-Request")
        else "translation/machine_job.html"
    )
    context = {"job": job, "summary": jobs.summary(job), "finished": job.finished_at is not None}
    return TemplateResponse(request, template, context)


@require_POST
def review(request: HttpRequest, mark_id: int) -> HttpResponse:
    """ "Übersetzung geprüft": a person has checked the machine translation."""
    mark = MachineTranslation.objects.filter(pk=mark_id).first()
    # Reviewing is translating: only into the reviewer's own languages (found by the matrix:
    # a translator for English could mark an Arabic machine translation as reviewed).
    if mark is None or not can_translate(request.user, mark, mark.language_code):
        raise Http404
    target = actions.mark_reviewed(mark, request.user)
    messages.success(request, _("Als geprüft vermerkt: %(object)s") % {"object": target})
    next_url = request.POST.get("next", "")
    if next_url.startswith("/admin/"):
        return redirect(next_url)
    return redirect(f"{reverse('translation_machine')}?region={mark.region.slug}")
