using BddWs.Driver.Values;
using Reqnroll;

namespace BddWs.StepDefinitions.Hooks;

/// <summary>
/// Fails a scenario that marked a name secret which never had a value: neither remembered by the
/// scenario nor an environment variable. A misspelt name would otherwise pass and mask nothing.
/// Checked at the end, because a secret is best marked before the step that remembers it (the
/// message that carries it is then masked too); a scenario that failed already is left alone, its
/// remembering step may never have run.
/// </summary>
[Binding]
public sealed class SecretNameHooks(ScenarioValues values, ScenarioContext scenario)
{
    [AfterScenario]
    public void EveryNameMarkedSecretHasItsValue()
    {
        if (scenario.TestError is null && values.SecretsNeverFound() is { } why)
        {
            throw new UnknownValueException(why);
        }
    }
}
