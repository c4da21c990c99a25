using System.Diagnostics;
using System.Text.Json;
using BizSuite.Insights.Data;
using BizSuite.Kernel;
using BizSuite.Saas;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BizSuite.Insights.Instances;

/// <summary>
/// Replaces the current tenant's process instances by the ones its journal gives, in the caller's transaction: the same
/// projector the handlers use, fed with every projected event in the order it happened. It also fills in the instances
/// of tenants that existed before this module.
/// </summary>
internal sealed class Rebuild(InsightsDbContext db, EventJournalReader journal, ICurrentTenant tenant)
{
    private const int Batch = 2000;
    private static readonly Dictionary<string, Type> EventTypes = Projector.Events.ToDictionary(t => t.Name);

    public async Task<RebuildResultDto> RunAsync(CancellationToken ct)
    {
        var tenantId = tenant.Id ?? throw new InvalidOperationException("A rebuild runs for a tenant.");
        var clock = Stopwatch.StartNew();
        await db.Milestones.ExecuteDeleteAsync(ct);
        await db.ApprovalSteps.ExecuteDeleteAsync(ct);
        await db.Instances.ExecuteDeleteAsync(ct);

        var store = new MemoryInstanceStore(tenantId);
        var projector = new Projector(store);
        var events = 0;
        await foreach (var entry in journal.ReadAsync(tenantId, EventTypes.Keys, ct))
        {
            var domainEvent = (IDomainEvent)JsonSerializer.Deserialize(entry.Payload, EventTypes[entry.EventType], JournalJson.Options)!;
            await projector.ApplyAsync(domainEvent, entry.OccurredAt, ct);
            events++;
        }

        var instances = store.Instances.ToList();
        foreach (var chunk in instances.Chunk(Batch))
        {
            db.Instances.AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        foreach (var chunk in store.Steps.Chunk(Batch * 4))
        {
            db.ApprovalSteps.AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return new RebuildResultDto(events, instances.Count, clock.ElapsedMilliseconds);
    }
}

/// <summary><c>--rebuild-insights[=tenant name]</c>: rebuilds one tenant, or every tenant, each in its own transaction, then exits.</summary>
public static class InsightsCommandLine
{
    public const string Switch = "--rebuild-insights";

    public static bool Wants(string[] args) => args.Any(a => a == Switch || a.StartsWith(Switch + "="));

    public static async Task RunAsync(IServiceProvider services, string[] args, CancellationToken ct = default)
    {
        var name = args.First(a => a == Switch || a.StartsWith(Switch + "=")) is var arg && arg.Contains('=') ? arg[(arg.IndexOf('=') + 1)..] : null;
        var runner = services.GetRequiredService<UnitOfWorkRunner>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("BizSuite.Insights");
        var tenants = new List<TenantDto>();
        await runner.RunAsync(async (sp, c) =>
        {
            var saas = sp.GetRequiredService<ITenantAppService>();
            if (name is not null)
                tenants.Add(await saas.FindByNameAsync(name, c) ?? throw new InvalidOperationException($"No tenant named {name}."));
            else
                for (var skip = 0; ; skip += PageRequest.MaxTake)
                {
                    var page = await saas.GetListAsync(new PageRequest(skip, PageRequest.MaxTake), c);
                    tenants.AddRange(page.Items);
                    if (page.Items.Count < PageRequest.MaxTake) break;
                }
        }, ct);
        foreach (var t in tenants)
            await runner.RunAsync(async (sp, c) =>
            {
                using (sp.GetRequiredService<ICurrentTenant>().Change(t.Id, t.Name))
                {
                    var result = await sp.GetRequiredService<Rebuild>().RunAsync(c);
                    logger.LogInformation("Rebuilt insights of {Tenant}: {Events} events, {Instances} instances in {Ms} ms",
                        t.Name, result.Events, result.Instances, result.Milliseconds);
                }
            }, ct);
    }
}
