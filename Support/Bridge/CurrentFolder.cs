namespace BddWs.Bridge;

/// <summary>
/// The folder the user ran the command in, against which a relative path in a setting such as
/// <c>BDDWS_REPORTS</c> is read. xUnit's runner moves the process into the test assembly's folder before
/// any test code runs, so the shell's <c>PWD</c> tells where the command was typed; without it (Windows),
/// the process's current folder.
/// </summary>
public static class CurrentFolder
{
    public static string Full(string path)
    {
        var shell = Environment.GetEnvironmentVariable("PWD");
        var folder = shell is { Length: > 0 } && Path.IsPathRooted(shell) && Directory.Exists(shell) ? shell : Environment.CurrentDirectory;
        return Path.GetFullPath(path, folder);
    }
}
