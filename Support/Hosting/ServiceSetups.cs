using System.Reflection;

namespace BddWs.Hosting;

/// <summary>The suite's <see cref="IServiceSetup"/> classes, found without registration, in a fixed order (by name).</summary>
internal static class ServiceSetups
{
    public static IReadOnlyList<IServiceSetup> In(Assembly testAssembly) =>
        [.. testAssembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IServiceSetup).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(Create)];

    private static IServiceSetup Create(Type setup) =>
        setup.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes) is { } constructor
            ? (IServiceSetup)constructor.Invoke(null)
            : throw new HostingFailedException($"The service setup {setup.Name} cannot be made: give it a constructor without parameters.");
}
