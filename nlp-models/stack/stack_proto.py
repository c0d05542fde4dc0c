"""A learned incident decision over the signals the decider already has, prototyped on crossval's out-of-fold rows
(docs/nlp.md, "A learned decision over the signals").

Input: rows.tsv of `crossval --task incident --out` (every labelled dev row's out-of-fold answers, one setting).
A second 5-fold cross-validation over those rows (folds CRC32(id + '#stack') % 5) fits an L2 logistic regression
over the signals; its out-of-fold scores are judged by crossval's rule: the most problem + question recall with
false alarms ≤ --max-fa over all none rows and ≤ --max-tweets over the tweets. The shipped blend is judged the same
way on the same rows (with the content floor).

python3 nlp-models/stack/stack_proto.py rows.tsv [--max-fa 0.02] [--max-tweets 0.005] [--weights]
"""
import argparse, re, sys, zlib
import numpy as np
from scipy.optimize import minimize

sys.path.insert(0, __file__.rsplit('/', 1)[0] + '/../blend')
from blend_grid import load, prob, logit  # noqa: E402

LINK = re.compile(r'(?i)(?:https?://|www\.)\S*|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:[a-z]{2,6}/\S*|(?:ru|рф|com|org|net|su)\b)')
VK = re.compile(r'\[(?:id|club|public|event)\d+\|[^\]]*\]')
TYPES = {'problem', 'question', 'none'}


def letters(text):
    """ContentLetters.count: letters outside links and mentions, a run of one letter once, case and ё folded."""
    n, prev, i = 0, None, 0
    while i < len(text):
        c = text[i]
        start = i == 0 or text[i - 1].isspace()
        if start and c == '@' and i + 1 < len(text) and not text[i + 1].isspace():
            while i < len(text) and not text[i].isspace():
                i += 1
            prev = None
            continue
        if start and c == '[':
            m = VK.match(text, i)
            if m:
                i, prev = m.end(), None
                continue
        if start and c.isascii() and c.isalnum():
            m = LINK.match(text, i)
            if m:
                i, prev = m.end(), None
                continue
        if c.isalpha():
            f = c.lower().replace('ё', 'е')
            n += f != prev
            prev = f
        else:
            prev = None
        i += 1
    return n


def matched(row):
    return [x.rsplit(':', 1) for x in row['rules'].split(',') if x]


def features(rows, rule_ids, crosses=True, per_rule=True):
    names, cols = [], []

    def add(name, v):
        names.append(name); cols.append(np.asarray(v, dtype=float))
    pc = np.array([prob(r['complaint']) for r in rows]); pi = np.array([prob(r['incident']) for r in rows])
    pt = np.array([(float(r['type'].split()[1]) if r['type'].split()[0] == 'problem' else 1 - float(r['type'].split()[1]))
                   if r['type'] else 0.5 for r in rows])
    lc, li, lt = logit(pc, 1e-4), logit(pi, 1e-4), logit(pt, 1e-4)
    m = [matched(r) for r in rows]
    none_r = np.array([any(l == 'none' for _, l in x) for x in m])
    prob_r = np.array([any(l == 'problem' for _, l in x) for x in m])
    ques_r = np.array([any(l == 'question' for _, l in x) for x in m])
    topic_r = np.array([any(l not in TYPES for _, l in x) for x in m])
    texts = [r['text'] for r in rows]
    let = np.array([letters(t) for t in texts])
    add('complaint logit', lc); add('incident logit', li); add('type logit (problem)', lt)
    add('rule none', none_r); add('rule problem', prob_r); add('rule question', ques_r); add('rule topic', topic_r)
    add('rules matched', [len(x) for x in m])
    add('question mark', ['?' in t for t in texts])
    add('mention first', [bool(re.match(r'\s*(\[(club|id|public|event)\d+\||@\w)', t)) for t in texts])
    add('link', [bool(LINK.search(t)) for t in texts])
    add('letters < 6', let < 6)
    add('log letters', np.log1p(let))
    add('exclamation', ['!' in t for t in texts])
    add('upper share', [sum(ch.isupper() for ch in t) / max(1, sum(ch.isalpha() for ch in t)) for t in texts])
    if crosses:
        pos = prob_r | ques_r | topic_r
        add('incident logit × rule problem/question/topic', li * pos)
        add('incident logit × rule none', li * none_r)
        add('complaint logit × rule problem/question/topic', lc * pos)
        add('complaint logit × incident logit', lc * li / 10)
        add('incident logit × log letters', li * np.log1p(let) / 5)
        add('incident logit × mention first', li * np.array(cols[names.index('mention first')]))
    if per_rule:
        for rid in rule_ids:
            add('rule ' + rid, [any(i == rid for i, _ in x) for x in m])
    return names, np.column_stack(cols), let, pos if crosses else (prob_r | ques_r | topic_r), none_r


