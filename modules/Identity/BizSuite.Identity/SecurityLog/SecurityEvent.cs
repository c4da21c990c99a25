using BizSuite.Kernel;

namespace BizSuite.Identity.SecurityLog;

/// <summary>One row of the tenant's security log: who (or which user name was tried), what, from where, when.</summary>
internal sealed class SecurityEvent : IMultiTenant
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid? TenantId { get; private set; }
    public Guid? UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public SecurityEventKind Kind { get; private set; }
    public string? Detail { get; private set; }
    public string? IpAddress { get; private set; }
    public string? UserAgent { get; private set; }
    public DateTime At { get; private set; }

    private SecurityEvent() { }

    public SecurityEvent(SecurityEventKind kind, Guid? userId, string userName, string? detail, string? ipAddress, string? userAgent, DateTime at)
    {
        Kind = kind;
        UserId = userId;
        UserName = Cut(userName, 256)!;
        Detail = Cut(detail, 256);
        IpAddress = ipAddress;
        UserAgent = Cut(userAgent, 256);
        At = at;
    }

    private static string? Cut(string? text, int max) => text is { Length: > 0 } t && t.Length > max ? t[..max] : text;
}
