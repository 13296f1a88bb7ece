using System.Reflection;
using Reqnroll;
using Reqnroll.Bindings;
using Reqnroll.Bindings.Reflection;

namespace BddWs.ReqnrollPlugin.Catalog;

/// <summary>
/// Every sentence the features may use, read from the step bindings themselves and their XML
/// documentation (<c>summary</c>: the meaning, <c>example</c>: a sentence that uses it, one
/// per attribute when a binding has several), so it
/// is never written by hand. Groups come from the binding classes: <c>ReceivingSteps</c> is "Receiving".
/// </summary>
public sealed class StepCatalog
{
    /// <summary>How to write a <c>{string}</c>, Reqnroll's own placeholder; see <see cref="QuotedText"/>.</summary>
    public const string QuotedTextMeaning =
        "Text in double quotes, `\"Hello\"`, or in single quotes, `'Hello'`. A backslash puts the quote inside: " +
        "`\"say \\\"hi\\\"\"` is the text `say \"hi\"`, `'it\\'s'` is `it's`, and `\\\\` is one backslash; " +
        "any other backslash stays as written (`\"^id=\\d+$\"`). A doc string below a step is taken as written.";

    public const string ValueReferenceMeaning =
        "Written anywhere in quoted text, a doc string or a table cell: the value the scenario remembered under that name " +
        "(see Remembering), or else the environment variable of that name; any other name stops the step, naming the values there are " +
        "(`$${name}` is the text `${name}` itself). " +
        "The report shows each value used under its step, `***` for a secret (tokens, passwords, credentials).";

    /// <summary>
    /// Words that mean one thing in every sentence that says them, defined once here: which message a
    /// sentence speaks of, and the placeholders an expected JSON value may hold.
    /// </summary>
    public static readonly IReadOnlyList<(string Words, string Meaning)> SharedWords =
    [
        ("the last message",
            "The last message received so far, leaving out what the connection ignores: a protocol's own plumbing (a SignalR hub's handshake answer and pings, " +
            "which no sentence ever names) and the messages an \"ignore messages\" step left out. Every sentence that says \"the last message\" means this one."),
        ("the next message",
            "The first message not yet taken by an earlier \"next\" sentence on that connection, leaving out the same messages as \"the last message\"; " +
            "a \"next\" sentence waits for it and takes it (\"the next message where …\" takes the first that fits and skips those before it). " +
            "Counting starts over after a reconnect."),
        ("the message that matched",
            "The message that met the last expectation about one message on that connection (\"a message containing …\", \"the next message …\", " +
            "\"a call to … where:\"), chosen among the messages the connection does not ignore."),
        ("`(any)` or `(present)`",
            "In an expected JSON value: any value that is there, null included (the two words are the same placeholder). A missing field fails."),
        ("`(any string)`, `(any number)`", "In an expected JSON value: any text, or any number."),
        ("`(matching ^A-\\d+$)`",
            "In an expected JSON value: a value whose text (a string as it is, anything else as JSON) the regular expression finds; anchor it with ^ and $ to match the whole."),
        ("`(missing)`", "In an expected JSON value: no such field at all."),
        ("`(remember name)`",
            "In an expected JSON value: any value, remembered as `${name}` once the message or response matched (secret when the field's name looks like a credential); " +
            "in a sentence that keeps no value (ignore rules, counts, \"the next message where\", hub calls) it is refused."),
        ("placeholders everywhere",
            "The placeholders are read the same in every expected JSON value: a JSON document, a `path` / `value` table, a one-line value " +
            "(`\"$.id\" is \"(present)\"`), hub call arguments and an HTTP response; a misspelt one (`(any text)`) stops the step. " +
            "In a value sent (a JSON message, a table of one, an HTTP body) and in a text compared letter by letter (\"the message …\", a header's value) a placeholder is refused, never sent or compared as text."),
    ];

    private static readonly string[] GroupOrder = ["Connecting", "Sending", "Receiving", "JSON", "Binary", "Closing"];

    private StepCatalog(IReadOnlyList<CatalogEntry> entries, IReadOnlyList<ParameterTypeEntry> parameterTypes)
    {
        Entries = entries;
        ParameterTypes = parameterTypes;
    }

    public IReadOnlyList<CatalogEntry> Entries { get; }

    public IReadOnlyList<ParameterTypeEntry> ParameterTypes { get; }

    public IEnumerable<IGrouping<string, CatalogEntry>> Groups => Entries.GroupBy(e => e.Group);

    public static StepCatalog FromAssembly(Assembly assembly) => FromAssemblies([assembly]);

    /// <summary>The sentences of every assembly that Reqnroll found bindings in: BddWs's own and a team's.</summary>
    public static StepCatalog FromBindings(IBindingRegistry bindings) => FromAssemblies(bindings.GetStepDefinitions()
        .Select(b => (b.Method as RuntimeBindingMethod)?.MethodInfo.DeclaringType?.Assembly)
        .OfType<Assembly>()
        .Distinct());

    public static StepCatalog FromAssemblies(IEnumerable<Assembly> assemblies)
    {
        var methods = assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t.GetCustomAttribute<BindingAttribute>() is not null)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .ToList();

