"""Admin screen "Übersetzungen austauschen (XLIFF)": export a selection, import a file."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from wir.accounts.permissions import has_perm_somewhere, regions_where, translation_languages
from wir.accounts.roles import Perm
from wir.core.languages import DEFAULT_LANGUAGE
from wir.core.models import Language, Region
from wir.translation.status import states
from wir.translation.xliff import export, importing

SCOPES = [
    ("pages", _("die angegebenen Seiten und Inhalte")),
    ("subtree", _("die angegebenen Seiten mit allen Unterseiten (und die angegebenen Inhalte)")),
    ("missing", _("alles mit fehlenden Übersetzungen (der gewählten Arten)")),
]


class _RegionLanguageForm(forms.Form):
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.none())
    language = forms.ChoiceField(label=_("Zielsprache"))

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        region_field = self.fields["region"]
        assert isinstance(region_field, forms.ModelChoiceField)
        region_field.queryset = regions_where(user, Perm.TRANSLATE_CONTENT)
        language_field = self.fields["language"]
        assert isinstance(language_field, forms.ChoiceField)
        language_field.choices = [
            (language.code, str(language))
            for language in Language.objects.exclude(code=DEFAULT_LANGUAGE)
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        region, language = data.get("region"), data.get("language")
        if region is None or not language:
            return data
        if language == export.EASY_GERMAN:
            raise ValidationError(
                _(
                    "Leichte Sprache wird nicht per XLIFF übersetzt, sondern im Seiten-Editor "
                    "neu geschrieben."
                )
            )
        if not export.may_exchange(self.user, region, language):
            raise ValidationError(_("Sie dürfen in dieser Region nicht übersetzen."))
        if language not in export.target_languages(region):
            raise ValidationError(_("Diese Sprache ist in der Region nicht freigeschaltet."))
        return data


class ExportForm(_RegionLanguageForm):
    scope = forms.ChoiceField(label=_("Auswahl"), choices=SCOPES, widget=forms.RadioSelect)
    tree = forms.TypedMultipleChoiceField(
        label=_("Seiten aus dem Seitenbaum"), coerce=int, required=False
    )
    pages = forms.CharField(
        label=_("Seiten-IDs (statt der Auswahl im Seitenbaum)"),
        required=False,
        help_text=_(
            "Durch Komma getrennt, z. B. 12, 15 (nicht nötig bei „fehlende Übersetzungen“)."
        ),
    )
    objects = forms.CharField(
        label=_("Angebote, Veranstaltungen, Kontakte, Neuigkeiten"),
        required=False,
        help_text=_(
            "Als Art:ID, durch Komma getrennt, z. B. angebot:12, veranstaltung:3 (die ID steht "
            "in der Adresse im Admin; schneller: „Als XLIFF exportieren“ im Menü der Liste)."
        ),
    )
    kinds = forms.MultipleChoiceField(
        label=_("Arten (bei „fehlende Übersetzungen“)"),
        choices=list(export.KINDS.items()),
        initial=list(export.KINDS),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    version = forms.ChoiceField(
        label=_("XLIFF-Version"), choices=[(v, v) for v in export.VERSIONS], initial="1.2"
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        regions = regions_where(user, Perm.TRANSLATE_CONTENT).select_related("root_page")
        self.trees = [(region, export.page_tree(region)) for region in regions.order_by("name")]
        tree_field = self.fields["tree"]
        assert isinstance(tree_field, forms.ChoiceField)
        tree_field.choices = [
            (page.pk, page.title) for _region, pages in self.trees for page in pages
        ]

    def tree_groups(self) -> list[tuple[Region, list[tuple[export.TreePage, bool]]]]:
        """The trees of the regions with each page's checkbox state, for the template."""
        chosen = {str(value) for value in (self["tree"].value() or [])}
        return [
            (region, [(page, str(page.pk) in chosen) for page in pages])
            for region, pages in self.trees
        ]

    def clean_pages(self) -> list[int]:
        text = self.cleaned_data.get("pages") or ""
        if not re.fullmatch(r"[\d,;\s]*", text):
            raise ValidationError(_("Bitte nur Seiten-IDs, durch Komma getrennt."))
        if any(len(part) > 18 for part in re.findall(r"\d+", text)):
            raise ValidationError(_("Diese Seiten-ID gibt es nicht."))
        return [int(part) for part in re.findall(r"\d+", text)]

    def clean_objects(self) -> list[tuple[str, int]]:
        try:
            return export.parse_references(self.cleaned_data.get("objects") or "")
        except export.SelectionError as error:
            raise ValidationError(str(error)) from error

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        region, tree = data.get("region"), data.get("tree") or []
        if region is not None and tree:
            own = {page.pk for page in dict(self.trees).get(region, [])}
            if set(tree) - own:
                self.add_error("tree", _("Bitte nur Seiten der gewählten Region auswählen."))
            data["pages"] = list(data.get("pages") or []) + list(tree)
        scope = data.get("scope")
        nothing = not data.get("pages") and not data.get("objects")
        if (
            scope in ("pages", "subtree")
            and nothing
            and not {"pages", "objects"} & set(self.errors)
        ):
            self.add_error("pages", _("Bitte mindestens eine Seite oder einen Inhalt angeben."))
        if scope == "missing" and not data.get("kinds"):
            self.add_error("kinds", _("Bitte mindestens eine Art wählen."))
        return data


