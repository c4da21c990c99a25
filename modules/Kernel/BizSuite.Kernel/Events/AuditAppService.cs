using Microsoft.EntityFrameworkCore;

namespace BizSuite.Kernel;

/// <summary>The tenant's audit trail: its event journal and its entity change sets, filtered and paged.</summary>
internal sealed class AuditAppService(KernelDbContext db, ICurrentTenant tenant)
{
    public async Task<PagedResult<EventJournalEntry>> GetEventsAsync(string? correlationId, Guid? aggregateId, PageRequest page, CancellationToken ct)
    {
        var query = db.EventJournal.AsNoTracking().Where(e => e.TenantId == tenant.Id);
        if (correlationId is not null) query = query.Where(e => e.CorrelationId == correlationId);
        if (aggregateId is not null) query = query.Where(e => e.AggregateId == aggregateId);
        return new PagedResult<EventJournalEntry>(
            await query.OrderBy(e => e.Id).Skip(page.Skip).Take(page.Take).ToListAsync(ct),
            await query.LongCountAsync(ct));
    }

    public async Task<PagedResult<EntityChangeRecord>> GetEntityChangesAsync(string? entityType, string? entityId, PageRequest page, CancellationToken ct)
    {
        var query = db.EntityChanges.AsNoTracking().Where(e => e.TenantId == tenant.Id);
        if (entityType is not null) query = query.Where(e => e.EntityType == entityType);
        if (entityId is not null) query = query.Where(e => e.EntityId == entityId);
        return new PagedResult<EntityChangeRecord>(
            await query.OrderByDescending(e => e.ChangedAt).Skip(page.Skip).Take(page.Take).ToListAsync(ct),
            await query.LongCountAsync(ct));
    }
}
