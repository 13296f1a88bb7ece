using System.Runtime.CompilerServices;
using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.PayloadProcessing;

namespace BddWs.Bridge;

/// <summary>
/// Reqnroll's report writers find the Cucumber message enums by reading every type of every
/// assembly loaded when they first write (a static constructor). Done before the run loads the
/// server and the step libraries, that scan covers about 45 assemblies instead of 115: on a busy
/// 2-core machine 0.1-0.3 s instead of 0.6-1 s of the run's start.
/// </summary>
public static class CucumberMessageWarmUp
{
    public static void Run()
    {
        // The enums live in the assembly of Envelope: it must be loaded before the scan.
        RuntimeHelpers.RunClassConstructor(typeof(Envelope).TypeHandle);
        RuntimeHelpers.RunClassConstructor(typeof(CucumberMessagesEnumConverterFactory).TypeHandle);
    }
}
