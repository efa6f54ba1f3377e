"""Old public names kept as aliases that warn."""

from __future__ import annotations

import functools
import sys
import types
import warnings


def renamed(func, old: str):
    """Return ``func`` under its old name ``old``, warning once per call site."""

    @functools.wraps(func)
    def alias(*args, **kwargs):
        warnings.warn(f"{old} is renamed {func.__name__}; the old name will be removed",
                      FutureWarning, stacklevel=2)
        return func(*args, **kwargs)

    alias.__name__ = alias.__qualname__ = old
    alias.__doc__ = f"Deprecated alias of :func:`{func.__module__}.{func.__name__}`."
    return alias


class _CallableModule(types.ModuleType):
    """A module that can still be called like the function that once shadowed it."""

    def __call__(self, *args, **kwargs):
        new = self.__dict__["_called_as"]
        warnings.warn(f"calling the module {self.__name__} is deprecated; "
                      f"use {self.__name__}.{new}", FutureWarning, stacklevel=2)
        return self.__dict__[new](*args, **kwargs)


def callable_module(name: str, new: str) -> None:
    """Let ``framing.<stage>(...)`` keep working (with a warning) by calling ``new``."""
    module = sys.modules[name]
    module._called_as = new
    module.__class__ = _CallableModule
