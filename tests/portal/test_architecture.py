"""The ground floor imports nothing above it: ``portal/`` names no feature app.

Every app may import ``portal``; ``portal`` imports none of them, so a new app
plugs in (demo loader, search area) without ``portal`` knowing it. The root
URLs and the settings are the project layer, which names every app.
"""

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings

PROJECT_LAYER = {"urls.py", "settings"}


def _feature_apps():
    root = Path(settings.BASE_DIR)
    return {
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).parent == root and config.name != "portal"
    }


def _imported_modules(path: Path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def test_the_feature_apps_are_found():
    assert {"partners", "accounts", "meetings"} <= _feature_apps()


def test_portal_imports_no_feature_app():
    portal = Path(settings.BASE_DIR) / "portal"
    features = _feature_apps()
    found = [
        (str(path.relative_to(portal)), module)
        for path in portal.rglob("*.py")
        if not PROJECT_LAYER & {path.relative_to(portal).parts[0]}
        for module in _imported_modules(path)
        if module.partition(".")[0] in features
    ]

    assert found == []
