"""Old paths kept importable for one release with a DeprecationWarning: the modules of version 0.1
(:func:`moved`), and the names of 0.2 that moved when the geometry stopped loading its own data
(:func:`forwarded`: a module ``__getattr__`` that imports a name's new module, by name, when the old
name is first asked for — so ``geo/`` keeps no import of the loading layer)."""

from __future__ import annotations

import importlib
import sys
import warnings


def moved(old: str, *new: str) -> None:
    """Fill module ``old`` with the public names of the modules ``new``, warning once."""
    warnings.warn(f"{old} moved to {', '.join(new)}; the old path goes in the next release",
                  DeprecationWarning, stacklevel=3)
    namespace = sys.modules[old].__dict__
    for name in new:
        module = importlib.import_module(name)
        namespace.update({k: v for k, v in vars(module).items() if not k.startswith("_")})


def forwarded(module: str, names: dict[str, str]):
    """A module ``__getattr__`` for ``module`` forwarding each old name to ``"new.module:name"``."""
    def __getattr__(name: str):
        if name not in names:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        target, _, new = names[name].partition(":")
        warnings.warn(f"{module}.{name} moved to {target}.{new}; the old path goes in the next release",
                      DeprecationWarning, stacklevel=2)
        return getattr(importlib.import_module(target), new)
    return __getattr__
