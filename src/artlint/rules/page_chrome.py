"""Page chrome told from content by features, the way jusText tells boilerplate from text.

A line of page chrome (a share bar, a breadcrumb, a rating widget, an ad label, an author box, a
tag line, a call to action) is short, is rarely a sentence, is made of interface words and platform
names cut up by separators, and sits at the top or the tail of the article or between sections.
Each of those is weak alone; the rule adds them up and reports a block whose score passes a
threshold, naming the features that scored. Lexicons here are small sets of interface words, not
whole strings: the decision always comes from several features together.
"""

from __future__ import annotations

import re

from artlint import text as textutil
from artlint.rule import Rule

# Buttons and links of page widgets: a segment that starts with one of these is a control, not text.
BUTTON_RE = re.compile(
    r"(?:share|tweet|pin(?: it)?|print|e-?mail(?: this| to)|save (?:to|for later|this (?:post|article|recipe|pattern|guide))|"
    r"download|subscribe|sign (?:up|in)|log ?in|register|follow us|rate this|vote|reply|bookmark|install|upvote|copy link|"
    r"(?:read|load|show|see|view) (?:more|next|all|also)|jump to|skip to|back to top|add to|like this|"
    r"leave a (?:comment|reply)|favou?rites?|(?:click|tap) here|"
    r"(?:previous|next|older|newer) (?:post|article|story|page)|listen to this (?:article|post|story)|"
    r"privacy policy|terms of (?:use|service)|contact us|about us|sitemap|advertise with us)\b",
    re.I,
)
# Social and app platforms (a run of them, or one after a button, is a share or app bar).
PLATFORMS = frozenset(
    "facebook twitter whatsapp pinterest linkedin reddit telegram instagram youtube tiktok threads mastodon "
    "bluesky flipboard messenger rss ios android email e-mail x".split()
)
# Characters that cut a line into menu items, crumbs or buttons.
SEPARATOR_RE = re.compile(r"[|•·›»]|\s[>/–—-]\s|:\s")  # "/", ">" and dashes only between spaces (paths, ranges)
CRUMB_RE = re.compile(r"^\s*(?:(?:home|start)\s*[›»>/]|[›»>]\s*\w)|\s[›»>]\s.+\s[›»>]\s", re.I)
COUNT_RE = re.compile(
    r"\b1 (?:vote|rating|review|comment|reply|view|share|like)\b|"
    r"\b\d[\d,.]*k?\s+(?:votes|ratings|reviews|comments|replies|views|shares|likes|followers|subscribers)\b|[★☆⭐]{2,}",
    re.I,
)
# The widget's own question opening the block, or its answer buttons.
FEEDBACK_RE = re.compile(
    r"^\W*(?:(?:was|is|did you find) this [\w ]{1,30}(?:helpful|useful)|how (?:useful|helpful) was|rate this)\b|"
    r"\?\W*yes\W{1,5}no\b|👍.{0,12}👎",
    re.I,
)
# An ad or promotion label opening the block, or the marks of an offer.
AD_LABEL_RE = re.compile(r"^\W*(?:sponsored|advertisement|advert|ads?|promoted|promotion|paid partnership|partner content)\b", re.I)
OFFER_RE = re.compile(
    r"\b\d+\s*%\s*off\b|\b(?:use|with) (?:the )?code\s+[A-Z0-9]{4,}\b|\bfree (?:trial|shipping|download)\b|"
    r"\blimited (?:time|offer|slots|places|spaces|availability|stock)\b|\b(?:shop|buy|order|book) now\b",
    re.I,
)
# A call to action in the site's voice: an imperative, the site's "our", and the thing offered.
CTA_VERB_RE = re.compile(
    r"(?:^|[.!?]\s+)[^\w\s]{0,4}\s*(?:(?:click|tap) here to \w+|get|join|download|grab|claim|sign up|subscribe|install|enter your|never miss|don'?t miss|want more|love)\b",
    re.I,
)
OFFER_NOUNS = frozenset(
    "newsletter newsletters app apps checklist ebook e-book course webinar template toolkit tips updates inbox "
    "community podcast deals offers discount readers subscribers digest free ebook book guide".split()
)
SITE_VOICE_RE = re.compile(r"\b(?:our|we'?ll|us)\b", re.I)
AUTHOR_LABEL_RE = re.compile(r"^\W*(?:about the (?:author|writer)s?|meet the (?:author|writer))\b", re.I)
# A bio in the third person: a full name and a writer's role, "writes about", "is ... based in".
BIO_RE = re.compile(
    r"\b(?:[A-Z][a-z]+ ){1,2}[A-Z][a-z]+ (?:is|has been) an? (?:[\w-]+ ){0,4}?"
    r"(?:writer|journalist|editor|blogger|author|reporter|contributor|columnist|copywriter)s?\b|"
    r"\b(?:[A-Z][a-z]+ ){1,2}[A-Z][a-z]+ (?:writes about|is an? [\w -]{3,40} based in)\b"
)
BYLINE_RE = re.compile(r"^\W*(?:written|posted|published|reviewed) by:?\s+[A-Z]")
META_RE = re.compile(
    r"^\W*(?:posted in|filed (?:in|under)|tagged(?: with)?|tags|categories|category)\b\s*:?\s*\S",
    re.I,
)
# Words page widgets are labelled with. A short line made only of these (and small words) is a widget's
# label or button: "Leave a comment", "Related Articles", "Print Recipe", "This site uses cookies".
WIDGET_WORDS = frozenset(  # interface words with no other common sense
    "reply replies comment comments related recommended author autor auteur subscribe unsubscribe print tweet "
    "cookie cookies sponsored advertisement newsletter login logout register tags categories archive archives "
    "widget sidebar".split()
)
WIDGET_MODIFIERS = frozenset(  # words widgets use that prose uses too: two of them make a label
    "leave post posts article articles story stories news latest recent popular trending read more content must "
    "bio recipe jump share shares pin accept privacy policy settings menu search home navigation next previous "
    "top back submit cancel enter name email website required load show view".split()
)
LABEL_FILLER = frozenset("a an the this that to of for our your you us me on in by like all site uses here please it".split())
SELF_REF_RE = re.compile(r"\bthis (?:post|article|recipe|guide|page|story|pattern)\b", re.I)
# The label of a list of other posts' links ("Read next in Home Office", "More from the blog").
LIST_LABEL_RE = re.compile(
    r"^\W*(?:(?:read|see|view|explore) (?:next|more|also)|more (?:from|in|on|about)|related(?: posts?| articles?| reading)?)\b", re.I
)
SENTENCE_END = (".", "!", "?", "…", '"', "”", ")")

