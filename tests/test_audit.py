"""Site audit: seeds, planted near-duplicates, chrome pack round trip, and a real Dask LocalCluster."""

import json
import random
import subprocess
import sys

import pytest

from .conftest import ROOT, SEEDS, run_cli
from .site_mdx.score import EXPECTED, score

SITE = ROOT / "tests" / "site_mdx" / "content" / "blog"

pytest.importorskip("datasketch")


def _audit_json(*args, cwd=None, network=False):
    proc = run_cli("audit", "--format", "json", *args, cwd=cwd, timeout=600, network=network)
    assert proc.returncode in (0, 2), proc.stderr.decode()[-2000:]
    return json.loads(proc.stdout)


def _validate(report):
    import jsonschema

    jsonschema.validate(report, json.loads((ROOT / "schemas" / "audit-report.schema.json").read_text()))


def test_seeds_chase_one_keyphrase_and_are_not_duplicates():
    report = _audit_json(SEEDS)
    _validate(report)
    assert report["near_duplicates"] == []
    (group,) = report["cannibalisation"]
    assert sorted(p.rsplit("/", 1)[-1] for p in group["documents"]) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert {"russia", "talk"} <= set(group["terms"])


def _planted_corpus(root, n=60, dups=8, seed=7):
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(3000)]
    texts = []
    for _ in range(n):
        words = [rng.choice(vocab) for _ in range(rng.randint(250, 400))]
        texts.append(words)
    planted = []
    for k in range(dups):
        src = k * 3
        copy = list(texts[src])
        for j in rng.sample(range(len(copy)), len(copy) // 100):  # light edits: 1% of words (shingle Jaccard ~0.9)
            copy[j] = rng.choice(vocab)
        texts.append(copy)
        planted.append((f"a{src:03d}.txt", f"a{n + k:03d}.txt"))
    root.mkdir()
    for i, words in enumerate(texts):
        body = "\n\n".join(" ".join(words[j : j + 60]).capitalize() + "." for j in range(0, len(words), 60))
        (root / f"a{i:03d}.txt").write_text(f"Article {i}\n\n{body}\n\nSubscribe to our weekly digest\n")
    return planted


def test_planted_near_duplicates_found_and_chrome_pack_works(tmp_path):
    corpus = tmp_path / "corpus"
    planted = _planted_corpus(corpus)
    pack = tmp_path / "chrome.yaml"
    proc = run_cli("audit", corpus, "--format", "json", "--write-pack", pack, timeout=600)
    report = json.loads(proc.stdout)
    _validate(report)
    found = {tuple(sorted((d["a"].rsplit("/", 1)[-1], d["b"].rsplit("/", 1)[-1]))) for d in report["near_duplicates"]}
    assert set(planted) <= found and len(found) == len(planted)
    assert [(c["text"], c["position"]) for c in report["template_chrome"]] == [("Subscribe to our weekly digest", "sign-off")]
    # the generated pack is a valid pack that `artlint check` uses
    (tmp_path / "artlint.toml").write_text(f'packs = ["{pack.name}"]\nselect = ["SITE001"]\n')
    art = tmp_path / "new.txt"
    art.write_text("A New Post\n\nSome text about cheese.\n\nSubscribe to our weekly digest\n")
    proc = run_cli("check", art, "--format", "json", "--no-cache", cwd=tmp_path)
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    assert [(f["rule"], f["line"], f["category"]) for f in findings] == [("SITE001", 5, "boilerplate")]


def test_mdx_site_every_section_right():
    """The test site (35 MDX posts from three templates, see tests/site_mdx/generate.py) against its answers."""
    report = _audit_json(SITE, "-j", "1")
    _validate(report)
    assert report["corpus"]["documents"] == json.loads(EXPECTED.read_text())["documents"] and not report["errors"]
    result = score(report, json.loads(EXPECTED.read_text()))
    for section, numbers in result.items():
        assert numbers["precision"] == 1.0 and numbers["recall"] == 1.0, (section, numbers)
    assert result["template_chrome"]["position_right"] == 1.0 and result["template_chrome"]["headings_reported"] == 0
    # each group says what joined it; the pair of identical titles is joined by its title
    joins = {j["by"] for g in report["cannibalisation"] for j in g["joined_by"]}
    assert joins == {"title", "terms"}
    cookies = next(g for g in report["cannibalisation"] if any("brown-butter" in d for d in g["documents"]))
    assert [j["by"] for j in cookies["joined_by"]] == ["title"] and "chocolate" in cookies["joined_by"][0]["terms"]


def test_site_pack_flags_the_template_text_not_the_shared_heading(tmp_path):
    pack = tmp_path / "chrome.yaml"
    proc = run_cli("audit", SITE, "--format", "json", "--write-pack", pack, "-j", "1", timeout=600)
    assert proc.returncode == 0, proc.stderr.decode()
    (tmp_path / "artlint.toml").write_text(f'packs = ["{pack.name}"]\nselect = ["SITE001"]\n')
    post = tmp_path / "new.mdx"
    post.write_text(
        "---\ntitle: Lemon Tart\n---\nimport { Callout } from '@/components/Callout'\n\n"
        "A sharp lemon curd sets in a crisp, sweet pastry case.\n\n## Conclusion\n\n"
        "Chill the tart for an hour before slicing. Thanks for cooking with us, and don't forget to share your results in the comments below!\n\n"
        "We thank everyone for cooking with us this year.\n"
    )
    proc = run_cli("check", post, "--format", "json", "--no-cache", cwd=tmp_path)
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    line = post.read_text().split("\n")[9]
    assert [(f["rule"], f["line"], f["column"]) for f in findings] == [("SITE001", 10, line.index("Thanks") + 1)]


def test_jsonl_records(tmp_path):
    lines = [
        {"url": "https://x.test/a", "text": "Post A\n\n" + "Cheese making at home takes patience and milk. " * 20},
        {
            "url": "https://x.test/b",
            "html": "<article><h1>Post B</h1><p>" + "Cheese making at home takes patience and milk. " * 20 + "</p></article>",
        },
        {"nothing": 1},
    ]
    src = tmp_path / "site.jsonl"
    src.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    report = _audit_json(src)
    assert report["corpus"]["documents"] == 2 and report["near_duplicates"][0]["similarity"] == 1.0
    assert report["errors"] and report["errors"][0]["path"].endswith(":3")


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    yield cluster.scheduler_address
    cluster.close()


def test_local_and_cluster_audits_agree(tmp_path, cluster):
    corpus = tmp_path / "corpus"
    _planted_corpus(corpus, n=30, dups=4)
    local = _audit_json(corpus, SEEDS, SITE)
    remote = _audit_json(corpus, SEEDS, SITE, "--dask", cluster, network=True)  # loopback to the cluster
    assert local == remote and local["near_duplicates"] and local["cannibalisation"] and local["template_chrome"]
    assert any(j["by"] == "title" for g in local["cannibalisation"] for j in g["joined_by"])


def test_check_on_cluster_matches_local(cluster):
    local = json.loads(run_cli("check", SEEDS, "--format", "json", "--no-cache").stdout)
    remote = json.loads(run_cli("check", SEEDS, "--format", "json", "--no-cache", "--dask", cluster, network=True).stdout)
    assert local == remote


def test_dask_bag_api(cluster):
    import dask.bag as db
    from dask.distributed import Client

    from artlint.dask_api import lint_bag

    texts = ["# T\n\nLorem ipsum dolor sit amet.\n", "# T\n\nAll fine here.\n"]
    with Client(cluster) as client:
        out = lint_bag(db.from_sequence(texts), format="markdown").compute(scheduler=client.get)
    assert [[f["rule"] for f in fs] for fs in out] == [["AL402"], []]


def test_unreachable_scheduler_is_a_clear_error():
    proc = run_cli("audit", SEEDS, "--dask", "tcp://127.0.0.1:9", network=True, timeout=120)
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr and b"Dask scheduler" in proc.stderr


def test_core_check_does_not_import_dask():
    code = "import sys, artlint.cli\nsys.argv=['artlint','check','seeds','--no-cache']\ntry:\n    artlint.cli.main()\nexcept SystemExit:\n    pass\nprint('dask' in sys.modules, 'datasketch' in sys.modules, 'distributed' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.stdout.strip().splitlines()[-1] == "False False False"


def test_audit_fail_on_gates_ci(tmp_path):
    """near-duplicates are errors, cannibalisation warnings, chrome info; the default never fails."""
    corpus = tmp_path / "corpus"
    _planted_corpus(corpus, n=20, dups=2)
    assert run_cli("audit", corpus, timeout=600).returncode == 0
    assert run_cli("audit", corpus, "--fail-on", "error", timeout=600).returncode == 1
    # the seeds: one cannibalisation group, no near-duplicates
    assert run_cli("audit", SEEDS, "--fail-on", "error", timeout=600).returncode == 0
    assert run_cli("audit", SEEDS, "--fail-on", "warning", timeout=600).returncode == 1


@pytest.mark.parametrize("send", ["auto", "contents", "paths"])
def test_check_on_cluster_with_relative_paths_from_another_directory(tmp_path, cluster, send):
    """The workers' working directory is not the client's: relative paths used to be 'no such file' there."""
    site = tmp_path / "site"
    site.mkdir()
    for i, seed in enumerate(sorted(SEEDS.glob("*.txt"))[:3]):
        (site / f"a{i}.txt").write_text(seed.read_text())
    (site / "empty.md").write_text(" \n")
    args = ["check", "site", "--format", "json", "--no-cache"]
    local = run_cli(*args, cwd=tmp_path)
    remote = run_cli(*args, "--dask", cluster, "--dask-send", send, cwd=tmp_path, network=True)
    assert remote.returncode == local.returncode == 2, remote.stderr.decode()[-1000:]
    report = json.loads(remote.stdout)
    assert report == json.loads(local.stdout)
    assert report["errors"] == [{"path": "site/empty.md", "message": "empty file"}] and len(report["files"]) == 3


def test_shipped_contents_are_linted_without_the_file():
    """With contents sent, a worker never opens the path: it may not exist where the worker runs."""
    from artlint.dask_api import _lint_item
    from artlint.engine import LinterSettings

    args = LinterSettings(select=("AL901",))
    shown, result, error = _lint_item(("site/a.md", "/nowhere/site/a.md", b"# T\n\nText,here.\n"), args)
    assert (shown, error, result.path) == ("site/a.md", None, "site/a.md") and [f.rule for f in result.findings] == ["AL901"]
    assert _lint_item(("site/a.md", "/nowhere/site/a.md", None), args)[1:] == (None, "no such file")
