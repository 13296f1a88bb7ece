using Reqnroll;

namespace BddWs.StepDefinitions.Tests.Helpers;

/// <summary>Collects what hooks write, as the report would.</summary>
public sealed class OutputHelperStub : IReqnrollOutputHelper
{
    public List<string> Lines { get; } = [];

    public void WriteLine(string message) => Lines.Add(message);

    public void WriteLine(string format, params object[] args) => Lines.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));

    public void AddAttachment(string filePath) => Lines.Add($"attachment {filePath}");
}