THRESHOLD = 4  # two strong features, or one strong and two weak: one alone never reports
MAX_CHARS = 480  # 60 words of 8 characters: longer blocks are skipped before their words are looked at
MAX_WORDS = 60  # chrome blocks are short; c. 95% of those in the devset and seeds are under 30 words
STRONG, WEAK = 3, 1
BLOCK_KINDS = frozenset({"paragraph", "heading", "list_item", "quote"})


def _segments(text: str) -> list[str]:
    if not _has_mark(text, SEPARATOR_MARKS):
        return [text]  # most blocks: no separator at all, and no split to pay for
    segs = SEPARATOR_RE.split(text)
    return [s.strip() for s in segs if s.strip()] if len(segs) > 1 else [text]


# Cheap gates: a regex runs only when the block holds one of the words it needs (a set lookup per block).
BUTTON_WORDS = frozenset(
    "share tweet pin print email mail save download subscribe sign log login register follow rate vote reply "
    "bookmark install upvote copy read load show see view jump skip back add like leave favourites favorites "
    "click tap previous next older newer listen privacy terms contact about sitemap advertise".split()
)
COUNT_WORDS = frozenset(
    "vote votes rating ratings review reviews comment comments reply replies view views share shares like likes followers subscribers".split()
)
FEEDBACK_WORDS = frozenset("helpful useful yes rate".split())
AD_WORDS = frozenset("sponsored advertisement advert ad ads promoted promotion paid partner".split())
OFFER_WORDS = frozenset("off code free limited now".split())
CTA_WORDS = frozenset("get join download grab claim sign subscribe install enter never don want love click tap".split())
VOICE_WORDS = frozenset("our we ll us".split())
AUTHOR_WORDS = frozenset("author authors writer writers".split())
BIO_WORDS = frozenset("writer writers journalist editor blogger author reporter contributor columnist copywriter writes based".split())
META_WORDS = frozenset("posted filed tagged tags categories category written published reviewed".split())
LIST_WORDS = frozenset("read see view explore more related".split())
# What SEPARATOR_RE and the star widgets need, as substrings: `in` finds them far faster than a regex scan.
SEPARATOR_MARKS = ("|", "•", "·", "›", "»", " > ", " / ", " – ", " — ", " - ", ": ")
BAR_MARKS = ("|", "•", "·", "›", "»", "★", "☆", "⭐", "👍", "👎")  # rare in prose: one is enough to look closer
SPACED_MARKS = (" > ", " / ", " – ", " — ", " - ")  # common in prose: a bar has two or more
STAR_MARKS = ("★", "☆", "⭐", "👍", "👎")


