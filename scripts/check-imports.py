#!/usr/bin/env python3
"""Checks the module lines the build does not enforce on Linux.

1. Every `import` of every target is among the modules it declares in Package.swift (its target and product
   dependencies, read from `swift package describe --type json`) or a module of the toolchain. A target that
   compiles only through a transitive dependency fails here.
2. libxml2 stays behind its wrapper: only the targets named in LIBXML_USERS import LibXML or CLibXML2.

Exit status 0 when both hold; 1 with one line per violation otherwise.
"""
import json
import os
import re
import subprocess
import sys

# Modules that ship with the Swift toolchain or the C library: any target may import them.
TOOLCHAIN = {
    "Foundation", "FoundationEssentials", "FoundationNetworking", "FoundationXML", "Dispatch", "Glibc", "Musl",
    "Darwin", "Android", "WinSDK", "Synchronization", "Observation", "os", "Testing", "XCTest", "_Concurrency",
    "Swift",
}
# The targets that may touch libxml2: its wrapper, the stages that parse, the benchmark, and their own tests.
LIBXML_USERS = {"CLibXML2", "LibXML", "NewsClean", "NewsFetch", "NewsBench", "LibXMLTests", "NewsCleanTests",
                "NewsFetchTests"}
LIBXML_MODULES = {"LibXML", "CLibXML2"}

IMPORT = re.compile(
    r"^(?:@[A-Za-z_]+(?:\([^)]*\))?\s+)*(?:(?:public|package|internal|fileprivate|private)\s+)?"
    r"import\s+(?:(?:typealias|struct|class|enum|protocol|let|var|func)\s+)?([A-Za-z_][A-Za-z0-9_]*)"
)
HEADER = re.compile(r"^(\s*$|//|/\*|\*|#if|#elseif|#else|#endif|@|import\s|(public|package|internal) import\s)")


def imports(path):
    """The modules a Swift file imports: the import lines of its header (before the first declaration)."""
    found = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            stripped = line.strip()
            if not HEADER.match(stripped):
                break
            match = IMPORT.match(stripped)
            if match:
                found.append(match.group(1))
    return found


def violations(description, root):
    """One line per import a target does not declare, or a libxml2 import outside LIBXML_USERS; and the number
    of imports read."""
    problems = []
    checked = 0
    for target in description["targets"]:
        if target.get("type") == "system-target":
            continue
        name = target["name"]
        declared = set(target.get("target_dependencies") or []) | set(target.get("product_dependencies") or [])
        allowed = declared | TOOLCHAIN | {name}
        folder = os.path.join(root, target["path"])
        for directory, _, files in sorted(os.walk(folder)):
            for file in sorted(files):
                if not file.endswith(".swift"):
                    continue
                path = os.path.join(directory, file)
                relative = os.path.relpath(path, root)
                for module in imports(path):
                    checked += 1
                    if module not in allowed:
                        problems.append(f"{relative}: imports {module}, which target {name} does not declare")
                    if module in LIBXML_MODULES and name not in LIBXML_USERS:
                        problems.append(f"{relative}: imports {module}; only {', '.join(sorted(LIBXML_USERS))} may")
    return problems, checked


def self_test():
    """The check must fail on a package that breaks each rule, and pass on its fixed twin."""
    import tempfile

    with tempfile.TemporaryDirectory() as root:
        os.makedirs(os.path.join(root, "Sources", "App"))
        source = os.path.join(root, "Sources", "App", "main.swift")
        description = {"targets": [{"name": "App", "type": "executable", "path": "Sources/App",
                                    "target_dependencies": ["Core"], "product_dependencies": ["ArgumentParser"]}]}
        with open(source, "w") as handle:
            handle.write("import ArgumentParser\n#if canImport(Glibc)\nimport Glibc\n#endif\n@testable import Core\n"
                         "import LibXML\npublic import Stages\n\nlet text = \"\"\"\nimport Hidden\n\"\"\"\n")
        problems, checked = violations(description, root)
        expected = [
            "Sources/App/main.swift: imports LibXML, which target App does not declare",
            f"Sources/App/main.swift: imports LibXML; only {', '.join(sorted(LIBXML_USERS))} may",
            "Sources/App/main.swift: imports Stages, which target App does not declare",
        ]
        if problems != expected or checked != 5:
            print(f"check-imports self-test: expected {expected} of 5 imports, got {problems} of {checked}")
            return 1
        description["targets"][0]["target_dependencies"] = ["Core", "Stages"]
        with open(source, "w") as handle:
            handle.write("import ArgumentParser\n@testable import Core\npublic import Stages\n\nlet x = 1\n")
        problems, checked = violations(description, root)
        if problems or checked != 3:
            print(f"check-imports self-test: expected no problem in 3 imports, got {problems} of {checked}")
            return 1
    print("check-imports self-test: the undeclared and the libxml2 imports are found, the fixed package passes")
    return 0


def main():
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    description = json.loads(
        subprocess.run(
            ["swift", "package", "describe", "--type", "json"], cwd=root, check=True, capture_output=True, text=True
        ).stdout
    )
    problems, checked = violations(description, root)
    for problem in problems:
        print(problem)
    if problems:
        print(f"check-imports: {len(problems)} problems", file=sys.stderr)
        return 1
    print(f"check-imports: {checked} imports in {len(description['targets'])} targets, all declared")
    return 0


if __name__ == "__main__":
    sys.exit(main())
