namespace BizSuite.Identity.Account;

/// <summary>
/// A rotating refresh token, stored as a hash. Each use replaces it by a new one of the same family;
/// presenting a replaced token again means it leaked, and the whole family is revoked.
/// Not tenant-filtered: a refresh call finds its token (and so its tenant) by hash alone.
/// </summary>
internal sealed class RefreshToken
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid? TenantId { get; private set; }
    public Guid UserId { get; private set; }
    public Guid FamilyId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    /// <summary>Where the session was used from (the browser or client, the address), for the user's list of sessions.</summary>
    public string? UserAgent { get; private set; }
    public string? IpAddress { get; private set; }
    /// <summary>Set when a host admin acts as the user: the family lives no longer than the impersonation.</summary>
    public Guid? ImpersonationId { get; private set; }

    private RefreshToken() { }

    public RefreshToken(Guid? tenantId, Guid userId, Guid familyId, string tokenHash, DateTime now, DateTime expiresAt, string? userAgent, string? ipAddress, Guid? impersonationId)
    {
        UserAgent = userAgent is { Length: > 256 } ? userAgent[..256] : userAgent;
        IpAddress = ipAddress;
        TenantId = tenantId;
        UserId = userId;
        FamilyId = familyId;
        TokenHash = tokenHash;
        CreatedAt = now;
        ExpiresAt = expiresAt;
        ImpersonationId = impersonationId;
    }

    public bool IsUsable(DateTime now) => RevokedAt is null && ExpiresAt > now;

    public void Revoke(DateTime now) => RevokedAt ??= now;
}