def _has_bar(text: str) -> bool:
    """Separators or stars enough to make a bar of items or a widget (`in` tests: many times faster than a regex)."""
    for m in BAR_MARKS:
        if m in text:
            return True
    for m in SPACED_MARKS:
        if m in text:
            return sum(text.count(m) for m in SPACED_MARKS) >= 2
    return False


def _has_mark(text: str, marks: tuple[str, ...]) -> bool:
    for m in marks:
        if m in text:
            return True
    return False


FIRST_TRIGGERS = BUTTON_WORDS | AD_WORDS | META_WORDS | LIST_WORDS | CTA_WORDS | frozenset("about meet was is did how".split())
LONG_TRIGGERS = (
    (PLATFORMS - {"x", "email", "e", "mail"})
    | frozenset("votes ratings reviews comments replies views shares likes followers subscribers".split())
    | FEEDBACK_WORDS
    | AUTHOR_WORDS
    | BIO_WORDS
    | frozenset("code limited trial shipping".split())
)
ALL_TRIGGERS = (
    BUTTON_WORDS
    | PLATFORMS
    | COUNT_WORDS
    | FEEDBACK_WORDS
    | AD_WORDS
    | OFFER_WORDS
    | CTA_WORDS
    | AUTHOR_WORDS
    | BIO_WORDS
    | META_WORDS
    | LIST_WORDS
    | WIDGET_WORDS
    | WIDGET_MODIFIERS
)


def _headline_list_follows(blocks, i: int) -> bool:
    """Two or more short lines that are not sentences come next (a list of other posts' titles)."""
    nxt = blocks[i + 1 : i + 3]
    return len(nxt) == 2 and all(
        b.kind in ("list_item", "heading", "paragraph") and b.words <= 14 and not b.text.rstrip().endswith(".") for b in nxt
    )


