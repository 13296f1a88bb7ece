#!/usr/bin/env python3
"""Compares two runs' Cucumber messages scenario by scenario: the merged run of some shards with the
unsharded run of the same suite. A scenario is its feature file, its name and its Examples row; it
must be in both runs with the same steps (text), each ending with the same status. Prints what
differs, one line each, and exits 1 if anything does.

Usage: python3 tools/merge-compare.py UNSHARDED.ndjson MERGED.ndjson
"""
import json
import sys
from collections import Counter


def scenarios(path):
    """Every scenario run of a messages file, as (uri, name, example row, ((step, status), ...))."""
    rows, pickles, cases, runs, results = {}, {}, {}, {}, {}
    with open(path, encoding="utf-8") as messages:
        for line in messages:
            if not line.strip():
                continue
            message = json.loads(line)
            kind, body = next(iter(message.items()))
            if kind == "gherkinDocument":
                rows.update(example_rows(body.get("feature") or {}))
            elif kind == "pickle":
                pickles[body["id"]] = body
            elif kind == "testCase":
                cases[body["id"]] = body
            elif kind == "testCaseStarted":
                runs[body["id"]] = body["testCaseId"]
            elif kind == "testStepFinished":
                results[(body["testCaseStartedId"], body["testStepId"])] = body["testStepResult"]["status"]
    found = Counter()
    for run, case_id in runs.items():
        case = cases[case_id]
        pickle = pickles[case["pickleId"]]
        text = {step["id"]: step["text"] for step in pickle["steps"]}
        steps = tuple((text[step["pickleStepId"]], results.get((run, step["id"]), "NOT RUN"))
                      for step in case["testSteps"] if step.get("pickleStepId"))
        row = next((rows[node] for node in pickle["astNodeIds"][1:] if node in rows), "")
        found[(pickle["uri"], pickle["name"], row, steps)] += 1
    return found


def example_rows(node):
    """The cells of every Examples row under a feature or rule, by the row's id."""
    rows = {}
    for child in node.get("children", []):
        if "rule" in child:
            rows.update(example_rows(child["rule"]))
        for examples in (child.get("scenario") or {}).get("examples", []):
            for row in examples.get("tableBody", []):
                rows[row["id"]] = " | ".join(cell["value"] for cell in row["cells"])
    return rows


def describe(scenario):
    uri, name, row, steps = scenario
    failed = [f"{text} ({status})" for text, status in steps if status != "PASSED"]
    return f"{uri}: {name}{f' [{row}]' if row else ''}" + (f", not passed: {'; '.join(failed)}" if failed else "")


def main(unsharded_path, merged_path):
    unsharded, merged = scenarios(unsharded_path), scenarios(merged_path)
    problems = [f"only in the unsharded run: {describe(s)}" for s in sorted((unsharded - merged).elements())]
    problems += [f"only in the merged run: {describe(s)}" for s in sorted((merged - unsharded).elements())]
    for problem in problems:
        print(problem)
    total = sum(unsharded.values())
    print(f"{total} scenarios in the unsharded run, {sum(merged.values())} in the merged run: "
          + ("the same, step by step." if not problems else f"{len(problems)} differ."))
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
