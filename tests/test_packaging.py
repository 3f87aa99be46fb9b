"""The wheel carries what the library needs outside a checkout: data/, the notebooks and
METHOD.md (as the packages geoclaims._data, _notebooks and _docs). Building a wheel needs the
network here, so the tests check the packaging's declarations against the tree, and the
fallback that finds the packaged copies (a wheel built and installed by hand in a fresh venv
checked all four articles from another folder: see the closing note of round five)."""

from __future__ import annotations

import fnmatch
import tomllib

from geoclaims import paths
from geoclaims.paths import REPO_ROOT


def _setuptools() -> dict:
    return tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_the_wheel_lists_every_package_under_src_and_the_data():
    listed = set(_setuptools()["packages"])
    under_src = {".".join(p.parent.relative_to(REPO_ROOT / "src").parts)
                 for p in (REPO_ROOT / "src" / "geoclaims").rglob("__init__.py")}
    assert listed == under_src | {"geoclaims._data", "geoclaims._notebooks", "geoclaims._docs"}


def test_the_wheel_carries_every_data_file_notebook_and_the_method():
    config = _setuptools()
    for package, folder in (("geoclaims._data", "data"), ("geoclaims._notebooks", "notebooks")):
        assert config["package-dir"][package] == folder
        globs = config["package-data"][package]
        root = REPO_ROOT / folder
        files = [p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()
                 and "__pycache__" not in p.parts and not p.name.startswith(".")]
        missing = [f for f in files if not any(fnmatch.fnmatch(f, g) and f.count("/") == g.count("/") for g in globs)]
        assert not missing, f"{folder}/ files the wheel would leave out: {missing}"
    assert config["package-data"]["geoclaims._docs"] == ["METHOD.md"]


def test_outside_a_checkout_the_packaged_copies_are_used(tmp_path, monkeypatch):
    monkeypatch.delenv("GEOCLAIMS_DATA", raising=False)
    monkeypatch.setattr(paths, "REPO_ROOT", tmp_path / "site-packages")  # no data/, no pyproject.toml
    monkeypatch.setattr(paths, "PACKAGED_DATA", REPO_ROOT / "data")
    monkeypatch.chdir(tmp_path)
    assert paths.data_dir() == REPO_ROOT / "data" and not paths.in_checkout()
    assert paths.output_root() == tmp_path  # commands write into the current folder, never into site-packages
    monkeypatch.setenv("GEOCLAIMS_DATA", str(tmp_path))
    assert paths.data_dir() == tmp_path  # a user's own tables still win


def test_installed_inside_another_project_its_data_folder_is_not_read(tmp_path, monkeypatch):
    # `pip install --target other-project/lib`: two levels up is someone else's checkout, with a
    # data/ and a pyproject.toml of its own; geoclaims still reads the copy it carries
    other = tmp_path / "other-project"
    (other / "data").mkdir(parents=True)
    (other / "pyproject.toml").write_text("[project]\nname = 'other'\n", encoding="utf-8")
    monkeypatch.delenv("GEOCLAIMS_DATA", raising=False)
    monkeypatch.setattr(paths, "REPO_ROOT", other)
    monkeypatch.setattr(paths, "PACKAGED_DATA", REPO_ROOT / "data")
    assert not paths.in_checkout() and paths.data_dir() == REPO_ROOT / "data"
    assert paths.notebooks_dir() != other / "notebooks" and paths.method_file() != other / "docs" / "METHOD.md"
