using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>
/// The OpenAPI document integrators generate clients from: every operation of every module and plugin, including ones
/// mapped after this test was written, has an operationId, a summary, a security requirement (or is public on purpose)
/// and its error answers as ProblemDetails.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class OpenApiTests(BizSuiteFactory app)
{
    private static readonly string[] Methods = ["get", "post", "put", "delete", "patch"];

    private async Task<(JsonElement Document, List<(string Path, string Method, JsonElement Operation)> Operations)> DocumentAsync()
    {
        var document = await app.Anonymous().GetJsonAsync("/openapi/v1.json");
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)).Select(m => (p.Name, m.Name, m.Value)))
            .ToList();
        operations.Count.ShouldBeGreaterThan(100);
        return (document, operations);
    }

    [Fact]
    public async Task Every_operation_has_a_unique_url_safe_operationId_and_a_summary()
    {
        var (_, operations) = await DocumentAsync();

        var missing = operations.Where(o => !o.Operation.TryGetProperty("operationId", out var id) || !OperationId().IsMatch(id.GetString()!)
                                            || !o.Operation.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
            .Select(o => $"{o.Method} {o.Path}").ToList();
        missing.ShouldBeEmpty();
        operations.Select(o => o.Operation.GetProperty("operationId").GetString()).GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
        var ids = operations.ToDictionary(o => $"{o.Method} {o.Path}", o => (o.Operation.GetProperty("operationId").GetString(), o.Operation.GetProperty("summary").GetString()));
        ids["get /api/finance/invoices"].ShouldBe(("Finance_ListInvoices", "List invoices"));
        ids["get /api/finance/invoices/{id}/pdf"].ShouldBe(("Finance_GetInvoicePdf", "Get invoice PDF"));
        ids["post /api/crm/contracts/{id}/sign"].ShouldBe(("Crm_SignContract", "Sign contract"));
        ids["post /api/finance/stripe/webhook"].ShouldBe(("Finance_ReceiveStripeWebhook", "Receive stripe webhook"));
    }

    [Fact]
    public async Task Every_operation_states_its_security_and_answers_with_problem_details()
    {
        var (document, operations) = await DocumentAsync();
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        schemes.GetProperty("Bearer").Str("scheme").ShouldBe("bearer");
        schemes.GetProperty("ApiKey").Str("name").ShouldBe("X-Api-Key");

        var problems = new List<string>();
        foreach (var (path, method, operation) in operations)
        {
            var name = $"{method} {path}";
            var responses = operation.GetProperty("responses").EnumerateObject().ToDictionary(r => r.Name, r => r.Value);
            if (!responses.Keys.Any(k => k.StartsWith('2'))) problems.Add($"{name}: no 2xx answer");
            if (!responses.Keys.Any(k => k.StartsWith('4'))) problems.Add($"{name}: no 4xx answer");
            foreach (var (status, response) in responses.Where(r => r.Key.StartsWith('4')))
                if (!response.TryGetProperty("content", out var content) || !content.TryGetProperty("application/problem+json", out _))
                    problems.Add($"{name}: {status} is not ProblemDetails");
            if (!operation.TryGetProperty("security", out var security)) { problems.Add($"{name}: no security requirement"); continue; }
            var secured = security.GetArrayLength() > 0;
            if (secured && !responses.ContainsKey("401")) problems.Add($"{name}: secured without 401");
            if (operation.TryGetProperty("x-permission", out _) && !responses.ContainsKey("403")) problems.Add($"{name}: a permission without 403");
            if (path.Contains('{') && !responses.ContainsKey("404")) problems.Add($"{name}: an id without 404");
        }
        problems.ShouldBeEmpty();

        var byName = operations.ToDictionary(o => $"{o.Method} {o.Path}", o => o.Operation);
        byName["get /api/finance/invoices/{id}/pdf"].Str("x-permission").ShouldBe("Finance.Invoices");
        byName["get /api/finance/invoices/{id}/pdf"].GetProperty("responses").GetProperty("200").GetProperty("content")
            .TryGetProperty("application/pdf", out _).ShouldBeTrue();
        byName["post /api/account/login"].GetProperty("security").GetArrayLength().ShouldBe(0, "login is public on purpose");
        byName["post /api/crm/customers"].GetProperty("responses").TryGetProperty("201", out _).ShouldBeTrue("a create answers 201 Created");
        byName["delete /api/identity/users/{id}"].GetProperty("responses").TryGetProperty("204", out _).ShouldBeTrue("a delete answers 204 No Content");
    }

    [Fact]
    public void A_handler_method_name_is_not_an_endpoint_name_so_equal_handler_names_never_break_link_generation()
    {
        var names = app.Service<EndpointDataSource>().Endpoints.Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName).OfType<string>().ToList();

        names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
        // Resolving by name reads every endpoint's name, and throws when two endpoints share one.
        app.Service<LinkGenerator>().GetPathByName("ListCustomers", values: null).ShouldBeNull();
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex OperationId();
}
