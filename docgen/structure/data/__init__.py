"""Language data (kk.yaml, ru.yaml) for docgen.structure; a package so the YAML ships with it."""
