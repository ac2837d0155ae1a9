"""``artlint server``: the Language Server Protocol over stdio (needs the ``lsp`` extra: pygls).

Diagnostics on open, change (debounced) and save for the formats artlint reads; quick fixes as code
actions, from the same fixes ``check --fix`` applies. Each document follows the configuration
``check`` would use for it (the nearest artlint.toml or pyproject.toml). Nothing a client sends stops
the server: a document that cannot be linted gets no diagnostics.
"""

from __future__ import annotations

import asyncio
import os
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from artlint.version import __version__

DEBOUNCE = 0.25  # seconds of quiet after a keystroke before linting again (typing speed; a lint of 3,000 words takes less)
DOCS = "https://github.com/artlint/artlint#what-it-reports"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


class ArtlintServer(LanguageServer):
    def __init__(self):
        super().__init__("artlint", __version__)
        self._workspace = None
        self._pending: dict[str, asyncio.Task] = {}

    def linter_for(self, path: str):
        if self._workspace is None:
            from artlint.engine import Linter
            from artlint.workspace import Workspace

            self._workspace = Workspace(None, Linter)  # each folder's nearest configuration, as `check` uses
        folder = os.path.dirname(path) or "."
        return self._workspace.linter_for(self._workspace.config_for(folder if os.path.isdir(folder) else "."))

    def diagnostics(self, uri: str) -> list[types.Diagnostic]:
        from artlint.parsers import format_for

        try:
            doc = self.workspace.get_text_document(uri)
            path = _path_of(uri)
            fmt = format_for(path) or ("text" if doc.language_id in ("plaintext", "text") else None)
            fmt = fmt or {"markdown": "markdown", "html": "html"}.get(doc.language_id)
            if fmt is None or not doc.source.strip():
                return []
            result = self.linter_for(path).lint_text(doc.source, path, fmt)
        except Exception:  # noqa: BLE001 - a document that cannot be linted (empty, malformed, gone) has no diagnostics
            return []
        return [_diagnostic(f) for f in result.findings]

    def publish(self, uri: str) -> None:
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=self.diagnostics(uri)))

    def schedule(self, uri: str, delay: float) -> None:
        """Lint ``uri`` after ``delay`` seconds, unless another change comes first (debounce)."""
        old = self._pending.pop(uri, None)
        if old is not None:
            old.cancel()

        async def later():
            await asyncio.sleep(delay)
            self._pending.pop(uri, None)
            self.publish(uri)

        self._pending[uri] = asyncio.get_running_loop().create_task(later())


def _path_of(uri: str) -> str:
    parsed = urlparse(uri)
    return unquote(parsed.path) if parsed.scheme == "file" else (parsed.path or uri)


def _range(line, column, end_line, end_column) -> types.Range:
    start = types.Position(line=max((line or 1) - 1, 0), character=max((column or 1) - 1, 0))
    end = types.Position(line=max((end_line or line or 1) - 1, 0), character=max((end_column or column or 1) - 1, 0))
    return types.Range(start=start, end=end)


def _diagnostic(f) -> types.Diagnostic:
    data = None
    if f.fix is not None:
        data = {
            "applicability": f.fix.applicability,
            "edits": [[e.line, e.column, e.end_line, e.end_column, e.replacement] for e in f.fix.edits],
        }
    return types.Diagnostic(
        range=_range(f.line, f.column, f.end_line, f.end_column),
        message=f.message,
        severity=SEVERITY.get(f.severity, types.DiagnosticSeverity.Warning),
        code=f.rule,
        code_description=types.CodeDescription(href=DOCS),
        source="artlint",
        data={"name": f.name, "category": f.category, "fix": data},
    )


server = ArtlintServer()


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: ArtlintServer, params: types.DidOpenTextDocumentParams):
    ls.publish(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: ArtlintServer, params: types.DidChangeTextDocumentParams):
    ls.schedule(params.text_document.uri, DEBOUNCE)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: ArtlintServer, params: types.DidSaveTextDocumentParams):
    ls.schedule(params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: ArtlintServer, params: types.DidCloseTextDocumentParams):
    task = ls._pending.pop(params.text_document.uri, None)
    if task is not None:
        task.cancel()
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
def code_action(ls: ArtlintServer, params: types.CodeActionParams):
    actions = []
    for d in params.context.diagnostics:
        data = d.data if isinstance(d.data, dict) else None
        fix = data.get("fix") if data else None
        if d.source != "artlint" or not isinstance(fix, dict):
            continue
        try:
            edits = [types.TextEdit(range=_range(a, b, c, e), new_text=str(r)) for a, b, c, e, r in fix["edits"]]
        except (KeyError, TypeError, ValueError):
            continue
        unsafe = " (unsafe)" if fix.get("applicability") == "unsafe" else ""
        actions.append(
            types.CodeAction(
                title=f"Fix {d.code} {data.get('name', '')}{unsafe}".rstrip(),
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[d],
                is_preferred=not unsafe,
                edit=types.WorkspaceEdit(changes={params.text_document.uri: edits}),
            )
        )
    return actions


def main() -> None:
    server.start_io()
