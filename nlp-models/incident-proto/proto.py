"""Prototype of the incident model's recipes, scored on both proxies (docs/nlp.md, "The incident model on real text").

Features are the service's own (FeatDump.java: the featuriser every categoriser trains on), TF-IDF as
TfIdfVectorizer ((1 + ln tf)·idf, L2-normalised, a bias, min-df 2, the 50,000 most frequent), logistic regression
by L-BFGS with OpenNLP's penalty (l2 · Σw² over both classes' weights = l2/2 · ‖d‖² for the binary difference d).
Folds as crossval --task incident: CRC32("<id>#fold") % 5. Every dev row's out-of-fold p_incident is blended with
the shipped complaint model's answer and the rules (rows.tsv of crossval --out) and scored as blend_grid.py; the
real dev appeals (kursk.tsv, spb.tsv of AppealScores.java) get p_incident from the model trained on all dev rows.

python3 proto.py DIR config...   (DIR holds rows.tsv, dev.feat, more.feat, extra.jsonl, kursk.tsv, spb.tsv)
a config is name:key=value,...  keys: l2, kursk, spb (weight of the cut train-side appeals), answer, tweet
(weight of the negatives), nb (1 = NB log-count-ratio scaling), split (word|char|both: logit-average of a word
and a char model), maxf, mindf
"""
import csv, json, sys, zlib
import numpy as np
import scipy.sparse as sp
from scipy.optimize import fmin_l_bfgs_b

sys.path.insert(0, __file__.rsplit('/', 1)[0] + '/../blend')
from blend_grid import load, signals, logit  # noqa: E402

DIR = sys.argv[1].rstrip('/') + '/'


def feats(path):
    out = {}
    for line in open(path, encoding='utf-8'):
        parts = line.rstrip('\n').split('\t')
        d = {}
        for p in parts[1:]:
            c, name = p.split(' ', 1)
            d[name] = int(c)
        out[parts[0]] = d
    return out


def fold(id_, k=5):
    return zlib.crc32((id_ + '#fold').encode()) % k


class Tfidf:
    def __init__(self, docs, reps, mindf=2, maxf=50000, prefixes=None):
        """reps: how often the Java trainer sees each document (weights become repeated rows there)."""
        df = {}
        for d, r in zip(docs, reps):
            for n in d:
                if prefixes is None or n[:2] in prefixes:
                    df[n] = df.get(n, 0) + r
        kept = sorted(((c, n) for n, c in df.items() if c >= mindf), key=lambda x: (-x[0], x[1]))[:maxf]
        N = sum(reps)
        self.vocab = {n: i for i, (c, n) in enumerate(kept)}
        self.idf = np.array([np.log((1 + N) / (1 + c)) + 1 for c, n in kept])

    def transform(self, docs):
        rows, cols, vals = [], [], []
        V = len(self.vocab)
        for r, d in enumerate(docs):
            idx = [(self.vocab[n], c) for n, c in d.items() if n in self.vocab]
            if idx:
                ii = np.array([i for i, _ in idx]); cc = np.array([c for _, c in idx], dtype=float)
                v = (1 + np.log(cc)) * self.idf[ii]
                v /= np.sqrt((v * v).sum())
                rows += [r] * len(ii); cols += list(ii); vals += list(v)
            rows.append(r); cols.append(V); vals.append(1.0)
        return sp.csr_matrix((vals, (rows, cols)), shape=(len(docs), V + 1))


def fit_lr(X, y, w, l2, iters=300):
    """min Σ w_i·logloss + (l2/2)·‖d‖², d the weight difference of OpenNLP's two classes."""
    lam = l2 / 2 * 2  # OpenNLP: l2·(‖w1‖² + ‖w2‖²) with w1 = −w2 = d/2 → l2/2·‖d‖²; gradient l2·d
    Xt = X.T.tocsr()
    s = 2 * y - 1

    def f(d):
        z = X @ d
        m = -s * z
        loss = np.logaddexp(0, m)
        g = -s * (1 / (1 + np.exp(-m))) * w
        return (w * loss).sum() + lam / 2 * d @ d, Xt @ g + lam * d
    d, _, _ = fmin_l_bfgs_b(f, np.zeros(X.shape[1]), maxiter=iters)
    return d


