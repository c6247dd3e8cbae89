"""Files the app loads at run time: icons, compiled translations, example labs.

Installed as the package ``mlpstudio.resources`` (see ``package-dir`` in pyproject.toml) and
bundled by PyInstaller; :mod:`mlpstudio.paths` finds them in both cases.
"""
