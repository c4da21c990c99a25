using Microsoft.Extensions.Options;

namespace BizSuite.Kernel;

/// <summary>
/// Read-your-writes over a lagging replica: after a user's write commits, that user's reads go to the primary for
/// <see cref="KernelOptions.ReadYourWritesWindow"/>, so the page that reloads after a save shows it. Other users may
/// see the replica's lag. The marks are shared by every host (<see cref="SharedState"/>): a user's next read may land on another.
/// </summary>
public sealed class ReadYourWrites(SharedState shared, IOptions<KernelOptions> options)
{
    private bool HasReplica => options.Value.ReadOnlyConnectionString is not null;

    public async Task MarkWriteAsync(Guid userId)
    {
        if (HasReplica) await shared.MarkAsync(Mark(userId), options.Value.ReadYourWritesWindow);
    }

    /// <summary>Whether the user's reads should stay on the primary (always without a replica).</summary>
    public async Task<bool> WroteRecentlyAsync(Guid userId) => !HasReplica || await shared.IsMarkedAsync(Mark(userId));

    private static string Mark(Guid userId) => "read-your-writes:" + userId;
}
