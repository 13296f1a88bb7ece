namespace BddWs.Hosting;

/// <summary>How the service's lines are introduced beside a failure.</summary>
internal static class LogLines
{
    public static string Heading(int count) => count == 1
        ? "The service logged 1 line while this scenario ran (scenarios running at the same time may have caused it):"
        : $"The service logged {count} lines while this scenario ran (scenarios running at the same time may have caused some):";
}
