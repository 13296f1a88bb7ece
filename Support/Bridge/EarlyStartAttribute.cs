using System.Reflection;

namespace BddWs.Bridge;

/// <summary>
/// Names, on a test assembly, a type whose <see cref="IEarlyStart.Begin"/> starts something the run
/// will need (the service under test, hosted in-process) as soon as the run begins, while Reqnroll
/// is still starting, or while a watch loop's next run stands by. A package adds it to a suite's
/// assembly from its build files, so a team writes nothing for it.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class EarlyStartAttribute(Type type) : Attribute
{
    public Type Type { get; } = type;

    /// <summary>Begins every early start named on <paramref name="testAssembly"/>, once per process.</summary>
    public static void BeginAll(Assembly testAssembly)
    {
        foreach (var attribute in testAssembly.GetCustomAttributes<EarlyStartAttribute>())
        {
            if (Activator.CreateInstance(attribute.Type) is IEarlyStart start)
            {
                start.Begin(testAssembly);
            }
        }
    }
}
