using BizSuite.Tests;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>
/// angular/src/app/core/api/openapi.json is what the Angular client types are generated from: the document of the host
/// as shipped (its modules and the plugins in modules/Plugins, not the tests' probe plugin), regenerated here and
/// compared with the committed file.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiSnapshotTests(BizSuiteFactory app)
{
    private const string RegenerateCommand =
        "BIZSUITE_WRITE_OPENAPI=1 dotnet test tests/BizSuite.IntegrationTests -c Release --filter OpenApiSnapshot, then cd angular && npm run api:types";

    [Fact]
    public async Task Committed_openapi_snapshot_matches_the_document_the_shipped_host_serves()
    {
        await using var shipped = app.WithWebHostBuilder(b => b.UseSetting("Plugins:Path", Path.Combine(AppContext.BaseDirectory, "shipped-plugins")));
        var document = JsonNode.Parse(await shipped.CreateClient().GetStringAsync("/openapi/v1.json"))!.AsObject();
        var generated = Snapshot(document);

        await CommittedFile.ShouldBeCurrentAsync("angular/src/app/core/api/openapi.json", generated, "BIZSUITE_WRITE_OPENAPI", RegenerateCommand);
    }

    /// <summary>
    /// Paths and component maps sorted by name so that module and plugin load order never shows up as a diff; properties
    /// keep their declared order, which is the order of the generated TypeScript members. Indented, LF, trailing newline.
    /// </summary>
    private static string Snapshot(JsonObject document)
    {
        Sort(document, "paths");
        if (document["components"] is JsonObject components)
            foreach (var name in components.Select(c => c.Key).ToList()) Sort(components, name);

        var options = new JsonSerializerOptions { WriteIndented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return document.ToJsonString(options) + "\n";
    }

    private static void Sort(JsonObject parent, string property)
    {
        if (parent[property] is not JsonObject map) return;
        var sorted = new JsonObject();
        foreach (var (key, value) in map.OrderBy(e => e.Key, StringComparer.Ordinal).ToList())
        {
            map.Remove(key);
            sorted[key] = value;
        }
        parent[property] = sorted;
    }
}
