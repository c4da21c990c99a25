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
}