class ImportForm(_RegionLanguageForm):
    file = forms.FileField(label=_("Übersetzte XLIFF-Datei"))
    strict = forms.BooleanField(
        label=_("Streng prüfen"),
        required=False,
        help_text=_("Nicht importieren, wenn Glossar-Begriffe nicht eingehalten sind."),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > export.MAX_BYTES:
            raise ValidationError(
                _("Die Datei ist zu groß (höchstens %(mb)d MB).")
                % {"mb": export.MAX_BYTES // 2**20}
            )
        return upload


def _filtered_items(request: HttpRequest) -> list[str]:
    """Every row of the status matrix under the filters it sent (`filter_language`,
    `filter_section`, `filter_status`), on all its pages: "alle gefilterten auswählen".
    Nothing for a region the user may not translate in or an unknown filter value."""
    region_id = request.POST.get("region", "")
    region = (
        regions_where(request.user, Perm.TRANSLATE_CONTENT).filter(pk=region_id).first()
        if region_id.isascii() and region_id.isdigit() and len(region_id) < 10
        else None
    )
    if region is None:
        return []
    try:
        result = states.matrix(
            region,
            languages=translation_languages(request.user, region.pk),
            language=request.POST.get("filter_language", ""),
            section=request.POST.get("filter_section", ""),
            status=request.POST.get("filter_status", ""),
        )
    except states.FilterError:
        return []
    return [f"{row.item.kind}:{row.item.object_id}" for row in result.rows]


def _selection(request: HttpRequest) -> Any:
    """The export form's data; rows chosen in the status matrix (`item` = kind:id, several,
    or `all_filtered`: every row under the matrix's filters) become the page ids and
    snippet references the form knows."""
    data = request.POST.copy()
    items = _filtered_items(request) if data.get("all_filtered") else data.getlist("item")
    if items:
        pages = [item.split(":", 1)[1] for item in items if item.startswith("page:")]
        data["pages"] = ",".join(pages)
        data["objects"] = ",".join(item for item in items if not item.startswith("page:"))
    return data


class XliffExchangeView(WagtailAdminTemplateMixin, View):
    page_title = _("Übersetzungen austauschen (XLIFF)")
    header_icon = "doc-full"
    template_name = "translation/xliff_exchange.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not has_perm_somewhere(request.user, Perm.TRANSLATE_CONTENT):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest) -> HttpResponse:
        initial: dict[str, Any] = {"scope": "pages", "version": "1.2", "kinds": list(export.KINDS)}
        if request.GET.get("page", "").isdigit():
            initial["pages"] = request.GET["page"]
            initial["scope"] = "subtree" if request.GET.get("subtree") else "pages"
        reference = request.GET.get("object", "")
        try:
            if reference and export.parse_references(reference):
                initial["objects"] = reference
        except export.SelectionError:
            pass  # a hand-made address: the form starts empty
        if request.GET.get("region"):
            region = regions_where(request.user, Perm.TRANSLATE_CONTENT).filter(
                slug=request.GET["region"]
            )
            initial["region"] = region.first()
        return self.render(ExportForm(user=request.user, initial=initial), None, None)

    def post(self, request: HttpRequest) -> HttpResponse:
        if "import" in request.POST:
            import_form = ImportForm(request.POST, request.FILES, user=request.user)
            report = None
            if import_form.is_valid():
                data = import_form.cleaned_data
                report = importing.import_file(
                    data["file"].read(),
                    data["region"],
                    data["language"],
                    user=request.user,
                    strict=data["strict"],
                )
            return self.render(None, import_form, report)
        export_form = ExportForm(_selection(request), user=request.user)
        if not export_form.is_valid():
            return self.render(export_form, None, None)
        data = export_form.cleaned_data
        region, language = data["region"], data["language"]
        objects = export.select(
            region,
            language,
            page_ids=data["pages"],
            subtree=data["scope"] == "subtree",
            missing=data["scope"] == "missing",
            objects=data["objects"],
            kinds=data["kinds"],
        )
        if not objects:
            export_form.add_error(None, _("Keine passenden Seiten oder Inhalte gefunden."))
            return self.render(export_form, None, None)
        Locale.objects.get_or_create(language_code=language)
        content, _count = export.export(
            objects, language, data["version"], only_missing=data["scope"] == "missing"
        )
        response = HttpResponse(content, content_type="application/xliff+xml")
        name = export.filename(region, language, data["version"])
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    def render(
        self, export_form: ExportForm | None, import_form: ImportForm | None, report: Any
    ) -> HttpResponse:
        context = self.get_context_data(
            export_form=export_form
            or ExportForm(
                user=self.request.user, initial={"scope": "pages", "kinds": list(export.KINDS)}
            ),
            import_form=import_form or ImportForm(user=self.request.user),
            report=report,
        )
        status = 400 if report is not None and not report.ok else 200
        return TemplateResponse(self.request, self.template_name, context, status=status)
