using System.Text;

namespace BddWs.ReqnrollPlugin.Reporting.LivingDoc;

/// <summary>
/// A page's file name, read from its feature file's path: <c>features/chat/rooms.feature</c> is
/// <c>chat-rooms.html</c>, its parts <c>chat-rooms-1.html</c>, <c>chat-rooms-2.html</c>, ...
/// Characters a file name or a link could trip on become dashes.
/// </summary>
public static class PageFileNames
{
    /// <summary>The name for <paramref name="part"/>, added to <paramref name="taken"/>; a counter keeps names apart.</summary>
    public static string For(FeaturePart part, ISet<string> taken)
    {
        var stem = Stem(part.Uri) + (part.Of > 1 ? $"-{part.Number}" : "");
        var name = stem + ".html";
        for (var other = 2; !taken.Add(name); other++)
        {
            name = $"{stem}~{other}.html";
        }

        return name;
    }

    private static string Stem(string uri)
    {
        var path = uri.Replace('\\', '/');
        path = path.StartsWith("features/", StringComparison.OrdinalIgnoreCase) ? path["features/".Length..] : path;
        path = path.EndsWith(".feature", StringComparison.OrdinalIgnoreCase) ? path[..^".feature".Length] : path;
        var stem = new StringBuilder(path.Length);
        foreach (var c in path)
        {
            stem.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '-');
        }

        return stem.Length == 0 ? "feature" : stem.ToString();
    }
}
