"""Built-in Python rules: one rule per module, discovered by ``artlint.builtin``."""
