"""The language server end to end, with a real LSP client (pytest-lsp runs `artlint server` as a subprocess)."""

import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from .conftest import NONET

TEXT = "# Pruning roses\n\nCut above a bud,then seal the cut. Water the roots.\n"


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[sys.executable, "-m", "artlint", "server"], server_env={"PYTHONPATH": str(NONET)})
)
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(types.InitializeParams(capabilities=types.ClientCapabilities()))
    yield
    await lsp_client.shutdown_session()


def _open(client, uri, text, language="markdown", version=1):
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(uri=uri, language_id=language, version=version, text=text))
    )


async def _diagnostics(client, uri):
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return client.diagnostics[uri]


@pytest.mark.asyncio
async def test_diagnostics_code_action_and_relint(client: LanguageClient, tmp_path):
    uri = (tmp_path / "post.md").as_uri()
    _open(client, uri, TEXT)
    diags = await _diagnostics(client, uri)
    assert [(d.code, d.range.start.line, d.range.start.character, d.range.end.character) for d in diags] == [("AL901", 2, 15, 16)]
    d = diags[0]
    assert d.source == "artlint" and d.severity == types.DiagnosticSeverity.Warning and d.code_description.href.startswith("https://")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=d.range,
            context=types.CodeActionContext(diagnostics=diags),
        )
    )
    assert len(actions) == 1 and actions[0].kind == types.CodeActionKind.QuickFix
    (edit,) = actions[0].edit.changes[uri]
    assert (edit.range.start.line, edit.range.start.character, edit.range.end.character, edit.new_text) == (2, 15, 16, ", ")
    fixed = TEXT.replace("bud,then", "bud, then")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)],
        )
    )
    assert list(await _diagnostics(client, uri)) == []


@pytest.mark.asyncio
async def test_bad_requests_and_vanished_documents_do_not_kill_it(client: LanguageClient, tmp_path):
    gone = (tmp_path / "gone.md").as_uri()
    # a change and a code action for a document never opened (or deleted mid-edit), and a malformed fix
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=gone, version=3),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text="x")],
        )
    )
    bogus = types.Diagnostic(
        range=types.Range(start=types.Position(0, 0), end=types.Position(0, 1)),
        message="m",
        source="artlint",
        data={"fix": {"edits": [[1]]}},
    )
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=gone), range=bogus.range, context=types.CodeActionContext(diagnostics=[bogus])
        )
    )
    assert not actions
    with pytest.raises(Exception):  # noqa: B017 - the server answers an unknown method with an error, and lives on
        await client.protocol.send_request_async("artlint/nonsense", {"x": 1})
    uri = (tmp_path / "post.html").as_uri()
    _open(client, uri, "<html><body><article><h1>Roses</h1><p>Water the the roots.</p></article></body></html>", language="html")
    assert [d.code for d in await _diagnostics(client, uri)] == ["AL903"]
