# SPDX-License-Identifier: GPL-3.0-or-later
"""The check-worthiness model's feature scheme "gloss-cw-2", shared by the training
script and its tests.  src/core/suggest/gloss-checkworthy.c implements the same
scheme in C: change both together, and give a changed scheme a new name.

A sentence becomes a list of (bucket, value) pairs, one per feature occurrence:

- tokens are maximal runs of Unicode letters (L*) and decimal digits (Nd); ASCII
  letters are lower-cased, other letters are kept as they are (so that C and
  Python agree without Unicode case tables);
- a token holding a digit becomes "<year>" (four digits, 1800-2099) or "<num>";
- "u=TOKEN" for every token, "b=PREV|TOKEN" for every adjacent pair, with "<s>"
  before the first token;
- cue features "c=NAME" with real values (numbers, percentages, money,
  years, comparatives, capitalised words, quotation marks, modal verbs, first
  person, questions, length), and "c=bias" = 1;
- the bucket is the 32-bit FNV-1a hash of the feature's UTF-8 bytes, masked to
  HASH_BITS bits.

The score is the logistic function of the sum of weight[bucket] * value.
"""
import math
import unicodedata

SCHEME = 'gloss-cw-2'
HASH_BITS = 20

_WORD_CATEGORIES = {'Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'Nd'}
_MONEY_WORDS = {'million', 'millions', 'billion', 'billions', 'trillion', 'bn', 'dollars',
                'dollar', 'pounds', 'euros', 'cents', 'yuan', 'yen'}
_PERCENT_WORDS = {'percent', 'percentage', 'pct'}
_COMPARATIVE_WORDS = {'more', 'less', 'fewer', 'than', 'most', 'least', 'largest', 'biggest',
                      'highest', 'lowest', 'smallest', 'first', 'only', 'record', 'times',
                      'twice', 'double', 'half', 'increase', 'increased', 'decrease',
                      'decreased', 'rose', 'fell', 'up', 'down', 'since'}
_MODAL_WORDS = {'will', 'would', 'could', 'should', 'may', 'might', 'must', 'can', 'shall'}
_FIRST_PERSON_WORDS = {'i', 'we', 'me', 'my', 'our', 'us'}
_DATE_WORDS = {'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
               'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september',
               'october', 'november', 'december', 'yesterday', 'ago'}
_REPORTING_WORDS = {'said', 'says', 'say', 'told', 'according', 'added', 'stated', 'claimed',
                    'argued', 'insisted', 'warned', 'wrote', 'reported', 'reports'}
_MONEY_SIGNS = '$£€¥'
_QUOTES = '"“”'


def _is_word_char(ch):
    return unicodedata.category(ch) in _WORD_CATEGORIES


def _ascii_lower(ch):
    return chr(ord(ch) + 32) if 'A' <= ch <= 'Z' else ch


def tokens(text):
    """The raw tokens of text (case kept)."""
    out, cur = [], []
    for ch in text:
        if _is_word_char(ch):
            cur.append(ch)
        elif cur:
            out.append(''.join(cur))
            cur = []
    if cur:
        out.append(''.join(cur))
    return out


def _normalise(tok):
    if any(unicodedata.category(ch) == 'Nd' for ch in tok):
        if len(tok) == 4 and all('0' <= ch <= '9' for ch in tok) and 1800 <= int(tok) <= 2099:
            return '<year>'
        return '<num>'
    return ''.join(_ascii_lower(ch) for ch in tok)


def fnv1a(data):
    h = 0x811C9DC5
    for byte in data:
        h ^= byte
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def bucket(name):
    return fnv1a(name.encode('utf-8')) & ((1 << HASH_BITS) - 1)


def feature_names(text):
    """The (name, value) pairs of text, in the order the C code produces them."""
    raw = tokens(text)
    toks = [_normalise(t) for t in raw]
    feats = []
    prev = '<s>'
    for t in toks:
        feats.append(('u=' + t, 1.0))
        feats.append(('b=' + prev + '|' + t, 1.0))
        prev = t
    n_num = sum(1 for t in toks if t in ('<num>', '<year>'))
    n_caps = sum(1 for i, t in enumerate(raw) if i > 0 and 'A' <= t[0] <= 'Z')
    n_past = sum(1 for t in toks if len(t) >= 4 and t.endswith('ed'))
    stripped = text.rstrip(' \t\n”"’\')')
    cues = [
        ('c=bias', 1.0),
        ('c=num', 1.0 if n_num else 0.0),
        ('c=nums', math.log1p(n_num)),
        ('c=year', 1.0 if '<year>' in toks else 0.0),
        ('c=pct', 1.0 if ('%' in text or any(t in _PERCENT_WORDS for t in toks)) else 0.0),
        ('c=money', 1.0 if (any(s in text for s in _MONEY_SIGNS)
                            or any(t in _MONEY_WORDS for t in toks)) else 0.0),
        ('c=cmp', 1.0 if any(t in _COMPARATIVE_WORDS for t in toks) else 0.0),
        ('c=caps', math.log1p(n_caps)),
        ('c=quote', 1.0 if any(q in text for q in _QUOTES) else 0.0),
        ('c=modal', 1.0 if any(t in _MODAL_WORDS for t in toks) else 0.0),
        ('c=first', 1.0 if any(t in _FIRST_PERSON_WORDS for t in toks) else 0.0),
        ('c=question', 1.0 if stripped.endswith('?') else 0.0),
        ('c=len', math.log1p(len(toks))),
        ('c=date', 1.0 if any(t in _DATE_WORDS for t in toks) else 0.0),
        ('c=past', math.log1p(n_past)),
        ('c=said', 1.0 if any(t in _REPORTING_WORDS for t in toks) else 0.0),
        ('c=short', 1.0 if len(toks) <= 4 else 0.0),
        ('c=noend', 0.0 if stripped.endswith(('.', '!', '?')) else 1.0),
    ]
    feats.extend((n, v) for n, v in cues if v != 0.0)
    return feats


def features(text):
    return [(bucket(n), v) for n, v in feature_names(text)]


def score(weights, text):
    """weights: dict bucket -> weight."""
    z = 0.0
    for b, v in features(text):
        z += weights.get(b, 0.0) * v
    try:
        return 1.0 / (1.0 + math.exp(-z))
    except OverflowError:       # C's exp() gives inf, and the score 0
        return 0.0
