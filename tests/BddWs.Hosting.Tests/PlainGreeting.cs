using SampleService;

namespace BddWs.Hosting.Tests;

/// <summary>Takes the place of the service's own greeting.</summary>
internal sealed class PlainGreeting : IGreeting
{
    public string Greet(string name) => $"hi {name}";
}
