using Reqnroll;

namespace BddWs.StepDefinitions;

/// <summary>Words of the Socket.IO sentences that stand for values.</summary>
[Binding]
public sealed class SocketIoParameterTypes
{
    /// <summary>
    /// JSON values separated by commas: <c>"ada", "hi"</c>, <c>{"item":"book"}, 2</c>; where they are expected,
    /// placeholders too: <c>"ok", "(remember orderId)"</c>.
    /// </summary>
    // As short as the sentence allows, so that an optional "within T" after them is the deadline, not an argument.
    [StepArgumentTransformation(@"(.+?)", Name = "socketio-arguments")]
    public SocketIoArguments Arguments(string text) => new(text);
}
