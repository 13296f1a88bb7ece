using BddWs.Bridge;
using BddWs.Driver.Values;
using Xunit.Sdk;

namespace BddWs.ReqnrollPlugin.Values;

/// <summary>
/// A failure meant for the reader that would show a secret value (a failed expectation quoting
/// the message that carried a token), told again with the secret masked.
/// </summary>
public static class MaskedFailure
{
    /// <summary>The failure with its secrets masked; null when it shows none, or is a fault whose stack trace a developer needs.</summary>
    public static Exception? Of(Exception failure, ScenarioValues values) =>
        ReaderMessage.Of(failure) is { } message && values.Mask(message) is var masked && masked != message
            ? new ReaderFailureException(masked)
            : null;
}
