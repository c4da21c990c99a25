using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

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

    private static async Task<Ok<PagedResult<EventJournalEntry>>> ListEvents(AuditAppService s, string? correlationId, Guid? aggregateId,
        [AsParameters] PageRequest page, CancellationToken ct) =>
        TypedResults.Ok(await s.GetEventsAsync(correlationId, aggregateId, page, ct));

    private static async Task<Ok<IReadOnlyList<EventJournalEntry>>> GetDocumentChain(DocumentChain chain, Guid documentId, CancellationToken ct) =>
        TypedResults.Ok(await chain.ForAsync(documentId, ct));

    private static async Task<Ok<PagedResult<EntityChangeRecord>>> ListEntityChanges(AuditAppService s, string? entityType, string? entityId,
        [AsParameters] PageRequest page, CancellationToken ct) =>
        TypedResults.Ok(await s.GetEntityChangesAsync(entityType, entityId, page, ct));
}
