from artlint.rules._line_model import LearnedLineRule


class LikelyWriterNote(LearnedLineRule):
    """A line or sentence the learned line model reads as a note about the document or a leaked prompt."""

    code = "AL408"
    name = "likely-writer-note"
    category = "placeholder"
    model_class = "placeholder"
    what = "Likely a note for the writer or a leaked prompt, published as content"
    summary = (
        "A line or sentence that the learned line model (training/README.md) classes as a placeholder: a note "
        "about the document, an instruction to a writer or designer, an assistant's reply leaked from a prompt, "
        "however it is worded."
    )
    rationale = (
        "Notes and prompts are written in endless wordings; the patterns of AL404-AL407 catch the common ones, "
        "and this rule scores the rest from general features (who is addressed, future and 'to be' forms, "
        "brackets, names waiting on someone, length, place). Model-only findings are warnings, never on a line "
        "another placeholder rule already flags."
    )
    bad = "# Repotting a snake plant\n\nNeed a photo of the root ball here before this goes live.\n"
    good = "# Repotting a snake plant\n\nUse a free-draining cactus mix and a pot only one size larger than the old one.\n"
    advice = "Remove the note or write the content it asks for."
