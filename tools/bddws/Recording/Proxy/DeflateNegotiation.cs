using System.Net.WebSockets;

namespace BddWs.Cli.Recording.Proxy;

/// <summary>
/// The per-message compression a WebSocket connection agreed on (RFC 7692), from the
/// <c>Sec-WebSocket-Extensions</c> header the service answered with, so its messages can be inflated.
/// </summary>
internal static class DeflateNegotiation
{
    public static WebSocketDeflateOptions? Of(string? extensions)
    {
        if (string.IsNullOrWhiteSpace(extensions))
        {
            return null;
        }

        // The service accepts at most one permessage-deflate offer; other extensions are not read.
        foreach (var extension in extensions.Split(','))
        {
            var parts = extension.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0 || !parts[0].Equals("permessage-deflate", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var options = new WebSocketDeflateOptions();
            foreach (var parameter in parts.Skip(1))
            {
                var (name, value) = parameter.Split('=', 2, StringSplitOptions.TrimEntries) is [var n, var v] ? (n, v.Trim('"')) : (parameter, "");
                switch (name.ToLowerInvariant())
                {
                    case "client_no_context_takeover":
                        options.ClientContextTakeover = false;
                        break;
                    case "server_no_context_takeover":
                        options.ServerContextTakeover = false;
                        break;
                    case "client_max_window_bits" when int.TryParse(value, out var bits):
                        options.ClientMaxWindowBits = Math.Max(bits, 9);
                        break;
                    case "server_max_window_bits" when int.TryParse(value, out var bits):
                        options.ServerMaxWindowBits = Math.Max(bits, 9);
                        break;
                }
            }

            return options;
        }

        return null;
    }
}
