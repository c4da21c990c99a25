using BizSuite.Tests;
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

        await CommittedFile.ShouldBeCurrentAsync("docs/events.md", generated, "BIZSUITE_WRITE_EVENT_MAP", EventMap.RegenerateCommand);
    }
}
