"""The layer map is mechanical: app -> ui -> services -> store | vcard | ical -> domain.

A lower layer never imports a higher one, and only ui/ and app.py may import Qt.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "netdesk"

# Which netdesk packages each layer may import (besides itself).
ALLOWED = {
    "domain": set(),
    "store": {"domain"},
    "vcard": {"domain"},
    "ical": {"domain"},
    "sync": {"domain"},
    "services": {"domain", "store", "vcard", "ical", "sync"},
    "ui": {"domain", "services", "store", "vcard", "ical", "paths", "logsetup"},
    "cli": {"domain", "services", "store", "vcard", "ical", "paths", "logsetup", "app"},
}
NO_QT = {"domain", "store", "vcard", "ical", "sync", "services", "cli"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layer_imports_only_lower_layers(layer: str) -> None:
    bad = []
    for path in _modules(layer):
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] != "netdesk" or len(parts) < 2:
                continue
            target = parts[1]
            if target in (layer, "__init__") or target in ALLOWED[layer]:
                continue
            if target in {"APP_ID", "APP_NAME", "ORG_NAME", "__version__"}:
                continue
            bad.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("layer", sorted(NO_QT))
def test_lower_layers_do_not_import_qt(layer: str) -> None:
    bad = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in _modules(layer)
        for name in _imports(path)
        if name.split(".")[0] in {"PySide6", "shiboken6"}
    ]
    assert not bad, "\n".join(bad)


def test_domain_uses_only_the_standard_library() -> None:
    import sys

    bad = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in _modules("domain")
        for name in _imports(path)
        if name.split(".")[0] not in sys.stdlib_module_names and name.split(".")[0] != "netdesk"
    ]
    assert not bad, "\n".join(bad)


def test_checker_sees_a_violation(tmp_path: Path) -> None:
    # The checker itself must be able to fail: a module importing Qt is reported.
    sample = tmp_path / "x.py"
    sample.write_text("from PySide6.QtCore import QObject\nimport netdesk.ui.window\n")
    assert {"PySide6.QtCore", "netdesk.ui.window"} <= _imports(sample)
