using BizSuite.Kernel;
using BizSuite.Saas.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Saas.Subscriptions;

/// <summary>
/// The current tenant's usage against its edition; the host side has no limits. Checking locks the tenant's row until
/// the caller's unit of work ends, so two requests cannot both count the last free place.
/// </summary>
internal sealed class EditionLimits(SaasDbContext db, ICurrentTenant currentTenant, IEnumerable<IUsageMeter> meters) : IEditionLimits
{
    public async Task EnsureRoomForAsync(UsageKind kind, long adding, CancellationToken cancellationToken)
    {
        if (currentTenant.Id is not { } tenantId) return;
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT Id FROM saas_tenants WHERE Id = {tenantId} FOR UPDATE", cancellationToken);
        if (await EditionAsync(cancellationToken) is not { } edition) return;
        var limit = edition.Limit(kind);
        if (await UsageAsync(kind, cancellationToken) + adding <= limit) return;
        throw kind == UsageKind.Users
            ? new BusinessException(SaasErrors.UserLimitReached, StatusCodes.Status422UnprocessableEntity, edition.Name, limit)
            : new BusinessException(SaasErrors.StorageLimitReached, StatusCodes.Status422UnprocessableEntity, edition.Name, edition.MaxStorageMb);
    }

    public async Task<long> UsageAsync(UsageKind kind, CancellationToken cancellationToken)
    {
        long used = 0;
        foreach (var meter in meters.Where(m => m.Kind == kind)) used += await meter.MeasureAsync(cancellationToken);
        return used;
    }

    private async Task<Edition?> EditionAsync(CancellationToken cancellationToken)
    {
        if (currentTenant.Id is not { } tenantId) return null;
        var name = await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.Subscription.Edition).FirstAsync(cancellationToken);
        return await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Name == name, cancellationToken);
    }
}
