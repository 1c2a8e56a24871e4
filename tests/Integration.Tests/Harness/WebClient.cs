using System.Net;

namespace LoanSaaS.Integration.Tests.Harness;

/// <summary>A browser-like client for one host: its own cookie jar, no automatic redirects.</summary>
public sealed class WebClient : IDisposable
{
    public WebClient(int port, string host, bool useCookies = true)
    {
        Host = host;
        BaseAddress = new Uri($"http://{host}:{port}/");
        Cookies = new CookieContainer();
        Http = new HttpClient(LoopbackHandler.Create(port, useCookies ? Cookies : null)) { BaseAddress = BaseAddress };
    }

    public string Host { get; }
    public Uri BaseAddress { get; }
    public CookieContainer Cookies { get; }
    public HttpClient Http { get; }

    public string? Cookie(string name) => Cookies.GetCookies(BaseAddress)[name]?.Value;

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(path);

    public void Dispose() => Http.Dispose();
}

public static class HttpResponseExtensions
{
    public static IEnumerable<string> SetCookies(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    public static bool SetsCookie(this HttpResponseMessage response, string name) =>
        response.SetCookies().Any(c => c.StartsWith(name + "=", StringComparison.Ordinal) && !c.StartsWith(name + "=;", StringComparison.Ordinal));
}
