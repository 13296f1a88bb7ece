using BddWs.Bridge;
using Reqnroll.Plugins;

// Reqnroll needs a test framework to load bindings; this assembly is the "test assembly" whose
// reqnroll.json names BddWs.StepDefinitions as its binding assembly (see VocabularyFixture).
[assembly: RuntimePlugin(typeof(BridgePlugin))]
