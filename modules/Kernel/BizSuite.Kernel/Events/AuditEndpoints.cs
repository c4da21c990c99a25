using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Kernel;

/// <summary>The audit trail: the event journal, one document's chain of events, and entity change sets.</summary>
internal static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit").RequirePermission(KernelPermissions.AuditLogs);
        audit.MapGet("/events", ListEvents).WithExcelExport();
        api.MapGet("/audit/document-chain/{documentId:guid}", GetDocumentChain).WithTags("Audit").RequirePermission(KernelPermissions.DocumentChains);
        audit.MapGet("/entity-changes", ListEntityChanges).WithExcelExport();
    }

    private static async Task<Ok<PagedResult<EventJournalEntry>>> ListEvents(KernelDbContext db, ICurrentTenant tenant, string? correlationId, Guid? aggregateId,
        [AsParameters] PageRequest page, CancellationToken ct)
    {
        var query = db.EventJournal.AsNoTracking().Where(e => e.TenantId == tenant.Id);
        if (correlationId is not null) query = query.Where(e => e.CorrelationId == correlationId);
        if (aggregateId is not null) query = query.Where(e => e.AggregateId == aggregateId);
        return TypedResults.Ok(new PagedResult<EventJournalEntry>(
            await query.OrderBy(e => e.Id).Skip(page.Skip).Take(page.Take).ToListAsync(ct),
            await query.LongCountAsync(ct)));
    }

    private static async Task<Ok<IReadOnlyList<EventJournalEntry>>> GetDocumentChain(DocumentChain chain, Guid documentId, CancellationToken ct) =>
        TypedResults.Ok(await chain.ForAsync(documentId, ct));

    private static async Task<Ok<PagedResult<EntityChangeRecord>>> ListEntityChanges(KernelDbContext db, ICurrentTenant tenant, string? entityType, string? entityId,
        [AsParameters] PageRequest page, CancellationToken ct)
    {
        var query = db.EntityChanges.AsNoTracking().Where(e => e.TenantId == tenant.Id);
        if (entityType is not null) query = query.Where(e => e.EntityType == entityType);
        if (entityId is not null) query = query.Where(e => e.EntityId == entityId);
        return TypedResults.Ok(new PagedResult<EntityChangeRecord>(
            await query.OrderByDescending(e => e.ChangedAt).Skip(page.Skip).Take(page.Take).ToListAsync(ct),
            await query.LongCountAsync(ct)));
    }
}
