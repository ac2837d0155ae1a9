"""Off-topic passages without a bridge (AL301) and single off-topic sentences (AL305), with their hard negatives."""

from .conftest import run_json

HEAD = (
    "# How to Descale a Kettle\n\n"
    "Limescale builds up inside a kettle wherever the water is hard, and a furred kettle boils slowly.\n\n"
    "## What you need\n\n"
    "White vinegar or citric acid, a soft brush and a cloth are enough to descale most kettles.\n\n"
    "## Descaling step by step\n\n"
    "Fill the kettle halfway with vinegar and water, boil it, and leave the kettle to stand for an hour.\n\n"
)
TAIL = (
    "Rinse the kettle twice with clean water and boil fresh water before you use it, so the tea does not taste of vinegar.\n\n"
    "## How often to descale\n\n"
    "In a hard-water area, descale the kettle every month; a filter jug slows the build-up of limescale in the kettle.\n"
)


def _off_topic(tmp_path, middle):
    path = tmp_path / "kettle.md"
    path.write_text(HEAD + middle + TAIL, encoding="utf-8")
    _, report = run_json(path, "--select", "AL301,AL305")
    return [(x["rule"], x["severity"], x["line"], x["column"]) for x in report["files"][0]["findings"]]


def test_short_unbridged_switch_with_a_frame_shift_is_reported(tmp_path):
    # 19 words, no bridge: too short for isolation alone, but it switches to the writer's week
    found = _off_topic(tmp_path, "Our town council finally approved the new cycle lane last week, and the roadworks start in June.\n\n")
    assert found == [("AL301", "warning", 13, 1)]


def test_isolated_paragraph_without_a_frame_shift_is_only_info(tmp_path):
    middle = (
        "Most home insurance policies renew automatically, and the renewal quote is often far higher than the price "
        "a new customer would pay. Ringing the insurer or comparing quotes online a few weeks before renewal often "
        "cuts the premium by a fifth.\n\n"
    )
    assert _off_topic(tmp_path, middle) == [("AL301", "info", 13, 1)]


def test_passage_naming_new_places_without_a_frame_shift_stays_quiet(tmp_path):
    # a digression that serves the reader: places and people new to the article, no switch of frame
    middle = (
        "Hard water comes from chalk and limestone aquifers: around London, Cambridge and Bristol the supply carries "
        "more calcium than in Glasgow or Cardiff, where upland reservoirs feed soft rainwater into the mains, which "
        "is why descaling advice differs so much between regions.\n\n"
    )
    assert _off_topic(tmp_path, middle) == []


def test_one_sentence_about_something_else_inside_a_paragraph(tmp_path):
    middle = (
        "Pour the solution away and scrub the limescale with the brush. My sister recently switched her broadband "
        "provider after a price rise. Boil the kettle once more with fresh water.\n\n"
    )
    assert _off_topic(tmp_path, middle) == [("AL305", "warning", 13, 64)]


def test_anecdote_and_quotation_using_the_articles_words_stay_quiet(tmp_path):
    middle = (
        "Pour the solution away and scrub the limescale with the brush. My mother descaled her kettle with vinegar "
        "every Sunday, and last week I found her old brush still furred with limescale. Boil the kettle once more.\n\n"
        '> "We finally stopped buying kettles once we started to descale every month," a reader wrote last year.\n\n'
    )
    assert _off_topic(tmp_path, middle) == []


def test_frame_shift_phrases_and_their_look_alikes():
    from artlint.parsers import parse
    from artlint.topic import frame_shifts_in

    text = (
        "Finally, rinse the kettle. Our editor finally finished her kitchen last weekend, on Saturday. "
        "Leave it to the last week of the plan; this weekend's job is my own garden."
    )
    doc = parse(f"Title\n\n{text}\n", "a.txt", "text")
    block = next(b for b in doc.blocks if b.kind == "paragraph")
    found = [block.text[s:e] for s, e in frame_shifts_in(block)]
    # not "finally" (a step or an ordinary adverb: "has finally met someone") and not "the last week" (part of a plan)
    assert found == ["Our editor", "last weekend", "on Saturday", "this weekend", "my own garden"]
