namespace SampleService;

/// <summary>How the service greets; a suite may replace it.</summary>
public interface IGreeting
{
    string Greet(string name);
}
