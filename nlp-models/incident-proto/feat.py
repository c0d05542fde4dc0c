"""net.py's LR `base` with cue families (families.py) appended to the count matrix as more named tokens, on the same
folds, training rows, weights, TF-IDF and grid (docs/nlp.md, "What the incident model sees: cue families").

python3 feat.py DIR texts.jsonl config...
DIR as net.py's (NetDump.java), texts.jsonl of TextDump.java (every document's folded text, NetDump's ids); a config
is net.py's LR keys plus fam=<family>+<family>... (families.FAMILIES; none = the plain `base`) and scale=<s> (the
family columns multiplied by s after the row's L2 norm: a weaker L2 prior on them). Prints the CPU µs a document
the families cost in Python and how many documents carry each.
"""
import json, os, sys, time
import numpy as np
import scipy.sparse as sp
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rank, net  # noqa: E402
import families as F  # noqa: E402

texts = {}
for l in open(sys.argv[2], encoding='utf-8'):
    j = json.loads(l); texts[j['id']] = j['folded']
del sys.argv[2]
C0, ids, names0 = rank.counts()
t0 = time.process_time()
toks = [F.tokens(texts[i]) for i in ids]
fam_tokens = {k: [f(t) for t in toks] for k, f in F.FAMILIES.items()}
print('families over %d documents: %.1f µs CPU a document' % (len(ids), (time.process_time() - t0) / len(ids) * 1e6),
      file=sys.stderr, flush=True)
vocab, fam_of = {}, []
rows, cols = [], []
for k, per_doc in fam_tokens.items():
    for r, tl in enumerate(per_doc):
        for tok in tl:
            key = (k, tok)
            if key not in vocab:
                vocab[key] = len(vocab); fam_of.append(k)
            rows.append(r); cols.append(vocab[key])
Fm = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(ids), len(vocab)))
C = sp.hstack([C0, Fm]).tocsr()
fam_of = np.array([''] * C0.shape[1] + fam_of, dtype=object)
print('family tokens: %d columns; documents with a token: %s' % (len(vocab), {k: int((Fm[:, np.array(fam_of[C0.shape[1]:] == k)].sum(1) > 0).sum()) for k in F.FAMILIES}), file=sys.stderr, flush=True)
# net.main reads the count matrix and the model through these names: the augmented matrix, the masked model
rank.counts = lambda: (C, ids, list(names0) + ['%s:%s' % k for k in vocab])

_tfidf = rank.tfidf


def model_logit(C_, train, y, w, test, cfg):
    fams = set(cfg.get('fam', '').split('+')) - {''}
    mask = (fam_of == '') | np.isin(fam_of, list(fams))
    reps, w = rank.class_weights(w, y)
    X, Xt = _tfidf(C_, train, reps, test, mask, int(cfg.get('mindf', 2)), int(cfg.get('maxf', 50000)))
    scale = float(cfg.get('scale', 1))
    if scale != 1:
        # rank.tfidf's kept columns, again: the family ones scaled after the row's L2 norm (a weaker prior on them)
        df = (C_[train] > 0).T.astype(float) @ reps
        df[~mask] = 0
        kept = np.nonzero(df >= int(cfg.get('mindf', 2)))[0]
        kept = kept[np.argsort(-df[kept], kind='stable')][:int(cfg.get('maxf', 50000))]
        s = np.append(np.where(fam_of[kept] != '', scale, 1.0), 1.0)
        X, Xt = X @ sp.diags(s), Xt @ sp.diags(s)
    return Xt @ net.fit_lr(X, y, w, float(cfg.get('l2', 0.012)))


net.counts = rank.counts
net.model_logit = model_logit
net.DIR = rank.DIR
net.main()
