using System.Text.Json;
using BizSuite.Kernel;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>The OpenAPI document is what integrators and the generated client types start from.</summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiDocumentTests(BizSuiteFactory app)
{
    private async Task<JsonElement> DocumentAsync() => await app.Anonymous().GetJsonAsync("/openapi/v1.json");

    [Fact]
    public async Task Every_permission_of_every_module_is_a_value_of_the_PermissionName_schema()
    {
        var schema = (await DocumentAsync()).GetProperty("components").GetProperty("schemas").GetProperty("PermissionName");

        schema.Str("type").ShouldBe("string");
        var names = schema.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToList();
        names.ShouldBe(app.Service<PermissionDefinitions>().All.Select(p => p.Name).ToList());
        names.ShouldContain("Crm.Contracts.Sign");
        names.ShouldContain("Probe.Notes"); // a plugin's too
    }

    [Fact]
    public async Task Types_of_the_same_name_in_two_modules_are_two_schemas_and_enums_hold_only_their_values()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");

        // Orders' deliveries and webhook deliveries were once one schema: the sales order's deliveries had the webhook's shape.
        Properties(schemas, "DeliveryDto").ShouldBe(["id", "deliveredOn", "note", "lines"]);
        Properties(schemas, "WebhookDeliveryDto").ShouldContain("attempts");
        Properties(schemas, "SubscriptionDto").ShouldContain("edition");
        Properties(schemas, "WebhookSubscriptionDto").ShouldContain("url");
        // A nullable use (CollectionStatus? status) says so where it is used, not as a null member of the enum.
        schemas.GetProperty("CollectionStatus").GetProperty("enum").EnumerateArray().Select(v => v.ValueKind).ShouldAllBe(k => k == JsonValueKind.String);
        var nullableEnums = schemas.EnumerateObject()
            .Where(s => s.Value.TryGetProperty("enum", out var values) && values.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.Null))
            .Select(s => s.Name);
        nullableEnums.ShouldBeEmpty();
    }

    private static List<string> Properties(JsonElement schemas, string name) =>
        schemas.GetProperty(name).GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
}
