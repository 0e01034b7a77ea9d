#!/usr/bin/env python3
"""Validates JSON Lines records against the project's JSON Schemas (draft 2020-12) in schema/.

    python3 scripts/validate-records.py FILE.jsonl [...]     # or - for standard input

Each line's "schema" field ("newsevents.event/3", ...) picks its schema; a line with an unknown or missing
"schema" is an error. Prints one line per invalid record (file:line: path: message) and exits 1 if any, else
prints how many records were valid. Needs the `jsonschema` package (python3-jsonschema).
"""
import json
import os
import sys

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMAS = os.path.join(ROOT, "schema")


def load():
    resources, validators = [], {}
    for name in sorted(os.listdir(SCHEMAS)):
        if name.endswith(".schema.json"):
            with open(os.path.join(SCHEMAS, name), encoding="utf-8") as handle:
                document = json.load(handle)
            Draft202012Validator.check_schema(document)
            resources.append((document["$id"], Resource.from_contents(document)))
    registry = Registry().with_resources(resources)
    for uri, resource in resources:
        title = resource.contents.get("title", "")
        if title.startswith("newsevents.") and "/" in title:
            validators[title] = Draft202012Validator(resource.contents, registry=registry)
    return validators


def main(paths):
    validators = load()
    valid, invalid = 0, 0
    for path in paths or ["-"]:
        handle = sys.stdin if path == "-" else open(path, encoding="utf-8")
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                print(f"{path}:{number}: not JSON: {error}")
                invalid += 1
                continue
            validator = validators.get(record.get("schema") if isinstance(record, dict) else None)
            if validator is None:
                print(f"{path}:{number}: unknown record schema {record.get('schema') if isinstance(record, dict) else None!r}")
                invalid += 1
                continue
            errors = sorted(validator.iter_errors(record), key=lambda error: list(error.path))
            for error in errors[:3]:
                location = "/".join(str(part) for part in error.path) or "(record)"
                print(f"{path}:{number}: {location}: {error.message}")
            if errors:
                invalid += 1
            else:
                valid += 1
    print(f"{valid} records valid, {invalid} invalid")
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
