using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace BizSuite.Kernel;

/// <summary>
/// The browser's live channel: a signed-in user's open tabs join the group of (tenant, user) and hear what is pushed to
/// them (<see cref="IUserPush"/>). Clients only listen; they call nothing. With Redis the groups span every host.
/// </summary>
[Authorize]
public sealed class UserHub : Hub
{
    public const string Path = "/hubs/user";

    public override async Task OnConnectedAsync()
    {
        var user = Context.User;
        var userId = user?.FindFirst("sub")?.Value;
        if (userId is null)
        {
            Context.Abort(); // an API key has no browser tab
            return;
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(user!.FindFirst(TenantResolver.TenantClaim)?.Value, userId));
        await base.OnConnectedAsync();
    }

    internal static string Group(string? tenantId, string userId) => $"{tenantId}:{userId}";
}

/// <summary>Sends a message to users' open tabs once the current unit of work has committed (a rolled-back change is never pushed).</summary>
public interface IUserPush
{
    void AfterCommit(IEnumerable<Guid> userIds, string method, object payload);
}

internal sealed class UserPush(UnitOfWork unitOfWork, ICurrentTenant currentTenant, IHubContext<UserHub> hub, ILogger<UserPush> logger) : IUserPush
{
    public void AfterCommit(IEnumerable<Guid> userIds, string method, object payload)
    {
        var groups = userIds.Distinct().Select(id => UserHub.Group(currentTenant.Id?.ToString(), id.ToString())).ToList();
        if (groups.Count == 0) return;
        unitOfWork.OnCommitted(async () =>
        {
            try
            {
                await hub.Clients.Groups(groups).SendAsync(method, payload);
            }
            catch (Exception ex)
            {
                // The change is committed; the tab falls back to polling and finds it there.
                logger.LogWarning(ex, "Pushing {Method} to {Count} users failed", method, groups.Count);
            }
        });
    }
}
