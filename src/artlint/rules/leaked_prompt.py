import re

from artlint.rules._notes import NoteRule

SELF = r"(?:this|the above|the following|the) (?:[\w-]+,? (?:and )?){0,4}?(?:article|blog post|blog|post|guide|piece|content|draft|overview|checklist)"
# the article describing itself: "This article is engaging, SEO-friendly and ..." (what a content brief asks
# for, echoed back as a sentence); its qualities are counted in accept, one of them a brief's own word
SELF_PREDICATE = (
    r'\bthis (?:[\w-]+ )?(?:article|blog post|post|guide|piece|content|tutorial) (?:is|was|has been|will be)\b[^.!?"“”]{0,120}?'
)
# plain praise a brief also asks for; counted only beside one of QUALITY's words
PRAISE_RE = re.compile(
    r"\b(?:fun|easy to (?:follow|read|understand)|easy-to-follow|concise|clear|helpful|practical|well[- ]researched|unique|"
    r"original|detailed|thorough|optimi[sz]ed for|reading level|as requested|per your (?:brief|request))\b",
    re.I,
)
QUALITY = r"\b(?:comprehensive|engaging|informative|seo[- ]optimi[sz]ed|seo[- ]friendly|reader[- ]friendly|keyword[- ]rich|actionable|in-depth|well-structured|plagiarism[- ]free|human[- ]like|conversational)\b"

QUALITY_RE = re.compile(QUALITY, re.I)


class LeakedPrompt(NoteRule):
    """What the writing tool was told, or said back, published with the article."""

    code = "AL407"
    name = "leaked-prompt"
    category = "placeholder"
    severity = "warning"
    what = "Text from the generation prompt or the assistant's reply"
    at_start = {
        "here_is": r"(?:here(?:'s|’s| is)|below is|below you(?:'ll|’ll| will) find) (?:a|an|the|your) [^.!?]{0,60}?(?:\d[\d,]*[- ]word|seo|written in an? [\w, -]{0,40}tone|as requested|you asked for|with h[1-6])",
        # "As an experienced HVAC content specialist, I have put together this ... guide"
        "persona": rf"as an? (?:[\w-]+ ){{0,4}}?(?:expert|specialist|copywriter|writer|blogger|marketer|strategist|consultant|creator|professional|ai|language model)\b[^.!?]{{0,80}}?,\s+(?:i|we)\b[^.!?]{{0,60}}?\b(?:put together|written|crafted|created|prepared|compiled|wrote|developed|designed)\b[^.!?]{{0,20}}?\b{SELF}",
        "persona_seo": r"as an? (?:[\w-]+ ){0,3}?(?:seo|content|digital marketing) (?:expert|specialist|writer|strategist|consultant|copywriter)\b",
        # "I hope this article meets your needs!", "Let me know if you would like a shorter version"
        "signoff": r"(?:i hope (?:this|these|that) (?:article|guide|post|blog|piece|draft|version|content|information) (?:meets|helps|fits|works|is what|was)|"
        r"let me know if you(?:'d|’d| would) like|feel free to ask (?:me )?(?:for|if)|would you like me to|"
        r"if you(?:'d|’d| would) like (?:me to|a shorter|a longer|any (?:changes|adjustments|edits|revisions)|another version)|"
        r"i can(?: also)? (?:adjust|expand|shorten|rewrite|revise|tailor|modify) (?:this|the (?:article|post|tone|length)|it))",
        # "Actionable Tip:", "Meta description:", "Focus keyword:"
        "label": r"(?:actionable (?:tip|advice|takeaway|step|insight|item)s?|seo title|meta description|meta title|focus keyword|focus keyphrase|"
        r"target keyword|primary keyword|secondary keywords|word count|url slug|tone of voice|target audience)\s*:",
    }
    anywhere = {
        # "Certainly! Below is a 900-word blog post on..." (two sentences)
        "opener": (
            ("ertainly", "ure", "bsolutely", "f course", "uestion", "ere you go"),
            r"\b(?:certainly|sure|absolutely|of course|great question|here you go)[!,.]\s+(?:here(?:'s|’s| is| are)|below (?:is|are|you(?:'ll|’ll| will) find)|i(?:'ve|’ve| have) (?:written|created|drafted|put together)|this (?:article|post|blog post|guide))",
        ),
        # "This article fulfils your requirements: it is SEO-optimised, reader-friendly..."
        "requirements": (
            ("requirement", "brief", "instruction", "guideline", "criteria", "specification"),
            rf"\b{SELF} (?:fulfils|fulfills|meets|satisfies|follows|covers|addresses) (?:all )?(?:of )?(?:your|the) (?:requirements|brief|instructions|guidelines|specifications|criteria)",
        ),
        "self_praise": (("this",), SELF_PREDICATE + QUALITY),
        # "this comprehensive, engaging guide"
        "qualities": (
            ("comprehensive", "engaging", "seo", "reader", "keyword", "actionable", "informative"),
            rf"\bthis {QUALITY}(?:,? (?:and )?{QUALITY})+ (?:[\w-]+ )?(?:article|guide|post|blog post|piece|content)\b",
        ),
    }
    labels = {
        "self_praise": "The prompt's requirements, echoed as the article praising itself",
        "signoff": "The assistant's closing words",
        "opener": "The assistant's reply",
        "here_is": "The assistant's reply",
    }
    summary = (
        "The generation prompt or the assistant's reply published as content: a writer persona ('As an SEO expert, I...'), "
        "'Certainly! Here is a 900-word post', 'I hope this helps', the prompt's requirements echoed ('Actionable Tip:')."
    )
    rationale = (
        "Content pipelines paste the model's whole answer: its opening ('Certainly!'), its sign-off, the persona and "
        "requirements the prompt gave it. Readers see the article was generated and not edited. Quoted or named "
        "as a phrase ('phrases like \"As an AI\"'), they are not flagged."
    )
    bad = "Certainly! Here is a 900-word blog post on learning sign language, written in a friendly tone."
    good = 'Phrases like "Certainly! Here is a blog post" show that a draft was pasted without editing.'
    advice = "Remove it: it is the tool talking, not the article."

    def accept(self, name, m, block, sentence, doc) -> bool:
        if name != "self_praise":
            return True
        rest = re.split(r'["“”]', block.text[m.start() : sentence.end], maxsplit=1)[0]  # up to a quotation
        strong = {w.lower() for w in QUALITY_RE.findall(rest)}
        return bool(strong) and len(strong) + len({w.lower() for w in PRAISE_RE.findall(rest)}) >= 2
