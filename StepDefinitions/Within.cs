namespace BddWs.StepDefinitions;

/// <summary>
/// How long a waiting sentence waits: the <c> within 500 ms</c> it may end with, as
/// <see cref="ParameterTypes.WithinTime"/> reads it, or, left out, the suite's timeout. A type of its
/// own, so that every waiting sentence says "within" the same way and in one place (<c>{within}</c>).
/// </summary>
public readonly record struct Within(TimeSpan? Value)
{
    public static implicit operator Within(TimeSpan value) => new(value);

    public static implicit operator Within(Duration value) => new(value.Value);

    /// <summary>The time the sentence names, or else <paramref name="timeout"/> (the suite's timeout setting).</summary>
    public TimeSpan Or(TimeSpan timeout) => Value ?? timeout;

    public override string ToString() => Value is { } value ? $" within {BddWs.Driver.Format.Duration(value)}" : "";
}
