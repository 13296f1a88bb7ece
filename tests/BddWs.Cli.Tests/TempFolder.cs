namespace BddWs.Cli.Tests;

/// <summary>A folder of the test's own, with files written into it by relative path; deleted after.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("bddws-cli-").FullName;

    public string Write(string relative, string text = "")
    {
        var file = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        return file;
    }

    public string Folder(string relative) => Directory.CreateDirectory(System.IO.Path.Combine(Path, relative)).FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
