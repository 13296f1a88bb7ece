using BddWs.Bridge;
using BddWs.Driver;
using Xunit.Sdk;
using Xunit.v3;

[assembly: TestPipelineStartup(typeof(BddWs.Features.Standby))]

namespace BddWs.Features;

/// <summary>
/// The watch loop (<c>tools/run-features.sh --watch</c>) starts the next run before it is wanted. With
/// <c>BDDWS_STANDBY</c> naming a file, the suite gets ready (the report writers' scan, the bundled server
/// and one echo round trip through the driver, Reqnroll's start), creates that file, and waits for a
/// line on standard input before xUnit looks for scenarios: the run reads the feature files as they are
/// when the line comes, not as they were when the process started. When the input ends instead, the
/// process stops without running anything. xUnit starts this before it discovers anything; a module
/// initializer would come earlier still, but would hold up the server's start in this same assembly.
/// </summary>
public sealed class Standby : ITestPipelineStartup
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

    private static async Task GetReadyAsync()
    {
        if (Environment.GetEnvironmentVariable(SuiteSettings.ServerUrlVariable) is null)
        {
            // The same start the run itself makes (BundledServerWarmUp), made early. Should it fail, the
            // BeforeTestRun hook awaits the same start and reports the failure: nothing is thrown here.
            CucumberMessageWarmUp.Run();
            EarlyStartAttribute.BeginAll(typeof(Standby).Assembly);
        }

        // Reqnroll's lines (plugins loaded, configuration read) are the run's to write, once it runs.
        var console = Console.Out;
        Console.SetOut(TextWriter.Null);
        try
        {
            await ReqnrollWarmUp.RunAsync(typeof(Standby).Assembly);
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
