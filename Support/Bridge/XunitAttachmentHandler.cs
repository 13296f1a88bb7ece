using Reqnroll.Infrastructure;
using Xunit;

namespace BddWs.Bridge;

/// <summary>Files that steps attach (IReqnrollOutputHelper.AddAttachment) become attachments of the xUnit test.</summary>
public sealed class XunitAttachmentHandler : IReqnrollAttachmentHandler
{
    public void AddAttachment(string filePath)
    {
        var name = Path.GetFileName(filePath);
        TestContext.Current.AddAttachment(name, File.ReadAllBytes(filePath), replaceExistingValue: true);
        TestContext.Current.TestOutputHelper?.WriteLine($"Attachment: {filePath}");
    }
}
