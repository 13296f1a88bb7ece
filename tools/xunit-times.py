"""Figures from an xUnit v3 XML report, for tools/benchmarks.sh.

  xunit-times.py times REPORT      count, median ms, first scenario ms, sum of scenario times s
  xunit-times.py parallel REPORT   passed, span from first start to last finish s, and whether
                                   the scenarios of each feature ran one after the other in order
"""
import re
import statistics
import sys
import xml.etree.ElementTree as ET
from datetime import datetime


def moment(text):
    # xUnit writes seven digits of fractional seconds; Python reads six.
    return datetime.fromisoformat(re.sub(r"(\.\d{6})\d", r"\1", text))


kind, report = sys.argv[1], sys.argv[2]
tests = list(ET.parse(report).iter("test"))
if kind == "times":
    times = [float(t.get("time")) * 1000 for t in tests]
    print(len(times), f"{statistics.median(times):.1f}", f"{times[0]:.0f}", f"{sum(times) / 1000:.2f}")
else:
    by_feature = {}
    for t in tests:
        m = re.match(r"(.*): Scenario (\d+)", t.get("name"))
        by_feature.setdefault(m[1], []).append((int(m[2]), moment(t.get("start-rtf")), moment(t.get("finish-rtf"))))
    in_order = all(a[2] <= b[1] for runs in by_feature.values() for a, b in zip(sorted(runs), sorted(runs)[1:]))
    span = max(moment(t.get("finish-rtf")) for t in tests) - min(moment(t.get("start-rtf")) for t in tests)
    passed = sum(t.get("result") == "Pass" for t in tests)
    print(passed, f"{span.total_seconds():.2f}", "in-order" if in_order else "OUT-OF-ORDER")
