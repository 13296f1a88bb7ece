// What a run's Cucumber messages say the report must show.

const SEVERITY = ['UNKNOWN', 'PASSED', 'SKIPPED', 'PENDING', 'UNDEFINED', 'AMBIGUOUS', 'FAILED'];
const PROBLEMS = ['PENDING', 'UNDEFINED', 'AMBIGUOUS', 'FAILED'];

/**
 * Feature names, scenario names as written (an outline once), passed/total test cases, and the
 * names of the scenarios that failed (or are pending, undefined, ambiguous).
 */
export function expectedRun(ndjson) {
  const features = new Set(), scenarios = new Set(), worst = new Map(), pickleNames = new Map(), pickleOfCase = new Map(), nameOfRun = new Map();
  const scenarioNames = children => children.flatMap(child =>
    child.scenario ? [child.scenario.name] : child.rule ? scenarioNames(child.rule.children) : []);
  for (const line of ndjson.split('\n').filter(l => l.trim())) {
    const message = JSON.parse(line);
    if (message.gherkinDocument?.feature) {
      features.add(message.gherkinDocument.feature.name);
      scenarioNames(message.gherkinDocument.feature.children).forEach(name => scenarios.add(name));
    } else if (message.pickle) {
      pickleNames.set(message.pickle.id, message.pickle.name);
    } else if (message.testCase) {
      pickleOfCase.set(message.testCase.id, message.testCase.pickleId);
    } else if (message.testCaseStarted) {
      worst.set(message.testCaseStarted.id, 'UNKNOWN');
      nameOfRun.set(message.testCaseStarted.id, pickleNames.get(pickleOfCase.get(message.testCaseStarted.testCaseId)));
    } else if (message.testStepFinished) {
      const { testCaseStartedId, testStepResult } = message.testStepFinished;
      if (SEVERITY.indexOf(testStepResult.status) > SEVERITY.indexOf(worst.get(testCaseStartedId) ?? 'UNKNOWN')) {
        worst.set(testCaseStartedId, testStepResult.status);
      }
    }
  }
  const passed = [...worst.values()].filter(status => status === 'PASSED').length;
  const failed = [...new Set([...worst].filter(([, status]) => PROBLEMS.includes(status)).map(([id]) => nameOfRun.get(id)))];
  return { features: [...features], scenarios: [...scenarios], passed, total: worst.size, failed };
}
