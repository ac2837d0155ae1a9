"""Generated examples for rules that need a long text ('a paragraph of 180 words')."""

# Plain sentences of ordinary length (about 20 words each), on one subject, so only length is at fault.
SENTENCES = (
    "Our testers walked each pair of boots on the same ten-mile loop, in rain and in sun, over two months.",
    "They noted how the soles gripped on wet rock, how the laces held, and where the leather rubbed.",
    "Boots that leaked on the first wet day were sent back, and the rest went out again the next week.",
    "A good boot should feel firm at the heel and roomy at the toes, even after hours on a steep descent.",
    "Break new boots in slowly, with short walks at home, before you take them on a long day in the hills.",
)


def text_of(words: int, start: int = 0) -> str:
    """Sentences from SENTENCES, in turn, until there are at least ``words`` words."""
    out, n, i = [], 0, start
    while n < words:
        s = SENTENCES[i % len(SENTENCES)]
        out.append(s)
        n += len(s.split())
        i += 1
    return " ".join(out)


def paragraphs(count: int, words: int) -> str:
    """``count`` paragraphs of at least ``words`` words each."""
    return "\n\n".join(text_of(words, k) for k in range(count))