def fit(X, y, w, l2):
    mu, sd = X.mean(0), X.std(0) + 1e-9
    Z = np.column_stack([np.ones(len(X)), (X - mu) / sd])

    def f(theta):
        s = Z @ theta
        p = 1 / (1 + np.exp(-s))
        loss = np.sum(w * (np.logaddexp(0, s) - y * s)) + 0.5 * l2 * np.sum(theta[1:] ** 2)
        g = Z.T @ (w * (p - y)); g[1:] += l2 * theta[1:]
        return loss, g
    th = minimize(f, np.zeros(Z.shape[1]), jac=True, method='L-BFGS-B', options={'maxiter': 2000}).x
    return th, mu, sd


def apply(model, X):
    th, mu, sd = model
    return 1 / (1 + np.exp(-(th[0] + ((X - mu) / sd) @ th[1:])))


def best(score_sets, gold, src, russian, max_fa, max_tw):
    """The threshold with the most P + Q recall within the limits (ties to the higher threshold)."""
    P, Q, N = gold == 'problem', gold == 'question', gold == 'none'
    T = N & (src == 'rusentitweet')
    out = None
    for flagged, label in score_sets:
        f = flagged & russian
        fa, tw = f[N].mean(), f[T].mean()
        if fa <= max_fa and tw <= max_tw:
            r = f[P].mean() + f[Q].mean()
            if out is None or r >= out[0]:
                out = (r, f[P].mean(), f[Q].mean(), fa, tw, label)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('rows'); ap.add_argument('--max-fa', type=float, default=0.02)
    ap.add_argument('--max-tweets', type=float, default=0.005)
    ap.add_argument('--weights', action='store_true', help='print the signals-only fit on every row (L2 3) and stop')
    a = ap.parse_args()
    rows = load(a.rows)
    if a.weights:
        names, X, _, _, _ = features(rows, [], False, False)
        th, mu, sd = fit(X, np.array([r['gold'] != 'none' for r in rows], dtype=float), np.ones(len(rows)), 3.0)
        print('bias\t%.6f' % (th[0] - np.sum(th[1:] * mu / sd)))
        for n, t, s in zip(names, th[1:], sd):
            print('%s\t%.6f' % (n, t / s))
        return
    gold = np.array([r['gold'] for r in rows]); src = np.array([r['source'] for r in rows])
    russian = np.array([r['russian'] == 'true' for r in rows])
    y = (gold != 'none').astype(float)
    fold = np.array([zlib.crc32((r['id'] + '#stack').encode()) % 5 for r in rows])
    rule_ids = sorted({i for r in rows for i, _ in matched(r)})
    thresholds = list(np.round(np.arange(0.30, 0.995, 0.005), 3))

    # the shipped blend on the same rows, with its content floor
    from blend_grid import signals, decide
    let_all = np.array([letters(r['text']) for r in rows])
    sig = signals(rows)
    pc, pi, _, announced, type_rule, topic_rule = sig
    sets = []
    for t in thresholds:
        base = decide(sig, 0.1, 0.2, 0.4, t)
        score = 1 / (1 + np.exp(-(0.1 * logit(pc) + 0.9 * logit(pi))))
        by_model = ~announced & (score >= t)
        fl = 1 / (1 + np.exp(-(0.2 * logit(pc) + 0.8 * logit(pi))))
        by_rule = (fl >= 0.4) & (type_rule | (topic_rule & ~announced))
        sets.append(((by_model & (let_all >= 6)) | by_rule, 'blend (0.1, 0.4, 0.2, 6) at %.3f' % t))
    b = best(sets, gold, src, russian, a.max_fa, a.max_tweets)
    print('| decision | problem recall | question recall | mean | false alarms | on tweets | setting |')
    print('|---|---:|---:|---:|---:|---:|---|')
    show = lambda name, b: print('| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %s |' % (name, b[1], b[2], b[0] / 2, b[3], b[4], b[5]))
    show('shipped blend', b)
    for variant, crosses, per_rule in [('signals only', False, False), ('+ crosses', True, False),
                                       ('+ crosses + rule ids', True, True)]:
        names, X, let, pos, none_r = features(rows, rule_ids, crosses, per_rule)
        for l2 in [0.3, 3, 30]:
            for nw in [1, 3]:
                w = np.where(y == 0, nw, 1.0)
                oof = np.zeros(len(rows))
                for k in range(5):
                    tr = fold != k
                    oof[fold == k] = apply(fit(X[tr], y[tr], w[tr], l2), X[fold == k])
                for gate in ['none', 'letters']:
                    sets = []
                    for t in thresholds:
                        f = oof >= t
                        if gate == 'letters':
                            f = f & ((let >= 6) | pos)
                        sets.append((f, 't %.3f' % t))
                    b = best(sets, gold, src, russian, a.max_fa, a.max_tweets)
                    if b:
                        show('stack %s, L2 %g, none ×%d, gate %s' % (variant, l2, nw, gate), b)


if __name__ == '__main__':
    main()
