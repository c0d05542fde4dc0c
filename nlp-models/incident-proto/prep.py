"""Texts for the incident-model prototype (docs/nlp.md, "The incident model on real text"): the dev appeals of
the real-appeal proxy and the extra training rows, as JSONL {id, text, label, kind}. Train side only for extras:
CRC32("kursk-<id>") % 5 != 0, CRC32("spb-<id>") % 5 != 0, CRC32("rst-<id>") % 5 != 0 (the project's Split).

python3 prep.py DATASETS OUTDIR
"""
import csv, glob, html, json, random, re, sys, zlib

D, OUT = sys.argv[1].rstrip('/') + '/', sys.argv[2].rstrip('/') + '/'
csv.field_size_limit(1 << 30)
dev = lambda key: zlib.crc32(key.encode()) % 5 == 0
GREETING = re.compile(r'^(здравствуйте|добрый (день|вечер)|доброе утро|доброго времени|уважаем|прошу|обращаюсь|пишу)',
                      re.I)
SENT = re.compile(r'(?<=[.!?])\s+')


def social(key, text):
    """An appeal cut to social-post length: its first sentences up to 100–300 characters, some lower-cased."""
    rnd = random.Random(zlib.crc32((key + '#cut').encode()))
    text = html.unescape(html.unescape(re.sub(r'<[^<>]{0,500}>', ' ', text)))
    sents = [s for s in SENT.split(' '.join(text.split())) if s]
    if len(sents) > 1 and GREETING.match(sents[0]) and rnd.random() < 0.8:
        sents = sents[1:]
    limit = rnd.randint(100, 300)
    out = ''
    for s in sents:
        out = (out + ' ' + s).strip()
        if len(out) >= limit * 0.5:
            break
    if len(out) > limit:
        cut = out[:limit].rsplit(' ', 1)[0]
        out = cut if len(cut) > 40 else out[:limit]
    if rnd.random() < 0.4:
        out = out.lower()
    if rnd.random() < 0.3:
        out = out.rstrip('.')
    return out


def write(name, rows):
    with open(OUT + name, 'w', encoding='utf-8') as o:
        for r in rows:
            o.write(json.dumps(r, ensure_ascii=False) + '\n')
    print(name, len(rows), file=sys.stderr)


kdev, ktrain = [], []
for r in csv.DictReader(open(D + 'kursk-citizen-appeals/train_dataset_train.csv', encoding='utf-8')):
    if r['Категория'] == '12':
        continue
    key, text = 'kursk-' + r['id'], r['Текст Сообщения']
    if dev(key):
        kdev.append({'id': key, 'text': text})
    else:
        ktrain.append({'id': key + '#cut', 'text': social(key, text), 'label': 'complaint', 'kind': 'kursk'})
sdev, strain, seen = [], [], set()
for part in ('part1', 'part2'):
    for line in open(D + f'spb-our-city-appeals/spb_appeals_{part}.jsonl', encoding='utf-8'):
        r = json.loads(line)
        key = f"spb-{r['id']}"
        if dev(key):
            if len(sdev) < 1500:
                sdev.append({'id': key, 'text': r['text']})
        elif r['text'] not in seen and len(r['text']) >= 20:
            seen.add(r['text'])
            strain.append({'id': key + '#cut', 'text': social(key, r['text']), 'label': 'complaint', 'kind': 'spb'})
answers = []
for part in ('part1', 'part2'):
    for line in open(D + f'spb-our-city-appeals/spb_answers_{part}.jsonl', encoding='utf-8'):
        r = json.loads(line)
        key = f"spb-{r['id']}"
        if not dev(key) and r.get('answer_text'):
            answers.append({'id': key + '#answer', 'text': social(key + '#a', r['answer_text']), 'label': 'none',
                            'kind': 'answer'})
labelled_refs = set()
for f in glob.glob(sys.argv[3] + '/*.tsv') if len(sys.argv) > 3 else []:
    for r in csv.DictReader(open(f, encoding='utf-8'), delimiter='\t', quoting=csv.QUOTE_NONE):
        labelled_refs.add(r['ref'])
tweets = []
for r in csv.DictReader(open(D + 'rusentitweet/rusentitweet_train.csv', encoding='utf-8')):
    key = 'rst-' + r['id']
    if not dev(key) and r['label'] != 'negative' and r['id'] not in labelled_refs:
        tweets.append({'id': key, 'text': r['text'], 'label': 'none', 'kind': 'tweet'})
rnd = random.Random(17)
for lst in (strain, answers, tweets):
    rnd.shuffle(lst)
write('kursk-dev.jsonl', kdev)
write('spb-dev.jsonl', sdev)
write('extra.jsonl', ktrain + strain[:4000] + answers[:3000] + tweets[:3000])
