using System.Reflection;
using System.Text.Json.Nodes;
using Reqnroll.Bindings.Discovery;
using Reqnroll.Events;
using Reqnroll.Formatters.PubSub;
using Reqnroll.Infrastructure;

namespace BddWs.Bridge;

/// <summary>
/// Reqnroll's start made once ahead of a run, by a process that waits to be told to run (the watch
/// loop's next run): its configuration, plugins, the discovery of every binding and the report
/// writers' first and last messages, so that the run's own start finds that code loaded and its
/// reflection done (about 0.15 s of processor time less after the word to run). No hook runs; the
/// report writers write into a folder of their own, deleted after, so the last run's report stays as
/// it is. The run itself then starts Reqnroll afresh, as it always does.
/// </summary>
public static class ReqnrollWarmUp
{
    private const string FormattersVariable = "REQNROLL_FORMATTERS";

    public static async Task RunAsync(Assembly testAssembly)
    {
        var folder = Directory.CreateTempSubdirectory("bddws-warm-up-");
        var formatters = Environment.GetEnvironmentVariable(FormattersVariable);
        Environment.SetEnvironmentVariable(FormattersVariable, ThrowAwayReport(folder.FullName));
        try
        {
            using var container = new ContainerBuilder().CreateGlobalContainer(testAssembly);
            var bindings = container.Resolve<IRuntimeBindingRegistryBuilder>();
            foreach (var assembly in bindings.GetBindingAssemblies(testAssembly))
            {
                bindings.BuildBindingsFromAssembly(assembly);
            }

            bindings.BuildingCompleted();
            if (container.Resolve<ICucumberMessagePublisher>() is IAsyncExecutionEventListener publisher)
            {
                await publisher.OnEventAsync(new TestRunStartedEvent());
                await publisher.OnEventAsync(new TestRunFinishedEvent());
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(FormattersVariable, formatters);
            folder.Delete(recursive: true);
        }
    }

    private static string ThrowAwayReport(string folder) => new JsonObject
    {
        ["formatters"] = new JsonObject
        {
            ["html"] = new JsonObject { ["outputFilePath"] = Path.Combine(folder, "report.html") },
            ["message"] = new JsonObject { ["outputFilePath"] = Path.Combine(folder, "messages.ndjson") },
        },
    }.ToJsonString();
}
