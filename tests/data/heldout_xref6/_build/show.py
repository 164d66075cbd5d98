import sys, yaml
k = yaml.safe_load(open('/work/heldout_xref6/answers.yaml'))
for f, e in k.items():
    if sys.argv[1] in f:
        for r in e['references']:
            print(r['in_point'], '|', r['cites'], 'OK' if r['correct'] else 'WRONG->' + str(r['should_cite']) + ' ' + r['kind'], r['needs'], '|', r['quote'])