        // In a group, sentences keep the order of their bindings in the source (metadata order).
        var entries = methods
            .OrderBy(m => Array.IndexOf(GroupOrder, GroupOf(m.DeclaringType!)) is var i && i < 0 ? int.MaxValue : i)
            .ThenBy(m => m.DeclaringType!.Name, StringComparer.Ordinal)
            .ThenBy(m => m.MetadataToken)
            .SelectMany(m => m.GetCustomAttributes<StepDefinitionBaseAttribute>().Select((a, i) => (Attribute: a, Method: m, Example: Docs(m).Examples(m).ElementAtOrDefault(i) ?? "")))
            .Select(s => new CatalogEntry(
                GroupOf(s.Method.DeclaringType!),
                KeywordOf(s.Attribute, s.Example),
                s.Attribute.Expression ?? "",
                Docs(s.Method).Summary(s.Method),
                s.Example,
                $"{s.Method.DeclaringType!.Name}.{s.Method.Name}",
                WaitsOf(s.Attribute.Expression ?? "", Docs(s.Method).Waits(s.Method))))
            .ToList();

        var parameterTypes = methods
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<StepArgumentTransformationAttribute>()))
            .Where(p => p.Attribute?.Name is not null)
            .Select(p => new ParameterTypeEntry(p.Attribute!.Name!, Docs(p.Method).Summary(p.Method)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();

        return new StepCatalog(entries, parameterTypes);
    }

    private static XmlDocs Docs(MethodInfo method) => XmlDocs.For(method.DeclaringType!.Assembly);

    private static string GroupOf(Type bindingClass)
    {
        var name = bindingClass.Name.EndsWith("Steps", StringComparison.Ordinal) ? bindingClass.Name[..^5] : bindingClass.Name;
        return name switch
        {
            "Json" => "JSON",
            "JsonDocument" => "JSON documents",
            "JsonSchema" => "JSON Schema",
            "GraphQl" => "GraphQL over WebSocket",
            "Http" or "HttpRequest" => "HTTP",
            "HubConnecting" => "Hubs: connecting",
            "HubInvocation" => "Hubs: invocations",
            "HubMessage" => "Hubs: client methods",
            "HubQuestion" => "Hubs: questions",
            "HubStream" => "Hubs: streams",
            "SocketIo" => "Socket.IO",
            _ => name,
        };
    }

    /// <summary>
    /// The optional deadline of a waiting sentence, <c>within 500 ms</c>: one placeholder that may
    /// stand for nothing, so a sentence keeps one binding with or without it (BddWs's <c>{within}</c>).
    /// </summary>
    public const string WithinPlaceholder = "{within}";

    /// <summary>How the catalog writes <see cref="WithinPlaceholder"/>: optional words, in brackets.</summary>
    public const string WithinShown = "[within T]";

    /// <summary>
    /// The optional instance of the service a connecting sentence or a request goes to, <c>on instance "b"</c>:
    /// like <see cref="WithinPlaceholder"/>, one placeholder that may stand for nothing (BddWs's <c>{on-instance}</c>).
    /// </summary>
    public const string OnInstancePlaceholder = "{on-instance}";

    /// <summary>How the catalog writes <see cref="OnInstancePlaceholder"/>: optional words, in brackets.</summary>
    public const string OnInstanceShown = "[on instance \"b\"]";

    /// <summary>The Waits column of a sentence that does not wait and says nothing more.</summary>
    public const string NoWait = "no";

    /// <summary>The Waits column of a sentence that takes <c>[within T]</c>.</summary>
    public const string WaitsUpToTimeout = "until it holds: up to the timeout, or `within T`";

    /// <summary>Said once, above the sentences: what the Waits column tells.</summary>
    public const string WaitsColumn =
        "The Waits column says for every sentence whether it waits, and for what. `no`: the sentence acts on what has " +
        "happened so far and goes on at once; where a waiting sentence could be meant, it is named.";

    /// <summary>
    /// Whether a sentence waits: every sentence with <c>[within T]</c> waits up to the timeout or the time
    /// written (unless a <c>&lt;waits&gt;</c> of its documentation says otherwise); any other says what its
    /// <c>&lt;waits&gt;</c> says (a sentence whose own time is its meaning, one that only starts something),
    /// or else that it does not wait.
    /// </summary>
    public static string WaitsOf(string expression, string waits) =>
        expression.Contains(WithinPlaceholder, StringComparison.Ordinal)
            ? waits.Length > 0 ? waits : WaitsUpToTimeout
            : waits.Length > 0 ? waits : NoWait;

    /// <summary>Said once, where the sentences are listed: the keyword never decides (see <c>KeywordFreeBindingRegistry</c>).</summary>
    public const string AnyKeywordWorks =
        "Any keyword works: each sentence is shown with the keyword it reads best after, but it matches after " +
        "`Given`, `When`, `Then`, `And`, `But` or `*` alike.";

    private static readonly string[] Keywords = ["Given", "When", "Then"];

    /// <summary>
    /// The keyword a sentence reads best after: the one its binding names, or for a sentence bound
    /// for every keyword (<c>[StepDefinition]</c>), the one its example starts with.
    /// </summary>
    private static string KeywordOf(StepDefinitionBaseAttribute attribute, string example) => attribute switch
    {
        GivenAttribute => "Given",
        WhenAttribute => "When",
        ThenAttribute => "Then",
        _ => Keywords.FirstOrDefault(k => example.TrimStart().StartsWith(k + " ", StringComparison.Ordinal)) ?? "Given",
    };
}