def nb_ratio(X, y, alpha=1.0):
    Xb = (X > 0).astype(float)
    p = np.asarray(Xb[y == 1].sum(0)).ravel() + alpha
    q = np.asarray(Xb[y == 0].sum(0)).ravel() + alpha
    r = np.log((p / p.sum()) / (q / q.sum()))
    r[-1] = 1.0  # the bias
    return r


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def model_logit(train_docs, y, w, test_docs, cfg):
    out = 0
    parts = {'both': [None], 'word': [('w=', 'b=', 'p=')], 'char': [('c=',)],
             'split': [('w=', 'b=', 'p='), ('c=',)]}[cfg.get('split', 'both')]
    R = round(1 / w.min())
    reps = np.rint(w * R).astype(int)
    # CategorizerTrainer's class re-weighting: round((max / count)^0.5) repetitions of each class
    counts = np.array([reps[y == 0].sum(), reps[y == 1].sum()])
    cls = np.maximum(1, np.rint((counts.max() / counts) ** 0.5))
    w = reps / R * cls[y.astype(int)]
    for pre in parts:
        tf = Tfidf(train_docs, reps, int(cfg.get('mindf', 2)), int(cfg.get('maxf', 50000)), pre)
        X, Xt = tf.transform(train_docs), tf.transform(test_docs)
        if cfg.get('nb'):
            r = nb_ratio(X, y)
            X, Xt = X @ sp.diags(r), Xt @ sp.diags(r)
        d = fit_lr(X, y, w, float(cfg.get('l2', 0.002)))
        out = out + Xt @ d
    return out / len(parts)


def auc(score, y):
    order = np.argsort(score)
    ranks = np.empty(len(score)); ranks[order] = np.arange(1, len(score) + 1)
    n1 = y.sum(); n0 = len(y) - n1
    return (ranks[y == 1].sum() - n1 * (n1 + 1) / 2) / (n1 * n0)


def extras():
    """The extra training rows (prep.py's extra*.jsonl in DIR)."""
    import glob
    return [json.loads(l) for f in sorted(glob.glob(DIR + 'extra*.jsonl')) for l in open(f, encoding='utf-8')]


def targets(dev):
    """The dev rows' sources, gold masks (problem, question, none, tweets among none), binary target and folds."""
    gold = np.array([r['gold'] for r in dev]); src = np.array([r['source'] for r in dev])
    P, Q, N = gold == 'problem', gold == 'question', gold == 'none'
    return src, P, Q, N, N & (src == 'rusentitweet'), (gold != 'none').astype(float), np.array([fold(r['id']) for r in dev])


def main():
    dev = load(DIR + 'rows.tsv')
    kursk, spb = load(DIR + 'kursk.tsv'), load(DIR + 'spb.tsv')
    import glob
    F = {}
    for f in sorted(glob.glob(DIR + '*.feat')):
        F.update(feats(f))
    extra = extras()
    src, P, Q, N, T, y_dev, folds = targets(dev)
    dev_docs = [F[r['id']] for r in dev]
    base_d, base_k, base_s = signals(dev), signals(kursk), signals(spb)
    java_pi = base_d[1]
    print('java incident model OOF AUC %.4f (written none %.4f)' % (
        auc(java_pi, y_dev), auc(java_pi[(src == 'written')], y_dev[(src == 'written')])), flush=True)
    for spec in sys.argv[2:]:
        name, _, kv = spec.partition(':')
        cfg = dict(x.split('=') for x in kv.split(',') if x)
        ex = [e for e in extra if float(cfg.get(e['kind'], 0)) > 0]
        ex_docs = [F[e['id']] for e in ex]
        ex_y = np.array([e['label'] == 'complaint' for e in ex], dtype=float)
        ex_w = np.array([float(cfg[e['kind']]) for e in ex])
        oof = np.zeros(len(dev))
        for k in range(5):
            tr = folds != k
            docs = [d for d, t in zip(dev_docs, tr) if t] + ex_docs
            y = np.concatenate([y_dev[tr], ex_y]); w = np.concatenate([np.ones(tr.sum()), ex_w])
            oof[~tr] = model_logit(docs, y, w, [d for d, t in zip(dev_docs, ~tr) if t], cfg)
        app = model_logit(dev_docs + ex_docs, np.concatenate([y_dev, ex_y]),
                          np.concatenate([np.ones(len(dev)), ex_w]),
                          [F[r['id']] for r in kursk] + [F[r['id']] for r in spb], cfg)
        pi_d, pi_a = sigmoid(oof), sigmoid(app)
        d = (base_d[0], pi_d) + base_d[2:]
        k = (base_k[0], pi_a[:len(kursk)]) + base_k[2:]
        s = (base_s[0], pi_a[len(kursk):]) + base_s[2:]
        np.save(DIR + 'oof-%s.npy' % name, np.concatenate([pi_d, pi_a]))
        best = grid(d, k, s, P, Q, N, T)
        print('%s AUC %.4f (written %.4f) | %s' % (name, auc(oof, y_dev), auc(oof[src == 'written'], y_dev[src == 'written']),
                                                 ' || '.join(fmt(b) for b in best)), flush=True)


