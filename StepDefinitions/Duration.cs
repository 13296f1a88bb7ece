namespace BddWs.StepDefinitions;

/// <summary>
/// A length of time written in a sentence, as <see cref="ParameterTypes.Duration"/> reads it. A type
/// of its own, so that Reqnroll matches <c>{duration}</c> by its pattern and not as any text.
/// </summary>
public readonly record struct Duration(TimeSpan Value)
{
    public static implicit operator Duration(TimeSpan value) => new(value);

    public static implicit operator TimeSpan(Duration duration) => duration.Value;

    public override string ToString() => BddWs.Driver.Format.Duration(Value);
}