def features(block, position: str, repeated: bool, list_follows: bool = False) -> list[tuple[str, int]]:
    """The scored features of one block, as (name, weight)."""
    text = block.text.strip()
    words = block.words
    found: list[tuple[str, int]] = []
    runs = block.alnum_runs
    segs = _segments(text)
    stars = _has_mark(text, STAR_MARKS)
    buttons = 0
    if not BUTTON_WORDS.isdisjoint(runs):
        buttons = sum(1 for s in segs if BUTTON_RE.match(s.strip(" :*_#\u200b📱📬👉")))
        if words <= 8:  # a short line of controls may run them together: "Log in to leave a comment"
            runs_together = len({m.lower() for m in BUTTON_RE.findall(text)})
            buttons = max(buttons, runs_together if runs_together >= 2 else 0)
    # "x" and "email" are platforms only in a bar of items; in prose they are an ordinary letter and word
    platforms = len(runs & PLATFORMS) if len(segs) >= 2 else len((runs - {"x", "email", "e", "mail"}) & PLATFORMS)
    if buttons >= 2 or (buttons and platforms):
        found.append(("buttons", STRONG))
    elif buttons:
        found.append(("button word", WEAK))
    if platforms >= 2:
        found.append(("platform names", STRONG if len(segs) >= 3 else WEAK))
    if len(segs) >= 3 and CRUMB_RE.search(text) and all(textutil.count_words(s) <= 5 for s in segs):
        found.append(("breadcrumb", STRONG))
    if (stars or not COUNT_WORDS.isdisjoint(runs)) and COUNT_RE.search(text):
        found.append(("vote/comment/view counts", STRONG))
    if (stars or not FEEDBACK_WORDS.isdisjoint(runs)) and FEEDBACK_RE.search(text):
        found.append(("feedback widget", STRONG))
    m = AD_LABEL_RE.match(text) if not AD_WORDS.isdisjoint(runs) else None
    if m:  # the label alone (or before a separator) is an ad slot; before other words it may be a topic
        rest = text[m.end() :].strip()
        found.append(("ad label", STRONG if not rest or not rest[0].isalnum() else WEAK))
    if not OFFER_WORDS.isdisjoint(runs) and OFFER_RE.search(text):
        found.append(("promotion", STRONG))
    if (
        not CTA_WORDS.isdisjoint(runs)
        and not VOICE_WORDS.isdisjoint(runs)
        and not OFFER_NOUNS.isdisjoint(runs)
        and CTA_VERB_RE.search(text)
        and SITE_VOICE_RE.search(text)
    ):
        found.append(("call to action", STRONG))
    m = LIST_LABEL_RE.match(text) if not LIST_WORDS.isdisjoint(runs) else None
    if m and list_follows:
        found.append(("label of a list of links", STRONG))
    elif m and len(segs) >= 2 and not text.endswith((".", "!")):
        found.append(("link to another post", STRONG))
    if not AUTHOR_WORDS.isdisjoint(runs) and AUTHOR_LABEL_RE.match(text):
        found.append(("author-box label", STRONG))
    bio = not BIO_WORDS.isdisjoint(runs) and bool(BIO_RE.search(text))
    if bio:
        found.append(("third-person writer's bio", STRONG))
    if not META_WORDS.isdisjoint(runs):
        if position.startswith("tail") and BYLINE_RE.match(text):
            found.append(("byline at the tail", STRONG))  # at the top a byline is the article's own
        if META_RE.match(text):
            found.append(("date/tag/category line", STRONG))
    norm = block.norm_words
    if 0 < len(norm) <= 5 and not text.endswith((".", "?")):
        core = sum(1 for w in norm if w in WIDGET_WORDS)
        mods = sum(1 for w in norm if w in WIDGET_MODIFIERS)
        if (core or mods >= 2) and core + mods + sum(1 for w in norm if w in LABEL_FILLER) == len(norm):
            found.append(("widget label", STRONG))
    if buttons and SELF_REF_RE.search(text):
        found.append(("control for this page", STRONG))
    if not found:
        return found  # position and shape alone never make chrome: a heading is short too
    if len(segs) >= 3 and sum(textutil.count_words(s) <= 4 for s in segs) >= len(segs) - 1:
        found.append(("separated short items", WEAK))
    if block.link_text_chars and block.link_text_chars >= 0.5 * len(text):
        found.append(("link density", WEAK))
    if not text.endswith(SENTENCE_END) or words <= 4:
        found.append(("not a sentence", WEAK))
    if position:
        found.append((position, WEAK))
    if repeated:
        found.append(("repeated", WEAK))
    if words >= 12 and text.endswith(SENTENCE_END) and not bio:
        stop = textutil.stopwords()
        density = sum(1 for w in norm if w in stop) / max(1, words)
        if density >= 0.4:  # jusText's "good" paragraphs run at 0.3+; prose about sharing reads like prose
            found.append(("prose", -2))
    return found