def fmt(m):
    if m is None:
        return '-'
    return 'w%.1f fw%.1f fl%.1f t%.3f: P %.3f Q %.3f fa %.3f tw %.3f K %.3f S %.3f' % (m[6:10] + m[0:6])


def grid(d, k, s, P, Q, N, T, kmin=0.809, smin=0.668):
    """blend_grid.py's grid and decision, the scores computed once per blend and compared with every threshold."""
    def parts(sig):
        pc, pi, russian, announced, type_rule, topic_rule = sig
        lc, li = logit(pc), logit(pi)
        return lc, li, russian, announced, type_rule | (topic_rule & ~announced)
    D, K, S = parts(d), parts(k), parts(s)
    # IncidentCrossval's grid: thresholds 0.50–0.99 and the half steps 0.985, 0.995; its weights and floors below
    ts = np.array(sorted(set(round(x / 100, 2) for x in range(50, 100)) | {0.985, 0.995}))
    lt = np.log(ts / (1 - ts))

    def flags(x, w, fw, fl):
        lc, li, russian, announced, rule = x
        score = w * lc + (1 - w) * li
        fl_ok = (fw * lc + (1 - fw) * li) >= (np.log(fl / (1 - fl)) if fl > 0 else -np.inf)
        by_rule = russian & fl_ok & rule
        return russian[None, :] & ~announced[None, :] & (score[None, :] >= lt[:, None]) | by_rule[None, :]
    found = []
    for w in [0, 0.1, 0.2, 0.3, 0.4, 0.5, 1]:
        for fw in sorted({w, 0.2, 0.3, 0.4}):
            for fl in [0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5]:
                inc = flags(D, w, fw, fl)
                fa, tw = inc[:, N].mean(1), inc[:, T].mean(1)
                okk = (fa <= 0.02) & (tw <= 0.005)
                if not okk.any():
                    continue
                pk, ps = flags(K, w, fw, fl).mean(1), flags(S, w, fw, fl).mean(1)
                pp, qq = inc[:, P].mean(1), inc[:, Q].mean(1)
                for i in np.nonzero(okk)[0]:
                    found.append((pp[i], qq[i], fa[i], tw[i], pk[i], ps[i], w, fw, fl, round(float(ts[i]), 3)))
    # DecisionGrid.best's order: the most recall, then the higher threshold, then the lower rule floor
    rank = lambda m: (m[0] + m[1], m[9], -m[8])  # noqa: E731
    cv = max(found, key=rank, default=None)
    both = max(found, key=lambda m: m[0] + m[1] + m[4] + m[5], default=None)
    ok = [m for m in found if m[4] >= kmin and m[5] >= smin]
    crit = max(ok, key=rank, default=None)
    return [crit, both, cv]


if __name__ == '__main__':
    main()
