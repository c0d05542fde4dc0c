"""net.py's LR `base` with a dense block of word vectors appended to each TF-IDF row: vectors learnt without labels
(PPMI of a ±window co-occurrence matrix, truncated SVD) from EmbCorpus.java's text plus the SPb official answers off
their dev fold, and a post's vector as the SIF-weighted mean of its words' vectors, L2-normalised and multiplied by
`scale` (docs/nlp.md, "Word vectors learnt from the unlabelled corpora").

python3 emb.py DIR texts.jsonl corpus.txt datasets config...
DIR as net.py's (NetDump.java), texts.jsonl of TextDump.java, corpus.txt of EmbCorpus.java; a config is net.py's LR
keys plus unit=word|p<n> (a token is the word or its first n letters), dim (SVD size), win (window), scale (the
block's multiplier after the TF-IDF row's norm; 0 = the plain `base`), mc (min count), sif (SIF's a).
Vectors are cached per (unit, dim, win, mc) in DIR. clusters=K instead appends each post's bag of word clusters (k-means
of the vectors) to its counts, through the same TF-IDF. EMB_CURVE=1 runs curve.py's main (its keys: folds=writer, …).
"""
import json, os, re, sys, time, zlib
import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as sla
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rank, net  # noqa: E402

WORD = re.compile(r'[^\W\d_]+', re.U)
texts_file, corpus_file, datasets = sys.argv[2], sys.argv[3], sys.argv[4]
del sys.argv[2:5]
DIR = rank.DIR


def unit_of(u):
    if u == 'word':
        return lambda w: w
    n = int(u[1:])
    return lambda w: w[:n]


def corpus_lines():
    for line in open(corpus_file, encoding='utf-8'):
        yield line
    for part in ('spb_answers_part1.jsonl', 'spb_answers_part2.jsonl'):
        for line in open(os.path.join(datasets, 'spb-our-city-appeals', part), encoding='utf-8'):
            j = json.loads(line)
            if zlib.crc32(('spb-%s' % j['id']).encode()) % 5 != 0:
                yield j.get('answer_text', '').lower().replace('ё', 'е')


def vectors(unit, dim, win, mc):
    cache = DIR + 'emb-%s-%d-%d-%d.npz' % (unit, dim, win, mc)
    if os.path.exists(cache):
        z = np.load(cache, allow_pickle=True)
        return {w: i for i, w in enumerate(z['vocab'])}, z['vec'], z['p']
    t0 = time.time()
    f = unit_of(unit)
    docs = [[f(w) for w in WORD.findall(l)] for l in corpus_lines()]
    freq = {}
    for d in docs:
        for w in d:
            freq[w] = freq.get(w, 0) + 1
    vocab = [w for w, c in sorted(freq.items(), key=lambda x: -x[1]) if c >= mc][:80000]
    at = {w: i for i, w in enumerate(vocab)}
    seq = []
    for d in docs:
        seq.extend(at.get(w, -1) for w in d)
        seq.append(-2)  # a document's end: no window crosses it
    seq = np.array(seq, dtype=np.int32)
    V = len(vocab)
    rows, cols, vals = [], [], []
    for k in range(1, win + 1):
        a, b = seq[:-k], seq[k:]
        # a window crossing a document's end is dropped: it contains a -2 between a and b
        ends = np.cumsum(seq == -2)
        ok = (a >= 0) & (b >= 0) & (ends[:-k] == ends[k:])
        rows += [a[ok], b[ok]]; cols += [b[ok], a[ok]]
        vals += [np.full(ok.sum() * 2, 1.0 / k, np.float32)]
    M = sp.coo_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(V, V)).tocsr()
    total = M.sum()
    pw = np.asarray(M.sum(1)).ravel()
    pc = pw ** 0.75
    pc /= pc.sum()
    M = M.tocoo()
    # PMI with the context distribution smoothed (^0.75), which keeps rare contexts from dominating
    pmi = np.log(M.data / total) - np.log(pw[M.row] / total) - np.log(pc[M.col])
    keep = pmi > 0
    P = sp.csr_matrix((pmi[keep].astype(np.float32), (M.row[keep], M.col[keep])), shape=(V, V))
    U, S, _ = sla.svds(P, k=dim)
    vec = (U * np.sqrt(S)).astype(np.float32)
    vec /= np.maximum(np.linalg.norm(vec, axis=1, keepdims=True), 1e-9)
    counts = np.array([freq[w] for w in vocab], dtype=float)
    p = counts / counts.sum()
    np.savez(cache, vocab=np.array(vocab, dtype=object), vec=vec, p=p)
    print('vectors %s dim %d win %d: %d words from %d texts, %d tokens, %.0fs' % (unit, dim, win, V, len(docs),
          int(sum(len(d) for d in docs)), time.time() - t0), file=sys.stderr, flush=True)
    return at, vec, p


