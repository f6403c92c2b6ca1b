"""docs/security.md names, for each guarantee, the test that proves it: every test it names
exists (a renamed or deleted test would leave a guarantee without proof)."""
import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = re.compile(r"(tests/[\w/]+\.py)(?:::(\w+))?((?:`?,\s*`?::\w+)*)")


def defined_tests(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.ClassDef))}


def test_every_test_named_by_the_security_page_exists():
    text = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    references = REFERENCE.findall(text)
    assert len(references) > 30  # the page proves its guarantees with tests
    missing = []
    for path, name, more in references:
        file = ROOT / path
        if not file.exists():
            missing.append(path)
            continue
        names = [name] + re.findall(r"::(\w+)", more) if name else []
        tests = defined_tests(file)
        missing += [f"{path}::{n}" for n in names if n not in tests]
    assert missing == []
