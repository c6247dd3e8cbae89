"""The code of the exported scripts, as real modules (read by :mod:`..script_export`).

Every module here is ordinary, importable Python that ruff checks like the rest of the
package. Each has two parts separated by a marker line:

* above ``# -- end of the generated part --``: its imports, and stand-ins for what the
  exporter writes into a script (the experiment's settings, the registry entries' math
  inlined with :func:`inspect.getsource`, the target formula), taken from
  :mod:`.stand_ins` so that the module imports and lints on its own;
* below it: the script's code, copied verbatim into the exported file.

So the scripts hold no logic in string literals: what a script does is written here, and
what it computes per activation, head, optimiser, schedule or initialisation is the
registry's own function.
"""
