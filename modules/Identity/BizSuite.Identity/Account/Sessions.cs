using System.Linq.Expressions;
using BizSuite.Identity.Data;
using BizSuite.Identity.SecurityLog;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Identity.Account;

/// <summary>A signed-in device: one refresh-token family, from its login to its latest refresh.</summary>
public sealed record SessionDto(Guid Id, string? UserAgent, string? IpAddress, DateTime CreatedAt, DateTime LastUsedAt, bool IsCurrent);

/// <summary>
/// Sessions are refresh-token families. Revoking one stops its refreshes at once; an access token already issued
/// lives out its short lifetime (Jwt:AccessTokenLifetime), which the UI says.
/// </summary>
internal sealed class Sessions(IdentityDbContext db, ICurrentUser currentUser, IHttpContextAccessor http, SecurityLogService log, TimeProvider clock)
{
    /// <summary>The access token's claim naming its session (refresh-token family), so "this device" can be told apart.</summary>
    public const string SessionClaim = "sid";

    public async Task<IReadOnlyList<SessionDto>> GetMineAsync(CancellationToken cancellationToken)
    {
        var userId = Me();
        var now = clock.GetUtcNow().UtcDateTime;
        var live = await db.RefreshTokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.RevokedAt == null && t.ExpiresAt > now).ToListAsync(cancellationToken);
        var families = live.Select(t => t.FamilyId).Distinct().ToList();
        var started = await db.RefreshTokens.AsNoTracking().Where(t => families.Contains(t.FamilyId))
            .GroupBy(t => t.FamilyId).Select(g => new { g.Key, At = g.Min(t => t.CreatedAt) })
            .ToDictionaryAsync(g => g.Key, g => g.At, cancellationToken);
        var current = CurrentSession();
        return live.GroupBy(t => t.FamilyId).Select(g => g.MaxBy(t => t.CreatedAt)!)
            .OrderByDescending(t => t.FamilyId == current).ThenByDescending(t => t.CreatedAt)
            .Select(t => new SessionDto(t.FamilyId, t.UserAgent, t.IpAddress, started[t.FamilyId], t.CreatedAt, t.FamilyId == current))
            .ToList();
    }

    public async Task RevokeAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var userId = Me();
        if (await RevokeWhereAsync(t => t.UserId == userId && t.FamilyId == sessionId, cancellationToken) == 0)
            throw new EntityNotFoundException("Session", sessionId);
        log.Record(SecurityEventKind.SessionRevoked, userId, currentUser.UserName ?? "", $"session {sessionId}");
    }

    public async Task RevokeOthersAsync(CancellationToken cancellationToken)
    {
        var userId = Me();
        var current = CurrentSession();
        var count = await RevokeWhereAsync(t => t.UserId == userId && t.FamilyId != current, cancellationToken);
        log.Record(SecurityEventKind.SessionsRevoked, userId, currentUser.UserName ?? "", $"{count} other sessions, by the user");
    }

    /// <summary>Ends every session of a user (the admin's "sign out everywhere"; the caller checked the user is of this tenant).</summary>
    public async Task RevokeAllAsync(Guid userId, string userName, CancellationToken cancellationToken)
    {
        var count = await RevokeWhereAsync(t => t.UserId == userId, cancellationToken);
        log.Record(SecurityEventKind.SessionsRevoked, userId, userName, $"{count} sessions, by {currentUser.UserName}");
    }

    private Task<int> RevokeWhereAsync(Expression<Func<RefreshToken, bool>> which, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.RefreshTokens.Where(which).Where(t => t.RevokedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
    }

    // An API key acts for its creator but is not one of their sessions: it may not list or end them.
    private Guid Me() => currentUser is { Id: { } id, Scopes: null } ? id : throw new BusinessException(IdentityErrors.InvalidCredentials, StatusCodes.Status401Unauthorized);

    private Guid? CurrentSession() =>
        Guid.TryParse(http.HttpContext?.User.FindFirst(SessionClaim)?.Value, out var id) ? id : null;
}
