using BizSuite.Kernel;

namespace BizSuite.Identity.Impersonations;

/// <summary>
/// A host admin acting as a user of a tenant, for a reason and until a set time: the tokens it issues carry the
/// impersonator and cannot be refreshed past <see cref="EndsAt"/> or once it has ended.
/// </summary>
internal sealed class Impersonation : IMultiTenant
{
    public const int MaxMinutes = 60;
    public const int ReasonMinLength = 10;
    public const int ReasonMaxLength = 200;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid? TenantId { get; private set; }
    public Guid HostUserId { get; private set; }
    public string HostUserName { get; private set; } = "";
    public Guid UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public DateTime StartedAt { get; private set; }
    public DateTime EndsAt { get; private set; }
    public DateTime? EndedAt { get; private set; }

    private Impersonation() { }

    public Impersonation(Guid hostUserId, string hostUserName, Guid userId, string userName, string reason, DateTime now, TimeSpan duration)
    {
        HostUserId = hostUserId;
        HostUserName = hostUserName;
        UserId = userId;
        UserName = userName;
        Reason = reason;
        StartedAt = now;
        EndsAt = now + duration;
    }

    public bool IsLive(DateTime now) => EndedAt is null && EndsAt > now;

    public void End(DateTime now) => EndedAt ??= now;
}
