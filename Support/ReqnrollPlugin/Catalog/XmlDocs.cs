using System.Reflection;
using System.Text;
using System.Xml.Linq;

namespace BddWs.ReqnrollPlugin.Catalog;

/// <summary>The XML documentation the compiler writes beside an assembly, looked up by member.</summary>
public sealed class XmlDocs
{
    private readonly Dictionary<string, XElement> _members;

    private XmlDocs(Dictionary<string, XElement> members) => _members = members;

    /// <summary>Reads <c>Name.xml</c> beside the assembly; an empty set when there is none.</summary>
    public static XmlDocs For(Assembly assembly) => Read.GetOrAdd(assembly, Load);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Assembly, XmlDocs> Read = new();

    private static XmlDocs Load(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        var members = File.Exists(path)
            ? XDocument.Load(path).Descendants("member").ToDictionary(m => (string)m.Attribute("name")!)
            : [];
        return new XmlDocs(members);
    }

    public string Summary(MemberInfo member) => Text(member, "summary");

    /// <summary>The <c>&lt;waits&gt;</c> of a sentence: what it waits for, or that it does not; empty when it says nothing.</summary>
    public string Waits(MemberInfo member) => Text(member, "waits");

    /// <summary>Each <c>&lt;example&gt;</c>, in order: a binding with several sentences gives one per sentence.</summary>
    public IReadOnlyList<string> Examples(MemberInfo member) =>
        _members.TryGetValue(Id(member), out var element) ? element.Elements("example").Select(Flatten).ToList() : [];

    private string Text(MemberInfo member, string tag) =>
        _members.TryGetValue(Id(member), out var element) && element.Element(tag) is { } part ? Flatten(part) : "";

    /// <summary>Text with <c>&lt;c&gt;</c> as backticks, <c>cref</c>s by name, and lines trimmed of the comment's indentation.</summary>
    private static string Flatten(XElement element)
    {
        var text = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            text.Append(node switch
            {
                XText t => t.Value,
                XElement { Name.LocalName: "c" } c => $"`{c.Value}`",
                XElement e when e.Attribute("cref") is { } cref => cref.Value[(cref.Value.LastIndexOf('.') + 1)..],
                XElement e => e.Value,
                _ => "",
            });
        }

        var lines = text.ToString().Replace("\r", "").Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[0].Trim().Length == 0) lines.RemoveAt(0);
        while (lines.Count > 0 && lines[^1].Trim().Length == 0) lines.RemoveAt(lines.Count - 1);
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    /// <summary>The documentation id of a member: <c>M:Namespace.Type.Method(System.String)</c>.</summary>
    private static string Id(MemberInfo member) => member switch
    {
        Type type => $"T:{type.FullName}",
        MethodInfo method => $"M:{method.DeclaringType!.FullName}.{method.Name}" +
                             (method.GetParameters() is { Length: > 0 } parameters
                                 ? $"({string.Join(",", parameters.Select(p => p.ParameterType.FullName))})"
                                 : ""),
        _ => $"?:{member.Name}",
    };
}
