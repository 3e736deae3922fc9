"""What a zh_CN user must not read: English words and traditional characters.

A visible text fails when it holds a Latin word that is not on the
allow-list ``zh_allowlist.txt`` (units, codes and proper nouns, each with the
reason it stays in Latin letters), or a traditional character of
``zh_traditional.txt`` where the simplified form exists. Placeholders of
format strings (``%s``, ``%(name)s``, ``{0}``), addresses and HTML markup
are not words a reader sees and are dropped before the check.
"""
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
ALLOWLIST = HERE / "zh_allowlist.txt"
TRADITIONAL = HERE / "zh_traditional.txt"

LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
NOT_WORDS = re.compile(
    r"%\([A-Za-z_]\w*\)[-+ #0-9.]*[sdifr]"  # %(name)s
    r"|%[-+ #0-9.]*[sdifr]"                 # %s, %d, %.2f
    r"|\{[A-Za-z_0-9.]*\}"                  # {0}, {name}
    r"|\$\{[^}]*\}"                         # ${object.name} of templates
    r"|https?://\S+|www\.\S+"               # addresses
    r"|[\w.+-]+@[\w-]+(\.[\w-]+)+"          # e-mail addresses
    r"|&[a-z]+;|&#\d+;"                     # HTML entities
)


def _entries(path):
    """(key, rest) of every non-comment line of a list file."""
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            key, _sep, rest = line.partition(" ")
            yield key, rest.strip()


def load_allowlist(path=ALLOWLIST):
    """Words, and phrases that hold other than Latin letters and digits
    (``B岗``: the Latin letter is allowed only in that phrase)."""
    return {word for word, _rest in _entries(path)}


def load_traditional(path=TRADITIONAL):
    return {trad: simp for trad, simp in _entries(path)}


class ZhText:
    """Checks one text at a time; ``problems(text)`` is empty when a zh_CN
    reader may see it."""

    def __init__(self, allowlist=None, traditional=None):
        self.allowlist = load_allowlist() if allowlist is None else allowlist
        self.phrases = sorted((entry for entry in self.allowlist
                               if not entry.isalnum() or not entry.isascii()),
                              key=len, reverse=True)
        self.traditional = (load_traditional() if traditional is None
                            else traditional)

    def latin_words(self, text):
        """The Latin words of ``text`` a reader would have to understand:
        a word with a digit is a code or a number (A1-G1, SJ202612-00001,
        GB11643) and is not one."""
        text = NOT_WORDS.sub(" ", text or "")
        for phrase in self.phrases:
            text = text.replace(phrase, " ")
        return [word for word in LATIN_WORD.findall(text)
                if word not in self.allowlist
                and not any(char.isdigit() for char in word)]

    def traditional_chars(self, text):
        return ["%s→%s" % (char, self.traditional[char])
                for char in sorted(set(text or "")) if char in self.traditional]

    def problems(self, text):
        found = []
        words = self.latin_words(text)
        if words:
            found.append("Latin: %s" % " ".join(sorted(set(words))))
        chars = self.traditional_chars(text)
        if chars:
            found.append("traditional: %s" % " ".join(chars))
        return found
