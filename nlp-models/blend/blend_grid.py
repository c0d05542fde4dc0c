"""Chooses the incident decision's blend on two proxies of the hidden real ЦУР posts (docs/nlp.md, "The blend").

Inputs: the labelled dev rows' out-of-fold answers (`crossval --task incident --out rows.tsv`) and the shipped
models' answers on real appeals of the dev side (`AppealScores.java`, Kursk and SPb; no model trains on them).
Criterion: the most recall summed over problems and questions (labelled, cross-validated) and over the Kursk and
SPb dev appeals (all incidents), with false alarms ≤ --max-fa over the labelled `none` rows and ≤ --max-tweets over
the tweets. Prints Markdown: the best settings and the reference settings.

python3 nlp-models/blend/blend_grid.py rows.tsv kursk.tsv spb.tsv [--max-fa 0.02] [--max-tweets 0.005]
"""
import argparse, csv
import numpy as np

TYPES = {'problem', 'question', 'none'}


def load(path):
    csv.field_size_limit(1 << 30)
    with open(path, encoding='utf-8') as f:
        return list(csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE))


def prob(s):
    label, value = s.split()
    return float(value) if label == 'complaint' else 1 - float(value)


def matched(row):
    return [x.rsplit(':', 1) for x in row['rules'].split(',') if x]


def signals(rows):
    rules = [matched(r) for r in rows]
    return (np.array([prob(r['complaint']) for r in rows]), np.array([prob(r['incident']) for r in rows]),
            np.array([r['russian'] == 'true' for r in rows]),
            np.array([any(l == 'none' for _, l in m) for m in rules]),
            np.array([any(l in ('problem', 'question') for _, l in m) for m in rules]),
            np.array([any(l not in TYPES for _, l in m) for m in rules]))


def logit(q, eps=1e-4):
    q = np.clip(q, eps, 1 - eps)
    return np.log(q / (1 - q))


def decide(sig, w, fw, floor, t):
    """IncidentDecider: the blend ≥ t unless announced, or a rule with the floor's blend ≥ floor."""
    pc, pi, russian, announced, type_rule, topic_rule = sig
    score = 1 / (1 + np.exp(-(w * logit(pc) + (1 - w) * logit(pi))))
    floor_score = 1 / (1 + np.exp(-(fw * logit(pc) + (1 - fw) * logit(pi))))
    by_rule = (floor_score >= floor) & (type_rule | (topic_rule & ~announced))
    return russian & ((~announced & (score >= t)) | by_rule)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('rows'); ap.add_argument('kursk'); ap.add_argument('spb')
    ap.add_argument('--max-fa', type=float, default=0.02); ap.add_argument('--max-tweets', type=float, default=0.005)
    a = ap.parse_args()
    dev = load(a.rows)
    d, k, s = signals(dev), signals(load(a.kursk)), signals(load(a.spb))
    gold = np.array([r['gold'] for r in dev]); src = np.array([r['source'] for r in dev])
    P, Q, N = gold == 'problem', gold == 'question', gold == 'none'
    T = N & (src == 'rusentitweet')

    def measure(w, fw, fl, t):
        inc = decide(d, w, fw, fl, t)
        return (inc[P].mean(), inc[Q].mean(), inc[N].mean(), inc[T].mean(),
                decide(k, w, fw, fl, t).mean(), decide(s, w, fw, fl, t).mean(), w, fw, fl, round(float(t), 3))

    found = []
    for w in [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1]:
        for fw in sorted({w, 0.2, 0.3, 0.4, 0.6}):
            for fl in [0, 0.1, 0.2, 0.3, 0.4, 0.5]:
                for t in list(np.arange(0.3, 0.99, 0.01)) + [0.985, 0.99]:
                    m = measure(w, fw, fl, t)
                    if m[2] <= a.max_fa and m[3] <= a.max_tweets:
                        found.append(m)
    head = ('| setting | complaint weight | floor\'s weight | rule floor | threshold | problem recall | question recall '
            '| false alarms | on tweets | Kursk dev appeals | SPb dev appeals |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
    row = lambda name, m: '| %s | %.1f | %.1f | %.1f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |' % (
        (name,) + m[6:10] + m[0:6])
    print('## The incident decision\'s blend, chosen on two proxies of real posts\n')
    print('Made by `python3 nlp-models/blend/blend_grid.py rows.tsv kursk.tsv spb.tsv` (docs/nlp.md, "The blend on real '
          'appeals"): rows.tsv is `crossval --task incident --l2 0.002 --out` (INCIDENT-CV.md, whose "best blend" reads '
          'the labelled rows alone); kursk.tsv and spb.tsv are `AppealScores.java` on the dev appeals. The shipped '
          'blend (`IncidentDecider.Blend.DEFAULT`, the threshold default) is the first row.\n')
    print('Labelled dev rows: %d (cross-validated answers); Kursk dev appeals: %d; SPb dev appeals: %d; limits: false '
          'alarms ≤ %.3f, tweets ≤ %.3f.\n' % (len(dev), len(k[0]), len(s[0]), a.max_fa, a.max_tweets))
    print(head)
    for i, m in enumerate(sorted(found, key=lambda m: m[0] + m[1] + m[4] + m[5], reverse=True)[:5]):
        print(row('**most recall on both**' if i == 0 else '', m))
    for i, m in enumerate(sorted(found, key=lambda m: m[0] + m[1], reverse=True)[:3]):
        print(row('most recall on the labelled rows alone' if i == 0 else '', m))
    print(row('evening\'s blend (0.4, 0.4, 0.4) at 0.90', measure(0.4, 0.4, 0.4, 0.9)))


if __name__ == '__main__':
    main()
