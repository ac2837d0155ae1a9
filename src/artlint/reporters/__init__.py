"""Reporters turn a finished :class:`artlint.report.Report` into text."""
