namespace BddWs.StepDefinitions;

/// <summary>
/// A message's position counted from 1, as <see cref="ParameterTypes.Ordinal"/> reads it. A type
/// of its own, so that Reqnroll matches <c>{ordinal}</c> by its pattern and not as any integer.
/// </summary>
public readonly record struct Position(int Value)
{
    public static implicit operator Position(int value) => new(value);

    public override string ToString() => $"#{Value}";
}
