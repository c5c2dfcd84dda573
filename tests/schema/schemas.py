"""The schemas of docs/schema/, loaded for validation offline: `validator("eval")`,
`validator("time#/$defs/add")`. Shared by tests/schema and tests/json_api."""
import json
import pathlib

from jsonschema import Draft202012Validator

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCHEMA_DIR = ROOT / "docs" / "schema"
BASE = "https://sla-lang.org/schema/"

STORE = {}
for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
    schema = json.loads(path.read_text(encoding="utf-8"))
    STORE[schema["$id"]] = schema

# Relative $refs (common.schema.json#/$defs/...) resolve against each schema's $id,
# from the files here: nothing is fetched. jsonschema 4.18+ resolves through a
# `referencing` registry; Debian's 4.10 through a RefResolver with a store.
try:
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    REGISTRY = Registry().with_resources(
        (uri, Resource(contents=s, specification=DRAFT202012)) for uri, s in STORE.items())

    def make_validator(schema):
        return Draft202012Validator(schema, registry=REGISTRY)
except ImportError:
    from jsonschema import RefResolver

    def make_validator(schema):
        return Draft202012Validator(schema, resolver=RefResolver("", schema, store=STORE))


VALIDATORS = {}


def validator(name):
    """`time` is the whole schema; `time#/$defs/add` one of its definitions."""
    if name not in VALIDATORS:
        file, _, pointer = name.partition("#")
        uri = f"{BASE}{file}.schema.json"
        VALIDATORS[name] = make_validator(
            STORE[uri] if not pointer else {"$schema": STORE[uri]["$schema"], "$ref": f"{uri}#{pointer}"})
    return VALIDATORS[name]
