namespace SampleService;

/// <summary>Greets with the word set in <c>Greeting:Word</c> (default "Hello").</summary>
public sealed class ConfiguredGreeting(IConfiguration configuration) : IGreeting
{
    public string Greet(string name) => $"{configuration["Greeting:Word"] ?? "Hello"}, {name}!";
}
