using Reqnroll.BindingSkeletons;
using Reqnroll.Formatters.PayloadProcessing.Cucumber;
using Reqnroll.Infrastructure;
using Reqnroll.Plugins;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;

namespace BddWs.Bridge;

/// <summary>
/// Tells Reqnroll how to talk to xUnit v3: how to skip or fail a scenario, where step output
/// goes, what to suggest for an undefined step (with an <see cref="IUndefinedStepAdvisor"/>), and how failures read in the report. It stands in for the Reqnroll.xUnit package; a test assembly calls it from
/// its Reqnroll runtime plugin.
/// </summary>
public static class XunitBridge
{
    private const string ProviderName = "bddws-xunit-v3";

    public static void Register(RuntimePluginEvents events, UnitTestProviderConfiguration unitTestProvider)
    {
        unitTestProvider.UseUnitTestProvider(ProviderName);
        events.RegisterGlobalDependencies += (_, e) =>
            e.ObjectContainer.RegisterTypeAs<XunitRuntimeProvider, IUnitTestRuntimeProvider>(ProviderName);
        events.CustomizeGlobalDependencies += (_, e) =>
        {
            e.ObjectContainer.RegisterTypeAs<AdvisingSkeletonProvider, IStepDefinitionSkeletonProvider>();
            e.ObjectContainer.RegisterTypeAs<ReadableMessageFactory, ICucumberMessageFactory>();
        };
        events.CustomizeTestThreadDependencies += (_, e) =>
        {
            e.ObjectContainer.RegisterTypeAs<XunitTraceListener, ITraceListener>();
            e.ObjectContainer.RegisterTypeAs<ReadableTestTracer, ITestTracer>();
            e.ObjectContainer.RegisterTypeAs<XunitAttachmentHandler, IReqnrollAttachmentHandler>();
        };
    }
}
