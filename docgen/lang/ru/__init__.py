"""Russian data for docgen (number words, tokenizer additions). spaCy's own ``ru`` language is used
for tokenization; this package only holds YAML data and never imports spaCy."""
