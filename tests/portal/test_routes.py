"""The page models hand their routes and contexts on by name (wir/portal/routes.py): every
name a model uses is answered by a view once the app is ready."""

import re
from pathlib import Path

import pytest

from wir.portal import routes

MODELS = Path(__file__).resolve().parents[2] / "wir" / "portal" / "models"


def test_every_name_the_models_use_is_registered() -> None:
    text = "\n".join(path.read_text() for path in MODELS.glob("*.py"))
    used_views = set(re.findall(r'answer\("([^"]+)"', text))
    used_contexts = set(re.findall(r'context_for\("([^"]+)"', text))
    views, contexts = routes.registered()
    assert used_views
    assert used_contexts
    assert used_views == views
    assert used_contexts == contexts


def test_a_name_is_registered_once() -> None:
    with pytest.raises(ValueError, match="answered twice"):
        routes.answers("directory.offer")(lambda request, page: None)  # type: ignore[arg-type,return-value]
