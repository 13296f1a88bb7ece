using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace BddWs.Bridge;

/// <summary>
/// The watch loop (<c>dotnet bddws watch</c>) starts the next run before it is wanted. With
/// <c>BDDWS_STANDBY</c> naming a file, the suite gets ready (the report writers' scan, the suite's early
/// starts such as its service, a WebSocket round trip over loopback, Reqnroll's start), creates that file, and waits for a line on standard
/// input before xUnit looks for scenarios: the run reads the feature files as they are when the line
/// comes, not as they were when the process started. When the input ends instead, the process stops
/// without running anything. xUnit starts this before it discovers anything; the generator makes a
/// subclass in each test assembly and registers it as that assembly's pipeline startup.
/// </summary>
public abstract class Standby(Assembly testAssembly) : ITestPipelineStartup
{
    public const string Variable = "BDDWS_STANDBY";

    /// <summary>Without the variable (<c>dotnet test</c>, a plain run) it does nothing.</summary>
    public async ValueTask StartAsync(IMessageSink diagnosticMessageSink)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } readyFile)
        {
            return;
        }

        Environment.SetEnvironmentVariable(Variable, null);
        await GetReadyAsync();
        await File.WriteAllTextAsync(readyFile, "");
        if (await Console.In.ReadLineAsync() is null)
        {
            Environment.Exit(0);
        }
    }

    public ValueTask StopAsync() => ValueTask.CompletedTask;

    private async Task GetReadyAsync()
    {
        // The same starts the run itself makes as it begins (TestRunLifetime), made early: before the
        // service loads its assemblies (see CucumberMessageWarmUp). Should one fail, the hook that awaits
        // it reports the failure in the run: nothing is thrown here.
        CucumberMessageWarmUp.Run();
        EarlyStartAttribute.BeginAll(testAssembly);
        await WebSocketWarmUp.RunAsync();

        // Reqnroll's lines (plugins loaded, configuration read) are the run's to write, once it runs.
        var console = Console.Out;
        Console.SetOut(TextWriter.Null);
        try
        {
            await ReqnrollWarmUp.RunAsync(testAssembly);
        }
        catch (Exception)
        {
            // Only for speed: whatever stops Reqnroll here stops the run's own start too, which reports it.
        }
        finally
        {
            Console.SetOut(console);
        }
    }
}
