from artlint.rules._notes import NoteRule

# verbs addressed to the writer and nouns of the document itself (closed classes of English, not samples)
WRITER_VERB = (
    r"(?:add|insert|include|replace|confirm|update|expand|check|verify|find|cite|link|embed|attach|source|get|ask|"
    r"double-check|fill in|write|rewrite|flesh out|finali[sz]e|swap|drop in|put)"
)
DOC_NOUN = (
    r"(?:image|photo|picture|screenshot|graphic|infographic|chart|graph|diagram|illustration|video|visual|map|table|figure|"
    r"link|url|citation|source|quote|stat|statistic|section|paragraph|intro|introduction|conclusion|cta|call to action|"
    r"alt text|caption|heading|subheading|example|comment|product link|affiliate link|internal link|byline|bio|"
    r"meta description|price|date|copy|reference|footnote|testimonial|case study)s?"
)
ROLE = r"(?:editor|ed|writer|author|designer|copywriter|sub-editor|tk|todo|tbd|fixme|note to (?:self|editor|writer|designer)|internal note)"
_VISUALS = (
    "image",
    "photo",
    "picture",
    "graphic",
    "visual",
    "infographic",
    "chart",
    "diagram",
    "illustration",
    "video",
    "screenshot",
    "gif",
    "map",
)
VISUAL = r"(?:" + "|".join(f"{w}s|{w}" for w in _VISUALS) + r")\b"
DONE = r"(?:expanded|added|written|completed|filled|finished|updated|confirmed|fleshed|reviewed|finalised|finalized|inserted|sourced)\b"


class WriterNote(NoteRule):
    """A note about the document (a figure or link still to come, an instruction to the writer) published as content."""

    code = "AL406"
    name = "writer-note"
    category = "placeholder"
    severity = "warning"
    what = "Note for the writer or designer"
    at_start = {
        # "TK: add a comment from...", "[EDITOR: add product links...]", "Editor's note: insert the chart"
        "role": rf"{ROLE}\b(?:'s|’s)?(?: note)?\s*[:\-–]\s*(?:{WRITER_VERB}\b|[^.\]]{{0,60}}?\b{DOC_NOUN}\b[^.\]]{{0,40}}?\b(?:here|below|above|later|tk|tbd|to come|needed)\b)",
        # "Image suggestion: close-up of...", "Chart idea: ...", "Link needed: ..."
        "label": rf"{VISUAL} (?:suggestion|idea|brief|prompt|placeholder|needed|request|description|concept|to come|tbd|tk)\s*:",
        # "Insert an image here of...", "Add a screenshot of the settings page below."
        "directive": rf"{WRITER_VERB} (?:an? |the |some |more |your |a few |\d+ )?(?:[\w-]+ ){{0,3}}?{DOC_NOUN}\b[^.]{{0,60}}?\b(?:here|below|above|later|before publishing|tk|tbd)\b",
    }
    anywhere = {
        # "We'll add a comparison table here later."
        "promise": (
            (),
            rf"\b(?:we|i)(?:'ll|’ll| will) (?:{WRITER_VERB}) (?:an? |the |some |more |a few )?(?:[\w-]+ ){{0,2}}?{DOC_NOUN}\b[^.]{{0,40}}?\b(?:here|below|above|later|soon|shortly)\b",
        ),
        # "Coming soon! We're working on our guide to..." (two sentences)
        "coming": (
            ("oming soon",),
            r"\bcoming soon[!.:]\s+(?:we(?:'re|’re| are)|i(?:'m|’m| am)) (?:currently |still )?(?:working on|testing|writing|preparing|putting together|finishing|updating|reviewing)",
        ),
        # "[IMAGE: worms in bedding]", "{CTA: ...}", "(EDITOR: ...)"
        "bracket": (("[", "{"), rf"[\[{{]\s*(?:{ROLE}|{VISUAL}|{DOC_NOUN}|note)\s*:"),
        "paren": (("(",), r"\((?:editor|writer|designer|tk|todo|tbd)\b ?:"),
        # "Section to be expanded: ...", "this table will be updated"
        "incomplete": (
            ("to be", "will be", "needs", "pending", "being"),
            rf"\b(?:section|paragraph|part|chapter|table|chart|list|comparison|example|faq|intro|introduction|conclusion)s?\s+"
            rf"(?:to be|still to be|needs? to be|will be|is being|are being|pending)\s+{DONE}\b(?!\s+(?:by|with|in|on|at|every|each|when|as|if)\b)",
        ),
        # "see our guide: INSERT LINK", "ADD STAT HERE", "LINK TO COME"
        "caps": (
            ("INSERT", "ADD ", "INCLUDE", "REPLACE", "CONFIRM", "UPDATE", "LINK", "CITE", "NEED", "STAT", "IMAGE", "PHOTO"),
            r"(?-i:\b(?:INSERT|ADD|INCLUDE|REPLACE|CONFIRM|UPDATE|CITE|NEED|NEEDS) (?:(?:A|AN|THE|MORE|HERE|[A-Z]{2,}) ?){1,4}\b|"
            r"\b(?:LINK|STAT|STATS|IMAGE|PHOTO|QUOTE|SOURCE|CHART) (?:TO COME|TBD|TK|HERE|NEEDED|GOES HERE)\b)",
        ),
    }
    labels = {"coming": "Promise of content still to come", "incomplete": "Note that content is unfinished"}
    summary = (
        "Text about the document instead of content: a note that a section, figure or link is still to come, an "
        "instruction to the writer or designer ('[EDITOR: add product links]', 'Image suggestion: ...', 'INSERT LINK')."
    )
    rationale = (
        "Drafts carry notes to the writer, the editor and the designer; published, they tell the reader the "
        "page is unfinished. Told apart from mention (a note quoted or named as a phrase) and from a "
        "published editor's note that introduces a guest author."
    )
    bad = "[EDITOR: add product links for blackout blinds before publishing]"
    good = "Editor's note: this post was written by our guest author, a night-shift nurse of twenty years."
    advice = "Remove the note or write the content it asks for."
