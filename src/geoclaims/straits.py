"""Deprecated path (version 0.1): see the modules named below."""

from ._moved import moved

moved(__name__, "geoclaims.geo.straits", "geoclaims.world.straits", "geoclaims.datasets")

from .world.straits import width as width_between  # noqa: E402, F401 (the two-box form, not geo.crossing's)
