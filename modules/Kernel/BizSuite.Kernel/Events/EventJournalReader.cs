using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Kernel;

/// <summary>
/// Reads a tenant's journal in the order the events happened, for projections that rebuild themselves from it (process
/// KPIs). It streams on a connection of its own, so the caller can write on the unit of work's while it reads.
/// </summary>
public sealed class EventJournalReader(IDbContextFactory<KernelDbContext> contexts)
{
    public async IAsyncEnumerable<EventJournalEntry> ReadAsync(Guid tenantId, IReadOnlyCollection<string> eventTypes,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var types = eventTypes.ToList();
        var entries = db.EventJournal.AsNoTracking()
            .Where(e => e.TenantId == tenantId && types.Contains(e.EventType))
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .AsAsyncEnumerable();
        await foreach (var entry in entries.WithCancellation(cancellationToken)) yield return entry;
    }
}
