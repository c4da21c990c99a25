using BizSuite.Host;
using BizSuite.Kernel;
using BizSuite.Plugins.RobotNotifier;
using Microsoft.AspNetCore.Builder;
using Shouldly;

namespace BizSuite.ArchitectureTests;

/// <summary>docs/events.md is what the composed host really registers: regenerated here and compared with the committed file.</summary>
public sealed class EventMapTests
{
    [Fact]
    public async Task EventMap_in_docs_matches_the_handlers_the_composed_host_registers()
    {
        // The host's modules and the robot-notifier plugin, composed as the host composes them; nothing connects to a database.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration["ConnectionStrings:Default"] = "Server=127.0.0.1;Database=event_map";
        builder.Configuration["Jwt:SigningKey"] = "event-map-signing-key-0123456789abcdef";
        builder.Configuration["Plugins:Path"] = Path.Combine(Path.GetTempPath(), "bizsuite-no-plugins");
        builder.AddBizSuite([.. HostModules.Roots, typeof(RobotNotifierModule)]);
        await using var app = builder.Build();
        var generated = await EventMap.MarkdownAsync(app.Services);

        var path = Path.Combine(RepositoryRoot(), "docs", "events.md");
        if (Environment.GetEnvironmentVariable("BIZSUITE_WRITE_EVENT_MAP") == "1") await File.WriteAllTextAsync(path, generated);
        var committed = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";
        committed.ShouldBe(generated, $"docs/events.md is stale: run {EventMap.RegenerateCommand}");
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BizSuite.sln"))) return dir.FullName;
        throw new InvalidOperationException("BizSuite.sln not found above " + AppContext.BaseDirectory);
    }
}
