using System.Text;
using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.PayloadProcessing;

namespace BddWs.ReqnrollPlugin.Reporting.LivingDoc;

/// <summary>
/// The run's messages on disk until the pages are written at its end: a run of 10,000 scenarios
/// sends about 100 MB of them, which the report writer need not hold. A temporary file, gone
/// when the spool is disposed.
/// </summary>
public sealed class MessageSpool : IDisposable
{
    private readonly FileStream _file = new(Path.Combine(Path.GetTempPath(), $"bddws-report-{Guid.NewGuid():N}.ndjson"),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);

    public SpooledMessage Append(Envelope message)
    {
        var bytes = Encoding.UTF8.GetBytes(NdjsonSerializer.Serialize(message));
        _file.Seek(0, SeekOrigin.End);
        var offset = _file.Position;
        _file.Write(bytes);
        return new SpooledMessage(offset, bytes.Length);
    }

    /// <summary>The message as JSON, as it was written.</summary>
    public string Read(SpooledMessage message)
    {
        var bytes = new byte[message.Length];
        _file.Seek(message.Offset, SeekOrigin.Begin);
        _file.ReadExactly(bytes);
        return Encoding.UTF8.GetString(bytes);
    }

    public void Dispose() => _file.Dispose();
}
