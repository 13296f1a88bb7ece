using System.Buffers.Text;
using System.Security.Cryptography;

namespace BddWs.Server.Endpoints.Orders;

/// <summary>Identifiers nobody can guess: tokens, session ids, order ids.</summary>
public static class RandomId
{
    /// <summary><paramref name="bytes"/> random bytes as URL-safe text (base64url, no padding).</summary>
    public static string Create(int bytes) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));
}
