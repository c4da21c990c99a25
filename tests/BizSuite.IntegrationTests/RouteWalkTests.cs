using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>
/// What an integrator meets when they get it wrong: every route of the OpenAPI document, today's and tomorrow's, is called
/// with an id that does not exist in the caller's tenant and with an empty or blank body. Nothing may answer 5xx, and a
/// route naming an unknown id may not pretend it exists (200 with an empty list, or doing something).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RouteWalkTests(BizSuiteFactory app)
{
    private static readonly string[] Methods = ["get", "post", "put", "delete", "patch"];

    private sealed record Operation(string Method, string Path, JsonElement Spec)
    {
        public bool NamesAnId => Path.Contains('{');
        public bool HasBody => Spec.TryGetProperty("requestBody", out _);
        public bool TakesFile => HasBody && Spec.GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _);
        public override string ToString() => $"{Method.ToUpperInvariant()} {Path}";
    }

    private async Task<List<Operation>> OperationsAsync()
    {
        var document = await app.Anonymous().GetJsonAsync("/openapi/v1.json");
        return document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)).Select(m => new Operation(m.Name, p.Name, m.Value)))
            // Logging out revokes the session the walk runs in; its own tests cover it.
            .Where(o => o.Path != "/api/account/logout")
            .ToList();
    }

    [Fact]
    public async Task No_route_answers_5xx_or_success_for_an_id_that_does_not_exist()
    {
        var tenant = await app.CreateTenantAsync("walk");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var host = await app.HostAdminAsync();
        var operations = await OperationsAsync();

        var wrong = new List<string>();
        foreach (var operation in operations.Where(o => o.NamesAnId))
        {
            var url = WithUnknownIds(operation);
            var body = operation.HasBody ? "{}" : null;
            var (status, text) = await SendAsync(admin, host, operation.Method, url, body);
            // A read or delete of an unknown id is not found. A command may be refused before its target is looked up
            // (a body that says nothing, a caller without an employee record): any 4xx says what happened, a 2xx or 5xx does not.
            var expected = operation.Method is "get" or "delete" ? status == HttpStatusCode.NotFound : (int)status is >= 400 and < 500;
            if (!expected) wrong.Add($"{operation} with an unknown id{(body is null ? "" : " and {}")} → {(int)status} {Snippet(text)}");
        }
        wrong.ShouldBeEmpty(string.Join('\n', wrong));
    }

    [Fact]
    public async Task No_route_answers_5xx_to_an_empty_or_blank_body()
    {
        var tenant = await app.CreateTenantAsync("walk");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        var host = await app.HostAdminAsync();
        var operations = await OperationsAsync();

        var wrong = new List<string>();
        foreach (var operation in operations.Where(o => o.HasBody && !o.NamesAnId))
        {
            foreach (var body in new[] { "", "{}", "null" })
            {
                var (status, text) = await SendAsync(admin, host, operation.Method, operation.Path, body);
                // A body that is required and missing (or null) is the caller's mistake; {} may be valid for a body of optional fields.
                var refused = (int)status is >= 400 and < 500;
                var ok = body == "{}" ? (int)status < 500 : refused;
                if (!ok) wrong.Add($"{operation} with body '{body}' → {(int)status} {Snippet(text)}");
            }
        }
        wrong.ShouldBeEmpty(string.Join('\n', wrong));
    }

    [Fact]
    public async Task Every_secured_route_answers_401_without_a_caller_and_403_to_a_user_without_its_permission()
    {
        var tenant = await app.CreateTenantAsync("walk");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        await admin.PostJsonAsync("/api/identity/roles", new { name = "nothing" }, HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/identity/users",
            new { userName = "nobody", email = $"nobody@{tenant}.test", name = "Nobody", password = "Passw0rd!", isActive = true, roleNames = new[] { "nothing" } },
            HttpStatusCode.Created);
        var nobody = await app.LoginAsync(tenant, "nobody", "Passw0rd!");
        var anonymous = app.Anonymous(tenant);
        var secured = (await OperationsAsync()).Where(o => o.Spec.GetProperty("security").GetArrayLength() > 0).ToList();
        secured.Count.ShouldBeGreaterThan(250);

        var wrong = new List<string>();
        foreach (var operation in secured)
        {
            var url = WithUnknownIds(operation);
            // An upload gets a (empty) form: routing answers 415 to JSON for it before anyone is asked who calls.
            var body = operation.TakesFile ? MultipartBody : operation.HasBody ? "{}" : null;
            var (status, text) = await SendAsync(anonymous, operation.Method, url, body);
            if (status != HttpStatusCode.Unauthorized) wrong.Add($"{operation} without a caller → {(int)status} {Snippet(text)}");
            if (!operation.Spec.TryGetProperty("x-permission", out _)) continue; // signed in is enough (one's own sessions, notifications …)
            (status, text) = await SendAsync(nobody, operation.Method, url, body);
            if (status != HttpStatusCode.Forbidden) wrong.Add($"{operation} by a user without its permission → {(int)status} {Snippet(text)}");
        }
        wrong.ShouldBeEmpty(string.Join('\n', wrong));
    }

    private static string WithUnknownIds(Operation operation)
    {
        var parameters = operation.Spec.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
        var path = operation.Path;
        foreach (var parameter in parameters.Where(p => p.Str("in") == "path"))
        {
            var name = parameter.Str("name");
            var schema = parameter.TryGetProperty("schema", out var s) ? s : default;
            var format = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) ? f.GetString() : null;
            var type = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var value = format == "uuid" ? Guid.NewGuid().ToString() : type is "integer" or "number" ? "987654321" : "no-such-" + name.ToLowerInvariant();
            path = path.Replace("{" + name + "}", value);
        }
        return path;
    }

    /// <summary>As the tenant's admin, or as the host admin where the route is the host's (the tenant admin gets 403).</summary>
    private static async Task<(HttpStatusCode Status, string Text)> SendAsync(HttpClient admin, HttpClient host, string method, string url, string? body)
    {
        var answer = await SendAsync(admin, method, url, body);
        return answer.Status == HttpStatusCode.Forbidden ? await SendAsync(host, method, url, body) : answer;
    }

    private static async Task<(HttpStatusCode Status, string Text)> SendAsync(HttpClient client, string method, string url, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
        if (body == MultipartBody) request.Content = new MultipartFormDataContent();
        else if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private const string MultipartBody = "<multipart>";

    private static string Snippet(string text) => text.Length > 200 ? text[..200] : text;
}
