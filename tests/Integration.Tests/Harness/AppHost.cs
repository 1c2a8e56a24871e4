using System.Net;
using System.Security.Claims;
using LoanSaaS.Domain.Tenancy;
using LoanSaaS.Infrastructure.Common;
using LoanSaaS.Infrastructure.Persistence;
using LoanSaaS.Infrastructure.SignUp;
using LoanSaaS.Infrastructure.Team;
using LoanSaaS.Tenancy.Catalog;
using LoanSaaS.Tenancy.Databases;
using LoanSaaS.Tenancy.Provisioning;
using LoanSaaS.Tenancy.Resolution;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LoanSaaS.Integration.Tests.Harness;

/// <summary>
/// The real app (Program) on real Kestrel at 127.0.0.1:{random port}, with its own data folder, catalog and
/// database-name prefix, so fixtures and runs never collide. One instance per provider per test run.
/// </summary>
public abstract class AppHost : IAsyncLifetime
{
    public const string BaseDomain = "localhost";
    public const string PlatformAdminEmail = "it-admin@loansaas.local";
    public const string PlatformAdminPassword = "ItAdmin2026ok";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<object>>> _shared = new();
    private AppNode? _node;

    protected AppHost()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "loansaas-it", $"{GetType().Name}-{RunId}");
    }

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Random per fixture: part of the data folder, the database prefix and the catalog name.</summary>
    public string RunId { get; } = TestIds.Hex8();

    public string DataDirectory { get; }

    public string DatabaseNamePrefix => $"lit_{RunId}_";

    public int Port { get; private set; }

    /// <summary>Whether live events and SignalR go through Redis (as on a multi-node deployment).</summary>
    public virtual bool UsesRedis => false;

    public IServiceProvider Services => _node?.Services ?? throw new InvalidOperationException("The app has not started.");

    public string AgencyHost(string slug) => $"{slug}.{BaseDomain}";

    /// <summary>Settings passed to the app as host settings (they win over appsettings*.json).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        yield return new("Database:Provider", Provider.ToString());
        yield return new("Database:DataDirectory", DataDirectory);
        yield return new("Database:DatabaseNamePrefix", DatabaseNamePrefix);
        yield return new("Demo:Enabled", "false");
        // The agencies' default reclaim rules would act on the real clock mid-test; reclaim tests run the pass themselves.
        yield return new("Pools:Reclaim:Enabled", "false");
        // Time-based rules run when a test runs them at a moved clock (RunTimeRules), never on the real one in between.
        yield return new("Automation:TimeSweepInterval", "12:00:00");
        yield return new("Platform:AdminEmail", PlatformAdminEmail);
        yield return new("Platform:AdminPassword", PlatformAdminPassword);
        yield return new("Tenancy:BaseDomain", BaseDomain);
        yield return new("Logging:LogLevel:Default", "Warning");
        yield return new("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        // Provisioning-failure tests fail on purpose; their stack traces would only be noise.
        yield return new("Logging:LogLevel:LoanSaaS.Tenancy.Provisioning", "None");
    }

    /// <summary>Checks the servers this provider needs; throws a clear message when they are missing.</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    /// <summary>Drops what the run created outside <see cref="DataDirectory"/> (best effort).</summary>
    protected virtual Task CleanupAsync() => Task.CompletedTask;

    public virtual async Task InitializeAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Directory.CreateDirectory(DataDirectory);
        await PrepareAsync();
        _node = AppNode.Start(Settings().ToList());
        Port = _node.Port;
        Console.WriteLine($"[{GetType().Name}] app on 127.0.0.1:{Port} started in {clock.Elapsed.TotalSeconds:F1} s");
    }

    public virtual async Task DisposeAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (_node is not null) await _node.DisposeAsync();
        Console.WriteLine($"[{GetType().Name}] app stopped in {clock.Elapsed.TotalSeconds:F1} s");
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        try
        {
            await CleanupAsync();
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"[{GetType().Name}] cleanup failed: {e.Message}");
        }
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Something several tests of a class can share (e.g. two provisioned agencies), created once per app.</summary>
    public async Task<T> SharedAsync<T>(string key, Func<Task<T>> create) where T : class =>
        (T)await _shared.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await create())).Value;

    /// <summary>This app's database settings as environment variables, for running the built app as a child process.</summary>
    public IReadOnlyDictionary<string, string> DatabaseEnvironment() => Settings()
        .Where(s => s.Value is not null && (s.Key.StartsWith("Database:", StringComparison.Ordinal) || s.Key.StartsWith("ConnectionStrings:", StringComparison.Ordinal)))
        .ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);

    // ---- HTTP -------------------------------------------------------------------------------------------------

    /// <summary>A client for one host (e.g. "acme.localhost"), dialing this app on loopback, with its own cookie jar.</summary>
    public WebClient CreateClient(string host) => new(Port, host);

    /// <summary>A client that sends no cookie jar: set Cookie headers yourself (e.g. agency A's cookie on agency B's host).</summary>
    public WebClient CreateCookielessClient(string host) => new(Port, host, useCookies: false);

    public WebClient CreateAgencyClient(Agency agency) => CreateClient(agency.Host);

    /// <summary>Posts the login form exactly as the browser does; returns what came back.</summary>
    public static async Task<LoginAttempt> TryLoginAsync(WebClient client, string login, string password)
    {
        using var page = await client.GetAsync("/login");
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET /login on {client.Host} answered {(int)page.StatusCode}:\n{HtmlForm.Excerpt(html)}");
        var fields = HtmlForm.HiddenFields(html, "login");
        Assert.Contains("__RequestVerificationToken", fields.Keys);
        var names = HtmlForm.InputNames(html);
        Assert.Contains("Input.Login", names);
        Assert.Contains("Input.Password", names);
        fields["Input.Login"] = login;
        fields["Input.Password"] = password;
        using var post = await client.Http.PostAsync("/login", new FormUrlEncodedContent(fields));
        var body = await post.Content.ReadAsStringAsync();
        return new LoginAttempt(post.StatusCode, post.Headers.Location, body, post.SetsCookie(SessionCookie));
    }

    public const string SessionCookie = "loansaas.session";

    /// <summary>
    /// The form token a browser page would carry for this signed-in member: issued by the app's own antiforgery
    /// service for the client's antiforgery cookie (set by the login page) and the member's id, as the app binds tokens.
    /// </summary>
    public string AntiforgeryToken(WebClient client, string userId)
    {
        var cookie = client.Cookie(AntiforgeryCookie) ?? throw new InvalidOperationException("The client has no antiforgery cookie: sign in first.");
        var http = new DefaultHttpContext { RequestServices = Services };
        http.Request.Headers.Cookie = $"{AntiforgeryCookie}={cookie}";
        http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "test"));
        return Services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http).RequestToken!;
    }

    public const string AntiforgeryCookie = "loansaas.af";

    /// <summary>Posts a form as the member's page would, with its antiforgery token.</summary>
    public Task<HttpResponseMessage> PostFormAsync(WebClient client, string userId, string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.Http.PostAsync(path, new FormUrlEncodedContent(fields.Append(KeyValuePair.Create("__RequestVerificationToken", AntiforgeryToken(client, userId)))));

    /// <summary>Logs in and asserts the session cookie; returns its value.</summary>
    public static async Task<string> LoginAsync(WebClient client, string login, string password)
    {
        var attempt = await TryLoginAsync(client, login, password);
        Assert.True(attempt.SessionCookieSet,
            $"login of {login} on {client.Host} set no {SessionCookie} cookie (status {(int)attempt.Status}):\n{HtmlForm.Excerpt(attempt.Body)}");
        Assert.Equal(HttpStatusCode.Redirect, attempt.Status);
        return client.Cookie(SessionCookie) ?? throw new InvalidOperationException("The cookie jar lost the session cookie.");
    }

    // ---- Use cases ------------------------------------------------------------------------------------------

    public async Task<Result<Guid>> SignUpAsync(SignUpRequest request)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SignUpAgency>().HandleAsync(request, CancellationToken.None);
    }

    public Task<TenantState> ProvisionAsync(Guid tenantId) =>
        Services.GetRequiredService<TenantProvisioner>().ProvisionAsync(tenantId, CancellationToken.None);

    /// <summary>Signs an agency up through the use case and provisions it; asserts it ends Active.</summary>
    public async Task<Agency> ProvisionAgencyAsync(string slug, string? ownerEmail = null, string? ownerMobile = null,
        string password = TestIds.Password, string? ownerName = null)
    {
        ownerEmail ??= TestIds.Email("owner");
        ownerMobile ??= TestIds.Mobile();
        ownerName ??= "负责人" + TestIds.Hex8();
        var signUp = await SignUpAsync(new SignUpRequest($"机构 {slug}", slug, ownerName, ownerMobile, ownerEmail, password));
        Assert.True(signUp.Succeeded, $"sign-up of {slug} failed: {string.Join(", ", signUp.Errors)}");
        var state = await ProvisionAsync(signUp.Value);
        var tenant = await CatalogTenantAsync(signUp.Value);
        Assert.True(state == TenantState.Active, $"{slug} ended {state} at step {tenant.ProvisioningStep}: {tenant.ProvisioningError}");
        var info = TenantStore.ToInfo(tenant);
        await using var db = OpenAgencyDb(info);
        var owner = await db.Users.AsNoTracking().SingleAsync(u => u.Email == ownerEmail.ToLowerInvariant());
        return new Agency(tenant.Id, slug, AgencyHost(slug), info, ownerName, ownerEmail, ownerMobile, password, owner.Id);
    }

    /// <summary>Polls the catalog until the agency reaches <paramref name="state"/> (provisioning runs in the background worker).</summary>
    public async Task<Tenant> WaitForStateAsync(Guid tenantId, TenantState state, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var tenant = await CatalogTenantAsync(tenantId);
            if (tenant.State == state) return tenant;
            if (cts.IsCancellationRequested)
                throw new TimeoutException($"{tenant.Slug} is {tenant.State} at step {tenant.ProvisioningStep} ({tenant.ProvisioningError}), expected {state}.");
            await Task.Delay(100, CancellationToken.None);
        }
    }

    // ---- Databases ------------------------------------------------------------------------------------------

    /// <summary>True when the agency's own database exists (SQLite file, or a pg_database row).</summary>
    public abstract Task<bool> AgencyDatabaseExistsAsync(string databaseName);

    public CatalogDbContext OpenCatalog() => Services.GetRequiredService<CatalogDbContextFactory>().Create();

    public async Task<Tenant> CatalogTenantAsync(Guid tenantId)
    {
        await using var db = OpenCatalog();
        return await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId);
    }

    public async Task<Tenant?> CatalogTenantAsync(string slug)
    {
        await using var db = OpenCatalog();
        return await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Slug == slug);
    }

    /// <summary>A short-lived context on one agency's own database (the app's factory, as the use cases get it).</summary>
    public AgencyDbContext OpenAgencyDb(TenantInfo tenant)
    {
        using var scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ITenantDbContextFactory>().Create(tenant);
    }

    /// <summary>A DI scope on <paramref name="tenant"/> signed in as <paramref name="userId"/>, as a circuit of that member would be.</summary>
    public Task<MemberScope> MemberScopeAsync(TenantInfo tenant, string userId) => MemberScope.BeginAsync(Services, tenant, userId);

    public Task<MemberScope> OwnerScopeAsync(Agency agency) => MemberScopeAsync(agency.Info, agency.OwnerUserId);

    /// <summary>Another instance of the app on the same catalog, databases and data folder (a second node, or the app after a restart).</summary>
    public AppNode StartAnotherNode() => AppNode.Start(Settings().ToList());

    /// <summary>Another node with extra settings (they win over this app's) and test-only services.</summary>
    public AppNode StartAnotherNode(IEnumerable<KeyValuePair<string, string?>> settings, Action<IServiceCollection>? services) =>
        AppNode.Start(Settings().Concat(settings).ToList(), services);
}

public sealed record LoginAttempt(HttpStatusCode Status, Uri? Location, string Body, bool SessionCookieSet);

/// <summary>A provisioned agency and its owner's credentials.</summary>
public sealed record Agency(
    Guid Id, string Slug, string Host, TenantInfo Info,
    string OwnerName, string OwnerEmail, string OwnerMobile, string OwnerPassword, string OwnerUserId);
