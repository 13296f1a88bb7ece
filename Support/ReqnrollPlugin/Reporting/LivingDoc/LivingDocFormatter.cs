using System.Text;
using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters;
using Reqnroll.Formatters.Configuration;
using Reqnroll.Formatters.RuntimeSupport;
using Reqnroll.Utils;

namespace BddWs.ReqnrollPlugin.Reporting.LivingDoc;

/// <summary>
/// The living documentation, in place of Reqnroll's single-page HTML report (it takes the
/// <c>html</c> formatter's settings): the configured file becomes a summary page, and beside it a
/// folder of the same name holds one page per feature (a long feature, one per 100 scenarios),
/// each drawn by Cucumber's HTML report from that feature's messages only. A single page of a
/// whole run holds every message of it: at 10,000 scenarios, 96 MB that Chromium had not drawn
/// after 2 minutes; a page of 100 opens in 1-2 s.
/// </summary>
public sealed class LivingDocFormatter(IFormattersConfigurationProvider configuration, IFormatterLog log, IFileSystem fileSystem)
    : FileWritingFormatterBase(configuration, log, fileSystem, "html", ".html", "living-doc.html")
{
    private readonly LivingDocument _document = new();
    private string _summaryPath = "";

    protected override Stream CreateTargetFileStream(string outputPath)
    {
        _summaryPath = Path.GetFullPath(outputPath);
        // Pages of an earlier run would describe features that may be gone.
        var pages = LivingDocPages.PagesFolderOf(_summaryPath);
        if (Directory.Exists(pages))
        {
            Directory.Delete(pages, recursive: true);
        }

        return base.CreateTargetFileStream(outputPath);
    }

    protected override void OnTargetFileStreamInitialized(Stream targetFileStream)
    {
    }

    protected override Task WriteToFile(Envelope envelope, CancellationToken cancellationToken)
    {
        _document.Add(envelope);
        return Task.CompletedTask;
    }

    protected override async Task FlushTargetFileStream(CancellationToken cancellationToken)
    {
        await LivingDocPages.WriteAsync(_document, _summaryPath);
        await using (var summary = new StreamWriter(TargetFileStream!, new UTF8Encoding(false), leaveOpen: true))
        {
            IndexPage.Write(summary, _document, Path.GetFileName(LivingDocPages.PagesFolderOf(_summaryPath)));
        }

        await base.FlushTargetFileStream(cancellationToken);
    }

    protected override void OnTargetFileStreamDisposing() => _document.Dispose();
}