class PageChrome(Rule):
    """Page chrome (share bars, crumbs, rating and feedback widgets, ads, author boxes) found by features."""

    code = "AL613"
    name = "page-chrome"
    category = "boilerplate"
    severity = "warning"
    fallback = True  # the pack's patterns name chrome more precisely ("Ad slot", "Comment form"): they win a line
    summary = "A line or short block of page chrome (buttons, share bar, breadcrumb, rating widget, ad, author box, tag line)."
    rationale = (
        "Widgets of the page template end up in the article body when it is scraped or assembled by a pipeline. "
        "They are told from content by features, as jusText does: interface words and platform names, separators "
        "between short items, counts of votes and comments, ad and offer labels, a call to action in the site's "
        "voice, an author box, not a sentence, link density, position at the top or tail, repetition. A block is "
        "reported when its features add up to the threshold; the message names them."
    )
    bad = "How to Store Winter Tyres\n\nShare this guide: Facebook | Pinterest | Email\n\nKeep them stacked flat in a cool, dark place."
    good = "How to Store Winter Tyres\n\nMost readers found this guide through a friend who shared it on Facebook.\n"

    def check(self, doc):
        rows: dict[int | None, int] = {}
        for b in doc.blocks:
            if b.kind == "table_row":
                rows[b.table] = rows.get(b.table, 0) + 1
        # the title too (a crumb trail can sit above it), and one-row "tables" (a bar of buttons split by pipes)
        body = [b for b in doc.blocks if b.kind in BLOCK_KINDS or (b.kind == "table_row" and rows[b.table] == 1)]
        if not body:
            return
        last = len(body) - 1
        counts: dict[str, int] | None = None
        may_be_chrome = _may_be_chrome
        for i, b in enumerate(body):
            if len(b.text) > MAX_CHARS or not b.words or b.words > MAX_WORDS or not may_be_chrome(b):
                continue
            if counts is None:
                counts = {}
                for other in body:
                    counts[other.norm] = counts.get(other.norm, 0) + 1
            position = "top of article" if i <= 2 else "tail of article" if i >= last - 3 else ""
            found = features(b, position, counts[b.norm] > 1 and b.words >= 2, _headline_list_follows(body, i))
            score = sum(w for _, w in found)
            if score >= THRESHOLD:
                names = ", ".join(n for n, w in found if w > 0)
                yield self.hit(f"Page chrome in the article body (score {score}: {names}).", b, 0, min(len(b.text), 80))


def _may_be_chrome(block) -> bool:
    """A cheap first look (a few set lookups), so that most blocks never reach the features.

    A short line can be a widget label or a button, so any interface word lets it through. A longer block
    gets through only with a separator bar or a star, or with what the features that read sentences need:
    an interface word first (a button, an ad, a tag or list label, "About the author"), a platform, a plural
    count noun, a feedback word, an offer code, a writer's role (a bio), or the site's voice with an offer.
    """
    runs = block.alnum_runs
    if block.words <= 8:
        if not ALL_TRIGGERS.isdisjoint(runs):
            return True
    elif block.norm_words[0] in FIRST_TRIGGERS or not LONG_TRIGGERS.isdisjoint(runs):
        return True
    elif "%" in block.text and "off" in runs:
        return True
    elif not VOICE_WORDS.isdisjoint(runs) and not OFFER_NOUNS.isdisjoint(runs) and not CTA_WORDS.isdisjoint(runs):
        return True
    return _has_bar(block.text)
