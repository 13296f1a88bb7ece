namespace BddWs.StepDefinitions;

/// <summary>
/// A size written in a sentence (<c>2000 bytes</c>, <c>64 KiB</c>, <c>1 MiB</c>), as
/// <see cref="ParameterTypes.Size"/> reads it. A type of its own, so that Reqnroll matches
/// <c>{size}</c> by its pattern and not as any text.
/// </summary>
public readonly record struct ByteCount(int Bytes)
{
    public override string ToString() => $"{Bytes} bytes";
}
