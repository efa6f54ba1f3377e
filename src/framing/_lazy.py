"""Names a module re-exports from another, imported on first use (keeps `import framing` fast)."""

from __future__ import annotations

import importlib
from collections.abc import Callable


def lazy_exports(module: str, sources: dict[str, str]) -> Callable[[str], object]:
    """A module ``__getattr__`` that imports ``sources[name]`` when ``name`` is first asked for."""

    def __getattr__(name: str) -> object:
        if name in sources:
            return getattr(importlib.import_module(sources[name]), name)
        raise AttributeError(f"module {module!r} has no attribute {name!r}")

    return __getattr__
