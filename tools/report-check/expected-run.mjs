// What a run's Cucumber messages say the report must show.

const SEVERITY = ['UNKNOWN', 'PASSED', 'SKIPPED', 'PENDING', 'UNDEFINED', 'AMBIGUOUS', 'FAILED'];

/** Feature names, scenario names as written (an outline once), and passed/total test cases. */
export function expectedRun(ndjson) {
  const features = new Set(), scenarios = new Set(), worst = new Map();
  const scenarioNames = children => children.flatMap(child =>
    child.scenario ? [child.scenario.name] : child.rule ? scenarioNames(child.rule.children) : []);
  for (const line of ndjson.split('\n').filter(l => l.trim())) {
    const message = JSON.parse(line);
    if (message.gherkinDocument?.feature) {
      features.add(message.gherkinDocument.feature.name);
      scenarioNames(message.gherkinDocument.feature.children).forEach(name => scenarios.add(name));
    } else if (message.testCaseStarted) {
      worst.set(message.testCaseStarted.id, 'UNKNOWN');
    } else if (message.testStepFinished) {
      const { testCaseStartedId, testStepResult } = message.testStepFinished;
      if (SEVERITY.indexOf(testStepResult.status) > SEVERITY.indexOf(worst.get(testCaseStartedId) ?? 'UNKNOWN')) {
        worst.set(testCaseStartedId, testStepResult.status);
      }
    }
  }
  const passed = [...worst.values()].filter(status => status === 'PASSED').length;
  return { features: [...features], scenarios: [...scenarios], passed, total: worst.size };
}
