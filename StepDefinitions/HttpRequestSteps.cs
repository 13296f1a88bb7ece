using BddWs.Driver.Http;
using BddWs.Driver.Values;
using BddWs.ReqnrollPlugin.Files;
using Reqnroll;

namespace BddWs.StepDefinitions;

/// <summary>
/// HTTP requests whose body comes from elsewhere than the feature's own text (a file next to the
/// feature, a body of a given size for a limit), and a header set earlier left out again.
/// </summary>
[Binding]
public sealed class HttpRequestSteps(ScenarioHttp http, FeatureFiles files, ScenarioValues values)
{
    /// <summary>
    /// Sends a request whose body is the content of a file next to the feature, found as "I send the content
    /// of" finds it: a <c>.json</c> file is checked and sent compact as <c>application/json</c>, any other as
    /// <c>text/plain</c>; <c>${name}</c> in it is replaced first.
    /// </summary>
    /// <example>When I send a POST request to "/api/orders" with the content of "payloads/order.json"</example>
    /// <example>When I send a POST request to "/api/orders" on instance "b" with the content of "payloads/order.json"</example>
    /// <waits>for the answer: up to the timeout</waits>
    [StepDefinition("I send a {http-method} request to {string}{on-instance} with the content of {string}")]
    public Task SendFile(HttpMethod method, string target, OnInstance on, string name)
    {
        var text = values.Expand(files.ReadText(name));
        return http.SendAsync(method, target, name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? HttpBody.Json(text) : HttpBody.Plain(text), on.Name);
    }

    /// <summary>
    /// Sends a request whose body is a text of exactly this size (the letter x repeated), as <c>text/plain</c>:
    /// for a limit on the size of a request.
    /// </summary>
    /// <example>When I send a POST request to "/api/login" with a body of 2 MB</example>
    /// <waits>for the answer: up to the timeout</waits>
    [StepDefinition("I send a {http-method} request to {string}{on-instance} with a body of {size}")]
    public Task SendSized(HttpMethod method, string target, OnInstance on, ByteCount size) =>
        http.SendAsync(method, target, HttpBody.Plain(new string('x', size.Bytes)), on.Name);

    /// <summary>Later HTTP requests no longer send this header, set earlier by "the HTTP header … is …".</summary>
    /// <example>Given the HTTP header "Authorization" is not sent</example>
    [StepDefinition("the HTTP header {string} is not sent")]
    public void WithoutHeader(string name) => http.RemoveHeader(name);
}
