"""Old module paths of version 0.1, kept importable for one release with a DeprecationWarning."""

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
