using System.Net;
using System.Text.Json;
using Cucumber.HtmlFormatter;
using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.PayloadProcessing;

namespace BddWs.ReqnrollPlugin.Reporting.LivingDoc;

/// <summary>
/// One page of the living documentation: Cucumber's own HTML report (the same one Reqnroll
/// writes), given only the messages of one feature or part, under a line that leads back to the
/// summary and on to the feature's other parts. The report's script (0.9 MB) is one file that
/// every page loads, not a copy in each.
/// </summary>
public static class FeaturePage
{
    public const string ScriptFile = "cucumber-report.js";

    // The report ends with a "Hooks" section; with the passed hooks left out (QuietHooks) it would
    // only say "No test run hooks were executed.", so it shows only when a hook failed.
    private const string PageCss =
        "nav.bddws-pages{font:15px system-ui,sans-serif;padding:.6em 1em;border-bottom:1px solid #ddd;background:#f6f8fa}" +
        "nav.bddws-pages a{margin-right:1.2em}nav.bddws-pages span{margin-right:1.2em;font-weight:600}" +
        "nav.bddws-pages small{float:right;color:#555}" +
        "#report>article>section:last-child:has(>h2+p:last-child){display:none}";

    // Runs after the page's messages are set, as the inline script would; Chromium lets a page
    // opened from a file load a script from its own folder. Cucumber's report unfolds only features
    // that did not pass; a reader who opened this page came for its feature, so it unfolds the
    // moment the report draws it (before the first paint, however long drawing takes).
    private static readonly string LoadScript =
        "(function(){var q='[data-accordion-component=\"AccordionItemButton\"]';" +
        "var watch=new MutationObserver(function(){var b=document.querySelector(q);if(!b)return;watch.disconnect();" +
        "if(b.getAttribute('aria-expanded')==='false')b.click();});" +
        "watch.observe(document.body,{childList:true,subtree:true});" +
        $"var s=document.createElement('script');s.src='{ScriptFile}';document.body.appendChild(s);}})();";

    /// <summary>How to read the times in the conversation under each step.</summary>
    public const string Legend = "(+N ms) under a step: when it happened, counted from the start of the scenario. " +
                                 "A message shortened at 200 characters unfolds whole below its line.";

    // Stands for a message whose JSON the writer is handed directly.
    private static readonly Envelope SpooledMessage = Envelope.Create(new TestRunStarted(new Timestamp(0, 0), ""));

    /// <summary>Writes the report's script beside the pages.</summary>
    public static Task WriteScriptAsync(string folder) =>
        File.WriteAllTextAsync(Path.Combine(folder, ScriptFile), new HtmlReportSettings().JavascriptResourceLoader());

    public static async Task WriteAsync(LivingDocument document, FeaturePart part, string path, string summaryLink,
        FeaturePart? previous, FeaturePart? next)
    {
        var settings = new HtmlReportSettings
        {
            Title = WebUtility.HtmlEncode($"{part.Title} - living documentation"),
            CustomCss = PageCss,
            JavascriptResourceLoader = () => "",
            CustomScript = NavigationScript(part, summaryLink, previous, next) + LoadScript,
        };
        // Cucumber's writer takes each message as an object, for the function given here to write
        // as JSON; a spooled message is JSON already, and read back into an object only to be
        // written again it would cost as much as the rest of the report (100 MB at 10,000 scenarios).
        string? spooled = null;
        var writer = new MessagesToHtmlWriter(File.Create(path),
            (output, message) => output.WriteAsync(spooled ?? NdjsonSerializer.Serialize(message)), settings);
        try
        {
            foreach (var message in document.RunMessages)
            {
                await writer.WriteAsync(message);
            }

            foreach (var message in part.Messages)
            {
                spooled = document.Read(message);
                await writer.WriteAsync(SpooledMessage);
            }

            spooled = null;
            if (document.Finished is { } finished)
            {
                await writer.WriteAsync(Envelope.Create(finished));
            }
        }
        finally
        {
            spooled = null;
            await writer.DisposeAsync();
        }
    }

    /// <summary>Puts the line of links above the report, which Cucumber's script draws into its own element.</summary>
    private static string NavigationScript(FeaturePart part, string summaryLink, FeaturePart? previous, FeaturePart? next)
    {
        var links = $"<a href=\"{WebUtility.HtmlEncode(summaryLink)}\">All features</a>" +
                    $"<span>{WebUtility.HtmlEncode(part.Of == 1 ? part.FeatureName : $"{part.Title} (part {part.Number} of {part.Of})")}</span>" +
                    (previous is null ? "" : $"<a href=\"{WebUtility.HtmlEncode(previous.FileName)}\">Previous: {WebUtility.HtmlEncode(previous.Title)}</a>") +
                    (next is null ? "" : $"<a href=\"{WebUtility.HtmlEncode(next.FileName)}\">Next: {WebUtility.HtmlEncode(next.Title)}</a>") +
                    $"<small>{Legend}</small>";
        // Serialized as a JSON string: the default encoder escapes '<' and '>', so nothing in it ends the script.
        return "(function(){var nav=document.createElement('nav');nav.className='bddws-pages';" +
               $"nav.innerHTML={JsonSerializer.Serialize(links)};document.body.insertBefore(nav,document.body.firstChild);}})();";
    }
}
