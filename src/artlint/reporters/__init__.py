"""Reporters turn a finished :class:`artlint.engine.Report` into text."""
