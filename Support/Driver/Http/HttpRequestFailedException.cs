namespace BddWs.Driver.Http;

/// <summary>A request got no answer: nothing listened, the host is unknown, TLS failed, or the server took too long.</summary>
public sealed class HttpRequestFailedException(string message) : Exception(message)
{
    public override string? StackTrace => null;
}
