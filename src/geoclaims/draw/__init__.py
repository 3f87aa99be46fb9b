"""Drawing: every function takes a matplotlib Axes (or GeoAxes) and values, draws, and
returns the Axes. Nothing here reads a file or computes evidence; the house style is
:data:`STYLE`, used by ``figures/``, the notebooks and the report alike."""

from importlib.resources import files

#: path of the shared style file, for ``plt.style.context(STYLE)``
STYLE = str(files("geoclaims.draw") / "geoclaims.mplstyle")