texts = {}
for l in open(texts_file, encoding='utf-8'):
    j = json.loads(l); texts[j['id']] = j['folded']
C0, ids, names0 = rank.counts()
_blocks = {}


def block(cfg):
    """Every document's vector (rows as C0's) for the config's vectors: the SIF-weighted mean, L2-normalised."""
    key = (cfg.get('unit', 'p6'), int(cfg.get('dim', 100)), int(cfg.get('win', 4)), int(cfg.get('mc', 5)),
           float(cfg.get('sif', 1e-3)))
    if key not in _blocks:
        at, vec, p = vectors(*key[:4])
        f = unit_of(key[0])
        a = key[4]
        D = np.zeros((len(ids), vec.shape[1]), np.float32)
        for r, i in enumerate(ids):
            idx = [at[f(w)] for w in WORD.findall(texts[i]) if f(w) in at]
            if idx:
                wt = a / (a + p[idx])
                v = (vec[idx] * wt[:, None]).sum(0)
                D[r] = v / max(np.linalg.norm(v), 1e-9)
        _blocks[key] = D
    return _blocks[key]


_tfidf = rank.tfidf
_clusters = {}


def cluster_counts(cfg):
    """Every document's bag of word clusters (k-means of the vectors, K clusters), as count columns beside C0's."""
    key = (cfg.get('unit', 'p6'), int(cfg.get('dim', 100)), int(cfg.get('win', 4)), int(cfg.get('mc', 5)),
           int(cfg['clusters']))
    if key not in _clusters:
        from scipy.cluster.vq import kmeans2
        at, vec, p = vectors(*key[:4])
        _, label = kmeans2(vec.astype(np.float64), key[4], seed=17, minit='++', iter=20)
        f = unit_of(key[0])
        rows, cols = [], []
        for r, i in enumerate(ids):
            for w in WORD.findall(texts[i]):
                j = at.get(f(w))
                if j is not None:
                    rows.append(r); cols.append(label[j])
        _clusters[key] = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(ids), key[4]))
    return _clusters[key]


def model_logit(C_, train, y, w, test, cfg):
    reps, w = rank.class_weights(w, y)
    if 'clusters' in cfg:
        C_ = sp.hstack([C_, cluster_counts(cfg)]).tocsr()
    mask = np.ones(C_.shape[1], bool)
    X, Xt = _tfidf(C_, train, reps, test, mask, int(cfg.get('mindf', 2)), int(cfg.get('maxf', 50000)))
    s = float(cfg.get('scale', 0))
    if s > 0:
        D = block(cfg)
        X = sp.hstack([X, sp.csr_matrix(D[train] * s)]).tocsr()
        Xt = sp.hstack([Xt, sp.csr_matrix(D[test] * s)]).tocsr()
    return Xt @ net.fit_lr(X, y, w, float(cfg.get('l2', 0.012)))


net.model_logit = model_logit
net.DIR = DIR
if os.environ.get('EMB_CURVE'):
    # curve.py's training sides and folds (folds=writer, keep=…) with this model
    import curve  # noqa: E402
    curve.model_logit = model_logit
    curve.main()
else:
    net.main()
